/**
 * SpreadsheetApp.Spreadsheet: the container spreadsheet. Tabs (insert, delete, order,
 * active sheet), ranges by "Sheet!A1" and by name, time zone and locale, developer metadata,
 * protections; and host helpers used by the other classes.
 */
import { AppsScriptException } from '../../core/errors';
import { splitSheetName } from './a1';
import { Formula } from './cells';
import type { SpreadsheetContext } from './context';
import { addMetadata, DeveloperMetadataFake, DeveloperMetadataFinderFake } from './metadata';
import { SheetModel, type Box, type NamedRangeModel, type ProtectionModel, type Workbook } from './model';
import { inBox, ProtectionFake, UserFake } from './protection';
import type { RangeFake } from './range';
import { SheetFake } from './sheet';
import { TextFinderFake } from './text-finder';
import { isValidTimeZone } from './time';

type SpreadsheetApi = GoogleAppsScript.Spreadsheet.Spreadsheet;

export class NamedRangeFake {
  static readonly appsScriptName = 'SpreadsheetApp.NamedRange';
  constructor(
    private readonly _ss: SpreadsheetFake,
    private readonly _model: NamedRangeModel,
  ) {}
  getName(): string {
    return this._model.name;
  }
  getRange(): RangeFake {
    const b = this._model.box;
    return this._ss._sheet(b.sheet)._box(b.row, b.col, b.numRows, b.numCols);
  }
  setName(name: string): this {
    this._model.name = String(name);
    return this;
  }
  setRange(range: RangeFake): this {
    this._model.box = { ...range._boxModel() };
    return this;
  }
  _boxModel(): Box {
    return this._model.box;
  }
  remove(): void {
    this._ss._wb.namedRanges = this._ss._wb.namedRanges.filter((n) => n !== this._model);
  }
}

export class SpreadsheetFake
  implements
    Pick<
      SpreadsheetApi,
      'getId' | 'getName' | 'getUrl' | 'getSpreadsheetTimeZone' | 'getSpreadsheetLocale' | 'getNumSheets'
    >
{
  static readonly appsScriptName = 'SpreadsheetApp.Spreadsheet';
  static readonly appsScriptSignatures = {
    getSheetByName: ['String'],
    getRange: ['String'],
    getRangeByName: ['String'],
    setNamedRange: ['String,SpreadsheetApp.Range'],
  };
  private readonly sheetFakes = new Map<SheetModel, SheetFake>();
  /** Toasts shown with toast(), newest last (host inspection); timeoutSeconds as passed (null: Google's default, 5 s). */
  readonly _toasts: { message: string; title: string; timeoutSeconds: number | null }[] = [];

  constructor(readonly _ctx: SpreadsheetContext) {}

  get _wb(): Workbook {
    return this._ctx.wb;
  }

  _sheet(model: SheetModel): SheetFake {
    let fake = this.sheetFakes.get(model);
    if (!fake) {
      fake = new SheetFake(this, model);
      this.sheetFakes.set(model, fake);
    }
    return fake;
  }

  /** Whether `user` may edit a cell under this protection (owner, editors, warning-only). */
  _canEdit(p: ProtectionModel, user: string): boolean {
    return p.warningOnly || p.mirrorsSpreadsheet === true || user === this._wb.owner || p.editors.has(user);
  }

  /** Protections that would refuse `user` editing a cell. */
  _blockingProtections(sheet: SheetModel, row: number, col: number, user: string): ProtectionModel[] {
    return this._wb.protections.filter(
      (p) =>
        p.box.sheet === sheet &&
        inBox(p.box, row, col) &&
        !p.unprotected.some((u) => inBox(u, row, col)) &&
        !this._canEdit(p, user),
    );
  }

  _copySheet(source: SheetModel): SheetFake {
    let name = `Copy of ${source.name}`;
    for (let n = 2; this._wb.sheetByName(name); n++) name = `Copy of ${source.name} ${n}`;
    this._wb.checkGrowth(source.maxRows * source.maxCols);
    const copy = new SheetModel(this._wb.nextRandomInt(), name);
    copy.maxRows = source.maxRows;
    copy.maxCols = source.maxCols;
    copy.frozenRows = source.frozenRows;
    copy.frozenCols = source.frozenCols;
    copy.values = source.values.copy();
    copy.formats = source.formats.copy();
    copy.notes = source.notes.copy();
    copy.backgrounds = source.backgrounds.copy();
    copy.fontWeights = source.fontWeights.copy();
    copy.validations = source.validations.copy();
    copy.styles = source.styles.copy();
    copy.merges = source.merges.map((b) => ({ ...b, sheet: copy }));
    for (const [r, h] of source.rowHeights) copy.rowHeights.set(r, h);
    copy.formulaCount = source.formulaCount;
    this._wb.sheets.push(copy);
    this._ctx.engine.invalidate();
    return this._sheet(copy);
  }

  getId(): string {
    return this._wb.id;
  }
  getName(): string {
    return this._wb.name;
  }
  rename(name: string): void {
    this._wb.name = String(name);
  }
  getUrl(): string {
    return this._wb.url;
  }
  getSpreadsheetTimeZone(): string {
    return this._wb.timeZone;
  }
  setSpreadsheetTimeZone(timeZone: string): void {
    if (!isValidTimeZone(String(timeZone))) throw new AppsScriptException('Invalid argument: timeZone');
    this._wb.timeZone = String(timeZone);
  }
  getSpreadsheetLocale(): string {
    return this._wb.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this._wb.locale = String(locale);
  }

  getSheets(): SheetFake[] {
    return this._wb.sheets.map((s) => this._sheet(s));
  }
  getNumSheets(): number {
    return this._wb.sheets.length;
  }
  getSheetByName(name: string): SheetFake | null {
    const s = this._wb.sheets.find((x) => x.name === String(name));
    return s ? this._sheet(s) : null;
  }
  getSheetById(id: number): SheetFake | null {
    const s = this._wb.sheets.find((x) => x.sheetId === Number(id));
    return s ? this._sheet(s) : null;
  }
  getActiveSheet(): SheetFake {
    return this._sheet(this._wb.active);
  }
  setActiveSheet(sheet: SheetFake): SheetFake {
    return sheet.activate();
  }
  getActiveRange(): RangeFake {
    return this.getActiveSheet()._box(0, 0, 1, 1);
  }

  insertSheet(a?: unknown, b?: unknown): SheetFake {
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = b;
    } else if (typeof a === 'number') index = a;
    if (name === undefined) {
      let n = this._wb.sheets.length + 1;
      while (this._wb.sheetByName(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (name.trim() === '') throw new AppsScriptException('Invalid argument: sheetName');
    this._wb.nameTaken(name);
    this._wb.checkGrowth(1000 * 26);
    const model = new SheetModel(this._wb.nextRandomInt(), name);
    const at =
      index === undefined
        ? this._wb.sheets.indexOf(this._wb.active) + 1
        : Math.max(0, Math.min(index, this._wb.sheets.length));
    this._wb.sheets.splice(at, 0, model);
    this._ctx.engine.addSheet(name);
    this._wb.active = model;
    return this._sheet(model);
  }
  deleteSheet(sheet: SheetFake): void {
    this._ctx.deleteSheet(sheet._model);
  }
  moveActiveSheet(pos: number): void {
    const sheets = this._wb.sheets.filter((s) => s !== this._wb.active);
    const at = Math.max(0, Math.min(Math.floor(pos) - 1, sheets.length));
    sheets.splice(at, 0, this._wb.active);
    this._wb.sheets = sheets;
  }
  duplicateActiveSheet(): SheetFake {
    return this._copySheet(this._wb.active);
  }

  getRange(a1: string): RangeFake {
    const { sheetName, ref } = splitSheetName(String(a1));
    const sheet = sheetName === undefined ? this._wb.active : this._wb.sheets.find((s) => s.name === sheetName);
    if (!sheet) throw new AppsScriptException('Range not found');
    return this._sheet(sheet)._rangeFromA1(ref);
  }
  getRangeByName(name: string): RangeFake | null {
    const n = this._wb.namedRanges.find((x) => x.name === String(name));
    return n ? new NamedRangeFake(this, n).getRange() : null;
  }
  setNamedRange(name: string, range: RangeFake): void {
    const text = String(name);
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(text) || /^[A-Za-z]{1,3}\d+$/.test(text) || /^(true|false)$/i.test(text)) {
      throw new AppsScriptException('Invalid argument: name');
    }
    const box: Box = { ...range._boxModel() };
    const existing = this._wb.namedRanges.find((x) => x.name === text);
    if (existing) existing.box = box;
    else this._wb.namedRanges.push({ name: text, box });
  }
  getNamedRanges(): NamedRangeFake[] {
    return this._wb.namedRanges.map((n) => new NamedRangeFake(this, n));
  }
  /** Searches every sheet, in tab order. */
  createTextFinder(findText: string): TextFinderFake {
    return new TextFinderFake(
      this._ctx,
      () => this._wb.sheets.map((s) => this._sheet(s).getDataRange()._boxModel()),
      (b) => this._sheet(b.sheet)._box(b.row, b.col, b.numRows, b.numCols),
      findText,
    );
  }
  removeNamedRange(name: string): void {
    this._wb.namedRanges = this._wb.namedRanges.filter((n) => n.name !== String(name));
  }

  addDeveloperMetadata(key: string, valueOrVisibility?: unknown, visibility?: unknown): this {
    addMetadata(this, { type: 'SPREADSHEET' }, [key, valueOrVisibility, visibility]);
    return this;
  }
  getDeveloperMetadata(): DeveloperMetadataFake[] {
    return this._wb.metadata
      .filter((m) => m.location.type === 'SPREADSHEET')
      .map((m) => new DeveloperMetadataFake(this, m));
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinderFake {
    return new DeveloperMetadataFinderFake(this, () => true);
  }
  getProtections(type: string): ProtectionFake[] {
    return this._wb.protections.filter((p) => p.type === String(type)).map((p) => new ProtectionFake(this, p));
  }
  toast(message: string, title = '', timeoutSeconds?: number | null): void {
    const timeout = timeoutSeconds === undefined || timeoutSeconds === null ? null : Number(timeoutSeconds);
    this._toasts.push({ message: String(message), title: String(title ?? ''), timeoutSeconds: timeout });
  }
  /** The owner, or null for a spreadsheet in a shared drive (option `sharedDrive`). */
  getOwner(): UserFake | null {
    if (this._ctx.ownerInfo.sharedDrive) return null;
    return new UserFake(this._ctx.ownerInfo.emailHidden ? '' : this._wb.owner);
  }

  /** Host: how many formula cells the workbook holds. */
  _formulaCells(): number {
    let n = 0;
    for (const s of this._wb.sheets) for (const [, , v] of s.values.entries()) if (v instanceof Formula) n++;
    return n;
  }
}
