/**
 * Evaluates a sheet's conditional format rules over a box, for hosts that draw the sheet (the
 * playground page): per cell, the format of the first rule whose range holds the cell and whose
 * boolean condition the cell's computed value meets, as Sheets gives earlier rules priority.
 * Custom formulas are evaluated with HyperFormula on the sheet's computed values, their relative
 * references moved from the rule range's top-left cell to the cell, as Sheets does.
 */
import { DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import type { SpreadsheetContext } from './context';
import type { Box, ConditionalRuleModel } from './model';
import { inBox } from './protection';

export interface CellStyle {
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
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

/** Whether a computed cell value meets a rule's boolean condition (custom formulas are handled apart). */
export function meetsCondition(rule: Pick<ConditionalRuleModel, 'condition' | 'args'>, value: unknown): boolean {
  const [a, b] = rule.args;
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

/** A formula engine over one sheet's computed values, for custom-formula rules. */
class FormulaProbe {
  private hf: HyperFormula | null = null;
  constructor(private readonly build: () => RawCellContent[][]) {}
  truthy(formula: string): boolean {
    if (!this.hf) this.hf = HyperFormula.buildFromArray(this.build(), { licenseKey: 'gpl-v3' });
    const f = formula.startsWith('=') ? formula : `=${formula}`;
    try {
      const v = this.hf.calculateFormula(f, 0);
      if (v instanceof DetailedCellError || Array.isArray(v)) return false;
      return v === true || (typeof v === 'number' && v !== 0);
    } catch {
      return false;
    }
  }
  dispose(): void {
    this.hf?.destroy();
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
  });
  try {
    for (let i = 0; i < box.numRows; i++) {
      for (let j = 0; j < box.numCols; j++) {
        const r = box.row + i;
        const c = box.col + j;
        for (const rule of rules) {
          const range = rule.ranges.find((b) => inBox(b, r, c));
          if (!range) continue;
          const met =
            rule.condition === 'CUSTOM_FORMULA'
              ? probe.truthy(shiftFormula(String(rule.args[0] ?? ''), r - range.row, c - range.col))
              : meetsCondition(rule, values[i][j]);
          if (met) {
            out.set(`${r}:${c}`, { background: rule.background, fontColor: rule.fontColor, bold: rule.bold });
            break;
          }
        }
      }
    }
  } finally {
    probe.dispose();
  }
  return out;
}
