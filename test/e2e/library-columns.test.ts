/**
 * The library's hidden sheets find their columns by header key: a person who moves a column,
 * adds one of their own or deletes one loses nothing, and the add-on keeps reading and writing
 * the right cells.
 */
import type { QueryView, SaveQueryAnswer } from '../../src/shared/api-types';
import type { SheetFake } from '../../emulator/src/services/spreadsheet/sheet';
import { api } from '../helpers/api';
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';
import { setupWithDataSource } from '../helpers/refresh';
import { disposeRuntimes } from '../helpers/runtimes';

afterAll(disposeRuntimes);

type Sheet = SheetFake;

/** What a person's cut and paste of a whole column to the end does. */
function moveColumnToEnd(sheet: Sheet, column: number): void {
  const rows = sheet.getLastRow();
  const values = sheet.getRange(1, column, rows, 1).getValues();
  sheet.insertColumnAfter(sheet.getLastColumn());
  sheet.getRange(1, sheet.getLastColumn() + 1, rows, 1).setValues(values);
  sheet.deleteColumn(column);
}

function saved(answer: SaveQueryAnswer): QueryView {
  if (!('saved' in answer)) throw new Error('expected a save, got a conflict');
  return answer.saved;
}

describe.each(enabledEngines().map((e) => [e.name, e] as const))('library columns on %s', (_name, engine) => {
  let db: TestDatabase;
  beforeAll(() => {
    db = createTestDatabase(engine);
  });
  afterAll(() => db?.drop());

  it('reads and writes by header after columns are moved, added and deleted by hand', () => {
    const { rt, dataSourceId } = setupWithDataSource(db);
    const first = saved(api(rt, 'saveQuery', { name: 'Count', dataSourceId, sql: 'SELECT 1 AS n' }));
    const sheet = rt.spreadsheet._sheet('Sheetdash queries')!;
    const header = () => rt.spreadsheet._sheetValues('Sheetdash queries')[0];
    // A person puts a notes column first, moves "sql" to the end and deletes "tags".
    sheet.insertColumnBefore(1);
    sheet.getRange(1, 1, 2, 1).setValues([['notes'], ['ask Ann before editing']]);
    const sqlColumn = header().indexOf('sql') + 1;
    moveColumnToEnd(sheet, sqlColumn);
    sheet.deleteColumn(header().indexOf('tags') + 1);
    expect(header().at(-1)).toBe('sql');

    expect(api(rt, 'getQuery', { id: first.id })).toMatchObject({ name: 'Count', sql: 'SELECT 1 AS n', tags: [] });
    const second = saved(
      api(rt, 'saveQuery', {
        id: first.id,
        baseVersion: first.version,
        name: 'Count v2',
        dataSourceId,
        sql: 'SELECT 2 AS n',
        tags: ['kpi'],
      }),
    );
    expect(second).toMatchObject({ name: 'Count v2', sql: 'SELECT 2 AS n', tags: ['kpi'], version: 2 });
    const run = api(rt, 'runQuery', { id: first.id });
    expect(run).toMatchObject({ ok: true, rows: 1 });

    const values = rt.spreadsheet._sheetValues('Sheetdash queries');
    expect(values[0][0]).toBe('notes');
    expect(values[1][0]).toBe('ask Ann before editing');
    expect(values[0].at(-1)).toBe('tags');
    expect(values[1][values[0].indexOf('sql')]).toBe('SELECT 2 AS n');
    expect(values[1][values[0].indexOf('tags')]).toBe('kpi');
    const list = api(rt, 'listQueries', { filter: 'all' });
    expect(list.map((q) => [q.name, q.lastRun?.ok])).toEqual([['Count v2', true]]);

    const versions = rt.spreadsheet._sheet('Sheetdash query versions')!;
    moveColumnToEnd(versions, 1); // queryId to the end
    expect(api(rt, 'listVersions', { id: first.id }).map((v) => v.version)).toEqual([2, 1]);
    expect(api(rt, 'restoreVersion', { id: first.id, version: 1 })).toMatchObject({ sql: 'SELECT 1 AS n' });
  });
});
