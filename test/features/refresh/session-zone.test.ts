/**
 * Setting a session up with a kind's SQL, on a scripted connection: the named zone in one
 * statement when the server takes it; else the zone's current offset, with a shift for the
 * kind's instant columns only; a refusal recognised by the throw, whatever its text. On
 * PostgreSQL a read-only source's read-only transactions and the statement timeout go in the
 * same statement.
 */
import { mysqlKind } from '../../../src/datasources/kinds/mysql';
import { postgresqlKind } from '../../../src/datasources/kinds/postgresql';
import { sqlServerKind } from '../../../src/datasources/kinds/sqlserver';
import { offsetText, setUpSession } from '../../../src/features/refresh/session-zone';

const setSessionTimeZone = (
  connection: GoogleAppsScript.JDBC.JdbcConnection,
  kind: Parameters<typeof setUpSession>[1],
  timeZone: string,
  nowMs: number,
  readOnly = false,
  timeoutSeconds = 30,
) => setUpSession(connection, kind, { timeZone, nowMs, readOnly, timeoutSeconds });

interface Script {
  calls: string[];
  connection: GoogleAppsScript.JDBC.JdbcConnection;
}

/** A connection whose statements fail for SQL matching `refuse`, with a message in no particular language. */
function scriptedConnection(refuse: RegExp | null): Script {
  const calls: string[] = [];
  const statement = {
    execute(sql: string) {
      calls.push(`execute ${sql}`);
      if (refuse?.test(sql)) throw new Error('タイムゾーンが不明です');
      return false;
    },
    close() {
      calls.push('close');
    },
  };
  const connection = {
    createStatement() {
      calls.push('createStatement');
      return statement;
    },
  };
  return { calls, connection: connection as unknown as GoogleAppsScript.JDBC.JdbcConnection };
}

const realNow = Date.now;
afterEach(() => {
  Date.now = realNow;
});

describe('setUpSession', () => {
  it('sets a named zone in one statement when the server takes it: no shift', () => {
    const { calls, connection } = scriptedConnection(null);
    const zone = setSessionTimeZone(connection, mysqlKind, 'America/Los_Angeles', Date.now());
    // The statement stays open: the query runs on it next.
    expect(calls).toEqual(['createStatement', "execute SET time_zone = 'America/Los_Angeles'"]);
    expect(zone.shiftFor('TIMESTAMP')).toBeUndefined();
    // MySQL and MariaDB name the timeout differently: the query sets it with setQueryTimeout.
    expect(zone.timeoutSet).toBe(false);
  });

  it("falls back to the zone's offset of today and shifts TIMESTAMP columns only", () => {
    Date.now = () => Date.UTC(2026, 0, 20, 18);
    const { calls, connection } = scriptedConnection(/America/);
    const zone = setSessionTimeZone(connection, mysqlKind, 'America/Los_Angeles', Date.now());
    expect(calls).toEqual([
      'createStatement',
      "execute SET time_zone = 'America/Los_Angeles'",
      "execute SET time_zone = '-08:00'",
    ]);
    const shift = zone.shiftFor('TIMESTAMP');
    expect(shift?.sessionOffsetMs).toBe(-8 * 3_600_000);
    expect(shift?.offsetAt(Date.UTC(2024, 6, 1, 12))).toBe(-7 * 3_600_000);
    expect(zone.shiftFor('timestamp')).toBe(shift);
    expect(zone.shiftFor('DATETIME')).toBeUndefined();
    expect(zone.shiftFor('DATE')).toBeUndefined();
  });

  it('gives up when the offset is refused too, and closes the statement', () => {
    const { calls, connection } = scriptedConnection(/SET/);
    expect(() => setSessionTimeZone(connection, mysqlKind, 'Europe/London', Date.now())).toThrow(
      'タイムゾーンが不明です',
    );
    expect(calls[calls.length - 1]).toBe('close');
  });

  it('passes a PostgreSQL refusal on (the server knows every zone name), and sets nothing on SQL Server', () => {
    const pg = scriptedConnection(/set_config/);
    expect(() => setSessionTimeZone(pg.connection, postgresqlKind, 'Europe/London', Date.now())).toThrow();
    expect(pg.calls).toEqual([
      'createStatement',
      "execute SELECT set_config('TimeZone', 'Europe/London', false), set_config('statement_timeout', '30000', false)",
      'close',
    ]);
    const mssql = scriptedConnection(null);
    expect(
      setSessionTimeZone(mssql.connection, sqlServerKind, 'Europe/London', Date.now()).shiftFor('datetime'),
    ).toBeUndefined();
    expect(mssql.calls).toEqual([]);
  });
});

describe('read-only sessions', () => {
  it('makes PostgreSQL transactions read-only in the zone statement: pgjdbc setReadOnly sends nothing', () => {
    const { calls, connection } = scriptedConnection(null);
    const zone = setSessionTimeZone(connection, postgresqlKind, 'Europe/London', Date.now(), true, 42);
    expect(calls).toEqual([
      'createStatement',
      "execute SELECT set_config('TimeZone', 'Europe/London', false), set_config('default_transaction_read_only', 'on', false), set_config('statement_timeout', '42000', false)",
    ]);
    expect(postgresqlKind.readOnlySession).toBe('sessionSql');
    // The statement timeout is the session's too: the query needs no setQueryTimeout.
    expect(zone.timeoutSet).toBe(true);
  });

  it('leaves MySQL read-only to the driver (Connector/J sends SET SESSION TRANSACTION READ ONLY)', () => {
    const { calls, connection } = scriptedConnection(null);
    setSessionTimeZone(connection, mysqlKind, 'Europe/London', Date.now(), true);
    expect(calls).toEqual(['createStatement', "execute SET time_zone = 'Europe/London'"]);
    expect(mysqlKind.readOnlySession).toBe('driver');
  });

  it('fails closed when a kind that promises read-only or the timeout in session SQL has none', () => {
    const { connection } = scriptedConnection(null);
    const broken = { ...postgresqlKind, sessionSql: () => null };
    expect(() => setSessionTimeZone(connection, broken, 'UTC', Date.now(), true)).toThrow(/no session SQL/);
    expect(() => setSessionTimeZone(connection, broken, 'UTC', Date.now(), false)).toThrow(/no session SQL/);
    const noTimeout = { ...broken, timeoutInSession: false };
    expect(setSessionTimeZone(connection, noTimeout, 'UTC', Date.now(), false).statement).toBeNull();
  });
});

describe('zones the JavaScript engine does not know', () => {
  afterEach(() => {
    delete (globalThis as { Utilities?: unknown }).Utilities;
  });

  it('reads their offsets from Utilities.formatDate, once per quarter hour', () => {
    const asked: number[] = [];
    const formatDate = (date: Date, _zone: string, pattern: string) => {
      expect(pattern).toBe('Z');
      asked.push(date.getTime());
      return date.getTime() < Date.UTC(2024, 3, 1) ? '-0230' : '+0100';
    };
    (globalThis as { Utilities?: unknown }).Utilities = { formatDate };
    Date.now = () => Date.UTC(2024, 0, 10, 12, 5);
    const { calls, connection } = scriptedConnection(/Mars/);
    const shift = setSessionTimeZone(connection, mysqlKind, 'Mars/Olympus_Mons', Date.now()).shiftFor('TIMESTAMP');
    expect(calls).toContain("execute SET time_zone = '-02:30'");
    expect(shift?.sessionOffsetMs).toBe(-2.5 * 3_600_000);
    expect(shift?.offsetAt(Date.UTC(2024, 6, 1, 12, 1))).toBe(3_600_000);
    expect(shift?.offsetAt(Date.UTC(2024, 6, 1, 12, 14))).toBe(3_600_000);
    expect(asked).toEqual([Date.UTC(2024, 0, 10, 12), Date.UTC(2024, 6, 1, 12)]);
  });
});

describe('offsetText', () => {
  it("writes offsets as MySQL's time_zone takes them", () => {
    expect(offsetText(0)).toBe('+00:00');
    expect(offsetText(9 * 3_600_000)).toBe('+09:00');
    expect(offsetText(-7 * 3_600_000)).toBe('-07:00');
    expect(offsetText(5.75 * 3_600_000)).toBe('+05:45');
    expect(offsetText(-3.5 * 3_600_000)).toBe('-03:30');
  });
});
