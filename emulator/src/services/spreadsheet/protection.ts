/**
 * Protected sheets and ranges (SpreadsheetApp.Protection). Stored on the workbook; they bind
 * user edits (`_userEdit`), not script writes of the owner. Editors start as the owner and the
 * user who created the protection, as in Sheets.
 */
import { AppsScriptException } from '../../core/errors';
import { enumValue, SPREADSHEET_ENUMS } from './enums';
import type { Box, ProtectionModel } from './model';
import type { SpreadsheetFake } from './spreadsheet';

export const PROTECTED_TEXT =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

export class UserFake {
  static readonly appsScriptName = 'SpreadsheetApp.User';
  constructor(private readonly _email: string) {}
  getEmail(): string {
    return this._email;
  }
  toString(): string {
    return this._email;
  }
}

function emailsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => (v instanceof UserFake ? v.getEmail() : String(v)));
}

export function inBox(b: Box, row: number, col: number): boolean {
  return row >= b.row && row < b.row + b.numRows && col >= b.col && col < b.col + b.numCols;
}

export class ProtectionFake {
  static readonly appsScriptName = 'SpreadsheetApp.Protection';
  constructor(
    private readonly _ss: SpreadsheetFake,
    readonly _model: ProtectionModel,
  ) {}
  getProtectionType(): unknown {
    return enumValue(SPREADSHEET_ENUMS.ProtectionType, this._model.type);
  }
  getRange(): object {
    const b = this._model.box;
    return this._ss._sheet(b.sheet)._box(b.row, b.col, b.numRows, b.numCols);
  }
  getDescription(): string {
    return this._model.description;
  }
  setDescription(description: string): this {
    this._model.description = String(description);
    return this;
  }
  isWarningOnly(): boolean {
    return this._model.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): this {
    this._model.warningOnly = Boolean(warningOnly);
    return this;
  }
  canDomainEdit(): boolean {
    return this._model.domainEdit;
  }
  setDomainEdit(editable: boolean): this {
    this._model.domainEdit = Boolean(editable);
    return this;
  }
  addEditor(emailOrUser: unknown): this {
    this._model.mirrorsSpreadsheet = false;
    for (const e of emailsOf(emailOrUser)) this._model.editors.add(e);
    return this;
  }
  addEditors(emails: unknown): this {
    return this.addEditor(emails);
  }
  removeEditor(emailOrUser: unknown): this {
    return this.removeEditors(emailOrUser);
  }
  /** The owner always stays an editor, as in Sheets. */
  removeEditors(emailsOrUsers: unknown): this {
    this._model.mirrorsSpreadsheet = false;
    for (const e of emailsOf(emailsOrUsers)) if (e !== this._ss._wb.owner) this._model.editors.delete(e);
    return this;
  }
  getEditors(): UserFake[] {
    return [...this._model.editors].map((e) => new UserFake(e));
  }
  canEdit(): boolean {
    return this._ss._canEdit(this._model, this._ss._ctx.currentUser());
  }
  setUnprotectedRanges(ranges: { _boxModel(): Box }[]): this {
    this._model.unprotected = Array.from(ranges).map((r) => ({ ...r._boxModel() }));
    return this;
  }
  getUnprotectedRanges(): object[] {
    return this._model.unprotected.map((b) => this._ss._sheet(b.sheet)._box(b.row, b.col, b.numRows, b.numCols));
  }
  /** Moves a range protection to another range (Protection.setRange). */
  setRange(range: { _boxModel(): Box }): this {
    if (this._model.type === 'SHEET') throw new AppsScriptException('Cannot set the range of a sheet protection.');
    this._model.box = { ...range._boxModel() };
    return this;
  }
  /** Binds the protection to a named range: its range and name (Protection.setNamedRange). */
  setNamedRange(namedRange: { _boxModel(): Box; getName(): string }): this {
    if (this._model.type === 'SHEET') throw new AppsScriptException('Cannot set the range of a sheet protection.');
    this._model.box = { ...namedRange._boxModel() };
    this._model.rangeName = namedRange.getName();
    return this;
  }
  setRangeName(name: string): this {
    this._model.rangeName = String(name);
    return this;
  }
  getRangeName(): string | null {
    return this._model.rangeName;
  }
  remove(): void {
    this._ss._wb.protections = this._ss._wb.protections.filter((p) => p !== this._model);
  }
}
