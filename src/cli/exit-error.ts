import { EXIT } from './cli-io.js';

/**
 * A failure already worded for the user, ending the command with an exit
 * code: a mistake in how it was called, or an environment it cannot work in
 * (an output folder it may not write). Never a bug, so no stack trace.
 */
export class ExitError extends Error {
  override readonly name = 'ExitError';

  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
  }
}
