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

/**
 * A run stopped because the execution ran out of time (its deadline, or a statement timeout cut
 * to it), not by the query's own timeout: a scheduled run is tried again by the next tick.
 */
export class OutOfTimeError extends TimeoutError {
  override name = 'OutOfTimeError';
}

/** The message of any thrown value, without Apps Script's "Exception: " prefix. */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^Exception: /, '');
}
