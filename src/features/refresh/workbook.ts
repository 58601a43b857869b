/**
 * Google's limit of cells per spreadsheet, checked before the grid grows: the cells in use are
 * counted from the tabs' grid sizes, so a refresh that would pass the limit is refused with a
 * message in the user's language instead of failing on Apps Script's (localized) error text.
 * Counting costs two calls per tab, so it runs only when a refresh has to grow a grid, and once
 * per execution: a tick that makes 50 new result tabs would otherwise count every tab 50 times.
 */
import { translate, type Lang } from '../../core/i18n';
import { UserError } from '../../core/user-error';

export const WORKBOOK_CELL_LIMIT = 10_000_000;
/** The grid Sheets gives a new tab. */
export const NEW_TAB_CELLS = 1000 * 26;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Cells in use as last counted in this execution plus what it reserved since. Tabs deleted since
 * are not subtracted, so this can only overestimate; an estimate over the limit is counted again
 * before anything is refused.
 */
const known = new WeakMap<Spreadsheet, number>();

/** Counts the cells of every tab's grid (two calls per tab). */
export function cellsInUse(ss: Spreadsheet): number {
  let total = 0;
  for (const sheet of ss.getSheets()) total += sheet.getMaxRows() * sheet.getMaxColumns();
  known.set(ss, total);
  return total;
}

/**
 * The room left once `extraCells` are added (negative: that many cells over Google's limit); when
 * there is room, the cells are counted as used for the rest of the execution.
 */
export function reserveCells(ss: Spreadsheet, extraCells: number): number {
  let used = known.get(ss) ?? cellsInUse(ss);
  if (used + extraCells > WORKBOOK_CELL_LIMIT) used = cellsInUse(ss);
  const room = WORKBOOK_CELL_LIMIT - used - extraCells;
  if (room >= 0) known.set(ss, used + extraCells);
  return room;
}

/** Throws the workbook-full message if adding `extraCells` would pass Google's limit. */
export function assertRoomFor(ss: Spreadsheet, extraCells: number, lang: Lang): void {
  if (extraCells <= 0) return;
  const room = reserveCells(ss, extraCells);
  if (room >= 0) return;
  const needed = WORKBOOK_CELL_LIMIT - room;
  throw new UserError(translate(lang, 'refresh.workbookFull', { cells: needed.toLocaleString('en-US') }));
}

/** Grows a tab's grid to at least rows x columns, refusing first if the workbook would pass the limit. */
export function growGrid(
  ss: Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  size: { rows: number; columns: number; maxRows: number; maxColumns: number },
  lang: Lang,
): void {
  const addRows = Math.max(0, size.rows - size.maxRows);
  const addColumns = Math.max(0, size.columns - size.maxColumns);
  if (addRows === 0 && addColumns === 0) return;
  const extra = addRows * Math.max(size.maxColumns, size.columns) + addColumns * size.maxRows;
  assertRoomFor(ss, extra, lang);
  if (addRows > 0) sheet.insertRowsAfter(size.maxRows, addRows);
  if (addColumns > 0) sheet.insertColumnsAfter(size.maxColumns, addColumns);
}
