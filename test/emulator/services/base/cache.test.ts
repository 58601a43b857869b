/** CacheService: expiry on the virtual clock, key and value limits, eviction, scopes. */
import { disposeRuntimes, fixtureRuntime } from '../../../helpers/runtimes';

afterAll(disposeRuntimes);

const CODE = `
function put(k, v, s) { CacheService.getScriptCache().put(k, v, s); }
function get(k) { return CacheService.getScriptCache().get(k); }
function tryPut(k, v) { try { CacheService.getScriptCache().put(k, v); return 'ok'; } catch (e) { return [e.name, e.message]; } }
function many(n) { var c = CacheService.getScriptCache(); for (var i = 0; i < n; i++) c.put('k' + i, 'v', 100 + i); }
function userPut(v) { CacheService.getUserCache().put('u', v); }
function userGet() { return CacheService.getUserCache().get('u'); }
function bulk() {
  var c = CacheService.getDocumentCache();
  c.putAll({ a: '1', b: '2', c: '3' });
  c.removeAll(['b']);
  c.remove('c');
  return c.getAll(['a', 'b', 'c', 'z']);
}
`;

describe('CacheService', () => {
  it('expires entries on the virtual clock (default 600 s)', () => {
    const rt = fixtureRuntime(CODE);
    rt.clock.freeze(Date.UTC(2030, 0, 1));
    rt.call('put', 'a', '1');
    rt.call('put', 'b', '2', 5);
    rt.clock.advance(4_999);
    expect([rt.call('get', 'a'), rt.call('get', 'b')]).toEqual(['1', '2']);
    rt.clock.advance(1);
    expect(rt.call('get', 'b')).toBeNull();
    rt.clock.advance(595_000 - 1);
    expect(rt.call('get', 'a')).toBe('1');
    rt.clock.advance(1);
    expect(rt.call('get', 'a')).toBeNull();
  });

  it('caps expiration at 21,600 s', () => {
    const rt = fixtureRuntime(CODE);
    rt.clock.freeze(0);
    rt.call('put', 'a', '1', 999_999);
    rt.clock.advance(21_600_000 - 1);
    expect(rt.call('get', 'a')).toBe('1');
    rt.clock.advance(1);
    expect(rt.call('get', 'a')).toBeNull();
  });

  it('refuses keys over 250 characters and values over 100 KB with the exact texts', () => {
    const rt = fixtureRuntime(CODE);
    expect(rt.call('tryPut', 'k'.repeat(250), 'v')).toBe('ok');
    expect(rt.call('tryPut', 'k'.repeat(251), 'v')).toEqual(['Exception', 'Argument too large: key']);
    expect(rt.call('tryPut', 'big', 'v'.repeat(100 * 1024))).toBe('ok');
    expect(rt.call('tryPut', 'big', 'v'.repeat(100 * 1024 + 1))).toEqual(['Exception', 'Argument too large: value']);
  });

  it('keeps the 900 items farthest from expiration past 1,000', () => {
    const rt = fixtureRuntime(CODE);
    rt.clock.freeze(0);
    rt.call('many', 1001);
    const live = Object.keys(rt.base.cache._entries('script'));
    expect(live).toHaveLength(900);
    expect(live).toContain('k1000');
    expect(live).not.toContain('k100');
    expect(live).toContain('k101');
  });

  it('separates user caches and supports putAll/getAll/removeAll', () => {
    const rt = fixtureRuntime(CODE);
    rt.run('userPut', ['alice'], { user: { email: 'alice@example.com' } });
    expect(rt.run('userGet', [], { user: { email: 'bob@example.com' } }).value).toBeNull();
    expect(rt.run('userGet', [], { user: { email: 'alice@example.com' } }).value).toBe('alice');
    expect(rt.call('bulk')).toEqual({ a: '1' });
  });
});
