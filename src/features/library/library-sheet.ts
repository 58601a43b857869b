/**
 * The two hidden sheets of the query library, found by their developer-metadata tags: the
 * library (one row per query) and its versions (one row per saved version). Rows are found by
 * query id with one read of the sheet, never by position alone, and columns by their header
 * key, so sorting, filtering or moving columns by hand does not break anything (a column a
 * person added keeps its cells).
 */
import { activeSpreadsheet, findTaggedSheet, insertFreeSheet, tagSheet, type Sheet } from '../../adapters/sheets';
import {
  LIBRARY_COLUMNS,
  queryCells,
  readLibraryRows,
  type RowRead,
  type StoredQuery,
  versionRecord,
} from '../../core/library/query-row';
import { cellOf, mapColumns } from '../../core/sheet-columns';
import { type CellValue, literalText } from '../../core/values/cell-value';
import { type TableColumns, tableColumns } from '../../adapters/sheet-table';

export const LIBRARY_KEY = 'sheetdash.library';
export const VERSIONS_KEY = 'sheetdash.library.versions';
const LIBRARY_TAB = 'Sheetdash queries';
const VERSIONS_TAB = 'Sheetdash query versions';
export const VERSION_COLUMNS = ['queryId', 'version', 'savedBy', 'savedAt', 'change', 'sql', 'query'] as const;
type VersionColumn = (typeof VERSION_COLUMNS)[number];

function hiddenTab(key: string, name: string, headers: readonly string[], create: boolean): Sheet | null {
  const found = findTaggedSheet(key);
  if (found || !create) return found;
  const ss = activeSpreadsheet();
  const sheet = insertFreeSheet(name, ss.getNumSheets()).sheet;
  tagSheet(sheet, key, '1', {});
  sheet.getRange(1, 1, 1, headers.length).setValues([headers.map((h) => literalText(h))]);
  sheet.setFrozenRows(1);
  sheet.hideSheet();
  return sheet;
}

export function librarySheet(create: boolean): Sheet | null {
  return hiddenTab(LIBRARY_KEY, LIBRARY_TAB, LIBRARY_COLUMNS, create);
}

/** Every cell of a tab, header included (one getValues). */
function allValues(sheet: Sheet): unknown[][] {
  const rows = sheet.getLastRow();
  const columns = sheet.getLastColumn();
  if (rows < 1 || columns < 1) return [];
  return sheet.getRange(1, 1, rows, columns).getValues();
}

/** Every row of the library, read and checked (one getValues). */
export function readLibrary(): { sheet: Sheet | null; rows: RowRead[] } {
  const sheet = librarySheet(false);
  if (!sheet) return { sheet: null, rows: [] };
  return { sheet, rows: readLibraryRows(allValues(sheet)) };
}

export function findQuery(id: string): { sheet: Sheet; row: number; query: StoredQuery } | null {
  const { sheet, rows } = readLibrary();
  if (!sheet) return null;
  for (const read of rows)
    if (read.ok === true && read.query.id === id) return { sheet, row: read.row, query: read.query };
  return null;
}

/**
 * Puts `cells` in row `target` at their columns' positions. Cells of columns a person added
 * are kept: the row is read first when there are any.
 */
function writeCells<K extends string>(
  sheet: Sheet,
  target: number,
  columns: TableColumns<K>,
  cells: Record<K, CellValue>,
  existing: boolean,
): void {
  const known = Object.keys(cells).length;
  const row: CellValue[] =
    existing && columns.width > known
      ? (sheet.getRange(target, 1, 1, columns.width).getValues()[0] as CellValue[])
      : Array.from({ length: columns.width }, () => '');
  for (const key of Object.keys(cells) as K[]) row[columns.positions[key]] = cells[key];
  if (target > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), target - sheet.getMaxRows());
  sheet.getRange(target, 1, 1, columns.width).setValues([row]);
}

const byKey = <K extends string>(key: K): K[] => [key];

/** Writes a query over its row (found by id just before, under the lock), or appends it. */
export function writeQuery(query: StoredQuery, row: number | null): void {
  const sheet = librarySheet(true);
  if (!sheet) return;
  const columns = tableColumns(sheet, LIBRARY_COLUMNS, byKey, (key) => key);
  const target = row ?? Math.max(sheet.getLastRow(), 1) + 1;
  writeCells(sheet, target, columns, queryCells(query), row !== null);
}

/** Only the last-run cell of a row. */
export function writeLastRun(sheet: Sheet, row: number, lastRun: StoredQuery['lastRun']): void {
  const { positions } = tableColumns(sheet, LIBRARY_COLUMNS, byKey, (key) => key);
  sheet.getRange(row, positions.lastRun + 1).setValue(literalText(lastRun ? JSON.stringify(lastRun) : ''));
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
  const sheet = hiddenTab(VERSIONS_KEY, VERSIONS_TAB, VERSION_COLUMNS, true);
  if (!sheet) return;
  const columns = tableColumns(sheet, VERSION_COLUMNS, byKey, (key) => key);
  const cells: Record<VersionColumn, CellValue> = {
    queryId: literalText(version.queryId),
    version: version.version,
    savedBy: literalText(version.savedBy),
    savedAt: literalText(version.savedAt),
    change: literalText(version.change),
    sql: literalText(version.query.sql),
    query: literalText(versionRecord(version.query)), // its length was checked before the query was written
  };
  writeCells(sheet, Math.max(sheet.getLastRow(), 1) + 1, columns, cells, false);
}

/** The versions of one query, oldest first; rows that cannot be read are skipped. */
export function readVersions(queryId: string): StoredVersion[] {
  const sheet = hiddenTab(VERSIONS_KEY, VERSIONS_TAB, VERSION_COLUMNS, false);
  if (!sheet) return [];
  const out: StoredVersion[] = [];
  const values = allValues(sheet);
  const { positions } = mapColumns(values[0] ?? [], VERSION_COLUMNS);
  const cell = (row: unknown[], key: VersionColumn) => cellOf(row, positions, key);
  values.forEach((row, i) => {
    if (i === 0 || String(cell(row, 'queryId')) !== queryId) return;
    try {
      const rest = JSON.parse(String(cell(row, 'query'))) as Omit<StoredQuery, 'sql' | 'lastRun'>;
      const version = Number(cell(row, 'version'));
      if (!Number.isInteger(version) || typeof rest !== 'object' || rest === null) return;
      const savedAt = cell(row, 'savedAt');
      out.push({
        queryId,
        version,
        savedBy: String(cell(row, 'savedBy') ?? ''),
        savedAt: savedAt instanceof Date ? savedAt.toISOString() : String(savedAt ?? ''),
        change: String(cell(row, 'change') ?? ''),
        query: { ...rest, id: queryId, version, sql: String(cell(row, 'sql') ?? ''), lastRun: null },
      });
    } catch {
      // a hand-edited version row is skipped; the others stay usable
    }
  });
  return out.sort((a, b) => a.version - b.version);
}
