/**
 * Whether a cell's content meets a data validation rule, for every criterion the builder
 * offers: lists and ranges, numbers, dates (compared by day in the spreadsheet's zone), text,
 * e-mail and URL shapes, checkboxes, and custom formulas (evaluated with HyperFormula over the
 * workbook with the new content in place, references moved from the rule's top-left cell).
 */
import { DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import { type Cell, Formula } from './cells';
import { isRuleDate } from './data-validation';
import { shiftFormula } from './formula-refs';
import type { SheetModel, ValidationModel, Workbook } from './model';
import { dateToSerial } from './time';

/** What checking a rule may need beyond the cell: the zone (dates) and a custom-formula evaluator. */
export interface CheckEnv {
  timeZone: string;
  /** Whether a formula (already moved to the cell) is true; absent: custom formulas are not checked. */
  formulaHolds?: (formula: string) => boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_SHAPE = /^(?:(?:https?|ftp):\/\/)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$/i;

function textOf(cell: Cell): string {
  return typeof cell === 'boolean' ? (cell ? 'TRUE' : 'FALSE') : String(cell);
}

/** A checkbox value compared with the cell (numbers and booleans by value, the rest as text). */
export function sameValue(cell: unknown, value: unknown): boolean {
  if (cell === value) return true;
  if (typeof cell === 'boolean' || typeof value === 'boolean') return false;
  return String(cell) === String(value ?? '');
}

function day(serial: number): number {
  return Math.floor(serial + 1e-9);
}

/** Whether a parsed cell satisfies a rule (empty input always does; `isDate` from the cell's format). */
export function satisfies(
  rule: ValidationModel,
  cell: Cell | undefined,
  isDate: boolean,
  env: CheckEnv = { timeZone: 'UTC' },
): boolean {
  if (cell === undefined) return true;
  if (cell instanceof Formula) return true;
  const [a, b] = rule.args as [unknown, unknown];
  const n = typeof cell === 'number' ? cell : NaN;
  const lo = Math.min(Number(a), Number(b));
  const hi = Math.max(Number(a), Number(b));
  const text = textOf(cell).toLowerCase();
  const dates = rule.args.filter(isRuleDate).map((d) => day(dateToSerial(new Date(d.epochMs), env.timeZone)));
  const d = typeof cell === 'number' && isDate ? day(cell) : NaN;
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return (a as unknown[]).map(String).includes(textOf(cell));
    case 'NUMBER_BETWEEN':
      return n >= lo && n <= hi;
    case 'NUMBER_NOT_BETWEEN':
      return n < lo || n > hi;
    case 'NUMBER_EQUAL_TO':
      return n === Number(a);
    case 'NUMBER_NOT_EQUAL_TO':
      return typeof cell === 'number' && n !== Number(a);
    case 'NUMBER_GREATER_THAN':
      return n > Number(a);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n >= Number(a);
    case 'NUMBER_LESS_THAN':
      return n < Number(a);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n <= Number(a);
    case 'DATE_IS_VALID_DATE':
      return !Number.isNaN(d);
    case 'DATE_AFTER':
      return d > dates[0];
    case 'DATE_BEFORE':
      return d < dates[0];
    case 'DATE_ON_OR_AFTER':
      return d >= dates[0];
    case 'DATE_ON_OR_BEFORE':
      return d <= dates[0];
    case 'DATE_EQUAL_TO':
      return d === dates[0];
    case 'DATE_BETWEEN':
      return d >= Math.min(dates[0], dates[1]) && d <= Math.max(dates[0], dates[1]);
    case 'DATE_NOT_BETWEEN':
      return d < Math.min(dates[0], dates[1]) || d > Math.max(dates[0], dates[1]);
    case 'TEXT_CONTAINS':
      return text.includes(String(a).toLowerCase());
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.includes(String(a).toLowerCase());
    case 'TEXT_EQUAL_TO':
      return text === String(a).toLowerCase();
    case 'TEXT_IS_VALID_EMAIL':
      return typeof cell === 'string' && EMAIL.test(cell);
    case 'TEXT_IS_VALID_URL':
      return typeof cell === 'string' && URL_SHAPE.test(cell);
    case 'CHECKBOX':
      if (rule.args.length === 0) return typeof cell === 'boolean';
      return rule.args.some((v) => sameValue(cell, v));
    case 'CUSTOM_FORMULA':
      return env.formulaHolds ? env.formulaHolds(String(a ?? '')) : true;
    default:
      return true;
  }
}

/** The custom formula of a rule as it applies at (row, col): moved from the rule's top-left cell. */
export function formulaAt(rule: ValidationModel, row: number, col: number): string {
  const text = String(rule.args[0] ?? '');
  const f = text.startsWith('=') ? text : `=${text}`;
  return rule.anchor ? shiftFormula(f, row - rule.anchor.row, col - rule.anchor.col) : f;
}

function toRaw(cell: Cell | undefined): RawCellContent {
  if (cell === undefined) return null;
  if (cell instanceof Formula) return cell.text;
  if (typeof cell === 'string') return `'${cell}`;
  return cell;
}

/**
 * Evaluates formulas against the workbook as it would be with `cell` at (row, col) of `sheet`:
 * a scratch HyperFormula built from every sheet's contents (formulas recompute), so a rule sees
 * the value being entered. Returns an evaluator of formula texts (A1 references as written).
 */
export function evaluatorWith(
  wb: Workbook,
  sheet: SheetModel,
  row: number,
  col: number,
  cell: Cell | undefined,
): { value(formula: string): unknown; dispose(): void } {
  let hf: HyperFormula | null = null;
  const build = () => {
    const sheets: Record<string, RawCellContent[][]> = {};
    for (const s of wb.sheets) {
      if (s.deleted) continue;
      const rows: RawCellContent[][] = [];
      const last = Math.max(s.values.lastRow(), s === sheet ? row : -1);
      for (let r = 0; r <= last; r++) {
        const src = s.values.row(r);
        rows.push(src ? Array.from(src, toRaw) : []);
      }
      if (s === sheet) rows[row][col] = toRaw(cell);
      sheets[s.name] = rows;
    }
    return HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3' }, [
      { name: 'TRUE', expression: '=TRUE()' },
      { name: 'FALSE', expression: '=FALSE()' },
    ]);
  };
  return {
    value(formula: string): unknown {
      hf ??= build();
      const v = hf.calculateFormula(formula, hf.getSheetId(sheet.name) ?? 0);
      if (v instanceof DetailedCellError) return v;
      return Array.isArray(v) ? v[0]?.[0] : v;
    },
    dispose(): void {
      hf?.destroy();
    },
  };
}

/** Sheets' reading of a formula result as a condition: TRUE, or a non-zero number. */
export function truthy(value: unknown): boolean {
  return value === true || (typeof value === 'number' && value !== 0);
}
