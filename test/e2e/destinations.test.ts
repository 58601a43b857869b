/**
 * Alert destinations end to end: the add-on's delivery code (bundled with a small fixture entry,
 * destinations-entry.ts) runs in the local Apps Script runtime with the real UrlFetchApp,
 * Utilities.sleep (virtual clock) and MailApp, against the local receiver playing Slack, Google
 * Chat and a JSON webhook. No database is involved, so these run the same on every engine.
 */
import type { AlertNotification } from '../../src/alerts/message';
import type { DestinationConfig } from '../../src/destinations/kind';
import type { DeliveryOutcome, ThreadRef } from '../../src/shared/api-types';
import { startReceiver, type Receiver } from '../../emulator/src/http/receiver';
import type { AppsScriptRuntime } from '../../emulator/src/runtime';
import { destinationsRuntime } from '../helpers/destinations-bundle';
import type { DeliverNowOptions } from '../helpers/destinations-entry';
import { disposeRuntimes } from '../helpers/runtimes';

const SECRET = 's3cr3tWEBHOOKtoken';
const SLACK_URL = `https://hooks.slack.com/services/T0001/B0001/${SECRET}`;
const BOT_TOKEN = `xoxb-1-${SECRET}`;
const CHAT_URL = `https://chat.googleapis.com/v1/spaces/AAAA/messages?key=k1&token=${SECRET}`;
const ALLOWLIST_WITH_EXAMPLE = [
  'https://hooks.slack.com/',
  'https://slack.com/api/',
  'https://chat.googleapis.com/',
  'https://hooks.example.com/',
];
const MAIL_SCOPE = 'https://www.googleapis.com/auth/script.send_mail';
const BASE_SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/script.external_request',
  'https://www.googleapis.com/auth/script.scriptapp',
];

let receiver: Receiver;
let rt: AppsScriptRuntime;

function notification(state: AlertNotification['state'] = 'triggered'): AlertNotification {
  const rows =
    state === 'triggered'
      ? [
          [1, 'A & B <Co>', -5],
          [2, 'イロハ株式会社', -1],
        ]
      : [];
  return {
    alert: { id: 'al1', name: 'Negative balances' },
    query: { id: 'q1', name: 'Billing <check>' },
    state,
    previousState: state === 'triggered' ? 'ok' : 'triggered',
    condition: { column: '', op: '>', value: '0', selector: 'count' },
    value: rows.length,
    reason: null,
    resultUrl: 'https://docs.google.com/spreadsheets/d/abc/edit#gid=12&range=A1',
    result: { columns: ['id', 'company', 'balance'], rows },
    rowCount: rows.length,
    at: '2030-01-01T08:00:00.000Z',
  };
}

function send(
  destination: Omit<DestinationConfig, 'id' | 'name'>,
  n: AlertNotification,
  options: Partial<DeliverNowOptions> = {},
): DeliveryOutcome {
  const config: DestinationConfig = { id: 'd1', name: 'dest', ...destination };
  const o: DeliverNowOptions = { lang: 'en', remainingMs: 300_000, ...options };
  return rt.call('deliverNow', config, n, o) as DeliveryOutcome;
}

const slackWebhook = { kind: 'slack-webhook', options: { url: SLACK_URL } };
const slackBot = { kind: 'slack-bot', options: { channel: 'C0123ABCD', token: BOT_TOKEN } };

/** Everything a user or log could see of the last execution. */
function visibleText(outcome: unknown): string {
  const execution = rt.executions[rt.executions.length - 1];
  return JSON.stringify(outcome) + execution.logs.join('\n');
}

beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  disposeRuntimes();
  await receiver.stop();
});
beforeEach(async () => {
  await receiver.reset();
  rt = destinationsRuntime({
    urlFetch: {
      hostMap: {
        'https://hooks.slack.com': receiver.origin,
        'https://slack.com': receiver.origin,
        'https://chat.googleapis.com': receiver.origin,
        'https://hooks.example.com': receiver.origin,
      },
    },
    manifest: { urlFetchWhitelist: ALLOWLIST_WITH_EXAMPLE, oauthScopes: [...BASE_SCOPES, MAIL_SCOPE] },
  });
  rt.clock.freeze(Date.parse('2030-01-01T08:00:00Z'));
});

describe('Slack incoming webhook', () => {
  it('posts Block Kit that Slack accepts: header, body, fields, link and the rows as a code block', async () => {
    const outcome = send(slackWebhook, notification());
    expect(outcome).toEqual({ status: 'delivered', attempts: 1 });
    const [message] = await receiver.slackMessages();
    expect(message.via).toBe('webhook');
    const blocks = message.blocks as { type: string; text?: { text: string }; fields?: { text: string }[] }[];
    expect(blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
    expect(blocks[0].text?.text).toContain('Triggered: Negative balances');
    const all = JSON.stringify(blocks);
    expect(all).toContain('Billing &lt;check&gt;');
    expect(all).toContain('A &amp; B &lt;Co&gt;');
    expect(all).not.toContain('&amp;amp;');
    expect(all).toContain('<https://docs.google.com/spreadsheets/d/abc/edit#gid=12&amp;range=A1|');
    expect(all).toContain('```');
    expect(message.text).toContain('Triggered: Negative balances');
  });

  it('waits for Retry-After on 429, then delivers', async () => {
    await receiver.once({ status: 429, headers: { 'Retry-After': '3' }, body: 'rate_limited' });
    const before = rt.clock.now();
    expect(send(slackWebhook, notification())).toEqual({ status: 'delivered', attempts: 2 });
    expect(rt.clock.now() - before).toBe(3000);
    expect(await receiver.requests()).toHaveLength(2);
  });

  it('retries 5xx with growing waits, and leaves it to the next tick after the last attempt', async () => {
    await receiver.program({ path: '/services/', respond: { status: 500, body: 'rollup_error' }, times: 2 });
    const before = rt.clock.now();
    expect(send(slackWebhook, notification())).toEqual({ status: 'delivered', attempts: 3 });
    expect(rt.clock.now() - before).toBe(1000 + 2000);

    await receiver.reset();
    await receiver.program({ path: '/services/', respond: { status: 503, body: 'down' } });
    const outcome = send(slackWebhook, notification());
    expect(outcome).toMatchObject({
      status: 'retry-later',
      attempts: 4,
      problem: { code: 'server-error', httpStatus: 503 },
    });
    expect(await receiver.requests()).toHaveLength(4);
  });

  it('never sleeps past the deadline: a Retry-After longer than the time left is left for the next tick', async () => {
    await receiver.once({ status: 429, headers: { 'Retry-After': '600' }, body: '' });
    const before = rt.clock.now();
    const outcome = send(slackWebhook, notification(), { remainingMs: 60_000 });
    expect(outcome).toEqual({
      status: 'retry-later',
      attempts: 1,
      problem: { code: 'rate-limited', httpStatus: 429 },
      retryAfterMs: 600_000,
    });
    expect(rt.clock.now()).toBe(before);
    expect(await receiver.requests()).toHaveLength(1);
  });

  it('stops retrying 5xx when the next wait would end past the deadline; sends nothing once past it', async () => {
    await receiver.program({ path: '/services/', respond: { status: 500, body: '' } });
    const before = rt.clock.now();
    const outcome = send(slackWebhook, notification(), { remainingMs: 8_000 });
    // 1 s + 5 s for the request fits in 8 s, 2 s + 5 s in the 7 s left; 4 s + 5 s does not fit in 5 s
    expect(outcome).toMatchObject({ status: 'retry-later', attempts: 3, problem: { code: 'server-error' } });
    expect(rt.clock.now() - before).toBe(3000);

    await receiver.reset();
    expect(send(slackWebhook, notification(), { remainingMs: 0 })).toEqual({
      status: 'retry-later',
      attempts: 0,
      problem: { code: 'deadline' },
    });
    expect(await receiver.requests()).toHaveLength(0);
  });

  it("reports a refused webhook (404 no_service) as failed, with Slack's code but never the URL", async () => {
    await receiver.once({ status: 404, body: 'no_service' });
    const outcome = send(slackWebhook, notification());
    expect(outcome).toEqual({
      status: 'failed',
      attempts: 1,
      problem: { code: 'http-error', httpStatus: 404, detail: 'no_service' },
    });
    await receiver.once({ status: 400, body: `invalid url ${SLACK_URL}` });
    const echoed = send(slackWebhook, notification());
    expect(echoed).toEqual({ status: 'failed', attempts: 1, problem: { code: 'http-error', httpStatus: 400 } });
    expect(visibleText(echoed)).not.toContain(SECRET);
  });

  it('keeps the secret out of outcomes and logs when the network fails (Apps Script names the URL)', () => {
    rt.urlFetch._setHostMap({});
    const outcome = send(slackWebhook, notification());
    expect(outcome).toEqual({ status: 'retry-later', attempts: 1, problem: { code: 'network' } });
    expect(rt.urlFetch._requests()[0].error).toContain(SECRET); // Apps Script's own text holds it...
    expect(visibleText(outcome)).not.toContain(SECRET); // ...and the add-on never shows it
    const last = rt.executions[rt.executions.length - 1];
    expect(last.logs.join('\n')).not.toContain(SECRET);
  });
});

describe('Send test', () => {
  it("sends a sample message now and words the outcome in the user's language", async () => {
    const result = rt.call('sendTestNow', { id: 'd', name: 'd', ...slackWebhook }, 'ja') as {
      outcome: DeliveryOutcome;
      message: string;
    };
    expect(result).toEqual({ outcome: { status: 'delivered', attempts: 1 }, message: '送信しました' });
    const [message] = await receiver.slackMessages();
    expect(message.text).toContain('発火: Sheetdash テストアラート');

    await receiver.once({ status: 404, body: 'no_service' });
    const refused = rt.call('sendTestNow', { id: 'd', name: 'd', ...slackWebhook }, 'en') as { message: string };
    expect(refused.message).toBe(
      'Not delivered: the service refused the message (HTTP 404 no_service). ' +
        'Check the address or token, and that the channel still exists.',
    );
  });
});

describe('Slack bot token', () => {
  it('posts to the channel, replies to the recovery in the thread and marks the original as recovered', async () => {
    const fired = send(slackBot, notification('triggered'));
    expect(fired).toMatchObject({ status: 'delivered', attempts: 1, thread: { channel: 'C0123ABCD' } });
    const thread = (fired as { thread: ThreadRef }).thread;
    const [post] = await receiver.requests();
    expect(post.path).toBe('/api/chat.postMessage');
    expect(post.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);

    const recovered = send(slackBot, notification('ok'), { thread });
    expect(recovered).toEqual({ status: 'delivered', attempts: 2, thread });
    const messages = await receiver.slackMessages();
    expect(messages).toHaveLength(2);
    const [original, reply] = messages;
    expect(original).toMatchObject({ ts: thread.ts, thread_ts: null, edited: true });
    expect(original.text).toContain('Recovered: Negative balances');
    expect(JSON.stringify(original.blocks)).toContain('see the reply in this thread');
    expect(reply).toMatchObject({ channel: 'C0123ABCD', thread_ts: thread.ts, edited: false });
    expect(reply.text).toContain('Recovered: Negative balances');
  });

  it("treats HTTP 200 with ok: false as a failure, and retries Slack's own transient errors", async () => {
    await receiver.once({ status: 200, body: { ok: false, error: 'channel_not_found' } }, { path: '/api/' });
    const outcome = send(slackBot, notification());
    expect(outcome).toEqual({
      status: 'failed',
      attempts: 1,
      problem: { code: 'api-error', httpStatus: 200, detail: 'channel_not_found' },
    });
    expect(await receiver.slackMessages()).toHaveLength(0);

    await receiver.once({ status: 200, body: { ok: false, error: 'internal_error' } }, { path: '/api/' });
    expect(send(slackBot, notification())).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('answers 429 on chat.postMessage with Retry-After, then posts', async () => {
    await receiver.once(
      { status: 429, headers: { 'Retry-After': '1' }, body: { ok: false, error: 'ratelimited' } },
      { path: '/api/chat.postMessage' },
    );
    expect(send(slackBot, notification())).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(await receiver.slackMessages()).toHaveLength(1);
  });

  it('keeps the recovery delivered when only the update of the original fails', async () => {
    const fired = send(slackBot, notification('triggered')) as { thread: ThreadRef };
    await receiver.once({ status: 200, body: { ok: false, error: 'message_not_found' } }, { path: '/api/chat.update' });
    const recovered = send(slackBot, notification('ok'), { thread: fired.thread });
    expect(recovered).toMatchObject({
      status: 'delivered',
      warnings: [{ code: 'api-error', detail: 'message_not_found' }],
    });
    expect(visibleText(recovered)).not.toContain(SECRET);
  });
});

describe('Google Chat, JSON webhook and e-mail', () => {
  it("posts to a Google Chat space, in the alert's thread", async () => {
    const outcome = send({ kind: 'google-chat', options: { url: CHAT_URL } }, notification());
    expect(outcome).toEqual({ status: 'delivered', attempts: 1 });
    const [request] = await receiver.requests();
    expect(request.path).toBe('/v1/spaces/AAAA/messages');
    expect(request.query).toMatchObject({ key: 'k1', messageReplyOption: 'REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD' });
    const body = JSON.parse(request.body) as { text: string; thread: { threadKey: string } };
    expect(body.thread.threadKey).toBe('sheetdash-al1');
    expect(body.text).toContain('*Triggered: Negative balances*');
    expect(body.text).toContain('A & B <\u200bCo>'); // shown as typed; Chat has no escape, so `<` is followed by a zero-width space
  });

  it('posts the documented JSON payload to a webhook with its secret header', async () => {
    const destination = {
      kind: 'webhook',
      options: { url: 'https://hooks.example.com/alerts', headerName: 'X-Sheetdash-Secret', headerValue: SECRET },
    };
    const outcome = send(destination, notification(), { allowlist: ALLOWLIST_WITH_EXAMPLE });
    expect(outcome).toEqual({ status: 'delivered', attempts: 1 });
    const [request] = await receiver.requests();
    expect(request.headers['x-sheetdash-secret']).toBe(SECRET);
    expect(request.headers['content-type']).toContain('application/json');
    expect(JSON.parse(request.body)).toMatchObject({
      event: 'sheetdash.alert',
      version: 1,
      kind: 'triggered',
      state: 'triggered',
      previousState: 'ok',
      alert: { id: 'al1', name: 'Negative balances' },
      query: { id: 'q1', name: 'Billing <check>' },
      condition: { op: '>', value: '0', selector: 'count' },
      value: 2,
      rowCount: 2,
      columns: ['id', 'company', 'balance'],
      rows: [
        ['1', 'A & B <Co>', '-5'],
        ['2', 'イロハ株式会社', '-1'],
      ],
    });
  });

  it('refuses a webhook host missing from the manifest allowlist before calling, as Apps Script would', async () => {
    const destination = { kind: 'webhook', options: { url: 'https://hooks.unlisted.example/x' } };
    expect(send(destination, notification(), { allowlist: ALLOWLIST_WITH_EXAMPLE })).toEqual({
      status: 'failed',
      attempts: 0,
      problem: { code: 'host-not-allowed' },
    });
    expect(rt.urlFetch._requests()).toHaveLength(0);
    // Were the add-on's list out of step with the manifest, Apps Script refuses the call itself:
    // reported as a network failure, without Apps Script's text (which holds the URL).
    const example = { kind: 'webhook', options: { url: `https://hooks.example.com/${SECRET}` } };
    const strict = destinationsRuntime({ manifest: { urlFetchWhitelist: ['https://hooks.slack.com/'] } });
    const outcome = strict.call('deliverNow', { id: 'd', name: 'd', ...example }, notification(), {
      lang: 'en',
      remainingMs: 60_000,
      allowlist: ALLOWLIST_WITH_EXAMPLE,
    });
    expect(outcome).toEqual({ status: 'retry-later', attempts: 1, problem: { code: 'network' } });
    expect(JSON.stringify(outcome)).not.toContain(SECRET);
    expect(await receiver.requests()).toHaveLength(0);
  });

  it('sends e-mail through MailApp, and leaves it for later when the daily quota is used up', () => {
    const destination = { kind: 'email', options: { addresses: 'ops@example.com, cs@example.com' } };
    expect(send(destination, notification(), { lang: 'ja' })).toEqual({ status: 'delivered', attempts: 1 });
    const [mail] = rt.base.mail._sent();
    expect(mail.to).toEqual(['ops@example.com', 'cs@example.com']);
    expect(mail.subject).toBe('発火: Negative balances');
    expect(mail.body).toContain('A & B <Co>');
    expect(mail.body).toContain('イロハ株式会社');

    while (rt.base.mail.getRemainingDailyQuota() >= 2) {
      send(destination, notification());
    }
    expect(send(destination, notification())).toEqual({
      status: 'retry-later',
      attempts: 0,
      problem: { code: 'mail-quota' },
    });
  });

  it('needs the script.send_mail scope: without it, the outcome names the missing scope', () => {
    const noMail = destinationsRuntime({ manifest: { oauthScopes: BASE_SCOPES } });
    const destination = { id: 'd', name: 'd', kind: 'email', options: { addresses: 'ops@example.com' } };
    expect(noMail.call('deliverNow', destination, notification(), { lang: 'en', remainingMs: 60_000 })).toEqual({
      status: 'failed',
      attempts: 1,
      problem: { code: 'missing-scope', detail: MAIL_SCOPE },
    });
    expect(noMail.base.mail._sent()).toHaveLength(0);
  });
});
