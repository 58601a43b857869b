/**
 * What a person does in the spreadsheet's grid, as Sheets does it (not through the add-on's
 * code): typing a value or a formula into one cell, where protections and data validation that
 * rejects input apply, after which the simple `onEdit(e)` trigger (LIMITED, if the script has
 * one) and the installable edit triggers (FULL) run with Google's edit event object; and
 * inserting or deleting a row, where protections apply and installable change triggers run.
 */
import { AppsScriptException } from './core/errors';
import type { AppsScriptRuntime } from './runtime';
import { PROTECTED_TEXT } from './services/spreadsheet/protection';
import { UserFake } from './services/base/session';
import type { SparseGrid } from './services/spreadsheet/grid';

/** How one trigger that the person's action fired ended. */
export interface FiredTrigger {
  handler: string;
  kind: 'simple' | 'installable';
  ok: boolean;
  error?: string;
}

export interface PersonEditResult {
  /** The typed text, as the event's `value`. */
  value: string;
  /** The cell's previous value as text (undefined when it was empty), as the event's `oldValue`. */
  oldValue: string | undefined;
  triggers: FiredTrigger[];
}

/** Why Sheets refused the person's action: a protection or a data validation rule that rejects input. */
export class PersonEditRefused extends AppsScriptException {
  constructor(
    readonly reason: 'protected' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'PersonEditRefused';
  }
}

function sheetOf(rt: AppsScriptRuntime, sheetName: string) {
  const sheet = rt.spreadsheet._sheet(sheetName);
  if (!sheet) throw new Error(`No sheet named "${sheetName}"`);
  return sheet;
}

/**
 * A person types `text` into one cell (A1 notation) of a sheet and presses Enter. Throws
 * `PersonEditRefused` when Sheets would refuse it; otherwise the value is set (formulas
 * recompute) and the edit triggers run.
 */
export function personEdit(rt: AppsScriptRuntime, sheetName: string, a1: string, text: string, user?: string) {
  const email = user ?? rt.defaultUser.email;
  const sheet = sheetOf(rt, sheetName);
  let range: ReturnType<typeof sheet._rangeFromA1>;
  try {
    range = sheet._rangeFromA1(a1);
  } catch {
    throw new Error(`Cell ${a1} is not on the sheet.`);
  }
  if (range._numRows !== 1 || range._numCols !== 1) throw new Error('A person edits one cell at a time here.');
  let edit: { value: string; oldValue: string | undefined };
  try {
    edit = rt.spreadsheet._userEdit(sheetName, a1, text, email);
  } catch (error) {
    if (!(error instanceof AppsScriptException)) throw error;
    const blocked = rt.spreadsheet._active()._blockingProtections(sheet._model, range._row, range._col, email);
    throw new PersonEditRefused(blocked.length > 0 ? 'protected' : 'invalid', error.message);
  }
  const event: Record<string, unknown> = {
    range,
    source: rt.spreadsheet._active(),
    user: new UserFake(email),
    value: edit.value,
  };
  if (edit.value === '') delete event.value;
  if (edit.oldValue !== undefined) event.oldValue = edit.oldValue;
  const triggers = fireEditTriggers(rt, event, email);
  return { ...edit, triggers } satisfies PersonEditResult;
}

/**
 * A person pastes text copied from elsewhere (rows of cells, as tab-separated lines give them)
 * with its top-left cell at `a1`. Sheets checks every cell (protection, rejecting validation)
 * and refuses the whole paste if one fails; otherwise the block is written and the edit
 * triggers run once, with the block as `range` (a one-cell paste gets `value` and `oldValue`).
 */
export function personPaste(rt: AppsScriptRuntime, sheetName: string, a1: string, rows: string[][], user?: string) {
  if (rows.length === 1 && rows[0].length === 1) return personEdit(rt, sheetName, a1, rows[0][0], user);
  const email = user ?? rt.defaultUser.email;
  const sheet = sheetOf(rt, sheetName);
  let range: ReturnType<typeof sheet._rangeFromA1>;
  try {
    range = rt.spreadsheet._userPaste(sheetName, a1, rows, email);
  } catch (error) {
    if (!(error instanceof AppsScriptException)) throw error;
    const protectedText = error.message === PROTECTED_TEXT;
    throw new PersonEditRefused(protectedText ? 'protected' : 'invalid', error.message);
  }
  const event = { range, source: rt.spreadsheet._active(), user: new UserFake(email) };
  return { triggers: fireEditTriggers(rt, event, email) };
}

function fireEditTriggers(rt: AppsScriptRuntime, event: Record<string, unknown>, email: string): FiredTrigger[] {
  const fired: FiredTrigger[] = [];
  const simple = rt.run('onEdit', [{ ...event, authMode: rt.base.scriptApp._authModeValue('LIMITED') }], {
    authMode: 'LIMITED',
    kind: 'simple-trigger',
    user: { email },
    onlyIfDefined: true,
  });
  if (!simple.skipped) fired.push({ handler: 'onEdit', kind: 'simple', ok: simple.ok, error: simple.error?.message });
  for (const run of rt.base.scriptApp._fireSpreadsheetTrigger('onEdit', event))
    fired.push({ handler: run.handler, kind: 'installable', ok: run.ok, error: run.error?.message });
  return fired;
}

/**
 * A person inserts a row above or below `row` (1-based), or deletes it, from the row header's
 * menu. Refused when a protection the person cannot edit covers the sheet (insert) or touches
 * the row (delete). Installable change triggers run with INSERT_ROW / REMOVE_ROW.
 */
export function personRowChange(
  rt: AppsScriptRuntime,
  sheetName: string,
  action: 'insertAbove' | 'insertBelow' | 'delete',
  row: number,
  user?: string,
): { triggers: FiredTrigger[] } {
  const email = user ?? rt.defaultUser.email;
  const sheet = sheetOf(rt, sheetName);
  const ss = rt.spreadsheet._active();
  const model = sheet._model;
  if (!Number.isInteger(row) || row < 1 || row > model.maxRows) throw new Error(`Row ${row} is not on the sheet.`);
  const blocking = ss._wb.protections.filter(
    (p) =>
      p.box.sheet === model &&
      !ss._canEdit(p, email) &&
      (action === 'delete'
        ? row - 1 >= p.box.row && row - 1 < p.box.row + p.box.numRows
        : p.type === 'SHEET' || (row - 1 > p.box.row && row - 1 < p.box.row + p.box.numRows)),
  );
  if (blocking.length > 0) throw new PersonEditRefused('protected', PROTECTED_TEXT);
  if (action === 'delete') sheet.deleteRow(row);
  else {
    if (action === 'insertAbove') sheet.insertRowsBefore(row, 1);
    else sheet.insertRowsAfter(row, 1);
    // The new row takes the formats and data validation of the row it was inserted next to.
    const from = action === 'insertAbove' ? row + 1 : row;
    const to = action === 'insertAbove' ? row : row + 1;
    for (const layer of [
      model.formats,
      model.backgrounds,
      model.fontWeights,
      model.validations,
    ] as SparseGrid<unknown>[]) {
      const line = layer.row(from - 1);
      for (const [c, v] of (line ?? []).entries()) if (v !== undefined) layer.set(to - 1, c, v);
    }
  }
  const event = {
    source: ss,
    user: new UserFake(email),
    changeType: action === 'delete' ? 'REMOVE_ROW' : 'INSERT_ROW',
  };
  const triggers = rt.base.scriptApp
    ._fireSpreadsheetTrigger('onChange', event)
    .map((run): FiredTrigger => ({ handler: run.handler, kind: 'installable', ok: run.ok, error: run.error?.message }));
  return { triggers };
}
