/**
 * What the playground page needs, beyond display values, to let a person work in a tab as in
 * Sheets: the grid's size (a few empty rows and columns past the data to type into), formulas
 * (shown while editing), data validation (dropdowns, checkboxes, help text), the cells' look
 * (backgrounds, bold, conditional formatting, with a text colour that stays readable), the
 * protected ranges the person cannot edit, and the tab's embedded charts with their data.
 */
import { Formula, isDateFormat } from '../src/services/spreadsheet/cells';
import { evaluatorWith, formulaAt, satisfies, truthy } from '../src/services/spreadsheet/validation-check';
import { conditionalStyles } from '../src/services/spreadsheet/conditional';
import type { SheetFake } from '../src/services/spreadsheet/sheet';
import { chartView, type ChartView } from './chart-view';

/** Empty rows and columns drawn past the data. */
const EXTRA_ROWS = 10;
const EXTRA_COLS = 3;
/** A chart anchored this many rows or columns past the data still gets cells drawn under it. */
const CHART_REACH = 50;

export type ValidationView =
  | { kind: 'list'; values: string[]; helpText: string; reject: boolean }
  | { kind: 'checkbox'; checked: string; unchecked: string; helpText: string; reject: boolean }
  | { kind: 'other'; criteria: string; helpText: string; reject: boolean };

export interface CellLook {
  background?: string;
  color?: string;
  bold?: boolean;
  italic?: boolean;
  strikethrough?: boolean;
  underline?: boolean;
}

export interface BoxView {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface GridState {
  gridRows: number;
  gridCols: number;
  frozenRows: number;
  formulas: [row: number, col: number, formula: string][];
  validations: ValidationView[];
  cellValidations: [row: number, col: number, index: number][];
  /** Cells whose content breaks their (warning-only) validation: Sheets marks them. */
  invalid: [row: number, col: number][];
  looks: [row: number, col: number, look: CellLook][];
  locked: { box: BoxView; except: BoxView[] }[];
  charts: ChartView[];
}

/** #rgb / #rrggbb / a few names as [r, g, b], or null. */
export function parseColor(color: string | null | undefined): [number, number, number] | null {
  if (!color) return null;
  const named: Record<string, string> = { white: '#ffffff', black: '#000000', red: '#ff0000', green: '#008000' };
  const c = (named[color.toLowerCase()] ?? color).trim();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(c);
  if (short) return [short[1], short[2], short[3]].map((h) => Number.parseInt(h + h, 16)) as [number, number, number];
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);
  return long ? ([long[1], long[2], long[3]].map((h) => Number.parseInt(h, 16)) as [number, number, number]) : null;
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * A text colour readable on `background` (WCAG AA, 4.5:1): the rule's own colour when it is,
 * else black or white, whichever contrasts more.
 */
export function readableText(background: string | undefined, color: string | undefined): string | undefined {
  const bg = parseColor(background) ?? [255, 255, 255];
  const fg = parseColor(color);
  if (fg && contrast(bg, fg) >= 4.5) return color;
  if (!fg && !background) return undefined;
  if (!fg && contrast(bg, [32, 33, 36]) >= 4.5) return undefined;
  return contrast(bg, [0, 0, 0]) >= contrast(bg, [255, 255, 255]) ? '#000000' : '#ffffff';
}

function validationView(criteria: string, args: unknown[], helpText: string, reject: boolean): ValidationView {
  if (criteria === 'VALUE_IN_LIST')
    return { kind: 'list', values: (args[0] as string[]).map(String), helpText, reject };
  if (criteria === 'CHECKBOX') {
    const [checked, unchecked] = args.length === 0 ? ['TRUE', 'FALSE'] : [String(args[0]), String(args[1] ?? '')];
    return { kind: 'checkbox', checked, unchecked, helpText, reject };
  }
  return { kind: 'other', criteria, helpText, reject };
}

/**
 * The grid's extra state for one tab, its data being `lastRow` x `lastCol` (as sent). When the
 * page gets only the first rows of a longer tab (`truncated`), no empty rows are added: rows past
 * those sent hold data the page does not show.
 */
export function gridState(
  sheet: SheetFake,
  lastRow: number,
  lastCol: number,
  editor: string,
  truncated = false,
): GridState {
  const model = sheet._model;
  const ss = sheet._ss;
  // Charts anchored near the data get rows and columns enough to sit on (about 21 x 64 pixels a cell).
  const near = model.charts.filter((c) => c.anchorRow <= lastRow + CHART_REACH && c.anchorCol <= lastCol + CHART_REACH);
  const chartRows = Math.max(0, ...near.map((c) => c.anchorRow - 1 + Math.ceil((c.offsetY + 350) / 21)));
  const chartCols = Math.max(0, ...near.map((c) => c.anchorCol - 1 + Math.ceil((c.offsetX + 540) / 64)));
  const gridRows = truncated ? lastRow : Math.min(model.maxRows, Math.max(lastRow + EXTRA_ROWS, chartRows));
  const gridCols = Math.min(model.maxCols, Math.max(lastCol + EXTRA_COLS, 6, chartCols));
  const inGrid = (r: number, c: number) => r < gridRows && c < gridCols;

  const formulas: GridState['formulas'] = [];
  for (const [r, c, v] of model.values.entries())
    if (v instanceof Formula && inGrid(r, c)) formulas.push([r, c, v.text]);

  const validations: ValidationView[] = [];
  const seen = new Map<unknown, number>();
  const cellValidations: GridState['cellValidations'] = [];
  const invalid: GridState['invalid'] = [];
  const effective = new Map<unknown, ReturnType<typeof ss._ctx.effectiveRule>>();
  let evaluator: ReturnType<typeof evaluatorWith> | undefined;
  for (const [r, c, stored] of model.validations.entries()) {
    if (!inGrid(r, c)) continue;
    let rule = effective.get(stored);
    if (!rule) {
      rule = ss._ctx.effectiveRule(stored);
      effective.set(stored, rule);
    }
    let index = seen.get(rule);
    if (index === undefined) {
      index = validations.push(validationView(rule.criteria, rule.args, rule.helpText, !rule.allowInvalid)) - 1;
      seen.set(rule, index);
    }
    cellValidations.push([r, c, index]);
    const cell = model.values.get(r, c);
    const env = {
      timeZone: ss._wb.timeZone,
      formulaHolds: () => {
        // One scratch engine over the workbook as it is serves every custom-formula rule of the tab.
        evaluator ??= evaluatorWith(ss._wb, model, 0, 0, model.values.get(0, 0));
        return truthy(evaluator.value(formulaAt(rule, r, c)));
      },
    };
    if (!satisfies(rule, cell, isDateFormat(model.formats.get(r, c)), env)) invalid.push([r, c]);
  }
  evaluator?.dispose();

  const looks = new Map<string, CellLook>();
  const look = (r: number, c: number) => {
    const key = `${r}:${c}`;
    const found = looks.get(key);
    if (found) return found;
    const fresh: CellLook = {};
    looks.set(key, fresh);
    return fresh;
  };
  for (const [r, c, bg] of model.backgrounds.entries()) if (inGrid(r, c) && bg) look(r, c).background = bg;
  for (const [r, c, w] of model.fontWeights.entries()) if (inGrid(r, c) && w === 'bold') look(r, c).bold = true;
  const conditional = conditionalStyles(ss._ctx, {
    sheet: model,
    row: 0,
    col: 0,
    numRows: Math.min(gridRows, model.maxRows),
    numCols: gridCols,
  });
  for (const [key, style] of conditional) {
    const [r, c] = key.split(':').map(Number);
    const l = look(r, c);
    if (style.background) l.background = style.background;
    if (style.fontColor) l.color = style.fontColor;
    if (style.bold !== null) l.bold = style.bold;
    if (style.italic) l.italic = true;
    if (style.strikethrough) l.strikethrough = true;
    if (style.underline) l.underline = true;
  }
  const lookList: GridState['looks'] = [];
  for (const [key, l] of looks) {
    const [r, c] = key.split(':').map(Number);
    const color = readableText(l.background, l.color);
    const out: CellLook = { ...l };
    if (color) out.color = color;
    else delete out.color;
    lookList.push([r, c, out]);
  }

  const boxView = (b: { row: number; col: number; numRows: number; numCols: number }): BoxView => ({
    row: b.row,
    col: b.col,
    numRows: b.numRows,
    numCols: b.numCols,
  });
  const locked = ss._wb.protections
    .filter((p) => p.box.sheet === model && !ss._canEdit(p, editor))
    .map((p) => ({ box: boxView(p.box), except: p.unprotected.map(boxView) }));

  const charts = model.charts.map((m) => chartView(sheet, m));
  return {
    gridRows,
    gridCols,
    frozenRows: model.frozenRows,
    formulas,
    validations,
    cellValidations,
    invalid,
    looks: lookList,
    locked,
    charts,
  };
}
