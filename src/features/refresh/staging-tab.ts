/**
 * The staging tab a refresh writes into: a hidden tab of its own, filled chunk by chunk while
 * rows arrive from the database. The result tab is only touched at the end, in one copy, so a
 * failure at any point before that leaves the previous result as it was.
 */
import { translate } from '../../core/i18n';
import { UserError } from '../../core/user-error';
import type { CellValue } from '../../core/values/cell-value';
import { findAllTaggedSheets, tagSheet, type Sheet } from '../../adapters/sheets';
import type { ExecutionContext } from '../context';
import { NEW_TAB_CELLS, reserveCells, WORKBOOK_CELL_LIMIT } from './workbook';

export const STAGING_KEY = 'sheetdash.staging';
/** Staging tabs older than this are leftovers of a killed execution and are removed. */
const STALE_AFTER_MS = 15 * 60 * 1000;

export class StagingTab {
  private maxRows: number;
  private maxColumns: number;
  /** Data rows written so far (the header row is row 1). */
  rowCount = 0;

  private constructor(
    private readonly ctx: ExecutionContext,
    readonly sheet: Sheet,
    readonly columnCount: number,
    /** Cells the workbook can still take (counted once, then tracked as this tab grows). */
    private room: number,
  ) {
    this.maxRows = sheet.getMaxRows();
    this.maxColumns = sheet.getMaxColumns();
  }

  static create(ctx: ExecutionContext, runId: string, columnCount: number): StagingTab {
    const ss = ctx.spreadsheet();
    const room = reserveCells(ss, NEW_TAB_CELLS);
    if (room < 0) throw StagingTab.full(ctx, -room);
    const sheet = ss.insertSheet(`sheetdash-staging-${runId}`, ss.getNumSheets());
    tagSheet(sheet, STAGING_KEY, `${ctx.clock.now()}:${runId}`);
    sheet.hideSheet();
    const staging = new StagingTab(ctx, sheet, columnCount, room);
    staging.ensureSize(1, columnCount);
    return staging;
  }

  private static full(ctx: ExecutionContext, over: number): UserError {
    const cells = (WORKBOOK_CELL_LIMIT + over).toLocaleString('en-US');
    return new UserError(translate(ctx.lang, 'refresh.workbookFull', { cells }));
  }

  /** Removes staging tabs left behind by executions that were killed before cleaning up. */
  static removeStale(ctx: ExecutionContext): void {
    const ss = ctx.spreadsheet();
    const now = ctx.clock.now();
    for (const { sheet, value } of findAllTaggedSheets(STAGING_KEY)) {
      const createdAt = Number(value.split(':')[0]);
      if (Number.isFinite(createdAt) && now - createdAt > STALE_AFTER_MS) ss.deleteSheet(sheet);
    }
  }

  /** Appends data rows; the first call may carry the header row (literal texts), written with them. */
  appendRows(rows: CellValue[][], header?: string[]): void {
    const block: CellValue[][] = header ? [header, ...rows] : rows;
    if (block.length === 0) return;
    const top = header ? 1 : 2 + this.rowCount;
    const needed = top + block.length - 1;
    if (needed > this.maxRows) {
      // Grow at least twofold, so a long result takes a few structural calls, not one per chunk.
      const roomy = Math.max(needed, this.maxRows * 2);
      const fits = (roomy - this.maxRows) * Math.max(this.columnCount, this.maxColumns) <= this.room;
      this.ensureSize(fits ? roomy : needed, this.columnCount);
    }
    this.sheet.getRange(top, 1, block.length, this.columnCount).setValues(block);
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
    const extra =
      Math.max(0, rows - this.maxRows) * Math.max(columns, this.maxColumns) +
      Math.max(0, columns - this.maxColumns) * this.maxRows;
    if (extra > this.room) throw StagingTab.full(this.ctx, extra - this.room);
    this.room -= extra;
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
    this.ctx.spreadsheet().deleteSheet(this.sheet);
  }
}
