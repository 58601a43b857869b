/**
 * Keeps, while a refresh streams its rows into the sheet, only what a query's alerts need, so
 * alerts are evaluated without reading the result tab back and memory stays bounded: the first
 * rows whole (the message shows them), then for each later row only the cells of the columns a
 * rule reads on every row (min, max, any, all); `first` reads the first row and `count` only
 * the number of rows. Pure.
 */
import type { AlertCondition } from '../../shared/api-types';
import type { CellValue } from '../values/cell-value';
import type { ColumnKind } from '../values/jdbc-types';
import { alertResultFromCells } from './cells';
import type { AlertResult } from './evaluate';

/** Rows kept whole for the message. */
export const WHOLE_ROWS = 10;

const NO_CELLS: CellValue[] = [];

export class RowCollector {
  private columns: string[] = [];
  private kinds: ColumnKind[] = [];
  private readonly rows: CellValue[][] = [];
  private everyRow: number[] = [];

  constructor(private readonly conditions: readonly AlertCondition[]) {}

  /** The result's columns (the tab's headers) and kinds, before any row. */
  start(columns: string[], kinds: ColumnKind[]): void {
    this.columns = columns;
    this.kinds = kinds;
    const names = this.conditions.filter((c) => c.selector !== 'first' && c.selector !== 'count').map((c) => c.column);
    this.everyRow = columns.flatMap((name, i) => (names.includes(name) ? [i] : []));
  }

  add(batch: readonly CellValue[][]): void {
    for (const row of batch) {
      if (this.rows.length < WHOLE_ROWS) this.rows.push(row);
      else if (this.everyRow.length === 0) this.rows.push(NO_CELLS);
      else {
        const kept: CellValue[] = [];
        for (const i of this.everyRow) kept[i] = row[i];
        this.rows.push(kept);
      }
    }
  }

  get rowCount(): number {
    return this.rows.length;
  }

  /** The result as the alerts read it (one entry per row; cells not kept read as empty). */
  result(): AlertResult {
    return alertResultFromCells(this.columns, this.kinds, this.rows);
  }
}
