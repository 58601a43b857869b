/**
 * The operations behind the emulated classes: reading and writing cells of a box (with
 * typed-input parsing, the 50,000-character limit and the formula engine), and the structural
 * changes (rows, columns, sheets) that move metadata, protections, named ranges and rules along.
 */
import { shiftFormula } from './formula-refs';
import { AppsScriptException } from '../../core/errors';
import type { ServiceHost } from '../../core/host';
import { checkLength, Formula, isDateFormat, parseInput, type Cell } from './cells';
import { displayOf } from './display';
import { FormulaEngine } from './engine';
import { shiftIndex, shiftSpan, type SheetModel, type Workbook, type Box, type ValidationModel } from './model';
import type { SparseGrid } from './grid';
import { serialToDate } from './time';
import { isRuleRange } from './data-validation';

export class SpreadsheetContext {
  readonly engine: FormulaEngine;
  /** What Spreadsheet.getOwner reveals: nothing in a shared drive, a blank e-mail when hidden. */
  ownerInfo: { sharedDrive: boolean; emailHidden: boolean } = { sharedDrive: false, emailHidden: false };

  constructor(
    readonly wb: Workbook,
    readonly host: ServiceHost,
  ) {
    this.engine = new FormulaEngine(wb);
  }

  /** Email of the user running the current execution (or the owner outside executions). */
  currentUser(): string {
    return this.host.currentExecution()?.user.email ?? this.wb.owner;
  }

  private computed(
    sheet: SheetModel,
    r: number,
    c: number,
  ): { value: string | number | boolean | null; isDate: boolean } {
    const cell = sheet.values.get(r, c);
    if (cell instanceof Formula || (cell === undefined && sheet.formulaCount > 0))
      return this.engine.computed(sheet, r, c);
    return { value: cell === undefined ? null : cell, isDate: false };
  }

  /** getValues: '' for empty, Dates for date-formatted numbers, error texts for errors. */
  readValues(box: Box): unknown[][] {
    const { sheet } = box;
    const tz = this.wb.timeZone;
    const out: unknown[][] = new Array(box.numRows);
    const plain = sheet.formulaCount === 0;
    for (let i = 0; i < box.numRows; i++) {
      const r = box.row + i;
      const src = sheet.values.row(r);
      const fmts = sheet.formats.row(r);
      const line: unknown[] = new Array(box.numCols);
      for (let j = 0; j < box.numCols; j++) {
        const c = box.col + j;
        let v: unknown;
        let isDate = false;
        if (plain) {
          v = src ? src[c] : undefined;
        } else {
          const computed = this.computed(sheet, r, c);
          v = computed.value;
          isDate = computed.isDate;
        }
        if (v === undefined || v === null) line[j] = '';
        else if (typeof v === 'number' && (isDate || isDateFormat(fmts?.[c]))) line[j] = serialToDate(v, tz);
        else line[j] = v;
      }
      out[i] = line;
    }
    return out;
  }

  readDisplay(box: Box): string[][] {
    const out: string[][] = [];
    for (let i = 0; i < box.numRows; i++) {
      const line: string[] = [];
      for (let j = 0; j < box.numCols; j++) {
        const r = box.row + i;
        const c = box.col + j;
        const { value, isDate } = this.computed(box.sheet, r, c);
        const format = box.sheet.formats.get(r, c) ?? (isDate ? 'yyyy-MM-dd' : undefined);
        line.push(displayOf(value, format));
      }
      out.push(line);
    }
    return out;
  }

  readFormulas(box: Box): string[][] {
    const out: string[][] = [];
    for (let i = 0; i < box.numRows; i++) {
      const line: string[] = [];
      for (let j = 0; j < box.numCols; j++) {
        const v = box.sheet.values.get(box.row + i, box.col + j);
        line.push(v instanceof Formula ? v.text : '');
      }
      out.push(line);
    }
    return out;
  }

  /** Writes host values as typed input (setValues, setFormulas, appendRow). */
  writeValues(box: Box, values: unknown[][]): void {
    for (const row of values) for (const v of row) checkLength(v);
    const { sheet } = box;
    const ctx = { timeZone: this.wb.timeZone, locale: this.wb.locale };
    let wroteFormula = false;
    for (let i = 0; i < box.numRows; i++) {
      const r = box.row + i;
      const line = values[i];
      const fmts = sheet.formats.row(r);
      for (let j = 0; j < box.numCols; j++) {
        const c = box.col + j;
        const parsed = parseInput(line[j], fmts?.[c], ctx);
        if (parsed.cell instanceof Formula) wroteFormula = true;
        this.setCell(sheet, r, c, parsed.cell);
        if (parsed.format) sheet.formats.set(r, c, parsed.format);
      }
    }
    this.engine.noteWrite(sheet, box.row, box.col, box.numRows, box.numCols, wroteFormula);
  }

  setCell(sheet: SheetModel, r: number, c: number, cell: Cell | undefined): void {
    const old = sheet.values.get(r, c);
    if (old instanceof Formula) sheet.formulaCount--;
    if (cell instanceof Formula) sheet.formulaCount++;
    sheet.values.set(r, c, cell);
  }

  clearContent(box: Box): void {
    const { sheet } = box;
    if (sheet.formulaCount > 0) {
      for (let i = 0; i < box.numRows; i++) {
        for (let j = 0; j < box.numCols; j++)
          if (sheet.values.get(box.row + i, box.col + j) instanceof Formula) sheet.formulaCount--;
      }
    }
    sheet.values.clear(box.row, box.col, box.numRows, box.numCols);
    this.engine.noteWrite(sheet, box.row, box.col, box.numRows, box.numCols, false);
  }

  clearFormat(box: Box): void {
    for (const g of [box.sheet.formats, box.sheet.backgrounds, box.sheet.fontWeights, box.sheet.styles])
      g.clear(box.row, box.col, box.numRows, box.numCols);
  }

  // ---- structure -----------------------------------------------------------------------

  insertRows(sheet: SheetModel, at: number, count: number): void {
    this.wb.checkGrowth(count * sheet.maxCols);
    this.engine.structural(
      (hf) => hf.addRows(hf.getSheetId(sheet.name)!, [at, count]),
      () => {
        for (const g of sheet.layers()) g.insertRows(at, count);
        sheet.maxRows += count;
      },
    );
    this.shift(sheet, 'ROW', at, count, true);
  }

  deleteRows(sheet: SheetModel, at: number, count: number): void {
    if (at < 0 || count < 1 || at + count > sheet.maxRows)
      throw new AppsScriptException('Those rows are out of bounds.');
    if (at + count - Math.max(at, sheet.frozenRows) >= sheet.maxRows - sheet.frozenRows) {
      throw new AppsScriptException('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this.recountAfter(sheet, () =>
      this.engine.structural(
        (hf) => hf.removeRows(hf.getSheetId(sheet.name)!, [at, count]),
        () => {
          for (const g of sheet.layers()) g.deleteRows(at, count);
          sheet.maxRows -= count;
        },
      ),
    );
    this.shift(sheet, 'ROW', at, count, false);
  }

  insertCols(sheet: SheetModel, at: number, count: number): void {
    this.wb.checkGrowth(count * sheet.maxRows);
    this.engine.structural(
      (hf) => hf.addColumns(hf.getSheetId(sheet.name)!, [at, count]),
      () => {
        for (const g of sheet.layers()) g.insertCols(at, count);
        sheet.maxCols += count;
      },
    );
    this.shift(sheet, 'COLUMN', at, count, true);
  }

  deleteCols(sheet: SheetModel, at: number, count: number): void {
    if (at < 0 || count < 1 || at + count > sheet.maxCols)
      throw new AppsScriptException('Those columns are out of bounds.');
    if (at + count - Math.max(at, sheet.frozenCols) >= sheet.maxCols - sheet.frozenCols) {
      throw new AppsScriptException('Sorry, it is not possible to delete all non-frozen columns.');
    }
    this.recountAfter(sheet, () =>
      this.engine.structural(
        (hf) => hf.removeColumns(hf.getSheetId(sheet.name)!, [at, count]),
        () => {
          for (const g of sheet.layers()) g.deleteCols(at, count);
          sheet.maxCols -= count;
        },
      ),
    );
    this.shift(sheet, 'COLUMN', at, count, false);
  }

  private recountAfter(sheet: SheetModel, op: () => void): void {
    op();
    let n = 0;
    for (const [, , v] of sheet.values.entries()) if (v instanceof Formula) n++;
    sheet.formulaCount = n;
  }

  /** Moves row/column-anchored things (metadata, protections, named ranges, rules) with an insert or delete. */
  private shift(sheet: SheetModel, dim: 'ROW' | 'COLUMN', at: number, count: number, insert: boolean): void {
    this.wb.metadata = this.wb.metadata.filter((m) => {
      const loc = m.location;
      if ((loc.type === 'ROW' || loc.type === 'COLUMN') && loc.sheet === sheet && loc.type === dim) {
        const moved = shiftIndex(loc.index, at, count, insert);
        if (moved === null) return false;
        loc.index = moved;
      }
      return true;
    });
    const moveBox = (b: Box): boolean => {
      if (b.sheet !== sheet) return true;
      const span =
        dim === 'ROW' ? shiftSpan(b.row, b.numRows, at, count, insert) : shiftSpan(b.col, b.numCols, at, count, insert);
      if (!span) return false;
      if (dim === 'ROW') [b.row, b.numRows] = span;
      else [b.col, b.numCols] = span;
      return true;
    };
    this.wb.protections = this.wb.protections.filter((p) => {
      if (p.type === 'SHEET') {
        p.box.numRows = sheet.maxRows;
        p.box.numCols = sheet.maxCols;
        p.unprotected = p.unprotected.filter(moveBox);
        return true;
      }
      p.unprotected = p.unprotected.filter(moveBox);
      return moveBox(p.box);
    });
    this.wb.namedRanges = this.wb.namedRanges.filter((n) => moveBox(n.box));
    for (const rule of sheet.conditionalRules) rule.ranges = rule.ranges.filter(moveBox);
    sheet.merges = sheet.merges.filter(moveBox);
    for (const other of this.wb.sheets) for (const chart of other.charts) chart.ranges = chart.ranges.filter(moveBox);
    for (const chart of sheet.charts) {
      const key = dim === 'ROW' ? 'anchorRow' : 'anchorCol';
      chart[key] = (shiftIndex(chart[key] - 1, at, count, insert) ?? at) + 1;
    }
  }

  renameSheet(sheet: SheetModel, name: string): void {
    if (sheet.name === name) return;
    this.wb.nameTaken(name, sheet);
    const old = sheet.name;
    this.engine.structural(
      (hf) => hf.renameSheet(hf.getSheetId(old)!, name),
      () => {
        sheet.name = name;
      },
    );
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.wb.sheets.length <= 1) throw new AppsScriptException("You can't remove all the sheets in a document.");
    this.engine.structural(
      (hf) => hf.removeSheet(hf.getSheetId(sheet.name)!),
      () => {
        this.wb.sheets = this.wb.sheets.filter((s) => s !== sheet);
        sheet.deleted = true;
      },
    );
    this.wb.metadata = this.wb.metadata.filter((m) => !('sheet' in m.location) || m.location.sheet !== sheet);
    this.wb.protections = this.wb.protections.filter((p) => p.box.sheet !== sheet);
    this.wb.namedRanges = this.wb.namedRanges.filter((n) => n.box.sheet !== sheet);
    for (const other of this.wb.sheets)
      for (const c of other.charts) c.ranges = c.ranges.filter((b) => b.sheet !== sheet);
    if (this.wb.active === sheet) this.wb.active = this.wb.sheets.find((s) => !s.hidden) ?? this.wb.sheets[0];
  }

  /**
   * Range.copyTo: copies cell contents (relative references in formulas moved with the cell, as
   * Sheets pastes them) and, unless `contentsOnly`,
   * formats, notes, backgrounds, font weights and validation rules from `src` to a box of the
   * same size at `dst`. Source cells are read before any write, so overlapping boxes are safe.
   */
  copyBox(src: Box, dst: Box, options: { contentsOnly?: boolean; formatOnly?: boolean }): void {
    const src2 = src.sheet;
    const dstSheet = dst.sheet;
    this.ensureRows(dstSheet, dst.row + src.numRows);
    if (dst.col + src.numCols > dstSheet.maxCols) {
      this.wb.checkGrowth((dst.col + src.numCols - dstSheet.maxCols) * dstSheet.maxRows);
      dstSheet.maxCols = dst.col + src.numCols;
    }
    const layers: [SparseGrid<unknown>, SparseGrid<unknown>][] = [];
    if (!options.formatOnly) layers.push([src2.values as SparseGrid<unknown>, dstSheet.values as SparseGrid<unknown>]);
    if (!options.contentsOnly) {
      layers.push(
        [src2.formats, dstSheet.formats],
        [src2.notes, dstSheet.notes],
        [src2.backgrounds, dstSheet.backgrounds],
        [src2.fontWeights, dstSheet.fontWeights],
        [src2.styles, dstSheet.styles],
        [src2.validations as SparseGrid<unknown>, dstSheet.validations as SparseGrid<unknown>],
      );
    }
    let wroteFormula = false;
    for (const [from, to] of layers) {
      const copy: unknown[][] = [];
      for (let i = 0; i < src.numRows; i++) {
        const line = from.row(src.row + i);
        copy.push(line ? line.slice(src.col, src.col + src.numCols) : []);
      }
      for (let i = 0; i < src.numRows; i++) {
        for (let j = 0; j < src.numCols; j++) {
          const value = copy[i][j];
          if (to === (dstSheet.values as SparseGrid<unknown>)) {
            let cell = value as Cell | undefined;
            if (cell instanceof Formula) {
              wroteFormula = true;
              cell = new Formula(shiftFormula(cell.text, dst.row - src.row, dst.col - src.col));
            }
            this.setCell(dstSheet, dst.row + i, dst.col + j, cell);
          } else if (to === (dstSheet.validations as SparseGrid<unknown>) && (value as ValidationModel)?.anchor) {
            // A pasted custom-formula rule keeps its references relative to the pasted cells.
            const rule = value as ValidationModel & { anchor: { row: number; col: number } };
            const [dr, dc] = [dst.row - src.row, dst.col - src.col];
            const anchor = { row: rule.anchor.row + dr, col: rule.anchor.col + dc };
            const args = [shiftFormula(String(rule.args[0] ?? ''), dr, dc), ...rule.args.slice(1)];
            to.set(dst.row + i, dst.col + j, { ...rule, args, anchor });
          } else to.set(dst.row + i, dst.col + j, value);
        }
      }
    }
    if (!options.formatOnly) this.engine.noteWrite(dstSheet, dst.row, dst.col, src.numRows, src.numCols, wroteFormula);
  }

  /**
   * A rule as checked against typed input: VALUE_IN_RANGE becomes the list of its range's
   * non-empty display values (as Sheets offers them); other rules are returned as they are.
   */
  effectiveRule(rule: ValidationModel): ValidationModel {
    if (rule.criteria !== 'VALUE_IN_RANGE' || !isRuleRange(rule.args[0])) return rule;
    const r = rule.args[0];
    const sheet = this.wb.sheets.find((s) => s.sheetId === r.sheetId);
    const values = sheet
      ? this.readDisplay({ sheet, row: r.row, col: r.col, numRows: r.numRows, numCols: r.numCols })
          .flat()
          .filter((v) => v !== '')
      : [];
    return { ...rule, criteria: 'VALUE_IN_LIST', args: [[...new Set(values)], rule.args[1] ?? true] };
  }

  /** Grows a sheet to hold `rows` rows (appendRow past the end). */
  ensureRows(sheet: SheetModel, rows: number): void {
    if (rows > sheet.maxRows) {
      this.wb.checkGrowth((rows - sheet.maxRows) * sheet.maxCols);
      sheet.maxRows = rows;
    }
  }
}
