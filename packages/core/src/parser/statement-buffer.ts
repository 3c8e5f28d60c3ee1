/**
 * goose's `buf` for the statement being read. goose appends `line + "\n"`
 * for every line; we remember where the lines sit in the source instead, so
 * a statement made of consecutive `\n`-separated lines (nearly all of them)
 * costs one `slice` when emitted rather than a copy per line. Lines that are
 * not a plain piece of the source (ENVSUB output, CRLF files, lines after a
 * skipped annotation) switch the buffer to a list of parts, joined on emit.
 */
export class StatementBuffer {
  private lines = 0;
  private start = 0;
  private end = 0;
  private parts: string[] | undefined;
  /** 1-based lines of the first and last written line with non-space text; 0 when none. */
  firstContentLine = 0;
  lastContentLine = 0;

  constructor(private readonly source: string) {}

  /** goose's `buf.Len() == 0`. */
  get isEmpty(): boolean {
    return this.lines === 0;
  }

  /** goose's `strings.TrimSpace(buf.String()) != ""`. */
  get hasContent(): boolean {
    return this.firstContentLine !== 0;
  }

  /** Writes the source line `source[start, end)`. */
  writeSource(start: number, end: number, lineNo: number, hasContent: boolean): void {
    if (this.lines === 0) {
      this.parts = undefined;
      this.start = start;
      this.end = end;
    } else if (this.parts === undefined && start === this.end + 1 && this.source.charCodeAt(this.end) === 0x0a) {
      this.end = end;
    } else {
      this.toParts().push(this.source.slice(start, end));
    }
    this.count(lineNo, hasContent);
  }

  /** Writes a line that is not a plain piece of the source. */
  writeText(text: string, lineNo: number, hasContent: boolean): void {
    if (this.lines === 0) this.parts = [text];
    else this.toParts().push(text);
    this.count(lineNo, hasContent);
  }

  /** The buffer's text without the final newline (goose trims it anyway), then reset. */
  take(): string {
    const text = this.parts === undefined ? this.source.slice(this.start, this.end) : this.parts.join('\n');
    this.reset();
    return text;
  }

  reset(): void {
    this.lines = 0;
    this.parts = undefined;
    this.firstContentLine = 0;
    this.lastContentLine = 0;
  }

  private toParts(): string[] {
    if (this.parts === undefined) this.parts = [this.source.slice(this.start, this.end)];
    return this.parts;
  }

  private count(lineNo: number, hasContent: boolean): void {
    this.lines++;
    if (hasContent) {
      if (this.firstContentLine === 0) this.firstContentLine = lineNo;
      this.lastContentLine = lineNo;
    }
  }
}
