/** A mistake in how the command was called (exit code 2), already worded for the user. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
