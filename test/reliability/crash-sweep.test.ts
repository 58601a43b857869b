/**
 * Crash at every step (issue 10): a representative tick (three scheduled queries, two alerts that
 * fire and one that recovers, each alert to a Slack bot and a JSON webhook, a tab a person made)
 * is run once to count its service calls N; then for every k in 1..N, from the same starting state
 * (the workbook and the property stores restored from a snapshot, the clock set back), the k-th
 * call is failed as Apps Script's "Exceeded maximum execution time" fails it, the next tick runs
 * normally, and the invariants are checked. The scenario is a list of parts (each makes its state,
 * changes it before the swept tick, and checks itself); the health snapshot and its band alert
 * are one of them (the swept tick is the day's first in Tokyo, one customer drops a band). Every
 * delivery window and the snapshot's edges are tried at every point, the rest sampled (SAMPLE).
 * Prints `RELIABILITY crash-sweep: ...`.
 *
 * Delivery is checked against the README's guarantee ("Alert delivery: the guarantee"): at least
 * once per change of state and destination, with a stable key (the JSON webhook's
 * `idempotencyKey`); a second copy only when the kill lands after a fetch and up to the property
 * write that saves its outcome. Any other duplicate, any missing message, is a violation.
 */
import type { Receiver } from '../../emulator/src/http/receiver';
import { useReceiver } from '../helpers/receiver';
import type { AppsScriptRuntime } from '../../emulator/src/runtime';
import type { SpreadsheetSnapshot } from '../../emulator/src/services/spreadsheet';
import type { PropertiesSnapshot } from '../../emulator/src/services/base';
import { api, saveQuery } from '../helpers/api';
import { createAccounts, historyRows, hostMap, rowsCheck, setBadRows, slackBot } from '../helpers/alerts';
import { setupWithDataSource } from '../helpers/refresh';
import { setupHealth } from '../helpers/health';
import { CUSTOMER_KEYS, customerHeader } from '../../src/core/health/layout';
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';

const WEBHOOK_URL = 'https://hooks.slack.com/sheetdash-crash-webhook';
const RUNNING_KEY = 'sheetdash.tick.running';
const INTERRUPTED = /^Interrupted:/;
/** 00:00 on 2 January in the spreadsheet's time zone (Asia/Tokyo): the first tick of a new day. */
const SWEPT_AT = Date.parse('2030-01-01T15:00:00Z');
const SWEPT_DAY = '2030-01-02';
const PREVIOUS_DAY = '2030-01-01';
/**
 * Every engine sweeps every point in a delivery window and the health snapshot's edges (reading
 * what a killed snapshot left, the history insert and its write, the write recording the day);
 * elsewhere every SAMPLE-th point (the health tabs' formulas make each point ~1.5 s).
 */
const SAMPLE = 20;
/**
 * `npm run reliability` sets SHEETDASH_SWEEP_ALL=1: the first engine (PGlite) then tries every
 * point, 1 to N, as the issue's sweep asks (about 5 minutes); `npm test` samples.
 */
const SWEEP_ALL = process.env.SHEETDASH_SWEEP_ALL === '1';
/** Calls before the history insert that read (and drop) what a killed snapshot left. */
const LEFTOVER_READS = 6;

interface World {
  rt: AppsScriptRuntime;
  db: TestDatabase;
  receiver: Receiver;
  /** Query name -> alert id. */
  alerts: Record<string, string>;
  dataSourceId: string;
  /** The Slack bot every alert (and the band alerts) goes to. */
  botId: string;
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
      // The three scheduled queries and the health inputs query.
      if (queries.length !== QUERIES.length + 1) v.push(`library holds ${queries.length} queries`);
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
  {
    name: 'health snapshot and a band alert',
    arrange: (w) => {
      w.db.exec(`CREATE TABLE ${w.db.schema}.usage_30d (company_id INT PRIMARY KEY, active_users_30d INT,
        invoices_30d INT, days_since_login INT, overdue_invoices INT)`);
      setUsage(w.db, USAGE_GOOD);
      // Set up on the previous day; the prelude's first tick takes that day's snapshot.
      w.rt.clock.freeze(SWEPT_AT - 3_600_000);
      const header = CUSTOMER_KEYS.map((k) => customerHeader(k, 'en'));
      const row = (id: number, company: string, seats: number) => {
        const r: (string | number)[] = header.map(() => '');
        r[CUSTOMER_KEYS.indexOf('company_id')] = id;
        r[CUSTOMER_KEYS.indexOf('company')] = company;
        r[CUSTOMER_KEYS.indexOf('seats')] = seats;
        r[CUSTOMER_KEYS.indexOf('sentiment')] = 4;
        r[CUSTOMER_KEYS.indexOf('cs_owner')] = `owner${id}@example.com`;
        return r;
      };
      const rows = [header, row(1, 'Company 1', 10), row(2, '株式会社 Two', 12)];
      w.rt.spreadsheet._active().insertSheet(CUSTOMERS_TAB).getRange(1, 1, rows.length, header.length).setValues(rows);
      const setup = setupHealth(w.rt, w.dataSourceId, `SELECT * FROM ${w.db.schema}.usage_30d ORDER BY company_id`);
      expect(setup.problems).toEqual([]);
      inputsQueryId = setup.inputsQueryId as string;
      // Every 24 hours, not daily at 06:00: the swept tick (00:00 in Tokyo) takes the day's
      // snapshot instead of waiting for the morning's run of the inputs.
      const inputs = api(w.rt, 'getQuery', { id: inputsQueryId });
      saveQuery(w.rt, { ...inputs, baseVersion: inputs.version, schedule: 'every 24 hours' });
      api(w.rt, 'saveHealthAlerts', { enabled: true, muted: false, dropPoints: 15, destinations: [w.botId] });
      customerFormulas = w.rt.spreadsheet._sheetFormulas(CUSTOMERS_TAB);
      customerValues = w.rt.spreadsheet._sheetValues(CUSTOMERS_TAB);
    },
    change: (w) => {
      // Company 1's usage collapses; its inputs are refreshed before midnight, so the swept tick
      // (the day's first) snapshots and judges the drop.
      setUsage(w.db, USAGE_COLLAPSED);
      expect(api(w.rt, 'runQuery', { id: inputsQueryId }).ok).toBe(true);
      expect(snapshotDays(w.rt)).toEqual({ [PREVIOUS_DAY]: ['1', '2'] });
    },
    checkKilled: (w, v) => {
      checkCustomers(w.rt, v, ' (killed tick)');
      for (const [day, ids] of Object.entries(snapshotDays(w.rt)))
        if (new Set(ids).size !== ids.length) v.push(`health history holds ${day} twice (killed tick)`);
    },
    checkFinal: async (w, v, info) => {
      checkCustomers(w.rt, v, '');
      const days = snapshotDays(w.rt);
      const want = { [SWEPT_DAY]: ['1', '2'], [PREVIOUS_DAY]: ['1', '2'] };
      if (JSON.stringify(days) !== JSON.stringify(want))
        v.push(`health history is not one snapshot a day: ${JSON.stringify(days)}`);
      const history = w.rt.spreadsheet._sheetValues(HISTORY_TAB) as unknown[][];
      const blank = history.slice(1).filter((r) => r.every((c) => c === '')).length;
      if (blank > 0) v.push(`health history holds ${blank} blank rows`);
      const props = w.rt.base.properties._store('document');
      if (props[SNAPSHOT_KEY] !== JSON.stringify(SWEPT_DAY)) v.push(`snapshot key is ${props[SNAPSHOT_KEY]}`);
      if (props[BANDS_DONE_KEY] !== JSON.stringify(SWEPT_DAY)) v.push(`band alerts day is ${props[BANDS_DONE_KEY]}`);
      const raw = props[`${BAND_RECORD}1`];
      const record = raw ? (JSON.parse(raw) as BandRecordView) : null;
      if (record?.status?.state !== 'triggered') v.push(`band record of customer 1 is ${record?.status?.state}`);
      if (record?.band?.day !== SWEPT_DAY) v.push(`band record of customer 1 judged on ${record?.band?.day}`);
      if ((record?.outbox?.length ?? 0) !== 0) v.push('band record of customer 1 still owes a notice');
      if (`${BAND_RECORD}2` in props) v.push('customer 2 (unchanged) has a band record');
      const notices = (await w.receiver.slackMessages()).filter((m) => m.text.includes('moved down'));
      if (notices.length === 0) v.push('the band notice was never delivered');
      else if (notices.length > 2 || (notices.length === 2 && !info.inWindow))
        v.push(`the band notice was delivered ${notices.length} times`);
      if (notices.some((m) => !m.text.includes('Company 1'))) v.push('a band notice names another customer');
      const rows = historyRows(w.rt).filter((r) => String(r[2]) === `${BAND_ID}1`);
      // Its row, or the row of the retry that delivered it; a second row only for a real resend.
      const own = rows.filter((r) => !String(r[7]).includes('(retry)')).length;
      if (rows.length === 0 || own > 1 || rows.length > 2)
        v.push(`alert history has ${rows.length} rows (${own} not retries) for the band alert`);
    },
  },
];
const CUSTOMERS_TAB = 'Customers';
const HISTORY_TAB = 'Health history';
const SNAPSHOT_KEY = 'sheetdash.health.snapshot';
const BANDS_DONE_KEY = 'sheetdash.health.bandAlertsDay';
const BAND_ID = 'health~c.';
const BAND_RECORD = `sheetdash.alert.${BAND_ID}`;
const USAGE_GOOD = '(1, 9, 25, 1, 0), (2, 8, 20, 2, 0)';
const USAGE_COLLAPSED = '(1, 0, 0, 60, 3), (2, 8, 20, 2, 0)';
let inputsQueryId = '';
let customerFormulas: string[][] = [];
let customerValues: unknown[][] = [];

interface BandRecordView {
  status?: { state?: string };
  band?: { day?: string };
  outbox?: unknown[];
}

function setUsage(db: TestDatabase, rows: string): void {
  db.exec(`DELETE FROM ${db.schema}.usage_30d\n;\nINSERT INTO ${db.schema}.usage_30d VALUES ${rows}`);
}

function checkCustomers(rt: AppsScriptRuntime, v: string[], when: string): void {
  if (JSON.stringify(rt.spreadsheet._sheetFormulas(CUSTOMERS_TAB)) !== JSON.stringify(customerFormulas))
    v.push(`the Customers formulas changed${when}`);
  if (JSON.stringify(rt.spreadsheet._sheetValues(CUSTOMERS_TAB)) !== JSON.stringify(customerValues))
    v.push(`the Customers rows changed${when}`);
}

/** Health history's snapshots: day -> the company ids of its rows, in order. */
function snapshotDays(rt: AppsScriptRuntime): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const dayOf = (c: unknown) =>
    c instanceof Date || typeof (c as Date | null)?.getTime === 'function'
      ? new Date((c as Date).getTime() + 9 * 3_600_000).toISOString().slice(0, 10)
      : String(c);
  for (const r of (rt.spreadsheet._sheetValues(HISTORY_TAB) as unknown[][]).slice(1)) {
    if (r[0] === '' && r[1] === '') continue;
    const day = dayOf(r[0]);
    out[day] = [...(out[day] ?? []), String(r[1])];
  }
  return out;
}
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

const lines: string[] = [];
const receiver = useReceiver({
  afterStop: () => {
    for (const line of lines) console.log(line);
  },
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
    const bot = slackBot(rt);
    const base = { rt, db, receiver, alerts: {} as Record<string, string>, dataSourceId, botId: bot.id };
    for (const part of PARTS) part.arrange?.(base);
    personFormulas = rt.spreadsheet._sheetFormulas(PERSON_TAB);
    personValues = rt.spreadsheet._sheetValues(PERSON_TAB);
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
    const insertAt: number[] = [];
    rt.faults.add({
      method: 'SpreadsheetApp.Sheet.insertRowsBefore',
      action: { before: () => insertAt.push(current()) },
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
    const band = (m: string) => m.includes('moved down');
    expect(cleanRun.slack.filter((m) => !band(m)).sort()).toEqual([
      'Recovered|reply',
      'Triggered|top',
      'Triggered|top',
    ]);
    // ... and the day's snapshot, with one band notice (to the Slack bot) for the customer that dropped.
    expect((clean.value as { healthSnapshot: unknown }).healthSnapshot).toMatchObject({ taken: true, rows: 2 });
    expect(cleanRun.slack.filter(band)).toEqual(['Company 1 moved down a health band|top']);
    expect(cleanRun.historyLength - historyBefore).toBe(4);
    for (const q of QUERIES) expect(dataRows(cleanRun.tabs[q.name])).not.toBe(dataRows(before[q.name]));
    expect(noted.length).toBeGreaterThan(0);
    expect(new Set(cleanRun.changes).size).toBe(4);
    const world: World = { ...base, clean: cleanRun, before, historyBefore };

    // Every point in a delivery window and every point of the health snapshot (from its first
    // history write, the window where a day could be written twice) to the end of the tick;
    // elsewhere every SAMPLE-th point.
    const insert = insertAt[0] ?? N;
    const recorded = writeAt.find((w) => w > insert) ?? N;
    const inSnapshot = (k: number) =>
      (k >= insert - LEFTOVER_READS && k <= insert + 3) || (k >= recorded - 1 && k <= recorded + 1);
    const dense = (k: number) => inWindow(k) || inSnapshot(k);
    // Each engine samples other points, so the engines together try more of them.
    const offset = (1 + 3 * engines.indexOf(engine)) % SAMPLE;
    const all = SWEEP_ALL && engine === engines[0];
    const points = Array.from({ length: N }, (_, i) => i + 1).filter((k) => all || k % SAMPLE === offset || dense(k));
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
        `every point in a delivery window or at the snapshot's edges (${insert - LEFTOVER_READS}-${insert + 3}, ` +
        `${recorded - 1}-${recorded + 1}), else ${all ? 'every point' : `every ${SAMPLE}th`}, ` +
        `windows ${windows.map(([f, s]) => `${f + 1}-${s}`).join(' ')}`,
    );
    if (engine === engines[engines.length - 1])
      lines.push(
        `RELIABILITY crash-sweep: ${totals.points} points, ${totals.violations} violations ` +
          `(engines ${engines.map((e) => e.name).join(', ')}; parts: ${PARTS.map((p) => p.name).join(', ')})`,
      );
    for (const v of violations) lines.push(`  crash-sweep[${engine.name}] violation ${v}`);
    expect(violations.slice(0, 20)).toEqual([]);
  }, 1_200_000);
});

/** The bundle, a data source on the test database, the local receiver for Slack and the webhook. */
function alertSetupForSweep(db: TestDatabase, r: Receiver) {
  return setupWithDataSource(db, { urlFetch: { hostMap: hostMap(r) } });
}
