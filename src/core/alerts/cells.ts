/**
 * A refresh's rows as it wrote them (src/core/values/cell-value.ts) made into an alert's
 * result, so a tick can evaluate alerts without reading the result tab back: text loses the
 * apostrophe that keeps Sheets from parsing it, and date, time and timestamp serials become
 * Dates whose UTC reading is the wall clock the sheet shows (so the result needs no zone).
 * Rows read back with `Range.getValues()` need none of this: pass them with the spreadsheet's
 * time zone instead.
 */
import type { CellValue } from '../values/cell-value';
import type { ColumnKind } from '../values/jdbc-types';
import type { AlertResult } from './evaluate';

const MS_PER_DAY = 86_400_000;
/** Days from 1970-01-01 back to 1899-12-30, a sheet's day 0. */
const SERIAL_EPOCH_DAYS = -25_569;
const TEMPORAL: ColumnKind[] = ['date', 'time', 'timestamp', 'timestamptz'];

export function alertResultFromCells(columns: string[], kinds: ColumnKind[], rows: CellValue[][]): AlertResult {
  const temporal = kinds.map((kind) => TEMPORAL.includes(kind));
  return {
    columns,
    rows: rows.map((row) => row.map((cell, c) => alertCell(cell, temporal[c] ?? false))),
  };
}

function alertCell(cell: CellValue, temporal: boolean): unknown {
  if (typeof cell === 'string') return cell.startsWith("'") ? cell.slice(1) : cell;
  if (temporal && typeof cell === 'number') return new Date(Math.round((cell + SERIAL_EPOCH_DAYS) * MS_PER_DAY));
  return cell;
}
