/**
 * npm run bench (second part): one tick with 50 due scheduled check queries, each with an alert
 * ("returns rows") to a Slack webhook played by the local receiver, on the embedded PGlite. Half
 * the checks find bad rows, so the tick refreshes 50 result tabs, evaluates 50 alerts and posts
 * 25 messages. Prints the tick's service calls by service, its virtual time under a latency model
 * of Apps Script's services (LATENCY_MS: each call advances the virtual clock by its service's
 * cost, so the tick's own deadline sees it), whether it fits in one execution (nothing deferred
 * or left undelivered, under the 6-minute limit), and the same figures for a naive tick in the
 * same run (bench/naive-strategies.js `naiveTick`). A second tick, with nothing changed, shows
 * the steady state.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startReceiver } from '../emulator/src/http/receiver';
import { AppsScriptRuntime } from '../emulator/src/runtime';
import type { ApiMethodName, ApiMethods, ApiResponse } from '../src/shared/api-types';

const REPO = path.resolve(__dirname, '..');
const DIST = path.join(REPO, 'dist');
const QUERIES = Number(process.env.BENCH_TICK_QUERIES ?? 50);
const JDBC = { pgliteSnapshot: path.join(os.tmpdir(), 'sheetdash-pglite-0.5.16-snapshot.tar') };
const EMBEDDED = 'jdbc:postgresql://embedded.sheetdash.local:5432/postgres';
const WEBHOOK = 'https://hooks.slack.com/services/T0BENCH/B0BENCH/benchsecret';
const LIMIT_MS = 6 * 60_000;

/**
 * A rough model of how long one call takes on Google's side, by service (first match wins): a
 * JDBC round trip to a database in another region, a spreadsheet call, an HTTP post to Slack.
 * Figures of the order people report; a model to see whether a tick fits, not a measurement.
 */
const LATENCY_MS: [string, number][] = [
  ['Jdbc.getConnection', 400],
  ['Jdbc.Jdbc*', 60],
  ['SpreadsheetApp.*', 40],
  ['UrlFetchApp.*', 250],
  ['PropertiesService.*', 20],
  ['LockService.*', 20],
  ['ScriptApp.*', 20],
  ['MailApp.*', 200],
];

/** Makes every service call of the patterns advance the frozen virtual clock by its modelled latency. */
function modelLatency(rt: AppsScriptRuntime): void {
  for (const [method, ms] of LATENCY_MS) rt.faults.add({ method, action: { before: () => rt.clock.advance(ms) } });
}

function call<M extends ApiMethodName>(rt: AppsScriptRuntime, method: M, payload?: ApiMethods[M][0]) {
  const result = rt.run('sheetdashApi', payload === undefined ? [method] : [method, payload], { kind: 'script.run' });
  const answer = result.value as ApiResponse<ApiMethods[M][1]> | undefined;
  if (!result.ok || !answer?.ok)
    throw new Error(`${method}: ${result.error?.message ?? (answer as { error: string })?.error}`);
  return answer.value;
}

interface Figures {
  label: string;
  /** Calls per method ("Service.Class.method"). */
  methods: Map<string, number>;
  calls: Record<string, number>;
  total: number;
  virtualMs: number;
  wallMs: number;
  ran: number;
  deferred: number;
  messages: number;
}

function figuresOf(
  label: string,
  rt: AppsScriptRuntime,
  virtualMs: number,
  wallMs: number,
): Omit<Figures, 'ran' | 'deferred' | 'messages'> {
  const exec = rt.executions[rt.executions.length - 1];
  return {
    label,
    methods: new Map(exec.calls),
    calls: exec.callsByService(),
    total: exec.callCount,
    virtualMs,
    wallMs,
  };
}

function setupSql(schema: string): string[] {
  // Check i finds rows when i is even: half the alerts fire.
  return [
    `CREATE SCHEMA ${schema}`,
    `CREATE TABLE ${schema}.bad (q INT, id INT, amount NUMERIC(10,2), note TEXT)`,
    `INSERT INTO ${schema}.bad SELECT q, q * 100 + n, -n - 0.5, 'row ' || n || ' 日本語' FROM generate_series(0, ${QUERIES - 1}, 2) AS a(q), generate_series(1, 8) AS b(n)`,
  ];
}

/** A runtime holding the naive strategies (and `exec`, to set up and drop the bench's tables). */
function naiveRuntime(urlFetch: { hostMap?: Record<string, string> }): AppsScriptRuntime {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheetdash-bench-'));
  fs.copyFileSync(path.join(REPO, 'bench', 'naive-strategies.js'), path.join(dir, 'Code.js'));
  fs.copyFileSync(path.join(DIST, 'appsscript.json'), path.join(dir, 'appsscript.json'));
  return new AppsScriptRuntime({ distDir: dir, jdbc: JDBC, urlFetch });
}

const checkSql = (schema: string, i: number) => `SELECT id, amount, note FROM ${schema}.bad WHERE q = ${i} ORDER BY id`;

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(DIST, 'Code.js'))) throw new Error('run npm run build first');
  // The receiver's child process and channel are unreferenced: keep Node alive while we await it.
  const keepAlive = setInterval(() => undefined, 60_000);
  const receiver = await startReceiver();
  const hostMap = { 'https://hooks.slack.com': receiver.origin };
  const schema = `sd_tick_${Math.random().toString(36).slice(2, 8)}`;
  const start = Date.parse('2030-01-07T09:00:00Z');
  const rows: Figures[] = [];
  const admin = naiveRuntime({});
  try {
    admin.run('exec', [EMBEDDED, setupSql(schema)]);
    // --- Sheetdash: the built bundle, set up through its sidebar API as a user would.
    const ours = new AppsScriptRuntime({ distDir: DIST, jdbc: JDBC, urlFetch: { hostMap } });
    ours.clock.freeze(start);
    const source = call(ours, 'saveDataSource', {
      name: 'Bench',
      kind: 'postgresql',
      options: { host: 'embedded.sheetdash.local', port: 5432, database: 'postgres', user: 'postgres', password: '' },
    });
    const destination = call(ours, 'saveDestination', {
      name: 'Bench Slack',
      kind: 'slack-webhook',
      options: { url: WEBHOOK },
    });
    for (let i = 0; i < QUERIES; i++) {
      const saved = call(ours, 'saveQuery', {
        name: `Check ${i + 1}`,
        dataSourceId: source.id,
        sql: checkSql(schema, i),
        schedule: 'every 5 minutes',
      });
      if (!('saved' in saved)) throw new Error('conflict');
      call(ours, 'addRowsCheck', { queryId: saved.saved.id, destinations: [destination.id] });
    }
    ours.run('turnOnSchedule', [], { kind: 'menu' });
    modelLatency(ours);
    for (const label of ['Sheetdash tick (first: 25 fire)', 'Sheetdash tick (again: no change)']) {
      ours.clock.advance(5 * 60_000);
      const before = (await receiver.slackMessages()).length;
      const virtualStart = ours.clock.now();
      const wallStart = performance.now();
      const [run] = ours.base.scriptApp._fireDueTimeTriggers();
      const wallMs = performance.now() - wallStart;
      if (!run?.ok) throw new Error(`tick failed: ${run?.error?.message}`);
      const report = run.value as { ran: unknown[]; deferred: unknown[] };
      const messages = (await receiver.slackMessages()).length - before;
      rows.push({
        ...figuresOf(label, ours, ours.clock.now() - virtualStart, wallMs),
        ran: report.ran.length,
        deferred: report.deferred.length,
        messages,
      });
    }
    ours.dispose();

    // --- The naive tick, same queries, same receiver, same latency model.
    const naive = naiveRuntime({ hostMap });
    naive.clock.freeze(start);
    modelLatency(naive);
    const queries = Array.from({ length: QUERIES }, (_, i) => ({ name: `Check ${i + 1}`, sql: checkSql(schema, i) }));
    const before = (await receiver.slackMessages()).length;
    const virtualStart = naive.clock.now();
    const wallStart = performance.now();
    const result = naive.run('naiveTick', [EMBEDDED, 'postgres', '', queries, WEBHOOK]);
    const wallMs = performance.now() - wallStart;
    const messages = (await receiver.slackMessages()).length - before;
    rows.push({
      ...figuresOf('naive tick (first: 25 fire)', naive, naive.clock.now() - virtualStart, wallMs),
      ran: result.ok ? QUERIES : 0,
      deferred: 0,
      messages,
    });
    if (!result.ok) rows[rows.length - 1].label += ` FAILED: ${result.error?.message}`;
    naive.dispose();
  } finally {
    admin.run('exec', [EMBEDDED, [`DROP SCHEMA ${schema} CASCADE`]]);
    admin.dispose();
    await receiver.stop();
    clearInterval(keepAlive);
  }
  print(rows);
}

function print(rows: Figures[]): void {
  const n = (x: number) => x.toLocaleString('en-US');
  const services = ['Jdbc', 'SpreadsheetApp', 'PropertiesService', 'UrlFetchApp'];
  const header = [
    'tick',
    'queries run',
    'deferred',
    'messages',
    ...services,
    'all calls',
    'virtual s',
    'wall ms',
    'fits',
  ];
  const lines = rows.map((r) => [
    r.label,
    n(r.ran),
    n(r.deferred),
    n(r.messages),
    ...services.map((s) => n(r.calls[s] ?? 0)),
    n(r.total),
    (r.virtualMs / 1000).toFixed(1),
    n(Math.round(r.wallMs)),
    r.deferred === 0 && r.virtualMs < LIMIT_MS ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(
    `\nOne tick with ${QUERIES} due check queries and ${QUERIES} alerts (PGlite; latency model: ${LATENCY_MS.map(([m, ms]) => `${m} ${ms} ms`).join(', ')}, other calls 0 ms)`,
  );
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
  for (const r of rows) {
    const top = [...r.methods.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(
      `\n${r.label}, most called: ${top.map(([m, c]) => `${m.replace(/^[A-Za-z]+\./, '')} ${c}`).join(', ')}`,
    );
  }
  const ours = rows[0];
  const naive = rows.find((r) => r.label.startsWith('naive'));
  if (ours && naive)
    console.log(
      `\nSheetdash's first tick: ${(naive.total / ours.total).toFixed(1)}x fewer service calls and ${(naive.virtualMs / Math.max(1, ours.virtualMs)).toFixed(1)}x less virtual time than the naive tick.`,
    );
  if (!ours || ours.deferred > 0 || ours.virtualMs >= LIMIT_MS || ours.messages !== Math.ceil(QUERIES / 2))
    process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
