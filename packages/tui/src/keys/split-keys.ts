import type { KeyPress } from './keymap.js';

export interface Press {
  input: string;
  key: KeyPress;
}

/**
 * A terminal may deliver several keys in one read (a paste, fast typing over
 * ssh, tmux send-keys): Ink then reports `1\r` as one input that is neither
 * text nor enter. Split text and line ends back into separate presses.
 */
export function splitKeys(input: string, key: KeyPress): Press[] {
  if (input.length < 2 || !/[\r\n]/.test(input) || key.ctrl || key.meta) return [{ input, key }];
  const presses: Press[] = [];
  for (const part of input.split(/(\r\n|\r|\n)/)) {
    if (part === '') continue;
    presses.push(/^[\r\n]+$/.test(part) ? { input: '', key: { return: true } } : { input: part, key: {} });
  }
  return presses;
}
