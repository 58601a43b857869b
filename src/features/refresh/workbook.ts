/**
 * Google's limit of cells per spreadsheet, checked before the grid grows: the cells in use are
 * counted from the tabs' grid sizes, so a refresh that would pass the limit is refused with a
 * message in the user's language instead of failing on Apps Script's (localized) error text.
 * Counting costs two calls per tab, so it runs only when a refresh has to grow a grid.
 */
import { translate, type Lang } from '../../core/i18n';
import { UserError } from '../../core/user-error';

export const WORKBOOK_CELL_LIMIT = 10_000_000;
/** The grid Sheets gives a new tab. */
export const NEW_TAB_CELLS = 1000 * 26;

export function cellsInUse(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): number {
  let total = 0;
  for (const sheet of ss.getSheets()) total += sheet.getMaxRows() * sheet.getMaxColumns();
  return total;
}

/** Throws the workbook-full message if adding `extraCells` would pass Google's limit. */
export function assertRoomFor(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, extraCells: number, lang: Lang): void {
  if (extraCells <= 0) return;
  const needed = cellsInUse(ss) + extraCells;
  if (needed <= WORKBOOK_CELL_LIMIT) return;
  throw new UserError(translate(lang, 'refresh.workbookFull', { cells: needed.toLocaleString('en-US') }));
}

/** Grows a tab's grid to at least rows x columns, refusing first if the workbook would pass the limit. */
export function growGrid(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
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
