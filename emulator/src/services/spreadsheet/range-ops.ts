/**
 * Range operations that move or search cells as whole units across every layer of a sheet
 * (values, formats, notes, backgrounds, styles, validation): sort, moveTo, insertCells /
 * deleteCells, getNextDataCell (Ctrl+arrow), getDataRegion (Ctrl+A) and the text finder's
 * matching. Pure over the model; range.ts and sheet.ts call them.
 */
import { AppsScriptException } from '../../core/errors';
import type { Cell } from './cells';
import { Formula } from './cells';
import type { SpreadsheetContext } from './context';
import type { SparseGrid } from './grid';
import type { Box, SheetModel } from './model';

function hasData(sheet: SheetModel, row: number, col: number): boolean {
  const v = sheet.values.get(row, col);
  return v !== undefined && v !== '';
}

/** Copies every layer's cells of a box (rows × columns of layer values). */
function takeBox(sheet: SheetModel, b: Box): unknown[][][] {
  return sheet.layers().map((layer) => {
    const out: unknown[][] = [];
    for (let i = 0; i < b.numRows; i++) {
      const line = layer.row(b.row + i);
      const cells: unknown[] = [];
      for (let j = 0; j < b.numCols; j++) cells.push(line?.[b.col + j]);
      out.push(cells);
    }
    return out;
  });
}

function clearBox(ctx: SpreadsheetContext, sheet: SheetModel, b: Box): void {
  for (let i = 0; i < b.numRows; i++)
    for (let j = 0; j < b.numCols; j++) ctx.setCell(sheet, b.row + i, b.col + j, undefined);
  for (const layer of sheet.layers().slice(1)) layer.clear(b.row, b.col, b.numRows, b.numCols);
}

/** Writes layer data taken by `takeBox`; row `i` of the data goes to row `rowAt(i)`. */
function putBox(
  ctx: SpreadsheetContext,
  sheet: SheetModel,
  b: Box,
  data: unknown[][][],
  rowAt = (i: number) => i,
): void {
  const layers = sheet.layers();
  data.forEach((rows, k) => {
    const layer = layers[k] as SparseGrid<unknown>;
    rows.forEach((cells, i) => {
      cells.forEach((v, j) => {
        if (k === 0) ctx.setCell(sheet, b.row + rowAt(i), b.col + j, v as Cell | undefined);
        else layer.set(b.row + rowAt(i), b.col + j, v);
      });
    });
  });
}

function touched(ctx: SpreadsheetContext, b: Box): void {
  let formula = false;
  for (const [, , v] of b.sheet.values.entries()) if (v instanceof Formula) formula = true;
  ctx.engine.noteWrite(b.sheet, b.row, b.col, b.numRows, b.numCols, formula);
}

export interface SortSpec {
  /** 1-based sheet column. */
  column: number;
  ascending: boolean;
}

/** Sheets' order: numbers, then text (case-insensitive), then booleans; blanks always last. */
function compareValues(a: unknown, b: unknown, ascending: boolean): number {
  const blankA = a === '' || a === null || a === undefined;
  const blankB = b === '' || b === null || b === undefined;
  if (blankA || blankB) return blankA === blankB ? 0 : blankA ? 1 : -1;
  const rank = (v: unknown) => (typeof v === 'number' || v instanceof Date ? 0 : typeof v === 'string' ? 1 : 2);
  let out = rank(a) - rank(b);
  if (out === 0) {
    if (typeof a === 'string') out = a.localeCompare(String(b), 'en', { sensitivity: 'base' });
    else out = Number(a) - Number(b);
  }
  return ascending ? out : -out;
}

/** Parses Range.sort's argument: a column number, {column, ascending}, or an array of those. */
export function sortSpecs(spec: unknown, box: Box): SortSpec[] {
  const list = Array.isArray(spec) ? spec : [spec];
  const out = list.map((s): SortSpec => {
    if (typeof s === 'number') return { column: s, ascending: true };
    if (s && typeof s === 'object' && 'column' in s) {
      const o = s as { column: unknown; ascending?: unknown };
      return { column: Number(o.column), ascending: o.ascending === undefined ? true : Boolean(o.ascending) };
    }
    throw new AppsScriptException('Invalid argument: sortSpecObj');
  });
  for (const s of out) {
    if (!(s.column >= box.col + 1 && s.column <= box.col + box.numCols))
      throw new AppsScriptException(`The column ${s.column} is out of the range of the sort.`);
  }
  return out;
}

/** Sorts the rows of a box by computed values; every layer moves with its row (stable). */
export function sortBox(ctx: SpreadsheetContext, box: Box, specs: SortSpec[]): void {
  const values = ctx.readValues(box);
  const order = values.map((_, i) => i);
  order.sort((x, y) => {
    for (const s of specs) {
      const c = s.column - 1 - box.col;
      const d = compareValues(values[x][c], values[y][c], s.ascending);
      if (d !== 0) return d;
    }
    return x - y;
  });
  const data = takeBox(box.sheet, box);
  const sorted = data.map((rows) => order.map((i) => rows[i]));
  clearBox(ctx, box.sheet, box);
  putBox(ctx, box.sheet, box, sorted);
  touched(ctx, box);
}

/** Cut and paste: every layer moves; formula text is kept as written (references are not rewritten). */
export function moveBox(ctx: SpreadsheetContext, src: Box, dst: Box): void {
  const data = takeBox(src.sheet, src);
  clearBox(ctx, src.sheet, src);
  ctx.ensureRows(dst.sheet, dst.row + src.numRows);
  putBox(ctx, dst.sheet, { ...dst, numRows: src.numRows, numCols: src.numCols }, data);
  touched(ctx, src);
  touched(ctx, { ...dst, numRows: src.numRows, numCols: src.numCols });
}

/**
 * insertCells / deleteCells: shifts the cells below (ROWS) or to the right (COLUMNS) of the
 * box, within its columns or rows, by its size.
 */
export function shiftCells(ctx: SpreadsheetContext, box: Box, dimension: 'ROWS' | 'COLUMNS', insert: boolean): void {
  const sheet = box.sheet;
  if (dimension === 'ROWS') {
    const tail: Box = { sheet, row: box.row, col: box.col, numRows: sheet.maxRows - box.row, numCols: box.numCols };
    const data = takeBox(sheet, tail);
    clearBox(ctx, sheet, tail);
    if (insert) {
      ctx.ensureRows(sheet, sheet.values.lastRow() + 1 + box.numRows);
      putBox(ctx, sheet, { ...tail, row: box.row + box.numRows }, data);
    } else
      putBox(
        ctx,
        sheet,
        tail,
        data.map((rows) => rows.slice(box.numRows)),
      );
    touched(ctx, { ...tail, numRows: sheet.maxRows - box.row });
  } else {
    const tail: Box = { sheet, row: box.row, col: box.col, numRows: box.numRows, numCols: sheet.maxCols - box.col };
    const data = takeBox(sheet, tail);
    clearBox(ctx, sheet, tail);
    if (insert) {
      const needed = sheet.values.lastCol() + 1 + box.numCols;
      if (needed > sheet.maxCols) sheet.maxCols = needed;
      putBox(ctx, sheet, { ...tail, col: box.col + box.numCols }, data);
    } else
      putBox(
        ctx,
        sheet,
        tail,
        data.map((rows) => rows.map((cells) => cells.slice(box.numCols))),
      );
    touched(ctx, { ...tail, numCols: sheet.maxCols - box.col });
  }
}

/** Ctrl+arrow from (row, col): the edge of the next run of data, or the sheet's edge. 0-based. */
export function nextDataCell(sheet: SheetModel, row: number, col: number, direction: string): [number, number] {
  const [dr, dc] =
    direction === 'UP' ? [-1, 0] : direction === 'DOWN' ? [1, 0] : direction === 'PREVIOUS' ? [0, -1] : [0, 1];
  const inside = (r: number, c: number) => r >= 0 && c >= 0 && r < sheet.maxRows && c < sheet.maxCols;
  let [r, c] = [row, col];
  if (!inside(r + dr, c + dc)) return [r, c];
  if (hasData(sheet, r, c) && hasData(sheet, r + dr, c + dc)) {
    while (inside(r + dr, c + dc) && hasData(sheet, r + dr, c + dc)) [r, c] = [r + dr, c + dc];
    return [r, c];
  }
  [r, c] = [r + dr, c + dc];
  while (!hasData(sheet, r, c) && inside(r + dr, c + dc)) [r, c] = [r + dr, c + dc];
  return [r, c];
}

/** Ctrl+A: grows the box while a neighbouring row or column segment (no diagonals) holds data. */
export function dataRegion(box: Box, dimension?: 'ROWS' | 'COLUMNS'): Box {
  const sheet = box.sheet;
  let { row, col, numRows, numCols } = box;
  const rowHas = (r: number) => {
    if (r < 0 || r >= sheet.maxRows) return false;
    for (let c = col; c < col + numCols; c++) if (hasData(sheet, r, c)) return true;
    return false;
  };
  const colHas = (c: number) => {
    if (c < 0 || c >= sheet.maxCols) return false;
    for (let r = row; r < row + numRows; r++) if (hasData(sheet, r, c)) return true;
    return false;
  };
  for (let changed = true; changed; ) {
    changed = false;
    if (dimension !== 'COLUMNS') {
      if (rowHas(row - 1)) [row, numRows, changed] = [row - 1, numRows + 1, true];
      if (rowHas(row + numRows)) [numRows, changed] = [numRows + 1, true];
    }
    if (dimension !== 'ROWS') {
      if (colHas(col - 1)) [col, numCols, changed] = [col - 1, numCols + 1, true];
      if (colHas(col + numCols)) [numCols, changed] = [numCols + 1, true];
    }
  }
  return { sheet, row, col, numRows, numCols };
}

export interface FindOptions {
  text: string;
  matchCase: boolean;
  entireCell: boolean;
  regex: boolean;
  formulaText: boolean;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The pattern a text finder looks for (global, for replacements). */
export function findPattern(o: FindOptions): RegExp {
  const body = o.regex ? o.text : escapeRegex(o.text);
  return new RegExp(o.entireCell ? `^(?:${body})$` : body, o.matchCase ? 'g' : 'gi');
}

/** Cells of the boxes (row-major per box) whose shown text (or formula text) matches. */
export function findCells(ctx: SpreadsheetContext, boxes: Box[], o: FindOptions): [Box, number, number][] {
  const pattern = findPattern(o);
  const out: [Box, number, number][] = [];
  for (const b of boxes) {
    const shown = ctx.readDisplay(b);
    const formulas = o.formulaText ? ctx.readFormulas(b) : null;
    for (let i = 0; i < b.numRows; i++)
      for (let j = 0; j < b.numCols; j++) {
        const text = formulas?.[i][j] || shown[i][j];
        pattern.lastIndex = 0;
        if (text !== '' && pattern.test(text)) out.push([b, b.row + i, b.col + j]);
      }
  }
  return out;
}
