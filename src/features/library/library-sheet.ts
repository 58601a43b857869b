/**
 * The two hidden sheets of the query library, found by their developer-metadata tags: the
 * library (one row per query) and its versions (one row per saved version). Rows are found by
 * query id with one read of the sheet, never by position alone, so sorting or filtering the
 * sheet by hand does not break anything.
 */
import { activeSpreadsheet, findTaggedSheet, freeSheetName, tagSheet, type Sheet } from '../../adapters/sheets';
import { LIBRARY_COLUMNS, queryToRow, readLibraryRows, type RowRead, type StoredQuery } from '../../core/library/query-row';
import { literalText, MAX_CELL_CHARS } from '../../core/values/cell-value';

export const LIBRARY_KEY = 'sheetdash.library';
export const VERSIONS_KEY = 'sheetdash.library.versions';
const LIBRARY_TAB = 'Sheetdash queries';
const VERSIONS_TAB = 'Sheetdash query versions';
export const VERSION_COLUMNS = ['queryId', 'version', 'savedBy', 'savedAt', 'change', 'sql', 'query'] as const;

function hiddenTab(key: string, name: string, headers: readonly string[], create: boolean): Sheet | null {
  const found = findTaggedSheet(key);
  if (found || !create) return found;
  const ss = activeSpreadsheet();
  const sheet = ss.insertSheet(freeSheetName(name), ss.getNumSheets());
  tagSheet(sheet, key, '1');
  sheet.getRange(1, 1, 1, headers.length).setValues([headers.map((h) => literalText(h))]);
  sheet.setFrozenRows(1);
  sheet.hideSheet();
  return sheet;
}

export function librarySheet(create: boolean): Sheet | null {
  return hiddenTab(LIBRARY_KEY, LIBRARY_TAB, LIBRARY_COLUMNS, create);
}

function allValues(sheet: Sheet, columns: number): unknown[][] {
  const rows = sheet.getLastRow();
  if (rows < 1) return [];
  return sheet.getRange(1, 1, rows, columns).getValues();
}

/** Every row of the library, read and checked (one getValues). */
export function readLibrary(): { sheet: Sheet | null; rows: RowRead[] } {
  const sheet = librarySheet(false);
  if (!sheet) return { sheet: null, rows: [] };
  return { sheet, rows: readLibraryRows(allValues(sheet, LIBRARY_COLUMNS.length)) };
}

export function findQuery(id: string): { sheet: Sheet; row: number; query: StoredQuery } | null {
  const { sheet, rows } = readLibrary();
  if (!sheet) return null;
  for (const read of rows) if (read.ok === true && read.query.id === id) return { sheet, row: read.row, query: read.query };
  return null;
}

/** Writes a query over its row (found by id just before, under the lock), or appends it. */
export function writeQuery(query: StoredQuery, row: number | null): void {
  const sheet = librarySheet(true)!;
  const target = row ?? Math.max(sheet.getLastRow(), 1) + 1;
  if (target > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), target - sheet.getMaxRows());
  sheet.getRange(target, 1, 1, LIBRARY_COLUMNS.length).setValues([queryToRow(query)]);
}

/** Only the last-run cell of a row. */
export function writeLastRun(sheet: Sheet, row: number, lastRun: StoredQuery['lastRun']): void {
  sheet.getRange(row, LIBRARY_COLUMNS.indexOf('lastRun') + 1).setValue(literalText(lastRun ? JSON.stringify(lastRun) : ''));
}

export interface StoredVersion {
  queryId: string;
  version: number;
  savedBy: string;
  savedAt: string;
  change: string;
  query: StoredQuery;
}

export function appendVersion(version: StoredVersion): void {
  const sheet = hiddenTab(VERSIONS_KEY, VERSIONS_TAB, VERSION_COLUMNS, true)!;
  const { sql, lastRun: _lastRun, ...rest } = version.query;
  const target = Math.max(sheet.getLastRow(), 1) + 1;
  if (target > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), target - sheet.getMaxRows());
  const restJson = JSON.stringify(rest);
  sheet.getRange(target, 1, 1, VERSION_COLUMNS.length).setValues([[
    literalText(version.queryId), version.version, literalText(version.savedBy), literalText(version.savedAt),
    literalText(version.change), literalText(sql), literalText(restJson.length < MAX_CELL_CHARS ? restJson : JSON.stringify({ ...rest, parameters: [] })),
  ]]);
}

/** The versions of one query, oldest first; rows that cannot be read are skipped. */
export function readVersions(queryId: string): StoredVersion[] {
  const sheet = hiddenTab(VERSIONS_KEY, VERSIONS_TAB, VERSION_COLUMNS, false);
  if (!sheet) return [];
  const out: StoredVersion[] = [];
  allValues(sheet, VERSION_COLUMNS.length).forEach((row, i) => {
    if (i === 0 || String(row[0]) !== queryId) return;
    try {
      const rest = JSON.parse(String(row[6])) as Omit<StoredQuery, 'sql' | 'lastRun'>;
      const version = Number(row[1]);
      if (!Number.isInteger(version) || typeof rest !== 'object' || rest === null) return;
      out.push({
        queryId,
        version,
        savedBy: String(row[2] ?? ''),
        savedAt: row[3] instanceof Date ? row[3].toISOString() : String(row[3] ?? ''),
        change: String(row[4] ?? ''),
        query: { ...rest, id: queryId, version, sql: String(row[5] ?? ''), lastRun: null },
      });
    } catch {
      // a hand-edited version row is skipped; the others stay usable
    }
  });
  return out.sort((a, b) => a.version - b.version);
}
