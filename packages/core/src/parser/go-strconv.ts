import { goQuote } from './go-text.js';

/**
 * Go's `strconv.ParseInt(s, 10, 64)` (and `strconv.Atoi`, the same rules on a
 * 64-bit machine): an optional `+`/`-`, then ASCII digits only (no `_`, no
 * spaces), within int64. Used for migration versions (goose's
 * NumericComponent) and ENVSUB substring offsets, so both accept and reject
 * exactly what goose does, with goose's error text.
 */
export type GoIntResult = { ok: true; value: bigint } | { ok: false; range: boolean; message: string };

const UINT64_MAX = (1n << 64n) - 1n;
const INT64_LIMIT = 1n << 63n;

export function goParseInt64(s: string, fn: 'ParseInt' | 'Atoi' = 'ParseInt'): GoIntResult {
  const fail = (range: boolean): GoIntResult => ({
    ok: false,
    range,
    message: `strconv.${fn}: parsing ${goQuote(s)}: ${range ? 'value out of range' : 'invalid syntax'}`,
  });
  let i = 0;
  let negative = false;
  if (s.startsWith('+')) i = 1;
  else if (s.startsWith('-')) {
    negative = true;
    i = 1;
  }
  if (i >= s.length) return fail(false);
  // Accumulate in a plain number while it is exact, then in bigint: Go's
  // ParseUint reports "out of range" as soon as uint64 overflows, even when
  // an invalid character follows, so the order of the two checks matters.
  let small = 0;
  let big: bigint | undefined;
  for (; i < s.length; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return fail(false);
    if (big === undefined) {
      small = small * 10 + d;
      if (small >= 1e14) big = BigInt(small); // still exact: at most 15 digits so far
    } else {
      big = big * 10n + BigInt(d);
      if (big > UINT64_MAX) return fail(true);
    }
  }
  const magnitude = big ?? BigInt(small);
  if (negative ? magnitude > INT64_LIMIT : magnitude >= INT64_LIMIT) return fail(true);
  return { ok: true, value: negative ? -magnitude : magnitude };
}
