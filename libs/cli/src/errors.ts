/** Exit codes (documented in the README): 0 ok, 1 failure, 2 usage, 3 refused by prod guard. */
export const EXIT = { OK: 0, FAILURE: 1, USAGE: 2, REFUSED: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error the CLI reports as one message (what is wrong, where, what to do) and an exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.FAILURE,
    /** What to do about it, printed under the message. */
    readonly hint?: string,
    /** Stable code for --json output. */
    readonly code = 'FAILURE',
  ) {
    super(message);
    this.name = 'CliError';
  }
}
