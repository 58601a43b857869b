/**
 * Google's limit of 10 million cells per spreadsheet is checked before a refresh grows any grid,
 * from the tabs' sizes, so the refusal does not depend on the text of Apps Script's error (which
 * is in the user's language): the previous result stays, and no grid was grown.
 */
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';
import { lastExecution, setupWithDataSource } from '../helpers/refresh';
import { disposeRuntimes } from '../helpers/runtimes';

afterAll(disposeRuntimes);

const LIMIT = 10_000_000;

describe.each(enabledEngines().map((e) => [e.name, e] as const))('the workbook limit on %s', (_name, engine) => {
  let db: TestDatabase;
  beforeAll(() => {
    db = createTestDatabase(engine);
  });
  afterAll(() => db?.drop());

  function series(rows: number, columns: number): string {
    const cols = Array.from({ length: columns }, (_, i) => `n + ${i} AS c${i}`).join(', ');
    const source =
      db.kind === 'mysql' ? `(SELECT seq AS n FROM seq_1_to_${rows}) s` : `generate_series(1, ${rows}) AS s(n)`;
    return `SELECT ${cols} FROM ${source} ORDER BY n`;
  }

  /** A runtime whose Result tab holds 3 rows and whose workbook has `room` cells left. */
  function nearlyFull(room: number) {
    const setup = setupWithDataSource(db);
    expect(setup.refresh(series(3, 2)).ok).toBe(true);
    const ss = setup.rt.spreadsheet._active();
    const big = ss.insertSheet('Big');
    const used = ss.getSheets().reduce((sum, s) => sum + s.getMaxRows() * s.getMaxColumns(), 0);
    const rows = Math.floor((LIMIT - used - room) / big.getMaxColumns());
    big.insertRowsAfter(big.getMaxRows(), rows);
    const left = LIMIT - ss.getSheets().reduce((sum, s) => sum + s.getMaxRows() * s.getMaxColumns(), 0);
    return { ...setup, before: setup.rt.spreadsheet._sheetValues('Result'), left };
  }

  it('refuses a one-write result that needs a bigger grid, before growing it', () => {
    const { rt, refresh, before, left } = nearlyFull(5_000);
    // 2,000 rows and the header need 1,001 more rows of the Result tab's 26 columns: 26,026 cells.
    const result = refresh(series(2_000, 1));
    expect(result.ok).toBe(false);
    const needed = (LIMIT - left + 1_001 * 26).toLocaleString('en-US');
    expect(result.message).toBe(
      `The spreadsheet would pass Google's limit of 10,000,000 cells. Delete unused tabs or narrow the query (${needed} cells needed).`,
    );
    expect(lastExecution(rt).callsOf('SpreadsheetApp.Sheet.insertRowsAfter')).toBe(0);
    expect(rt.spreadsheet._sheetValues('Result')).toEqual(before);
    // A result that fits the grid as it is still runs.
    expect(refresh(series(900, 1)).ok).toBe(true);
  });

  it('refuses a result that needs a staging tab when the workbook has no room for one', () => {
    const { rt, refresh, before } = nearlyFull(20_000);
    const result = refresh(series(30_000, 2));
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^The spreadsheet would pass Google's limit of 10,000,000 cells\./);
    expect(lastExecution(rt).callsOf('SpreadsheetApp.Spreadsheet.insertSheet')).toBe(0);
    expect(rt.spreadsheet._sheetNames().filter((n) => n.startsWith('sheetdash-staging-'))).toEqual([]);
    expect(rt.spreadsheet._sheetValues('Result')).toEqual(before);
  });
});
