/**
 * One execution of the script, as Apps Script counts them: a simple trigger, an installable
 * trigger, a menu item, one `google.script.run` call. It carries the authorization mode, who
 * runs it, its time limit, and the per-method counts of service calls made during it.
 */
export type AuthModeName = 'NONE' | 'LIMITED' | 'CUSTOM_FUNCTION' | 'FULL';

export type ExecutionKind =
  | 'simple-trigger'
  | 'installable-trigger'
  | 'time-trigger'
  | 'menu'
  | 'script.run'
  | 'custom-function'
  | 'direct';

export interface ExecutionUser {
  email: string;
  locale: string;
}

export class Execution {
  readonly id: number;
  readonly functionName: string;
  readonly authMode: AuthModeName;
  readonly kind: ExecutionKind;
  readonly user: ExecutionUser;
  readonly startedAt: number;
  /** Wall-clock budget on the virtual clock: 6 minutes, or 30 s for simple triggers and custom functions. */
  readonly limitMs: number;
  /** Service calls made, keyed "Service.Class.method" (e.g. "SpreadsheetApp.Range.setValues"). */
  readonly calls = new Map<string, number>();
  callCount = 0;
  /** Set when the platform stopped the execution (time limit); later calls throw the same. */
  killedWith: string | null = null;
  /** Lines written with Logger.log / console.* during this execution. */
  readonly logs: string[] = [];
  /** Spreadsheet changes made since the last `SpreadsheetApp.flush()` (Apps Script may still hold them back). */
  unflushedSpreadsheetChanges = 0;
  /**
   * Misuses Apps Script documents but does not report: a lock released while this execution's
   * spreadsheet changes were not flushed ("call SpreadsheetApp.flush() prior to releasing the
   * lock"), which lets the next holder read the state before them. Tests assert there are none.
   */
  readonly hazards: string[] = [];

  constructor(init: {
    id: number;
    functionName: string;
    authMode: AuthModeName;
    kind: ExecutionKind;
    user: ExecutionUser;
    startedAt: number;
    limitMs?: number;
  }) {
    this.id = init.id;
    this.functionName = init.functionName;
    this.authMode = init.authMode;
    this.kind = init.kind;
    this.user = init.user;
    this.startedAt = init.startedAt;
    this.limitMs =
      init.limitMs ?? (init.kind === 'simple-trigger' || init.kind === 'custom-function' ? 30_000 : 360_000);
  }

  /** Counts grouped by top-level service ("SpreadsheetApp", "Jdbc", ...). */
  callsByService(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, n] of this.calls) {
      const service = name.split('.')[0];
      out[service] = (out[service] ?? 0) + n;
    }
    return out;
  }

  /** Counts a service call; a spreadsheet change is pending until the next flush. */
  noteCall(name: string): void {
    this.calls.set(name, (this.calls.get(name) ?? 0) + 1);
    this.callCount++;
    if (name === 'SpreadsheetApp.flush') this.unflushedSpreadsheetChanges = 0;
    else if (isSpreadsheetChange(name)) this.unflushedSpreadsheetChanges++;
  }

  callsOf(prefix: string): number {
    let total = 0;
    for (const [name, n] of this.calls) if (name === prefix || name.startsWith(`${prefix}.`)) total += n;
    return total;
  }
}

/** Methods of SpreadsheetApp's classes that change the document (values, formats, tabs, metadata). */
const CHANGING_METHOD =
  /^(set|insert|delete|append|clear|copy|move|hide|show|unhide|sort|add|remove|merge|break|auto|create|trim|randomize|shift|group|ungroup|expand|collapse|duplicate|rename|protect|apply|update|uncheck|check)/;

export function isSpreadsheetChange(name: string): boolean {
  if (!name.startsWith('SpreadsheetApp.')) return false;
  const parts = name.split('.');
  // SpreadsheetApp's own methods (getActiveSpreadsheet, flush, newRichTextValue…) change nothing.
  if (parts.length < 3 || parts[1] === 'Ui') return false;
  const method = parts[parts.length - 1];
  // createTextFinder and createDeveloperMetadataFinder make search objects, not changes.
  return CHANGING_METHOD.test(method) && !method.endsWith('Finder');
}
