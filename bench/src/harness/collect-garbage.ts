/**
 * Run a full GC when the bench runs with --expose-gc (its script does), so
 * garbage left by setup or by the previous contestant (a closed PGlite holds
 * hundreds of MB) is not collected inside the next timed region.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
