/**
 * An error whose message is meant for the user (already in their language) and says what to
 * do. Anything else that escapes a feature is a bug or a platform failure, shown as such.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** A run that was not attempted on purpose (a paused data source in a scheduled run). */
export class SkipError extends UserError {
  override name = 'SkipError';
}

/** A run stopped by a time limit (the statement's timeout, or the execution's deadline). */
export class TimeoutError extends UserError {
  override name = 'TimeoutError';
}

/** The message of any thrown value, without Apps Script's "Exception: " prefix. */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^Exception: /, '');
}
