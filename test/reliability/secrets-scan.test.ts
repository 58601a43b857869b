/**
 * The secret scan: every secret (data source passwords and a TLS client key, a Slack bot token, a Slack webhook URL, a
 * Google Chat URL, a JSON webhook's secret header) is seeded with a unique marker, representative
 * flows run through the built bundle (save, list, test connection, schema, preview, run, send
 * test, alert delivery with 4xx / 5xx / network failures and retries, history, run log, error
 * paths), and the markers are looked for in every API answer, every sheet cell, note and
 * developer metadata entry, every cache, every log line and execution error, and every HTTP
 * request the receiver saw except the one that must carry the secret. Prints one
 * `RELIABILITY secret-scan:` line with the counts of places scanned.
 */
import { type Receiver, startReceiver } from '../../emulator/src/http/receiver';
import type { AppsScriptRuntime } from '../../emulator/src/runtime';
import { createTestDatabase, ENGINES, JDBC_OPTIONS, type TestDatabase } from '../helpers/engines';
import { bundleRuntime, disposeRuntimes } from '../helpers/runtimes';

const ALICE = 'alice@example.com';
const rand = () => Math.random().toString(36).slice(2, 10);
const MARK = {
  password: `pwMARK${rand()}`,
  password2: `pwMARK${rand()}`,
  clientKey: `keyMARK${rand()}`,
  botToken: `xoxb-1-MARK${rand()}`,
  hook: `hookMARK${rand()}`,
  chat: `chatMARK${rand()}`,
  header: `hdrMARK${rand()}`,
};
const HOOK_URL = `https://hooks.slack.com/services/T0001/B0001/${MARK.hook}`;
const HOOK_PATH = `/services/T0001/B0001/${MARK.hook}`;
const CHAT_URL = `https://chat.googleapis.com/v1/spaces/AAAA/messages?key=k1&token=${MARK.chat}`;
const WEBHOOK_URL = 'https://hooks.slack.com/sheetdash-secret-webhook';

describe('secret scan', () => {
  let db: TestDatabase;
  let receiver: Receiver;
  let rt: AppsScriptRuntime;
  const answers: { call: string; text: string }[] = [];

  beforeAll(async () => {
    db = createTestDatabase(ENGINES[0]);
    db.exec(
      `CREATE TABLE ${db.schema}.accounts (id INT, balance INT)\n;\nINSERT INTO ${db.schema}.accounts VALUES (1, -5), (2, 10)`,
    );
    receiver = await startReceiver();
  });
  afterAll(async () => {
    disposeRuntimes();
    await receiver?.stop();
    db?.drop();
  });

  function call(method: string, payload?: unknown, locale = 'en'): unknown {
    const bridged = rt.scriptRun('sheetdashApi', payload === undefined ? [method] : [method, payload], {
      user: { email: ALICE, locale },
    });
    const text = JSON.stringify(bridged);
    answers.push({ call: method, text });
    return bridged.ok ? (bridged.value as { ok: boolean; value?: unknown }) : bridged;
  }
  const value = <T>(answer: unknown): T => {
    const a = answer as { ok: boolean; value: T; error?: string };
    if (!a.ok) throw new Error(`expected ok: ${a.error}`);
    return a.value;
  };

  it('never shows a secret outside the request that must carry it', async () => {
    rt = bundleRuntime({
      jdbc: JDBC_OPTIONS,
      user: { email: ALICE, locale: 'en' },
      spreadsheet: { owner: ALICE },
      urlFetch: {
        hostMap: {
          'https://hooks.slack.com': receiver.origin,
          'https://slack.com': receiver.origin,
          'https://chat.googleapis.com': receiver.origin,
          // "Test connection" of the unreachable source asks Google Public DNS: scanned too.
          'https://dns.google': receiver.origin,
        },
      },
    });
    rt.clock.freeze(Date.parse('2030-01-01T08:00:00Z'));

    // Data sources: one that works, one whose server cannot be reached (error paths).
    const source = value<{ id: string; options: Record<string, unknown> }>(
      call('saveDataSource', { name: 'Main', kind: 'postgresql', options: { ...db.options, password: MARK.password } }),
    );
    const away = value<{ id: string; options: Record<string, unknown> }>(
      call('saveDataSource', {
        name: 'Away',
        kind: 'postgresql',
        options: {
          host: 'db.unreachable.example',
          port: 5432,
          database: 'd',
          user: 'u',
          password: MARK.password2,
          clientKey: `-----BEGIN PRIVATE KEY-----\n${MARK.clientKey}\n-----END PRIVATE KEY-----`,
        },
      }),
    );
    call('listDataSources');
    call('testDataSource', { id: source.id });
    call('testDataSource', { id: away.id });
    call('testDataSource', { id: source.id, kind: 'postgresql', options: source.options });
    call('testDataSource', { id: away.id, kind: 'postgresql', options: { ...away.options, port: 5433 } });
    call('saveDataSource', {
      id: away.id,
      name: 'Away',
      kind: 'postgresql',
      options: { ...away.options, host: 'x.example' },
    });
    call('getSchema', { dataSourceId: source.id });
    call('getSchema', { dataSourceId: away.id });
    call('previewQuery', { dataSourceId: source.id, sql: `SELECT * FROM ${db.schema}.accounts` });
    call('previewQuery', { dataSourceId: away.id, sql: 'SELECT 1' });
    call('runQueryToTab', { name: 'Away result', dataSourceId: away.id, sql: 'SELECT 1' });

    // Destinations of every kind with a secret.
    const dest = (name: string, kind: string, options: Record<string, unknown>) =>
      value<{ id: string }>(call('saveDestination', { name, kind, options }));
    const hook = dest('Hook', 'slack-webhook', { url: HOOK_URL });
    const bot = dest('Bot', 'slack-bot', { channel: 'C0123ABCD', token: MARK.botToken });
    const chat = dest('Chat', 'google-chat', { url: CHAT_URL });
    const json = dest('Json', 'webhook', {
      url: WEBHOOK_URL,
      headerName: 'X-Sheetdash-Secret',
      headerValue: MARK.header,
    });
    const ids = [hook.id, bot.id, chat.id, json.id];
    call('listDestinations');
    for (const id of ids) call('sendTestDestination', { id });
    // Send test failing: 404, 500, 429, a network error whose Apps Script text names the URL.
    await receiver.program({ respond: { status: 404, body: 'no_service' }, times: 4 });
    for (const id of ids) call('sendTestDestination', { id });
    await receiver.program({ respond: { status: 500, body: 'boom' }, times: 4 });
    for (const id of ids) call('sendTestDestination', { id }, 'ja');
    await receiver.program({ respond: { status: 429, headers: { 'Retry-After': '30' }, body: 'slow down' }, times: 4 });
    for (const id of ids) call('sendTestDestination', { id });
    const dns = rt.faults.add({ method: 'UrlFetchApp.fetch', action: { throw: `DNS error: ${HOOK_URL}` } });
    for (const id of ids) call('sendTestDestination', { id });
    for (const id of ids) call('sendTestDestination', { id }, 'ja');
    dns();
    // The form's masked values reused, a bad URL typed, an unknown kind.
    const listed = value<{ id: string; kind: string; options: Record<string, unknown> }[]>(call('listDestinations'));
    for (const d of listed) call('sendTestDestination', { id: d.id, kind: d.kind, options: d.options });
    call('saveDestination', {
      name: 'Bad',
      kind: 'slack-webhook',
      options: { url: `http://hooks.slack.com/x/${MARK.hook}` },
    });
    call('saveDestination', { name: 'Bad', kind: 'slack-bot', options: { channel: '', token: MARK.botToken } });

    // Alerts: a query with rows fires to every destination; deliveries fail and are retried.
    const query = value<{ saved: { id: string } }>(
      call('saveQuery', {
        name: 'Negative balances',
        dataSourceId: source.id,
        sql: `SELECT id, balance FROM ${db.schema}.accounts WHERE balance < 0`,
        schedule: 'every 5 minutes',
      }),
    ).saved;
    call('addRowsCheck', { queryId: query.id, destinations: ids });
    await receiver.program({ respond: { status: 500, body: 'busy' }, times: 3 });
    await receiver.program({
      path: '/api/',
      respond: { status: 200, body: { ok: false, error: 'invalid_auth' } },
      times: 1,
    });
    call('runQuery', { id: query.id });
    const retry = rt.faults.add({
      method: 'UrlFetchApp.fetch',
      nth: 1,
      action: { throw: `Address unavailable: ${CHAT_URL}` },
    });
    const ticks: { ok: boolean; error?: { message?: string } }[] = [];
    for (let i = 0; i < 3; i++) {
      rt.clock.advance(5 * 60_000);
      ticks.push(rt.run('tick', [], { kind: 'time-trigger' }));
    }
    retry();
    db.exec(`DELETE FROM ${db.schema}.accounts WHERE balance < 0`);
    rt.clock.advance(5 * 60_000);
    ticks.push(rt.run('tick', [], { kind: 'time-trigger' }));
    const alerts = value<{ id: string }[]>(call('listAlerts', {}));
    call('previewAlertMessage', { rule: alerts[0], kind: 'triggered' });
    call('openAlertHistory');
    call('listRecentRuns');
    call('getScheduleStatus');
    call('getSession');
    call('deleteDestination', { id: bot.id });
    call('deleteDataSource', { id: away.id });

    // --- the scan ---
    const secrets = Object.entries(MARK);
    const hits: string[] = [];
    const look = (place: string, text: string) => {
      for (const [name, marker] of secrets) if (text.includes(marker)) hits.push(`${name} in ${place}`);
    };
    for (const a of answers) look(`the answer of ${a.call}`, a.text);
    // Nor does the platform's own wording of a failure (which names the URL) reach the user.
    for (const a of answers)
      if (/DNS error|Address unavailable|Request failed for|Exception:/.test(a.text))
        hits.push(`Apps Script's text in the answer of ${a.call}: ${a.text.slice(0, 200)}`);

    const snapshot = rt.spreadsheet._snapshot();
    let cells = 0;
    let notes = 0;
    for (const sheet of snapshot.sheets) {
      const s = sheet as unknown as { name: string; values: unknown[][]; notes: unknown[][] };
      for (const row of s.values ?? [])
        for (const v of row ?? []) if (v !== null && v !== '' && v !== undefined) cells++;
      for (const row of s.notes ?? []) for (const v of row ?? []) if (v) notes++;
      look(`the sheet ${s.name}`, JSON.stringify(sheet));
    }
    look('developer metadata', JSON.stringify(snapshot.metadata));
    look(
      'named ranges and protections',
      JSON.stringify([snapshot.namedRanges, (snapshot as { protections?: unknown }).protections]),
    );

    const docId = rt.spreadsheet._active().getId();
    const caches = ['script', `user:${ALICE}`, `document:${docId}`].map((name) => rt.base.cache._entries(name));
    const cacheEntries = caches.reduce((n, c) => n + Object.keys(c).length, 0);
    look('the caches', JSON.stringify(caches));

    const logLines = rt.executions.flatMap((e) => e.logs);
    look('the logs', logLines.join('\n'));
    const errors = [
      ...ticks.filter((t) => !t.ok).map((t) => String(t.error?.message)),
      ...answers.filter((a) => a.text.includes('"error"')).map((a) => a.text),
    ];
    look('execution errors', errors.join('\n'));

    // HTTP: each secret only in the requests that must carry it, and there in the expected place.
    const requests = await receiver.requests();
    const carriers: Record<string, (r: (typeof requests)[number]) => boolean> = {
      botToken: (r) => r.path.startsWith('/api/') && r.headers.authorization === `Bearer ${MARK.botToken}`,
      hook: (r) => r.path === HOOK_PATH,
      chat: (r) => r.path.startsWith('/v1/spaces/AAAA/messages') && r.query.token === MARK.chat,
      header: (r) => r.path === '/sheetdash-secret-webhook' && r.headers['x-sheetdash-secret'] === MARK.header,
    };
    const carried: Record<string, number> = {};
    for (const r of requests) {
      for (const [name, marker] of secrets) {
        const text = JSON.stringify(r);
        if (!text.includes(marker)) continue;
        const carrier = carriers[name];
        if (!carrier?.(r)) hits.push(`${name} in an HTTP request to ${r.path.replace(marker, '<secret>')}`);
        else {
          carried[name] = (carried[name] ?? 0) + 1;
          // Only where it belongs: the token in the header, never in the body.
          const { headers, query, path, ...rest } = r;
          const elsewhere =
            name === 'botToken' || name === 'header'
              ? JSON.stringify([rest, query, path])
              : JSON.stringify([rest.body, headers]);
          if (elsewhere.includes(marker)) hits.push(`${name} also outside its place in a request to its own endpoint`);
        }
      }
    }
    // The secrets were really seeded: stored (in properties only), and gone once their source or destination is deleted.
    const stored = JSON.stringify(rt.base.properties._allValues());
    expect(
      secrets
        .filter(([, m]) => stored.includes(m))
        .map(([n]) => n)
        .sort(),
    ).toEqual(['chat', 'header', 'hook', 'password']);
    // The flows really reached every endpoint with its secret (the scan looked at real traffic).
    expect(Object.keys(carried).sort()).toEqual(['botToken', 'chat', 'header', 'hook']);

    const places = {
      answers: answers.length,
      cells,
      notes,
      metadata: snapshot.metadata.length,
      caches: cacheEntries,
      logLines: logLines.length,
      errors: errors.length,
      requests: requests.length,
    };
    console.log(
      `RELIABILITY secret-scan: ${secrets.length} secrets, ${Object.values(places).reduce((a, b) => a + b, 0)} places scanned (${Object.entries(
        places,
      )
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}), ${hits.length} leaks`,
    );
    expect(hits).toEqual([]);
  });
});
