/**
 * Schedules through the bundle on the virtual clock: weekly schedules fire on the spreadsheet's
 * local weekday at its local time across a DST change, an end date stops runs at the end of
 * that local day, a published add-on ticks hourly, scheduled runs use the saved parameter values
 * with relative dates computed at run time, and the schedule status API as the trigger's owner
 * and as another user.
 */
import type { AppsScriptRuntime, RuntimeOptions } from '../../emulator/src/runtime';
import type { ScheduleStatusView } from '../../src/shared/api-types';
import { api, apiCall, saveQuery } from '../helpers/api';
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';
import { setupWithDataSource } from '../helpers/refresh';
import { disposeRuntimes } from '../helpers/runtimes';

afterAll(disposeRuntimes);

const MINUTE = 60_000;
const OWNER = 'owner@example.com';
const MEMBER = 'member@example.com';

interface TickValue {
  ran: { name: string }[];
}

/** Advances the clock in steps, firing due triggers; answers the UTC instants at which each query ran. */
function runFor(rt: AppsScriptRuntime, totalMinutes: number, stepMinutes: number): Record<string, string[]> {
  const ran: Record<string, string[]> = {};
  for (let m = 0; m < totalMinutes; m += stepMinutes) {
    rt.clock.advance(stepMinutes * MINUTE);
    for (const run of rt.base.scriptApp._fireDueTimeTriggers()) {
      if (!run.ok) throw new Error(`tick failed: ${JSON.stringify(run.error)}`);
      for (const q of (run.value as TickValue).ran) {
        const times = ran[q.name] ?? [];
        times.push(new Date(rt.clock.now()).toISOString());
        ran[q.name] = times;
      }
    }
  }
  return ran;
}

describe.each(enabledEngines().map((e) => [e.name, e] as const))('on %s', (_name, engine) => {
  let db: TestDatabase;
  beforeAll(() => {
    db = createTestDatabase(engine);
    db.exec(
      [
        'CREATE TABLE n (v INT)',
        'INSERT INTO n VALUES (1), (2)',
        'CREATE TABLE days (d DATE, label VARCHAR(20))',
        "INSERT INTO days VALUES ('2030-01-01', 'new year'), ('2030-01-02', 'second day')",
      ].join('\n;\n'),
    );
  });
  afterAll(() => db?.drop());

  function setup(options: RuntimeOptions = {}) {
    const s = setupWithDataSource(db, options);
    const save = (name: string, schedule: string) =>
      saveQuery(s.rt, {
        name,
        dataSourceId: s.dataSourceId,
        sql: `SELECT v FROM ${db.schema}.n ORDER BY v`,
        schedule,
        parameters: [],
        tags: [],
      });
    return { ...s, save };
  }

  it('runs a weekly schedule on the local weekday and time, across the DST change in Los Angeles', () => {
    const { rt, save } = setup({ spreadsheet: { timeZone: 'America/Los_Angeles' } });
    rt.clock.freeze(Date.parse('2030-03-08T20:00:00Z')); // Friday 12:00 PST
    const saved = save('Weekly', 'Weekly on Sunday, mon at 9:00');
    expect(saved.schedule).toBe('weekly on mon, sun at 09:00'); // stored in canonical form
    save('Daily', 'daily at 09:00');
    rt.run('turnOnSchedule', [], { kind: 'menu' });
    const ran = runFor(rt, 4 * 24 * 60, 30);
    // Los Angeles springs forward on Sunday 2030-03-10: 09:00 is 17:00Z before and 16:00Z after.
    expect(ran.Weekly).toEqual(['2030-03-10T16:00:00.000Z', '2030-03-11T16:00:00.000Z']);
    expect(ran.Daily).toEqual([
      '2030-03-08T20:30:00.000Z', // never ran and past 09:00 on Friday: the first tick runs it
      '2030-03-09T17:00:00.000Z', // 09:00 PST
      '2030-03-10T16:00:00.000Z', // 09:00 PDT
      '2030-03-11T16:00:00.000Z',
      '2030-03-12T16:00:00.000Z',
    ]);
  });

  it('stops running after the end date, at the end of that day in the spreadsheet time zone', () => {
    const { rt, save } = setup({ spreadsheet: { timeZone: 'Asia/Tokyo' } });
    rt.clock.freeze(Date.parse('2030-01-02T10:00:00Z')); // 19:00 in Tokyo
    const q = save('Until', 'every 1 hour until 2030-01-02');
    rt.run('turnOnSchedule', [], { kind: 'menu' });
    const ran = runFor(rt, 8 * 60, 60);
    // 20:00, 21:00, 22:00, 23:00 in Tokyo; midnight starts 2030-01-03 there, past the end date.
    expect(ran.Until).toEqual([
      '2030-01-02T11:00:00.000Z',
      '2030-01-02T12:00:00.000Z',
      '2030-01-02T13:00:00.000Z',
      '2030-01-02T14:00:00.000Z',
    ]);
    expect(api(rt, 'getQuery', { id: q.id }).schedule).toBe('every 1 hour until 2030-01-02');
    expect(api(rt, 'listQueries', {}).find((s) => s.id === q.id)?.schedule).toBe('every 1 hour until 2030-01-02');
    // The server checks what the sidebar sends: no 30 February, no weekday it does not know.
    for (const schedule of ['daily at 09:00 until 2030-02-30', 'weekly on funday at 09:00', 'weekly on at 09:00']) {
      const answer = apiCall(rt, 'saveQuery', { ...api(rt, 'getQuery', { id: q.id }), schedule });
      expect(answer).toMatchObject({ ok: false, error: expect.stringContaining(`The schedule "${schedule}" is not`) });
    }
  });

  it('as a published add-on, ticks hourly: a 15-minute schedule runs once an hour', () => {
    const { rt, save } = setup({ addOnMode: true });
    rt.clock.freeze(Date.parse('2030-01-01T00:00:00Z'));
    save('Often', 'every 15 minutes');
    const installed = api(rt, 'turnOnSchedule');
    expect(installed.created).toBe(true);
    expect(installed.status).toMatchObject({ mode: 'addOn', tickMinutes: 60, installed: true, triggerFound: true });
    expect(rt.base.scriptApp._triggers()).toHaveLength(1);
    const ran = runFor(rt, 3 * 60, 15);
    expect(ran.Often).toEqual(['2030-01-01T01:00:00.000Z', '2030-01-01T02:00:00.000Z', '2030-01-01T03:00:00.000Z']);
    expect(rt.spreadsheet._active()._toasts).toEqual([]);
    rt.run('turnOnSchedule', [], { kind: 'menu' });
    expect(rt.spreadsheet._active()._toasts.at(-1)?.message).toBe(
      'Scheduled refreshes are on: Sheetdash checks for due queries every hour (the limit for published add-ons). ' +
        'The existing time-driven trigger was kept. As a published add-on, a schedule runs at most hourly, and a daily ' +
        'or weekly time may run up to an hour late. Scheduled runs act as user@example.com.',
    );
  });

  it('as a published add-on, a daily slot that no hourly tick reaches runs at the next tick, once a day', () => {
    const { rt, save } = setup({ addOnMode: true, spreadsheet: { timeZone: 'UTC' } });
    rt.clock.freeze(Date.parse('2030-01-01T00:10:00Z'));
    save('Late', 'daily at 23:30');
    api(rt, 'turnOnSchedule');
    // Hourly ticks at :10 never fall between 23:30 and midnight: each day's slot runs at 00:10.
    const ran = runFor(rt, 3 * 24 * 60, 15);
    expect(ran.Late).toEqual(['2030-01-02T00:10:00.000Z', '2030-01-03T00:10:00.000Z', '2030-01-04T00:10:00.000Z']);
  });

  it('as a published add-on, "every 1 hour" runs at each hourly tick even when a tick comes early', () => {
    const { rt, save } = setup({ addOnMode: true, spreadsheet: { timeZone: 'UTC' } });
    rt.clock.freeze(Date.parse('2030-01-01T10:00:00Z'));
    save('Hourly', 'every 1 hour');
    api(rt, 'turnOnSchedule');
    // Apps Script picks each hourly tick's moment: they drift by minutes.
    const ran = ['10:10', '11:05', '12:02', '13:07', '14:01'].filter((time) => {
      rt.clock.set(Date.parse(`2030-01-01T${time}:00Z`));
      const run = rt.run('tick', [], { kind: 'time-trigger' });
      if (!run.ok) throw new Error(`tick failed: ${JSON.stringify(run.error)}`);
      return (run.value as TickValue).ran.some((q) => q.name === 'Hourly');
    });
    expect(ran).toEqual(['10:10', '11:05', '12:02', '13:07', '14:01']);
  });

  it('runs with the saved parameter values, relative dates computed at each run', () => {
    const { rt, dataSourceId } = setup({ spreadsheet: { timeZone: 'Asia/Tokyo' } });
    rt.clock.freeze(Date.parse('2030-01-02T00:30:00Z')); // 09:30 on 2 January in Tokyo
    saveQuery(rt, {
      name: 'Yesterday',
      dataSourceId,
      sql: `SELECT label FROM ${db.schema}.days WHERE d = {{ day }}`,
      parameters: [{ name: 'day', type: 'date', default: 'yesterday' }],
      schedule: 'daily at 09:00',
      tags: [],
    });
    rt.run('turnOnSchedule', [], { kind: 'menu' });
    runFor(rt, 5, 5);
    expect(rt.spreadsheet._sheetValues('Yesterday')).toEqual([['label'], ['new year']]);
    runFor(rt, 24 * 60, 60); // the next morning in Tokyo: "yesterday" is now 2 January
    expect(rt.spreadsheet._sheetValues('Yesterday')).toEqual([['label'], ['second day']]);
  });

  it('tells the owner and another user where the trigger stands, when it ran and when it runs next', () => {
    const { rt } = setup({ user: { email: OWNER }, spreadsheet: { owner: OWNER } });
    rt.clock.freeze(Date.parse('2030-01-01T00:00:00Z'));
    const as = (email: string): ScheduleStatusView => {
      const answer = rt.scriptRun('sheetdashApi', ['getScheduleStatus'], { user: { email } });
      if (!answer.ok) throw new Error(answer.error.message);
      const response = answer.value as { ok: true; value: ScheduleStatusView };
      return response.value;
    };
    expect(as(MEMBER)).toMatchObject({ installed: false, mode: 'bound', tickMinutes: 5, lastTick: null });

    const first = api(rt, 'turnOnSchedule');
    expect(first.created).toBe(true);
    expect(api(rt, 'turnOnSchedule').created).toBe(false);
    expect(rt.base.scriptApp._triggers()).toHaveLength(1);
    runFor(rt, 5, 5);
    const owner = as(OWNER);
    expect(owner).toMatchObject({
      installed: true,
      triggerFound: true,
      owner: OWNER,
      viewerIsOwner: true,
      installedAt: '2030-01-01T00:00:00.000Z',
      lastTick: { at: '2030-01-01T00:05:00.000Z', ran: 0, deferred: 0, busy: false, completed: true },
      nextTickAt: '2030-01-01T00:10:00.000Z',
      late: false,
    });
    // Another user cannot see the owner's trigger (ScriptApp lists only one's own): the record speaks.
    expect(as(MEMBER)).toMatchObject({
      installed: true,
      triggerFound: null,
      owner: OWNER,
      viewerIsOwner: false,
      lastTick: { at: '2030-01-01T00:05:00.000Z' },
    });
    // No tick for 20 minutes (the trigger was removed in the owner's account): late, for everyone.
    rt.clock.advance(20 * MINUTE);
    expect(as(MEMBER).late).toBe(true);
  });
});
