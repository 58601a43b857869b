/**
 * SpreadsheetApp.Range: a rectangle of a sheet. Reads and writes go through the context
 * (typed-input parsing, the formula engine); the rest are stored attributes (formats, notes,
 * validation, background, font weight) and links to metadata and protection.
 */
import { AppsScriptException } from '../../core/errors';
import { formatA1 } from './a1';
import { checkLength } from './cells';
import { addMetadata, ARBITRARY_RANGE_TEXT, DeveloperMetadataFake, DeveloperMetadataFinderFake } from './metadata';
import type { Box, MetadataLocation } from './model';
import { ProtectionFake } from './protection';
import type { SheetFake } from './sheet';
import { DataValidationFake, type RuleRange } from './validation';

type RangeApi = GoogleAppsScript.Spreadsheet.Range;

function grid<T>(numRows: number, numCols: number, fill: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < numRows; r++) {
    const line: T[] = [];
    for (let c = 0; c < numCols; c++) line.push(fill(r, c));
    out.push(line);
  }
  return out;
}

export class RangeFake
  implements
    Pick<
      RangeApi,
      | 'getValue'
      | 'getFormula'
      | 'getDisplayValue'
      | 'getNumberFormat'
      | 'getNote'
      | 'getRow'
      | 'getColumn'
      | 'getNumRows'
      | 'getNumColumns'
      | 'getLastRow'
      | 'getLastColumn'
      | 'getA1Notation'
      | 'getBackground'
      | 'isBlank'
    >
{
  static readonly appsScriptName = 'SpreadsheetApp.Range';

  constructor(
    readonly _sheet: SheetFake,
    readonly _row: number,
    readonly _col: number,
    readonly _numRows: number,
    readonly _numCols: number,
  ) {}

  _boxModel(): Box {
    return {
      sheet: this._sheet._model,
      row: this._row,
      col: this._col,
      numRows: this._numRows,
      numCols: this._numCols,
    };
  }

  _rangeFor(b: Box): RangeFake {
    return this._sheet._ss._sheet(b.sheet)._box(b.row, b.col, b.numRows, b.numCols);
  }

  private get ctx() {
    return this._sheet._ss._ctx;
  }

  private checkShape(values: unknown): unknown[][] {
    if (!Array.isArray(values)) {
      throw new AppsScriptException(
        `The parameters (${typeof values === 'string' ? 'String' : typeof values}) don't match the method signature for SpreadsheetApp.Range.setValues.`,
      );
    }
    if (values.length !== this._numRows) {
      throw new AppsScriptException(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this._numRows}.`,
      );
    }
    for (const row of values) {
      const len = Array.isArray(row) ? row.length : 1;
      if (len !== this._numCols) {
        throw new AppsScriptException(
          `The number of columns in the data does not match the number of columns in the range. The data has ${len} but the range has ${this._numCols}.`,
        );
      }
    }
    return values as unknown[][];
  }

  // ---- values ----------------------------------------------------------------------------

  getValues(): unknown[][] {
    return this.ctx.readValues(this._boxModel());
  }
  getValue(): unknown {
    return this.ctx.readValues({ ...this._boxModel(), numRows: 1, numCols: 1 })[0][0];
  }
  setValues(values: unknown[][]): this {
    this.ctx.writeValues(this._boxModel(), this.checkShape(values));
    return this;
  }
  setValue(value: unknown): this {
    checkLength(value);
    const line = new Array(this._numCols).fill(value);
    this.ctx.writeValues(
      this._boxModel(),
      grid(this._numRows, this._numCols, () => value).map(() => line.slice()),
    );
    return this;
  }
  /**
   * Copies this range's contents and formats to `destination` (its top-left cell anchors a box
   * of this range's size). `{contentsOnly: true}` copies values only, `{formatOnly: true}`
   * formats only.
   */
  copyTo(destination: RangeFake, options?: { contentsOnly?: boolean; formatOnly?: boolean } | string): this {
    if (!(destination instanceof RangeFake)) {
      throw new AppsScriptException(
        `The parameters (${typeof destination}) don't match the method signature for SpreadsheetApp.Range.copyTo.`,
      );
    }
    const opts =
      typeof options === 'string'
        ? { contentsOnly: options === 'PASTE_VALUES', formatOnly: options === 'PASTE_FORMAT' }
        : (options ?? {});
    const dst = destination._boxModel();
    this.ctx.copyBox(this._boxModel(), { ...dst, numRows: this._numRows, numCols: this._numCols }, opts);
    return this;
  }
  getDisplayValues(): string[][] {
    return this.ctx.readDisplay(this._boxModel());
  }
  getDisplayValue(): string {
    return this.ctx.readDisplay({ ...this._boxModel(), numRows: 1, numCols: 1 })[0][0];
  }
  getFormulas(): string[][] {
    return this.ctx.readFormulas(this._boxModel());
  }
  getFormula(): string {
    return this.ctx.readFormulas({ ...this._boxModel(), numRows: 1, numCols: 1 })[0][0];
  }
  setFormulas(formulas: string[][]): this {
    this.checkShape(formulas);
    const values = formulas.map((row) =>
      row.map((f) => (f === '' || f === null || f === undefined ? '' : String(f).startsWith('=') ? f : `=${f}`)),
    );
    this.ctx.writeValues(this._boxModel(), values);
    return this;
  }
  setFormula(formula: string): this {
    const f = formula === '' ? '' : String(formula).startsWith('=') ? formula : `=${formula}`;
    return this.setValue(f);
  }
  isBlank(): boolean {
    return (
      this.getValues().every((row) => row.every((v) => v === '')) &&
      this.getFormulas().every((r) => r.every((f) => f === ''))
    );
  }

  // ---- clearing ------------------------------------------------------------------------

  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
  }): this {
    const box = this._boxModel();
    if (options && (options.contentsOnly || options.formatOnly || options.validationsOnly || options.commentsOnly)) {
      if (options.contentsOnly) this.ctx.clearContent(box);
      if (options.formatOnly) this.ctx.clearFormat(box);
      if (options.validationsOnly) box.sheet.validations.clear(box.row, box.col, box.numRows, box.numCols);
      return this;
    }
    this.ctx.clearContent(box);
    this.ctx.clearFormat(box);
    return this;
  }
  clearContent(): this {
    this.ctx.clearContent(this._boxModel());
    return this;
  }
  clearFormat(): this {
    this.ctx.clearFormat(this._boxModel());
    return this;
  }
  clearNote(): this {
    this._sheet._model.notes.clear(this._row, this._col, this._numRows, this._numCols);
    return this;
  }
  clearDataValidations(): this {
    this._sheet._model.validations.clear(this._row, this._col, this._numRows, this._numCols);
    return this;
  }

  // ---- stored attributes ---------------------------------------------------------------

  private setAll<T>(layer: { set(r: number, c: number, v: T | undefined): void }, value: T | undefined): this {
    for (let r = 0; r < this._numRows; r++)
      for (let c = 0; c < this._numCols; c++) layer.set(this._row + r, this._col + c, value);
    return this;
  }
  private setEach<T, S>(
    layer: { set(r: number, c: number, v: S | undefined): void },
    values: T[][],
    map: (v: T) => S | undefined,
  ): this {
    this.checkShape(values);
    for (let r = 0; r < this._numRows; r++)
      for (let c = 0; c < this._numCols; c++) layer.set(this._row + r, this._col + c, map(values[r][c]));
    return this;
  }
  private getAll<T, D>(layer: { get(r: number, c: number): T | undefined }, fallback: D): (T | D)[][] {
    return grid(this._numRows, this._numCols, (r, c) => layer.get(this._row + r, this._col + c) ?? fallback);
  }

  getNumberFormats(): string[][] {
    return this.getAll(this._sheet._model.formats, '0.###############');
  }
  getNumberFormat(): string {
    return this._sheet._model.formats.get(this._row, this._col) ?? '0.###############';
  }
  setNumberFormat(format: string): this {
    return this.setAll(this._sheet._model.formats, format === '' ? undefined : String(format));
  }
  setNumberFormats(formats: string[][]): this {
    return this.setEach(this._sheet._model.formats, formats, (f) => (f === '' ? undefined : String(f)));
  }
  getNotes(): string[][] {
    return this.getAll(this._sheet._model.notes, '');
  }
  getNote(): string {
    return this._sheet._model.notes.get(this._row, this._col) ?? '';
  }
  setNote(note: string | null): this {
    return this.setAll(this._sheet._model.notes, note === null || note === '' ? undefined : String(note));
  }
  setNotes(notes: string[][]): this {
    return this.setEach(this._sheet._model.notes, notes, (n) => (n === null || n === '' ? undefined : String(n)));
  }
  getBackground(): string {
    return this._sheet._model.backgrounds.get(this._row, this._col) ?? '#ffffff';
  }
  getBackgrounds(): string[][] {
    return this.getAll(this._sheet._model.backgrounds, '#ffffff');
  }
  setBackground(color: string | null): this {
    return this.setAll(this._sheet._model.backgrounds, color === null ? undefined : String(color));
  }
  setBackgrounds(colors: string[][]): this {
    return this.setEach(this._sheet._model.backgrounds, colors, (c) => (c === null ? undefined : String(c)));
  }
  getFontWeight(): string {
    return this._sheet._model.fontWeights.get(this._row, this._col) ?? 'normal';
  }
  setFontWeight(weight: string | null): this {
    return this.setAll(
      this._sheet._model.fontWeights,
      weight === null || weight === 'normal' ? undefined : String(weight),
    );
  }
  setFontColor(): this {
    return this;
  }
  setHorizontalAlignment(): this {
    return this;
  }
  setWrap(): this {
    return this;
  }
  merge(): this {
    return this;
  }
  /** The Range a VALUE_IN_RANGE rule names (null once its sheet is gone). */
  private readonly _ruleRange = (r: RuleRange): RangeFake | null => {
    const sheet = this._sheet._ss._wb.sheets.find((s) => s.sheetId === r.sheetId);
    return sheet ? this._sheet._ss._sheet(sheet)._box(r.row, r.col, r.numRows, r.numCols) : null;
  };
  getDataValidation(): DataValidationFake | null {
    const v = this._sheet._model.validations.get(this._row, this._col);
    return v ? new DataValidationFake(v, this._ruleRange) : null;
  }
  getDataValidations(): (DataValidationFake | null)[][] {
    return grid(this._numRows, this._numCols, (r, c) => {
      const v = this._sheet._model.validations.get(this._row + r, this._col + c);
      return v ? new DataValidationFake(v, this._ruleRange) : null;
    });
  }
  setDataValidation(rule: DataValidationFake | null): this {
    return this.setAll(this._sheet._model.validations, rule ? rule._model : undefined);
  }
  setDataValidations(rules: (DataValidationFake | null)[][]): this {
    return this.setEach(this._sheet._model.validations, rules, (r) => (r ? r._model : undefined));
  }

  // ---- geometry ------------------------------------------------------------------------

  getRow(): number {
    return this._row + 1;
  }
  getColumn(): number {
    return this._col + 1;
  }
  getRowIndex(): number {
    return this._row + 1;
  }
  getNumRows(): number {
    return this._numRows;
  }
  getNumColumns(): number {
    return this._numCols;
  }
  getLastRow(): number {
    return this._row + this._numRows;
  }
  getLastColumn(): number {
    return this._col + this._numCols;
  }
  getA1Notation(): string {
    const s = this._sheet._model;
    if (this._col === 0 && this._numCols === s.maxCols && this._numRows < s.maxRows)
      return `${this._row + 1}:${this._row + this._numRows}`;
    if (this._row === 0 && this._numRows === s.maxRows && this._numCols < s.maxCols) {
      const a = formatA1(0, this._col, 1, 1).replace(/\d+$/, '');
      const b = formatA1(0, this._col + this._numCols - 1, 1, 1).replace(/\d+$/, '');
      return `${a}:${b}`;
    }
    return formatA1(this._row, this._col, this._numRows, this._numCols);
  }
  getSheet(): SheetFake {
    return this._sheet;
  }
  getCell(row: number, column: number): RangeFake {
    if (row < 1 || column < 1 || row > this._numRows || column > this._numCols) {
      throw new AppsScriptException('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return this._sheet._box(this._row + row - 1, this._col + column - 1, 1, 1);
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): RangeFake {
    return this._sheet.getRange(
      this._row + 1 + rowOffset,
      this._col + 1 + columnOffset,
      numRows ?? this._numRows,
      numColumns ?? this._numCols,
    );
  }
  activate(): this {
    this._sheet.activate();
    return this;
  }

  // ---- metadata and protection ---------------------------------------------------------

  private wholeLocation(): MetadataLocation | null {
    const s = this._sheet._model;
    if (this._numRows === 1 && this._col === 0 && this._numCols === s.maxCols)
      return { type: 'ROW', sheet: s, index: this._row };
    if (this._numCols === 1 && this._row === 0 && this._numRows === s.maxRows)
      return { type: 'COLUMN', sheet: s, index: this._col };
    return null;
  }
  addDeveloperMetadata(key: string, valueOrVisibility?: unknown, visibility?: unknown): this {
    const loc = this.wholeLocation();
    if (!loc) throw new AppsScriptException(ARBITRARY_RANGE_TEXT);
    addMetadata(this._sheet._ss, loc, [key, valueOrVisibility, visibility]);
    return this;
  }
  private scope() {
    const s = this._sheet._model;
    const b = this._boxModel();
    return (loc: MetadataLocation) =>
      (loc.type === 'ROW' && loc.sheet === s && loc.index >= b.row && loc.index < b.row + b.numRows) ||
      (loc.type === 'COLUMN' && loc.sheet === s && loc.index >= b.col && loc.index < b.col + b.numCols);
  }
  getDeveloperMetadata(): DeveloperMetadataFake[] {
    const loc = this.wholeLocation();
    const ss = this._sheet._ss;
    return ss._wb.metadata
      .filter(
        (m) =>
          loc &&
          m.location.type === loc.type &&
          'index' in m.location &&
          'index' in loc &&
          m.location.sheet === loc.sheet &&
          m.location.index === loc.index,
      )
      .map((m) => new DeveloperMetadataFake(ss, m));
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinderFake {
    return new DeveloperMetadataFinderFake(this._sheet._ss, this.scope());
  }
  protect(): ProtectionFake {
    const ss = this._sheet._ss;
    const model = {
      type: 'RANGE' as const,
      box: this._boxModel(),
      description: '',
      warningOnly: false,
      domainEdit: true,
      editors: new Set([ss._wb.owner, ss._ctx.currentUser()]),
      unprotected: [],
      rangeName: null,
    };
    ss._wb.protections.push(model);
    return new ProtectionFake(ss, model);
  }
}
