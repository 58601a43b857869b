/**
 * Data validation rules: SpreadsheetApp.DataValidationBuilder (every `require*` criterion,
 * `withCriteria`, `copy`, the getters) and SpreadsheetApp.DataValidation. A rule is stored per
 * cell as JSON-safe data (ValidationModel): a VALUE_IN_RANGE range by sheet id and position, a
 * date as epoch milliseconds. Rules are checked on a person's edits only (validation-check.ts).
 */
import { AppsScriptException } from '../../core/errors';
import { enumName } from '../base/enums';
import { enumValue, SPREADSHEET_ENUMS } from './enums';
import type { Box, ValidationModel } from './model';

const CRITERIA = SPREADSHEET_ENUMS.DataValidationCriteria;

/** The range of a VALUE_IN_RANGE rule, stored as data (sheet by id) so rules stay JSON. */
export interface RuleRange {
  sheetId: number;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** A date argument (requireDateAfter...), stored as its instant. */
export interface RuleDate {
  epochMs: number;
}

export function isRuleRange(value: unknown): value is RuleRange {
  return value !== null && typeof value === 'object' && typeof (value as RuleRange).sheetId === 'number';
}

export function isRuleDate(value: unknown): value is RuleDate {
  return value !== null && typeof value === 'object' && typeof (value as RuleDate).epochMs === 'number';
}

type RangeLike = { _boxModel(): Box; _rangeFor(box: Box): object };
type RangeResolver = (r: RuleRange) => object | null;

function isRangeLike(value: unknown): value is RangeLike {
  return value !== null && typeof value === 'object' && typeof (value as RangeLike)._boxModel === 'function';
}

/** A range argument as rule data, and a resolver that turns it back into a Range of the same sheet. */
function ruleRangeOf(range: RangeLike): { data: RuleRange; resolve: RangeResolver } {
  const b = range._boxModel();
  const data = { sheetId: b.sheet.sheetId, row: b.row, col: b.col, numRows: b.numRows, numCols: b.numCols };
  const resolve: RangeResolver = (r) =>
    r.sheetId === b.sheet.sheetId && !b.sheet.deleted ? range._rangeFor({ sheet: b.sheet, ...r }) : null;
  return { data, resolve };
}

/** Stored arguments as Apps Script returns them (`getCriteriaValues`): Dates and Ranges again. */
function criteriaValues(args: unknown[], resolve: RangeResolver): unknown[] {
  return args.map((a) => {
    if (isRuleRange(a)) return resolve(a);
    if (isRuleDate(a)) return new Date(a.epochMs);
    return Array.isArray(a) ? a.slice() : a;
  });
}

function copyModel(model: ValidationModel): ValidationModel {
  return { ...model, args: model.args.map((a) => (Array.isArray(a) ? a.slice() : a)) };
}

/** The getters DataValidation and DataValidationBuilder share. */
abstract class RuleReader {
  constructor(
    readonly _model: ValidationModel,
    protected _resolve: RangeResolver,
  ) {}
  getCriteriaType(): unknown {
    return this._model.criteria === '' ? null : enumValue(CRITERIA, this._model.criteria);
  }
  getCriteriaValues(): unknown[] {
    return criteriaValues(this._model.args, this._resolve);
  }
  /** The help text, or null when none is set (documented). */
  getHelpText(): string | null {
    return this._model.helpText === '' ? null : this._model.helpText;
  }
  getAllowInvalid(): boolean {
    return this._model.allowInvalid;
  }
  copy(): DataValidationBuilderFake {
    return new DataValidationBuilderFake(copyModel(this._model), this._resolve);
  }
}

export class DataValidationFake extends RuleReader {
  static readonly appsScriptName = 'SpreadsheetApp.DataValidation';
  static readonly appsScriptSignatures = {
    copy: [''],
    getAllowInvalid: [''],
    getCriteriaType: [''],
    getCriteriaValues: [''],
    getHelpText: [''],
  };
  constructor(model: ValidationModel, resolve: RangeResolver = () => null) {
    super(model, resolve);
  }
}

export class DataValidationBuilderFake extends RuleReader {
  static readonly appsScriptName = 'SpreadsheetApp.DataValidationBuilder';
  /** Overloads from the DataValidationBuilder reference: wrong argument types are refused (core/signatures.ts). */
  static readonly appsScriptSignatures = {
    requireValueInList: ['Object[]', 'Object[],Boolean'],
    requireValueInRange: ['SpreadsheetApp.Range', 'SpreadsheetApp.Range,Boolean'],
    requireNumberBetween: ['number,number'],
    requireNumberNotBetween: ['number,number'],
    requireNumberEqualTo: ['number'],
    requireNumberNotEqualTo: ['number'],
    requireNumberGreaterThan: ['number'],
    requireNumberGreaterThanOrEqualTo: ['number'],
    requireNumberLessThan: ['number'],
    requireNumberLessThanOrEqualTo: ['number'],
    requireDate: [''],
    requireDateAfter: ['Date'],
    requireDateBefore: ['Date'],
    requireDateBetween: ['Date,Date'],
    requireDateNotBetween: ['Date,Date'],
    requireDateEqualTo: ['Date'],
    requireDateOnOrAfter: ['Date'],
    requireDateOnOrBefore: ['Date'],
    requireCheckbox: ['', 'Object', 'Object,Object'],
    requireTextIsEmail: [''],
    requireTextIsUrl: [''],
    requireTextContains: ['String'],
    requireTextDoesNotContain: ['String'],
    requireTextEqualTo: ['String'],
    requireFormulaSatisfied: ['String'],
    withCriteria: ['SpreadsheetApp.DataValidationCriteria,Object[]'],
    setAllowInvalid: ['Boolean'],
    setHelpText: ['String'],
    build: [''],
    copy: [''],
    getAllowInvalid: [''],
    getCriteriaType: [''],
    getCriteriaValues: [''],
    getHelpText: [''],
  };
  constructor(
    model: ValidationModel = { criteria: '', args: [], allowInvalid: true, helpText: '' },
    resolve: RangeResolver = () => null,
  ) {
    super(model, resolve);
  }
  private criteria(name: string, args: unknown[]): this {
    this._model.criteria = name;
    this._model.args = args;
    return this;
  }
  private dates(name: string, dates: Date[]): this {
    return this.criteria(
      name,
      dates.map((d) => ({ epochMs: d.getTime() })),
    );
  }
  requireValueInList(values: unknown[], showDropdown = true): this {
    return this.criteria('VALUE_IN_LIST', [Array.from(values).map(String), showDropdown]);
  }
  requireValueInRange(range: RangeLike, showDropdown = true): this {
    if (!isRangeLike(range))
      throw new AppsScriptException(
        "The parameters don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInRange.",
      );
    const { data, resolve } = ruleRangeOf(range);
    this._resolve = resolve;
    return this.criteria('VALUE_IN_RANGE', [data, showDropdown]);
  }
  requireNumberBetween(start: number, end: number): this {
    return this.criteria('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberNotBetween(start: number, end: number): this {
    return this.criteria('NUMBER_NOT_BETWEEN', [start, end]);
  }
  requireNumberEqualTo(n: number): this {
    return this.criteria('NUMBER_EQUAL_TO', [n]);
  }
  requireNumberNotEqualTo(n: number): this {
    return this.criteria('NUMBER_NOT_EQUAL_TO', [n]);
  }
  requireNumberGreaterThan(n: number): this {
    return this.criteria('NUMBER_GREATER_THAN', [n]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): this {
    return this.criteria('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberLessThan(n: number): this {
    return this.criteria('NUMBER_LESS_THAN', [n]);
  }
  requireNumberLessThanOrEqualTo(n: number): this {
    return this.criteria('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  requireDate(): this {
    return this.criteria('DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(date: Date): this {
    return this.dates('DATE_AFTER', [date]);
  }
  requireDateBefore(date: Date): this {
    return this.dates('DATE_BEFORE', [date]);
  }
  requireDateBetween(start: Date, end: Date): this {
    return this.dates('DATE_BETWEEN', [start, end]);
  }
  requireDateNotBetween(start: Date, end: Date): this {
    return this.dates('DATE_NOT_BETWEEN', [start, end]);
  }
  requireDateEqualTo(date: Date): this {
    return this.dates('DATE_EQUAL_TO', [date]);
  }
  requireDateOnOrAfter(date: Date): this {
    return this.dates('DATE_ON_OR_AFTER', [date]);
  }
  requireDateOnOrBefore(date: Date): this {
    return this.dates('DATE_ON_OR_BEFORE', [date]);
  }
  /** No values: TRUE/FALSE; one: that value or blank; two: checked and unchecked values. */
  requireCheckbox(checked?: unknown, unchecked?: unknown): this {
    return this.criteria(
      'CHECKBOX',
      checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked],
    );
  }
  requireTextIsEmail(): this {
    return this.criteria('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): this {
    return this.criteria('TEXT_IS_VALID_URL', []);
  }
  requireTextContains(text: string): this {
    return this.criteria('TEXT_CONTAINS', [String(text)]);
  }
  requireTextDoesNotContain(text: string): this {
    return this.criteria('TEXT_DOES_NOT_CONTAIN', [String(text)]);
  }
  requireTextEqualTo(text: string): this {
    return this.criteria('TEXT_EQUAL_TO', [String(text)]);
  }
  requireFormulaSatisfied(formula: string): this {
    return this.criteria('CUSTOM_FORMULA', [String(formula)]);
  }
  /**
   * Sets the criteria and its arguments as `getCriteriaType()`/`getCriteriaValues()` give them
   * (typically from an existing rule): Dates, a Range for VALUE_IN_RANGE, a list for VALUE_IN_LIST.
   */
  withCriteria(criteria: unknown, args: unknown[]): this {
    const name = enumName(criteria);
    if (!(name in CRITERIA)) throw new AppsScriptException(`Invalid argument: criteria`);
    const stored = Array.from(args ?? []).map((a) => {
      if (a instanceof Date) return { epochMs: a.getTime() };
      if (isRangeLike(a)) {
        const { data, resolve } = ruleRangeOf(a);
        this._resolve = resolve;
        return data;
      }
      return Array.isArray(a) ? a.map(String) : a;
    });
    return this.criteria(name, stored);
  }
  setAllowInvalid(allowInvalid: boolean): this {
    this._model.allowInvalid = Boolean(allowInvalid);
    return this;
  }
  setHelpText(text: string): this {
    this._model.helpText = text === null || text === undefined ? '' : String(text);
    return this;
  }
  build(): DataValidationFake {
    if (!this._model.criteria)
      throw new AppsScriptException('You must specify a criteria type before building a data validation rule.');
    return new DataValidationFake(copyModel(this._model), this._resolve);
  }
}
