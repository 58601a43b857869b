/**
 * The local playground without a browser: the demo dataset ends on the date it is given (today
 * by default, so relative dates find rows), is deterministic for a given date and keeps its
 * planted inconsistencies; `startPlayground` seeds PGlite and creates the demo content through
 * the real API, the HTTP bridge answers as google.script.run does, the check query finds exactly
 * the planted rows, no password reaches the page, the page gets toasts and cell notes, and a
 * restart finds the same state (seeding again only for a new day).
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { type DemoData, demoAnchor, demoStatements, generateDemoData } from '../../../emulator/playground/demo/dataset';
import {
  CUSTOMERS_HEADER,
  DEMO_DESTINATION,
  DEMO_PASSWORD,
  DEMO_QUERIES,
  customersRows,
} from '../../../emulator/playground/demo/content';
import { startPlayground, type Playground } from '../../../emulator/playground/server';
import { injectShim } from '../../../emulator/playground/bridge';

jest.setTimeout(120_000);

const DAY = 86_400_000;
const daysBefore = (anchor: string, days: number) =>
  new Date(Date.parse(`${anchor}T00:00:00Z`) - days * DAY).toISOString().slice(0, 10);

/** Logins not planted after a deletion (those may fall after the anchor on purpose). */
const ordinaryLogins = (data: DemoData) =>
  data.logins.filter((l) => !data.planted.usersActiveAfterDeletion.includes(l.user_id));

describe('the demo dataset', () => {
  it('is the same for the same date, several thousand rows, with the planted inconsistencies', () => {
    const a = generateDemoData('2026-03-15');
    expect(JSON.stringify(generateDemoData('2026-03-15'))).toBe(JSON.stringify(a));
    expect(a.anchor).toBe('2026-03-15');
    expect(a.companies).toHaveLength(300);
    const total =
      a.plans.length + a.companies.length + a.users.length + a.logins.length + a.invoices.length + a.payments.length;
    expect(total).toBeGreaterThan(10_000);
    expect(a.planted.paidTwice).toHaveLength(4);
    expect(a.planted.amountMismatch).toHaveLength(3);
    expect(a.planted.usersActiveAfterDeletion).toHaveLength(3);
    for (const id of a.planted.paidTwice) expect(a.payments.filter((p) => p.invoice_id === id)).toHaveLength(2);
    expect(demoStatements(a)[0]).toBe('DROP SCHEMA IF EXISTS demo CASCADE');
    expect(demoStatements(a).at(-1)).toBe("INSERT INTO demo.seed_info VALUES (4, '2026-03-15')");
    expect(JSON.stringify(generateDemoData('2026-03-15', 1))).not.toBe(JSON.stringify(a));
  });

  it.each(['2026-03-15', '2027-08-01', demoAnchor()])(
    'ends on its date (%s): the last week has logins, nothing lies ahead',
    (anchor) => {
      const data = generateDemoData(anchor);
      const logins = ordinaryLogins(data).map((l) => l.logged_in_at.slice(0, 10));
      expect(logins.filter((d) => d > anchor)).toEqual([]);
      expect(logins.filter((d) => d >= daysBefore(anchor, 7)).length).toBeGreaterThan(20);
      expect(data.companies.every((c) => c.created_at.slice(0, 10) <= anchor)).toBe(true);
      expect(data.invoices.every((i) => i.issued_on <= anchor)).toBe(true);
      expect(data.invoices.some((i) => i.issued_on >= daysBefore(anchor, 31))).toBe(true);
      expect(data.companies.map((c) => c.name)).toEqual(generateDemoData('2026-03-15').companies.map((c) => c.name));
      expect(data.planted.paidTwice).toHaveLength(4);
      expect(data.planted.amountMismatch).toHaveLength(3);
      expect(data.planted.usersActiveAfterDeletion).toHaveLength(3);
    },
  );

  it('dates the Customers tab before the data ends, and refuses an anchor that is not a date', () => {
    const rows = customersRows(generateDemoData('2026-03-15'));
    expect(rows[0]).toEqual(CUSTOMERS_HEADER);
    expect(rows.slice(1).map((r) => r[4])).toEqual([
      '2025-12-15',
      '2025-02-28',
      '2025-04-19',
      '2026-02-13',
      '2024-08-22',
    ]);
    expect(() => generateDemoData('last tuesday')).toThrow('YYYY-MM-DD');
  });
});

describe('the shim injection', () => {
  it('puts the shim first in <head>, or adds a head', () => {
    expect(injectShim('<!DOCTYPE html><html><head><script>x()</script></head></html>', ['f'])).toMatch(
      /^<!DOCTYPE html><html><head><script data-playground-shim>[\s\S]*<\/script><script>x\(\)/,
    );
    expect(injectShim('<html lang="en"><body>hi</body></html>', ['f'])).toMatch(
      /^<html lang="en"><head><script data-playground-shim>/,
    );
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
  const state = async (query = '') =>
    (await (await get(`/__playground/state${query}`)).json()) as {
      version: number;
      sheets: { name: string; sheetId: number; hidden: boolean }[];
      sheet: string;
      values: string[][];
      menus: { title: string; items: { caption: string; functionName: string }[] }[];
      sidebar: { title: string; version: number } | null;
      receiverUrl: string;
      notes: [number, number, string][];
      toastCount: number;
      toasts: { seq: number; message: string; title: string; timeoutSeconds: number | null }[];
    };
  const post = async (p: string, body: unknown) =>
    fetch(new URL(p, pg.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const run = async (fn: string, args: unknown[]) =>
    (await (await post('/__playground/run', { fn, args })).json()) as Bridged;
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

  it('seeds the demo database, with data up to today, and creates the demo content through the API', async () => {
    expect(pg.demoAnchor).toBe(demoAnchor());
    expect(logs).toContain(`Seeded the demo database (schema demo, version 4, data up to ${pg.demoAnchor}).`);
    expect(pg.setupProblems).toEqual([]);
    const sources = await api<{ id: string; name: string; options: Record<string, unknown> }[]>('listDataSources');
    expect(sources.map((s) => s.name)).toEqual(['Demo DB']);
    expect(sources[0].options).toMatchObject({
      host: 'embedded.sheetdash.local',
      port: 5432,
      database: 'postgres',
      user: 'postgres',
    });
    expect(sources[0].options.password).not.toBe(DEMO_PASSWORD);
    const queries = await api<{ name: string }[]>('listQueries', { filter: 'all' });
    expect(queries.map((q) => q.name).sort()).toEqual([...DEMO_QUERIES.map((q) => q.name), 'Health inputs'].sort());
    const s = await state('?sheet=Customers');
    expect(s.values[0]).toEqual(CUSTOMERS_HEADER);
    expect(s.values).toHaveLength(6);
    expect(s.values[1][1]).toBe(generateDemoData(pg.demoAnchor).companies[11].name);
    expect(s.values.slice(1).map((r) => r[4])).toEqual(
      customersRows(generateDemoData(pg.demoAnchor))
        .slice(1)
        .map((r) => r[4]),
    );
  });

  it('sends the demo band alerts to the demo Slack, and took a first snapshot so the chart has a point', async () => {
    const settings = await api<{ enabled: boolean; destinations: string[] }>('getHealthAlerts');
    const destinations = await api<{ id: string; name: string }[]>('listDestinations');
    const slack = destinations.find((d) => d.name === DEMO_DESTINATION.name);
    expect(settings).toMatchObject({ enabled: true, destinations: [slack?.id] });
    // One history row per scored customer, and one row of band counts (the chart's data) on the dashboard.
    expect((await state('?sheet=Health history')).values).toHaveLength(6);
    const trend = (await state('?sheet=Health dashboard')).values
      .slice(2)
      .filter((r) => r[9] !== '' && r[9] !== undefined);
    expect(trend).toHaveLength(1);
    expect(
      trend[0]
        .slice(10, 13)
        .map(Number)
        .reduce((a, b) => a + b, 0),
    ).toBe(5);
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
    expect(sidebar.indexOf('data-playground-shim')).toBeLessThan(
      sidebar.indexOf('<script', sidebar.indexOf('data-playground-shim') + 30),
    );
    expect(sidebar).toContain('"sheetdashApi"');
  });

  it('answers as google.script.run does: values, ScriptErrors, and only listed menu items', async () => {
    expect(await run('nope', [])).toEqual({
      ok: false,
      error: { name: 'ScriptError', message: expect.stringContaining('Script function not found: nope') },
    });
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

  it("refuses what another site or host name asks of it: only the playground's own page drives it", async () => {
    const cell = async () => (await state('?sheet=Sheet1')).values[0]?.[0] ?? '';
    const before = await cell();
    const edit = JSON.stringify({ sheet: 'Sheet1', row: 0, col: 0, value: 'from another site' });
    // what a page on another origin can send without a preflight: a no-cors POST, text/plain
    const plain = await fetch(new URL('/__playground/edit', pg.url), { method: 'POST', body: edit });
    expect(plain.status).toBe(415);
    const foreign = await fetch(new URL('/__playground/edit', pg.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:9999' },
      body: edit,
    });
    expect(foreign.status).toBe(403);
    // DNS rebinding: the right address, another host name
    const rebound = await new Promise<number>((resolve, reject) => {
      const target = new URL('/__playground/state', pg.url);
      http
        .get(
          { host: '127.0.0.1', port: target.port, path: target.pathname, headers: { Host: 'evil.example' } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        )
        .on('error', reject);
    });
    expect(rebound).toBe(403);
    expect(await cell()).toBe(before);
  });

  it('runs the check query, which finds exactly the planted inconsistencies', async () => {
    const queries = await api<{ id: string; name: string }[]>('listQueries', { search: 'consistency' });
    const check = queries.find((q) => q.name === 'Billing consistency check')!;
    const result = await api<{ ok: boolean; rows: number; sheetName: string; message: string }>('runQuery', {
      id: check.id,
    });
    expect(result.message).toBe('');
    expect(result).toMatchObject({ ok: true, rows: 10 });
    const tab = await state(`?sheet=${encodeURIComponent(result.sheetName)}`);
    expect(tab.sheet).toBe(result.sheetName);
    const planted = generateDemoData(pg.demoAnchor).planted;
    const byProblem = (p: string, col: number) =>
      tab.values
        .filter((r) => r[0] === p)
        .map((r) => Number(r[col]))
        .sort((a, b) => a - b);
    expect(byProblem('paid twice', 1)).toEqual(planted.paidTwice);
    expect(byProblem('paid amount differs', 1)).toEqual(planted.amountMismatch);
    expect(byProblem('login after company deleted', 2)).toEqual(planted.usersActiveAfterDeletion);
  });

  it('previews the {{ since }} query with a date value, and with its default "90 days ago"', async () => {
    const queries = await api<{ id: string; name: string }[]>('listQueries', { search: 'New companies' });
    const view = await api<{ sql: string; dataSourceId: string; parameters: { default?: string }[] }>('getQuery', {
      id: queries[0].id,
    });
    const since = daysBefore(pg.demoAnchor, 120);
    const preview = await api<{ rowCount: number; columns: string[] }>('previewQuery', {
      dataSourceId: view.dataSourceId,
      sql: view.sql,
      parameters: view.parameters,
      values: { since },
    });
    const companies = generateDemoData(pg.demoAnchor).companies;
    expect(preview.columns).toEqual(['id', 'name', 'plan', 'country', 'created_at']);
    expect(preview.rowCount).toBe(companies.filter((c) => c.created_at >= since).length);
    expect(preview.rowCount).toBeGreaterThan(10);
    expect(view.parameters[0].default).toBe('90 days ago');
    const byDefault = await api<{ rowCount: number }>('previewQuery', {
      dataSourceId: view.dataSourceId,
      sql: view.sql,
      parameters: view.parameters,
    });
    expect(byDefault.rowCount).toBeGreaterThan(5);
    expect(byDefault.rowCount).toBeLessThan(preview.rowCount);
  });

  it('finds rows with relative dates: logins since "7 days ago" and "7日前"', async () => {
    const source = (await api<{ id: string }[]>('listDataSources'))[0];
    const sql = 'SELECT COUNT(*) AS logins FROM demo.logins WHERE logged_in_at >= {{ since }}';
    for (const since of ['7 days ago', '7日前']) {
      const preview = await api<{ rows: string[][] }>('previewQuery', {
        dataSourceId: source.id,
        sql,
        parameters: [{ name: 'since', type: 'date' }],
        values: { since },
      });
      expect(Number(preview.rows[0][0])).toBeGreaterThan(20);
    }
    const logins = await api<{ rowCount: number }>('previewQuery', {
      dataSourceId: source.id,
      sql: DEMO_QUERIES[3].sql,
    });
    expect(logins.rowCount).toBeGreaterThan(50);
  });

  it("sends the add-on's toasts and the cell notes of the tab shown to the page", async () => {
    const before = (await state()).toastCount;
    expect(await (await post('/__playground/menu', { functionName: 'turnOnSchedule' })).json()).toEqual({ ok: true });
    const after = await state();
    expect(after.toastCount).toBe(before + 1);
    expect(after.toasts.at(-1)).toMatchObject({ seq: before, title: 'Sheetdash', timeoutSeconds: 10 });
    expect(after.toasts.at(-1)?.message).toContain('Scheduled refreshes are on');

    const queries = await api<{ id: string; name: string }[]>('listQueries', { search: 'Monthly revenue' });
    const result = await api<{ ok: boolean; sheetName: string }>('runQuery', { id: queries[0].id });
    const tab = await state(`?sheet=${encodeURIComponent(result.sheetName)}`);
    const a1 = tab.notes.find(([row, col]) => row === 0 && col === 0);
    expect(a1?.[2]).toContain('Monthly revenue');
    expect(tab.notes.every(([, , note]) => note !== '')).toBe(true);
    expect((await state('?sheet=Customers')).notes).toEqual([]);
  });

  it('fires the tick trigger once scheduled refreshes are on, so scheduled queries refresh', async () => {
    const source = (await api<{ id: string }[]>('listDataSources'))[0];
    await api('saveQuery', {
      name: 'Plans every 5 minutes',
      dataSourceId: source.id,
      sql: 'SELECT name FROM demo.plans ORDER BY name',
      schedule: 'every 5 minutes',
      parameters: [],
      tags: [],
    });
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
    expect((await api<{ id: string }[]>('listQueries', { filter: 'all' })).map((q) => q.id).sort()).toEqual(
      queriesBefore.map((q) => q.id).sort(),
    );
    expect((await api<unknown[]>('listDataSources')).length).toBe(1);
    const test = await api<{ ok: boolean }>('testDataSource', {
      id: (await api<{ id: string }[]>('listDataSources'))[0].id,
    });
    expect(test.ok).toBe(true);
  });

  it('seeds again for another day, and the check query still finds what was planted', async () => {
    await pg.close();
    logs.length = 0;
    pg = await startPlayground({ port: 0, stateDir, log: (l) => logs.push(l), demoDate: '2027-08-01' });
    expect(logs).toContain('Seeded the demo database (schema demo, version 4, data up to 2027-08-01).');
    const queries = await api<{ id: string; name: string }[]>('listQueries', { search: 'consistency' });
    const check = queries.find((q) => q.name === 'Billing consistency check');
    const result = await api<{ ok: boolean; rows: number; sheetName: string }>('runQuery', { id: check?.id });
    expect(result).toMatchObject({ ok: true, rows: 10 });
    const tab = await state(`?sheet=${encodeURIComponent(result.sheetName)}`);
    const planted = generateDemoData('2027-08-01').planted;
    const paidTwice = tab.values.filter((r) => r[0] === 'paid twice').map((r) => Number(r[1]));
    expect(paidTwice.sort((a, b) => a - b)).toEqual(planted.paidTwice);
  });
});
