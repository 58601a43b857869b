/**
 * SpreadsheetApp.Sheet: one tab. Ranges by A1 or coordinates (with Apps Script's bounds
 * errors), content extent, row/column insertion and deletion, hide/show, frozen panes,
 * developer metadata, protection, conditional format rules and embedded charts.
 */
import { AppsScriptException } from '../../core/errors';
import { parseA1 } from './a1';
import { addMetadata, DeveloperMetadataFake, DeveloperMetadataFinderFake } from './metadata';
import { Formula } from './cells';
import type { ConditionalRuleModel, MetadataLocation, SheetModel } from './model';
import { ProtectionFake } from './protection';
import { RangeFake } from './range';
import type { SpreadsheetFake } from './spreadsheet';
import { ConditionalFormatRuleFake } from './validation';
import { copyChart, type ChartHost, EmbeddedChartBuilderFake, EmbeddedChartFake, newChartModel } from './charts';

type SheetApi = GoogleAppsScript.Spreadsheet.Sheet;

const OUTSIDE = 'The coordinates of the range are outside the dimensions of the sheet.';

function int(n: unknown): number {
  return Math.floor(Number(n));
}

export class SheetFake
  implements
    Pick<
      SheetApi,
      | 'getName'
      | 'getSheetId'
      | 'getIndex'
      | 'getLastRow'
      | 'getLastColumn'
      | 'getMaxRows'
      | 'getMaxColumns'
      | 'isSheetHidden'
      | 'getFrozenRows'
      | 'getFrozenColumns'
      | 'getColumnWidth'
    >
{
  static readonly appsScriptName = 'SpreadsheetApp.Sheet';

  constructor(
    readonly _ss: SpreadsheetFake,
    readonly _model: SheetModel,
  ) {}

  private get ctx() {
    return this._ss._ctx;
  }

  /** A range from 0-based coordinates, unchecked (host use). */
  _box(row: number, col: number, numRows: number, numCols: number): RangeFake {
    return new RangeFake(this, row, col, numRows, numCols);
  }

  _rangeFromA1(a1: string): RangeFake {
    const ref = parseA1(a1);
    if (!ref) throw new AppsScriptException('Range not found');
    const s = this._model;
    const numRows = ref.numRows ?? s.maxRows - ref.row;
    const numCols = ref.numCols ?? s.maxCols - ref.col;
    if (ref.row + numRows > s.maxRows || ref.col + numCols > s.maxCols)
      throw new AppsScriptException('Range not found');
    return this._box(ref.row, ref.col, numRows, numCols);
  }

  getName(): string {
    return this._model.name;
  }
  setName(name: string): this {
    const text = String(name);
    if (text.trim() === '') throw new AppsScriptException('Invalid argument: name');
    this.ctx.renameSheet(this._model, text);
    return this;
  }
  getSheetId(): number {
    return this._model.sheetId;
  }
  getIndex(): number {
    return this._ss._wb.sheets.indexOf(this._model) + 1;
  }
  getParent(): SpreadsheetFake {
    return this._ss;
  }
  getType(): string {
    return 'GRID';
  }

  getRange(a: unknown, column?: unknown, numRows?: unknown, numColumns?: unknown): RangeFake {
    if (typeof a === 'string' && column === undefined) return this._rangeFromA1(a);
    const row = int(a);
    const col = int(column);
    const nr = numRows === undefined ? 1 : int(numRows);
    const nc = numColumns === undefined ? 1 : int(numColumns);
    if (!Number.isFinite(row) || !Number.isFinite(col))
      throw new AppsScriptException('The coordinates or dimensions of the range are invalid.');
    if (row < 1) throw new AppsScriptException('The starting row of the range is too small.');
    if (col < 1) throw new AppsScriptException('The starting column of the range is too small.');
    if (nr < 1) throw new AppsScriptException('The number of rows in the range must be at least 1.');
    if (nc < 1) throw new AppsScriptException('The number of columns in the range must be at least 1.');
    if (row - 1 + nr > this._model.maxRows || col - 1 + nc > this._model.maxCols)
      throw new AppsScriptException(OUTSIDE);
    return this._box(row - 1, col - 1, nr, nc);
  }
  getDataRange(): RangeFake {
    return this._box(0, 0, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }
  getLastRow(): number {
    return this._model.values.lastRow() + 1;
  }
  getLastColumn(): number {
    return this._model.values.lastCol() + 1;
  }
  getMaxRows(): number {
    return this._model.maxRows;
  }
  getMaxColumns(): number {
    return this._model.maxCols;
  }

  // ---- rows and columns ----------------------------------------------------------------

  private checkRow(n: number): void {
    if (!(n >= 1) || n > this._model.maxRows) throw new AppsScriptException('Those rows are out of bounds.');
  }
  private checkCol(n: number): void {
    if (!(n >= 1) || n > this._model.maxCols) throw new AppsScriptException('Those columns are out of bounds.');
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    this.checkRow(int(beforePosition));
    this.ctx.insertRows(this._model, int(beforePosition) - 1, int(howMany));
    return this;
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.checkRow(int(afterPosition));
    this.ctx.insertRows(this._model, int(afterPosition), int(howMany));
    return this;
  }
  insertRowBefore(beforePosition: number): this {
    return this.insertRowsBefore(beforePosition, 1);
  }
  insertRowAfter(afterPosition: number): this {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRows(rowIndex: number, numRows = 1): void {
    this.insertRowsBefore(rowIndex, numRows);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.ctx.deleteRows(this._model, int(rowPosition) - 1, int(howMany));
  }
  deleteRow(rowPosition: number): this {
    this.ctx.deleteRows(this._model, int(rowPosition) - 1, 1);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    this.checkCol(int(beforePosition));
    this.ctx.insertCols(this._model, int(beforePosition) - 1, int(howMany));
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.checkCol(int(afterPosition));
    this.ctx.insertCols(this._model, int(afterPosition), int(howMany));
    return this;
  }
  insertColumnBefore(beforePosition: number): this {
    return this.insertColumnsBefore(beforePosition, 1);
  }
  insertColumnAfter(afterPosition: number): this {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    this.insertColumnsBefore(columnIndex, numColumns);
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.ctx.deleteCols(this._model, int(columnPosition) - 1, int(howMany));
  }
  deleteColumn(columnPosition: number): this {
    this.ctx.deleteCols(this._model, int(columnPosition) - 1, 1);
    return this;
  }

  appendRow(rowContents: unknown[]): this {
    if (!Array.isArray(rowContents) || rowContents.length === 0) {
      throw new AppsScriptException(
        "The parameters () don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
      );
    }
    const row = this.getLastRow();
    this.ctx.ensureRows(this._model, row + 1);
    if (rowContents.length > this._model.maxCols) {
      this.ctx.insertCols(this._model, this._model.maxCols, rowContents.length - this._model.maxCols);
    }
    this.ctx.writeValues({ sheet: this._model, row, col: 0, numRows: 1, numCols: rowContents.length }, [rowContents]);
    return this;
  }

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    this._box(0, 0, this._model.maxRows, this._model.maxCols).clear(options);
    return this;
  }
  clearContents(): this {
    this.ctx.clearContent({
      sheet: this._model,
      row: 0,
      col: 0,
      numRows: this._model.maxRows,
      numCols: this._model.maxCols,
    });
    return this;
  }
  clearFormats(): this {
    this.ctx.clearFormat({
      sheet: this._model,
      row: 0,
      col: 0,
      numRows: this._model.maxRows,
      numCols: this._model.maxCols,
    });
    return this;
  }
  clearNotes(): this {
    this._model.notes.clearAll();
    return this;
  }

  // ---- visibility, panes, look ---------------------------------------------------------

  hideSheet(): this {
    if (this._model.hidden) return this;
    const visible = this._ss._wb.sheets.filter((s) => !s.hidden && s !== this._model);
    if (visible.length === 0) throw new AppsScriptException("You can't hide all the sheets in a document.");
    this._model.hidden = true;
    if (this._ss._wb.active === this._model) this._ss._wb.active = visible[0];
    return this;
  }
  showSheet(): this {
    this._model.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this._model.hidden;
  }
  setFrozenRows(rows: number): void {
    if (int(rows) < 0 || int(rows) >= this._model.maxRows)
      throw new AppsScriptException('Those rows are out of bounds.');
    this._model.frozenRows = int(rows);
  }
  setFrozenColumns(columns: number): void {
    if (int(columns) < 0 || int(columns) >= this._model.maxCols)
      throw new AppsScriptException('Those columns are out of bounds.');
    this._model.frozenCols = int(columns);
  }
  getFrozenRows(): number {
    return this._model.frozenRows;
  }
  getFrozenColumns(): number {
    return this._model.frozenCols;
  }
  setTabColor(color: string | null): this {
    this._model.tabColor = color;
    return this;
  }
  getTabColor(): string | null {
    return this._model.tabColor;
  }
  activate(): this {
    this._ss._wb.active = this._model;
    this._model.hidden = false;
    return this;
  }
  autoResizeColumns(): this {
    return this;
  }
  autoResizeColumn(): this {
    return this;
  }
  setColumnWidth(columnPosition: number, width: number): this {
    this._model.columnWidths.set(int(columnPosition), int(width));
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    for (let i = 0; i < int(numColumns); i++) this._model.columnWidths.set(int(startColumn) + i, int(width));
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    return this._model.columnWidths.get(int(columnPosition)) ?? 100;
  }

  copyTo(destination: SpreadsheetFake): SheetFake {
    return destination._copySheet(this._model);
  }

  // ---- metadata, protection, rules -----------------------------------------------------

  addDeveloperMetadata(key: string, valueOrVisibility?: unknown, visibility?: unknown): this {
    addMetadata(this._ss, { type: 'SHEET', sheet: this._model }, [key, valueOrVisibility, visibility]);
    return this;
  }
  getDeveloperMetadata(): DeveloperMetadataFake[] {
    return this._ss._wb.metadata
      .filter((m) => m.location.type === 'SHEET' && m.location.sheet === this._model)
      .map((m) => new DeveloperMetadataFake(this._ss, m));
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinderFake {
    return new DeveloperMetadataFinderFake(
      this._ss,
      (loc: MetadataLocation) => 'sheet' in loc && loc.sheet === this._model,
    );
  }
  protect(): ProtectionFake {
    const existing = this._ss._wb.protections.find((p) => p.type === 'SHEET' && p.box.sheet === this._model);
    if (existing) return new ProtectionFake(this._ss, existing);
    const model = {
      type: 'SHEET' as const,
      box: { sheet: this._model, row: 0, col: 0, numRows: this._model.maxRows, numCols: this._model.maxCols },
      description: '',
      warningOnly: false,
      domainEdit: true,
      editors: new Set([this._ss._wb.owner, this.ctx.currentUser()]),
      unprotected: [],
      rangeName: null,
    };
    this._ss._wb.protections.push(model);
    return new ProtectionFake(this._ss, model);
  }
  getProtections(type: string): ProtectionFake[] {
    return this._ss._wb.protections
      .filter((p) => p.box.sheet === this._model && p.type === String(type))
      .map((p) => new ProtectionFake(this._ss, p));
  }
  setConditionalFormatRules(rules: ConditionalFormatRuleFake[]): void {
    const models: ConditionalRuleModel[] = Array.from(rules).map((r) => r._model);
    for (const m of models) {
      if (m.ranges.some((b) => b.sheet !== this._model))
        throw new AppsScriptException('Conditional format rule cannot reference a different sheet.');
    }
    this._model.conditionalRules = models.map((m) => ({ ...m, ranges: m.ranges.map((b) => ({ ...b })) }));
  }
  getConditionalFormatRules(): ConditionalFormatRuleFake[] {
    return this._model.conditionalRules.map(
      (m) => new ConditionalFormatRuleFake(m, (b) => this._ss._sheet(b.sheet)._box(b.row, b.col, b.numRows, b.numCols)),
    );
  }
  clearConditionalFormatRules(): void {
    this._model.conditionalRules = [];
  }

  // ---- embedded charts -----------------------------------------------------------------

  private get _chartHost(): ChartHost {
    return { range: (b) => this._ss._sheet(b.sheet)._box(b.row, b.col, b.numRows, b.numCols) };
  }
  private _chartArg(chart: unknown, method: string): EmbeddedChartFake {
    if (!(chart instanceof EmbeddedChartFake)) {
      throw new AppsScriptException(
        `The parameters (${chart === null ? 'null' : typeof chart}) don't match the method signature for SpreadsheetApp.Sheet.${method}.`,
      );
    }
    return chart;
  }
  newChart(): EmbeddedChartBuilderFake {
    return new EmbeddedChartBuilderFake(newChartModel(), this._chartHost);
  }
  /** Inserts a copy of the chart with a fresh chart id; the chart object given learns that id. */
  insertChart(chart: unknown): void {
    const given = this._chartArg(chart, 'insertChart');
    const model = copyChart(given._model);
    model.chartId = this._ss._wb.nextRandomInt();
    given._model.chartId = model.chartId;
    this._model.charts.push(model);
  }
  getCharts(): EmbeddedChartFake[] {
    return this._model.charts.map((m) => new EmbeddedChartFake(copyChart(m), this._chartHost));
  }
  updateChart(chart: unknown): void {
    const given = this._chartArg(chart, 'updateChart');
    const at = this._model.charts.findIndex((m) => m.chartId !== null && m.chartId === given._model.chartId);
    if (at < 0) throw new AppsScriptException('The chart to update was not found on this sheet.');
    this._model.charts[at] = copyChart(given._model);
  }
  removeChart(chart: unknown): void {
    const given = this._chartArg(chart, 'removeChart');
    this._model.charts = this._model.charts.filter((m) => m.chartId !== given._model.chartId);
  }

  /** Host: whether any formula lives on this sheet. */
  _hasFormulas(): boolean {
    for (const [, , v] of this._model.values.entries()) if (v instanceof Formula) return true;
    return false;
  }
}
