/**
 * A sparse 2-D store (0-based rows and columns) used for a sheet's values, formats, notes and
 * validations. Rows are arrays created on first write; inserting or deleting rows and columns
 * shifts what is stored, as Sheets shifts cell contents.
 */
export class SparseGrid<T> {
  private rows: (Array<T | undefined> | undefined)[] = [];

  get(row: number, col: number): T | undefined {
    return this.rows[row]?.[col];
  }

  row(row: number): ReadonlyArray<T | undefined> | undefined {
    return this.rows[row];
  }

  set(row: number, col: number, value: T | undefined): void {
    let r = this.rows[row];
    if (!r) {
      if (value === undefined) return;
      r = [];
      this.rows[row] = r;
    }
    r[col] = value;
  }

  clear(row: number, col: number, numRows: number, numCols: number): void {
    const end = Math.min(row + numRows, this.rows.length);
    for (let i = row; i < end; i++) {
      const r = this.rows[i];
      if (!r) continue;
      if (col === 0 && col + numCols >= r.length) this.rows[i] = undefined;
      else for (let j = col; j < col + numCols && j < r.length; j++) r[j] = undefined;
    }
  }

  clearAll(): void {
    this.rows = [];
  }

  /** Index of the last row holding a value, or -1. */
  lastRow(): number {
    for (let i = this.rows.length - 1; i >= 0; i--) {
      const r = this.rows[i];
      if (r?.some((v) => v !== undefined)) return i;
    }
    return -1;
  }

  /** Index of the last column holding a value in any row, or -1. */
  lastCol(): number {
    let last = -1;
    for (const r of this.rows) {
      if (!r) continue;
      for (let j = r.length - 1; j > last; j--) {
        if (r[j] !== undefined) {
          last = j;
          break;
        }
      }
    }
    return last;
  }

  insertRows(at: number, count: number): void {
    if (at >= this.rows.length) return;
    this.rows = this.rows.slice(0, at).concat(new Array(count), this.rows.slice(at));
  }

  deleteRows(at: number, count: number): void {
    this.rows.splice(at, count);
  }

  insertCols(at: number, count: number): void {
    const blanks = new Array<T | undefined>(count);
    for (let i = 0; i < this.rows.length; i++) {
      const r = this.rows[i];
      if (r && r.length > at) this.rows[i] = r.slice(0, at).concat(blanks, r.slice(at));
    }
  }

  deleteCols(at: number, count: number): void {
    for (const r of this.rows) if (r && r.length > at) r.splice(at, count);
  }

  /** Every stored cell (row, col, value); for scans such as re-reading formulas. */
  *entries(): Generator<[number, number, T]> {
    for (let i = 0; i < this.rows.length; i++) {
      const r = this.rows[i];
      if (!r) continue;
      for (let j = 0; j < r.length; j++) {
        const v = r[j];
        if (v !== undefined) yield [i, j, v];
      }
    }
  }

  copy(): SparseGrid<T> {
    const out = new SparseGrid<T>();
    out.rows = this.rows.map((r) => (r ? r.slice() : undefined));
    return out;
  }
}
