/** The allowlist prefix rules, host mapping and loopback rule (pure host-side logic). */
import {
  matchesAllowlist,
  normaliseHostMap,
  resolveTarget,
  withoutQuery,
} from '../../../../emulator/src/services/urlfetch/url-rules';

describe('matchesAllowlist', () => {
  const allows = (url: string, ...prefixes: string[]) => matchesAllowlist(new URL(url), prefixes);

  it('matches the prefix itself and its children only', () => {
    expect(allows('https://slack.com/api/', 'https://slack.com/api/')).toBe(true);
    expect(allows('https://slack.com/api/chat.postMessage?x=1', 'https://slack.com/api/')).toBe(true);
    expect(allows('https://slack.com/api', 'https://slack.com/api')).toBe(true);
    expect(allows('https://slack.com/api/x', 'https://slack.com/api')).toBe(true);
    expect(allows('https://slack.com/apix', 'https://slack.com/api')).toBe(false);
    expect(allows('https://slack.com/other', 'https://slack.com/api/')).toBe(false);
  });

  it('requires https, a path in the prefix, and compares paths case-sensitively', () => {
    expect(allows('http://slack.com/api/x', 'https://slack.com/api/')).toBe(false);
    expect(allows('https://slack.com/x', 'https://slack.com')).toBe(false);
    expect(allows('https://slack.com/API/x', 'https://slack.com/api/')).toBe(false);
    expect(allows('https://SLACK.com/api/x', 'https://slack.com/api/')).toBe(true);
  });

  it('supports one leading subdomain wildcard', () => {
    expect(allows('https://a.example.com/x', 'https://*.example.com/')).toBe(true);
    expect(allows('https://a.b.example.com/x', 'https://*.example.com/')).toBe(true);
    expect(allows('https://example.com/x', 'https://*.example.com/')).toBe(false);
    expect(allows('https://badexample.com/x', 'https://*.example.com/')).toBe(false);
  });
});

describe('withoutQuery', () => {
  it('drops the query but keeps "?"', () => {
    expect(withoutQuery('https://a.com/p?x=1#f')).toBe('https://a.com/p?');
    expect(withoutQuery('https://a.com/p')).toBe('https://a.com/p');
  });
});

describe('resolveTarget', () => {
  const map = normaliseHostMap({
    'https://hooks.slack.com': 'http://127.0.0.1:4000',
    'https://api.test:8443': 'http://localhost:5000/',
  });

  it('maps origins and keeps path and query', () => {
    expect(resolveTarget(new URL('https://hooks.slack.com/services/T?x=1'), map)).toEqual({
      kind: 'network',
      url: 'http://127.0.0.1:4000/services/T?x=1',
    });
    expect(resolveTarget(new URL('https://api.test:8443/v'), map)).toEqual({
      kind: 'network',
      url: 'http://localhost:5000/v',
    });
  });

  it('lets loopback through and stops every other host', () => {
    expect(resolveTarget(new URL('http://localhost:3000/a'), map)).toEqual({
      kind: 'network',
      url: 'http://localhost:3000/a',
    });
    expect(resolveTarget(new URL('http://[::1]:3000/a'), map).kind).toBe('network');
    expect(resolveTarget(new URL('https://hooks.slack.com:444/a'), map)).toEqual({ kind: 'dns' });
    expect(resolveTarget(new URL('https://api.test/v'), map)).toEqual({ kind: 'dns' });
  });

  it('refuses a host map that points away from loopback', () => {
    expect(() => normaliseHostMap({ 'https://hooks.slack.com': 'https://10.0.0.1' })).toThrow(/not a loopback/);
  });
});
