// Test-only: the two ends of a terminal as runTui sees them, recording what a
// terminal would need restored (raw mode, the alternate screen).
import { EventEmitter } from 'node:events';

export class FakeTtyOut extends EventEmitter {
  readonly isTTY: boolean;
  columns = 80;
  rows = 24;
  readonly chunks: string[] = [];

  constructor(isTTY = true) {
    super();
    this.isTTY = isTTY;
  }

  write(chunk: string | Uint8Array, ...rest: unknown[]): boolean {
    this.chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const callback = rest.find((r): r is () => void => typeof r === 'function');
    callback?.();
    return true;
  }

  get output(): string {
    return this.chunks.join('');
  }

  asStream(): NodeJS.WriteStream {
    return this as unknown as NodeJS.WriteStream;
  }
}

export class FakeTtyIn extends EventEmitter {
  readonly isTTY: boolean;
  /** Every setRawMode call, in order: the last must be false when the app is gone. */
  readonly rawModes: boolean[] = [];
  private readonly queue: string[] = [];

  constructor(isTTY = true) {
    super();
    this.isTTY = isTTY;
  }

  /** What the user types. */
  type(data: string): void {
    this.queue.push(data);
    this.emit('readable');
  }

  read(): string | null {
    return this.queue.shift() ?? null;
  }

  setRawMode(on: boolean): this {
    this.rawModes.push(on);
    return this;
  }

  setEncoding(): this {
    return this;
  }

  resume(): this {
    return this;
  }

  pause(): this {
    return this;
  }

  ref(): this {
    return this;
  }

  unref(): this {
    return this;
  }

  asStream(): NodeJS.ReadStream {
    return this as unknown as NodeJS.ReadStream;
  }
}
