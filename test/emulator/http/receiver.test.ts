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

it('shows received requests on an HTML page, escaped', async () => {
  await hit('/p', { method: 'POST', body: '<script>alert("x")</script>' });
  const page = await hit('/__receiver/');
  expect(page.headers.get('content-type')).toContain('text/html');
  expect(page.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  expect(page.text).not.toContain('<script>alert');
  // admin traffic is not recorded
  expect((await receiver.requests()).map((r) => r.path)).toEqual(['/p']);
});

it('rejects unknown admin endpoints', async () => {
  expect((await hit('/__receiver/nope')).status).toBe(404);
});

it('stops its child process', async () => {
  const other = await startReceiver();
  await other.stop();
  await expect(fetch(`${other.origin}/x`)).rejects.toThrow();
});
