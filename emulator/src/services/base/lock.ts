/**
 * LockService: document, script and user locks, held by an execution and released when it
 * ends. Executions interleave on one thread (a second one can start inside the first), so a
 * lock held by another execution can never be freed during a wait: a contended `waitLock`
 * advances the virtual clock by its timeout and throws; `tryLock` does the same and returns
 * false. The execution that holds a lock may acquire it again.
 */
import { AppsScriptException } from '../../core/errors';
import type { Execution } from '../../core/execution';
import type { ServiceHost } from '../../core/host';
import type { SpreadsheetService } from '../spreadsheet';
import { containerDocumentId } from './document';

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

type Methods = 'tryLock' | 'waitLock' | 'hasLock' | 'releaseLock';

export class LockFake implements Pick<GoogleAppsScript.Lock.Lock, Methods> {
  static readonly appsScriptName = 'LockService.Lock';
  static readonly appsScriptSignatures = { tryLock: ['Integer'], waitLock: ['Integer'] };
  private _acquired = false;

  constructor(
    private readonly _service: LockServiceFake,
    private readonly _key: string,
  ) {}

  /** A negative timeout never acquires the lock: tryLock answers false, waitLock times out. */
  tryLock(timeoutInMillis: unknown): boolean {
    if (Number(timeoutInMillis) < 0) return false;
    this._acquired = this._service._acquire(this._key, Number(timeoutInMillis));
    return this._acquired;
  }

  waitLock(timeoutInMillis: unknown): void {
    if (!this.tryLock(timeoutInMillis)) throw new AppsScriptException(LOCK_TIMEOUT_MESSAGE);
  }

  hasLock(): boolean {
    return this._acquired && this._service._heldByCurrent(this._key);
  }

  releaseLock(): void {
    if (this._service._heldByCurrent(this._key)) {
      this._service._noteUnflushedRelease();
      this._service._release(this._key);
    }
    this._acquired = false;
  }
}

export class LockServiceFake
  implements Pick<GoogleAppsScript.Lock.LockService, 'getDocumentLock' | 'getScriptLock' | 'getUserLock'>
{
  static readonly appsScriptName = 'LockService';
  /** Lock key → id of the execution holding it. */
  private readonly _holders = new Map<string, number>();

  constructor(
    private readonly _host: ServiceHost,
    private readonly _spreadsheet: SpreadsheetService,
  ) {}

  getDocumentLock(): GoogleAppsScript.Lock.Lock {
    return this._lock(`document:${containerDocumentId(this._spreadsheet)}`);
  }

  getScriptLock(): GoogleAppsScript.Lock.Lock {
    return this._lock('script');
  }

  getUserLock(): GoogleAppsScript.Lock.Lock {
    return this._lock(`user:${this._host.currentExecution()?.user.email ?? ''}`);
  }

  /** Which execution holds each lock now ("script", "user:<email>", "document:<id>"). */
  _held(): Record<string, number> {
    return Object.fromEntries(this._holders);
  }

  _acquire(key: string, timeoutMs: number): boolean {
    const me = this._host.currentExecution()?.id ?? 0;
    const holder = this._holders.get(key);
    if (holder === undefined || holder === me) {
      this._holders.set(key, me);
      return true;
    }
    // Nothing else runs while this execution waits: the holder cannot release in time.
    if (Number.isFinite(timeoutMs) && timeoutMs > 0) this._host.clock.advance(timeoutMs);
    return false;
  }

  _heldByCurrent(key: string): boolean {
    return this._holders.get(key) === (this._host.currentExecution()?.id ?? 0);
  }

  /** Records a release while the execution's spreadsheet changes may still be held back. */
  _noteUnflushedRelease(): void {
    const execution = this._host.currentExecution();
    if (!execution || execution.unflushedSpreadsheetChanges === 0) return;
    execution.hazards.push(
      `${execution.functionName}: lock released with ${execution.unflushedSpreadsheetChanges} spreadsheet ` +
        'change(s) not flushed; call SpreadsheetApp.flush() before releaseLock()',
    );
  }

  _release(key: string): void {
    this._holders.delete(key);
  }

  _endExecution(execution: Execution): void {
    for (const [key, holder] of this._holders) if (holder === execution.id) this._holders.delete(key);
  }

  private _lock(key: string): GoogleAppsScript.Lock.Lock {
    return new LockFake(this, key) as unknown as GoogleAppsScript.Lock.Lock;
  }
}
