/** PropertiesService as the sandbox sees it: scopes, string values, size limits, host dumps and snapshots. */
import { disposeRuntimes, fixtureRuntime } from '../../../helpers/runtimes';

afterAll(disposeRuntimes);

const QUOTA = 'You have exceeded the property storage quota. Please remove some properties and try again.';

const CODE = `
function setAll(v) {
  PropertiesService.getScriptProperties().setProperty('k', 'script-' + v);
  PropertiesService.getDocumentProperties().setProperty('k', 'doc-' + v);
  PropertiesService.getUserProperties().setProperty('k', 'user-' + v);
}
function readAll() {
  return [PropertiesService.getScriptProperties().getProperty('k'), PropertiesService.getDocumentProperties().getProperty('k'), PropertiesService.getUserProperties().getProperty('k')];
}
function setBig(n) {
  try { PropertiesService.getDocumentProperties().setProperty('big', new Array(n + 1).join('x')); return 'ok'; }
  catch (e) { return [e.name, e.message]; }
}
function fill(count, size) {
  var p = PropertiesService.getScriptProperties();
  for (var i = 0; i < count; i++) {
    try { p.setProperty('key' + i, new Array(size + 1).join('y')); } catch (e) { return [i, e.message]; }
  }
  return [count, null];
}
function types() {
  var p = PropertiesService.getScriptProperties();
  p.setProperties({ n: 42, b: true, o: 'x' });
  p.setProperties({ only: 1 }, true);
  return [p.getKeys(), p.getProperty('only'), typeof p.getProperty('only'), p.getProperty('missing'), p.getProperties()];
}
function chain() {
  return PropertiesService.getUserProperties().setProperty('a', '1').setProperty('b', '2').deleteProperty('a').getKeys();
}
`;

describe('PropertiesService', () => {
  it('keeps script, document and user stores apart, per user', () => {
    const rt = fixtureRuntime(CODE);
    expect(rt.run('setAll', ['alice'], { user: { email: 'alice@example.com' } }).ok).toBe(true);
    expect(rt.run('readAll', [], { user: { email: 'bob@example.com' } }).value).toEqual([
      'script-alice',
      'doc-alice',
      null,
    ]);
    rt.run('setAll', ['bob'], { user: { email: 'bob@example.com' } });
    expect(rt.run('readAll', [], { user: { email: 'alice@example.com' } }).value).toEqual([
      'script-bob',
      'doc-bob',
      'user-alice',
    ]);
    expect(rt.base.properties._store('user', 'alice@example.com')).toEqual({ k: 'user-alice' });
    expect(rt.base.properties._store('user', 'bob@example.com')).toEqual({ k: 'user-bob' });
    expect(rt.base.properties._allValues().sort()).toEqual(['doc-bob', 'script-bob', 'user-alice', 'user-bob']);
  });

  it('stores strings only and supports setProperties(props, deleteAllOthers)', () => {
    const rt = fixtureRuntime(CODE);
    expect(rt.call('types')).toEqual([['only'], '1', 'string', null, { only: '1' }]);
    expect(rt.call('chain')).toEqual(['b']);
  });

  it('refuses a property over 9 KB (key + value bytes) with the quota text', () => {
    const rt = fixtureRuntime(CODE);
    // key "big" is 3 bytes: 9,213 bytes of value fit exactly, one more does not
    expect(rt.call('setBig', 9 * 1024 - 3)).toBe('ok');
    expect(rt.call('setBig', 9 * 1024 - 2)).toEqual(['Exception', QUOTA]);
  });

  it('refuses a store past 500 KB with the same text and keeps what was stored', () => {
    const rt = fixtureRuntime(CODE);
    // each property: key "keyN" (4-5 bytes) + 8,000 bytes; the 64th pushes the store past 512,000 bytes
    const [stored, message] = rt.call('fill', 70, 8000) as [number, string];
    expect(message).toBe(QUOTA);
    expect(stored).toBe(63);
    expect(Object.keys(rt.base.properties._store('script'))).toHaveLength(63);
  });

  it('snapshots and restores every store', () => {
    const rt = fixtureRuntime(CODE);
    rt.run('setAll', ['x'], { user: { email: 'alice@example.com' } });
    const snap = JSON.parse(JSON.stringify(rt.base.properties._snapshot()));
    const rt2 = fixtureRuntime(CODE);
    rt2.base.properties._restore(snap);
    expect(rt2.run('readAll', [], { user: { email: 'alice@example.com' } }).value).toEqual([
      'script-x',
      'doc-x',
      'user-x',
    ]);
  });

  it('is refused under AuthMode.NONE', () => {
    const rt = fixtureRuntime(CODE);
    const result = rt.run('readAll', [], { authMode: 'NONE' });
    expect(result.ok).toBe(false);
    expect(result.error?.message).toMatch(/^You do not have permission to call PropertiesService\.getScriptProperties/);
  });
});
