/**
 * JdbcStatement and JdbcPreparedStatement: run SQL through the connection, keep the results
 * (result sets and update counts, several for multi-statement PostgreSQL text), honour
 * maxRows and queryTimeout, batches, and the parameter setters of prepared statements.
 */
import { AppsScriptException } from '../../core/errors';
import type { Engine, WireResult } from './bridge';
import { JdbcResultSetFake, type RowSource } from './result-set';
import { mysqlText, pgText, pgValue, splitPlaceholders, type Param } from './sql';
import { epochToWall, pad } from './time';
import { BigDecimalFake, JdbcDateFake, JdbcTimeFake, JdbcTimestampFake } from './values';

type StmtApi = GoogleAppsScript.JDBC.JdbcStatement;
type PrepApi = GoogleAppsScript.JDBC.JdbcPreparedStatement;

/** What a statement needs from its connection. */
export interface StatementHost {
  readonly engine: Engine;
  readonly jvmZone: string;
  checkOpen(): void;
  run(sql: string, params: (string | null)[] | undefined, maxRows: number, timeoutMs: number): WireResult[];
  batch(items: { sql: string; params?: (string | null)[] }[], timeoutMs: number): number[];
  source(result: WireResult): RowSource;
  connection(): object;
}

export class JdbcStatementFake
  implements
    Pick<
      StmtApi,
      | 'executeQuery'
      | 'execute'
      | 'executeUpdate'
      | 'getResultSet'
      | 'getUpdateCount'
      | 'getMoreResults'
      | 'setMaxRows'
      | 'getMaxRows'
      | 'setQueryTimeout'
      | 'getQueryTimeout'
      | 'setFetchSize'
      | 'getFetchSize'
      | 'addBatch'
      | 'clearBatch'
      | 'executeBatch'
      | 'close'
      | 'isClosed'
      | 'getConnection'
      | 'cancel'
      | 'clearWarnings'
      | 'getWarnings'
    >
{
  static readonly appsScriptName: string = 'Jdbc.JdbcStatement';

  protected closed = false;
  protected maxRows = 0;
  protected timeoutSec = 0;
  protected fetchSize = 0;
  protected batchSql: string[] = [];
  private results: WireResult[] = [];
  private current: JdbcResultSetFake | null = null;
  private updateCount = -1;
  private readonly open = new Set<JdbcResultSetFake>();

  constructor(protected readonly conn: StatementHost) {}

  protected checkOpen(): void {
    this.conn.checkOpen();
    if (this.closed)
      throw new AppsScriptException(
        this.conn.engine === 'mysql'
          ? 'No operations allowed after statement closed.'
          : 'This statement has been closed.',
      );
  }

  protected runText(sql: string, params?: (string | null)[]): void {
    this.checkOpen();
    this.closeCurrent();
    this.results = this.conn.run(sql, params, this.maxRows, this.timeoutSec * 1000);
    this.advance();
  }

  private closeCurrent(): void {
    for (const rs of [...this.open]) rs.close();
    this.current = null;
    this.updateCount = -1;
  }

  private advance(): void {
    const next = this.results.shift();
    this.current = null;
    this.updateCount = -1;
    if (!next) return;
    if (next.fields) {
      const rs = new JdbcResultSetFake(this.conn.source(next), this.conn.engine, this.conn.jvmZone, this, () =>
        this.open.delete(rs),
      );
      this.open.add(rs);
      this.current = rs;
    } else this.updateCount = next.update ?? 0;
  }

  protected queryResult(): GoogleAppsScript.JDBC.JdbcResultSet {
    if (!this.current) {
      throw new AppsScriptException(
        this.conn.engine === 'mysql'
          ? 'Can not issue data manipulation statements with executeQuery().'
          : 'No results were returned by the query.',
      );
    }
    return this.current as unknown as GoogleAppsScript.JDBC.JdbcResultSet;
  }

  protected updateResult(): number {
    if (this.current) {
      throw new AppsScriptException(
        this.conn.engine === 'mysql'
          ? 'Can not issue executeUpdate() or executeLargeUpdate() for SELECTs'
          : 'A result was returned when none was expected.',
      );
    }
    return Math.max(0, this.updateCount);
  }

  executeQuery(sql: string): GoogleAppsScript.JDBC.JdbcResultSet {
    this.runText(String(sql));
    return this.queryResult();
  }

  executeUpdate(sql: string): number {
    this.runText(String(sql));
    return this.updateResult();
  }

  execute(sql: string): boolean {
    this.runText(String(sql));
    return this.current !== null;
  }

  getResultSet(): GoogleAppsScript.JDBC.JdbcResultSet {
    this.checkOpen();
    return this.current as unknown as GoogleAppsScript.JDBC.JdbcResultSet;
  }

  getUpdateCount(): number {
    this.checkOpen();
    return this.current ? -1 : this.updateCount;
  }

  getMoreResults(): boolean {
    this.checkOpen();
    this.current?.close();
    this.advance();
    return this.current !== null;
  }

  setMaxRows(max: number): void {
    this.checkOpen();
    if (max < 0)
      throw new AppsScriptException(
        this.conn.engine === 'mysql'
          ? 'setMaxRows() out of range. '
          : 'Maximum number of rows must be a value grater than or equal to 0.',
      );
    this.maxRows = Math.trunc(Number(max));
  }
  getMaxRows(): number {
    this.checkOpen();
    return this.maxRows;
  }
  setQueryTimeout(seconds: number): void {
    this.checkOpen();
    if (seconds < 0)
      throw new AppsScriptException(
        this.conn.engine === 'mysql'
          ? 'Illegal argument value to method setQueryTimeout()'
          : 'Query timeout must be a value greater than or equals to 0.',
      );
    this.timeoutSec = Number(seconds);
  }
  getQueryTimeout(): number {
    this.checkOpen();
    return this.timeoutSec;
  }
  setFetchSize(rows: number): void {
    this.checkOpen();
    this.fetchSize = Math.trunc(Number(rows));
  }
  getFetchSize(): number {
    this.checkOpen();
    return this.fetchSize;
  }

  addBatch(sql: string): void {
    this.checkOpen();
    this.batchSql.push(String(sql));
  }
  clearBatch(): void {
    this.checkOpen();
    this.batchSql = [];
  }
  executeBatch(): number[] {
    this.checkOpen();
    const items = this.batchSql.map((sql) => ({ sql }));
    this.batchSql = [];
    return this.conn.batch(items, this.timeoutSec * 1000);
  }

  close(): void {
    if (this.closed) return;
    this.closeCurrent();
    this.closed = true;
  }
  isClosed(): boolean {
    return this.closed;
  }
  getConnection(): GoogleAppsScript.JDBC.JdbcConnection {
    this.checkOpen();
    return this.conn.connection() as GoogleAppsScript.JDBC.JdbcConnection;
  }
  cancel(): void {
    this.checkOpen();
  }
  clearWarnings(): void {
    this.checkOpen();
  }
  getWarnings(): string[] {
    this.checkOpen();
    return [];
  }
}

export class JdbcPreparedStatementFake
  extends JdbcStatementFake
  implements
    Pick<
      PrepApi,
      | 'setString'
      | 'setNString'
      | 'setInt'
      | 'setLong'
      | 'setShort'
      | 'setByte'
      | 'setDouble'
      | 'setFloat'
      | 'setBoolean'
      | 'setNull'
      | 'setObject'
      | 'setDate'
      | 'setTime'
      | 'setTimestamp'
      | 'setBigDecimal'
      | 'setBytes'
      | 'clearParameters'
    >
{
  static override readonly appsScriptName: string = 'Jdbc.JdbcPreparedStatement';

  private readonly parts: string[];
  private params: (Param | undefined)[];
  private batchParams: Param[][] = [];

  constructor(conn: StatementHost, sql: string) {
    super(conn);
    this.parts = splitPlaceholders(sql, conn.engine);
    this.params = new Array(this.parts.length - 1);
  }

  private set(index: number, p: Param): void {
    this.checkOpen();
    const i = Math.trunc(Number(index));
    const count = this.parts.length - 1;
    if (!(i >= 1 && i <= count)) {
      throw new AppsScriptException(
        this.conn.engine === 'mysql'
          ? `Parameter index out of range (${i} > number of parameters, which is ${count}).`
          : `The column index is out of range: ${i}, number of columns: ${count}.`,
      );
    }
    this.params[i - 1] = p;
  }

  private bound(params: (Param | undefined)[]): { sql: string; params?: (string | null)[] } {
    for (let k = 0; k < this.parts.length - 1; k++) {
      if (params[k] === undefined) {
        throw new AppsScriptException(
          this.conn.engine === 'mysql'
            ? `No value specified for parameter ${k + 1}`
            : `No value specified for parameter ${k + 1}.`,
        );
      }
    }
    const full = params as Param[];
    if (this.conn.engine === 'mysql') return { sql: mysqlText(this.parts, full) };
    if (this.parts.length === 1) return { sql: this.parts[0], params: [] };
    return { sql: pgText(this.parts), params: full.map(pgValue) };
  }

  private runBound(): void {
    const b = this.bound(this.params);
    // An empty params array makes PostgreSQL use the extended protocol (one statement), as pgjdbc does for prepared statements.
    this.runText(b.sql, b.params);
  }

  override executeQuery(sql?: string): GoogleAppsScript.JDBC.JdbcResultSet {
    this.refuseText(sql);
    this.runBound();
    return this.queryResult();
  }
  override executeUpdate(sql?: string): number {
    this.refuseText(sql);
    this.runBound();
    return this.updateResult();
  }
  override execute(sql?: string): boolean {
    this.refuseText(sql);
    this.runBound();
    return this.getResultSet() !== null;
  }

  private refuseText(sql: string | undefined): void {
    if (sql !== undefined) {
      throw new AppsScriptException(
        this.conn.engine === 'mysql'
          ? 'Can not call execute(String) on a PreparedStatement'
          : "Can't use query methods that take a query string on a PreparedStatement.",
      );
    }
  }

  override addBatch(sql?: string): void {
    this.refuseText(sql);
    this.checkOpen();
    this.bound(this.params);
    this.batchParams.push([...(this.params as Param[])]);
  }

  override clearBatch(): void {
    super.clearBatch();
    this.batchParams = [];
  }

  /** executeBatch() runs the rows added with addBatch(); executeBatch(parameters) binds each inner array in turn. */
  override executeBatch(parameters?: unknown[][]): number[] {
    this.checkOpen();
    let rows: Param[][];
    if (parameters !== undefined) {
      if (!Array.isArray(parameters)) throw new AppsScriptException('Invalid argument: parameters');
      rows = parameters.map((row, r) => {
        if (!Array.isArray(row)) throw new AppsScriptException('Invalid argument: parameters');
        if (row.length !== this.parts.length - 1) {
          throw new AppsScriptException(
            `Batch entry ${r}: expected ${this.parts.length - 1} parameters, got ${row.length}.`,
          );
        }
        return row.map((v) => this.paramOf(v));
      });
    } else {
      rows = this.batchParams;
      this.batchParams = [];
    }
    return this.conn.batch(
      rows.map((row) => this.bound(row)),
      this.timeoutSec * 1000,
    );
  }

  clearParameters(): void {
    this.checkOpen();
    this.params = new Array(this.parts.length - 1);
  }

  setString(parameterIndex: number, x: string): void {
    this.set(parameterIndex, x === null || x === undefined ? { kind: 'null' } : { kind: 'string', text: String(x) });
  }
  setNString(parameterIndex: number, x: string): void {
    this.setString(parameterIndex, x);
  }
  setInt(parameterIndex: number, x: number): void {
    this.set(parameterIndex, { kind: 'number', text: String(Math.trunc(Number(x)) | 0) });
  }
  setShort(parameterIndex: number, x: number): void {
    this.set(parameterIndex, { kind: 'number', text: String((Math.trunc(Number(x)) << 16) >> 16) });
  }
  setByte(parameterIndex: number, x: number): void {
    this.set(parameterIndex, { kind: 'number', text: String((Math.trunc(Number(x)) << 24) >> 24) });
  }
  setLong(parameterIndex: number, x: number): void {
    this.set(parameterIndex, { kind: 'number', text: BigInt(Math.trunc(Number(x))).toString() });
  }
  setDouble(parameterIndex: number, x: number): void {
    this.set(parameterIndex, { kind: 'number', text: javaDouble(Number(x)) });
  }
  setFloat(parameterIndex: number, x: number): void {
    this.set(parameterIndex, { kind: 'number', text: javaDouble(Math.fround(Number(x))) });
  }
  setBoolean(parameterIndex: number, x: boolean): void {
    this.set(parameterIndex, { kind: 'bool', value: Boolean(x) });
  }
  setNull(parameterIndex: number, _sqlType: number, _typeName?: string): void {
    this.set(parameterIndex, { kind: 'null' });
  }
  setBigDecimal(parameterIndex: number, x: GoogleAppsScript.BigNumber): void {
    this.set(
      parameterIndex,
      x === null || x === undefined ? { kind: 'null' } : { kind: 'decimal', text: decimalText(x) },
    );
  }
  setBytes(parameterIndex: number, x: number[]): void {
    this.set(
      parameterIndex,
      x === null || x === undefined ? { kind: 'null' } : { kind: 'bytes', bytes: Uint8Array.from(x, (b) => b & 0xff) },
    );
  }
  setDate(parameterIndex: number, x: GoogleAppsScript.JDBC.JdbcDate, timeZone?: string): void {
    this.set(
      parameterIndex,
      x === null || x === undefined ? { kind: 'null' } : { kind: 'date', text: this.dateText(x.getTime(), timeZone) },
    );
  }
  setTime(parameterIndex: number, x: GoogleAppsScript.JDBC.JdbcTime, timeZone?: string): void {
    this.set(
      parameterIndex,
      x === null || x === undefined ? { kind: 'null' } : { kind: 'time', text: this.timeText(x.getTime(), timeZone) },
    );
  }
  setTimestamp(parameterIndex: number, x: GoogleAppsScript.JDBC.JdbcTimestamp, timeZone?: string): void {
    this.set(
      parameterIndex,
      x === null || x === undefined ? { kind: 'null' } : { kind: 'timestamp', text: this.timestampText(x, timeZone) },
    );
  }
  setObject(parameterIndex: number, x: unknown, _targetSqlType?: number, _scaleOrLength?: number): void {
    this.set(parameterIndex, this.paramOf(x));
  }

  private paramOf(x: unknown): Param {
    if (x === null || x === undefined) return { kind: 'null' };
    if (typeof x === 'string') return { kind: 'string', text: x };
    if (typeof x === 'number') return { kind: 'number', text: Number.isInteger(x) ? String(x) : javaDouble(x) };
    if (typeof x === 'boolean') return { kind: 'bool', value: x };
    if (x instanceof BigDecimalFake) return { kind: 'decimal', text: x._text() };
    if (x instanceof JdbcTimestampFake)
      return { kind: 'timestamp', text: this.timestampText(x as unknown as GoogleAppsScript.JDBC.JdbcTimestamp) };
    if (x instanceof JdbcDateFake) return { kind: 'date', text: this.dateText(x.getTime()) };
    if (x instanceof JdbcTimeFake) return { kind: 'time', text: this.timeText(x.getTime()) };
    if (x instanceof Date)
      return {
        kind: 'timestamp',
        text: this.timestampText(
          new JdbcTimestampFake(x.getTime(), this.conn.jvmZone) as unknown as GoogleAppsScript.JDBC.JdbcTimestamp,
        ),
      };
    if (Array.isArray(x)) return { kind: 'bytes', bytes: Uint8Array.from(x as number[], (b) => b & 0xff) };
    return { kind: 'string', text: String(x) };
  }

  private dateText(ms: number, zone?: string): string {
    const w = epochToWall(ms, zone ?? this.conn.jvmZone);
    return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
  }

  private timeText(ms: number, zone?: string): string {
    const w = epochToWall(ms, zone ?? this.conn.jvmZone);
    return `${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
  }

  private timestampText(ts: GoogleAppsScript.JDBC.JdbcTimestamp, zone?: string): string {
    const w = epochToWall(ts.getTime(), zone ?? this.conn.jvmZone);
    const nanos = ts.getNanos();
    const frac = nanos ? `.${String(nanos).padStart(9, '0').replace(/0+$/, '')}` : '';
    return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${frac}`;
  }
}

/** Double.toString-like text that the servers parse back to the same value. */
function javaDouble(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  return String(n);
}

function decimalText(x: unknown): string {
  if (x instanceof BigDecimalFake) return x._text();
  const text = String(x);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) throw new AppsScriptException(`Invalid argument: x`);
  return text;
}
