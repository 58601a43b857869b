/**
 * What parameter binding needs from the spreadsheet: today and now in the spreadsheet's time
 * zone (so scheduled runs resolve "yesterday" as the team means it), the values of a cell
 * range or named range, and the first column of another query's result tab (read from the
 * tab, not the database).
 */
import type { BindContext } from '../../core/params/bind';
import type { BoundValue } from '../../core/params/bound-sql';
import { activeSpreadsheet } from '../../adapters/sheets';
import type { ExecutionContext } from '../context';
import { findResultTab } from '../refresh/result-tab';

/** Most list options read from a result tab. */
const MAX_OPTIONS = 5_000;

/** Dates and times are read from the clock only when a parameter asks for them. */
export function spreadsheetBindContext(ctx: ExecutionContext): BindContext {
  let local: string[] | null = null;
  const localNow = () => {
    local ??= Utilities.formatDate(new Date(ctx.clock.now()), ctx.timeZone(), 'yyyy-MM-dd HH:mm:ss').split(' ');
    return local;
  };
  return {
    lang: ctx.lang,
    get today() {
      const [year, month, day] = localNow()[0].split('-').map(Number);
      return { year, month, day };
    },
    get nowTime() {
      return localNow()[1];
    },
    cellValues: (ref) => readCellValues(ref, ctx.timeZone()),
    queryOptions: (queryId) => readFirstColumn(queryId),
  };
}

function readCellValues(ref: string, timeZone: string): BoundValue[] | null {
  const ss = activeSpreadsheet();
  let range: GoogleAppsScript.Spreadsheet.Range | null = null;
  try {
    range = ss.getRangeByName(ref);
    if (!range && /!/.test(ref)) range = ss.getRange(ref);
  } catch {
    range = null;
  }
  if (!range) return null;
  const sheet = range.getSheet();
  // An open range such as A2:A reaches the bottom of the grid: read only down to the last row.
  const lastRow = Math.min(range.getLastRow(), sheet.getLastRow());
  if (lastRow < range.getRow()) return [];
  const values = sheet
    .getRange(range.getRow(), range.getColumn(), lastRow - range.getRow() + 1, range.getNumColumns())
    .getValues();
  const out: BoundValue[] = [];
  for (const row of values) {
    for (const value of row) {
      if (value === '' || value === null || value === undefined) continue;
      if (value instanceof Date) out.push(Utilities.formatDate(value, timeZone, 'yyyy-MM-dd'));
      else if (typeof value === 'number' || typeof value === 'boolean') out.push(value);
      else if (String(value).trim() !== '') out.push(String(value).trim());
    }
  }
  return out;
}

/** The distinct non-empty first-column values of a saved query's result tab; null before its first run. */
export function readFirstColumn(queryId: string): string[] | null {
  const tab = findResultTab(queryId);
  if (!tab) return null;
  const rows = tab.getLastRow();
  if (rows < 2) return [];
  const seen = new Set<string>();
  for (const [value] of tab.getRange(2, 1, Math.min(rows - 1, MAX_OPTIONS), 1).getDisplayValues()) {
    if (value !== '') seen.add(value);
  }
  return [...seen];
}
