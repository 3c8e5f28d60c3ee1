import type { TextSink } from '../io.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Go's default log prefix (log.LstdFlags): `2006/01/02 15:04:05 ` in local time. */
export function goLogTimestamp(date: Date): string {
  return `${date.getFullYear()}/${pad(date.getMonth() + 1)}/${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/**
 * goose writes every message with Go's std `log` to stderr. `quiet` (--json)
 * keeps stderr free of them so the JSON document stands alone.
 */
export class Logger {
  constructor(
    private readonly sink: TextSink,
    private readonly now: () => Date,
    readonly quiet: boolean,
  ) {}

  /** One log entry: the timestamp, then the message; a newline is added unless it ends with one. */
  print(message: string): void {
    if (this.quiet) return;
    this.sink.write(`${goLogTimestamp(this.now())} ${message}${message.endsWith('\n') ? '' : '\n'}`);
  }

  /**
   * Many lines with one timestamp in one write: a 10,000-row status table
   * as 10,000 writes to a pipe costs more than everything else it does.
   */
  printAll(messages: readonly string[]): void {
    if (this.quiet || messages.length === 0) return;
    const stamp = goLogTimestamp(this.now());
    this.sink.write(messages.map((m) => `${stamp} ${m}${m.endsWith('\n') ? '' : '\n'}`).join(''));
  }

  /** Text without the timestamp (continuation lines of an error). */
  raw(text: string): void {
    if (this.quiet) return;
    this.sink.write(text);
  }
}
