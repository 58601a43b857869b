/**
 * The staging tab a refresh writes into: a hidden tab of its own, filled chunk by chunk while
 * rows arrive from the database. The result tab is only touched at the end, in one copy, so a
 * failure at any point before that leaves the previous result as it was.
 */
import type { CellValue } from '../../core/values/cell-value';
import { activeSpreadsheet, findAllTaggedSheets, tagSheet, type Sheet } from '../../adapters/sheets';

export const STAGING_KEY = 'sheetdash.staging';
/** Staging tabs older than this are leftovers of a killed execution and are removed. */
const STALE_AFTER_MS = 15 * 60 * 1000;

export class StagingTab {
  private maxRows: number;
  private maxColumns: number;
  /** Data rows written so far (the header row is row 1). */
  rowCount = 0;

  private constructor(
    readonly sheet: Sheet,
    readonly columnCount: number,
  ) {
    this.maxRows = sheet.getMaxRows();
    this.maxColumns = sheet.getMaxColumns();
  }

  static create(runId: string, columnCount: number): StagingTab {
    const ss = activeSpreadsheet();
    const sheet = ss.insertSheet(`sheetdash-staging-${runId}`, ss.getNumSheets());
    tagSheet(sheet, STAGING_KEY, `${Date.now()}:${runId}`);
    sheet.hideSheet();
    const staging = new StagingTab(sheet, columnCount);
    staging.ensureSize(1, columnCount);
    return staging;
  }

  /** Removes staging tabs left behind by executions that were killed before cleaning up. */
  static removeStale(now: number): void {
    const ss = activeSpreadsheet();
    for (const { sheet, value } of findAllTaggedSheets(STAGING_KEY)) {
      const createdAt = Number(value.split(':')[0]);
      if (Number.isFinite(createdAt) && now - createdAt > STALE_AFTER_MS) ss.deleteSheet(sheet);
    }
  }

  writeHeader(headers: string[]): void {
    this.sheet.getRange(1, 1, 1, headers.length).setValues([headers.map((h) => "'" + h)]);
  }

  appendRows(rows: CellValue[][]): void {
    if (rows.length === 0) return;
    this.ensureSize(1 + this.rowCount + rows.length, this.columnCount);
    this.sheet.getRange(2 + this.rowCount, 1, rows.length, this.columnCount).setValues(rows);
    this.rowCount += rows.length;
  }

  setColumnFormat(column: number, format: string): void {
    this.sheet.getRange(2, column, Math.max(this.rowCount, 1), 1).setNumberFormat(format);
  }

  setHeaderNote(note: string): void {
    this.sheet.getRange(1, 1).setNote(note);
  }

  /** Grows the tab to at least rows x columns (Apps Script refuses ranges beyond the grid). */
  ensureSize(rows: number, columns: number): void {
    if (rows > this.maxRows) {
      this.sheet.insertRowsAfter(this.maxRows, rows - this.maxRows);
      this.maxRows = rows;
    }
    if (columns > this.maxColumns) {
      this.sheet.insertColumnsAfter(this.maxColumns, columns - this.maxColumns);
      this.maxColumns = columns;
    }
  }

  discard(): void {
    activeSpreadsheet().deleteSheet(this.sheet);
  }
}
