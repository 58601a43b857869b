/**
 * The local playground without a browser: the demo dataset is deterministic with its planted
 * inconsistencies, `startPlayground` seeds PGlite and creates the demo content through the
 * real API, the HTTP bridge answers as google.script.run does, the check query finds exactly
 * the planted rows, no password reaches the page, and a restart finds the same state.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateDemoData, demoStatements } from '../../../emulator/playground/demo/dataset';
import { DEMO_PASSWORD, DEMO_QUERIES } from '../../../emulator/playground/demo/content';
import { startPlayground, type Playground } from '../../../emulator/playground/server';
import { injectShim } from '../../../emulator/playground/bridge';

jest.setTimeout(120_000);

describe('the demo dataset', () => {
  it('is the same on every run, several thousand rows, with the planted inconsistencies', () => {
    const a = generateDemoData();
    expect(JSON.stringify(generateDemoData())).toBe(JSON.stringify(a));
    expect(a.companies).toHaveLength(300);
    const total = a.plans.length + a.companies.length + a.users.length + a.logins.length + a.invoices.length + a.payments.length;
    expect(total).toBeGreaterThan(10_000);
    expect(a.planted.paidTwice).toHaveLength(4);
    expect(a.planted.amountMismatch).toHaveLength(3);
    expect(a.planted.usersActiveAfterDeletion).toHaveLength(3);
    for (const id of a.planted.paidTwice) expect(a.payments.filter((p) => p.invoice_id === id)).toHaveLength(2);
    expect(demoStatements(a)[0]).toBe('DROP SCHEMA IF EXISTS demo CASCADE');
    expect(JSON.stringify(generateDemoData(1))).not.toBe(JSON.stringify(a));
  });
});

describe('the shim injection', () => {
  it('puts the shim first in <head>, or adds a head', () => {
    expect(injectShim('<!DOCTYPE html><html><head><script>x()</script></head></html>', ['f'])).toMatch(/^<!DOCTYPE html><html><head><script data-playground-shim>[\s\S]*<\/script><script>x\(\)/);
    expect(injectShim('<html lang="en"><body>hi</body></html>', ['f'])).toMatch(/^<html lang="en"><head><script data-playground-shim>/);
    expect(injectShim('<p>bare</p>', ['f'])).toMatch(/^<script data-playground-shim>[\s\S]*<p>bare<\/p>$/);
  });
});

type Bridged = { ok: true; value: unknown } | { ok: false; error: { name: string; message: string } };
type ApiAnswer<T> = { ok: true; value: T } | { ok: false; error: string };

describe('startPlayground', () => {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheetdash-playground-test-'));
  const logs: string[] = [];
  let pg: Playground;

  const get = async (p: string) => fetch(new URL(p, pg.url));
  const state = async (query = '') => (await (await get(`/__playground/state${query}`)).json()) as {
    version: number;
    sheets: { name: string; sheetId: number; hidden: boolean }[];
    sheet: string;
    values: string[][];
    menus: { title: string; items: { caption: string; functionName: string }[] }[];
    sidebar: { title: string; version: number } | null;
    receiverUrl: string;
  };
  const post = async (p: string, body: unknown) => fetch(new URL(p, pg.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const run = async (fn: string, args: unknown[]) => (await (await post('/__playground/run', { fn, args })).json()) as Bridged;
  async function api<T>(method: string, payload?: unknown): Promise<T> {
    const bridged = await run('sheetdashApi', payload === undefined ? [method] : [method, payload]);
    if (!bridged.ok) throw new Error(bridged.error.message);
    const answer = bridged.value as ApiAnswer<T>;
    if (!answer.ok) throw new Error(`${method}: ${answer.error}`);
    return answer.value;
  }

  beforeAll(async () => {
    pg = await startPlayground({ port: 0, stateDir, log: (l) => logs.push(l) });
  });
  afterAll(async () => {
    await pg?.close();
    fs.rmSync(stateDir, { recursive: true, force: true });
  });

  it('seeds the demo database and creates the demo content through the API', async () => {
    expect(logs).toContain('Seeded the demo database (schema demo, version 3).');
    expect(pg.setupProblems).toEqual([]);
    const sources = await api<{ id: string; name: string; options: Record<string, unknown> }[]>('listDataSources');
    expect(sources.map((s) => s.name)).toEqual(['Demo DB']);
    expect(sources[0].options).toMatchObject({ host: 'embedded.sheetdash.local', port: 5432, database: 'postgres', user: 'postgres' });
    expect(sources[0].options.password).not.toBe(DEMO_PASSWORD);
    const queries = await api<{ name: string }[]>('listQueries', { filter: 'all' });
    expect(queries.map((q) => q.name).sort()).toEqual(DEMO_QUERIES.map((q) => q.name).sort());
    const s = await state('?sheet=Customers');
    expect(s.values[0]).toEqual(['company_id', 'company', 'sales_owner', 'stage', 'contract_start', 'memo']);
    expect(s.values).toHaveLength(6);
    expect(s.values[1][1]).toBe(generateDemoData().companies[11].name);
  });

  it('shows the tabs (hidden ones marked), the add-on menu and the sidebar opened by the menu item', async () => {
    const s = await state();
    expect(s.sheets.filter((x) => x.hidden).length).toBeGreaterThanOrEqual(1);
    expect(s.sheets.find((x) => x.name === 'Customers')).toMatchObject({ hidden: false });
    expect(s.menus[0].items).toContainEqual(expect.objectContaining({ functionName: 'showSidebar' }));
    expect(s.sidebar).toMatchObject({ title: 'Sheetdash', version: 1 });
    expect(s.receiverUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/__receiver\/$/);
    const page = await (await get('/')).text();
    expect(page).toContain('data-testid="tab-bar"');
    const sidebar = await (await get('/sidebar')).text();
    expect(sidebar.indexOf('data-playground-shim')).toBeLessThan(sidebar.indexOf('<script', sidebar.indexOf('data-playground-shim') + 30));
    expect(sidebar).toContain('"sheetdashApi"');
  });

  it('answers as google.script.run does: values, ScriptErrors, and only listed menu items', async () => {
    expect(await run('nope', [])).toEqual({ ok: false, error: { name: 'ScriptError', message: expect.stringContaining('Script function not found: nope') } });
    expect(await run('helper_', [])).toMatchObject({ ok: false, error: { name: 'ScriptError' } });
    const unknown = await run('sheetdashApi', ['noSuchMethod']);
    expect(unknown).toMatchObject({ ok: true, value: { ok: false } });
    expect((await post('/__playground/menu', { functionName: 'onOpen' })).status).toBe(400);
    expect((await post('/__playground/run', { fn: 1 })).status).toBe(400);

    const before = await state();
    await post('/__playground/close', {});
    expect((await state()).sidebar).toBeNull();
    expect(await (await post('/__playground/menu', { functionName: 'showSidebar' })).json()).toEqual({ ok: true });
    const after = await state();
    expect(after.sidebar?.version).toBe((before.sidebar?.version ?? 0) + 1);
    expect(after.version).toBeGreaterThan(before.version);
  });

  it('runs the check query, which finds exactly the planted inconsistencies', async () => {
    const queries = await api<{ id: string; name: string }[]>('listQueries', { search: 'consistency' });
    const check = queries.find((q) => q.name === 'Billing consistency check')!;
    const result = await api<{ ok: boolean; rows: number; sheetName: string; message: string }>('runQuery', { id: check.id });
    expect(result.message).toBe('');
    expect(result).toMatchObject({ ok: true, rows: 10 });
    const tab = await state(`?sheet=${encodeURIComponent(result.sheetName)}`);
    expect(tab.sheet).toBe(result.sheetName);
    const planted = generateDemoData().planted;
    const byProblem = (p: string, col: number) => tab.values.filter((r) => r[0] === p).map((r) => Number(r[col])).sort((a, b) => a - b);
    expect(byProblem('paid twice', 1)).toEqual(planted.paidTwice);
    expect(byProblem('paid amount differs', 1)).toEqual(planted.amountMismatch);
    expect(byProblem('login after company deleted', 2)).toEqual(planted.usersActiveAfterDeletion);
  });

  it('previews the {{ since }} query with a date value', async () => {
    const queries = await api<{ id: string; name: string }[]>('listQueries', { search: 'New companies' });
    const view = await api<{ sql: string; dataSourceId: string; parameters: unknown[] }>('getQuery', { id: queries[0].id });
    const preview = await api<{ rowCount: number; columns: string[] }>('previewQuery', { dataSourceId: view.dataSourceId, sql: view.sql, parameters: view.parameters, values: { since: '2025-10-01' } });
    const expected = generateDemoData().companies.filter((c) => c.created_at >= '2025-10-01').length;
    expect(preview.columns).toEqual(['id', 'name', 'plan', 'country', 'created_at']);
    expect(preview.rowCount).toBe(expected);
  });

  it('fires the tick trigger once scheduled refreshes are on, so scheduled queries refresh', async () => {
    expect(await (await post('/__playground/menu', { functionName: 'turnOnSchedule' })).json()).toEqual({ ok: true });
    const source = (await api<{ id: string }[]>('listDataSources'))[0];
    await api('saveQuery', { name: 'Plans every 5 minutes', dataSourceId: source.id, sql: 'SELECT name FROM demo.plans ORDER BY name', schedule: 'every 5 minutes', parameters: [], tags: [] });
    expect((await state()).sheets.map((s) => s.name)).not.toContain('Plans every 5 minutes');
    pg.runtime.clock.advance(6 * 60_000);
    expect(pg.fireDueTriggers()).toBe(1);
    expect((await state()).sheets.map((s) => s.name)).toContain('Plans every 5 minutes');
    expect(pg.fireDueTriggers()).toBe(0);
  });

  it('never sends the stored password to the page', async () => {
    for (const p of ['/', '/sidebar', '/__playground/state', '/__playground/state?sheet=Customers']) {
      expect(await (await get(p)).text()).not.toContain(DEMO_PASSWORD);
    }
    for (const sheet of (await state()).sheets) {
      expect(JSON.stringify(await state(`?sheet=${encodeURIComponent(sheet.name)}`))).not.toContain(DEMO_PASSWORD);
    }
  });

  it('comes back after a restart with the same queries, tabs and data source, without seeding again', async () => {
    const queriesBefore = await api<{ id: string }[]>('listQueries', { filter: 'all' });
    const tabsBefore = (await state()).sheets.map((s) => s.name);
    await pg.close();
    logs.length = 0;
    pg = await startPlayground({ port: 0, stateDir, log: (l) => logs.push(l) });
    expect(logs).toContain('Demo database already seeded.');
    expect((await state()).sheets.map((s) => s.name)).toEqual(tabsBefore);
    expect((await api<{ id: string }[]>('listQueries', { filter: 'all' })).map((q) => q.id).sort()).toEqual(queriesBefore.map((q) => q.id).sort());
    expect((await api<unknown[]>('listDataSources')).length).toBe(1);
    const test = await api<{ ok: boolean }>('testDataSource', { id: (await api<{ id: string }[]>('listDataSources'))[0].id });
    expect(test.ok).toBe(true);
  });
});
