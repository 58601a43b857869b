/**
 * SpreadsheetApp backed by HyperFormula: the global object, its enums, and the factory the
 * runtime wires in. One container spreadsheet; host-only members (`_...`) let tests inspect
 * sheets, program UI answers and simulate a person typing into a cell (`_userEdit`).
 */
import { AppsScriptException } from '../../core/errors';
import type { EmulatedService, ServiceHost } from '../../core/host';
import { Formula } from './cells';
import { SpreadsheetContext } from './context';
import { Workbook, type SheetModel } from './model';
import { restoreWorkbook, snapshotWorkbook, type SpreadsheetSnapshot } from './snapshot';
import { PROTECTED_TEXT } from './protection';
import type { RangeFake } from './range';
import type { SheetFake } from './sheet';
import { SPREADSHEET_ENUMS } from './enums';
import { ColorBuilderFake } from './style';
import { SpreadsheetFake } from './spreadsheet';
import { UiFake, type UiAnswer, type UiState } from './ui';

export type { SpreadsheetSnapshot } from './snapshot';
export { ChartsFake } from './charts';
import { ConditionalFormatRuleBuilderFake } from './validation';
import { DataValidationBuilderFake } from './data-validation';
import { ruleRefuses } from './validation-enforce';

export interface SpreadsheetOptions {
  name?: string;
  /** Spreadsheet time zone (default 'Asia/Tokyo'). */
  timeZone?: string;
  /** Spreadsheet locale (default 'ja_JP'). */
  locale?: string;
  /** Owner's email: always allowed past protections (default: the runtime's default user, 'user@example.com'). */
  owner?: string;
  /** The spreadsheet is in a shared drive: getOwner() returns null. */
  sharedDrive?: boolean;
  /** The owner's e-mail is hidden from the users who run the script: getOwner().getEmail() returns ''. */
  ownerEmailHidden?: boolean;
  /** Title of the add-on menu created by Ui.createAddonMenu (default 'Sheetdash'). */
  addOnTitle?: string;
}

/** What `_userEdit` returns: the fields of the edit event. */
export interface UserEditResult {
  range: RangeFake;
  value: string;
  oldValue: string | undefined;
}

export interface SpreadsheetService extends EmulatedService {
  /** The container spreadsheet (host object). */
  _active(): SpreadsheetFake;
  /** Computed values of a sheet's data range, as getValues returns them (host values). */
  _sheetValues(name: string): unknown[][];
  /** Formulas of a sheet's data range ('' where none). */
  _sheetFormulas(name: string): string[][];
  /** Display strings of a sheet's data range. */
  _sheetDisplayValues(name: string): string[][];
  /** Sheet names in tab order. */
  _sheetNames(): string[];
  /** The host Sheet object (null if absent). */
  _sheet(name: string): SheetFake | null;
  /** What the UI showed: menus, sidebar, dialogs, alerts. */
  _ui(): UiState;
  /** Answer the next alert/prompt with this button (and text). */
  _queueUiAnswer(answer: UiAnswer): void;
  /** A person types `value` into one cell; enforces protection and validation. */
  _userEdit(sheetName: string, a1: string, value: unknown, user?: string): UserEditResult;
  /**
   * A person pastes a block of typed text (rows of cells) with its top-left cell at `a1`: every
   * cell is checked as `_userEdit` checks one, and nothing is written if any is refused.
   */
  _userPaste(sheetName: string, a1: string, rows: string[][], user?: string): RangeFake;
  /** The whole workbook as JSON-safe data (to persist it between runs). */
  _snapshot(): SpreadsheetSnapshot;
  /** Replaces the workbook with a snapshot; a malformed snapshot throws and changes nothing. */
  _restore(data: SpreadsheetSnapshot): void;
}

const ENUMS = SPREADSHEET_ENUMS;

class SpreadsheetAppFake {
  static readonly appsScriptName = 'SpreadsheetApp';
  readonly DeveloperMetadataVisibility = ENUMS.DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = ENUMS.DeveloperMetadataLocationType;
  readonly ProtectionType = ENUMS.ProtectionType;
  readonly DataValidationCriteria = ENUMS.DataValidationCriteria;
  readonly BooleanCriteria = ENUMS.BooleanCriteria;
  readonly Dimension = ENUMS.Dimension;
  readonly Direction = ENUMS.Direction;
  readonly CopyPasteType = ENUMS.CopyPasteType;
  readonly WrapStrategy = ENUMS.WrapStrategy;
  readonly SheetType = ENUMS.SheetType;
  readonly ColorType = ENUMS.ColorType;
  readonly InterpolationType = ENUMS.InterpolationType;
  readonly RelativeDate = ENUMS.RelativeDate;

  constructor(
    private readonly _host: ServiceHost,
    private readonly _ss: SpreadsheetFake,
    private readonly _uiFake: UiFake,
  ) {}

  getActiveSpreadsheet(): SpreadsheetFake {
    return this._ss;
  }
  getActive(): SpreadsheetFake {
    return this._ss;
  }
  getActiveSheet(): SheetFake {
    return this._ss.getActiveSheet();
  }
  getActiveRange(): RangeFake {
    return this._ss.getActiveRange();
  }
  setActiveSheet(sheet: SheetFake): SheetFake {
    return sheet.activate();
  }
  openById(id: string): SpreadsheetFake {
    if (String(id) !== this._ss.getId())
      throw new AppsScriptException(
        'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
      );
    return this._ss;
  }
  openByUrl(url: string): SpreadsheetFake {
    if (!String(url).includes(this._ss.getId()))
      throw new AppsScriptException(
        'Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.',
      );
    return this._ss;
  }
  flush(): void {
    this._ss._ctx.engine.ensure();
  }
  getUi(): UiFake {
    // Time-driven triggers have no user at a screen; installable open/edit triggers do (and build menus).
    if (this._host.currentExecution()?.kind === 'time-trigger') {
      throw new AppsScriptException('Cannot call SpreadsheetApp.getUi() from this context.');
    }
    return this._uiFake;
  }
  newColor(): ColorBuilderFake {
    return new ColorBuilderFake();
  }
  newDataValidation(): DataValidationBuilderFake {
    return new DataValidationBuilderFake();
  }
  newConditionalFormatRule(): ConditionalFormatRuleBuilderFake {
    return new ConditionalFormatRuleBuilderFake();
  }
}

export function createSpreadsheetService(host: ServiceHost, options: SpreadsheetOptions): SpreadsheetService {
  const wb = new Workbook({
    name: options.name ?? 'Sheetdash',
    timeZone: options.timeZone ?? 'Asia/Tokyo',
    locale: options.locale ?? 'ja_JP',
    owner: options.owner ?? 'user@example.com',
  });
  const ctx = new SpreadsheetContext(wb, host);
  ctx.ownerInfo = { sharedDrive: options.sharedDrive === true, emailHidden: options.ownerEmailHidden === true };
  const ss = new SpreadsheetFake(ctx);
  const ui = new UiFake(options.addOnTitle ?? 'Sheetdash');
  const global = new SpreadsheetAppFake(host, ss, ui);

  const sheetNamed = (name: string): SheetModel => {
    const s = wb.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`No sheet named "${name}"`);
    return s;
  };
  const dataBox = (name: string) => {
    const sheet = ss._sheet(sheetNamed(name));
    return sheet.getDataRange();
  };

  /** What Sheets checks before a person's entry lands: protections, then validation that rejects. */
  const checkUserCell = (model: SheetModel, r: number, c: number, value: unknown, who: string): void => {
    if (ss._blockingProtections(model, r, c, who).length > 0) throw new AppsScriptException(PROTECTED_TEXT);
    const stored = model.validations.get(r, c);
    const rule = stored && ctx.effectiveRule(stored);
    if (rule && !rule.allowInvalid && ruleRefuses(ctx, rule, model, r, c, value)) {
      const a1 = ss._sheet(model)._box(r, c, 1, 1).getA1Notation();
      throw new AppsScriptException(
        rule.helpText || `The data you entered in cell ${a1} violates the data validation rules set on this cell.`,
      );
    }
  };

  return {
    globalName: 'SpreadsheetApp',
    global,
    dispose: () => ctx.engine.dispose(),
    _active: () => ss,
    _sheetValues: (name) => dataBox(name).getValues(),
    _sheetFormulas: (name) => dataBox(name).getFormulas(),
    _sheetDisplayValues: (name) => dataBox(name).getDisplayValues(),
    _sheetNames: () => wb.sheets.map((s) => s.name),
    _sheet: (name) => {
      const s = wb.sheets.find((x) => x.name === name);
      return s ? ss._sheet(s) : null;
    },
    _ui: () => ui._state,
    _snapshot: () => snapshotWorkbook(ctx),
    _restore: (data) => restoreWorkbook(ctx, data),
    _queueUiAnswer: (answer) => {
      ui._answers.push(answer);
    },
    _userEdit: (sheetName, a1, value, user) => {
      const sheet = ss._sheet(sheetNamed(sheetName));
      const range = sheet._rangeFromA1(a1);
      const model = sheet._model;
      const [r, c] = [range._row, range._col];
      checkUserCell(model, r, c, value, user ?? wb.owner);
      const before = model.values.get(r, c);
      const oldValue =
        before === undefined
          ? undefined
          : before instanceof Formula
            ? String(range.getValue())
            : String(range.getValue());
      ctx.writeValues(range._boxModel(), [[value]]);
      return { range, value: value === null || value === undefined ? '' : String(value), oldValue };
    },
    _userPaste: (sheetName, a1, rows, user) => {
      const sheet = ss._sheet(sheetNamed(sheetName));
      const start = sheet._rangeFromA1(a1);
      const width = Math.max(0, ...rows.map((line) => line.length));
      if (rows.length === 0 || width === 0) throw new AppsScriptException('Nothing to paste.');
      const model = sheet._model;
      const [r0, c0] = [start._row, start._col];
      const block = rows.map((line) => Array.from({ length: width }, (_, j) => line[j] ?? ''));
      // Every cell is checked before any is written: a refused paste changes nothing.
      for (const [i, line] of block.entries()) {
        for (const [j, value] of line.entries()) checkUserCell(model, r0 + i, c0 + j, value, user ?? wb.owner);
      }
      // Sheets grows the sheet to hold a pasted block.
      ctx.ensureRows(model, r0 + block.length);
      if (c0 + width > model.maxCols) ctx.insertCols(model, model.maxCols, c0 + width - model.maxCols);
      const box = { sheet: model, row: r0, col: c0, numRows: block.length, numCols: width };
      ctx.writeValues(box, block);
      return sheet._box(r0, c0, block.length, width);
    },
  };
}
