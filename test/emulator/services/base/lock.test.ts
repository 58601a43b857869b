/** LockService: two interleaved executions contending for a lock, release at execution end. */
import { disposeRuntimes, fixtureRuntime } from '../../../helpers/runtimes';

afterAll(disposeRuntimes);

const CODE = `
function holder() {
  var lock = LockService.getDocumentLock();
  lock.waitLock(1000);
  Logger.log('holding');
  var again = LockService.getDocumentLock().tryLock(0);
  return [lock.hasLock(), again];
}
function waiter() {
  var lock = LockService.getDocumentLock();
  var start = Date.now();
  try { lock.waitLock(30000); return 'got it'; }
  catch (e) { return [e.name, e.message, Date.now() - start, lock.hasLock()]; }
}
function trier() {
  var start = Date.now();
  var ok = LockService.getDocumentLock().tryLock(5000);
  return [ok, Date.now() - start];
}
function scriptLockReleased() {
  var lock = LockService.getScriptLock();
  var a = lock.tryLock(0);
  lock.releaseLock();
  return [a, lock.hasLock()];
}
function otherScopes() { return [LockService.getScriptLock().tryLock(0), LockService.getUserLock().tryLock(0)]; }
`;

describe('LockService', () => {
  it('makes a second execution time out while the first holds the lock', () => {
    const rt = fixtureRuntime(CODE);
    rt.clock.freeze(Date.UTC(2030, 0, 1));
    const inner: unknown[] = [];
    rt.faults.add({
      method: 'Logger.log',
      nth: 1,
      action: { before: () => inner.push(rt.call('waiter'), rt.call('trier'), rt.call('otherScopes')) },
    });
    expect(rt.call('holder')).toEqual([true, true]);
    expect(inner).toEqual([
      ['Exception', 'Lock timeout: another process was holding the lock for too long.', 30000, false],
      [false, 5000],
      [true, true],
    ]);
  });

  it('releases a lock when its execution ends', () => {
    const rt = fixtureRuntime(CODE);
    expect(rt.call('holder')).toEqual([true, true]);
    expect(rt.base.lock._held()).toEqual({});
    expect(rt.call('trier')).toEqual([true, expect.any(Number)]);
    expect(rt.call('scriptLockReleased')).toEqual([true, false]);
  });
});

const FLUSH_CODE = `
function releaseUnflushed() {
  var lock = LockService.getDocumentLock();
  lock.waitLock(1000);
  SpreadsheetApp.getActiveSheet().getRange('A1').setValue('x');
  lock.releaseLock();
}
function releaseFlushed() {
  var lock = LockService.getDocumentLock();
  lock.waitLock(1000);
  SpreadsheetApp.getActiveSheet().getRange('A1').setValue('y');
  SpreadsheetApp.flush();
  lock.releaseLock();
}
function releaseAfterReadsOnly() {
  var lock = LockService.getDocumentLock();
  lock.waitLock(1000);
  var sheet = SpreadsheetApp.getActiveSheet();
  sheet.createDeveloperMetadataFinder().find();
  SpreadsheetApp.getUi();
  var v = sheet.getRange('A1').getValue();
  lock.releaseLock();
  return v;
}
function endUnflushed() {
  LockService.getDocumentLock().waitLock(1000);
  SpreadsheetApp.getActiveSheet().getRange('A2').setValue('z');
}
`;

describe('LockService and pending spreadsheet changes', () => {
  // Apps Script's Lock reference: "call SpreadsheetApp.flush() prior to releasing the lock, to
  // commit all pending changes". Apps Script does not report the misuse; the emulator records it.
  it('records a lock released while spreadsheet changes are not flushed', () => {
    const rt = fixtureRuntime(FLUSH_CODE);
    const unflushed = rt.run('releaseUnflushed');
    expect(unflushed.ok).toBe(true);
    expect(unflushed.execution.hazards).toEqual([
      'releaseUnflushed: lock released with 1 spreadsheet change(s) not flushed; call SpreadsheetApp.flush() before releaseLock()',
    ]);
  });

  it('records nothing after a flush, after reads only, or when the lock ends with the execution', () => {
    const rt = fixtureRuntime(FLUSH_CODE);
    for (const name of ['releaseFlushed', 'releaseAfterReadsOnly', 'endUnflushed']) {
      const run = rt.run(name);
      expect(run.ok).toBe(true);
      expect(run.execution.hazards).toEqual([]);
    }
    expect(rt.base.lock._held()).toEqual({});
  });
});
