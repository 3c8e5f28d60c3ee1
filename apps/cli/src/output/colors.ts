import { parseGoBool } from '../args/go-strconv.js';
import type { Env } from '../args/dotenv.js';

/**
 * Colour only on a terminal, never with -no-color, never when NO_COLOR is set.
 * goose reads NO_COLOR with strconv.ParseBool (so NO_COLOR=1 disables colour
 * but NO_COLOR=yes does not); gander follows no-color.org: any non-empty value
 * disables it. `gooseNoColor` is goose's reading, which `gander env` prints.
 */
export function gooseNoColor(env: Env): boolean {
  return parseGoBool(env.NO_COLOR || 'false') ?? false;
}

export function colorEnabled(options: { isTTY: boolean; noColorFlag: boolean; env: Env }): boolean {
  if (!options.isTTY || options.noColorFlag) return false;
  return (options.env.NO_COLOR ?? '') === '';
}

export interface Palette {
  gray(text: string): string;
  red(text: string): string;
  green(text: string): string;
  bold(text: string): string;
}

const wrap = (open: string, close: string) => (text: string) => `${open}${text}${close}`;
const identity = (text: string) => text;

// goose's verbose gray is \033[90m … \033[00m (migration_sql.go).
export function palette(enabled: boolean): Palette {
  return enabled
    ? { gray: wrap('\x1b[90m', '\x1b[00m'), red: wrap('\x1b[31m', '\x1b[00m'), green: wrap('\x1b[32m', '\x1b[00m'), bold: wrap('\x1b[1m', '\x1b[00m') }
    : { gray: identity, red: identity, green: identity, bold: identity };
}
