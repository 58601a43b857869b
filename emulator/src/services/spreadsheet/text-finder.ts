/**
 * SpreadsheetApp.TextFinder (Range/Sheet/Spreadsheet.createTextFinder): finds cells whose
 * shown text matches, in row-major order per sheet, with findNext/findPrevious/findAll and
 * replaceWith/replaceAllWith. Options follow the TextFinder reference.
 */
import type { SpreadsheetContext } from './context';
import type { Box } from './model';
import { findCells, findPattern, type FindOptions } from './range-ops';

type RangeOf = (box: Box) => object;

export class TextFinderFake implements Pick<GoogleAppsScript.Spreadsheet.TextFinder, 'replaceAllWith' | 'replaceWith'> {
  static readonly appsScriptName = 'SpreadsheetApp.TextFinder';
  static readonly appsScriptSignatures = {
    matchCase: ['Boolean'],
    matchEntireCell: ['Boolean'],
    useRegularExpression: ['Boolean'],
    matchFormulaText: ['Boolean'],
    ignoreDiacritics: ['Boolean'],
    replaceAllWith: ['String'],
    replaceWith: ['String'],
    startFrom: ['SpreadsheetApp.Range'],
  };
  private readonly options: FindOptions;
  /** Index of the current match in the last search, -1 before the first. */
  private at = -1;
  private start: { sheet: unknown; row: number; col: number } | null = null;

  constructor(
    private readonly _ctx: SpreadsheetContext,
    private readonly _boxes: () => Box[],
    private readonly _rangeOf: RangeOf,
    text: string,
  ) {
    this.options = { text: String(text), matchCase: false, entireCell: false, regex: false, formulaText: false };
  }

  private matches(): [Box, number, number][] {
    return findCells(this._ctx, this._boxes(), this.options);
  }
  private cell([b, r, c]: [Box, number, number]): object {
    return this._rangeOf({ sheet: b.sheet, row: r, col: c, numRows: 1, numCols: 1 });
  }

  matchCase(matchCase: boolean): this {
    this.options.matchCase = matchCase;
    return this;
  }
  matchEntireCell(entireCell: boolean): this {
    this.options.entireCell = entireCell;
    return this;
  }
  useRegularExpression(use: boolean): this {
    this.options.regex = use;
    return this;
  }
  matchFormulaText(formulaText: boolean): this {
    this.options.formulaText = formulaText;
    return this;
  }
  ignoreDiacritics(): this {
    return this;
  }
  startFrom(range: { _boxModel(): Box }): this {
    const b = range._boxModel();
    this.start = { sheet: b.sheet, row: b.row, col: b.col };
    this.at = -1;
    return this;
  }
  private startIndex(list: [Box, number, number][]): number {
    if (!this.start) return -1;
    const s = this.start;
    return list.findIndex(([b, r, c]) => b.sheet === s.sheet && r === s.row && c === s.col);
  }
  findNext(): object | null {
    const list = this.matches();
    if (list.length === 0) return null;
    if (this.at < 0) this.at = this.startIndex(list);
    this.at = (this.at + 1) % list.length;
    return this.cell(list[this.at]);
  }
  findPrevious(): object | null {
    const list = this.matches();
    if (list.length === 0) return null;
    if (this.at < 0) this.at = Math.max(0, this.startIndex(list));
    this.at = (this.at - 1 + list.length) % list.length;
    return this.cell(list[this.at]);
  }
  findAll(): object[] {
    return this.matches().map((m) => this.cell(m));
  }
  getCurrentMatch(): object | null {
    const list = this.matches();
    return this.at >= 0 && this.at < list.length ? this.cell(list[this.at]) : null;
  }
  private replaceIn(m: [Box, number, number], replacement: string): void {
    const [b, r, c] = m;
    const box = { sheet: b.sheet, row: r, col: c, numRows: 1, numCols: 1 };
    const formula = this.options.formulaText ? this._ctx.readFormulas(box)[0][0] : '';
    const text = formula || this._ctx.readDisplay(box)[0][0];
    const pattern = findPattern(this.options);
    const out = this.options.regex ? text.replace(pattern, replacement) : text.replace(pattern, () => replacement);
    this._ctx.writeValues(box, [[out]]);
  }
  replaceWith(replaceText: string): number {
    const list = this.matches();
    if (this.at < 0 || this.at >= list.length) return 0;
    this.replaceIn(list[this.at], String(replaceText));
    return 1;
  }
  replaceAllWith(replaceText: string): number {
    const list = this.matches();
    for (const m of list) this.replaceIn(m, String(replaceText));
    return list.length;
  }
}
