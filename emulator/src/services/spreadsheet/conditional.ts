/**
 * Evaluates a sheet's conditional format rules over a box, for hosts that draw the sheet (the
 * playground page): per cell, the format of the first rule whose range holds the cell and whose
 * boolean condition the cell's computed value meets, as Sheets gives earlier rules priority.
 * Custom formulas are evaluated with HyperFormula on the sheet's computed values, their relative
 * references moved from the rule range's top-left cell to the cell, as Sheets does.
 */
import { DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import type { SpreadsheetContext } from './context';
import type { Box, ConditionalRuleModel, GradientPoint } from './model';
import { inBox } from './protection';
import { isRuleDate } from './data-validation';
import { dateToSerial, serialToParts, wallPartsToSerial } from './time';
import { isRelative } from './validation';

export interface CellStyle {
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic?: boolean | null;
  strikethrough?: boolean | null;
  underline?: boolean | null;
}

/** Moves the relative A1 references of a formula by (dRows, dCols); `$`-anchored parts stay. */
export function shiftFormula(formula: string, dRows: number, dCols: number): string {
  const parts = formula.split('"');
  return parts
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(?<![A-Za-z0-9_.])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g,
            (_m, colAbs: string, col: string, rowAbs: string, row: string) => {
              const c = colAbs ? col : columnName(columnIndex(col) + dCols);
              const r = rowAbs ? row : String(Number(row) + dRows);
              return `${colAbs}${c}${rowAbs}${r}`;
            },
          ),
    )
    .join('"');
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function columnName(index: number): string {
  let s = '';
  for (let i = index + 1; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

function number(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (value instanceof Date) return value.getTime();
  return null;
}

/** What date conditions compare against: the spreadsheet's zone and the (virtual) clock. */
export interface DateEnv {
  timeZone: string;
  nowMs: number;
}

/** The day (serial, whole) a date argument names: a fixed instant, or a day relative to today. */
function targetDay(arg: unknown, env: DateEnv): number | null {
  const today = Math.floor(dateToSerial(new Date(env.nowMs), env.timeZone));
  if (isRuleDate(arg)) return Math.floor(dateToSerial(new Date(arg.epochMs), env.timeZone));
  if (!isRelative(arg)) return null;
  const { y, mo, d } = serialToParts(today);
  switch (arg.relative) {
    case 'TODAY':
      return today;
    case 'TOMORROW':
      return today + 1;
    case 'YESTERDAY':
      return today - 1;
    case 'PAST_WEEK':
      return today - 7;
    case 'PAST_MONTH':
      return wallPartsToSerial(y, mo - 1, Math.min(d, new Date(Date.UTC(y, mo - 1, 0)).getUTCDate()));
    case 'PAST_YEAR':
      return wallPartsToSerial(y - 1, mo, Math.min(d, new Date(Date.UTC(y - 1, mo, 0)).getUTCDate()));
    default:
      return null;
  }
}

/** Whether a computed cell value meets a rule's boolean condition (custom formulas are handled apart). */
export function meetsCondition(
  rule: Pick<ConditionalRuleModel, 'condition' | 'args'>,
  value: unknown,
  dates: DateEnv = { timeZone: 'UTC', nowMs: Date.now() },
): boolean {
  const [a, b] = rule.args;
  if (rule.condition.startsWith('DATE_')) {
    const day =
      value instanceof Date
        ? Math.floor(dateToSerial(value, dates.timeZone))
        : typeof value === 'number'
          ? Math.floor(value)
          : null;
    const target = targetDay(a, dates);
    if (day === null || target === null) return false;
    if (rule.condition === 'DATE_AFTER') return day > target;
    if (rule.condition === 'DATE_BEFORE') return day < target;
    return day === target;
  }
  const n = number(value);
  const t = text(value).toLowerCase();
  const arg = text(a).toLowerCase();
  switch (rule.condition) {
    case 'CELL_EMPTY':
      return value === '' || value === null || value === undefined;
    case 'CELL_NOT_EMPTY':
      return !(value === '' || value === null || value === undefined);
    case 'NUMBER_GREATER_THAN':
      return n !== null && n > Number(a);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n !== null && n >= Number(a);
    case 'NUMBER_LESS_THAN':
      return n !== null && n < Number(a);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n !== null && n <= Number(a);
    case 'NUMBER_EQUAL_TO':
      return n !== null && n === Number(a);
    case 'NUMBER_NOT_EQUAL_TO':
      return n !== null && n !== Number(a);
    case 'NUMBER_BETWEEN':
      return n !== null && n >= Math.min(Number(a), Number(b)) && n <= Math.max(Number(a), Number(b));
    case 'NUMBER_NOT_BETWEEN':
      return n !== null && (n < Math.min(Number(a), Number(b)) || n > Math.max(Number(a), Number(b)));
    case 'TEXT_CONTAINS':
      return t.includes(arg);
    case 'TEXT_DOES_NOT_CONTAIN':
      return !t.includes(arg);
    case 'TEXT_STARTS_WITH':
      return t.startsWith(arg);
    case 'TEXT_ENDS_WITH':
      return t.endsWith(arg);
    case 'TEXT_EQUAL_TO':
      return t === arg;
    default:
      return false;
  }
}

type Rgb = [number, number, number];

function rgb(color: string): Rgb {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim());
  const short = /^#?([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color.trim());
  if (m) return [m[1], m[2], m[3]].map((h) => Number.parseInt(h, 16)) as Rgb;
  if (short) return [short[1], short[2], short[3]].map((h) => Number.parseInt(h + h, 16)) as Rgb;
  return [255, 255, 255];
}

function hex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

function mix(a: string, b: string, t: number): string {
  const [x, y] = [rgb(a), rgb(b)];
  return hex([0, 1, 2].map((i) => x[i] + (y[i] - x[i]) * t) as Rgb);
}

/** Where a gradient point sits among the numbers of the rule's ranges. */
function pointValue(point: GradientPoint, sorted: number[]): number {
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  const v = Number(point.value);
  switch (point.type) {
    case 'MIN':
      return min;
    case 'MAX':
      return max;
    case 'PERCENT':
      return min + ((max - min) * v) / 100;
    case 'PERCENTILE': {
      const at = (Math.min(100, Math.max(0, v)) / 100) * (sorted.length - 1);
      const lo = Math.floor(at);
      return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (at - lo);
    }
    default:
      return v;
  }
}

/** The colour a gradient rule gives `x`, or null when the ranges hold no numbers. */
export function gradientColor(gradient: NonNullable<ConditionalRuleModel['gradient']>, sorted: number[], x: number) {
  if (sorted.length === 0) return null;
  const min = gradient.min ?? { color: '#ffffff', type: 'MIN' as const, value: '' };
  const max = gradient.max ?? { color: '#ffffff', type: 'MAX' as const, value: '' };
  const stops = [min, gradient.mid, max]
    .filter((p): p is GradientPoint => p !== null)
    .map((p) => ({ at: pointValue(p, sorted), color: p.color }));
  if (x <= stops[0].at) return hex(rgb(stops[0].color));
  for (let i = 1; i < stops.length; i++) {
    const [a, b] = [stops[i - 1], stops[i]];
    if (x <= b.at) return mix(a.color, b.color, b.at === a.at ? 1 : (x - a.at) / (b.at - a.at));
  }
  return hex(rgb(stops[stops.length - 1].color));
}

/**
 * Custom-formula results over one sheet's computed values. All the (moved) formulas a box needs
 * are written at once into scratch cells to the right of the data, where whole-column references
 * do not reach, and computed in one HyperFormula build: far faster than one calculateFormula each.
 */
class FormulaProbe {
  private readonly results = new Map<string, boolean>();

  constructor(
    private readonly data: () => RawCellContent[][],
    formulas: Set<string>,
  ) {
    if (formulas.size === 0) return;
    const rows = this.data();
    const width = Math.max(0, ...rows.map((line) => line.length));
    const first = width + 2;
    const list = [...formulas];
    const height = Math.max(rows.length, 1000);
    const sheet: RawCellContent[][] = rows.map((line) => line.slice());
    list.forEach((formula, i) => {
      const r = i % height;
      const c = first + Math.floor(i / height);
      while (sheet.length <= r) sheet.push([]);
      sheet[r][c] = formula.startsWith('=') ? formula : `=${formula}`;
    });
    const hf = HyperFormula.buildFromArray(sheet, { licenseKey: 'gpl-v3' });
    try {
      list.forEach((formula, i) => {
        const v = hf.getCellValue({ sheet: 0, row: i % height, col: first + Math.floor(i / height) });
        const truthy = !(v instanceof DetailedCellError) && (v === true || (typeof v === 'number' && v !== 0));
        this.results.set(formula, truthy);
      });
    } finally {
      hf.destroy();
    }
  }

  truthy(formula: string): boolean {
    return this.results.get(formula) ?? false;
  }
}

/**
 * The conditional style of every styled cell of `box`, keyed by "row:col" (0-based, sheet
 * coordinates). Cells no rule styles are absent.
 */
export function conditionalStyles(ctx: SpreadsheetContext, box: Box): Map<string, CellStyle> {
  const out = new Map<string, CellStyle>();
  const rules = box.sheet.conditionalRules;
  if (rules.length === 0 || box.numRows < 1 || box.numCols < 1) return out;
  const values = ctx.readValues(box);
  const dates = { timeZone: ctx.wb.timeZone, nowMs: ctx.host.clock.now() };
  // The moved custom formulas the box needs, computed together.
  const formulas = new Set<string>();
  const customAt = (rule: ConditionalRuleModel, range: Box, r: number, c: number) =>
    shiftFormula(String(rule.args[0] ?? ''), r - range.row, c - range.col);
  for (const rule of rules) {
    if (rule.condition !== 'CUSTOM_FORMULA' || rule.gradient) continue;
    for (let r = box.row; r < box.row + box.numRows; r++) {
      for (let c = box.col; c < box.col + box.numCols; c++) {
        const range = rule.ranges.find((b) => inBox(b, r, c));
        if (range) formulas.add(customAt(rule, range, r, c));
      }
    }
  }
  const probe = new FormulaProbe(() => {
    const sheet = box.sheet;
    const last = { numRows: sheet.values.lastRow() + 1, numCols: sheet.values.lastCol() + 1 };
    if (last.numRows < 1 || last.numCols < 1) return [[]];
    const all = ctx.readValues({ sheet, row: 0, col: 0, ...last });
    return all.map((line) =>
      line.map((v): RawCellContent => {
        if (v instanceof Date) return (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
        if (typeof v === 'string') return v === '' ? null : `'${v}`;
        return v as RawCellContent;
      }),
    );
  }, formulas);
  const numbers = new Map<ConditionalRuleModel, number[]>();
  const numbersOf = (rule: ConditionalRuleModel): number[] => {
    let list = numbers.get(rule);
    if (!list) {
      list = rule.ranges
        .flatMap((b) => ctx.readValues(clip(b)).flat())
        .map(number)
        .filter((n): n is number => n !== null)
        .sort((a, b) => a - b);
      numbers.set(rule, list);
    }
    return list;
  };
  const clip = (b: Box): Box => ({
    ...b,
    numRows: Math.max(0, Math.min(b.numRows, box.sheet.values.lastRow() + 1 - b.row)),
  });
  for (let i = 0; i < box.numRows; i++) {
    for (let j = 0; j < box.numCols; j++) {
      const r = box.row + i;
      const c = box.col + j;
      for (const rule of rules) {
        const range = rule.ranges.find((b) => inBox(b, r, c));
        if (!range) continue;
        if (rule.gradient) {
          const x = number(values[i][j]);
          const color = x === null ? null : gradientColor(rule.gradient, numbersOf(rule), x);
          if (color === null) continue;
          out.set(`${r}:${c}`, { background: color, fontColor: null, bold: null });
          break;
        }
        const met =
          rule.condition === 'CUSTOM_FORMULA'
            ? probe.truthy(customAt(rule, range, r, c))
            : meetsCondition(rule, values[i][j], dates);
        if (met) {
          out.set(`${r}:${c}`, {
            background: rule.background,
            fontColor: rule.fontColor,
            bold: rule.bold,
            // Decorations only when the rule sets them.
            ...(rule.italic != null ? { italic: rule.italic } : {}),
            ...(rule.strikethrough != null ? { strikethrough: rule.strikethrough } : {}),
            ...(rule.underline != null ? { underline: rule.underline } : {}),
          });
          break;
        }
      }
    }
  }
  return out;
}
