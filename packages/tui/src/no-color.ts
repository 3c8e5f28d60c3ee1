/**
 * Colour off when asked: the option wins, else NO_COLOR (no-color.org: set and
 * not empty).
 */
export function resolveNoColor(option: boolean | undefined, env: Record<string, string | undefined>): boolean {
  if (option !== undefined) return option;
  const value = env.NO_COLOR;
  return value !== undefined && value !== '';
}
