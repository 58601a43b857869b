/**
 * Formula evaluation with HyperFormula. The sheets' own grids hold every cell; HyperFormula is
 * built lazily, only when the workbook has formulas, and only with the sheets formulas live on
 * or refer to (others exist in it empty so names resolve). Small writes are applied to it
 * incrementally; large ones mark it stale and it is rebuilt on the next formula read. Structural
 * changes (rename, delete, insert/delete rows) go through HyperFormula so references follow.
 */
import { DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import { Formula, type Cell } from './cells';
import type { SheetModel, Workbook } from './model';

const CONFIG = {
  licenseKey: 'gpl-v3',
  useColumnIndex: true,
  maxRows: 10_000_000,
  maxColumns: 18_278,
  // Sheets compares text case-insensitively and uses 1899-12-30 as day zero, as HyperFormula does by default.
};
const NAMED = [
  { name: 'TRUE', expression: '=TRUE()' },
  { name: 'FALSE', expression: '=FALSE()' },
];
const INCREMENTAL_LIMIT = 20_000;

/** HyperFormula's error codes as Sheets shows them. */
const ERROR_TEXT: Record<string, string> = { '#CYCLE!': '#REF!', '#SPILL!': '#REF!', '#LIC!': '#ERROR!' };

export type ComputedValue = { value: string | number | boolean | null; isDate: boolean };

function toRaw(cell: Cell | undefined): RawCellContent {
  if (cell === undefined) return null;
  if (cell instanceof Formula) return cell.text;
  if (typeof cell === 'string') return `'${cell}`;
  return cell;
}

export class FormulaEngine {
  private hf: HyperFormula | null = null;
  private stale = true;
  private loaded = new Set<SheetModel>();

  constructor(private readonly wb: Workbook) {}

  hasFormulas(): boolean {
    return this.wb.sheets.some((s) => s.formulaCount > 0);
  }

  private referencedSheets(): Set<SheetModel> {
    const out = new Set<SheetModel>();
    const formulaSheets = this.wb.sheets.filter((s) => s.formulaCount > 0);
    for (const s of formulaSheets) out.add(s);
    const texts: string[] = [];
    for (const s of formulaSheets)
      for (const [, , v] of s.values.entries()) if (v instanceof Formula) texts.push(v.text.toLowerCase());
    for (const s of this.wb.sheets) {
      if (out.has(s)) continue;
      const name = s.name.toLowerCase();
      const quoted = `'${name.replace(/'/g, "''")}'!`;
      if (texts.some((t) => t.includes(quoted) || t.includes(`${name}!`))) out.add(s);
    }
    return out;
  }

  private rebuild(): HyperFormula {
    this.hf?.destroy();
    this.loaded = this.referencedSheets();
    const sheets: Record<string, RawCellContent[][]> = {};
    for (const s of this.wb.sheets) {
      const rows: RawCellContent[][] = [];
      if (this.loaded.has(s)) {
        const last = s.values.lastRow();
        for (let r = 0; r <= last; r++) {
          const src = s.values.row(r);
          rows.push(src ? Array.from(src, toRaw) : []);
        }
      }
      sheets[s.name] = rows;
    }
    this.hf = HyperFormula.buildFromSheets(sheets, CONFIG, NAMED);
    this.stale = false;
    return this.hf;
  }

  /** A fresh engine, or null when the workbook has no formulas. */
  ensure(): HyperFormula | null {
    if (!this.hasFormulas()) {
      this.drop();
      return null;
    }
    if (this.hf && !this.stale) return this.hf;
    return this.rebuild();
  }

  drop(): void {
    this.hf?.destroy();
    this.hf = null;
    this.stale = true;
  }

  /** Called after cells of a sheet changed in its grid. */
  noteWrite(
    sheet: SheetModel,
    row: number,
    col: number,
    numRows: number,
    numCols: number,
    wroteFormula: boolean,
  ): void {
    if (!this.hf || this.stale) return;
    if (wroteFormula || !this.loaded.has(sheet) || numRows * numCols > INCREMENTAL_LIMIT) {
      if (wroteFormula || this.loaded.has(sheet)) this.stale = true;
      if (wroteFormula && this.loaded.has(sheet) && numRows * numCols <= INCREMENTAL_LIMIT) {
        // Still incremental when the new formulas only refer to loaded sheets.
        if (this.formulasReferOnlyLoaded(sheet, row, col, numRows, numCols)) {
          this.stale = false;
          this.apply(sheet, row, col, numRows, numCols);
        }
      }
      return;
    }
    this.apply(sheet, row, col, numRows, numCols);
  }

  private formulasReferOnlyLoaded(
    sheet: SheetModel,
    row: number,
    col: number,
    numRows: number,
    numCols: number,
  ): boolean {
    const unloaded = this.wb.sheets.filter((s) => !this.loaded.has(s)).map((s) => s.name.toLowerCase());
    if (unloaded.length === 0) return true;
    for (let r = row; r < row + numRows; r++) {
      for (let c = col; c < col + numCols; c++) {
        const v = sheet.values.get(r, c);
        if (v instanceof Formula) {
          const t = v.text.toLowerCase();
          if (unloaded.some((n) => t.includes(`${n}!`) || t.includes(`${n.replace(/'/g, "''")}'!`))) return false;
        }
      }
    }
    return true;
  }

  private apply(sheet: SheetModel, row: number, col: number, numRows: number, numCols: number): void {
    const hf = this.hf!;
    const id = hf.getSheetId(sheet.name)!;
    const block: RawCellContent[][] = [];
    for (let r = row; r < row + numRows; r++) {
      const line: RawCellContent[] = new Array(numCols);
      for (let c = 0; c < numCols; c++) line[c] = toRaw(sheet.values.get(r, col + c));
      block.push(line);
    }
    hf.setCellContents({ sheet: id, row, col }, block);
  }

  /** The computed value of a cell (formula cells, and spill targets on formula sheets). */
  computed(sheet: SheetModel, row: number, col: number): ComputedValue {
    const hf = this.ensure();
    if (!hf) return { value: null, isDate: false };
    const address = { sheet: hf.getSheetId(sheet.name)!, row, col };
    const v = hf.getCellValue(address);
    if (v instanceof DetailedCellError) return { value: ERROR_TEXT[v.value] ?? v.value, isDate: false };
    if (typeof v === 'number') {
      const type = hf.getCellValueDetailedType(address);
      return { value: v, isDate: type === 'NUMBER_DATE' || type === 'NUMBER_DATETIME' };
    }
    return { value: v, isDate: false };
  }

  /**
   * Runs a structural change on the engine (so formulas follow it) and on the grids, then
   * re-reads the formula texts the engine rewrote.
   */
  structural(onEngine: ((hf: HyperFormula) => void) | null, onGrid: () => void): void {
    const hf = this.ensure();
    if (hf && onEngine) onEngine(hf);
    onGrid();
    if (!hf) return;
    for (const s of this.wb.sheets) {
      if (s.formulaCount === 0 || s.deleted) continue;
      const id = hf.getSheetId(s.name);
      if (id === undefined) continue;
      for (const [r, c, v] of s.values.entries()) {
        if (v instanceof Formula) {
          const text = hf.getCellFormula({ sheet: id, row: r, col: c });
          if (text !== undefined) s.values.set(r, c, new Formula(text));
        }
      }
    }
    // HyperFormula's column index (useColumnIndex) keeps stale MATCH / lookup answers over
    // column ranges after rows are removed (MATCH("x", A:A, 0) still finds a deleted row);
    // Sheets recomputes them. Rebuild from the grids, whose formulas now carry the new references.
    this.stale = true;
  }

  /** A new sheet: exists in the engine empty. */
  addSheet(name: string): void {
    if (this.hf && !this.stale) this.hf.addSheet(name);
    else this.stale = true;
  }

  /** Marks the engine stale (new sheet, copied sheet, cleared sheet). */
  invalidate(): void {
    this.stale = true;
  }

  dispose(): void {
    this.drop();
  }
}
