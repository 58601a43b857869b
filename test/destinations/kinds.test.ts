/** What each kind builds, without sending: Slack bot threads, Google Chat's limit, e-mail. */
import type { AlertNotification } from '../../src/alerts/message';
import type { DestinationKind, HttpRequest } from '../../src/destinations/kind';
import { findDestinationKind } from '../../src/destinations/registry';

function kind(id: string): DestinationKind {
  const found = findDestinationKind(id);
  if (!found) throw new Error(`no kind ${id}`);
  return found;
}

function notification(state: AlertNotification['state'], rows: unknown[][] = [[1, 'x']]): AlertNotification {
  return {
    alert: { id: 'a1', name: 'Alert' },
    query: { id: 'q1', name: 'Query' },
    state,
    previousState: state === 'ok' ? 'triggered' : 'ok',
    condition: { column: '', op: '>', value: '0', selector: 'count' },
    value: rows.length,
    reason: null,
    resultUrl: null,
    result: { columns: ['id', 'v'], rows },
    rowCount: rows.length,
    at: '2030-01-01T00:00:00.000Z',
  };
}

const requestOf = (step: { kind: string; request?: HttpRequest }): HttpRequest => {
  if (!step.request) throw new Error('not an http step');
  return step.request;
};

describe('slack-bot', () => {
  const options = { channel: 'C0123ABCD', token: 'xoxb-1' };
  const thread = { channel: 'C0123ABCD', ts: '1.000001' };

  it('starts a thread, replies in it, and updates the first message only on recovery', () => {
    const first = kind('slack-bot').steps(notification('triggered'), options, { lang: 'en', thread: null });
    expect(first).toHaveLength(1);
    expect(JSON.parse(requestOf(first[0]).payload).thread_ts).toBeUndefined();
    const again = kind('slack-bot').steps(notification('triggered'), options, { lang: 'en', thread });
    expect(again.map((s) => requestOf(s).url)).toEqual(['https://slack.com/api/chat.postMessage']);
    expect(JSON.parse(requestOf(again[0]).payload).thread_ts).toBe('1.000001');
    const recovered = kind('slack-bot').steps(notification('ok', []), options, { lang: 'en', thread });
    expect(recovered.map((s) => requestOf(s).url)).toEqual([
      'https://slack.com/api/chat.postMessage',
      'https://slack.com/api/chat.update',
    ]);
    expect(JSON.parse(requestOf(recovered[1]).payload)).toMatchObject({ channel: 'C0123ABCD', ts: '1.000001' });
    const moved = kind('slack-bot').steps(
      notification('ok'),
      { ...options, channel: 'C0999ZZZZ' },
      { lang: 'en', thread },
    );
    expect(moved).toHaveLength(1);
    expect(JSON.parse(requestOf(moved[0]).payload).thread_ts).toBeUndefined();
  });

  it('reads ok: false as a failure and keeps the thread of a reply', () => {
    const read = kind('slack-bot').readAnswer;
    if (!read) throw new Error('slack-bot reads its answers');
    const answer = (body: unknown) => ({ status: 200, headers: {}, body: JSON.stringify(body) });
    expect(read(answer({ ok: false, error: 'not_in_channel' }))).toEqual({
      ok: false,
      transient: false,
      detail: 'not_in_channel',
    });
    expect(read(answer({ ok: false, error: 'Some text with https://secret' }))).toEqual({
      ok: false,
      transient: false,
    });
    const reply = { ok: true, channel: 'C1', ts: '2.0', message: { ts: '2.0', thread_ts: '1.0' } };
    expect(read(answer(reply))).toEqual({ ok: true, thread: { channel: 'C1', ts: '1.0' } });
  });
});

describe('google-chat', () => {
  it("stays under Chat's 4,096 characters with whole table lines and a closed code block", () => {
    const rows = Array.from({ length: 10 }, (_, i) => [i, 'y'.repeat(39)]);
    const n = { ...notification('triggered', rows), result: { columns: ['id', 'v'], rows }, rowCount: 5000 };
    n.templates = { triggered: 'z'.repeat(3500) };
    const [step] = kind('google-chat').steps(
      n,
      { url: 'https://chat.googleapis.com/v1/spaces/A/messages?key=k' },
      {
        lang: 'en',
        thread: null,
      },
    );
    const body = JSON.parse(requestOf(step).payload) as { text: string };
    expect(body.text.length).toBeLessThanOrEqual(4000);
    expect(body.text.match(/```/g)?.length ?? 0).not.toBe(1);
    expect(requestOf(step).url).toBe(
      'https://chat.googleapis.com/v1/spaces/A/messages?key=k&messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD',
    );
  });
});

describe('email', () => {
  it('sends the title as subject and the rows as a text table', () => {
    const [step] = kind('email').steps(
      notification('triggered', [[1, null]]),
      { addresses: ' a@example.com ,b@example.com' },
      {
        lang: 'en',
        thread: null,
      },
    );
    expect(step).toMatchObject({
      kind: 'mail',
      mail: { to: 'a@example.com,b@example.com', subject: 'Triggered: Alert' },
    });
    expect(step.kind === 'mail' && step.mail.body).toContain('1  | NULL');
  });
});

describe('webhook idempotency key', () => {
  it('carries the notification key in the body and the Idempotency-Key header, and none for a test', () => {
    const webhook = kind('webhook');
    const options = { url: 'https://hooks.example.com/x', headerName: 'X-Secret', headerValue: 'v' };
    const keyed = { ...notification('triggered'), key: 'al1:3' };
    const [step] = webhook.steps(keyed, options, { lang: 'en', thread: null });
    const request = requestOf(step);
    expect(request.headers).toEqual({ 'X-Secret': 'v', 'Idempotency-Key': 'al1:3' });
    expect(JSON.parse(request.payload).idempotencyKey).toBe('al1:3');
    const [test] = webhook.steps(notification('triggered'), options, { lang: 'en', thread: null });
    expect(requestOf(test).headers).toEqual({ 'X-Secret': 'v' });
    expect(JSON.parse(requestOf(test).payload).idempotencyKey).toBeNull();
    expect(webhook.validate({ ...options, headerName: 'Idempotency-Key' })).toEqual([
      { key: 'dest.headerName', vars: { name: 'Idempotency-Key' } },
    ]);
  });
});
