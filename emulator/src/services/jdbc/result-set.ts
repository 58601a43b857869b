/**
 * JdbcResultSet and JdbcResultSetMetaData: a forward-only cursor over rows fetched by the
 * worker (in chunks), with the getters by 1-based index or label and the batch reader
 * getRows("getString(1), getDouble('price'), getDate(3, 'UTC')"[, batchSize]).
 */
import { AppsScriptException } from '../../core/errors';
import type { Cell, Engine } from './bridge';
import type { ColumnInfo } from './columns';
import * as cv from './convert';

type RsApi = GoogleAppsScript.JDBC.JdbcResultSet;
type MetaApi = GoogleAppsScript.JDBC.JdbcResultSetMetaData;

export interface RowSource {
  columns: ColumnInfo[];
  rows: Cell[][];
  /** Next chunk from the worker, or null when there is none. */
  fetchMore(): Cell[][] | null;
  release(): void;
}

type ColumnRef = number | string;

const GETTERS = new Set([
  'getString',
  'getNString',
  'getInt',
  'getLong',
  'getShort',
  'getByte',
  'getDouble',
  'getFloat',
  'getBoolean',
  'getBigDecimal',
  'getDate',
  'getTime',
  'getTimestamp',
  'getObject',
  'getBytes',
]);
const ZONED = new Set(['getDate', 'getTime', 'getTimestamp']);

export class JdbcResultSetMetaDataFake
  implements
    Pick<
      MetaApi,
      | 'getColumnCount'
      | 'getColumnName'
      | 'getColumnLabel'
      | 'getColumnType'
      | 'getColumnTypeName'
      | 'getColumnClassName'
      | 'getPrecision'
      | 'getScale'
      | 'isNullable'
      | 'getTableName'
      | 'getSchemaName'
      | 'getCatalogName'
      | 'getColumnDisplaySize'
      | 'isAutoIncrement'
      | 'isSigned'
      | 'isReadOnly'
      | 'isCaseSensitive'
      | 'isCurrency'
      | 'isSearchable'
      | 'isWritable'
    >
{
  static readonly appsScriptName = 'Jdbc.JdbcResultSetMetaData';
  constructor(
    private readonly columns: ColumnInfo[],
    private readonly engine: Engine,
  ) {}

  private col(column: number): ColumnInfo {
    const c = this.columns[Number(column) - 1];
    if (!c) throw new AppsScriptException(indexMessage(this.engine, Number(column), this.columns.length));
    return c;
  }

  getColumnCount(): number {
    return this.columns.length;
  }
  getColumnName(column: number): string {
    return this.engine === 'mysql' ? this.col(column).name : this.col(column).label;
  }
  getColumnLabel(column: number): string {
    return this.col(column).label;
  }
  getColumnType(column: number): number {
    return this.col(column).sqlType;
  }
  getColumnTypeName(column: number): string {
    return this.col(column).typeName;
  }
  getColumnClassName(column: number): string {
    return this.col(column).className;
  }
  getPrecision(column: number): number {
    return this.col(column).precision;
  }
  getScale(column: number): number {
    return this.col(column).scale;
  }
  isNullable(column: number): number {
    return this.col(column).nullable;
  }
  getTableName(column: number): string {
    return this.col(column).table;
  }
  getSchemaName(column: number): string {
    return this.col(column).schema;
  }
  getCatalogName(column: number): string {
    return this.col(column).catalog;
  }
  getColumnDisplaySize(column: number): number {
    return this.col(column).displaySize;
  }
  isAutoIncrement(column: number): boolean {
    return this.col(column).autoIncrement;
  }
  isSigned(column: number): boolean {
    return this.col(column).signed;
  }
  isReadOnly(column: number): boolean {
    this.col(column);
    return false;
  }
  isWritable(column: number): boolean {
    this.col(column);
    return true;
  }
  isCaseSensitive(column: number): boolean {
    return this.col(column).kind === 'text';
  }
  isCurrency(column: number): boolean {
    return this.col(column).typeName === 'money';
  }
  isSearchable(column: number): boolean {
    this.col(column);
    return true;
  }
}

function indexMessage(engine: Engine, index: number, count: number): string {
  return engine === 'mysql'
    ? `Column Index out of range, ${index} > ${count}. `
    : `The column index is out of range: ${index}, number of columns: ${count}.`;
}

type Reader = (cell: Cell) => unknown;

export class JdbcResultSetFake
  implements
    Pick<
      RsApi,
      | 'next'
      | 'close'
      | 'isClosed'
      | 'wasNull'
      | 'findColumn'
      | 'getRow'
      | 'getMetaData'
      | 'getString'
      | 'getNString'
      | 'getInt'
      | 'getLong'
      | 'getShort'
      | 'getByte'
      | 'getDouble'
      | 'getFloat'
      | 'getBoolean'
      | 'getBigDecimal'
      | 'getDate'
      | 'getTime'
      | 'getTimestamp'
      | 'getObject'
      | 'getBytes'
      | 'getRows'
      | 'isBeforeFirst'
      | 'isAfterLast'
      | 'isFirst'
      | 'getFetchSize'
      | 'setFetchSize'
      | 'getStatement'
      | 'getType'
      | 'getConcurrency'
      | 'getHoldability'
      | 'getFetchDirection'
    >
{
  static readonly appsScriptName = 'Jdbc.JdbcResultSet';

  private chunk: Cell[][];
  private pos = -1; // index in chunk
  private rowNumber = 0; // 1-based absolute row, 0 before first
  private afterLast = false;
  private closed = false;
  private lastWasNull = false;
  private fetchSize = 0;
  private readonly ctx: cv.ConvertContext;
  private readonly labels = new Map<string, number>();
  private readonly compiled = new Map<string, Reader[]>();

  constructor(
    private readonly source: RowSource,
    engine: Engine,
    jvmZone: string,
    private readonly statement: object | null,
    private readonly onClose?: () => void,
  ) {
    this.chunk = source.rows;
    this.ctx = { engine, jvmZone };
    source.columns.forEach((c, i) => {
      const key = c.label.toLowerCase();
      if (!this.labels.has(key)) this.labels.set(key, i);
    });
  }

  private checkOpen(): void {
    if (this.closed) {
      throw new AppsScriptException(
        this.ctx.engine === 'mysql' ? 'Operation not allowed after ResultSet closed' : 'This ResultSet is closed.',
      );
    }
  }

  private columnIndex(ref: ColumnRef): number {
    if (typeof ref === 'number') {
      const i = Math.trunc(Number(ref));
      if (i < 1 || i > this.source.columns.length)
        throw new AppsScriptException(indexMessage(this.ctx.engine, i, this.source.columns.length));
      return i - 1;
    }
    const i = this.labels.get(String(ref).toLowerCase());
    if (i === undefined) {
      throw new AppsScriptException(
        this.ctx.engine === 'mysql'
          ? `Column '${ref}' not found.`
          : `The column name ${ref} was not found in this ResultSet.`,
      );
    }
    return i;
  }

  private currentRow(): Cell[] {
    this.checkOpen();
    if (this.pos < 0 || this.afterLast) {
      if (this.ctx.engine === 'mysql')
        throw new AppsScriptException(this.afterLast ? 'After end of result set' : 'Before start of result set');
      throw new AppsScriptException('ResultSet not positioned properly, perhaps you need to call next.');
    }
    return this.chunk[this.pos];
  }

  private cell(ref: ColumnRef): [Cell, number] {
    const row = this.currentRow();
    const i = this.columnIndex(ref);
    const c = row[i];
    this.lastWasNull = c === null;
    return [c, i];
  }

  next(): boolean {
    this.checkOpen();
    if (this.afterLast) return false;
    if (this.pos + 1 >= this.chunk.length) {
      const more = this.source.fetchMore();
      if (!more || more.length === 0) {
        this.afterLast = true;
        this.pos = this.chunk.length;
        return false;
      }
      this.chunk = more;
      this.pos = -1;
    }
    this.pos++;
    this.rowNumber++;
    return true;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.source.release();
    this.onClose?.();
  }

  isClosed(): boolean {
    return this.closed;
  }
  wasNull(): boolean {
    return this.lastWasNull;
  }
  findColumn(columnLabel: string): number {
    this.checkOpen();
    return this.columnIndex(String(columnLabel)) + 1;
  }
  getRow(): number {
    this.checkOpen();
    return this.afterLast ? 0 : this.rowNumber;
  }
  isBeforeFirst(): boolean {
    this.checkOpen();
    return this.rowNumber === 0 && this.chunk.length > 0;
  }
  isAfterLast(): boolean {
    this.checkOpen();
    return this.afterLast && this.rowNumber > 0;
  }
  isFirst(): boolean {
    this.checkOpen();
    return this.rowNumber === 1 && !this.afterLast;
  }
  getMetaData(): GoogleAppsScript.JDBC.JdbcResultSetMetaData {
    this.checkOpen();
    return new JdbcResultSetMetaDataFake(this.source.columns, this.ctx.engine) as unknown as MetaApi;
  }
  getFetchSize(): number {
    return this.fetchSize;
  }
  setFetchSize(rows: number): void {
    this.fetchSize = Number(rows);
  }
  getStatement(): GoogleAppsScript.JDBC.JdbcStatement {
    return this.statement as GoogleAppsScript.JDBC.JdbcStatement;
  }
  getType(): number {
    return 1003;
  }
  getConcurrency(): number {
    return 1007;
  }
  getHoldability(): number {
    return 1;
  }
  getFetchDirection(): number {
    return 1000;
  }

  getString(ref: ColumnRef): string {
    const [c, i] = this.cell(ref);
    return cv.getString(c, this.source.columns[i]) as string;
  }
  getNString(ref: ColumnRef): string {
    return this.getString(ref);
  }
  getInt(ref: ColumnRef): number {
    const [c, i] = this.cell(ref);
    return cv.getIntegral(c, this.source.columns[i], this.ctx, 'getInt');
  }
  getShort(ref: ColumnRef): number {
    const [c, i] = this.cell(ref);
    return cv.getIntegral(c, this.source.columns[i], this.ctx, 'getShort');
  }
  getByte(ref: ColumnRef): number {
    const [c, i] = this.cell(ref);
    return cv.getIntegral(c, this.source.columns[i], this.ctx, 'getByte');
  }
  getLong(ref: ColumnRef): number {
    const [c, i] = this.cell(ref);
    return cv.getIntegral(c, this.source.columns[i], this.ctx, 'getLong');
  }
  getDouble(ref: ColumnRef): number {
    const [c, i] = this.cell(ref);
    return cv.getDouble(c, this.source.columns[i], this.ctx, 'getDouble');
  }
  getFloat(ref: ColumnRef): number {
    const [c, i] = this.cell(ref);
    return cv.getDouble(c, this.source.columns[i], this.ctx, 'getFloat');
  }
  getBoolean(ref: ColumnRef): boolean {
    const [c, i] = this.cell(ref);
    return cv.getBoolean(c, this.source.columns[i], this.ctx);
  }
  getBigDecimal(ref: ColumnRef): GoogleAppsScript.BigNumber {
    const [c, i] = this.cell(ref);
    return cv.getBigDecimal(c, this.source.columns[i], this.ctx) as unknown as GoogleAppsScript.BigNumber;
  }
  getDate(ref: ColumnRef, timeZone?: string): GoogleAppsScript.JDBC.JdbcDate {
    const [c, i] = this.cell(ref);
    return cv.getDate(c, this.source.columns[i], this.ctx, timeZone) as unknown as GoogleAppsScript.JDBC.JdbcDate;
  }
  getTime(ref: ColumnRef, timeZone?: string): GoogleAppsScript.JDBC.JdbcTime {
    const [c, i] = this.cell(ref);
    return cv.getTime(c, this.source.columns[i], this.ctx, timeZone) as unknown as GoogleAppsScript.JDBC.JdbcTime;
  }
  getTimestamp(ref: ColumnRef, timeZone?: string): GoogleAppsScript.JDBC.JdbcTimestamp {
    const [c, i] = this.cell(ref);
    return cv.getTimestamp(
      c,
      this.source.columns[i],
      this.ctx,
      timeZone,
    ) as unknown as GoogleAppsScript.JDBC.JdbcTimestamp;
  }
  getObject(ref: ColumnRef): object {
    const [c, i] = this.cell(ref);
    return cv.getObject(c, this.source.columns[i], this.ctx) as object;
  }
  getBytes(ref: ColumnRef): number[] {
    const [c, i] = this.cell(ref);
    return cv.getBytes(c, this.source.columns[i]) as number[];
  }

  /** Reads up to `batchSize` rows (all when omitted) from the current position, with the getters the spec names. */
  getRows(queryString: string, batchSize?: number): unknown[][] {
    this.checkOpen();
    const readers = this.compile(String(queryString));
    const limit = batchSize === undefined || batchSize === null ? Infinity : Math.trunc(Number(batchSize));
    if (!(limit > 0)) throw new AppsScriptException(`Invalid argument: batchSize`);
    const out: unknown[][] = [];
    const n = readers.length;
    while (out.length < limit && this.next()) {
      const row = this.chunk[this.pos];
      const values = new Array(n);
      for (let k = 0; k < n; k++) values[k] = readers[k](row[(readers[k] as Reader & { col: number }).col]);
      out.push(values);
      if (n > 0) this.lastWasNull = row[(readers[n - 1] as Reader & { col: number }).col] === null;
    }
    return out;
  }

  private compile(spec: string): Reader[] {
    const cached = this.compiled.get(spec);
    if (cached) return cached;
    const readers: Reader[] = [];
    const call =
      /\s*([A-Za-z]\w*)\s*\(\s*(?:(\d+)|'([^']*)'|"([^"]*)")\s*(?:,\s*(?:'([^']*)'|"([^"]*)")\s*)?\)\s*(,|$)/y;
    let at = 0;
    if (spec.trim() === '') throw new AppsScriptException(`Invalid query string for getRows: "${spec}"`);
    while (at < spec.length) {
      call.lastIndex = at;
      const m = call.exec(spec);
      if (!m)
        throw new AppsScriptException(
          `Invalid query string for getRows: "${spec}" (cannot parse at position ${at + 1})`,
        );
      const [, method, index, label1, label2, zone1, zone2] = m;
      if (!GETTERS.has(method)) throw new AppsScriptException(`Unsupported method in getRows query string: ${method}`);
      const zone = zone1 ?? zone2;
      if (zone !== undefined && !ZONED.has(method))
        throw new AppsScriptException(`Invalid query string for getRows: ${method} takes one argument`);
      const col = this.columnIndex(index !== undefined ? Number(index) : (label1 ?? label2)!);
      readers.push(this.reader(method, col, zone));
      at = call.lastIndex;
      if (m[7] === '') break;
    }
    this.compiled.set(spec, readers);
    return readers;
  }

  private reader(method: string, col: number, zone: string | undefined): Reader {
    const c = this.source.columns[col];
    const ctx = this.ctx;
    let fn: Reader;
    switch (method) {
      case 'getString':
      case 'getNString':
        fn = (cell) => cv.getString(cell, c);
        break;
      case 'getInt':
      case 'getShort':
      case 'getByte':
      case 'getLong':
        fn = (cell) => cv.getIntegral(cell, c, ctx, method);
        break;
      case 'getDouble':
      case 'getFloat':
        fn = (cell) => cv.getDouble(cell, c, ctx, method);
        break;
      case 'getBoolean':
        fn = (cell) => cv.getBoolean(cell, c, ctx);
        break;
      case 'getBigDecimal':
        fn = (cell) => cv.getBigDecimal(cell, c, ctx);
        break;
      case 'getDate':
        fn = (cell) => cv.getDate(cell, c, ctx, zone);
        break;
      case 'getTime':
        fn = (cell) => cv.getTime(cell, c, ctx, zone);
        break;
      case 'getTimestamp':
        fn = (cell) => cv.getTimestamp(cell, c, ctx, zone);
        break;
      case 'getBytes':
        fn = (cell) => cv.getBytes(cell, c);
        break;
      default:
        fn = (cell) => cv.getObject(cell, c, ctx);
    }
    return Object.assign(fn, { col });
  }

  /** Host-side: the column descriptions (for tests and other host code). */
  _columns(): ColumnInfo[] {
    return this.source.columns;
  }
}
