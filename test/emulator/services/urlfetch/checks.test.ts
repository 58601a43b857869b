/** What UrlFetchApp refuses before any network traffic: allowlist, URL, limits, quota, permissions. */
import { disposeRuntimes, fixtureRuntime } from '../../../helpers/runtimes';
import type { HttpTransport } from '../../../../emulator/src/services/urlfetch/transport';

afterAll(disposeRuntimes);

const CODE = `
function tryFetch(url, params) {
  try { return UrlFetchApp.fetch(url, params || {}).getResponseCode(); } catch (e) { return e.name + ': ' + e.message; }
}
function tryAll(requests) {
  try { return UrlFetchApp.fetchAll(requests).map(function (r) { return r.getResponseCode(); }); } catch (e) { return e.name + ': ' + e.message; }
}
function describeRequest(url, params) { return UrlFetchApp.getRequest(url, params); }
`;

/** A transport that answers 200 without any network, counting what it was asked to send. */
function fakeTransport(): HttpTransport & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    send(requests) {
      sent.push(...requests.map((r) => r.url));
      return requests.map(() => ({
        ok: true as const,
        status: 200,
        rawHeaders: ['Content-Type', 'text/plain'],
        body: new TextEncoder().encode('ok'),
      }));
    },
  };
}

function runtime(options: { whitelist?: string[] | null; dailyQuota?: number } = {}) {
  const transport = fakeTransport();
  const rt = fixtureRuntime(CODE, {
    manifest: options.whitelist === undefined ? {} : { urlFetchWhitelist: options.whitelist ?? undefined },
    urlFetch: {
      hostMap: { 'https://hooks.slack.com': 'http://127.0.0.1:9' },
      transport,
      dailyQuota: options.dailyQuota,
    },
  });
  return { rt, transport };
}

describe('manifest allowlist', () => {
  it('refuses a URL outside urlFetchWhitelist with the query dropped and "?" kept', () => {
    const { rt, transport } = runtime(); // the project's manifest: hooks.slack.com, slack.com/api, chat.googleapis.com
    expect(rt.call('tryFetch', 'https://example.com/hook?token=secret')).toBe(
      'Exception: Request to https://example.com/hook? failed because the URL has not been whitelisted in the script manifest.',
    );
    expect(rt.call('tryFetch', 'https://slack.com/apix')).toBe(
      'Exception: Request to https://slack.com/apix failed because the URL has not been whitelisted in the script manifest.',
    );
    expect(rt.call('tryFetch', 'http://hooks.slack.com/services/T/B/X')).toMatch(/has not been whitelisted/);
    expect(transport.sent).toEqual([]);
  });

  it('checks the URL as written, before the host map', () => {
    const { rt, transport } = runtime();
    expect(rt.call('tryFetch', 'https://hooks.slack.com/services/T/B/X')).toBe(200);
    expect(transport.sent).toEqual(['http://127.0.0.1:9/services/T/B/X']);
  });

  it('refuses a whole fetchAll when one URL is not listed, sending nothing', () => {
    const { rt, transport } = runtime();
    expect(rt.call('tryAll', ['https://hooks.slack.com/a', 'https://evil.example/b'])).toMatch(
      /^Exception: Request to https:\/\/evil.example\/b failed/,
    );
    expect(transport.sent).toEqual([]);
  });

  it('allows anything without a whitelist in the manifest', () => {
    const { rt } = runtime({ whitelist: null });
    expect(rt.call('tryFetch', 'http://127.0.0.1:9/x')).toBe(200);
  });
});

describe('URL and request limits', () => {
  it('rejects a URL longer than 2,082 characters', () => {
    const { rt } = runtime({ whitelist: null });
    const base = 'https://hooks.slack.com/';
    expect(rt.call('tryFetch', base + 'a'.repeat(2082 - base.length))).toBe(200);
    expect(rt.call('tryFetch', base + 'a'.repeat(2083 - base.length))).toBe(
      'Exception: Limit Exceeded: URLFetch URL Length.',
    );
  });

  it('rejects malformed URLs as invalid arguments', () => {
    const { rt } = runtime({ whitelist: null });
    expect(rt.call('tryFetch', 'not a url')).toBe('Exception: Invalid argument: not a url');
    expect(rt.call('tryFetch', 'https://hooks.slack.com/x?in=("a","b")')).toBe(
      'Exception: Invalid argument: https://hooks.slack.com/x?in=("a","b")',
    );
    expect(rt.call('tryFetch', 'ftp://hooks.slack.com/x')).toBe('Exception: Invalid argument: ftp://hooks.slack.com/x');
    expect(rt.call('tryFetch', '')).toBe('Exception: Attribute provided with no value: url');
  });

  it('rejects a POST body over 50 MB', () => {
    const transport = fakeTransport();
    const code = `function big() { try { UrlFetchApp.fetch('https://hooks.slack.com/x', { method: 'post', payload: 'x'.repeat(50 * 1024 * 1024 + 1) }); } catch (e) { return e.message; } }`;
    const big = fixtureRuntime(code, { urlFetch: { transport } });
    expect(big.call('big')).toBe('Limit Exceeded: URLFetch POST Size.');
    expect(transport.sent).toEqual([]);
  });

  it('rejects more than 100 request headers', () => {
    const { rt } = runtime();
    const headers = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`X-H${i}`, 'v']));
    expect(rt.call('tryFetch', 'https://hooks.slack.com/x', { headers: headers(100) })).toBe(200);
    expect(rt.call('tryFetch', 'https://hooks.slack.com/x', { headers: headers(101) })).toBe(
      'Exception: Limit Exceeded: URLFetch headers.',
    );
  });

  it('rejects a header value holding a line break', () => {
    const { rt, transport } = runtime();
    expect(rt.call('tryFetch', 'https://hooks.slack.com/x', { headers: { 'X-Bad': 'a\r\nInjected: 1' } })).toBe(
      'Exception: Invalid argument: X-Bad',
    );
    expect(transport.sent).toEqual([]);
  });

  it('rejects an unknown method', () => {
    const { rt } = runtime();
    expect(rt.call('tryFetch', 'https://hooks.slack.com/x', { method: 'TRACE' })).toBe(
      'Exception: Invalid argument: method',
    );
  });
});

describe('daily quota', () => {
  it('counts calls per virtual day and refuses past the quota', () => {
    const { rt, transport } = runtime({ dailyQuota: 3 });
    rt.clock.freeze(new Date(2030, 0, 1, 10, 0, 0));
    expect(rt.call('tryAll', ['https://hooks.slack.com/a', 'https://hooks.slack.com/b'])).toEqual([200, 200]);
    expect(rt.call('tryFetch', 'https://hooks.slack.com/c')).toBe(200);
    expect(rt.call('tryFetch', 'https://hooks.slack.com/d')).toBe(
      'Exception: Service invoked too many times for one day: urlfetch.',
    );
    expect(transport.sent).toHaveLength(3);
    expect(rt.urlFetch._quotaUsedToday()).toBe(3);
    rt.clock.advance(24 * 3600_000);
    expect(rt.call('tryFetch', 'https://hooks.slack.com/e')).toBe(200);
  });
});

describe('getRequest', () => {
  it('describes the request without sending it', () => {
    const { rt, transport } = runtime();
    expect(
      rt.call('describeRequest', 'https://hooks.slack.com/x', {
        method: 'POST',
        payload: { a: 'b c' },
        headers: { 'X-Id': '1' },
      }),
    ).toEqual({
      url: 'https://hooks.slack.com/x',
      method: 'post',
      headers: { 'X-Id': '1' },
      payload: 'a=b+c',
      contentType: 'application/x-www-form-urlencoded',
      followRedirects: true,
      validateHttpsCertificates: true,
      useIntranet: false,
      muteHttpExceptions: false,
    });
    expect(transport.sent).toEqual([]);
  });
});

describe('authorization', () => {
  it('refuses UrlFetchApp in a simple trigger (LIMITED)', () => {
    const { rt } = runtime();
    const result = rt.run('tryFetch', ['https://hooks.slack.com/x'], { authMode: 'LIMITED', kind: 'simple-trigger' });
    expect(result.value).toBe(
      'Exception: You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request',
    );
  });
});
