/**
 * Jdbc as the bundle sees it, on the embedded PGlite always and on real PostgreSQL / MariaDB
 * when TEST_PG_URL / TEST_MYSQL_URL are set (see engines.ts): reading with getRows and the
 * getters, value formats per engine, NULL handling, dates, read-only, limits, timeouts,
 * errors passed through, prepared statements and batches, metadata, lifetime and faults.
 */
import { disposeRuntimes, fixtureRuntime } from '../../../helpers/runtimes';
import type { AppsScriptRuntime } from '../../../../emulator/src/runtime';
import { ENGINES, JDBC_OPTIONS, prelude, schemaName } from './engines';

afterAll(disposeRuntimes);

const CODE = `
function makeItems() {
  var c = conn_();
  c.createStatement().execute('CREATE TABLE items (id INT, name VARCHAR(50), price DECIMAL(10,2), big BIGINT, flag BOOLEAN, at TIMESTAMP NULL, note TEXT)');
  var ps = c.prepareStatement('INSERT INTO items (id, name, price, big, flag, at, note) VALUES (?, ?, ?, ?, ?, ?, ?)');
  var counts = ps.executeBatch([
    [1, 'apple', '1.50', '9007199254740993', true, '2024-06-02 08:31:05', null],
    [2, 'pear', '12.50', '2', false, '2024-01-02 03:04:05', 'x'],
    [3, 'fig', '0.99', '3', true, null, null],
    [4, 'kiwi', '4.00', '4', false, null, null],
    [5, 'lime', '5.25', '5', true, null, null],
    [6, 'plum', '6.10', '6', false, null, null],
    [7, 'date', '7.77', '7', true, null, null]
  ]);
  c.close();
  return counts;
}
function batches() {
  var c = conn_();
  var rs = c.createStatement().executeQuery('SELECT id, name, price FROM items ORDER BY id');
  var out = [], rows;
  while ((rows = rs.getRows('getInt(1), getString("name"), getDouble(\\'price\\')', 3)).length > 0) out.push(rows);
  out.push(rs.getRows('getInt(1)', 3));
  return out;
}
function badSpec() {
  var rs = conn_().createStatement().executeQuery('SELECT id FROM items');
  try { rs.getRows('getWhatever(1)'); } catch (e) { return [e.name, e.message]; }
}
function nulls() {
  var rs = conn_().createStatement().executeQuery('SELECT id, note, at, flag FROM items WHERE id = 3');
  rs.next();
  var out = [];
  out.push(rs.getInt('note'), rs.wasNull());
  out.push(rs.getDouble(2), rs.getLong(2), rs.getFloat(2), rs.getShort(2), rs.getByte(2), rs.wasNull());
  out.push(rs.getBoolean(2), rs.getString(2), rs.getTimestamp(3), rs.getObject(2), rs.wasNull());
  out.push(rs.getInt(1), rs.wasNull());
  return out;
}
function strings() {
  var rs = conn_().createStatement().executeQuery('SELECT at, flag, price, big, id FROM items WHERE id = 1');
  rs.next();
  return [rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), String(rs.getBigDecimal(3)), rs.getLong(4), rs.getFloat(3), rs.getBoolean(2)];
}
function dates() {
  var rs = conn_().createStatement().executeQuery('SELECT at FROM items WHERE id = 1');
  rs.next();
  var ts = rs.getTimestamp(1), tz = rs.getTimestamp(1, 'Asia/Tokyo'), d = rs.getDate(1);
  var rows = conn_().createStatement().executeQuery('SELECT at FROM items WHERE id = 1').getRows('getTimestamp(1, "UTC")');
  return [typeof ts.getTime, ts.getTime(), tz.getTime(), ts.getNanos(), ts.getYear(), ts.getMonth(), ts.getHours(), d.getTime(), ts instanceof Date, rows[0][0].getTime()];
}
function readOnly() {
  var c = conn_();
  c.setReadOnly(true);
  var out = [c.isReadOnly()];
  try { c.createStatement().executeUpdate("INSERT INTO items (id) VALUES (99)"); out.push('inserted'); }
  catch (e) { out.push(e.message); }
  if (out[1] === 'inserted') conn_().createStatement().executeUpdate("DELETE FROM items WHERE id = 99");
  c.setAutoCommit(false);
  try { c.createStatement().executeUpdate("INSERT INTO items (id) VALUES (98)"); out.push('inserted'); }
  catch (e) { out.push(e.message); }
  c.rollback();
  c.close();
  return out;
}
function maxRows() {
  var s = conn_().createStatement();
  s.setMaxRows(2);
  var rs = s.executeQuery('SELECT id FROM items ORDER BY id');
  var n = 0; while (rs.next()) n++;
  return [n, s.getMaxRows()];
}
function timeout() {
  var s = conn_().createStatement();
  s.setQueryTimeout(1);
  try { s.executeQuery(ENGINE === 'mysql' ? 'SELECT SLEEP(2)' : 'SELECT pg_sleep(2)'); return 'finished'; }
  catch (e) { return e.message; }
}
function sessionTimeout() {
  var s = conn_().createStatement();
  s.execute("SELECT set_config('statement_timeout', '1000', false)");
  try { s.executeQuery('SELECT pg_sleep(2)'); return 'finished'; }
  catch (e) { return e.message; }
}
function syntax() {
  try { conn_().createStatement().executeQuery('SELECT FROM FROM items'); } catch (e) { return [e.name, e.message]; }
}
function quotes(text) {
  var c = conn_();
  var ps = c.prepareStatement("INSERT INTO items (id, name, note) VALUES (?, '?not a placeholder', ?)");
  ps.setInt(1, 50); ps.setString(2, text);
  var n = ps.executeUpdate();
  var q = c.prepareStatement('SELECT note, name FROM items WHERE id = ? AND note = ?');
  q.setInt(1, 50); q.setString(2, text);
  var rs = q.executeQuery(); rs.next();
  return [n, rs.getString(1), rs.getString(2)];
}
function meta() {
  var c = conn_();
  var md = c.getMetaData();
  var t = md.getTables(null, ENGINE === 'mysql' ? null : SCHEMA, 'items', null);
  var tables = [];
  while (t.next()) tables.push([t.getString('TABLE_NAME'), t.getString('TABLE_TYPE'), t.getString(ENGINE === 'mysql' ? 'TABLE_CAT' : 'TABLE_SCHEM')]);
  var cols = md.getColumns(null, ENGINE === 'mysql' ? null : SCHEMA, 'items', '%');
  var columns = [];
  while (cols.next()) columns.push([cols.getString('COLUMN_NAME'), cols.getInt('DATA_TYPE'), cols.getString('TYPE_NAME'), cols.getInt('ORDINAL_POSITION'), cols.getString('IS_NULLABLE')]);
  var rsmd = c.createStatement().executeQuery('SELECT id AS ident, name, price FROM items').getMetaData();
  return { tables: tables, columns: columns.slice(0, 3), product: md.getDatabaseProductName(),
    rs: [rsmd.getColumnCount(), rsmd.getColumnLabel(1), rsmd.getColumnType(1), rsmd.getColumnTypeName(1), rsmd.getColumnType(3), rsmd.getPrecision(3), rsmd.getScale(3), rsmd.getColumnClassName(3)] };
}
function leaveOpen() { conn_(); return 1; }
function lost() {
  var c = conn_();
  var s = c.createStatement();
  try { s.executeQuery('SELECT 1'); return 'ok'; } catch (e) { return e.message; }
}
function reconnect() { try { conn_(); return 'ok'; } catch (e) { return e.message; } }
`;

for (const engine of ENGINES) {
  (engine.enabled ? describe : describe.skip)(`Jdbc on ${engine.name}`, () => {
    let rt: AppsScriptRuntime;
    const schema = schemaName();

    beforeAll(() => {
      rt = fixtureRuntime(prelude(engine, schema) + CODE, { jdbc: JDBC_OPTIONS });
      rt.call('setup_');
      expect(rt.call('makeItems')).toEqual([1, 1, 1, 1, 1, 1, 1]);
    });
    afterAll(() => {
      rt?.call('cleanup_');
    });

    it('reads in batches with getRows, continuing where the last call stopped', () => {
      const out = rt.call('batches') as unknown[][][];
      expect(out.map((b) => b.length)).toEqual([3, 3, 1, 0]);
      expect(out[0][0]).toEqual([1, 'apple', 1.5]);
      expect(out[2][0]).toEqual([7, 'date', 7.77]);
    });

    it('names a bad getRows spec', () => {
      const [name, message] = rt.call('badSpec') as string[];
      expect(name).toBe('Exception');
      expect(message).toContain('getWhatever');
    });

    it('gives 0 / false / null for SQL NULL and sets wasNull', () => {
      expect(rt.call('nulls')).toEqual([0, true, 0, 0, 0, 0, 0, true, false, null, null, null, true, 3, false]);
    });

    it('formats getString like the Java driver, keeps DECIMAL scale and BIGINT beyond 2^53 exact', () => {
      const [at, flag, price, big, bigDecimal, long, float, bool] = rt.call('strings') as unknown[];
      if (engine.name === 'mysql') {
        expect([at, flag]).toEqual(['2024-06-02 08:31:05.0', '1']);
      } else {
        expect([at, flag]).toEqual(['2024-06-02 08:31:05', 't']);
      }
      expect([price, big, bigDecimal]).toEqual(['1.50', '9007199254740993', '1.50']);
      expect(long).toBe(9007199254740992);
      expect(float).toBe(Math.fround(1.5));
      expect(bool).toBe(true);
    });

    it('returns dates as JdbcTimestamp/JdbcDate wrappers read in the JVM zone or the given one', () => {
      const utc = Date.UTC(2024, 5, 2, 8, 31, 5);
      expect(rt.call('dates')).toEqual([
        'function',
        utc,
        utc - 9 * 3600_000,
        0,
        124,
        5,
        8,
        Date.UTC(2024, 5, 2),
        false,
        utc,
      ]);
    });

    it('makes a read-only connection read-only at the server as each driver does by default', () => {
      const [flag, autoCommitted, inTransaction] = rt.call('readOnly') as [boolean, string, string];
      expect(flag).toBe(true);
      if (engine.name === 'mysql') {
        // Connector/J sends SET SESSION TRANSACTION READ ONLY.
        expect(autoCommitted).toMatch(/READ ONLY/);
        expect(inTransaction).toMatch(/READ ONLY/);
      } else {
        // pgjdbc's readOnlyMode "transaction": only transactions begun with autocommit off are read-only.
        expect(autoCommitted).toBe('inserted');
        expect(inTransaction).toMatch(/^ERROR: cannot execute INSERT in a read-only transaction/);
      }
    });

    it('stops at setMaxRows', () => {
      expect(rt.call('maxRows')).toEqual([2, 2]);
    });

    it('cancels a query past setQueryTimeout', () => {
      const expected =
        engine.name === 'mysql'
          ? 'Statement cancelled due to timeout or client request'
          : engine.name === 'pg'
            ? 'ERROR: canceling statement due to user request'
            : 'ERROR: canceling statement due to statement timeout';
      expect(rt.call('timeout')).toBe(expected);
    });

    if (engine.name !== 'mysql')
      it("cancels a query past the session's statement_timeout, set with set_config", () => {
        expect(rt.call('sessionTimeout')).toBe('ERROR: canceling statement due to statement timeout');
      });

    it('passes syntax errors through as the driver words them', () => {
      const [name, message] = rt.call('syntax') as string[];
      expect(name).toBe('Exception');
      if (engine.name === 'mysql')
        expect(message).toMatch(
          /^You have an error in your SQL syntax; check the manual .* near 'FROM FROM items' at line 1$/,
        );
      else expect(message).toBe('ERROR: syntax error at or near "FROM"\n  Position: 13');
    });

    it('binds prepared-statement parameters, quotes and question marks included', () => {
      const text = `O'Brien said "hi" \\ back; -- ? /* */ $1`;
      expect(rt.call('quotes', text)).toEqual([1, text, '?not a placeholder']);
    });

    it('lists tables and columns through getMetaData, and describes result columns', () => {
      const m = rt.call('meta') as { tables: string[][]; columns: unknown[][]; product: string; rs: unknown[] };
      expect(m.tables).toEqual([['items', 'TABLE', engine.name === 'mysql' ? schema : schema]]);
      expect(m.columns[0]).toEqual(['id', 4, engine.name === 'mysql' ? 'INT' : 'int4', 1, 'YES']);
      expect(m.columns[1].slice(0, 2)).toEqual(['name', 12]);
      expect(m.product).toBe(engine.name === 'mysql' ? 'MySQL' : 'PostgreSQL');
      expect(m.rs.slice(0, 3)).toEqual([3, 'ident', 4]);
      expect(m.rs[3]).toBe(engine.name === 'mysql' ? 'INT' : 'int4');
      // PGlite does not report type modifiers, so precision and scale are only known on real servers.
      const precision = engine.name === 'pglite' ? [0, 0] : [10, 2];
      expect(m.rs.slice(4)).toEqual([engine.name === 'mysql' ? 3 : 2, ...precision, 'java.math.BigDecimal']);
    });

    it('closes connections at the end of the execution', () => {
      rt.call('leaveOpen');
      expect(rt.jdbc._openConnections()).toBe(0);
    });

    it('loses open connections and refuses new ones when the server is taken down', () => {
      const hostPort = /\/\/([^/]+)\//.exec(engine.adminUrl)![1];
      const remove = rt.faults.add({
        method: 'Jdbc.JdbcConnection.createStatement',
        nth: engine.name === 'mysql' ? 1 : 2,
        action: { before: () => rt.jdbc._takeDown(hostPort) },
      });
      try {
        const message = rt.call('lost') as string;
        expect(message).toBe(
          engine.name === 'mysql'
            ? 'Communications link failure\n\nThe last packet successfully received from the server was 0 milliseconds ago.'
            : 'An I/O error occurred while sending to the backend.',
        );
        expect(rt.call('reconnect')).toBe(
          'Failed to establish a database connection. Check connection string, username and password.',
        );
        expect(rt.jdbc._lastConnectionError()?.cause).toMatch(/down/);
      } finally {
        remove();
        rt.jdbc._bringUp(hostPort);
      }
      expect(rt.call('reconnect')).toBe('ok');
    });
  });
}
