/**
 * The Diagnostics checklist run in the local runtime, through the bundle, from the sidebar's API
 * and from the menu: every check answers, the values read back as written, the data source is
 * tested, the chosen destination gets a test message, the trigger and property store are
 * reported, both timed refreshes run, the report tab is written in the user's language and
 * nothing else is left behind (no scratch tab, no result tab).
 */
import { useReceiver } from '../helpers/receiver';
import type { AppsScriptRuntime } from '../../emulator/src/runtime';
import { REFRESH_CALLS } from '../../src/features/diagnostics/checks';
import { api } from '../helpers/api';
import { hostMap, slackBot } from '../helpers/alerts';
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';
import { setupWithDataSource } from '../helpers/refresh';

const receiver = useReceiver();

describe.each(enabledEngines().map((e) => [e.name, e] as const))('Diagnostics on %s', (_name, engine) => {
  let db: TestDatabase;
  beforeAll(() => {
    db = createTestDatabase(engine);
  });
  afterAll(() => db?.drop());

  function setup(): { rt: AppsScriptRuntime; botId: string } {
    const { rt } = setupWithDataSource(db, { urlFetch: { hostMap: hostMap(receiver) } });
    rt.clock.freeze(Date.parse('2030-01-01T08:00:00Z'));
    const bot = slackBot(rt);
    expect(rt.run('turnOnSchedule', [], { kind: 'menu' }).error).toBeUndefined();
    rt.clock.advance(5 * 60_000);
    rt.run('tick', [], { kind: 'time-trigger' });
    return { rt, botId: bot.id };
  }

  it('runs the checklist from the sidebar, writes the report and cleans up', async () => {
    await receiver.reset();
    const { rt, botId } = setup();
    const tabsBefore = rt.spreadsheet._sheetNames();
    const connects: number[] = [];
    const deletes: number[] = [];
    const at = () => rt.executions[rt.executions.length - 1].callCount;
    rt.faults.add({ method: 'Jdbc.getConnection', action: { before: () => connects.push(at()) } });
    rt.faults.add({ method: 'SpreadsheetApp.Spreadsheet.deleteSheet', action: { before: () => deletes.push(at()) } });
    const view = api(rt, 'runDiagnostics', { destinationIds: [botId] });
    rt.faults.clear();
    const byId = Object.fromEntries(view.checks.map((c) => [c.id, c]));
    expect(byId['text-formula']).toMatchObject({ status: 'ok', detail: '"=SUM(1,2)"' });
    expect(byId['big-number']).toMatchObject({ status: 'ok', detail: '"9007199254740993"' });
    expect(byId['date-zone'].status).toBe('ok');
    const [source] = view.checks.filter((c) => c.id.startsWith('datasource:'));
    expect(source.detail).toContain('writable: false');
    expect(['ok', 'warn']).toContain(source.status);
    expect(byId[`destination:${botId}`].status).toBe('ok');
    expect((await receiver.slackMessages()).length).toBe(1);
    expect(byId.trigger.status).toBe('ok');
    expect(byId.trigger.detail).toMatch(/^true \/ true \/ user@example.com \/ 2030-01-01T08:05:00.000Z$/);
    expect(byId.mode.detail).toBe('bound: 5 / 6 min');
    expect(byId.properties.detail).toMatch(/^\d+ \/ [\d.]+ of 500 KB$/);
    expect(byId['refresh-1']).toMatchObject({ status: 'ok' });
    expect(byId['refresh-1000']).toMatchObject({ status: 'ok' });
    expect(byId['refresh-1000'].detail).toMatch(/^1000 \/ \d+ ms \/ ~\d+, [\d.]+ ms each$/);
    expect(view.checks.filter((c) => c.status === 'fail')).toEqual([]);
    // The service calls the report quotes for each refresh, counted here: from its connection
    // to the deletion of its tab (the refresh, then finding its tab to remove it).
    const refreshes = connects.slice(-2);
    const measured = refreshes.map((c, _i) => (deletes.find((d) => d > c) ?? Number.NaN) - c);
    // The first also makes the run log tab. MySQL takes three JDBC calls more: setReadOnly and
    // setQueryTimeout (on PostgreSQL both are in the session statement) and the zone's offset
    // (no zone tables here).
    expect(measured).toEqual(REFRESH_CALLS.map((n) => n + (engine.name === 'mysql' ? 3 : 0)));
    // The report tab, and nothing else, is new.
    const tabs = rt.spreadsheet._sheetNames();
    // The report tab is new, and the run log (the two timed refreshes are runs, and logged).
    const isNew = (t: string) => !tabsBefore.includes(t);
    expect(tabs.filter(isNew).sort()).toEqual(['Sheetdash run log', view.sheetName].sort());
    expect(api(rt, 'listRecentRuns').map((r) => r.query)).toEqual([
      'Sheetdash diagnostics 1000',
      'Sheetdash diagnostics 1',
    ]);
    expect(view.sheetName).toBe('Sheetdash diagnostics');
    const report = rt.spreadsheet._sheetValues(view.sheetName);
    expect(report[0].slice(0, 2)).toEqual(['Diagnostics run at', '']);
    expect(report[0][2]).toBeInstanceOf(Date);
    expect(report.slice(1)).toEqual(view.checks.map((c) => [c.label, c.status, c.detail]));
    // Run again: the report is replaced, not added.
    api(rt, 'runDiagnostics', {});
    expect(rt.spreadsheet._sheetNames().filter(isNew).sort()).toEqual(['Sheetdash run log', view.sheetName].sort());
  });

  it('runs from the menu in Japanese, sending no test message', async () => {
    await receiver.reset();
    const { rt } = setup();
    const ja = { user: { email: 'user@example.com', locale: 'ja' } };
    const run = rt.run('runDiagnostics', [], { kind: 'menu', ...ja });
    expect(run.error).toBeUndefined();
    const alerts = rt.spreadsheet._ui().alerts;
    expect(alerts).toHaveLength(1);
    expect(alerts[0].prompt).toMatch(/^診断: 要確認 \d+ 件\(「Sheetdash 診断」\)。テスト送信はサイドバーから。$/);
    expect(await receiver.slackMessages()).toHaveLength(0);
    const report = rt.spreadsheet._sheetValues('Sheetdash 診断');
    expect(report[0][0]).toBe('診断の実行日時');
    expect(report[1][0]).toBe('=SUM(1,2) 風の文字列');
  });
});
