/**
 * Errors as Apps Script raises them. Services throw `AppsScriptException` on the host side;
 * the instrumentation layer re-creates it inside the sandbox as an object whose `name` is
 * "Exception", whose `message` has no prefix and whose `String()` reads "Exception: <message>",
 * as V8 Apps Script does.
 */
export class AppsScriptException extends Error {
  override name = 'Exception';
  constructor(message: string) {
    super(message);
  }
}

/**
 * The execution was stopped by the platform (time limit). Code in the sandbox may catch the
 * error it sees, but the execution is marked killed: every later service call throws again
 * and the runtime reports the execution as failed, as Apps Script does when it ends a script.
 */
export class ExecutionKilled extends AppsScriptException {}

export const MESSAGES = {
  maxExecutionTime: 'Exceeded maximum execution time',
  noPermission: (method: string, scope: string) =>
    `You do not have permission to call ${method}. Required permissions: ${scope}`,
  scopeNotDeclared: (method: string, scope: string) =>
    `Specified permissions are not sufficient to call ${method}. Required permissions: ${scope}`,
  authorizationRequired: 'Authorization is required to perform that action.',
} as const;
