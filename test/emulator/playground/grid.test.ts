/**
 * The playground server's grid without a browser: the state carries formulas, validations,
 * looks, locked ranges and charts; a person's edits and row changes go through `/__playground/edit`
 * and `/__playground/rows` (refusals answered, not failed), and a restart finds them and the chart.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startPlayground, type Playground } from '../../../emulator/playground/server';
import type { GridState } from '../../../emulator/playground/grid-state';
import type { SheetFake } from '../../../emulator/src/services/spreadsheet/sheet';

jest.setTimeout(120_000);

type State = GridState & { values: string[][]; version: number; editors: string[]; editAs: string };

describe('the playground grid server', () => {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheetdash-grid-server-'));
  let pg: Playground;

  const state = async (sheet: string): Promise<State> =>
    (await fetch(`${pg.url}__playground/state?sheet=${encodeURIComponent(sheet)}`)).json() as Promise<State>;
  const post = async (route: string, body: unknown) =>
    (
      await fetch(`${pg.url}__playground/${route}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).json() as Promise<{ ok: boolean; error?: { reason?: string; message: string }; triggers?: unknown[] }>;

  beforeAll(async () => {
    pg = await startPlayground({ port: 0, stateDir, log: () => undefined });
    const ss = pg.runtime.spreadsheet._active();
    const sheet = ss.getSheetByName('Customers') as unknown as SheetFake;
    const app = pg.runtime.spreadsheet.global as unknown as {
      newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder;
    };
    sheet
      .getRange('D2:D50')
      .setDataValidation(
        app.newDataValidation().requireValueInList(['Onboarding', 'Active']).setAllowInvalid(false).build() as never,
      );
    sheet.getRange('A1:F1').protect();
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType('COLUMN')
        .addRange(sheet.getRange('A1:A6'))
        .setOption('title', 'Ids')
        .setPosition(200, 1, 0, 0)
        .build(),
    );
  });

  afterAll(async () => {
    await pg?.close();
    fs.rmSync(stateDir, { recursive: true, force: true });
  });

  it('sends the grid state: size, validations, locked ranges for the chosen person, charts', async () => {
    const s = await state('Customers');
    // The chart is anchored far below the data: the grid does not grow to it (the page shows it after the table).
    expect(s.gridRows).toBe(s.values.length + 10);
    // The demo's health setup adds its own rules to the other Customers columns.
    const stage = s.validations.findIndex((v) => v.kind === 'list' && v.values.join() === 'Onboarding,Active');
    expect(s.validations[stage]).toEqual({
      kind: 'list',
      values: ['Onboarding', 'Active'],
      helpText: '',
      reject: true,
    });
    expect(s.cellValidations).toContainEqual([1, 3, stage]);
    // Values the script wrote before the rule existed and that break it are flagged, as Sheets marks them.
    const stages = s.values.slice(1).map((line) => line[3]);
    const invalidStages = s.invalid.filter(([, c]) => c === 3);
    expect(invalidStages.map(([r]) => s.values[r][3])).toEqual(
      stages.filter((v) => !['Onboarding', 'Active'].includes(v)),
    );
    expect(invalidStages.length).toBeGreaterThan(0);
    expect(s.locked).toEqual([]);
    expect(s.charts.map((c) => [c.type, c.title, c.categories.length])).toEqual([['COLUMN', 'Ids', 5]]);
    expect(s.editors[0]).toBe(s.editAs);
    expect((await post('edit-as', { email: 'sales@example.com' })).ok).toBe(true);
    expect((await state('Customers')).locked).toContainEqual({
      box: { row: 0, col: 0, numRows: 1, numCols: 6 },
      except: [],
    });
    const refused = await post('edit', { sheet: 'Customers', row: 0, col: 0, value: 'id' });
    expect(refused).toEqual({
      ok: false,
      error: { reason: 'protected', message: expect.stringContaining('protected') },
    });
    expect((await post('edit-as', { email: 'nobody@example.com' })).ok).toBe(false);
    await post('edit-as', { email: s.editors[0] });
  });

  it('applies edits and row changes as a person, and refuses what Sheets refuses', async () => {
    const before = (await state('Customers')).values.length;
    expect(await post('edit', { sheet: 'Customers', row: before, col: 0, value: '500' })).toEqual({
      ok: true,
      triggers: [],
    });
    await post('edit', { sheet: 'Customers', row: before, col: 6, value: `=A${before + 1}/2` });
    const bad = await post('edit', { sheet: 'Customers', row: before, col: 3, value: 'Gold' });
    expect(bad).toMatchObject({ ok: false, error: { reason: 'invalid' } });
    let s = await state('Customers');
    expect(s.values[before][0]).toBe('500');
    expect(s.values[before][6]).toBe('250');
    expect(s.formulas).toContainEqual([before, 6, `=A${before + 1}/2`]);
    expect((await post('rows', { sheet: 'Customers', row: 2, action: 'insertBelow' })).ok).toBe(true);
    s = await state('Customers');
    expect(s.values[2].every((v) => v === '')).toBe(true);
    expect(s.values[before + 1][6]).toBe('250');
    expect((await post('rows', { sheet: 'Customers', row: 1, action: 'delete' })).ok).toBe(true); // the owner may
    const json = { 'Content-Type': 'application/json' };
    const status = await fetch(`${pg.url}__playground/edit`, { method: 'POST', headers: json, body: '{"sheet": 1}' });
    expect(status.status).toBe(400);
    const outside = await fetch(`${pg.url}__playground/edit`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ sheet: 'Customers', row: 5000, col: 0, value: 'x' }),
    });
    expect(outside.status).toBe(400);
  });

  it('adds no empty rows to a tab the page only sees the start of', async () => {
    const ss = pg.runtime.spreadsheet._active();
    const big = ss.insertSheet('Big') as unknown as SheetFake;
    big.getRange(1, 1, 600, 1).setValues(Array.from({ length: 600 }, (_, i) => [i]));
    const s = await state('Big');
    expect(s.values).toHaveLength(500);
    expect(s.gridRows).toBe(500);
    ss.deleteSheet(big as never);
  });

  it('finds the edits and the chart after a restart', async () => {
    const s = await state('Customers');
    await pg.close();
    pg = await startPlayground({ port: 0, stateDir, log: () => undefined });
    const again = await state('Customers');
    expect(again.values).toEqual(s.values);
    expect(again.formulas).toEqual(s.formulas);
    expect(again.charts.map((c) => c.title)).toEqual(['Ids']);
  });
});
