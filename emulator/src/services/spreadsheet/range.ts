/**
 * SpreadsheetApp.Range: a rectangle of a sheet. Reads and writes go through the context
 * (typed-input parsing, the formula engine); the rest are stored attributes (formats, notes,
 * validation, background, font weight) and links to metadata and protection.
 */
import { AppsScriptException } from '../../core/errors';
import { formatA1 } from './a1';
import { enumName } from '../base/enums';
import { enumValue, SPREADSHEET_ENUMS } from './enums';
import { fromR1C1, shiftFormula, toR1C1 } from './formula-refs';
import { dataRegion, moveBox, nextDataCell, shiftCells, sortBox, sortSpecs } from './range-ops';
import { horizontal, type StyleKey, styleOf, TextStyleFake, vertical, withStyle } from './style';
import { TextFinderFake } from './text-finder';
import { checkLength } from './cells';
import { insertCheckboxes, isChecked, removeCheckboxes, setChecked } from './checkbox';
import { addMetadata, ARBITRARY_RANGE_TEXT, DeveloperMetadataFake, DeveloperMetadataFinderFake } from './metadata';
import type { Box, MetadataLocation, ValidationModel } from './model';
import { ProtectionFake } from './protection';
import type { SheetFake } from './sheet';
import { DataValidationFake, type RuleRange } from './data-validation';

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

function storedFormat(format: unknown): string | undefined {
  const text = String(format);
  return text === '' || text.toLowerCase() === 'general' ? undefined : text;
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
      | 'getFontColor'
      | 'getFontSize'
      | 'getFontFamily'
      | 'getHorizontalAlignment'
      | 'getVerticalAlignment'
      | 'getWrap'
      | 'getFormulaR1C1'
      | 'isPartOfMerge'
    >
{
  static readonly appsScriptName = 'SpreadsheetApp.Range';
  /** Overloads of the methods the add-on and tests use, from the Range reference (core/signatures.ts). */
  static readonly appsScriptSignatures = {
    copyTo: [
      'SpreadsheetApp.Range',
      'SpreadsheetApp.Range,Object',
      'SpreadsheetApp.Range,SpreadsheetApp.CopyPasteType,Boolean',
    ],
    setValue: ['Object'],
    setValues: ['Object[][]'],
    setFormula: ['String'],
    setFormulas: ['Object[][]'],
    setFormulaR1C1: ['String'],
    setFormulasR1C1: ['Object[][]'],
    setNumberFormat: ['String'],
    setNumberFormats: ['Object[][]'],
    setNote: ['String'],
    setNotes: ['Object[][]'],
    setBackground: ['String'],
    setBackgrounds: ['Object[][]'],
    setFontWeight: ['String'],
    setDataValidation: ['SpreadsheetApp.DataValidation'],
    setDataValidations: ['Object[][]'],
    getCell: ['Integer,Integer'],
    offset: ['Integer,Integer', 'Integer,Integer,Integer', 'Integer,Integer,Integer,Integer'],
    clear: ['', 'Object'],
    insertCheckboxes: ['', 'Object', 'Object,Object'],
    removeCheckboxes: [''],
    check: [''],
    uncheck: [''],
    isChecked: [''],
  };

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
   * Copies this range's contents and formats to `destination`. A destination larger than this
   * range receives as many whole copies as fit in each direction (at least one), as Sheets
   * pastes; relative references in formulas move with each copy. `{contentsOnly: true}` copies
   * values only, `{formatOnly: true}` formats only.
   */
  copyTo(destination: RangeFake, options?: { contentsOnly?: boolean; formatOnly?: boolean } | string): this {
    const opts =
      typeof options === 'string' || (options !== null && typeof options === 'object' && '_name' in options)
        ? { contentsOnly: String(options) === 'PASTE_VALUES', formatOnly: String(options) === 'PASTE_FORMAT' }
        : ((options as { contentsOnly?: boolean; formatOnly?: boolean } | undefined) ?? {});
    const dst = destination._boxModel();
    const down = Math.max(1, Math.floor(dst.numRows / this._numRows));
    const across = Math.max(1, Math.floor(dst.numCols / this._numCols));
    for (let i = 0; i < down; i++)
      for (let j = 0; j < across; j++) {
        const at = { ...dst, row: dst.row + i * this._numRows, col: dst.col + j * this._numCols };
        this.ctx.copyBox(this._boxModel(), { ...at, numRows: this._numRows, numCols: this._numCols }, opts);
      }
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
  /** One formula for every cell: relative references move with each cell, as Sheets fills. */
  setFormula(formula: string): this {
    const f = formula === '' ? '' : String(formula).startsWith('=') ? String(formula) : `=${formula}`;
    checkLength(f);
    this.ctx.writeValues(
      this._boxModel(),
      grid(this._numRows, this._numCols, (r, c) => shiftFormula(f, r, c)),
    );
    return this;
  }
  /** R1C1 references are relative to each cell (`R[-1]C`), absolute when bare numbers (`R1C1`). */
  setFormulaR1C1(formula: string): this {
    const f = formula === '' ? '' : String(formula).startsWith('=') ? String(formula) : `=${formula}`;
    checkLength(f);
    this.ctx.writeValues(
      this._boxModel(),
      grid(this._numRows, this._numCols, (r, c) => fromR1C1(f, this._row + r + 1, this._col + c + 1)),
    );
    return this;
  }
  setFormulasR1C1(formulas: string[][]): this {
    this.checkShape(formulas);
    const values = formulas.map((row, r) =>
      row.map((f, c) =>
        f === '' || f === null || f === undefined
          ? ''
          : fromR1C1(String(f).startsWith('=') ? String(f) : `=${f}`, this._row + r + 1, this._col + c + 1),
      ),
    );
    this.ctx.writeValues(this._boxModel(), values);
    return this;
  }
  getFormulaR1C1(): string {
    return toR1C1(this.getFormula(), this._row + 1, this._col + 1);
  }
  getFormulasR1C1(): string[][] {
    return this.getFormulas().map((row, r) => row.map((f, c) => toR1C1(f, this._row + r + 1, this._col + c + 1)));
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
  /** "General" (any case) is the default format: it reads back as `0.###############`. */
  setNumberFormat(format: string): this {
    return this.setAll(this._sheet._model.formats, storedFormat(format));
  }
  setNumberFormats(formats: string[][]): this {
    return this.setEach(this._sheet._model.formats, formats, storedFormat);
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
  /** A custom formula's references are relative to the top-left cell of the range it is set on. */
  setDataValidation(rule: DataValidationFake | null): this {
    return this.setAll(this._sheet._model.validations, rule ? anchored(rule._model, this._row, this._col) : undefined);
  }
  setDataValidations(rules: (DataValidationFake | null)[][]): this {
    this.checkShape(rules);
    const layer = this._sheet._model.validations;
    for (let r = 0; r < this._numRows; r++)
      for (let c = 0; c < this._numCols; c++) {
        const rule = rules[r][c];
        layer.set(this._row + r, this._col + c, rule ? anchored(rule._model, this._row + r, this._col + c) : undefined);
      }
    return this;
  }

  // ---- checkboxes (checkbox.ts) ---------------------------------------------------------

  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): this {
    const args =
      checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    insertCheckboxes(this.ctx, this._boxModel(), args);
    return this;
  }
  removeCheckboxes(): this {
    removeCheckboxes(this.ctx, this._boxModel());
    return this;
  }
  check(): this {
    setChecked(this.ctx, this._boxModel(), 'checked');
    return this;
  }
  uncheck(): this {
    setChecked(this.ctx, this._boxModel(), 'unchecked');
    return this;
  }
  isChecked(): boolean | null {
    return isChecked(this.ctx, this._boxModel());
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

  // ---- text style, alignment, merges (style.ts) ----------------------------------------

  private setStyle(key: StyleKey, value: unknown): this {
    const layer = this._sheet._model.styles;
    for (let r = this._row; r < this._row + this._numRows; r++)
      for (let c = this._col; c < this._col + this._numCols; c++)
        layer.set(r, c, withStyle(layer.get(r, c), key, value));
    return this;
  }
  private style(key: StyleKey): string | number {
    return styleOf(this._sheet._model.styles.get(this._row, this._col), key);
  }
  private styles(key: StyleKey): (string | number)[][] {
    return grid(this._numRows, this._numCols, (r, c) =>
      styleOf(this._sheet._model.styles.get(this._row + r, this._col + c), key),
    );
  }
  setFontColor(color: string | null): this {
    return this.setStyle('fontColor', color === null ? null : String(color));
  }
  getFontColor(): string {
    return String(this.style('fontColor'));
  }
  getFontColors(): string[][] {
    return this.styles('fontColor').map((r) => r.map(String));
  }
  setFontSize(size: number): this {
    return this.setStyle('fontSize', Number(size));
  }
  getFontSize(): number {
    return Number(this.style('fontSize'));
  }
  setFontFamily(fontFamily: string | null): this {
    return this.setStyle('fontFamily', fontFamily === null ? null : String(fontFamily));
  }
  getFontFamily(): string {
    return String(this.style('fontFamily'));
  }
  setFontStyle(fontStyle: string | null): this {
    return this.setStyle('fontStyle', fontStyle === null ? null : String(fontStyle));
  }
  getFontStyle(): string {
    return String(this.style('fontStyle'));
  }
  setFontLine(fontLine: string | null): this {
    return this.setStyle('fontLine', fontLine === null ? null : String(fontLine));
  }
  getFontLine(): string {
    return String(this.style('fontLine'));
  }
  setHorizontalAlignment(alignment: string | null): this {
    return this.setStyle('horizontalAlignment', horizontal(alignment));
  }
  getHorizontalAlignment(): string {
    return String(this.style('horizontalAlignment'));
  }
  getHorizontalAlignments(): string[][] {
    return this.styles('horizontalAlignment').map((r) => r.map(String));
  }
  setVerticalAlignment(alignment: string | null): this {
    return this.setStyle('verticalAlignment', vertical(alignment));
  }
  getVerticalAlignment(): string {
    return String(this.style('verticalAlignment'));
  }
  setWrap(isWrapEnabled: boolean): this {
    return this.setStyle('wrapStrategy', isWrapEnabled ? 'WRAP' : 'OVERFLOW');
  }
  getWrap(): boolean {
    return this.style('wrapStrategy') === 'WRAP';
  }
  setWrapStrategy(strategy: unknown): this {
    return this.setStyle('wrapStrategy', enumName(strategy));
  }
  getWrapStrategy(): unknown {
    return enumValue(SPREADSHEET_ENUMS.WrapStrategy, String(this.style('wrapStrategy')));
  }
  getTextStyle(): TextStyleFake {
    return new TextStyleFake(this._sheet._model.styles.get(this._row, this._col), this.getFontWeight() === 'bold');
  }

  // Plural getters: one value per cell of the range.
  getFontWeights(): string[][] {
    return this.getAll(this._sheet._model.fontWeights, 'normal');
  }
  getFontSizes(): number[][] {
    return this.styles('fontSize').map((r) => r.map(Number));
  }
  getFontFamilies(): string[][] {
    return this.styles('fontFamily').map((r) => r.map(String));
  }
  getFontStyles(): string[][] {
    return this.styles('fontStyle').map((r) => r.map(String));
  }
  getFontLines(): string[][] {
    return this.styles('fontLine').map((r) => r.map(String));
  }
  getVerticalAlignments(): string[][] {
    return this.styles('verticalAlignment').map((r) => r.map(String));
  }
  getWraps(): boolean[][] {
    return this.styles('wrapStrategy').map((r) => r.map((w) => w === 'WRAP'));
  }
  getWrapStrategies(): unknown[][] {
    return this.styles('wrapStrategy').map((r) => r.map((w) => enumValue(SPREADSHEET_ENUMS.WrapStrategy, String(w))));
  }
  getTextStyles(): TextStyleFake[][] {
    const model = this._sheet._model;
    return grid(
      this._numRows,
      this._numCols,
      (r, c) =>
        new TextStyleFake(
          model.styles.get(this._row + r, this._col + c),
          model.fontWeights.get(this._row + r, this._col + c) === 'bold',
        ),
    );
  }

  private mergeBoxes(boxes: Box[]): this {
    const s = this._sheet._model;
    const mine = this._boxModel();
    for (const m of s.merges)
      if (overlaps(m, mine) && !contains(mine, m))
        throw new AppsScriptException('You must select all cells in a merged range to merge or unmerge them.');
    s.merges = s.merges.filter((m) => !contains(mine, m));
    for (const b of boxes) {
      if (b.numRows === 1 && b.numCols === 1) continue;
      // Only the top-left value stays, as in Sheets.
      for (let r = b.row; r < b.row + b.numRows; r++)
        for (let c = b.col; c < b.col + b.numCols; c++)
          if (r !== b.row || c !== b.col) this.ctx.setCell(s, r, c, undefined);
      this.ctx.engine.noteWrite(s, b.row, b.col, b.numRows, b.numCols, false);
      s.merges.push({ ...b });
    }
    return this;
  }
  merge(): this {
    return this.mergeBoxes([this._boxModel()]);
  }
  mergeAcross(): this {
    return this.mergeBoxes(
      grid(this._numRows, 1, (r) => ({ ...this._boxModel(), row: this._row + r, numRows: 1 })).flat(),
    );
  }
  mergeVertically(): this {
    return this.mergeBoxes(
      grid(1, this._numCols, (_r, c) => ({ ...this._boxModel(), col: this._col + c, numCols: 1 })).flat(),
    );
  }
  breakApart(): this {
    const s = this._sheet._model;
    const mine = this._boxModel();
    for (const m of s.merges)
      if (overlaps(m, mine) && !contains(mine, m))
        throw new AppsScriptException('You must select all cells in a merged range to merge or unmerge them.');
    s.merges = s.merges.filter((m) => !contains(mine, m));
    return this;
  }
  getMergedRanges(): RangeFake[] {
    const mine = this._boxModel();
    return this._sheet._model.merges.filter((m) => overlaps(m, mine)).map((m) => this._rangeFor(m));
  }
  isPartOfMerge(): boolean {
    const mine = this._boxModel();
    return this._sheet._model.merges.some((m) => overlaps(m, mine));
  }

  // ---- moving, sorting, searching (range-ops.ts) ---------------------------------------

  sort(sortSpecObj: unknown): this {
    sortBox(this.ctx, this._boxModel(), sortSpecs(sortSpecObj, this._boxModel()));
    return this;
  }
  moveTo(target: RangeFake): void {
    moveBox(this.ctx, this._boxModel(), target._boxModel());
  }
  insertCells(shiftDimension: unknown): this {
    shiftCells(this.ctx, this._boxModel(), enumName(shiftDimension) === 'COLUMNS' ? 'COLUMNS' : 'ROWS', true);
    return this;
  }
  deleteCells(shiftDimension: unknown): void {
    shiftCells(this.ctx, this._boxModel(), enumName(shiftDimension) === 'COLUMNS' ? 'COLUMNS' : 'ROWS', false);
  }
  getNextDataCell(direction: unknown): RangeFake {
    const [r, c] = nextDataCell(this._sheet._model, this._row, this._col, enumName(direction));
    return this._sheet._box(r, c, 1, 1);
  }
  getDataRegion(dimension?: unknown): RangeFake {
    const dim = dimension === undefined ? undefined : enumName(dimension) === 'COLUMNS' ? 'COLUMNS' : 'ROWS';
    return this._rangeFor(dataRegion(this._boxModel(), dim));
  }
  createTextFinder(findText: string): TextFinderFake {
    return new TextFinderFake(
      this.ctx,
      () => [this._boxModel()],
      (b) => this._rangeFor(b),
      findText,
    );
  }
}

function anchored(model: ValidationModel, row: number, col: number): ValidationModel {
  return model.criteria === 'CUSTOM_FORMULA' ? { ...model, anchor: { row, col } } : model;
}

function overlaps(a: Box, b: Box): boolean {
  return (
    a.sheet === b.sheet &&
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.col < b.col + b.numCols &&
    b.col < a.col + a.numCols
  );
}

function contains(outer: Box, inner: Box): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.col + inner.numCols <= outer.col + outer.numCols
  );
}
