/** UrlFetchApp as the sandbox sees it: real HTTP to a local receiver through the host map. */
import * as net from 'node:net';
import { useReceiver } from '../../../helpers/receiver';
import { fixtureRuntime } from '../../../helpers/runtimes';

const receiver = useReceiver();
beforeEach(async () => {
  await receiver.reset();
});

const CODE = `
function postJson(url, body) {
  var r = UrlFetchApp.fetch(url, { method: 'post', contentType: 'application/json', payload: JSON.stringify(body) });
  return [r.getResponseCode(), r.getContentText()];
}
function postForm(url, form) {
  return UrlFetchApp.fetch(url, { method: 'POST', payload: form }).getResponseCode();
}
function get(url, params) {
  var r = UrlFetchApp.fetch(url, params || {});
  return { code: r.getResponseCode(), text: r.getContentText(), headers: r.getHeaders(), all: r.getAllHeaders() };
}
function tryFetch(url, params) {
  try { UrlFetchApp.fetch(url, params || {}); return 'no error'; } catch (e) { return [e.name, e.message]; }
}
function many(urls) {
  return UrlFetchApp.fetchAll(urls).map(function (r) { return r.getContentText(); });
}
function bytes(url) {
  var r = UrlFetchApp.fetch(url);
  var b = r.getBlob();
  return { content: r.getContent(), blobText: b.getDataAsString(), blobType: b.getContentType(), blobBytes: b.getBytes().length };
}
function describe(url, params) { return UrlFetchApp.getRequest(url, params); }
`;

function runtime(options: { timeoutMs?: number; manifest?: Record<string, unknown>; dailyQuota?: number } = {}) {
  return fixtureRuntime(CODE, {
    manifest: options.manifest,
    urlFetch: {
      hostMap: { 'https://hooks.slack.com': receiver.origin, 'https://slack.com': receiver.origin },
      timeoutMs: options.timeoutMs,
      dailyQuota: options.dailyQuota,
    },
  });
}

describe('requests reach the receiver through the host map', () => {
  it('posts JSON to a Slack webhook URL', async () => {
    const rt = runtime();
    const result = rt.run('postJson', ['https://hooks.slack.com/services/T0/B0/XYZ', { text: 'hello' }]);
    expect(result.ok).toBe(true);
    expect(result.value).toEqual([200, 'ok']);
    expect(result.execution.calls.get('UrlFetchApp.fetch')).toBe(1);
    const [seen] = await receiver.requests();
    expect(seen).toMatchObject({ method: 'POST', path: '/services/T0/B0/XYZ', body: '{"text":"hello"}' });
    expect(seen.headers['content-type']).toBe('application/json');
    expect(seen.headers['user-agent']).toContain('Google-Apps-Script');
    const log = rt.urlFetch._requests();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      url: 'https://hooks.slack.com/services/T0/B0/XYZ',
      mappedUrl: `${receiver.origin}/services/T0/B0/XYZ`,
      method: 'POST',
      payload: '{"text":"hello"}',
      responseCode: 200,
    });
    expect(result.execution.logs).toEqual([]);
  });

  it('form-encodes an object payload as Apps Script does', async () => {
    const rt = runtime();
    expect(rt.call('postForm', 'https://slack.com/api/chat.postMessage', { channel: '#a b', text: 'x=1&y=é*~' })).toBe(
      200,
    );
    const [seen] = await receiver.requests();
    expect(seen.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(seen.body).toBe('channel=%23a+b&text=x%3D1%26y%3D%C3%A9*%7E');
  });

  it('gives a string payload the form content type by default', async () => {
    const rt = fixtureRuntime(
      `function f(u) { return UrlFetchApp.fetch(u, { method: 'put', payload: 'raw' }).getResponseCode(); }`,
      {
        urlFetch: { hostMap: { 'https://hooks.slack.com': receiver.origin } },
      },
    );
    expect(rt.call('f', 'https://hooks.slack.com/x')).toBe(200);
    const [seen] = await receiver.requests();
    expect(seen).toMatchObject({ method: 'PUT', body: 'raw' });
    expect(seen.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('passes the query string and custom headers', async () => {
    const rt = runtime();
    rt.call('get', 'https://slack.com/api/conversations.list?limit=2&cursor=a%20b', {
      headers: { Authorization: 'Bearer xoxb-1' },
    });
    const [seen] = await receiver.requests();
    expect(seen).toMatchObject({
      method: 'GET',
      path: '/api/conversations.list',
      query: { limit: '2', cursor: 'a b' },
    });
    expect(seen.headers.authorization).toBe('Bearer xoxb-1');
  });
});

describe('responses', () => {
  it('throws Apps Script text for a non-2xx answer, naming only scheme and host', async () => {
    await receiver.program({ path: '/services/', respond: { status: 404, body: 'no_service' } });
    const rt = runtime();
    expect(rt.call('tryFetch', 'https://hooks.slack.com/services/T/B/X?q=1')).toEqual([
      'Exception',
      'Request failed for https://hooks.slack.com returned code 404. Truncated server response: no_service (use muteHttpExceptions option to examine full response)',
    ]);
  });

  it('cuts a long body to 147 characters and "..."', async () => {
    const long = 'x'.repeat(400);
    await receiver.program({ respond: { status: 500, body: long } });
    const rt = runtime();
    const [, message] = rt.call('tryFetch', 'https://hooks.slack.com/a') as [string, string];
    expect(message).toBe(
      `Request failed for https://hooks.slack.com returned code 500. Truncated server response: ${'x'.repeat(147)}... (use muteHttpExceptions option to examine full response)`,
    );
  });

  it('returns the code and full body with muteHttpExceptions', async () => {
    await receiver.program({ respond: { status: 500, body: 'internal' } });
    const rt = runtime();
    expect(rt.call('get', 'https://hooks.slack.com/a', { muteHttpExceptions: true })).toMatchObject({
      code: 500,
      text: 'internal',
    });
  });

  it('exposes Retry-After of a 429 through getHeaders, with the server casing', async () => {
    await receiver.once({ status: 429, headers: { 'Retry-After': '30' }, body: 'rate_limited' });
    const rt = runtime();
    const r = rt.call('get', 'https://hooks.slack.com/services/T/B/X', { muteHttpExceptions: true }) as {
      code: number;
      headers: Record<string, string>;
    };
    expect(r.code).toBe(429);
    expect(r.headers['Retry-After']).toBe('30');
    // "once": the next request gets the default answer again
    expect(rt.call('get', 'https://hooks.slack.com/services/T/B/X')).toMatchObject({ code: 200, text: 'ok' });
  });

  it('answers ok:false with 200 (Slack Web API style) without throwing', async () => {
    await receiver.program({
      path: '/api/',
      respond: { status: 200, body: { ok: false, error: 'channel_not_found' } },
    });
    const rt = runtime();
    const r = rt.call('get', 'https://slack.com/api/chat.postMessage') as {
      code: number;
      text: string;
      headers: Record<string, string>;
    };
    expect(r.code).toBe(200);
    expect(JSON.parse(r.text)).toEqual({ ok: false, error: 'channel_not_found' });
    expect(r.headers['Content-Type']).toBe('application/json; charset=utf-8');
  });

  it('gives repeated headers as arrays in getAllHeaders and the last value in getHeaders', async () => {
    await receiver.program({
      respond: { status: 200, headers: { 'X-Multi': ['a', 'b'] } as unknown as Record<string, string>, body: '' },
    });
    const rt = runtime();
    const r = rt.call('get', 'https://hooks.slack.com/m') as {
      headers: Record<string, unknown>;
      all: Record<string, unknown>;
    };
    expect(r.all['X-Multi']).toEqual(['a', 'b']);
    expect(r.headers['X-Multi']).toBe('b');
  });

  it('gives content as signed bytes and a blob', async () => {
    await receiver.program({
      respond: { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'é' },
    });
    const rt = runtime();
    expect(rt.call('bytes', 'https://hooks.slack.com/b')).toEqual({
      content: [-61, -87],
      blobText: 'é',
      blobType: 'text/plain',
      blobBytes: 2,
    });
  });

  it('fetchAll sends concurrently and returns responses in order', async () => {
    await receiver.program({ path: '/slow', respond: { status: 200, body: 'slow', delayMs: 800 } });
    await receiver.program({ path: '/fast', respond: { status: 200, body: 'fast' } });
    const rt = runtime();
    const result = rt.run('many', [
      ['https://hooks.slack.com/slow', { url: 'https://hooks.slack.com/fast', method: 'post', payload: 'p' }],
    ]);
    expect(result.value).toEqual(['slow', 'fast']);
    expect(result.execution.calls.get('UrlFetchApp.fetchAll')).toBe(1);
    const seen = await receiver.requests();
    // both were in flight together: the fast one arrived while the slow one was still held back
    const slow = seen.find((r) => r.path === '/slow')!;
    const fast = seen.find((r) => r.path === '/fast')!;
    expect(fast).toMatchObject({ method: 'POST', body: 'p' });
    expect(fast.receivedAt).toBeLessThan(slow.receivedAt + 800);
  });

  it('follows redirects by default and not when asked', async () => {
    await receiver.program({
      path: '/old',
      respond: { status: 302, headers: { Location: 'https://hooks.slack.com/new' }, body: '' },
    });
    await receiver.program({ path: '/new', respond: { status: 200, body: 'moved here' } });
    const rt = runtime();
    expect(rt.call('get', 'https://hooks.slack.com/old')).toMatchObject({ code: 200, text: 'moved here' });
    const noFollow = rt.call('get', 'https://hooks.slack.com/old', { followRedirects: false }) as {
      code: number;
      headers: Record<string, string>;
    };
    expect(noFollow.code).toBe(302);
    expect(noFollow.headers.Location).toBe('https://hooks.slack.com/new');
  });
});

describe('host map', () => {
  it('can be changed between executions with _setHostMap', async () => {
    const rt = fixtureRuntime(CODE, { manifest: { urlFetchWhitelist: undefined } });
    expect(rt.call('tryFetch', 'https://hooks.example.org/h')).toEqual([
      'Exception',
      'DNS error: https://hooks.example.org/h',
    ]);
    rt.urlFetch._setHostMap({ 'https://hooks.example.org': receiver.origin });
    expect(rt.call('get', 'https://hooks.example.org/h')).toMatchObject({ code: 200, text: 'ok' });
    expect((await receiver.requests()).map((r) => r.path)).toEqual(['/h']);
  });
});

describe('failures without a server', () => {
  it('answers an unmapped external host with a DNS error and no network attempt', () => {
    const rt = runtime({ manifest: { urlFetchWhitelist: undefined } });
    expect(rt.call('tryFetch', 'https://api.example.com/v1/x')).toEqual([
      'Exception',
      'DNS error: https://api.example.com/v1/x',
    ]);
    expect(rt.urlFetch._requests()[0]).toMatchObject({
      url: 'https://api.example.com/v1/x',
      mappedUrl: null,
      responseCode: null,
    });
  });

  it('answers a refused loopback port with Address unavailable', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const rt = runtime({ manifest: { urlFetchWhitelist: undefined } });
    const url = `http://127.0.0.1:${port}/hook`;
    expect(rt.call('tryFetch', url)).toEqual(['Exception', `Address unavailable: ${url}`]);
  });

  it('answers a slow server with Timeout after timeoutMs', async () => {
    await receiver.program({ respond: { status: 200, body: 'late', delayMs: 2000 } });
    const rt = runtime({ timeoutMs: 200 });
    expect(rt.call('tryFetch', 'https://hooks.slack.com/services/slow')).toEqual([
      'Exception',
      'Timeout: https://hooks.slack.com/services/slow',
    ]);
  });
});
