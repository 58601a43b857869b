/**
 * The delivery guarantee, proven by fault injection through the bundle: a tick that runs a check
 * query, evaluates its alert and delivers to a Slack bot is killed at its n-th service call, for
 * every n (a fault fires before the call), then normal ticks run. Slack must get the triggered
 * message exactly once, except when the kill lands in the one window the guarantee names:
 * after Slack accepted the message and before its outcome was saved (reading the answer, the
 * change's history row, the write), where it gets it twice. Also: the service calls of such a tick, counted exactly.
 */
import { useReceiver } from '../helpers/receiver';
import type { AppsScriptRuntime } from '../../emulator/src/runtime';
import { api } from '../helpers/api';
import { alertSetup, createAccounts, rowsCheck, setBadRows, slackBot, tick } from '../helpers/alerts';
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';

const receiver = useReceiver();

describe.each(enabledEngines().map((e) => [e.name, e] as const))('delivery under faults on %s', (_name, engine) => {
  let db: TestDatabase;
  beforeAll(() => {
    db = createTestDatabase(engine);
    createAccounts(db, 'accounts');
    setBadRows(db, 'accounts', 10);
  });
  afterAll(() => db?.drop());

  function scheduledCheck(): { rt: AppsScriptRuntime; queryId: string } {
    const setup = alertSetup(db, 'accounts', receiver, { scheduled: true });
    rowsCheck(setup.rt, setup.queryId, [slackBot(setup.rt).id]);
    return setup;
  }

  /** The call indexes (1-based, in the running execution) of the calls of `method`. */
  function watch(rt: AppsScriptRuntime, method: string): number[] {
    const at: number[] = [];
    rt.faults.add({ method, action: { before: () => at.push(rt.executions[rt.executions.length - 1].callCount) } });
    return at;
  }

  it('counts the service calls of a tick with one alert, deterministically', async () => {
    await receiver.reset();
    const counts: number[][] = [];
    const jdbc: number[][] = [];
    for (let i = 0; i < 2; i++) {
      const { rt } = scheduledCheck();
      const first = tick(rt); // triggers; makes the result, run log and history tabs
      const quiet = tick(rt); // still triggered: nothing to send
      setBadRows(db, 'accounts', 0);
      const recovered = tick(rt); // recovers: one more message
      setBadRows(db, 'accounts', 10);
      for (const run of [first, quiet, recovered]) {
        expect(run.error).toBeUndefined();
        expect(run.execution.calls.get('PropertiesService.Properties.getProperties')).toBe(1);
        expect(run.execution.calls.get('LockService.Lock.tryLock')).toBe(1);
      }
      expect([first, quiet, recovered].map((r) => r.execution.calls.get('UrlFetchApp.fetch') ?? 0)).toEqual([1, 0, 2]);
      counts.push([first, quiet, recovered].map((r) => r.execution.callCount - r.execution.callsOf('Jdbc')));
      jdbc.push([first, quiet, recovered].map((r) => r.execution.callsOf('Jdbc')));
    }
    expect(counts[0]).toEqual(counts[1]);
    // The whole tick but the query's JDBC calls: the run and its log, the alert's read, its status
    // (and outbox) write, the send, the outcome's write, the history row, the running note (set
    // before the run, removed at the end of the tick). A change of these
    // numbers is a change in cost.
    expect(counts[0]).toEqual(EXPECTED_TICK_CALLS);
    // The query's own JDBC calls: one getRows, whether it finds rows or none. MySQL takes three
    // more than PostgreSQL: setReadOnly and setQueryTimeout (PostgreSQL's read-only and timeout
    // are in the session statement) and the zone's offset.
    expect(jdbc[0]).toEqual(engine.name === 'mysql' ? [18, 18, 18] : [15, 15, 15]);
    expect(await receiver.slackMessages()).toHaveLength(4);
  });

  it('delivers exactly once when the tick is killed at any call, but in the one window it names', async () => {
    await receiver.reset();
    const probe = scheduledCheck();
    const fetches = watch(probe.rt, 'UrlFetchApp.fetch');
    const writes = watch(probe.rt, 'PropertiesService.Properties.setProperty');
    const appends = watch(probe.rt, 'SpreadsheetApp.Sheet.appendRow');
    const clean = tick(probe.rt);
    probe.rt.faults.clear();
    expect(clean.error).toBeUndefined();
    expect(fetches).toHaveLength(1);
    const total = clean.execution.callCount;
    // The window: after the fetch (Slack has the message; reading its answer is 3 more calls), the
    // change's history row (written before the entry is dropped, so a kill never loses it; this
    // first one also makes the history tab), up to and including the write that saves the outcome.
    const historyRow = appends.find((at) => at > fetches[0]) ?? Number.NaN;
    const saved = writes.find((at) => at > historyRow) ?? Number.NaN;
    expect(saved - fetches[0]).toBe(WINDOW_CALLS);
    const inWindow = (n: number) => n > fetches[0] && n <= saved;

    const delivered: number[] = [];
    for (let n = 1; n <= total; n++) {
      await receiver.reset();
      const { rt } = scheduledCheck();
      rt.faults.killAtCall(n);
      const killed = tick(rt);
      rt.faults.clear();
      expect(killed.ok).toBe(false);
      for (let i = 0; i < 3; i++) expect(tick(rt).error).toBeUndefined();
      const messages = (await receiver.slackMessages()).filter((m) => m.text.startsWith('Triggered'));
      delivered.push(messages.length);
      const [alert] = api(rt, 'listAlerts', {});
      expect(alert.status).toMatchObject({ state: 'triggered', undelivered: 0 });
    }
    const expected = delivered.map((_, i) => (inWindow(i + 1) ? 2 : 1));
    expect(delivered).toEqual(expected);
  }, 300_000); // a kill at each of ~106 calls: over a minute on a loaded 2-core machine
});

/**
 * Service calls of a tick that runs one due check query, evaluates one alert and delivers it
 * (two more than before the flush ahead of the lock's release and the run log's trim by the tick).
 */
const EXPECTED_TICK_CALLS = [108, 51, 66];
/** From the fetch to the write that saves its outcome: the answer read, the history tab made and its row, the write. */
const WINDOW_CALLS = 21;
