const ENTER = '\u001B[?1049h';
const LEAVE = '\u001B[?1049l';

export interface AlternateScreen {
  /** Switch to the alternate buffer: the shell's screen is kept as it was. */
  enter(): void;
  /** Back to the shell's screen; safe to call twice. */
  leave(): void;
}

/**
 * A full-screen app draws on the terminal's alternate buffer so that quitting
 * gives the user back their scrollback untouched. Leaving is also tied to
 * process exit, so a crash or a signal does not strand the terminal there.
 */
export function alternateScreen(stdout: NodeJS.WriteStream): AlternateScreen {
  let inside = false;
  const leave = () => {
    if (!inside) return;
    inside = false;
    process.off('exit', leave);
    try {
      stdout.write(LEAVE);
    } catch {
      // The terminal is gone (closed pty): nothing left to restore.
    }
  };
  return {
    enter() {
      if (inside) return;
      inside = true;
      process.once('exit', leave);
      stdout.write(ENTER);
    },
    leave,
  };
}
