/**
 * JdbcConnection: one real driver connection in the worker (or a session on the embedded
 * PGlite). Creates statements, manages autocommit/transactions and read-only mode (enforced
 * by the server), and is closed by the service at the end of the execution that opened it.
 */
import { AppsScriptException } from '../../core/errors';
import { callWorker, toException, type Cell, type Engine, type WireResult } from './bridge';
import { mysqlColumn, pgColumn, type MysqlFieldWire, type PgFieldWire } from './columns';
import { JdbcDatabaseMetaDataFake } from './metadata';
import type { RowSource } from './result-set';
import { JdbcPreparedStatementFake, JdbcStatementFake, type StatementHost } from './statement';

type ConnApi = GoogleAppsScript.JDBC.JdbcConnection;

export interface ConnectionInit {
  workerId: number;
  engine: Engine;
  url: string;
  user: string;
  hostPort: string;
  version: string;
  jvmZone: string;
  executionId: number | undefined;
  workerTimeoutMs: number;
  onClose(conn: JdbcConnectionFake): void;
}

export class JdbcConnectionFake
  implements
    StatementHost,
    Pick<
      ConnApi,
      | 'createStatement'
      | 'prepareStatement'
      | 'setReadOnly'
      | 'isReadOnly'
      | 'setAutoCommit'
      | 'getAutoCommit'
      | 'commit'
      | 'rollback'
      | 'isClosed'
      | 'isValid'
      | 'close'
      | 'getMetaData'
      | 'getCatalog'
      | 'getWarnings'
      | 'clearWarnings'
      | 'getTransactionIsolation'
      | 'nativeSQL'
    >
{
  static readonly appsScriptName = 'Jdbc.JdbcConnection';

  readonly engine: Engine;
  readonly jvmZone: string;
  private closed = false;
  private autoCommit = true;
  private readOnly = false;
  private inTransaction = false;

  constructor(private readonly init: ConnectionInit) {
    this.engine = init.engine;
    this.jvmZone = init.jvmZone;
  }

  // --- StatementHost (host side) -------------------------------------------------------------

  checkOpen(): void {
    if (this.closed)
      throw new AppsScriptException(
        this.engine === 'mysql' ? 'No operations allowed after connection closed.' : 'This connection has been closed.',
      );
  }

  private call<T>(op: string, arg: Record<string, unknown>): T {
    try {
      return callWorker<T>(op, { id: this.init.workerId, ...arg }, this.init.workerTimeoutMs);
    } catch (error) {
      throw toException(this.engine, error);
    }
  }

  private beginIfNeeded(): void {
    if (!this.autoCommit && !this.inTransaction && this.engine !== 'mysql') {
      // pgjdbc's default readOnlyMode ("transaction"): a read-only connection begins read-only transactions.
      this.call('query', { sql: this.readOnly ? 'BEGIN READ ONLY' : 'BEGIN', maxRows: 0, timeoutMs: 0 });
    }
    if (!this.autoCommit) this.inTransaction = true;
  }

  run(sql: string, params: (string | null)[] | undefined, maxRows: number, timeoutMs: number): WireResult[] {
    this.checkOpen();
    this.beginIfNeeded();
    return this.call<WireResult[]>('query', { sql, params, maxRows, timeoutMs });
  }

  batch(items: { sql: string; params?: (string | null)[] }[], timeoutMs: number): number[] {
    this.checkOpen();
    if (items.length === 0) return [];
    this.beginIfNeeded();
    return this.call<number[]>('batch', { items, timeoutMs });
  }

  source(result: WireResult): RowSource {
    const columns = (result.fields ?? []).map((f) =>
      this.engine === 'mysql' ? mysqlColumn(f as MysqlFieldWire) : pgColumn(f as PgFieldWire),
    );
    let cursor = result.cursor;
    return {
      columns,
      rows: result.rows ?? [],
      fetchMore: () => {
        if (cursor === undefined) return null;
        const rows = this.call<Cell[][]>('fetch', { cursor });
        if (rows.length === 0) cursor = undefined;
        return rows;
      },
      release: () => {
        if (cursor !== undefined && !this.closed) this.call('closeCursor', { cursor });
        cursor = undefined;
      },
    };
  }

  connection(): object {
    return this;
  }

  // --- JdbcConnection ------------------------------------------------------------------------

  createStatement(
    _resultSetType?: number,
    _resultSetConcurrency?: number,
    _resultSetHoldability?: number,
  ): GoogleAppsScript.JDBC.JdbcStatement {
    this.checkOpen();
    return new JdbcStatementFake(this) as unknown as GoogleAppsScript.JDBC.JdbcStatement;
  }

  prepareStatement(sql: string, ..._rest: unknown[]): GoogleAppsScript.JDBC.JdbcPreparedStatement {
    this.checkOpen();
    return new JdbcPreparedStatementFake(this, String(sql)) as unknown as GoogleAppsScript.JDBC.JdbcPreparedStatement;
  }

  setReadOnly(readOnly: boolean): void {
    this.checkOpen();
    const ro = Boolean(readOnly);
    if (this.inTransaction && ro !== this.readOnly) {
      throw new AppsScriptException(
        this.engine === 'mysql'
          ? 'Cannot change read-only flag with an open transaction.'
          : 'Cannot change transaction read-only property in the middle of a transaction.',
      );
    }
    // Connector/J propagates the flag to the server session. pgjdbc (42.2.10 on, readOnlyMode
    // "transaction" by default) sends nothing: only transactions begun with autocommit off are
    // read-only, so in autocommit mode a read-only PostgreSQL connection still writes.
    if (this.engine === 'mysql') {
      this.call('query', {
        sql: `SET SESSION TRANSACTION ${ro ? 'READ ONLY' : 'READ WRITE'}`,
        maxRows: 0,
        timeoutMs: 0,
      });
    }
    this.readOnly = ro;
  }

  isReadOnly(): boolean {
    this.checkOpen();
    return this.readOnly;
  }

  setAutoCommit(autoCommit: boolean): void {
    this.checkOpen();
    const on = Boolean(autoCommit);
    if (on === this.autoCommit) return;
    if (on && this.inTransaction) this.commit();
    if (this.engine === 'mysql') this.call('query', { sql: `SET autocommit=${on ? 1 : 0}`, maxRows: 0, timeoutMs: 0 });
    this.autoCommit = on;
  }

  getAutoCommit(): boolean {
    this.checkOpen();
    return this.autoCommit;
  }

  commit(): void {
    this.checkOpen();
    if (this.autoCommit) {
      if (this.engine === 'mysql') throw new AppsScriptException("Can't call commit when autocommit=true");
      throw new AppsScriptException('Cannot commit when autoCommit is enabled.');
    }
    if (this.inTransaction) this.call('query', { sql: 'COMMIT', maxRows: 0, timeoutMs: 0 });
    this.inTransaction = false;
  }

  rollback(_savepoint?: unknown): void {
    this.checkOpen();
    if (this.autoCommit) {
      if (this.engine === 'mysql') throw new AppsScriptException("Can't call rollback when autocommit=true");
      throw new AppsScriptException('Cannot rollback when autoCommit is enabled.');
    }
    if (this.inTransaction) this.call('query', { sql: 'ROLLBACK', maxRows: 0, timeoutMs: 0 });
    this.inTransaction = false;
  }

  isClosed(): boolean {
    return this.closed;
  }

  isValid(timeout: number): boolean {
    if (timeout < 0)
      throw new AppsScriptException(this.engine === 'mysql' ? 'Invalid value for timeout' : 'Invalid timeout (<0).');
    if (this.closed) return false;
    try {
      return callWorker<boolean>('isValid', { id: this.init.workerId }, this.init.workerTimeoutMs);
    } catch {
      return false;
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      callWorker('close', { id: this.init.workerId }, this.init.workerTimeoutMs);
    } catch {
      // the server is gone already: closing still succeeds, as with the Java drivers
    }
    this.init.onClose(this);
  }

  getMetaData(): GoogleAppsScript.JDBC.JdbcDatabaseMetaData {
    this.checkOpen();
    return new JdbcDatabaseMetaDataFake(this, {
      engine: this.engine,
      url: this.init.url,
      user: this.init.user,
      version: this.init.version,
    }) as unknown as GoogleAppsScript.JDBC.JdbcDatabaseMetaData;
  }

  getCatalog(): string {
    this.checkOpen();
    const rows =
      this.run(this.engine === 'mysql' ? 'SELECT DATABASE()' : 'SELECT current_database()', undefined, 0, 0)[0].rows ??
      [];
    return String(rows[0]?.[0] ?? '');
  }

  getTransactionIsolation(): number {
    this.checkOpen();
    return this.engine === 'mysql' ? 4 : 2;
  }
  nativeSQL(sql: string): string {
    this.checkOpen();
    return String(sql);
  }
  getWarnings(): string[] {
    this.checkOpen();
    return [];
  }
  clearWarnings(): void {
    this.checkOpen();
  }

  // --- host-only -------------------------------------------------------------------------------

  _hostPort(): string {
    return this.init.hostPort;
  }
  _workerId(): number {
    return this.init.workerId;
  }
  _executionId(): number | undefined {
    return this.init.executionId;
  }
  /** Closes without calling the script-visible method (end of execution, dispose). */
  _forceClose(): void {
    this.close();
  }
}
