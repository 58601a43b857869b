/**
 * "Test connection" names the cause of a failed connection that it can find out: one question to
 * Google Public DNS (played by the local receiver's /resolve) about the host name, never about
 * the credentials. A name without a record, a name for a private address and a name for a
 * public one each get their own first line; a probe that fails leaves the cause unknown. Saving
 * and runs never ask.
 */
import { useReceiver } from '../helpers/receiver';
import type { AppsScriptRuntime } from '../../emulator/src/runtime';
import { hostMap } from '../helpers/alerts';
import { api, saveQuery } from '../helpers/api';
import { bundleRuntime } from '../helpers/runtimes';

const PASSWORD = 'pw-DnsProbe-7f3k';
const USER = 'dns_probe_user';
const UNKNOWN = 'Apps Script gives the same error for every failed connection, so the exact cause is not known.';

const receiver = useReceiver();
beforeEach(() => receiver.reset());

function runtime(options: { locale?: string; probe?: boolean } = {}): AppsScriptRuntime {
  return bundleRuntime({
    user: { email: 'owner@example.com', locale: options.locale ?? 'en' },
    spreadsheet: { owner: 'owner@example.com' },
    // 203.0.113.10 (a documentation address) never answers: do not wait Apps Script's 10 s for it.
    jdbc: { connectTimeoutMs: 1000 },
    urlFetch: options.probe === false ? {} : { hostMap: hostMap(receiver) },
  });
}

const form = (host: string) => ({
  kind: 'mysql',
  options: { host, port: 3306, database: 'app', user: USER, password: PASSWORD },
});

/** The failed test's lines, and the script's UrlFetch calls to Google Public DNS. */
function testConnection(rt: AppsScriptRuntime, host: string) {
  const before = rt.urlFetch._requests().length;
  const result = api(rt, 'testDataSource', form(host));
  expect(result.ok).toBe(false);
  const calls = rt.urlFetch._requests().slice(before);
  expect(calls.every((c) => c.url.startsWith('https://dns.google/'))).toBe(true);
  return { lines: result.message.split('\n'), calls };
}

it('says a name has no DNS record, asking Google Public DNS once and sending only the host name', async () => {
  const rt = runtime();
  const { lines, calls } = testConnection(rt, 'no-such-db.invalid');
  expect(lines[0]).toBe(
    'Google Public DNS has no record of no-such-db.invalid: no server has that name. Check its spelling.',
  );
  expect(lines[1]).toMatch(
    /^Could not connect to no-such-db\.invalid:3306\. Check, in order: the host name and port; /,
  );
  expect(lines[1]).toContain('mysql_native_password');
  expect(calls.map((c) => [c.method, c.url, c.payload])).toEqual([
    ['GET', 'https://dns.google/resolve?name=no-such-db.invalid&type=A', null],
  ]);
  const seen = await receiver.requests();
  expect(seen.map((r) => [r.method, r.path, r.query])).toEqual([
    ['GET', '/resolve', { name: 'no-such-db.invalid', type: 'A' }],
  ]);
  const sent = JSON.stringify(seen);
  expect(sent).not.toContain(PASSWORD);
  expect(sent).not.toContain(USER);
});

it('says a name resolves to a private address that Google cannot reach', async () => {
  await receiver.setDnsRecords({ 'db.example.test': ['10.1.2.3'] });
  const { lines, calls } = testConnection(runtime(), 'db.example.test');
  expect(lines[0]).toBe(
    "db.example.test resolves to 10.1.2.3, a local or private network address: Google's servers cannot reach it. Use the database's public address.",
  );
  expect(lines[1]).toMatch(/^Could not connect to db\.example\.test:3306\./);
  expect(calls).toHaveLength(1);
});

it('says a name for a public address was found, so the cause is further on, then the checklist', async () => {
  await receiver.setDnsRecords({ 'db.example.test': ['203.0.113.10', '203.0.113.11'] });
  const { lines, calls } = testConnection(runtime(), 'DB.example.test');
  expect(lines[0]).toBe(
    "DB.example.test resolves to 203.0.113.10, 203.0.113.11, so the server was found: the cause is the port, the firewall (it must allow Google's address ranges), TLS, or the user name and password.",
  );
  expect(lines[1]).toMatch(/^Could not connect to DB\.example\.test:3306\. Check, in order: /);
  expect(calls).toHaveLength(1);
  expect((await receiver.requests()).map((r) => r.query.name)).toEqual(['db.example.test']);
});

it('says so in Japanese', async () => {
  await receiver.setDnsRecords({ 'db.example.test': ['203.0.113.10'] });
  const rt = runtime({ locale: 'ja' });
  expect(testConnection(rt, 'no-such-db.invalid').lines[0]).toBe(
    'Google Public DNS に no-such-db.invalid の記録がなく、その名前のサーバーはありません。綴りを確認してください。',
  );
  expect(testConnection(rt, 'db.example.test').lines[0]).toBe(
    'db.example.test は 203.0.113.10 を指しており、サーバーは見つかりました。原因はポート、ファイアウォール(Google のアドレス範囲を許可すること)、TLS、またはユーザー名とパスワードです。',
  );
});

it('leaves the cause unknown when the probe fails or has nothing to ask', async () => {
  // Google Public DNS cannot be reached (no host map: a DNS error in UrlFetch).
  const unreachable = testConnection(runtime({ probe: false }), 'no-such-db.invalid');
  expect(unreachable.lines[0]).toBe(UNKNOWN);
  expect(unreachable.calls).toHaveLength(1);
  expect(unreachable.calls[0].error).not.toBeNull();
  // It answers an HTTP error, or a failure of its own (SERVFAIL), or no IPv4 address.
  const rt = runtime();
  await receiver.once({ status: 500, body: { Status: 3 } }, { path: '/resolve' });
  expect(testConnection(rt, 'no-such-db.invalid').lines[0]).toBe(UNKNOWN);
  await receiver.once({ status: 200, body: { Status: 2 } }, { path: '/resolve' });
  expect(testConnection(rt, 'no-such-db.invalid').lines[0]).toBe(UNKNOWN);
  await receiver.setDnsRecords({ 'v6only.example.test': [] });
  expect(testConnection(rt, 'v6only.example.test').lines[0]).toBe(UNKNOWN);
  // An address is not looked up.
  const literal = testConnection(rt, '203.0.113.10');
  expect([literal.lines[0], literal.calls]).toEqual([UNKNOWN, []]);
});

it('never asks when saving, refreshing or running on schedule', async () => {
  const rt = runtime();
  rt.clock.freeze(Date.parse('2030-01-01T08:00:00Z'));
  const source = api(rt, 'saveDataSource', { name: 'Typo', ...form('no-such-db.invalid') });
  const refreshed = api(rt, 'runQueryToTab', { name: 'X', dataSourceId: source.id, sql: 'SELECT 1 AS one' });
  expect(refreshed.message).toMatch(/^Could not connect to no-such-db\.invalid:3306\./);
  saveQuery(rt, {
    name: 'Often',
    dataSourceId: source.id,
    sql: 'SELECT 1 AS one',
    schedule: 'every 5 minutes',
    description: '',
    parameters: [],
    tags: [],
  });
  rt.run('turnOnSchedule', [], { kind: 'menu' });
  rt.clock.advance(5 * 60_000);
  expect(rt.base.scriptApp._fireDueTimeTriggers()).toHaveLength(1);
  expect(rt.jdbc._failedConnectionsToday()).toBe(2);
  expect(rt.urlFetch._requests()).toEqual([]);
  expect(await receiver.requests()).toEqual([]);
  // Testing the saved source asks, once.
  expect(testConnection(rt, 'no-such-db.invalid').calls).toHaveLength(1);
});
