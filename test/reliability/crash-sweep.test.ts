/**
 * Crash at every step (issue 10): a representative tick (three scheduled queries, two alerts that
 * fire and one that recovers, each alert to a Slack bot and a JSON webhook, a tab a person made)
 * is run once to count its service calls N; then for every k in 1..N, from the same starting state
 * (the workbook and the property stores restored from a snapshot, the clock set back), the k-th
 * call is failed as Apps Script's "Exceeded maximum execution time" fails it, the next tick runs
 * normally, and the invariants are checked. The scenario is a list of parts (each makes its state,
 * changes it before the swept tick, and checks itself), so the health snapshot and its band alert
 * join as one more part when the health work lands. Prints `RELIABILITY crash-sweep: ...`.
 *
 * Delivery is checked against the README's guarantee ("Alert delivery: the guarantee"): at least
 * once per change of state and destination, with a stable key (the JSON webhook's
 * `idempotencyKey`); a second copy only when the kill lands after a fetch and up to the property
 * write that saves its outcome. Any other duplicate, any missing message, is a violation.
 */
import { type Receiver, startReceiver } from '../../emulator/src/http/receiver';
import type { AppsScriptRuntime } from '../../emulator/src/runtime';
import type { SpreadsheetSnapshot } from '../../emulator/src/services/spreadsheet';
import type { PropertiesSnapshot } from '../../emulator/src/services/base';
import { api, saveQuery } from '../helpers/api';
import { createAccounts, historyRows, hostMap, rowsCheck, setBadRows, slackBot } from '../helpers/alerts';
import { setupWithDataSource } from '../helpers/refresh';
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';
import { disposeRuntimes } from '../helpers/runtimes';

const WEBHOOK_URL = 'https://hooks.slack.com/sheetdash-crash-webhook';
const RUNNING_KEY = 'sheetdash.tick.running';
const INTERRUPTED = /^Interrupted:/;
const SWEPT_AT = Date.parse('2030-01-01T08:30:00Z');
/** PGlite sweeps every point; the servers every SAMPLE-th point plus every point in a delivery window. */
const SAMPLE = 6;

interface World {
  rt: AppsScriptRuntime;
  db: TestDatabase;
  receiver: Receiver;
  /** Query name -> alert id. */
  alerts: Record<string, string>;
  /** What the clean run of the swept tick left, to compare with. */
  clean: CleanRun;
  /** Before the swept tick. */
  before: Record<string, unknown[][]>;
  /** History rows before the swept tick (header included). */
  historyBefore: number;
}

interface CleanRun {
  tabs: Record<string, unknown[][]>;
  sheetNames: string[];
  historyLength: number;
  /** The history rows' "<alert id>|<new state>", one per change of state. */
  changes: string[];
  /** Idempotency keys the webhook received (one per change of state). */
  keys: string[];
  /** Slack messages, as "<first word of text>|<thread or top>" (one per change of state). */
  slack: string[];
}

/** One part of the scenario: makes its state, changes it before the swept tick, checks itself. */
interface ScenarioPart {
  name: string;
  arrange?(w: Omit<World, 'clean' | 'before' | 'historyBefore'>): void;
  /** After the prelude ticks, before the snapshot: what the swept tick will find changed. */
  change?(w: Omit<World, 'clean' | 'before' | 'historyBefore'>): void;
  /** After the killed tick (the intermediate state a user may see). */
  checkKilled?(w: World, v: string[]): void;
  /** After the recovery tick. */
  checkFinal?(w: World, v: string[], info: PointInfo): Promise<void> | void;
}

interface PointInfo {
  k: number;
  /** Kill inside a "fetch accepted, outcome not saved yet" window: a second copy is allowed. */
  inWindow: boolean;
  /** A scheduled run had started when the kill came (the running note was set). */
  runStarted: boolean;
}

const QUERIES = [
  { name: 'Fires A', table: 'acc_a', before: 0, after: 4 },
  { name: 'Fires B', table: 'acc_b', before: 0, after: 2 },
  { name: 'Recovers C', table: 'acc_c', before: 3, after: 0 },
];
const PERSON_TAB = 'Sales';
const PERSON_ROWS = [
  ['region', 'amount', 'note'],
  ['north', 1200, '=starts with equals'],
  ['south', 800, '顧客'],
];

const resultTab = (name: string) => name;
const dataRows = (rows: unknown[][] | undefined) => JSON.stringify(rows ?? null);

const PARTS: ScenarioPart[] = [
  {
    name: 'queries and alerts',
    arrange: (w) => {
      for (const q of QUERIES) {
        createAccounts(w.db, q.table);
        setBadRows(w.db, q.table, q.before);
      }
    },
    change: (w) => {
      for (const q of QUERIES) setBadRows(w.db, q.table, q.after);
    },
    checkKilled: (w, v) => {
      for (const q of QUERIES) {
        const now = dataRows(tabValues(w.rt, resultTab(q.name)));
        if (now !== dataRows(w.before[q.name]) && now !== dataRows(w.clean.tabs[q.name]))
          v.push(`result tab "${q.name}" is neither the old nor the new result`);
      }
    },
    checkFinal: (w, v) => {
      for (const q of QUERIES) {
        if (dataRows(tabValues(w.rt, resultTab(q.name))) !== dataRows(w.clean.tabs[q.name]))
          v.push(`result tab "${q.name}" is not the new result after the next tick`);
      }
      const names = [...w.rt.spreadsheet._sheetNames()].sort();
      if (JSON.stringify(names) !== JSON.stringify(w.clean.sheetNames))
        v.push(`tabs differ from a clean run: ${names.join(', ')}`);
      const queries = api(w.rt, 'listQueries', {});
      if (queries.length !== QUERIES.length) v.push(`library holds ${queries.length} queries`);
      for (const q of queries) if (!q.lastRun?.ok) v.push(`library: "${q.name}" has no good last run`);
      const alerts = api(w.rt, 'listAlerts', {});
      for (const q of QUERIES) {
        const alert = alerts.find((a) => a.id === w.alerts[q.name]);
        const want = q.after > 0 ? 'triggered' : 'ok';
        if (alert?.status.state !== want) v.push(`alert of "${q.name}" is ${alert?.status.state}, not ${want}`);
        if (alert?.status.undelivered !== 0) v.push(`alert of "${q.name}" still owes ${alert?.status.undelivered}`);
      }
      // Each change of state has its row (or, when the kill came before it was written, the row
      // of the retry that delivered it); more rows only for real resends ("(retry)"), none for
      // changes a clean run did not make.
      const rows = historyRows(w.rt).slice(w.historyBefore);
      const change = (r: unknown[]) => `${r[2]}|${r[5]}`;
      const own = rows.filter((r) => !String(r[7]).includes('(retry)'));
      for (const key of w.clean.changes) {
        const n = rows.filter((r) => change(r) === key).length;
        if (n === 0) v.push(`history has no row for ${key}`);
        if (own.filter((r) => change(r) === key).length > 1) v.push(`history has ${key} twice`);
        if (n > 2) v.push(`history has ${n} rows for ${key}`);
      }
      for (const r of rows) if (!w.clean.changes.includes(change(r))) v.push(`history has an unexpected ${change(r)}`);
    },
  },
  {
    name: 'alert deliveries',
    checkFinal: async (w, v, info) => {
      const hooks = (await w.receiver.requests()).filter((r) => r.path === '/sheetdash-crash-webhook');
      const keys = hooks.map((r) => r.headers['idempotency-key']);
      const copies = new Map<string, number>();
      for (const key of keys) copies.set(key, (copies.get(key) ?? 0) + 1);
      for (const key of w.clean.keys) if (!copies.has(key)) v.push(`webhook never got ${key}`);
      for (const [key, n] of copies) {
        if (!w.clean.keys.includes(key)) v.push(`webhook got an unexpected notification ${key}`);
        else if (n > 2 || (n === 2 && !info.inWindow)) v.push(`webhook got ${key} ${n} times outside the window`);
      }
      const slack = slackSummary(await w.receiver.slackMessages());
      for (const m of new Set(w.clean.slack)) {
        const n = slack.filter((s) => s === m).length;
        const want = w.clean.slack.filter((s) => s === m).length;
        if (n < want) v.push(`Slack missed "${m}"`);
        else if (n > want && (!info.inWindow || n > want + 1)) v.push(`Slack got "${m}" ${n} times`);
      }
      for (const m of slack) if (!w.clean.slack.includes(m)) v.push(`Slack got an unexpected "${m}"`);
    },
  },
  {
    name: 'run log',
    checkFinal: (w, v, info) => {
      const runs = api(w.rt, 'listRecentRuns');
      const interrupted = runs.filter((r) => INTERRUPTED.test(r.message));
      if (info.runStarted && interrupted.length !== 1)
        v.push(`run log shows ${interrupted.length} interrupted runs (a run was cut)`);
      if (!info.runStarted && interrupted.length !== 0) v.push('run log shows an interrupted run that never started');
      const props = w.rt.base.properties._store('document');
      if (RUNNING_KEY in props) v.push('the running note is still set after a finished tick');
    },
  },
  {
    name: 'a tab a person made',
    arrange: (w) => {
      w.rt.spreadsheet._active().insertSheet(PERSON_TAB).getRange(1, 1, 3, 3).setValues(PERSON_ROWS);
    },
    checkKilled: (w, v) => {
      if (JSON.stringify(w.rt.spreadsheet._sheetFormulas(PERSON_TAB)) !== JSON.stringify(personFormulas))
        v.push('the person-made tab changed (killed tick)');
    },
    checkFinal: (w, v) => {
      if (JSON.stringify(w.rt.spreadsheet._sheetFormulas(PERSON_TAB)) !== JSON.stringify(personFormulas))
        v.push('the person-made tab changed');
      if (JSON.stringify(w.rt.spreadsheet._sheetValues(PERSON_TAB)) !== JSON.stringify(personValues))
        v.push('the person-made tab values changed');
    },
  },
  // The health snapshot part (Customers / Health tabs, the daily snapshot, its band alert) goes
  // here when the health work lands: arrange its tabs, change a score so a band alert fires,
  // check that the snapshot row is there exactly once and the band alert delivered once.
];
let personFormulas: string[][] = [];
let personValues: unknown[][] = [];

function tabValues(rt: AppsScriptRuntime, name: string): unknown[][] | undefined {
  return rt.spreadsheet._sheetNames().includes(name) ? rt.spreadsheet._sheetValues(name) : undefined;
}

function slackSummary(messages: { text: string; thread_ts: string | null }[]): string[] {
  return messages.map((m) => `${m.text.split(':')[0]}|${m.thread_ts ? 'reply' : 'top'}`);
}

interface Saved {
  sheet: SpreadsheetSnapshot;
  props: PropertiesSnapshot;
}

function save(rt: AppsScriptRuntime): Saved {
  return { sheet: rt.spreadsheet._snapshot(), props: rt.base.properties._snapshot() };
}

function restore(rt: AppsScriptRuntime, saved: Saved): void {
  rt.spreadsheet._restore(saved.sheet);
  rt.base.properties._restore(saved.props);
  rt.clock.freeze(SWEPT_AT);
}

function sweptTick(rt: AppsScriptRuntime) {
  return rt.run('tick', [], { kind: 'time-trigger' });
}

let receiver: Receiver;
const lines: string[] = [];
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  disposeRuntimes();
  await receiver.stop();
  for (const line of lines) console.log(line);
});

const engines = enabledEngines();
const totals = { points: 0, violations: 0, duplicates: 0 };

describe.each(engines.map((e) => [e.name, e] as const))('crash at every step on %s', (_name, engine) => {
  let db: TestDatabase;
  beforeAll(() => {
    db = createTestDatabase(engine);
  });
  afterAll(() => db?.drop());

  it('keeps every invariant when the tick is killed at any of its service calls', async () => {
    // Build the starting state once.
    const { rt, dataSourceId } = alertSetupForSweep(db, receiver);
    const base = { rt, db, receiver, alerts: {} as Record<string, string> };
    for (const part of PARTS) part.arrange?.(base);
    personFormulas = rt.spreadsheet._sheetFormulas(PERSON_TAB);
    personValues = rt.spreadsheet._sheetValues(PERSON_TAB);
    const bot = slackBot(rt);
    const hook = api(rt, 'saveDestination', { name: 'Hook', kind: 'webhook', options: { url: WEBHOOK_URL } });
    for (const q of QUERIES) {
      const saved = saveQuery(rt, {
        name: q.name,
        dataSourceId,
        sql: `SELECT id, balance FROM ${db.schema}.${q.table} WHERE balance < 0 ORDER BY id`,
        schedule: 'every 5 minutes',
        description: '',
        parameters: [],
        tags: [],
      });
      base.alerts[q.name] = rowsCheck(rt, saved.id, [bot.id, hook.id]).id;
    }
    // The prelude: C triggers (and is delivered); then the data changes for the swept tick.
    rt.clock.freeze(SWEPT_AT - 10 * 60_000);
    expect(sweptTick(rt).error).toBeUndefined();
    rt.clock.freeze(SWEPT_AT - 5 * 60_000);
    expect(sweptTick(rt).error).toBeUndefined();
    for (const part of PARTS) part.change?.(base);
    rt.clock.freeze(SWEPT_AT);
    const start = save(rt);
    const before: Record<string, unknown[][]> = {};
    for (const q of QUERIES) before[q.name] = tabValues(rt, q.name) ?? [];
    const historyBefore = historyRows(rt).length;

    // The clean run: count the calls, find the delivery windows and when a run is under way.
    await receiver.reset();
    const fetchAt: number[] = [];
    const writeAt: number[] = [];
    const noted: number[] = [];
    const current = () => rt.executions[rt.executions.length - 1].callCount;
    rt.faults.add({ method: 'UrlFetchApp.fetch', action: { before: () => fetchAt.push(current()) } });
    rt.faults.add({
      method: 'PropertiesService.Properties.setProperty',
      action: { before: () => writeAt.push(current()) },
    });
    rt.faults.add({
      method: '*',
      action: { before: () => RUNNING_KEY in rt.base.properties._store('document') && noted.push(current()) },
    });
    const clean = sweptTick(rt);
    rt.faults.clear();
    expect(clean.error).toBeUndefined();
    const N = clean.execution.callCount;
    const windows = fetchAt.map((f) => [f, writeAt.find((w) => w > f) ?? f] as const);
    const inWindow = (k: number) => windows.some(([f, s]) => k > f && k <= s);
    const hooks = (await receiver.requests()).filter((r) => r.path === '/sheetdash-crash-webhook');
    const cleanRun: CleanRun = {
      tabs: Object.fromEntries(QUERIES.map((q) => [q.name, tabValues(rt, q.name) ?? []])),
      sheetNames: [...rt.spreadsheet._sheetNames()].sort(),
      historyLength: historyRows(rt).length,
      changes: historyRows(rt)
        .slice(historyBefore)
        .map((r) => `${r[2]}|${r[5]}`),
      keys: hooks.map((r) => r.headers['idempotency-key']),
      slack: slackSummary(await receiver.slackMessages()),
    };
    // The scenario really is the representative one: three state changes, each to two destinations.
    expect(cleanRun.keys).toHaveLength(3);
    expect(new Set(cleanRun.keys).size).toBe(3);
    expect(cleanRun.slack.sort()).toEqual(['Recovered|reply', 'Triggered|top', 'Triggered|top']);
    expect(cleanRun.historyLength - historyBefore).toBe(3);
    for (const q of QUERIES) expect(dataRows(cleanRun.tabs[q.name])).not.toBe(dataRows(before[q.name]));
    expect(noted.length).toBeGreaterThan(0);
    expect(new Set(cleanRun.changes).size).toBe(3);
    const world: World = { ...base, clean: cleanRun, before, historyBefore };

    const points = Array.from({ length: N }, (_, i) => i + 1).filter(
      (k) => engine.name === 'pglite' || k % SAMPLE === 1 || inWindow(k),
    );
    const violations: string[] = [];
    let duplicates = 0;
    for (const k of points) {
      restore(rt, start);
      await receiver.reset();
      rt.faults.killAtCall(k);
      const killed = sweptTick(rt);
      rt.faults.clear();
      const v: string[] = [];
      if (killed.ok) v.push('the kill did not stop the tick');
      for (const part of PARTS) part.checkKilled?.(world, v);
      rt.clock.advance(60_000);
      const next = sweptTick(rt);
      if (next.error) v.push(`the next tick failed: ${next.error.message}`);
      const info: PointInfo = { k, inWindow: inWindow(k), runStarted: k >= noted[0] && k <= noted[noted.length - 1] };
      for (const part of PARTS) await part.checkFinal?.(world, v, info);
      const keys = (await receiver.requests()).filter((r) => r.path === '/sheetdash-crash-webhook').length;
      if (keys > cleanRun.keys.length) duplicates++;
      for (const message of v) violations.push(`k=${k}: ${message}`);
    }
    totals.points += points.length;
    totals.violations += violations.length;
    totals.duplicates += duplicates;
    lines.push(
      `RELIABILITY crash-sweep[${engine.name}]: ${points.length} of ${N} points, ${violations.length} violations, ` +
        `${duplicates} duplicates in the guarantee's window (webhook key stable), ` +
        `windows ${windows.map(([f, s]) => `${f + 1}-${s}`).join(' ')}`,
    );
    if (engine === engines[engines.length - 1])
      lines.push(
        `RELIABILITY crash-sweep: ${totals.points} points, ${totals.violations} violations ` +
          `(engines ${engines.map((e) => e.name).join(', ')}; parts: ${PARTS.map((p) => p.name).join(', ')})`,
      );
    for (const v of violations) lines.push(`  crash-sweep[${engine.name}] violation ${v}`);
    expect(violations.slice(0, 20)).toEqual([]);
  }, 600_000);
});

/** The bundle, a data source on the test database, the local receiver for Slack and the webhook. */
function alertSetupForSweep(db: TestDatabase, r: Receiver) {
  return setupWithDataSource(db, { urlFetch: { hostMap: hostMap(r) } });
}
