/**
 * Logger: `log(format, ...values)` with Apps Script's `%s` substitution, `getLog` and `clear`.
 * Lines go to the execution's log through the host; `getLog` returns this execution's lines.
 */
import type { Execution } from '../../core/execution';
import type { ServiceHost } from '../../core/host';

export class LoggerFake implements Pick<GoogleAppsScript.Base.Logger, 'log' | 'getLog' | 'clear'> {
  static readonly appsScriptName = 'Logger';
  private readonly _lines = new Map<number, string[]>();

  constructor(private readonly _host: ServiceHost) {}

  log(data: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    const line = values.length > 0 && typeof data === 'string' ? substitute(data, values) : display(data);
    const exec = this._host.currentExecution();
    if (exec) {
      const lines = this._lines.get(exec.id) ?? [];
      lines.push(line);
      this._lines.set(exec.id, lines);
    }
    this._host.log(line);
    return this as unknown as GoogleAppsScript.Base.Logger;
  }

  getLog(): string {
    const exec = this._host.currentExecution();
    return exec ? (this._lines.get(exec.id) ?? []).join('\n') : '';
  }

  clear(): void {
    const exec = this._host.currentExecution();
    if (exec) this._lines.delete(exec.id);
  }

  _endExecution(execution: Execution): void {
    this._lines.delete(execution.id);
  }
}

/** Replaces each `%s` in turn; leftover values are dropped, as Logger.log does. */
function substitute(format: string, values: unknown[]): string {
  let i = 0;
  return format.replace(/%s/g, (m) => (i < values.length ? display(values[i++]) : m));
}

/** How a value reads in the log: strings as they are, objects and arrays as JSON. */
export function display(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toString();
  if (value !== null && typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}
