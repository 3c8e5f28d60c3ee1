/**
 * Go's `time.ParseDuration`, for `-timeout 1h13m` and `--lock-timeout 30s`:
 * a sequence of decimal numbers, each with an optional fraction and a unit
 * (ns, us, µs, μs, ms, s, m, h), optionally signed; `0` alone needs no unit.
 * Returns milliseconds, or undefined when Go would reject the text.
 */
const UNIT_NS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3, // U+00B5 micro sign
  'μs': 1e3, // U+03BC Greek mu
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

export function parseGoDuration(text: string): number | undefined {
  let s = text;
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s.startsWith('-');
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return undefined;
  let totalNs = 0;
  while (s !== '') {
    const number = /^(\d*)(?:\.(\d*))?/.exec(s);
    const whole = number?.[1] ?? '';
    const fraction = number?.[2];
    if (whole === '' && (fraction === undefined || fraction === '')) return undefined;
    s = s.slice(number![0].length);
    const unit = /^[^\d.]+/.exec(s)?.[0];
    if (unit === undefined) return undefined; // missing unit
    const scale = UNIT_NS[unit];
    if (scale === undefined) return undefined; // unknown unit
    s = s.slice(unit.length);
    totalNs += Number(whole || '0') * scale + (fraction ? Number(`0.${fraction}`) * scale : 0);
  }
  if (totalNs > 2 ** 63 - 1) return undefined; // Go: invalid duration (overflow)
  const ms = totalNs / 1e6;
  return negative ? -ms : ms;
}
