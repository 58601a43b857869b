/**
 * Conditional format rules: the builder (boolean, custom-formula and gradient conditions), the
 * stored rule and its conditions. Rules are stored per sheet; conditional.ts evaluates them for
 * the playground page. Data validation rules live in data-validation.ts.
 */
import { AppsScriptException } from '../../core/errors';
import { enumName } from '../base/enums';
import { enumValue, SPREADSHEET_ENUMS } from './enums';
import { isRuleDate, type RuleDate } from './data-validation';
import type { Box, ConditionalRuleModel, GradientPoint } from './model';

export class BooleanConditionFake {
  static readonly appsScriptName = 'SpreadsheetApp.BooleanCondition';
  constructor(private readonly _model: ConditionalRuleModel) {}
  getCriteriaType(): unknown {
    return enumValue(SPREADSHEET_ENUMS.BooleanCriteria, this._model.condition);
  }
  /** Dates come back as Dates, relative dates as SpreadsheetApp.RelativeDate values. */
  getCriteriaValues(): unknown[] {
    return this._model.args.map((a) => {
      if (isRuleDate(a)) return new Date(a.epochMs);
      if (isRelative(a)) return enumValue(SPREADSHEET_ENUMS.RelativeDate, a.relative);
      return a;
    });
  }
  getBackground(): string | null {
    return this._model.background;
  }
  getFontColor(): string | null {
    return this._model.fontColor;
  }
  getBold(): boolean | null {
    return this._model.bold;
  }
  getItalic(): boolean | null {
    return this._model.italic ?? null;
  }
  getStrikethrough(): boolean | null {
    return this._model.strikethrough ?? null;
  }
  getUnderline(): boolean | null {
    return this._model.underline ?? null;
  }
}

/** A relative date argument (whenDateAfter(SpreadsheetApp.RelativeDate.TODAY)), stored by name. */
export interface RelativeArg {
  relative: string;
}

export function isRelative(value: unknown): value is RelativeArg {
  return value !== null && typeof value === 'object' && typeof (value as RelativeArg).relative === 'string';
}

/** A Date or a RelativeDate as rule data; anything else is refused. */
function dateArg(date: unknown): RuleDate | RelativeArg {
  if (date instanceof Date) return { epochMs: date.getTime() };
  if (isRuleDate(date) || isRelative(date)) return date;
  const name = enumName(date);
  if (date !== null && date !== undefined && name in SPREADSHEET_ENUMS.RelativeDate) return { relative: name };
  throw new AppsScriptException('Invalid argument: date');
}

const INTERPOLATION: GradientPoint['type'][] = ['MIN', 'MAX', 'NUMBER', 'PERCENT', 'PERCENTILE'];

export class GradientConditionFake {
  static readonly appsScriptName = 'SpreadsheetApp.GradientCondition';
  constructor(private readonly _g: NonNullable<ConditionalRuleModel['gradient']>) {}
  getMinColor(): string {
    return this._g.min?.color ?? '';
  }
  getMinType(): string | null {
    return this._g.min?.type ?? null;
  }
  getMinValue(): string {
    return this._g.min?.value ?? '';
  }
  getMidColor(): string {
    return this._g.mid?.color ?? '';
  }
  getMidType(): string | null {
    return this._g.mid?.type ?? null;
  }
  getMidValue(): string {
    return this._g.mid?.value ?? '';
  }
  getMaxColor(): string {
    return this._g.max?.color ?? '';
  }
  getMaxType(): string | null {
    return this._g.max?.type ?? null;
  }
  getMaxValue(): string {
    return this._g.max?.value ?? '';
  }
}

type RangeLike = { _boxModel(): Box; _rangeFor(box: Box): object };

export class ConditionalFormatRuleFake {
  static readonly appsScriptName = 'SpreadsheetApp.ConditionalFormatRule';
  constructor(
    readonly _model: ConditionalRuleModel,
    private readonly _toRange: (b: Box) => object,
  ) {}
  getRanges(): object[] {
    return this._model.ranges.map(this._toRange);
  }
  getBooleanCondition(): BooleanConditionFake | null {
    return this._model.gradient ? null : new BooleanConditionFake(this._model);
  }
  getGradientCondition(): GradientConditionFake | null {
    return this._model.gradient ? new GradientConditionFake(this._model.gradient) : null;
  }
  copy(): ConditionalFormatRuleBuilderFake {
    return new ConditionalFormatRuleBuilderFake({
      ...this._model,
      ranges: this._model.ranges.map((b) => ({ ...b })),
      gradient: this._model.gradient ? JSON.parse(JSON.stringify(this._model.gradient)) : null,
    });
  }
}

export class ConditionalFormatRuleBuilderFake {
  static readonly appsScriptName = 'SpreadsheetApp.ConditionalFormatRuleBuilder';
  private toRange: (b: Box) => object = () => ({});
  constructor(
    private readonly _model: ConditionalRuleModel = {
      condition: '',
      args: [],
      background: null,
      fontColor: null,
      bold: null,
      ranges: [],
    },
  ) {}
  private when(condition: string, args: unknown[]): this {
    this._model.condition = condition;
    this._model.args = args;
    this._model.gradient = null;
    return this;
  }
  private _point(which: 'min' | 'mid' | 'max', color: unknown, type: unknown, value: unknown): this {
    const kind = String(type);
    if (!INTERPOLATION.includes(kind as GradientPoint['type'])) throw new AppsScriptException('Invalid argument: type');
    this._model.condition = '';
    this._model.args = [];
    const gradient = this._model.gradient ?? { min: null, mid: null, max: null };
    gradient[which] = {
      color: String(color),
      type: kind as GradientPoint['type'],
      value: value === undefined ? '' : String(value),
    };
    this._model.gradient = gradient;
    return this;
  }
  /** Uses the ranges' maximum value as the gradient's maxpoint. */
  setGradientMaxpoint(color: string): this {
    return this._point('max', color, 'MAX', '');
  }
  setGradientMaxpointWithValue(color: string, type: unknown, value: string): this {
    return this._point('max', color, type, value);
  }
  setGradientMidpointWithValue(color: string, type: unknown, value: string): this {
    return this._point('mid', color, type, value);
  }
  /** Uses the ranges' minimum value as the gradient's minpoint. */
  setGradientMinpoint(color: string): this {
    return this._point('min', color, 'MIN', '');
  }
  setGradientMinpointWithValue(color: string, type: unknown, value: string): this {
    return this._point('min', color, type, value);
  }
  whenNumberLessThan(n: number): this {
    return this.when('NUMBER_LESS_THAN', [n]);
  }
  whenNumberGreaterThan(n: number): this {
    return this.when('NUMBER_GREATER_THAN', [n]);
  }
  whenNumberBetween(a: number, b: number): this {
    return this.when('NUMBER_BETWEEN', [a, b]);
  }
  whenNumberEqualTo(n: number): this {
    return this.when('NUMBER_EQUAL_TO', [n]);
  }
  whenNumberNotEqualTo(n: number): this {
    return this.when('NUMBER_NOT_EQUAL_TO', [n]);
  }
  whenNumberGreaterThanOrEqualTo(n: number): this {
    return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberLessThanOrEqualTo(n: number): this {
    return this.when('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberNotBetween(a: number, b: number): this {
    return this.when('NUMBER_NOT_BETWEEN', [a, b]);
  }
  whenTextDoesNotContain(text: string): this {
    return this.when('TEXT_DOES_NOT_CONTAIN', [text]);
  }
  whenTextStartsWith(text: string): this {
    return this.when('TEXT_STARTS_WITH', [text]);
  }
  whenTextEndsWith(text: string): this {
    return this.when('TEXT_ENDS_WITH', [text]);
  }
  whenTextContains(text: string): this {
    return this.when('TEXT_CONTAINS', [text]);
  }
  whenTextEqualTo(text: string): this {
    return this.when('TEXT_EQUAL_TO', [text]);
  }
  whenCellEmpty(): this {
    return this.when('CELL_EMPTY', []);
  }
  whenCellNotEmpty(): this {
    return this.when('CELL_NOT_EMPTY', []);
  }
  whenDateAfter(date: unknown): this {
    return this.when('DATE_AFTER', [dateArg(date)]);
  }
  whenDateBefore(date: unknown): this {
    return this.when('DATE_BEFORE', [dateArg(date)]);
  }
  whenDateEqualTo(date: unknown): this {
    return this.when('DATE_EQUAL_TO', [dateArg(date)]);
  }
  /** A boolean condition from BooleanCriteria and its arguments (as getCriteriaValues gives them). */
  withCriteria(criteria: unknown, args: unknown[]): this {
    const name = enumName(criteria);
    if (!(name in SPREADSHEET_ENUMS.BooleanCriteria)) throw new AppsScriptException('Invalid argument: criteria');
    const list = Array.from(args ?? []);
    return this.when(name, name.startsWith('DATE_') ? list.map(dateArg) : list);
  }
  whenFormulaSatisfied(formula: string): this {
    return this.when('CUSTOM_FORMULA', [formula]);
  }
  setBackground(color: string | null): this {
    this._model.background = color;
    return this;
  }
  setFontColor(color: string | null): this {
    this._model.fontColor = color;
    return this;
  }
  setBold(bold: boolean | null): this {
    this._model.bold = bold;
    return this;
  }
  setItalic(italic: boolean | null): this {
    this._model.italic = italic;
    return this;
  }
  setStrikethrough(strikethrough: boolean | null): this {
    this._model.strikethrough = strikethrough;
    return this;
  }
  setUnderline(underline: boolean | null): this {
    this._model.underline = underline;
    return this;
  }
  setRanges(ranges: RangeLike[]): this {
    const list = Array.from(ranges);
    this._model.ranges = list.map((r) => ({ ...r._boxModel() }));
    if (list[0]) this.toRange = (b) => list[0]._rangeFor(b);
    return this;
  }
  getRanges(): object[] {
    return this._model.ranges.map(this.toRange);
  }
  build(): ConditionalFormatRuleFake {
    const g = this._model.gradient;
    return new ConditionalFormatRuleFake(
      {
        ...this._model,
        ranges: this._model.ranges.map((b) => ({ ...b })),
        gradient: g ? JSON.parse(JSON.stringify(g)) : null,
      },
      this.toRange,
    );
  }
}
