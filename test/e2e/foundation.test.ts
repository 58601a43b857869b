/**
 * The foundation, end to end with the built bundle: it loads in a bare sandbox, onOpen builds
 * the menu under AuthMode LIMITED and NONE, and a query read with getRows lands in a sheet on
 * every engine, where a formula in another tab looks the rows up.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { bundleRuntime, disposeRuntimes } from '../helpers/runtimes';
import { createTestDatabase, enabledEngines, JDBC_OPTIONS, type TestDatabase } from '../helpers/engines';
import { api } from '../helpers/api';

afterAll(disposeRuntimes);

const DIST = path.resolve(__dirname, '..', '..', 'dist');

describe('the bundle', () => {
  it('declares its entry points as top-level functions and loads in a bare context', () => {
    const code = fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8');
    // gas-webpack-plugin's declarations come first, one per line, before the bundle's minified IIFE.
    const head = code.slice(0, code.indexOf('(()=>'));
    expect(head).toMatch(/^function onOpen\(/);
    expect(head).toMatch(/^function onInstall\(/m);
    expect(head).toMatch(/^function sheetdashApi\(/m);
    const context = vm.createContext({});
    vm.runInContext(code, context);
    expect(typeof (context as Record<string, unknown>).onOpen).toBe('function');
  });

  it('exposes no other global function to google.script.run', () => {
    const context = vm.createContext({});
    vm.runInContext(fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8'), context);
    const functions = Object.keys(context).filter((k) => typeof (context as Record<string, unknown>)[k] === 'function');
    expect(functions.sort()).toEqual([
      'onInstall',
      'onOpen',
      'runDiagnostics',
      'setupHealthScores',
      'sheetdashApi',
      'showSidebar',
      'tick',
      'turnOnSchedule',
    ]);
  });

  it.each(['LIMITED', 'NONE'] as const)('builds the add-on menu under AuthMode.%s', (mode) => {
    const rt = bundleRuntime({ user: { locale: 'en' } });
    const result = rt.open(mode);
    expect(result.error).toBeUndefined();
    expect(rt.spreadsheet._ui().menus).toEqual([
      expect.objectContaining({
        items: [
          expect.objectContaining({ caption: 'Open Sheetdash', functionName: 'showSidebar' }),
          expect.objectContaining({ caption: 'Turn on scheduled refreshes', functionName: 'turnOnSchedule' }),
          expect.objectContaining({ caption: 'Set up health scores', functionName: 'setupHealthScores' }),
          expect.objectContaining({ caption: 'Diagnostics', functionName: 'runDiagnostics' }),
        ],
      }),
    ]);
  });

  it('speaks Japanese in the menu to a Japanese user', () => {
    const rt = bundleRuntime({ user: { locale: 'ja' } });
    rt.open('NONE');
    expect(rt.spreadsheet._ui().menus[0].items[0]).toMatchObject({ caption: 'Sheetdash を開く' });
  });
});

describe.each(enabledEngines().map((e) => [e.name, e] as const))('query to sheet on %s', (_name, engine) => {
  let db: TestDatabase;
  beforeAll(() => {
    db = createTestDatabase(engine);
    db.exec(`
      CREATE TABLE usage_stats (company_id INT, logins INT, plan VARCHAR(20))
      ;
      INSERT INTO usage_stats VALUES (101, 40, 'pro'), (102, 7, 'free'), (103, 125, 'enterprise')
    `);
  });
  afterAll(() => db?.drop());

  it('writes the rows with getRows and a lookup in another tab computes from them', () => {
    const rt = bundleRuntime({ jdbc: JDBC_OPTIONS });
    const source = api(rt, 'saveDataSource', { name: 'Main DB', kind: db.kind, options: db.options });
    const result = api(rt, 'runQueryToTab', {
      name: 'Usage',
      dataSourceId: source.id,
      sql: `SELECT company_id, logins, plan FROM ${db.schema}.usage_stats ORDER BY company_id`,
    });
    expect(result.message).toBe('');
    expect(result).toMatchObject({ ok: true, rows: 3, sheetName: 'Usage' });
    expect(rt.spreadsheet._sheetValues('Usage').slice(0, 4)).toEqual([
      ['company_id', 'logins', 'plan'],
      [101, 40, 'pro'],
      [102, 7, 'free'],
      [103, 125, 'enterprise'],
    ]);
    const ss = rt.spreadsheet._active();
    const health = ss.insertSheet('Health');
    health.getRange(1, 1, 2, 2).setValues([
      [103, '=IFERROR(VLOOKUP(A1, Usage!A:C, 2, FALSE), 0) * 2'],
      [999, '=IFERROR(VLOOKUP(A2, Usage!A:C, 2, FALSE), 0)'],
    ]);
    expect(rt.spreadsheet._sheetValues('Health').slice(0, 2)).toEqual([
      [103, 250],
      [999, 0],
    ]);
    const execution = rt.executions[rt.executions.length - 1];
    // One getRows: a batch shorter than asked for is the last.
    expect(execution.calls.get('Jdbc.JdbcResultSet.getRows')).toBe(1);
    expect(execution.calls.get('Jdbc.JdbcResultSet.next') ?? 0).toBe(0);
  });
});
