/**
 * The result tab of a query: found by its developer-metadata tag with one search (so a rename
 * does not lose it), made on the first run, and replaced under the document lock so two
 * refreshes never interleave. A result that fits one write goes straight into the tab with one
 * setValues over the old result's whole area (Sheets applies it as one update, so the values
 * change all at once and nothing of the previous result is left beyond it), then its formats
 * and note; a larger result is published from a filled staging tab in one copy. A tab a person
 * made is never written to.
 */
import { translate } from '../../core/i18n';
import type { CellValue } from '../../core/values/cell-value';
import { findTaggedSheet, insertFreeSheet, tagSheet, type Sheet } from '../../adapters/sheets';
import type { ExecutionContext } from '../context';
import type { StagingTab } from './staging-tab';
import { assertRoomFor, growGrid, NEW_TAB_CELLS } from './workbook';

export const RESULT_KEY = 'sheetdash.result';
/** The number format that leaves a cell's display to Sheets (cells that are not dates or times). */
export const PLAIN_FORMAT = 'General';
/**
 * Most cells one direct write may cover, the old result's area included: replacing a large old
 * result with a small one goes through a staging tab instead, whose one copy clears the rest.
 */
export const MAX_DIRECT_WRITE_CELLS = 200_000;

export interface Published {
  sheet: Sheet;
  warnings: string[];
}

/** What one write puts in the tab: the header row and data rows, a format per column, the A1 note. */
export interface ResultGrid {
  header: string[];
  rows: CellValue[][];
  /** Number format per column for the data rows (PLAIN_FORMAT where none). */
  formats: string[];
  note: string;
}

export function findResultTab(queryId: string): Sheet | null {
  return findTaggedSheet(RESULT_KEY, queryId);
}

/** The query's tab, or a new one named after it (another name if a person's tab has it). */
function resultTab(ctx: ExecutionContext, queryId: string, tabName: string, warnings: string[]): Sheet {
  const found = findResultTab(queryId);
  if (found) return found;
  const ss = ctx.spreadsheet();
  assertRoomFor(ss, NEW_TAB_CELLS, ctx.lang);
  const { sheet, name, renamed } = insertFreeSheet(tabName);
  if (renamed) warnings.push(translate(ctx.lang, 'refresh.tabTaken', { name: tabName, used: name }));
  tagSheet(sheet, RESULT_KEY, queryId, { value: queryId });
  sheet.setFrozenRows(1);
  return sheet;
}

interface Area {
  rows: number;
  columns: number;
  /** True when the area reaches past the old result's (so the grid may have to grow). */
  grows: boolean;
}

/** The area to overwrite: the new result's and the old result's, whichever is larger each way. */
function areaFor(sheet: Sheet, rows: number, columns: number): Area {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  const area = { rows: Math.max(rows, lastRow, 1), columns: Math.max(columns, lastColumn, 1) };
  return { ...area, grows: area.rows > lastRow || area.columns > lastColumn };
}

/** Grows the tab (when it must) so that the area fits. */
function fitArea(ctx: ExecutionContext, sheet: Sheet, area: Area): void {
  if (!area.grows) return;
  const size = {
    rows: area.rows,
    columns: area.columns,
    maxRows: sheet.getMaxRows(),
    maxColumns: sheet.getMaxColumns(),
  };
  growGrid(ctx.spreadsheet(), sheet, size, ctx.lang);
}

function padded<T>(rows: T[][], height: number, width: number, fill: T): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < height; r++) {
    const row = rows[r] ?? [];
    out.push(row.length === width ? row : [...row, ...Array<T>(width - row.length).fill(fill)]);
  }
  return out;
}

/**
 * Must run under the document lock. Writes a result that fits one write straight into its tab;
 * answers null, having written nothing, when the old result's area is too large for one write.
 */
export function writeResult(
  ctx: ExecutionContext,
  queryId: string,
  tabName: string,
  grid: ResultGrid,
): Published | null {
  const warnings: string[] = [];
  const sheet = resultTab(ctx, queryId, tabName, warnings);
  const width = grid.header.length;
  const area = areaFor(sheet, 1 + grid.rows.length, width);
  if (area.rows * area.columns > MAX_DIRECT_WRITE_CELLS) return null;
  fitArea(ctx, sheet, area);
  const values = padded<CellValue>([grid.header, ...grid.rows], area.rows, area.columns, '');
  const dataFormats = [...grid.formats, ...Array<string>(area.columns - width).fill(PLAIN_FORMAT)];
  const plainRow = Array<string>(area.columns).fill(PLAIN_FORMAT);
  const formats = values.map((_, r) => (r === 0 || r > grid.rows.length ? plainRow : dataFormats));
  const notes = padded<string>([[grid.note]], area.rows, area.columns, '');
  const range = sheet.getRange(1, 1, area.rows, area.columns);
  // The one step that changes the result: every value at once, the old result's area cleared.
  range.setValues(values);
  range.setNumberFormats(formats);
  range.setNotes(notes);
  return { sheet, warnings };
}

/** Must run under the document lock. Publishes a filled staging tab as the query's result tab. */
export function publish(ctx: ExecutionContext, staging: StagingTab, queryId: string, tabName: string): Published {
  const warnings: string[] = [];
  const target = resultTab(ctx, queryId, tabName, warnings);
  const area = areaFor(target, 1 + staging.rowCount, staging.columnCount);
  fitArea(ctx, target, area);
  staging.ensureSize(area.rows, area.columns);
  // The one step that changes the result tab: values, formats and the header note at once.
  staging.sheet.getRange(1, 1, area.rows, area.columns).copyTo(target.getRange(1, 1, area.rows, area.columns));
  staging.discard();
  return { sheet: target, warnings };
}
