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

  callsOf(prefix: string): number {
    let total = 0;
    for (const [name, n] of this.calls) if (name === prefix || name.startsWith(`${prefix}.`)) total += n;
    return total;
  }
}
