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

/** A list's visible slice, with the lines saying how many rows are hidden above and below. */
export interface ListWindow {
  offset: number;
  /** Rows drawn. */
  shown: number;
  /** Rows hidden above; undefined when everything fits (no indicator lines at all). */
  above: number | undefined;
  below: number | undefined;
}

/**
 * When the rows do not fit, the first and last lines of the area say how many
 * are hidden (`↑ 3 more`, `↓ 12 more`), so a scrolled list never looks complete.
 */
export function listWindow(count: number, selected: number, height: number): ListWindow {
  if (count <= height || height < 3) {
    const offset = listOffset(count, selected, height);
    return { offset, shown: Math.min(count, height), above: undefined, below: undefined };
  }
  const shown = height - 2;
  const offset = listOffset(count, selected, shown);
  return { offset, shown, above: offset, below: count - offset - shown };
}
