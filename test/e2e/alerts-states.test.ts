/**
 * The alert state machine through the bundle, on every enabled engine, with the virtual clock:
 * the pending period, the three rearm policies, mute (the state changes, nothing is sent), and
 * failed queries (an error, a timeout, a paused data source) putting the alert in unknown with
 * the reason, notified once. Messages are counted at the receiver's Slack webhook.
 */
import { useReceiver } from '../helpers/receiver';
import type { AppsScriptRuntime } from '../../emulator/src/runtime';
import { api, saveQuery } from '../helpers/api';
import { alertSetup, createAccounts, historyRows, rowsCheck, setBadRows, slackWebhook, tick } from '../helpers/alerts';
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';

const receiver = useReceiver();
beforeEach(async () => {
  await receiver.reset();
});

async function titles(): Promise<string[]> {
  return (await receiver.slackMessages()).map((m) => m.text.split(':')[0]);
}

function run(rt: AppsScriptRuntime, queryId: string, advanceMs = 60_000) {
  rt.clock.advance(advanceMs);
  return api(rt, 'runQuery', { id: queryId });
}

describe.each(enabledEngines().map((e) => [e.name, e] as const))('alert states on %s', (_name, engine) => {
  let db: TestDatabase;
  let table = 0;
  let name: string;
  beforeAll(() => {
    db = createTestDatabase(engine);
  });
  afterAll(() => db?.drop());
  beforeEach(() => {
    name = `accounts${++table}`;
    createAccounts(db, name);
  });

  it('fires only after the condition held for the pending period', async () => {
    setBadRows(db, name, 2);
    const { rt, queryId } = alertSetup(db, name, receiver);
    rowsCheck(rt, queryId, [slackWebhook(rt).id], { pendingEvaluations: 3 });
    expect(run(rt, queryId).check?.text).toBe('Unknown: 2 (count > 0), condition met 1 of 3 times before it fires');
    expect(run(rt, queryId).check?.text).toContain('condition met 2 of 3 times');
    expect(await titles()).toEqual([]);
    expect(run(rt, queryId).check).toMatchObject({ state: 'triggered', text: 'Triggered: 2 (count > 0)' });
    expect(await titles()).toEqual(['Triggered']);
    // An interruption restarts the count.
    setBadRows(db, name, 0);
    run(rt, queryId);
    setBadRows(db, name, 1);
    expect(run(rt, queryId).check?.text).toContain('condition met 1 of 3 times');
    expect(await titles()).toEqual(['Triggered', 'Recovered']);
  });

  it('rearms once, at every evaluation, or at most every N minutes', async () => {
    setBadRows(db, name, 3);
    const { rt, queryId } = alertSetup(db, name, receiver);
    const hook = slackWebhook(rt);
    const always = rowsCheck(rt, queryId, [hook.id], { name: 'always', rearm: { mode: 'always' } });
    run(rt, queryId);
    run(rt, queryId);
    run(rt, queryId);
    expect(await titles()).toEqual(['Triggered', 'Triggered', 'Triggered']);
    api(rt, 'deleteAlert', { id: always.id });
    await receiver.reset();

    rowsCheck(rt, queryId, [hook.id], { name: 'interval', rearm: { mode: 'interval', minutes: 30 } });
    run(rt, queryId); // fires
    run(rt, queryId, 10 * 60_000); // 10 min later: quiet
    run(rt, queryId, 10 * 60_000); // 20 min: quiet
    expect(await titles()).toEqual(['Triggered']);
    run(rt, queryId, 11 * 60_000); // 31 min: again
    expect(await titles()).toEqual(['Triggered', 'Triggered']);
  });

  it('keeps changing state while muted, sends nothing, and says so in the history', async () => {
    setBadRows(db, name, 4);
    const { rt, queryId } = alertSetup(db, name, receiver);
    const alert = rowsCheck(rt, queryId, [slackWebhook(rt).id], { muted: true });
    expect(run(rt, queryId).check?.state).toBe('triggered');
    setBadRows(db, name, 0);
    expect(run(rt, queryId).check?.state).toBe('ok');
    expect(await titles()).toEqual([]);
    const history = historyRows(rt).slice(1);
    expect(history.map((row) => [row[4], row[5], row[7], row[9]])).toEqual([
      ['unknown', 'triggered', 'triggered (muted)', 'Muted: nothing sent'],
      ['triggered', 'ok', 'recovered (muted)', 'Muted: nothing sent'],
    ]);
    // A second alert, not muted, on the same query: its change is sent, the muted one's is not.
    rowsCheck(rt, queryId, alert.destinations);
    setBadRows(db, name, 1);
    run(rt, queryId);
    expect(await titles()).toEqual(['Triggered']);
    // Unmuted by hand in the alerts tab (its Muted column, F): the next change is sent.
    rt.spreadsheet._userEdit('Sheetdash alerts', 'F2', false);
    expect(api(rt, 'listAlerts', { queryId }).map((a) => a.muted)).toEqual([false, false]);
    setBadRows(db, name, 0);
    run(rt, queryId);
    expect(await titles()).toEqual(['Triggered', 'Recovered', 'Recovered']);
  });

  it('sends nothing it queued before a mute, also after the mute is lifted, and says so in the history', async () => {
    setBadRows(db, name, 3);
    const { rt, queryId } = alertSetup(db, name, receiver);
    rowsCheck(rt, queryId, [slackWebhook(rt).id]);
    await receiver.program({ path: '/services/', respond: { status: 503, body: 'down' }, times: 10 });
    expect(run(rt, queryId).check?.state).toBe('triggered');
    expect(api(rt, 'listAlerts', { queryId })[0].status.undelivered).toBe(1);
    await receiver.reset();
    rt.spreadsheet._userEdit('Sheetdash alerts', 'F2', true); // muted by hand in the alerts tab
    expect(tick(rt).error).toBeUndefined();
    expect(await titles()).toEqual([]);
    expect(api(rt, 'listAlerts', { queryId })[0].status.undelivered).toBe(0);
    const last = historyRows(rt).at(-1) ?? [];
    expect([last[7], last[9]]).toEqual(['triggered (retry)', 'Muted: nothing sent']);
    rt.spreadsheet._userEdit('Sheetdash alerts', 'F2', false);
    expect(tick(rt).error).toBeUndefined();
    expect(await titles()).toEqual([]);
  });

  it('puts the alert in unknown when its query fails, notified once, with the reason', async () => {
    setBadRows(db, name, 2);
    const { rt, queryId } = alertSetup(db, name, receiver);
    rowsCheck(rt, queryId, [slackWebhook(rt).id]);
    run(rt, queryId);
    db.exec(`DROP TABLE ${db.schema}.${name}`);
    const failed = run(rt, queryId);
    expect(failed.ok).toBe(false);
    expect(failed.check?.state).toBe('unknown');
    expect(failed.check?.text).toMatch(/^Unknown: The query failed, so the alert could not be checked: /);
    run(rt, queryId);
    expect(await titles()).toEqual(['Triggered', 'Unknown']);
    const [logged] = api(rt, 'listRecentRuns');
    expect(logged).toMatchObject({ outcome: 'failed', check: { state: 'unknown' } });
    // Back, still bad: triggered again is not a new trigger (the alert never recovered) and sends nothing.
    createAccounts(db, name);
    setBadRows(db, name, 0);
    expect(run(rt, queryId).check?.state).toBe('ok');
    expect(await titles()).toEqual(['Triggered', 'Unknown', 'Recovered']);
  });

  it('tells a timeout from a failure by the refresh classification', async () => {
    setBadRows(db, name, 1);
    const { rt, queryId } = alertSetup(db, name, receiver);
    rowsCheck(rt, queryId, [slackWebhook(rt).id]);
    // The statement runs past its 120 s timeout and the driver cancels it.
    rt.faults.add({ method: 'Jdbc.JdbcStatement.executeQuery', action: { before: () => rt.clock.advance(121_000) } });
    rt.faults.add({ method: 'Jdbc.JdbcStatement.executeQuery', action: { throw: 'canceling statement' } });
    const timedOut = run(rt, queryId);
    rt.faults.clear();
    expect(timedOut.ok).toBe(false);
    expect(timedOut.check?.text).toMatch(/^Unknown: The query did not finish in time/);
    expect(await titles()).toEqual(['Unknown']);
  });

  it('says a paused data source made the check unknown', async () => {
    const { rt } = alertSetup(db, name, receiver);
    const hook = slackWebhook(rt);
    const down = api(rt, 'saveDataSource', {
      name: 'Down',
      kind: db.kind,
      options: { ...db.options, host: '127.0.0.1', port: 1999 },
    });
    const q = saveQuery(rt, {
      name: 'Down check',
      dataSourceId: down.id,
      sql: 'SELECT 1 AS one',
      schedule: 'every 5 minutes',
      parameters: [],
      tags: [],
    });
    rowsCheck(rt, q.id, [hook.id]);
    for (let i = 0; i < 5; i++) run(rt, q.id);
    expect(await titles()).toEqual(['Unknown']);
    rt.run('turnOnSchedule', [], { kind: 'menu' });
    tick(rt);
    const [alert] = api(rt, 'listAlerts', { queryId: q.id });
    expect(alert.status.text).toMatch(/^Unknown: The data source is paused/);
    const [logged] = api(rt, 'listRecentRuns');
    expect(logged).toMatchObject({ outcome: 'skipped', check: { state: 'unknown' } });
    expect(await titles()).toEqual(['Unknown']);
  });
});
