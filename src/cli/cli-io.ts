/** What a command may touch of the outside world; tests pass their own. */
export interface CliIO {
  cwd: string;
  now: () => Date;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr may carry colours (a terminal, and NO_COLOR unset). */
  color: boolean;
}

/** Exit codes, as documented in the README. */
export const EXIT = { ok: 0, dataErrors: 1, usage: 2 } as const;
