/**
 * npm run bench: refreshes 1 row, 1k, 10k and 100k rows x 10 mixed-type columns on the
 * embedded PGlite and, when reachable, PostgreSQL and MariaDB, and prints wall time and Apps
 * Script service calls by service for Sheetdash's refresh, side by side with two naive
 * strategies run in the same process: (a) next() + one getter per cell + one appendRow per row;
 * (b) per-cell getters + one setValues. Then the costliest methods of Sheetdash's refresh, by
 * a simple weight (see WEIGHTS), and the calls ratio against (a), which must be at least
 * 1,000x at 10k rows x 10 columns.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AppsScriptRuntime } from '../emulator/src/runtime';

const REPO = path.resolve(__dirname, '..');
const DIST = path.join(REPO, 'dist');
const SIZES = (process.env.BENCH_SIZES ?? '1,1000,10000,100000').split(',').map(Number);
/** The ratio of calls against naive (a) that Sheetdash must reach at 10k rows x 10 columns. */
const RATIO_TARGET = 1_000;

/**
 * How much one call weighs, for the table of costliest methods. Every call crosses from the
 * script into Google's services; calls that change a spreadsheet's structure, copy ranges or
 * search developer metadata do the most work there (a structural change re-lays the whole
 * sheet), so they weigh 10; calls that move a block of cells or rows weigh 3; the rest 1.
 * A rough model to rank methods, not a measurement of Google's servers.
 */
const WEIGHTS: [RegExp, number][] = [
  [
    /\.(insertSheet|deleteSheet|copyTo|insertRowsAfter|insertColumnsAfter|deleteRows|hideSheet|addDeveloperMetadata)$/,
    10,
  ],
  [/DeveloperMetadataFinder\.find$/, 10],
  [
    /\.(setValues|getValues|getDisplayValues|setNumberFormats|setNotes|setNumberFormat|getRows|executeQuery|execute)$/,
    3,
  ],
];

function weightOf(method: string): number {
  for (const [pattern, weight] of WEIGHTS) if (pattern.test(method)) return weight;
  return 1;
}
const NAIVE_A_MAX = Number(process.env.BENCH_NAIVE_A_MAX ?? 100_000);
const JDBC = { pgliteSnapshot: path.join(os.tmpdir(), 'sheetdash-pglite-0.5.16-snapshot.tar') };

interface Engine {
  name: string;
  kind: 'postgresql' | 'mysql';
  adminUrl: string;
  host: string;
  port: number;
  database: string;
  user: string;
}

const ENGINES: Engine[] = [
  {
    name: 'PGlite',
    kind: 'postgresql',
    adminUrl: 'jdbc:postgresql://embedded.sheetdash.local:5432/postgres',
    host: 'embedded.sheetdash.local',
    port: 5432,
    database: 'postgres',
    user: 'postgres',
  },
  {
    name: 'PostgreSQL',
    kind: 'postgresql',
    adminUrl: 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres',
    host: '127.0.0.1',
    port: 5432,
    database: 'test',
    user: 'postgres',
  },
  {
    name: 'MariaDB',
    kind: 'mysql',
    adminUrl: 'jdbc:mysql://127.0.0.1:3306/test?user=root',
    host: '127.0.0.1',
    port: 3306,
    database: 'test',
    user: 'root',
  },
];

function naiveRuntime(): AppsScriptRuntime {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheetdash-bench-'));
  fs.copyFileSync(path.join(REPO, 'bench', 'naive-strategies.js'), path.join(dir, 'Code.js'));
  fs.copyFileSync(path.join(DIST, 'appsscript.json'), path.join(dir, 'appsscript.json'));
  return new AppsScriptRuntime({ distDir: dir, jdbc: JDBC });
}

function setupSql(engine: Engine, schema: string, rows: number): string[] {
  if (engine.kind === 'mysql') {
    return [
      `CREATE DATABASE ${schema}`,
      `CREATE TABLE ${schema}.bench (id INT, name VARCHAR(40), price DECIMAL(10,2), qty INT, ratio DOUBLE, flag BOOLEAN, created DATE, updated DATETIME, note TEXT, code VARCHAR(12))`,
      `INSERT INTO ${schema}.bench SELECT seq, CONCAT('customer ', seq), seq % 1000 + 0.99, seq % 97, seq / 7, seq % 2, DATE_ADD('2024-01-01', INTERVAL seq % 365 DAY), DATE_ADD('2024-01-01 08:00:00', INTERVAL seq MINUTE), CONCAT('note ', seq, ' 日本語'), LPAD(seq, 8, '0') FROM seq_1_to_${rows}`,
    ];
  }
  return [
    `CREATE SCHEMA ${schema}`,
    `CREATE TABLE ${schema}.bench (id INT, name VARCHAR(40), price NUMERIC(10,2), qty INT, ratio DOUBLE PRECISION, flag BOOLEAN, created DATE, updated TIMESTAMP, note TEXT, code VARCHAR(12))`,
    `INSERT INTO ${schema}.bench SELECT n, 'customer ' || n, n % 1000 + 0.99, n % 97, n / 7.0, n % 2 = 0, DATE '2024-01-01' + (n % 365), TIMESTAMP '2024-01-01 08:00:00' + n * INTERVAL '1 minute', 'note ' || n || ' 日本語', LPAD(n::text, 8, '0') FROM generate_series(1, ${rows}) AS s(n)`,
  ];
}

interface Row {
  engine: string;
  rows: number;
  strategy: string;
  ms: number;
  jdbc: number;
  sheets: number;
  other: number;
  total: number;
  /** Calls per method ("Service.Class.method"). */
  calls: Map<string, number>;
  ok: boolean;
  note: string;
}

function measure(
  rt: AppsScriptRuntime,
  fn: string,
  args: unknown[],
): { ms: number; result: ReturnType<AppsScriptRuntime['run']> } {
  const started = performance.now();
  const result = rt.run(fn, args, { kind: fn === 'sheetdashApi' ? 'script.run' : 'direct' });
  return { ms: performance.now() - started, result };
}

function main(): void {
  const results: Row[] = [];
  const admin = naiveRuntime();
  const maxRows = Math.max(...SIZES);
  for (const engine of ENGINES) {
    const schema = `sd_bench_${Math.random().toString(36).slice(2, 8)}`;
    const url = engine.kind === 'mysql' ? engine.adminUrl.replace('/test?', `/${schema}?`) : engine.adminUrl;
    const setup = admin.run('exec', [engine.adminUrl, setupSql(engine, schema, maxRows)]);
    if (!setup.ok) {
      console.log(`${engine.name}: skipped (${setup.error?.message})`);
      continue;
    }
    try {
      for (const rows of SIZES) {
        const sql = `SELECT id, name, price, qty, ratio, flag, created, updated, note, code FROM ${schema}.bench ORDER BY id LIMIT ${rows}`;
        // Sheetdash: the built bundle, through its sidebar API.
        const ours = new AppsScriptRuntime({ distDir: DIST, jdbc: JDBC });
        const ds = ours.run(
          'sheetdashApi',
          [
            'saveDataSource',
            {
              name: 'Bench',
              kind: engine.kind,
              options: {
                host: engine.host,
                port: engine.port,
                database: engine.kind === 'mysql' ? schema : engine.database,
                user: engine.user,
                password: '',
              },
            },
          ],
          { kind: 'script.run' },
        );
        const dsId = (ds.value as { value: { id: string } }).value.id;
        const args = ['runQueryToTab', { name: 'Bench', dataSourceId: dsId, sql, rowLimit: rows }];
        // A first run makes the result tab and the run log; the one measured is a repeat, as scheduled runs are.
        measure(ours, 'sheetdashApi', args);
        const run = measure(ours, 'sheetdashApi', args);
        const answer = (run.result.value as { ok: boolean; value: { ok: boolean; rows: number; message: string } }) ?? {
          ok: false,
        };
        results.push(
          row(
            engine.name,
            rows,
            'sheetdash',
            run,
            answer.ok && answer.value.ok,
            answer.ok ? answer.value.message : String(run.result.error?.message),
          ),
        );
        ours.dispose();
        // The two naive strategies.
        for (const [strategy, fn] of [
          ['naive (b) getters + setValues', 'naiveSetValues'],
          ['naive (a) next + appendRow', 'naiveAppendRow'],
        ] as const) {
          if (fn === 'naiveAppendRow' && rows > NAIVE_A_MAX) continue;
          const rt = naiveRuntime();
          const m = measure(rt, fn, [url, engine.user, '', sql, 'Naive']);
          results.push(row(engine.name, rows, strategy, m, m.result.ok, m.result.error?.message ?? ''));
          rt.dispose();
        }
      }
    } finally {
      admin.run('exec', [
        engine.adminUrl,
        [engine.kind === 'mysql' ? `DROP DATABASE ${schema}` : `DROP SCHEMA ${schema} CASCADE`],
      ]);
    }
  }
  admin.dispose();
  print(results);
}

function row(
  engine: string,
  rows: number,
  strategy: string,
  m: { ms: number; result: ReturnType<AppsScriptRuntime['run']> },
  ok: boolean,
  note: string,
): Row {
  const exec = m.result.execution;
  const byService = exec.callsByService();
  const jdbc = byService.Jdbc ?? 0;
  const sheets = byService.SpreadsheetApp ?? 0;
  const total = exec.callCount;
  const other = total - jdbc - sheets;
  return { engine, rows, strategy, ms: m.ms, jdbc, sheets, other, total, calls: new Map(exec.calls), ok, note };
}

/** The methods of one run that weigh most (calls x weight), heaviest first. */
function costliest(r: Row, count: number): { method: string; calls: number; weight: number; cost: number }[] {
  return [...r.calls.entries()]
    .map(([method, calls]) => ({ method, calls, weight: weightOf(method), cost: calls * weightOf(method) }))
    .sort((a, b) => b.cost - a.cost || a.method.localeCompare(b.method))
    .slice(0, count);
}

function print(results: Row[]): void {
  const header = [
    'engine',
    'rows',
    'strategy',
    'wall ms',
    'Jdbc calls',
    'Sheets calls',
    'other calls',
    'all calls',
    'ok',
  ];
  const n = (x: number) => x.toLocaleString('en-US');
  const lines = results.map((r) => [
    r.engine,
    n(r.rows),
    r.strategy,
    n(Math.round(r.ms)),
    n(r.jdbc),
    n(r.sheets),
    n(r.other),
    n(r.total),
    r.ok ? 'yes' : `NO: ${r.note.slice(0, 60)}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${fmt(header)}`);
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
  const first = results.find((r) => r.strategy === 'sheetdash')?.engine;
  const weights = 'weight: 10 structural or metadata search, 3 block of cells or rows, 1 other';
  console.log(`\nCostliest methods of Sheetdash's refresh on ${first ?? '-'} (${weights}):`);
  for (const ours of results.filter((r) => r.strategy === 'sheetdash' && r.engine === first)) {
    const top = costliest(ours, 5).map((m) => `${m.method.replace(/^[A-Za-z]+\./, '')} ${m.calls}x${m.weight}`);
    console.log(`  ${n(ours.rows).padStart(7)} rows: ${top.join(', ')}`);
  }
  console.log('\nService calls of naive (a) per call of Sheetdash (same engine and size):');
  let failed = false;
  for (const ours of results.filter((r) => r.strategy === 'sheetdash')) {
    const a = results.find(
      (r) => r.engine === ours.engine && r.rows === ours.rows && r.strategy.startsWith('naive (a)'),
    );
    const b = results.find(
      (r) => r.engine === ours.engine && r.rows === ours.rows && r.strategy.startsWith('naive (b)'),
    );
    const ratio = (x?: Row) =>
      x ? `${(x.total / ours.total).toFixed(x.total < 10 * ours.total ? 2 : 0)}x` : 'not run';
    let verdict = '';
    if (ours.rows === 10_000 && a) {
      const met = a.total / ours.total >= RATIO_TARGET;
      failed ||= !met;
      verdict = met ? ` (target ${n(RATIO_TARGET)}x: met)` : ` (target ${n(RATIO_TARGET)}x: NOT MET)`;
    }
    const against = `vs (a) ${a?.total ?? '-'} = ${ratio(a)}${verdict}; vs (b) ${b?.total ?? '-'} = ${ratio(b)}`;
    console.log(`  ${ours.engine.padEnd(10)} ${n(ours.rows).padStart(7)} rows: ${ours.total} calls ${against}`);
  }
  if (failed) process.exitCode = 1;
}

main();
