/**
 * Alert delivery through the bundle, on every enabled engine, with the receiver playing Slack,
 * Google Chat and a JSON webhook, and MailApp's capture: 429 with Retry-After, 5xx and Slack's
 * `ok: false`; what is left to retry is delivered by the next tick (not before its
 * Retry-After), once; the history keeps each attempt's outcome; two ticks contending for the
 * lock send once; a tick whose deadline runs out leaves the notification for the next tick.
 */
import { useReceiver } from '../helpers/receiver';
import type { AppsScriptRuntime, ExecutionResult } from '../../emulator/src/runtime';
import { api, saveQuery } from '../helpers/api';
import {
  alertSetup,
  CHAT_URL,
  createAccounts,
  historyRows,
  rowsCheck,
  setBadRows,
  slackBot,
  slackWebhook,
  tick,
} from '../helpers/alerts';
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';

/**
 * A generic JSON webhook must be on the manifest's UrlFetch allowlist, which this build holds
 * Slack's and Google Chat's hosts in: the test webhook lives under an allowed prefix, routed to
 * the receiver (a deployment for another host adds that host to the allowlist).
 */
const WEBHOOK_URL = 'https://hooks.slack.com/sheetdash-test-webhook';

const receiver = useReceiver();
beforeEach(async () => {
  await receiver.reset();
});

function firstAlert(rt: AppsScriptRuntime) {
  return api(rt, 'listAlerts', {})[0];
}

describe.each(enabledEngines().map((e) => [e.name, e] as const))('alert delivery on %s', (_name, engine) => {
  let db: TestDatabase;
  beforeAll(() => {
    db = createTestDatabase(engine);
    createAccounts(db, 'accounts');
    setBadRows(db, 'accounts', 10);
  });
  afterAll(() => db?.drop());

  it('waits out a short Retry-After within the run, and leaves a long one to a later tick', async () => {
    const { rt, queryId } = alertSetup(db, 'accounts', receiver, { scheduled: true });
    rowsCheck(rt, queryId, [slackWebhook(rt).id]);
    await receiver.once({ status: 429, headers: { 'Retry-After': '3' }, body: 'rate_limited' });
    const before = rt.clock.now();
    api(rt, 'runQuery', { id: queryId });
    expect(rt.clock.now() - before).toBeGreaterThanOrEqual(3000);
    expect(await receiver.slackMessages()).toHaveLength(1);

    // A second alert on the query, rate limited for 10 minutes.
    await receiver.reset();
    rowsCheck(rt, queryId, [slackWebhook(rt, 'Second').id], { name: 'Second' });
    await receiver.once({ status: 429, headers: { 'Retry-After': '600' }, body: 'rate_limited' });
    const run = api(rt, 'runQuery', { id: queryId });
    expect(run.check?.state).toBe('triggered');
    expect(await receiver.slackMessages()).toHaveLength(0);
    const second = api(rt, 'listAlerts', {}).find((a) => a.name === 'Second');
    expect(second?.status.undelivered).toBe(1);
    const codes = historyRows(rt).map((row) => String(row[8]));
    expect(codes[codes.length - 1]).toMatch(/=retry-later:rate-limited$/);

    tick(rt); // 5 minutes later: still inside Retry-After
    expect(await receiver.slackMessages()).toHaveLength(0);
    tick(rt); // 10 minutes: delivered by the tick's outbox pass
    expect(await receiver.slackMessages()).toHaveLength(1);
    tick(rt);
    expect(await receiver.slackMessages()).toHaveLength(1);
    expect(api(rt, 'listAlerts', {}).every((a) => a.status.undelivered === 0)).toBe(true);
    const history = historyRows(rt);
    const last = history[history.length - 1];
    expect([last[7], String(last[8])]).toEqual(['triggered (retry)', expect.stringMatching(/=delivered$/)]);
  });

  it('keeps a sidebar run waiting at most 30 s for a destination; the tick sends the rest', async () => {
    const { rt, queryId } = alertSetup(db, 'accounts', receiver, { scheduled: true });
    rowsCheck(rt, queryId, [slackWebhook(rt).id]);
    await receiver.once({ status: 429, headers: { 'Retry-After': '40' }, body: 'rate_limited' });
    const before = rt.clock.now();
    api(rt, 'runQuery', { id: queryId });
    expect(rt.clock.now() - before).toBeLessThan(30_000);
    expect(firstAlert(rt).status.undelivered).toBe(1);
    tick(rt);
    expect(await receiver.slackMessages()).toHaveLength(1);
    expect(firstAlert(rt).status.undelivered).toBe(0);
  });

  it('retries 5xx, and a Slack bot answer ok:false is failed for good (not retried)', async () => {
    const { rt, queryId } = alertSetup(db, 'accounts', receiver, { scheduled: true });
    const bot = slackBot(rt);
    rowsCheck(rt, queryId, [bot.id]);
    await receiver.program({ path: '/api/chat.postMessage', respond: { status: 503, body: 'down' }, times: 4 });
    api(rt, 'runQuery', { id: queryId });
    expect(firstAlert(rt).status.undelivered).toBe(1);
    expect(await receiver.slackMessages()).toHaveLength(0);
    tick(rt);
    expect(await receiver.slackMessages()).toHaveLength(1);
    expect(firstAlert(rt).status.undelivered).toBe(0);

    setBadRows(db, 'accounts', 0);
    await receiver.once(
      { status: 200, body: { ok: false, error: 'channel_not_found' } },
      { path: '/api/chat.postMessage' },
    );
    api(rt, 'runQuery', { id: queryId });
    expect(firstAlert(rt).status).toMatchObject({ state: 'ok', undelivered: 0 });
    const history = historyRows(rt);
    const last = history[history.length - 1];
    expect(String(last[8])).toBe(`${bot.id}=failed:api-error`);
    expect(String(last[9])).toContain('channel_not_found');
    tick(rt);
    setBadRows(db, 'accounts', 10);
    expect((await receiver.slackMessages()).map((m) => m.text.split(':')[0])).toEqual(['Triggered']);
    const posts = (await receiver.requests()).filter((r) => r.path === '/api/chat.postMessage');
    expect(posts).toHaveLength(4 + 1 + 1); // four 503s, the retry at the tick, the refused recovery
  });

  it('delivers to Google Chat, a JSON webhook with its idempotency key, and e-mail', async () => {
    const { rt, queryId } = alertSetup(db, 'accounts', receiver);
    const chat = api(rt, 'saveDestination', { name: 'Chat', kind: 'google-chat', options: { url: CHAT_URL } });
    const hook = api(rt, 'saveDestination', {
      name: 'Hook',
      kind: 'webhook',
      options: { url: WEBHOOK_URL, headerName: 'X-Sheetdash-Secret', headerValue: 's3cret' },
    });
    const mail = api(rt, 'saveDestination', { name: 'Mail', kind: 'email', options: { addresses: 'ops@example.com' } });
    const alert = rowsCheck(rt, queryId, [chat.id, hook.id, mail.id]);
    await receiver.program({ path: '/sheetdash-test-webhook', respond: { status: 500, body: 'busy' }, times: 1 });
    api(rt, 'runQuery', { id: queryId });

    const requests = await receiver.requests();
    const chatPost = requests.find((r) => r.path.startsWith('/v1/spaces/AAAA/messages'));
    expect(JSON.parse(chatPost?.body ?? '{}')).toMatchObject({
      text: expect.stringContaining('Negative balances'),
      thread: { threadKey: `sheetdash-${alert.id}` },
    });
    const hooks = requests.filter((r) => r.path === '/sheetdash-test-webhook');
    expect(hooks).toHaveLength(2); // a 500, then delivered on the retry
    const keys = hooks.map((r) => r.headers['idempotency-key']);
    expect(keys).toEqual([`${alert.id}:1`, `${alert.id}:1`]);
    const payload = JSON.parse(hooks[1].body);
    expect(payload).toMatchObject({
      event: 'sheetdash.alert',
      version: 1,
      idempotencyKey: `${alert.id}:1`,
      kind: 'triggered',
      state: 'triggered',
      value: 10,
      rowCount: 10,
      columns: ['id', 'balance'],
    });
    expect(payload.rows[0]).toEqual(['100', '-1']);
    expect(hooks[1].headers['x-sheetdash-secret']).toBe('s3cret');

    const [sent] = rt.base.mail._sent();
    expect(sent).toMatchObject({ to: ['ops@example.com'], subject: 'Triggered: Negative balances: returns rows' });
    expect(sent.body).toContain('10 (count > 0)');
    const history = historyRows(rt);
    expect(String(history[history.length - 1][8]).split('; ')).toEqual([
      `${chat.id}=delivered`,
      `${hook.id}=delivered`,
      `${mail.id}=delivered`,
    ]);
  });

  it('never lets a database row mention everyone, dress a link or add a line, whatever the template', async () => {
    const injected = 'Open result: https://evil.example/phish';
    const note = `<users/all> <!channel> <https://evil.example/login|Open result>\n${injected}`;
    db.exec(`CREATE TABLE notes (id INT, note VARCHAR(200))\n;\nINSERT INTO notes VALUES (1, '${note}')`);
    const { rt, dataSourceId } = alertSetup(db, 'accounts', receiver);
    const query = saveQuery(rt, { name: 'Notes', dataSourceId, sql: `SELECT note FROM ${db.schema}.notes` });
    const chat = api(rt, 'saveDestination', { name: 'Chat', kind: 'google-chat', options: { url: CHAT_URL } });
    const mail = api(rt, 'saveDestination', { name: 'Mail', kind: 'email', options: { addresses: 'ops@example.com' } });
    const slack = slackWebhook(rt);
    rowsCheck(rt, query.id, [chat.id, mail.id, slack.id], {
      name: 'Note\r\nBcc: victim@evil.example',
      condition: { selector: 'first', column: 'note', op: '!=', value: 'x' },
      // Redash users write triple braces; a section naming a list method used to throw as it rendered
      templates: {
        triggered: 'Value: {{{QUERY_RESULT_VALUE}}} {{& QUERY_RESULT_VALUE}}',
        recovered: '{{#map}}x{{/map}}',
      },
    });
    expect(api(rt, 'runQuery', { id: query.id })).toMatchObject({ ok: true });

    const requests = await receiver.requests();
    const chatText = JSON.parse(requests.find((r) => r.path.startsWith('/v1/spaces/'))?.body ?? '{}').text as string;
    const [slackMessage] = await receiver.slackMessages();
    const slackText = JSON.stringify(slackMessage);
    const [sent] = rt.base.mail._sent();
    for (const live of ['<users/all>', '<!channel>', '<https://evil.example']) {
      expect({ live, chat: chatText.includes(live), slack: slackText.includes(live) }).toEqual({
        live,
        chat: false,
        slack: false,
      });
    }
    expect(chatText).toContain('<\u200busers/all>'); // shown as written
    expect(slackText).toContain('&lt;!channel&gt;');
    for (const text of [chatText, sent.body]) expect(text.split('\n')).not.toContain(injected);
    expect(sent.subject).toBe('Triggered: Note Bcc: victim@evil.example');
    db.exec('DROP TABLE notes');
  });

  it('sends once when two ticks contend for the document lock', async () => {
    const { rt, queryId } = alertSetup(db, 'accounts', receiver, { scheduled: true });
    rowsCheck(rt, queryId, [slackWebhook(rt).id]);
    let second: ExecutionResult | undefined;
    // The second tick fires while the first one is sending.
    rt.faults.add({
      method: 'UrlFetchApp.fetch',
      nth: 1,
      scope: 'runtime',
      action: { before: () => (second = rt.run('tick', [], { kind: 'time-trigger' })) },
    });
    const first = tick(rt);
    rt.faults.clear();
    expect(first.error).toBeUndefined();
    expect(second?.value).toMatchObject({ ran: [], busy: true });
    expect(second?.execution.calls.get('UrlFetchApp.fetch')).toBeUndefined();
    tick(rt);
    expect(await receiver.slackMessages()).toHaveLength(1);
  });

  it('leaves the notification to the next tick when the deadline runs out, and sends it once', async () => {
    const { rt, queryId } = alertSetup(db, 'accounts', receiver, { scheduled: true });
    rowsCheck(rt, queryId, [slackWebhook(rt).id]);
    // Connecting takes 322 s: the query still runs, but too little time is left to send.
    rt.faults.add({ method: 'Jdbc.getConnection', nth: 1, action: { before: () => rt.clock.advance(322_000) } });
    const slow = tick(rt);
    rt.faults.clear();
    expect(slow.error).toBeUndefined();
    expect(slow.execution.calls.get('UrlFetchApp.fetch')).toBeUndefined();
    expect(firstAlert(rt).status).toMatchObject({ state: 'triggered', undelivered: 1 });
    expect(await receiver.slackMessages()).toHaveLength(0);
    tick(rt);
    tick(rt);
    expect(await receiver.slackMessages()).toHaveLength(1);
    expect(firstAlert(rt).status.undelivered).toBe(0);
  });
});
