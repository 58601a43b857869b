/**
 * Scheduled refreshes through the one tick trigger: installed every 5 minutes in a bound
 * script and hourly in a published add-on; due queries run on the virtual clock; a paused data
 * source is skipped with the reason in the run log.
 */
import { api, apiCall, saveQuery } from '../helpers/api';
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';
import { setupWithDataSource } from '../helpers/refresh';
import { disposeRuntimes } from '../helpers/runtimes';

afterAll(disposeRuntimes);

let db: TestDatabase;
beforeAll(() => {
  db = createTestDatabase(enabledEngines()[0]);
  db.exec('CREATE TABLE n (v INT)\n;\nINSERT INTO n VALUES (1), (2), (3)');
});
afterAll(() => db?.drop());

function save(rt: ReturnType<typeof setupWithDataSource>['rt'], dataSourceId: string, name: string, schedule: string) {
  return saveQuery(rt, {
    name,
    dataSourceId,
    sql: `SELECT v FROM ${db.schema}.n ORDER BY v`,
    schedule,
    description: '',
    parameters: [],
    tags: [],
  });
}

it('installs one tick trigger: every 5 minutes when bound, hourly as a published add-on', () => {
  for (const [addOnMode, expected] of [
    [false, 'every 5 minutes'],
    [true, 'every hour (the limit for published add-ons)'],
  ] as const) {
    const { rt } = setupWithDataSource(db, { addOnMode });
    for (let i = 0; i < 2; i++) expect(rt.run('turnOnSchedule', [], { kind: 'menu' }).error).toBeUndefined();
    const triggers = rt.base.scriptApp._triggers();
    expect(triggers.map((t) => t.handler)).toEqual(['tick']);
    const [first, second] = rt.spreadsheet._active()._toasts.map((t) => t.message);
    const limits = addOnMode
      ? 'As a published add-on, a schedule runs at most hourly, and a daily or weekly time may run up to an hour late.'
      : 'As a bound script, a schedule runs at most every 5 minutes, within a few minutes of its time.';
    const start = `Scheduled refreshes are on: Sheetdash checks for due queries ${expected}.`;
    const owner = 'Scheduled runs act as user@example.com.';
    expect(first).toBe(`${start} A new time-driven trigger was installed. ${limits} ${owner}`);
    expect(second).toBe(`${start} The existing time-driven trigger was kept. ${limits} ${owner}`);
  }
});

it("never installs a second person's trigger beside one that works; anyone may once it stopped", () => {
  const { rt } = setupWithDataSource(db);
  rt.clock.freeze(Date.parse('2030-01-01T08:00:00Z'));
  expect(rt.run('turnOnSchedule', [], { kind: 'menu' }).error).toBeUndefined(); // user@example.com
  const bob = { email: 'bob@example.com', locale: 'en' };
  rt.clock.advance(60_000);
  expect(rt.run('turnOnSchedule', [], { kind: 'menu', user: bob }).error).toBeUndefined();
  const refused = 'Scheduled refreshes are already on: they run as user@example.com, whose trigger runs on time.';
  expect(rt.spreadsheet._active()._toasts.at(-1)?.message.startsWith(refused)).toBe(true);
  const fromSidebar = rt.run('sheetdashApi', ['turnOnSchedule', null, 'en'], { user: bob });
  expect(fromSidebar.value).toEqual({ ok: false, error: expect.stringMatching(/^Scheduled refreshes are already on/) });
  expect(rt.base.scriptApp._triggers()).toHaveLength(1);
  // The tick keeps running on the first trigger: still refused.
  rt.clock.advance(5 * 60_000);
  rt.base.scriptApp._fireDueTimeTriggers();
  rt.clock.advance(5 * 60_000);
  rt.run('turnOnSchedule', [], { kind: 'menu', user: bob });
  expect(rt.base.scriptApp._triggers()).toHaveLength(1);
  // That trigger stopped (its owner left, say): two runs missed, Bob turns scheduled refreshes on.
  rt.clock.advance(12 * 60_000);
  expect(rt.run('turnOnSchedule', [], { kind: 'menu', user: bob }).error).toBeUndefined();
  expect(rt.base.scriptApp._triggers()).toHaveLength(2);
  expect(api(rt, 'getScheduleStatus')).toMatchObject({ owner: 'bob@example.com' });
});

it('decides the interval by installation source, not by an error text, in Japanese too', () => {
  const { rt } = setupWithDataSource(db, { addOnMode: true, user: { locale: 'ja' } });
  const create = rt.faults.add({
    method: 'ScriptApp.ClockTriggerBuilder.everyMinutes',
    nth: 1,
    action: { throw: 'アドオンのトリガーの繰り返し間隔は 1 時間以上にする必要があります。' },
  });
  expect(rt.run('turnOnSchedule', [], { kind: 'menu' }).error).toBeUndefined();
  create();
  expect(rt.base.scriptApp._triggers().map((t) => t.handler)).toEqual(['tick']);
  expect(rt.spreadsheet._active()._toasts.at(-1)?.message).toMatch(/^スケジュール更新を有効にしました。.*1 時間/);
  const record = JSON.parse(rt.base.properties._map('document').get('sheetdash.tick') ?? '{}');
  expect(record).toMatchObject({ interval: 'hours', owner: 'user@example.com' });
});

it('never deletes the working trigger before a new one is known to work', () => {
  const { rt } = setupWithDataSource(db);
  rt.run('turnOnSchedule', [], { kind: 'menu' });
  const [first] = rt.base.scriptApp._triggers();
  // An installation from before the record existed: the trigger is replaced, and creating fails.
  rt.base.properties._map('document').delete('sheetdash.tick');
  const stop = rt.faults.add({
    method: 'ScriptApp.ClockTriggerBuilder.create',
    nth: 1,
    action: { throw: 'Service unavailable' },
  });
  expect(rt.run('turnOnSchedule', [], { kind: 'menu' }).ok).toBe(false);
  stop();
  expect(rt.base.scriptApp._triggers().map((t) => t.uid)).toEqual([first.uid]);
  // Once creating works, exactly one trigger remains: the new one.
  expect(rt.run('turnOnSchedule', [], { kind: 'menu' }).ok).toBe(true);
  const after = rt.base.scriptApp._triggers();
  expect(after).toHaveLength(1);
  expect(after[0].uid).not.toBe(first.uid);
});

it('runs due queries on their schedule and skips a paused data source with the reason', () => {
  const { rt, dataSourceId } = setupWithDataSource(db);
  rt.clock.freeze(Date.parse('2030-01-01T08:00:00Z')); // 17:00 in Tokyo
  const often = save(rt, dataSourceId, 'Often', 'every 15 minutes');
  const morning = save(rt, dataSourceId, 'Morning', 'daily at 09:00');
  save(rt, dataSourceId, 'Never', '');
  expect(
    apiCall(rt, 'saveQuery', {
      name: 'Bad',
      dataSourceId,
      sql: 'SELECT 1',
      schedule: 'sometimes',
      parameters: [],
      tags: [],
    }),
  ).toMatchObject({
    ok: false,
    error: expect.stringContaining('The schedule "sometimes" is not understood.'),
  });
  rt.run('turnOnSchedule', [], { kind: 'menu' });

  const ranAfter = (minutes: number) => {
    rt.clock.advance(minutes * 60_000);
    const runs = rt.base.scriptApp._fireDueTimeTriggers();
    return runs.map((r) => (r.ok ? (r.value as { ran: { name: string }[] }).ran.map((x) => x.name) : r.error));
  };
  expect(ranAfter(5)).toEqual([['Often', 'Morning']]); // both never ran
  expect(ranAfter(5)).toEqual([[]]);
  expect(ranAfter(5)).toEqual([[]]); // 10 minutes since Often ran
  expect(ranAfter(5)).toEqual([['Often']]);
  rt.clock.advance(16 * 60 * 60_000 - 5 * 60_000); // the next day, 09:15 in Tokyo
  rt.base.scriptApp._fireDueTimeTriggers();
  expect(api(rt, 'getQuery', { id: morning.id }).lastRun?.at).toBe(new Date(rt.clock.now()).toISOString());
  expect(rt.spreadsheet._sheetNames()).toEqual(expect.arrayContaining(['Often', 'Morning']));
  expect(api(rt, 'getQuery', { id: often.id }).lastRun).toMatchObject({ ok: true });
  expect(morning.id).toBeTruthy();

  // A data source that cannot connect pauses itself; the scheduler then skips it, visibly.
  const bad = api(rt, 'saveDataSource', {
    name: 'Down',
    kind: db.kind,
    options: { ...db.options, host: '127.0.0.1', port: 1999 },
  });
  const q = saveQuery(rt, {
    name: 'Down query',
    dataSourceId: bad.id,
    sql: 'SELECT 1 AS one',
    schedule: 'every 5 minutes',
    parameters: [],
    tags: [],
  });
  for (let i = 0; i < 5; i++) api(rt, 'runQuery', { id: q.id });
  rt.clock.advance(5 * 60_000);
  rt.base.scriptApp._fireDueTimeTriggers();
  const log = rt.spreadsheet._sheetValues('Sheetdash run log');
  const last = log[log.length - 1];
  expect([last[1], last[2], last[6], last[7]]).toEqual(['schedule', 'Down query', 'skipped', 'Skipped']);
  expect(String(last[8])).toMatch(/^Data source "Down" is paused after 5 failed connections in a row/);
});
