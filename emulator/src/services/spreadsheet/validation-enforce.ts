/**
 * Whether Sheets refuses what a person enters into a cell under a rejecting validation rule:
 * the entry is parsed as typed input; a typed formula is judged by its result; a custom-formula
 * rule is evaluated with the entry in place (validation-check.ts).
 */
import { Formula, isDateFormat, parseInput } from './cells';
import type { SpreadsheetContext } from './context';
import type { SheetModel, ValidationModel } from './model';
import { evaluatorWith, formulaAt, satisfies, truthy } from './validation-check';

export function ruleRefuses(
  ctx: SpreadsheetContext,
  rule: ValidationModel,
  sheet: SheetModel,
  row: number,
  col: number,
  value: unknown,
): boolean {
  const wb = ctx.wb;
  const format = sheet.formats.get(row, col);
  const parsed = parseInput(value, format, { timeZone: wb.timeZone, locale: wb.locale });
  if (parsed.cell === undefined) return false;
  const isDate = isDateFormat(parsed.format ?? format);
  const evaluator = evaluatorWith(wb, sheet, row, col, parsed.cell);
  try {
    let cell = parsed.cell;
    if (cell instanceof Formula) {
      // A typed formula is judged by what it computes (an error result is refused).
      const result = evaluator.value(cell.text);
      if (typeof result !== 'string' && typeof result !== 'number' && typeof result !== 'boolean') return true;
      if (result === '') return false;
      cell = result;
    }
    const holds = (f: string) => truthy(evaluator.value(f));
    const env = { timeZone: wb.timeZone, formulaHolds: () => holds(formulaAt(rule, row, col)) };
    return !satisfies(rule, cell, isDate, env);
  } finally {
    evaluator.dispose();
  }
}
