/**
 * The state of the emulated spreadsheet, independent of the Apps Script classes that show it:
 * the workbook (id, name, zone, locale, tab order, named ranges, developer metadata) and each
 * sheet (stable sheet id, dimensions, hidden/frozen flags, cell layers, protections, rules).
 */
import { AppsScriptException } from '../../core/errors';
import type { Cell } from './cells';
import { SparseGrid } from './grid';

export const CELL_LIMIT = 10_000_000;
export const CELL_LIMIT_TEXT =
  'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';

/** A 0-based rectangle on a sheet. */
export interface Box {
  sheet: SheetModel;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export type MetadataLocation =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheet: SheetModel }
  | { type: 'ROW'; sheet: SheetModel; index: number }
  | { type: 'COLUMN'; sheet: SheetModel; index: number };

export interface MetadataModel {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  location: MetadataLocation;
}

export interface ProtectionModel {
  type: 'SHEET' | 'RANGE';
  box: Box;
  description: string;
  warningOnly: boolean;
  domainEdit: boolean;
  editors: Set<string>;
  unprotected: Box[];
  rangeName: string | null;
  /** A new sheet protection: until its editors change, everyone who may edit the spreadsheet may edit. */
  mirrorsSpreadsheet?: boolean;
}

export interface ValidationModel {
  criteria: string;
  args: unknown[];
  allowInvalid: boolean;
  /** '' when none is set. */
  helpText: string;
  /** CUSTOM_FORMULA: the top-left cell of the range the rule was set on (its references are relative to it). */
  anchor?: { row: number; col: number };
}

/** A point of a gradient rule: its colour and where it sits (type MIN/MAX need no value). */
export interface GradientPoint {
  color: string;
  type: 'MIN' | 'MAX' | 'NUMBER' | 'PERCENT' | 'PERCENTILE';
  value: string;
}

export interface ConditionalRuleModel {
  condition: string;
  args: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  /** Text decorations (absent: not set, as null). */
  italic?: boolean | null;
  strikethrough?: boolean | null;
  underline?: boolean | null;
  ranges: Box[];
  /** A colour scale instead of a boolean condition (absent on boolean rules). */
  gradient?: { min: GradientPoint | null; mid: GradientPoint | null; max: GradientPoint | null } | null;
}

/** An embedded chart: its data ranges (on any sheet), type, options and anchor on its own sheet. */
export interface ChartModel {
  /** null until the chart is inserted into a sheet. */
  chartId: number | null;
  type: string;
  ranges: Box[];
  options: Record<string, unknown>;
  /** 1-based anchor cell and pixel offsets, as setPosition takes them. */
  anchorRow: number;
  anchorCol: number;
  offsetX: number;
  offsetY: number;
  /** -1: not set (Sheets guesses the headers). */
  numHeaders: number;
  transpose: boolean;
  hiddenStrategy: string;
  mergeStrategy: string;
}

/** A cell's text style and alignment; absent keys are Sheets' defaults. */
export type CellStyle = Readonly<Record<string, string | number | boolean>>;

export class SheetModel {
  name: string;
  maxRows = 1000;
  maxCols = 26;
  hidden = false;
  frozenRows = 0;
  frozenCols = 0;
  tabColor: string | null = null;
  deleted = false;
  readonly columnWidths = new Map<number, number>();
  values = new SparseGrid<Cell>();
  formats = new SparseGrid<string>();
  notes = new SparseGrid<string>();
  backgrounds = new SparseGrid<string>();
  fontWeights = new SparseGrid<string>();
  validations = new SparseGrid<ValidationModel>();
  /** Text style and alignment per cell (font colour/size/family/style/line, alignments, wrap, rotation). */
  styles = new SparseGrid<CellStyle>();
  /** Merged ranges of this sheet. */
  merges: Box[] = [];
  /** Row heights in pixels by 1-based row (default 21). */
  readonly rowHeights = new Map<number, number>();
  conditionalRules: ConditionalRuleModel[] = [];
  charts: ChartModel[] = [];
  /** Number of formula cells (lets reads skip the formula engine on plain-value sheets). */
  formulaCount = 0;

  constructor(
    readonly sheetId: number,
    name: string,
  ) {
    this.name = name;
  }

  layers(): SparseGrid<unknown>[] {
    return [
      this.values,
      this.formats,
      this.notes,
      this.backgrounds,
      this.fontWeights,
      this.validations,
      this.styles,
    ] as SparseGrid<unknown>[];
  }
}

export interface NamedRangeModel {
  name: string;
  box: Box;
}

export class Workbook {
  readonly id: string;
  name: string;
  timeZone: string;
  locale: string;
  readonly owner: string;
  sheets: SheetModel[] = [];
  active: SheetModel;
  namedRanges: NamedRangeModel[] = [];
  metadata: MetadataModel[] = [];
  protections: ProtectionModel[] = [];
  private seed: number;

  constructor(init: { name: string; timeZone: string; locale: string; owner: string; seed?: number }) {
    this.seed = init.seed ?? 20240101;
    this.id = this.randomId();
    this.name = init.name;
    this.timeZone = init.timeZone;
    this.locale = init.locale;
    this.owner = init.owner;
    this.active = new SheetModel(0, 'Sheet1');
    this.sheets.push(this.active);
  }

  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  /** Deterministic pseudo-random positive int (sheet ids, metadata ids). */
  nextRandomInt(): number {
    this.seed = (Math.imul(this.seed, 1103515245) + 12345) >>> 0;
    return (this.seed % 2_000_000_000) + 1;
  }

  private randomId(): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let id = '1';
    for (let i = 0; i < 43; i++) id += alphabet[this.nextRandomInt() % alphabet.length];
    return id;
  }

  /** Host (snapshots): the id generator's state, so restored workbooks keep issuing fresh ids. */
  get _seedState(): number {
    return this.seed;
  }

  /** Host (snapshot restore): takes back a saved workbook's id and id-generator state. */
  _restoreIdentity(id: string, seed: number): void {
    (this as { id: string }).id = id;
    this.seed = seed;
  }

  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  totalCells(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxCols, 0);
  }

  /** Throws Sheets' 10M-cell error if growing by `extra` cells would pass the limit. */
  checkGrowth(extra: number): void {
    if (extra > 0 && this.totalCells() + extra > CELL_LIMIT) throw new AppsScriptException(CELL_LIMIT_TEXT);
  }

  nameTaken(name: string, except?: SheetModel): void {
    const other = this.sheetByName(name);
    if (other && other !== except) {
      throw new AppsScriptException(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }
}

/** Shifts a 0-based index range [at, at+count) insertion or deletion; returns null when deleted. */
export function shiftIndex(index: number, at: number, count: number, insert: boolean): number | null {
  if (insert) return index >= at ? index + count : index;
  if (index < at) return index;
  if (index < at + count) return null;
  return index - count;
}

/** Adjusts a box's span along one dimension for an insertion or deletion; null when it vanishes. */
export function shiftSpan(
  start: number,
  size: number,
  at: number,
  count: number,
  insert: boolean,
): [number, number] | null {
  const end = start + size; // exclusive
  if (insert) {
    if (at <= start) return [start + count, size];
    if (at < end) return [start, size + count];
    return [start, size];
  }
  const delEnd = at + count;
  const newStart = start < at ? start : Math.max(at, start - count);
  const overlap = Math.max(0, Math.min(end, delEnd) - Math.max(start, at));
  const newSize = size - overlap;
  if (newSize <= 0) return null;
  return [start >= delEnd ? start - count : newStart, newSize];
}
