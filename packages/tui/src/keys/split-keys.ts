import type { KeyPress } from './keymap.js';

export interface Press {
  input: string;
  key: KeyPress;
}

/** One control character as Ink reports it when it arrives alone. */
function controlPress(char: string): Press | undefined {
  const code = char.codePointAt(0)!;
  if (char === '\r' || char === '\n') return { input: '', key: { return: true } };
  // Terminals send DEL (0x7f) for the backspace key; Ink calls it `delete` when alone.
  if (code === 0x7f) return { input: '', key: { delete: true } };
  if (code === 0x08) return { input: '', key: { backspace: true } };
  if (char === '\t') return { input: '', key: { tab: true } };
  // Ctrl-A … Ctrl-Z: Ink reports the letter with `ctrl`.
  if (code >= 1 && code <= 26) return { input: String.fromCharCode(code + 96), key: { ctrl: true } };
  if (code < 0x20) return { input: '', key: {} };
  return undefined;
}

/**
 * A terminal may deliver several keys in one read (fast typing over ssh, a
 * paste, tmux send-keys): Ink splits escape sequences apart but hands a run
 * of plain characters over as one input (`jjj`, six DELs, `12\r`) that is
 * neither a key nor text. Split such a run back into one press per key, so
 * no key is lost however fast it comes.
 */
export function splitKeys(input: string, key: KeyPress): Press[] {
  const chars = [...input];
  if (chars.length < 2 || key.ctrl || key.meta || input.startsWith('\u001B')) return [{ input, key }];
  const presses: Press[] = [];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    // \r\n is one line end, not two.
    if (char === '\r' && chars[i + 1] === '\n') i++;
    presses.push(controlPress(char) ?? { input: char, key: /[A-Z]/.test(char) ? { shift: true } : {} });
  }
  return presses;
}
