/** Library rows (write, read, validate), search and the change descriptions. */
import { describeChange, changedFields } from '../../../src/core/library/changes';
import {
  LIBRARY_COLUMNS,
  queryToRow,
  readLibraryRows,
  rowToQuery,
  type StoredQuery,
} from '../../../src/core/library/query-row';
import { filterQueries, matchesSearch } from '../../../src/core/library/search';

const BASE: StoredQuery = {
  id: 'q-1',
  name: '売上',
  description: 'Revenue',
  dataSourceId: 'ds',
  sql: '=SELECT 1 -- x',
  parameters: [{ name: 'since', type: 'date', default: 'today' }],
  schedule: '',
  tags: ['finance', 'ＫＰＩ'],
  owner: 'a@x',
  createdBy: 'a@x',
  createdAt: '2024-03-01T00:00:00.000Z',
  updatedBy: 'a@x',
  updatedAt: '2024-03-02T00:00:00.000Z',
  version: 2,
  archived: false,
  lastRun: { at: '2024-03-02T00:00:00.000Z', ok: true, rows: 5, message: '' },
};

/** What getValues gives back for a row written with queryToRow (the apostrophe is not part of the value). */
function asRead(row: unknown[]): unknown[] {
  return row.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v));
}

describe('library rows', () => {
  it('round-trips a query, every text written as literal text', () => {
    const row = queryToRow(BASE);
    expect(row).toHaveLength(LIBRARY_COLUMNS.length);
    expect(row[LIBRARY_COLUMNS.indexOf('sql')]).toBe("'=SELECT 1 -- x");
    expect(rowToQuery(asRead(row), 2)).toEqual({ ok: true, row: 2, query: { ...BASE, tags: ['finance', 'ＫＰＩ'] } });
  });

  it('reports what is wrong with a hand-edited row, and skips blank rows', () => {
    const row = asRead(queryToRow(BASE));
    row[LIBRARY_COLUMNS.indexOf('id')] = '';
    row[LIBRARY_COLUMNS.indexOf('parameters')] = '[{"name":"x","type":"colour"}]';
    row[LIBRARY_COLUMNS.indexOf('version')] = 'two';
    row[LIBRARY_COLUMNS.indexOf('archived')] = 'maybe';
    row[LIBRARY_COLUMNS.indexOf('updatedAt')] = 'yesterday-ish';
    const read = rowToQuery(row, 7);
    expect(read.ok).toBe(false);
    if (read.ok !== false) return;
    expect(read.problems.map((p) => p.key)).toEqual([
      'library.broken.noId',
      'library.broken.badJson',
      'library.broken.badVersion',
      'library.broken.badFlag',
      'library.broken.badDate',
    ]);
    expect(rowToQuery(Array(LIBRARY_COLUMNS.length).fill(''), 9)).toEqual({ ok: 'blank', row: 9 });
  });

  it('accepts a date Sheets parsed and a TRUE typed by hand', () => {
    const row = asRead(queryToRow(BASE));
    row[LIBRARY_COLUMNS.indexOf('createdAt')] = new Date('2024-03-01T00:00:00Z');
    row[LIBRARY_COLUMNS.indexOf('archived')] = 'TRUE';
    const read = rowToQuery(row, 2);
    expect(read.ok === true && read.query.archived).toBe(true);
  });

  it('reports a duplicated id as broken, keeping the first', () => {
    const rows = readLibraryRows([
      [...LIBRARY_COLUMNS],
      asRead(queryToRow(BASE)),
      asRead(queryToRow({ ...BASE, name: 'dup' })),
    ]);
    expect(rows[0].ok).toBe(true);
    expect(rows[1]).toMatchObject({
      ok: false,
      row: 3,
      problems: [{ key: 'library.broken.duplicateId', vars: { id: 'q-1', other: 2 } }],
    });
  });
});

describe('search', () => {
  const q = (over: Partial<StoredQuery>): StoredQuery => ({ ...BASE, ...over });
  it('matches every word in name, description, tags or SQL, NFKC and case-insensitive', () => {
    expect(matchesSearch(q({ sql: 'SELECT ｶﾀｶﾅ' }), 'カタカナ')).toBe(true);
    expect(matchesSearch(q({}), 'ｒｅｖｅｎｕｅ 売上')).toBe(true);
    expect(matchesSearch(q({}), 'kpi')).toBe(true);
    expect(matchesSearch(q({}), 'revenue missing')).toBe(false);
  });

  it('filters mine, archived, tag and recent, newest first', () => {
    const list = [
      q({ id: '1', owner: 'a@x', updatedAt: '2024-01-01T00:00:00Z' }),
      q({ id: '2', owner: 'b@x', updatedAt: '2024-02-01T00:00:00Z' }),
      q({ id: '3', owner: 'a@x', archived: true }),
      q({ id: '4', owner: 'A@X', tags: ['ops'], updatedAt: '2024-03-01T00:00:00Z' }),
    ];
    const ids = (opts: Parameters<typeof filterQueries>[1]) => filterQueries(list, opts).map((x) => x.id);
    expect(ids({ userEmail: 'a@x' })).toEqual(['4', '2', '1']);
    expect(ids({ userEmail: 'a@x', filter: 'mine' })).toEqual(['4', '1']);
    expect(ids({ userEmail: '', filter: 'mine' })).toEqual([]);
    expect(ids({ userEmail: 'a@x', filter: 'archived' })).toEqual(['3']);
    expect(ids({ userEmail: 'a@x', tag: 'ＯＰＳ' })).toEqual(['4']);
  });
});

describe('changes', () => {
  it('lists the changed fields and describes codes in both languages', () => {
    expect(changedFields(BASE, { ...BASE, sql: 'x', tags: [] })).toEqual(['sql', 'tags']);
    expect(describeChange('fields:sql,tags', 'en')).toBe('Changed SQL, tags');
    expect(describeChange('fields:sql,tags', 'ja')).toBe('変更: SQL, タグ');
    expect(describeChange('fields:', 'en')).toBe('Saved without changes');
    expect(describeChange('forked:売上', 'ja')).toBe('「売上」からコピー');
    expect(describeChange('restored:3', 'en')).toBe('Restored version 3');
  });
});
