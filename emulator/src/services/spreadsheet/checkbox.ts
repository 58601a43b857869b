/**
 * Checkboxes of a range (Range.insertCheckboxes, removeCheckboxes, check, uncheck, isChecked):
 * a checkbox is a CHECKBOX validation rule with its checked and unchecked values (TRUE/FALSE,
 * a value and blank, or two values), as the Range reference describes.
 */
import type { SpreadsheetContext } from './context';
import type { Box, ValidationModel } from './model';
import { sameValue } from './validation-check';

/** The checked and unchecked values of a checkbox rule. */
function states(rule: ValidationModel): [unknown, unknown] {
  if (rule.args.length === 0) return [true, false];
  return [rule.args[0], rule.args.length > 1 ? rule.args[1] : ''];
}

type State = 'checked' | 'unchecked' | null;

function forEachCell(box: Box, fn: (r: number, c: number, i: number, j: number) => void): void {
  for (let i = 0; i < box.numRows; i++) for (let j = 0; j < box.numCols; j++) fn(box.row + i, box.col + j, i, j);
}

/** Each cell's checkbox state: null where the cell has no checkbox or holds neither value. */
function cellStates(ctx: SpreadsheetContext, box: Box): { rule: ValidationModel | undefined; state: State }[][] {
  const values = ctx.readValues(box);
  const out: { rule: ValidationModel | undefined; state: State }[][] = values.map((line) =>
    line.map(() => ({ rule: undefined, state: null })),
  );
  forEachCell(box, (r, c, i, j) => {
    const rule = box.sheet.validations.get(r, c);
    if (rule?.criteria !== 'CHECKBOX') return;
    const [on, off] = states(rule);
    const v = values[i][j];
    out[i][j] = { rule, state: sameValue(v, on) ? 'checked' : sameValue(v, off) ? 'unchecked' : null };
  });
  return out;
}

/** Checkbox rules on every cell, each cell set to the unchecked value (false, blank, or the given one). */
export function insertCheckboxes(ctx: SpreadsheetContext, box: Box, args: unknown[]): void {
  const rule: ValidationModel = { criteria: 'CHECKBOX', args: args.slice(0, 2), allowInvalid: true, helpText: '' };
  forEachCell(box, (r, c) => box.sheet.validations.set(r, c, rule));
  const [, off] = states(rule);
  ctx.writeValues(
    box,
    Array.from({ length: box.numRows }, () => new Array(box.numCols).fill(off)),
  );
}

/** Drops the checkbox rules; a cell holding its checked or unchecked value is cleared too. */
export function removeCheckboxes(ctx: SpreadsheetContext, box: Box): void {
  const found = cellStates(ctx, box);
  forEachCell(box, (r, c, i, j) => {
    if (!found[i][j].rule) return;
    box.sheet.validations.set(r, c, undefined);
    if (found[i][j].state !== null) ctx.clearContent({ sheet: box.sheet, row: r, col: c, numRows: 1, numCols: 1 });
  });
}

/** Sets every checkbox holding its checked or unchecked value to `to`; other cells are left alone. */
export function setChecked(ctx: SpreadsheetContext, box: Box, to: 'checked' | 'unchecked'): void {
  const found = cellStates(ctx, box);
  forEachCell(box, (r, c, i, j) => {
    const { rule, state } = found[i][j];
    if (!rule || state === null || state === to) return;
    const [on, off] = states(rule);
    ctx.writeValues({ sheet: box.sheet, row: r, col: c, numRows: 1, numCols: 1 }, [[to === 'checked' ? on : off]]);
  });
}

/** true when every cell is a checked checkbox, false when every one is unchecked, null otherwise. */
export function isChecked(ctx: SpreadsheetContext, box: Box): boolean | null {
  const all = cellStates(ctx, box).flat();
  if (all.every((s) => s.state === 'checked')) return true;
  if (all.every((s) => s.state === 'unchecked')) return false;
  return null;
}
