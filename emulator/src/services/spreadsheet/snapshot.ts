/**
 * Saving and loading the emulated spreadsheet as plain JSON data, so the local playground
 * can keep a user's workbook between runs: workbook identity and settings, tab order, sheets
 * (cells with formulas, formats, notes, backgrounds, font weights, validations, conditional
 * rules, embedded charts, sizes, hidden/frozen flags), named ranges, developer metadata and protections.
 */
import { Formula, type Cell } from './cells';
import type { SpreadsheetContext } from './context';
import { SparseGrid } from './grid';
import {
  SheetModel,
  type Box,
  type CellStyle,
  type ChartModel,
  type ConditionalRuleModel,
  type MetadataLocation,
  type ValidationModel,
} from './model';

/** A box as data: the sheet by its stable sheet id. */
export interface BoxData {
  sheetId: number;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** A stored cell as data; formulas are `{ f: "=..." }`. */
export type CellData = string | number | boolean | { f: string };

export type GridData<T> = [row: number, col: number, value: T][];

export interface SheetData {
  sheetId: number;
  name: string;
  maxRows: number;
  maxCols: number;
  hidden: boolean;
  frozenRows: number;
  frozenCols: number;
  tabColor: string | null;
  columnWidths: [number, number][];
  values: GridData<CellData>;
  formats: GridData<string>;
  notes: GridData<string>;
  backgrounds: GridData<string>;
  fontWeights: GridData<string>;
  validations: GridData<ValidationModel>;
  styles?: GridData<CellStyle>;
  merges?: BoxData[];
  rowHeights?: [number, number][];
  conditionalRules: {
    condition: string;
    args: unknown[];
    background: string | null;
    fontColor: string | null;
    bold: boolean | null;
    italic?: boolean | null;
    strikethrough?: boolean | null;
    underline?: boolean | null;
    ranges: BoxData[];
    gradient?: ConditionalRuleModel['gradient'];
  }[];
  /** Embedded charts (absent in snapshots saved before charts existed). */
  charts?: ChartData[];
}

/** An embedded chart as data: its ranges by sheet id (they may lie on other sheets). */
export interface ChartData extends Omit<ChartModel, 'ranges'> {
  ranges: BoxData[];
}

export type LocationData =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheetId: number }
  | { type: 'ROW' | 'COLUMN'; sheetId: number; index: number };

export interface SpreadsheetSnapshot {
  format: 'sheetdash-spreadsheet';
  version: 1;
  id: string;
  seed: number;
  name: string;
  timeZone: string;
  locale: string;
  activeSheetId: number;
  sheets: SheetData[];
  namedRanges: { name: string; box: BoxData }[];
  metadata: {
    id: number;
    key: string;
    value: string | null;
    visibility: 'DOCUMENT' | 'PROJECT';
    location: LocationData;
  }[];
  protections: {
    type: 'SHEET' | 'RANGE';
    box: BoxData;
    description: string;
    warningOnly: boolean;
    domainEdit: boolean;
    editors: string[];
    unprotected: BoxData[];
    rangeName: string | null;
    mirrorsSpreadsheet?: boolean;
  }[];
}

function gridData<T, D>(grid: SparseGrid<T>, encode: (v: T) => D): GridData<D> {
  const out: GridData<D> = [];
  for (const [r, c, v] of grid.entries()) out.push([r, c, encode(v)]);
  return out;
}

function fillGrid<D, T>(data: GridData<D> | undefined, decode: (v: D) => T): SparseGrid<T> {
  const grid = new SparseGrid<T>();
  for (const [r, c, v] of data ?? []) grid.set(r, c, decode(v));
  return grid;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function encodeCell(cell: Cell): CellData {
  return cell instanceof Formula ? { f: cell.text } : cell;
}

function decodeCell(data: CellData): Cell {
  if (data !== null && typeof data === 'object') {
    if (typeof data.f !== 'string') throw new Error('Spreadsheet snapshot: a formula cell has no text');
    return new Formula(data.f);
  }
  return data;
}

function boxData(box: Box): BoxData {
  return { sheetId: box.sheet.sheetId, row: box.row, col: box.col, numRows: box.numRows, numCols: box.numCols };
}

function locationData(location: MetadataLocation): LocationData {
  if (location.type === 'SPREADSHEET') return { type: 'SPREADSHEET' };
  if (location.type === 'SHEET') return { type: 'SHEET', sheetId: location.sheet.sheetId };
  return { type: location.type, sheetId: location.sheet.sheetId, index: location.index };
}

/** The whole workbook as JSON-safe data. */
export function snapshotWorkbook(ctx: SpreadsheetContext): SpreadsheetSnapshot {
  const wb = ctx.wb;
  return {
    format: 'sheetdash-spreadsheet',
    version: 1,
    id: wb.id,
    seed: wb._seedState,
    name: wb.name,
    timeZone: wb.timeZone,
    locale: wb.locale,
    activeSheetId: wb.active.sheetId,
    sheets: wb.sheets.map((s) => ({
      sheetId: s.sheetId,
      name: s.name,
      maxRows: s.maxRows,
      maxCols: s.maxCols,
      hidden: s.hidden,
      frozenRows: s.frozenRows,
      frozenCols: s.frozenCols,
      tabColor: s.tabColor,
      columnWidths: [...s.columnWidths],
      values: gridData(s.values, encodeCell),
      formats: gridData(s.formats, String),
      notes: gridData(s.notes, String),
      backgrounds: gridData(s.backgrounds, String),
      fontWeights: gridData(s.fontWeights, String),
      validations: gridData(s.validations, (v) => clone(v)),
      styles: gridData(s.styles, (v) => ({ ...v })),
      merges: s.merges.map(boxData),
      rowHeights: [...s.rowHeights],
      conditionalRules: s.conditionalRules.map((rule) => ({
        condition: rule.condition,
        args: clone(rule.args),
        background: rule.background,
        fontColor: rule.fontColor,
        bold: rule.bold,
        italic: rule.italic ?? null,
        strikethrough: rule.strikethrough ?? null,
        underline: rule.underline ?? null,
        ranges: rule.ranges.map(boxData),
        ...(rule.gradient ? { gradient: clone(rule.gradient) } : {}),
      })),
      charts: s.charts.map((chart) => ({ ...clone({ ...chart, ranges: [] }), ranges: chart.ranges.map(boxData) })),
    })),
    namedRanges: wb.namedRanges.map((n) => ({ name: n.name, box: boxData(n.box) })),
    metadata: wb.metadata.map((m) => ({
      id: m.id,
      key: m.key,
      value: m.value,
      visibility: m.visibility,
      location: locationData(m.location),
    })),
    protections: wb.protections.map((p) => ({
      type: p.type,
      box: boxData(p.box),
      description: p.description,
      warningOnly: p.warningOnly,
      domainEdit: p.domainEdit,
      editors: [...p.editors],
      unprotected: p.unprotected.map(boxData),
      rangeName: p.rangeName,
      ...(p.mirrorsSpreadsheet ? { mirrorsSpreadsheet: true } : {}),
    })),
  };
}

/** Replaces the workbook's whole state with a snapshot (validated first: a bad file changes nothing). */
export function restoreWorkbook(ctx: SpreadsheetContext, data: SpreadsheetSnapshot): void {
  if (data?.format !== 'sheetdash-spreadsheet' || data.version !== 1) {
    throw new Error('Not a spreadsheet snapshot (expected format "sheetdash-spreadsheet", version 1).');
  }
  if (!Array.isArray(data.sheets) || data.sheets.length === 0)
    throw new Error('Spreadsheet snapshot: a workbook needs at least one sheet.');
  const sheets = data.sheets.map((d) => {
    const s = new SheetModel(d.sheetId, d.name);
    s.maxRows = d.maxRows;
    s.maxCols = d.maxCols;
    s.hidden = d.hidden;
    s.frozenRows = d.frozenRows;
    s.frozenCols = d.frozenCols;
    s.tabColor = d.tabColor;
    for (const [c, w] of d.columnWidths ?? []) s.columnWidths.set(c, w);
    s.values = fillGrid(d.values, decodeCell);
    s.formats = fillGrid(d.formats, String);
    s.notes = fillGrid(d.notes, String);
    s.backgrounds = fillGrid(d.backgrounds, String);
    s.fontWeights = fillGrid(d.fontWeights, String);
    s.validations = fillGrid(d.validations, (v: ValidationModel) => clone(v));
    s.styles = fillGrid(d.styles ?? [], (v: CellStyle) => ({ ...v }));
    for (const [r, h] of d.rowHeights ?? []) s.rowHeights.set(r, h);
    s.formulaCount = (d.values ?? []).filter(([, , v]) => v !== null && typeof v === 'object').length;
    return s;
  });
  const byId = new Map(sheets.map((s) => [s.sheetId, s]));
  const sheetOf = (sheetId: number): SheetModel => {
    const s = byId.get(sheetId);
    if (!s) throw new Error(`Spreadsheet snapshot: no sheet with id ${sheetId}`);
    return s;
  };
  const box = (b: BoxData): Box => ({
    sheet: sheetOf(b.sheetId),
    row: b.row,
    col: b.col,
    numRows: b.numRows,
    numCols: b.numCols,
  });
  data.sheets.forEach((d, i) => {
    sheets[i].conditionalRules = (d.conditionalRules ?? []).map((rule) => ({
      ...rule,
      args: clone(rule.args),
      ranges: rule.ranges.map(box),
    }));
    sheets[i].merges = (d.merges ?? []).map(box);
    sheets[i].charts = (d.charts ?? []).map((chart) => ({ ...clone(chart), ranges: chart.ranges.map(box) }));
  });
  const location = (l: LocationData): MetadataLocation => {
    if (l.type === 'SPREADSHEET') return { type: 'SPREADSHEET' };
    if (l.type === 'SHEET') return { type: 'SHEET', sheet: sheetOf(l.sheetId) };
    return { type: l.type, sheet: sheetOf(l.sheetId), index: l.index };
  };
  const namedRanges = (data.namedRanges ?? []).map((n) => ({ name: n.name, box: box(n.box) }));
  const metadata = (data.metadata ?? []).map((m) => ({
    id: m.id,
    key: m.key,
    value: m.value,
    visibility: m.visibility,
    location: location(m.location),
  }));
  const protections = (data.protections ?? []).map((p) => ({
    type: p.type,
    box: box(p.box),
    description: p.description,
    warningOnly: p.warningOnly,
    domainEdit: p.domainEdit,
    editors: new Set(p.editors),
    unprotected: p.unprotected.map(box),
    rangeName: p.rangeName,
    mirrorsSpreadsheet: p.mirrorsSpreadsheet === true,
  }));

  // Everything parsed: now swap it in.
  const wb = ctx.wb;
  for (const old of wb.sheets) old.deleted = true;
  wb._restoreIdentity(data.id, data.seed);
  wb.name = data.name;
  wb.timeZone = data.timeZone;
  wb.locale = data.locale;
  wb.sheets = sheets;
  wb.active = byId.get(data.activeSheetId) ?? sheets[0];
  wb.namedRanges = namedRanges;
  wb.metadata = metadata;
  wb.protections = protections;
  ctx.engine.drop();
}
