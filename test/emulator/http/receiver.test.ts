/** The local HTTP receiver: recording, programmable answers, admin endpoints, HTML page. */
import { startReceiver, type Receiver } from '../../../emulator/src/http/receiver';

let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.stop();
});
beforeEach(async () => {
  await receiver.reset();
});

async function hit(path: string, init: RequestInit = {}): Promise<{ status: number; text: string; headers: Headers }> {
  const r = await fetch(receiver.origin + path, init);
  return { status: r.status, text: await r.text(), headers: r.headers };
}

it('listens on loopback and answers 200 "ok" by default, recording the request', async () => {
  expect(receiver.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(
    await hit('/services/T/B/X?a=1&a=2&b=x', {
      method: 'POST',
      body: '{"text":"hi"}',
      headers: { 'Content-Type': 'application/json' },
    }),
  ).toMatchObject({
    status: 200,
    text: 'ok',
  });
  const [seen] = await receiver.requests();
  expect(seen).toMatchObject({
    method: 'POST',
    path: '/services/T/B/X',
    query: { a: ['1', '2'], b: 'x' },
    body: '{"text":"hi"}',
  });
  expect(seen.headers['content-type']).toBe('application/json');
  expect(typeof seen.receivedAt).toBe('number');
});

it('answers by rule for the next N matching requests, then falls back', async () => {
  await receiver.program({ method: 'post', path: '/api/', respond: { status: 500, body: 'boom' }, times: 2 });
  expect((await hit('/api/x', { method: 'GET' })).status).toBe(200); // method does not match
  expect((await hit('/other', { method: 'POST' })).status).toBe(200); // path does not match
  expect((await hit('/api/x', { method: 'POST' })).status).toBe(500);
  expect((await hit('/api/y', { method: 'POST' })).text).toBe('boom');
  expect((await hit('/api/z', { method: 'POST' })).status).toBe(200);
});

it('lets newer rules take precedence, and sends JSON bodies and headers', async () => {
  await receiver.program({ respond: { status: 200, body: { ok: true } } });
  await receiver.once({ status: 429, headers: { 'Retry-After': '7' }, body: { ok: false, error: 'ratelimited' } });
  const limited = await hit('/x');
  expect(limited.status).toBe(429);
  expect(limited.headers.get('retry-after')).toBe('7');
  expect(limited.headers.get('content-type')).toContain('application/json');
  expect(JSON.parse(limited.text)).toEqual({ ok: false, error: 'ratelimited' });
  expect(JSON.parse((await hit('/x')).text)).toEqual({ ok: true });
});

it('clear forgets requests but keeps rules', async () => {
  await receiver.program({ respond: { status: 201, body: '' } });
  await hit('/a');
  await receiver.clear();
  expect(await receiver.requests()).toEqual([]);
  expect((await hit('/a')).status).toBe(201);
  expect(await receiver.requests()).toHaveLength(1);
});

it('serves a page that renders what came in by script, with no payload in its HTML', async () => {
  await hit('/p', { method: 'POST', body: '<script>alert("x")</script>' });
  const page = await hit('/__receiver/');
  expect(page.headers.get('content-type')).toContain('text/html');
  expect(page.text).toContain('<html lang="en">');
  expect(page.text).toContain('<h1>Webhook receiver</h1>');
  expect(page.text).not.toContain('alert');
  for (const asset of ['/__receiver/render.js', '/__receiver/page.js']) {
    const served = await hit(asset);
    expect([served.status, served.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect(served.text).toContain('ReceiverRender');
  }
  // admin traffic (the page, its scripts) is not recorded
  expect((await receiver.requests()).map((r) => r.path)).toEqual(['/p']);
});

it('serves its page in Japanese when started with lang ja', async () => {
  const ja = await startReceiver({ lang: 'ja' });
  try {
    const text = await (await fetch(`${ja.origin}/__receiver/`)).text();
    expect(text).toContain('<html lang="ja">');
    expect(text).toContain('<h1>Webhook 受信ページ</h1>');
  } finally {
    await ja.stop();
  }
});

it('does not list browser noise: favicon, robots.txt, touch icons, .well-known', async () => {
  for (const noise of ['/favicon.ico', '/robots.txt', '/apple-touch-icon-precomposed.png', '/.well-known/x']) {
    expect((await hit(noise)).status).toBe(404);
  }
  await hit('/favicon.ico', { method: 'POST', body: 'a webhook may use any path' });
  expect((await receiver.requests()).map((r) => `${r.method} ${r.path}`)).toEqual(['POST /favicon.ico']);
});

it('rejects unknown admin endpoints', async () => {
  expect((await hit('/__receiver/nope')).status).toBe(404);
});

it('stops its child process', async () => {
  const other = await startReceiver();
  await other.stop();
  await expect(fetch(`${other.origin}/x`)).rejects.toThrow();
});

describe("Slack's endpoints without a rule", () => {
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    hit(path, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', ...headers },
    });
  const bot = { Authorization: 'Bearer xoxb-1-abc' };

  it('answers incoming webhooks as Slack does, checking the payload', async () => {
    expect(await post('/services/T/B/X', 'not json')).toMatchObject({ status: 400, text: 'invalid_payload' });
    expect(await post('/services/T/B/X', {})).toMatchObject({ status: 400, text: 'no_text' });
    const header = { type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } };
    expect(await post('/services/T/B/X', { blocks: [header] })).toMatchObject({ status: 400, text: 'invalid_blocks' });
    const section = { type: 'section', text: { type: 'mrkdwn', text: 'y'.repeat(3001) } };
    expect(await post('/services/T/B/X', { blocks: [section] })).toMatchObject({ status: 400, text: 'invalid_blocks' });
    const many = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    expect(await post('/services/T/B/X', { blocks: many })).toMatchObject({ status: 400, text: 'invalid_blocks' });
    expect(await post('/services/T/B/X', { text: 'hi', blocks: [{ type: 'divider' }] })).toMatchObject({
      status: 200,
      text: 'ok',
    });
    expect(await receiver.slackMessages()).toMatchObject([
      { via: 'webhook', channel: 'webhook:/services/T/B/X', text: 'hi' },
    ]);
  });

  it('answers the Web API with HTTP 200 and ok: false on errors, and keeps threads and edits', async () => {
    const notAuthed = await post('/api/chat.postMessage', { channel: 'C1', text: 'x' });
    expect(notAuthed.status).toBe(200);
    expect(JSON.parse(notAuthed.text)).toEqual({ ok: false, error: 'not_authed' });
    expect(JSON.parse((await post('/api/chat.postMessage', { text: 'x' }, bot)).text).error).toBe('channel_not_found');
    const root = JSON.parse((await post('/api/chat.postMessage', { channel: 'C1', text: 'fired' }, bot)).text);
    expect(root).toMatchObject({ ok: true, channel: 'C1' });
    const reply = JSON.parse(
      (await post('/api/chat.postMessage', { channel: 'C1', text: 'fixed', thread_ts: root.ts }, bot)).text,
    );
    expect(reply.ts).not.toBe(root.ts);
    const update = await post('/api/chat.update', { channel: 'C1', ts: root.ts, text: 'fired, fixed' }, bot);
    expect(JSON.parse(update.text)).toMatchObject({ ok: true, ts: root.ts });
    const missing = await post('/api/chat.update', { channel: 'C1', ts: '1.2', text: 'z' }, bot);
    expect(JSON.parse(missing.text)).toEqual({ ok: false, error: 'message_not_found' });
    expect(await receiver.slackMessages()).toMatchObject([
      { via: 'api', channel: 'C1', ts: root.ts, thread_ts: null, text: 'fired, fixed', edited: true },
      { via: 'api', channel: 'C1', ts: reply.ts, thread_ts: root.ts, text: 'fixed', edited: false },
    ]);
  });

  it('lets a programmed rule answer instead', async () => {
    await receiver.once({ status: 200, body: { ok: false, error: 'invalid_auth' } }, { path: '/api/' });
    expect(JSON.parse((await post('/api/chat.postMessage', { channel: 'C1', text: 'x' }, bot)).text)).toEqual({
      ok: false,
      error: 'invalid_auth',
    });
    expect(await receiver.slackMessages()).toEqual([]);
  });
});

describe("Google Public DNS's JSON API (GET /resolve)", () => {
  const resolve = async (query: string) => {
    const r = await hit(`/resolve?${query}`);
    return { status: r.status, body: JSON.parse(r.text) };
  };

  it("answers set records, else Node's resolver, in Google's format; reset forgets the records", async () => {
    await receiver.setDnsRecords({ 'DB.example.test.': ['10.1.2.3', '203.0.113.10'], 'v6only.example.test': [] });
    expect(await resolve('name=db.example.test&type=A')).toEqual({
      status: 200,
      body: {
        Status: 0,
        TC: false,
        RD: true,
        RA: true,
        AD: false,
        CD: false,
        Question: [{ name: 'db.example.test.', type: 1 }],
        Answer: [
          { name: 'db.example.test.', type: 1, TTL: 300, data: '10.1.2.3' },
          { name: 'db.example.test.', type: 1, TTL: 300, data: '203.0.113.10' },
        ],
      },
    });
    expect((await resolve('name=v6only.example.test&type=A')).body).toMatchObject({ Status: 0 });
    expect((await resolve('name=v6only.example.test&type=A')).body.Answer).toBeUndefined();
    expect((await resolve('name=localhost&type=A')).body.Answer).toContainEqual(
      expect.objectContaining({ type: 1, data: '127.0.0.1' }),
    );
    expect((await resolve('name=no-such-db.invalid&type=A')).body).toMatchObject({ Status: 3 });
    expect((await resolve('name=&type=A')).status).toBe(400);
    expect((await receiver.requests()).map((r) => r.query.name)).toContain('db.example.test');
    await receiver.reset();
    expect((await resolve('name=db.example.test&type=A')).body).toMatchObject({ Status: 3 });
  });
});
