/**
 * First visible index of a list of `count` items in `height` lines that keeps
 * `selected` in view, centred when it can be. Stateless, so a resize or a
 * refresh never leaves the selection off screen.
 */
export function listOffset(count: number, selected: number, height: number): number {
  if (count <= height) return 0;
  const centred = selected - Math.floor(height / 2);
  return Math.min(Math.max(0, centred), count - height);
}

/** Keep a scroll offset inside [0, count - height]. */
export function clampScroll(scroll: number, count: number, height: number): number {
  return Math.min(Math.max(0, scroll), Math.max(0, count - height));
}
