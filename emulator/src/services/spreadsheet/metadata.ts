/**
 * Developer metadata (SpreadsheetApp.DeveloperMetadata, its location and finder). Metadata sits
 * on the spreadsheet, a sheet, or a whole row or column; row and column metadata moves with
 * inserted and deleted rows (see context.ts) and disappears with its sheet.
 */
import { AppsScriptException } from '../../core/errors';
import { enumName } from '../base/enums';
import { enumValue, SPREADSHEET_ENUMS } from './enums';
import type { MetadataLocation, MetadataModel } from './model';
import type { SpreadsheetFake } from './spreadsheet';

export const ARBITRARY_RANGE_TEXT =
  'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.';

type Visibility = 'DOCUMENT' | 'PROJECT';

export function addMetadata(ss: SpreadsheetFake, location: MetadataLocation, args: unknown[]): void {
  const [key, second, third] = args;
  if (typeof key !== 'string' || key === '') throw new AppsScriptException('Invalid argument: key');
  let value: string | null = null;
  let visibility: Visibility = 'DOCUMENT';
  const vis = (x: unknown): Visibility | null => {
    const name = enumName(x);
    return name === 'DOCUMENT' || name === 'PROJECT' ? name : null;
  };
  if (vis(second)) visibility = vis(second) as Visibility;
  else if (second !== undefined && second !== null) value = String(second);
  if (vis(third)) visibility = vis(third) as Visibility;
  ss._wb.metadata.push({ id: ss._wb.nextRandomInt(), key, value, visibility, location });
}

export class DeveloperMetadataLocationFake {
  static readonly appsScriptName = 'SpreadsheetApp.DeveloperMetadataLocation';
  constructor(
    private readonly _ss: SpreadsheetFake,
    private readonly _model: MetadataModel,
  ) {}
  getLocationType(): unknown {
    return enumValue(SPREADSHEET_ENUMS.DeveloperMetadataLocationType, this._model.location.type);
  }
  getSpreadsheet(): object | null {
    return this._model.location.type === 'SPREADSHEET' ? this._ss : null;
  }
  getSheet(): object | null {
    const loc = this._model.location;
    return loc.type === 'SHEET' ? this._ss._sheet(loc.sheet) : null;
  }
  getRow(): object | null {
    const loc = this._model.location;
    return loc.type === 'ROW' ? this._ss._sheet(loc.sheet)._box(loc.index, 0, 1, loc.sheet.maxCols) : null;
  }
  getColumn(): object | null {
    const loc = this._model.location;
    return loc.type === 'COLUMN' ? this._ss._sheet(loc.sheet)._box(0, loc.index, loc.sheet.maxRows, 1) : null;
  }
}

export class DeveloperMetadataFake
  implements Pick<GoogleAppsScript.Spreadsheet.DeveloperMetadata, 'getId' | 'getKey' | 'getValue'>
{
  static readonly appsScriptName = 'SpreadsheetApp.DeveloperMetadata';
  constructor(
    private readonly _ss: SpreadsheetFake,
    readonly _model: MetadataModel,
  ) {}
  getId(): number {
    return this._model.id;
  }
  getKey(): string {
    return this._model.key;
  }
  getValue(): string {
    return this._model.value as string;
  }
  getVisibility(): unknown {
    return enumValue(SPREADSHEET_ENUMS.DeveloperMetadataVisibility, this._model.visibility);
  }
  getLocation(): DeveloperMetadataLocationFake {
    return new DeveloperMetadataLocationFake(this._ss, this._model);
  }
  setKey(key: string): this {
    this._model.key = String(key);
    return this;
  }
  setValue(value: string): this {
    this._model.value = value === null || value === undefined ? null : String(value);
    return this;
  }
  setVisibility(visibility: unknown): this {
    const name = enumName(visibility);
    if (name === 'DOCUMENT' || name === 'PROJECT') this._model.visibility = name;
    return this;
  }
  remove(): void {
    this._ss._wb.metadata = this._ss._wb.metadata.filter((m) => m !== this._model);
  }
}

/** Which metadata a finder searches: a predicate over locations, fixed by where it was created. */
export type Scope = (loc: MetadataLocation) => boolean;

export class DeveloperMetadataFinderFake {
  static readonly appsScriptName = 'SpreadsheetApp.DeveloperMetadataFinder';
  private filters: ((m: MetadataModel) => boolean)[] = [];
  constructor(
    private readonly _ss: SpreadsheetFake,
    private readonly _scope: Scope,
  ) {}
  withKey(key: string): this {
    this.filters.push((m) => m.key === key);
    return this;
  }
  withValue(value: string): this {
    this.filters.push((m) => m.value === value);
    return this;
  }
  withId(id: number): this {
    this.filters.push((m) => m.id === id);
    return this;
  }
  withLocationType(type: string): this {
    this.filters.push((m) => m.location.type === String(type));
    return this;
  }
  withVisibility(visibility: string): this {
    this.filters.push((m) => m.visibility === String(visibility));
    return this;
  }
  onIntersectingLocations(): this {
    return this;
  }
  find(): DeveloperMetadataFake[] {
    return this._ss._wb.metadata
      .filter((m) => this._scope(m.location) && this.filters.every((f) => f(m)))
      .map((m) => new DeveloperMetadataFake(this._ss, m));
  }
}
