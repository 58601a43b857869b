// The Jdbc service's database worker. The host (emulator/src/services/jdbc/bridge.ts) calls it
// synchronously through synckit; it holds the real driver connections (pg, mysql2) and the
// embedded PGlite, runs statements, and returns rows as raw server text (strings, or bytes for
// binary columns) so the host formats values as the Java drivers would. One worker per process.
import { runAsWorker } from 'synckit';
import * as fs from 'node:fs';
import pg from 'pg';
import mysql from 'mysql2/promise';

const CHUNK_ROWS = 5000;
const connections = new Map(); // id -> entry
const cursors = new Map(); // id -> { rows, pos }
const pglites = new Map(); // dataDir key -> Promise<PGlite>
let nextId = 1;

/** Raw text for every PostgreSQL type: the host parses values itself. */
const rawPgTypes = { getTypeParser: () => (value) => value };
let pgliteRawParsers;

function fail(kind, message, extra = {}) {
  const e = new Error(message);
  e.kind = kind;
  Object.assign(e, extra);
  return e;
}

function describe(error, entry) {
  const out = { message: String(error?.message ?? error), kind: error?.kind ?? 'db' };
  for (const k of ['code', 'errno', 'sqlState', 'severity', 'position', 'detail', 'hint', 'where', 'sqlMessage']) {
    if (error && error[k] !== undefined && error[k] !== null)
      out[k] = typeof error[k] === 'object' ? String(error[k]) : error[k];
  }
  if (entry?.lost && out.kind === 'db') out.kind = 'lost';
  return out;
}

async function pgliteFor(options) {
  const key = options.dataDir ?? '';
  let p = pglites.get(key);
  if (!p) {
    p = (async () => {
      const { PGlite, types } = await import('@electric-sql/pglite');
      pgliteRawParsers ??= Object.fromEntries(Object.keys(types.parsers).map((oid) => [oid, (v) => v]));
      const init = {};
      if (options.dataDir) init.dataDir = options.dataDir;
      else if (options.snapshot && fs.existsSync(options.snapshot)) {
        init.loadDataDir = new Blob([fs.readFileSync(options.snapshot)]);
      }
      const db = new PGlite(init);
      await db.waitReady;
      // Array types are parsed by PGlite unless overridden: keep the server text ("{x,y}") as pgjdbc's getString does.
      const arrays = await db.query("SELECT oid FROM pg_type WHERE typcategory = 'A'", [], { rowMode: 'array' });
      for (const [oid] of arrays.rows) pgliteRawParsers[oid] = (v) => v;
      if (!options.dataDir && options.snapshot && !fs.existsSync(options.snapshot)) {
        const dump = await db.dumpDataDir('none');
        const tmp = `${options.snapshot}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
        fs.renameSync(tmp, options.snapshot);
      }
      return db;
    })();
    pglites.set(key, p);
    p.catch(() => pglites.delete(key));
  }
  return p;
}

function mysqlTypeCast(field, _next) {
  // Binary columns (charset 63) as bytes, everything else as the server's text.
  if (
    field.characterSet === 63 &&
    field.type !== 'NEWDECIMAL' &&
    /BLOB|STRING|VAR_STRING|BIT|GEOMETRY/.test(field.type)
  ) {
    const b = field.buffer();
    return b === null ? null : new Uint8Array(b);
  }
  return field.string();
}

const ops = {
  async connect(o) {
    const id = nextId++;
    let entry;
    if (o.kind === 'pglite') {
      const db = await pgliteFor(o.pglite ?? {});
      entry = { kind: 'pglite', db, hostPort: o.hostPort, lost: false };
      await db.exec(`SET TIME ZONE '${o.timeZone.replace(/'/g, "''")}'; SET DateStyle = 'ISO'`);
      const v = await db.query('SHOW server_version');
      entry.version = v.rows[0].server_version;
    } else if (o.kind === 'pg') {
      const client = new pg.Client({
        host: o.host,
        port: o.port,
        database: o.database,
        user: o.user,
        password: o.password,
        connectionTimeoutMillis: o.connectTimeoutMs,
        types: rawPgTypes,
        application_name: 'PostgreSQL JDBC Driver',
      });
      entry = { kind: 'pg', client, hostPort: o.hostPort, lost: false, connectOptions: o };
      client.on('error', () => {
        entry.lost = true;
      });
      client.on('end', () => {
        entry.lost = true;
      });
      await client.connect();
      await client.query(
        `SET TIME ZONE '${o.timeZone.replace(/'/g, "''")}'; SET DateStyle = 'ISO'; SET extra_float_digits = 3`,
      );
      entry.version = (await client.query({ text: 'SHOW server_version', rowMode: 'array' })).rows[0][0];
    } else {
      const conn = await mysql.createConnection({
        host: o.host,
        port: o.port,
        database: o.database,
        user: o.user,
        password: o.password,
        connectTimeout: o.connectTimeoutMs,
        rowsAsArray: true,
        typeCast: mysqlTypeCast,
        multipleStatements: false,
        supportBigNumbers: true,
        bigNumberStrings: true,
        dateStrings: true,
      });
      entry = { kind: 'mysql', conn, hostPort: o.hostPort, lost: false, connectOptions: o };
      conn.connection.on('error', () => {
        entry.lost = true;
      });
      conn.connection.on('end', () => {
        entry.lost = true;
      });
      try {
        await conn.query('SET time_zone = ?', [o.timeZone]);
      } catch {
        await conn.query('SET time_zone = ?', [o.timeZoneOffset]);
      }
      const [rows] = await conn.query('SELECT VERSION()');
      entry.version = rows[0][0];
      entry.threadId = conn.threadId;
    }
    connections.set(id, entry);
    return { id, version: entry.version };
  },

  async query(o) {
    const entry = live(o.id);
    const results = [];
    if (entry.kind === 'mysql') {
      const timer = armTimeout(entry, o.timeoutMs, () => killMysql(entry));
      let out;
      try {
        out = await entry.conn.query({ sql: o.sql, rowsAsArray: true });
      } catch (e) {
        if (timer.fired) throw fail('timeout', 'Statement cancelled due to timeout or client request');
        throw e;
      } finally {
        clearTimeout(timer.handle);
      }
      if (timer.fired) throw fail('timeout', 'Statement cancelled due to timeout or client request');
      const [rows, fields] = out;
      if (Array.isArray(rows)) results.push(resultOf(fields.map(mysqlField), rows, o.maxRows, 'SELECT'));
      else results.push({ update: rows.affectedRows ?? 0, command: 'UPDATE', insertId: rows.insertId });
      return results;
    }
    let raw;
    if (entry.kind === 'pglite') {
      // PGlite runs in this thread (wasm without timers): statement_timeout cannot interrupt it, so a
      // statement that outlived the timeout is reported as cancelled once it returns. The limit is
      // setQueryTimeout's or the session's statement_timeout (set with SET or set_config), the
      // shorter one, as on a PostgreSQL server, where both cancel the statement.
      const sessionMs = await sessionStatementTimeout(entry.db);
      if (o.timeoutMs > 0) await entry.db.exec(`SET statement_timeout = ${Math.floor(o.timeoutMs)}`);
      const limitMs = Math.min(...[o.timeoutMs, sessionMs].filter((ms) => ms > 0), Number.POSITIVE_INFINITY);
      const started = Date.now();
      try {
        raw = o.params
          ? [await entry.db.query(o.sql, o.params, { rowMode: 'array', parsers: pgliteRawParsers })]
          : await entry.db.exec(o.sql, { rowMode: 'array', parsers: pgliteRawParsers });
      } finally {
        if (o.timeoutMs > 0) await entry.db.exec(`SET statement_timeout = ${sessionMs}`).catch(() => {});
      }
      if (Date.now() - started > limitMs) {
        throw fail('db', 'canceling statement due to statement timeout', { severity: 'ERROR', code: '57014' });
      }
      raw = raw.map((r) => ({
        fields: r.fields,
        rows: r.rows.map((row) => row.map(pgliteCell)),
        command: r.command,
        rowCount: r.affectedRows ?? r.rowCount,
      }));
    } else {
      const timer = armTimeout(entry, o.timeoutMs, () => cancelPg(entry));
      try {
        const r = await entry.client.query({ text: o.sql, values: o.params ?? undefined, rowMode: 'array' });
        raw = Array.isArray(r) ? r : [r];
      } finally {
        clearTimeout(timer.handle);
      }
      raw = raw.map((r) => ({ fields: r.fields, rows: r.rows, command: r.command, rowCount: r.rowCount }));
    }
    await nameUnknownTypes(entry, raw);
    for (const r of raw) {
      // A SELECT with no columns (PostgreSQL allows `SELECT FROM t`) is still a result set, as in pgjdbc.
      if ((r.fields && r.fields.length > 0) || r.command === 'SELECT')
        results.push(
          resultOf(
            (r.fields ?? []).map((f) => pgField(entry, f)),
            r.rows ?? [],
            o.maxRows,
            r.command,
          ),
        );
      else results.push({ update: r.rowCount ?? 0, command: r.command ?? '' });
    }
    return results;
  },

  async batch(o) {
    const counts = [];
    for (const item of o.items) {
      const [r] = await ops.query({ id: o.id, sql: item.sql, params: item.params, maxRows: 0, timeoutMs: o.timeoutMs });
      counts.push(r.update ?? -1 /* SUCCESS_NO_INFO-like for result-returning entries */);
      if (r.cursor) cursors.delete(r.cursor);
    }
    return counts;
  },

  fetch(o) {
    const c = cursors.get(o.cursor);
    if (!c) return [];
    const rows = c.rows.slice(c.pos, c.pos + CHUNK_ROWS);
    c.pos += rows.length;
    if (c.pos >= c.rows.length) cursors.delete(o.cursor);
    return rows;
  },

  closeCursor(o) {
    cursors.delete(o.cursor);
    return true;
  },

  async isValid(o) {
    const entry = connections.get(o.id);
    if (!entry || entry.lost) return false;
    try {
      if (entry.kind === 'mysql') await entry.conn.query('SELECT 1');
      else if (entry.kind === 'pg') await entry.client.query('SELECT 1');
      else await entry.db.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  },

  async close(o) {
    const entry = connections.get(o.id);
    connections.delete(o.id);
    if (!entry) return true;
    try {
      if (entry.kind === 'mysql') await entry.conn.end();
      else if (entry.kind === 'pg') await entry.client.end();
      else await entry.db.exec('ROLLBACK; RESET ALL').catch(() => {});
    } catch {
      // already gone
    }
    return true;
  },

  /** Cuts the connections to a server "for real": their sockets are destroyed. */
  sever(o) {
    for (const id of o.ids) {
      const entry = connections.get(id);
      if (!entry) continue;
      entry.lost = true;
      if (entry.kind === 'pg') entry.client.connection?.stream?.destroy();
      else if (entry.kind === 'mysql') entry.conn.connection?.stream?.destroy();
    }
    return true;
  },

  /** Kills the statements running on a connection (from another session), like KILL QUERY / pg_cancel_backend. */
  async killActive(o) {
    for (const id of o.ids) {
      const entry = connections.get(id);
      if (entry?.kind === 'mysql') await killMysql(entry).catch(() => {});
      if (entry?.kind === 'pg') await cancelPg(entry).catch(() => {});
    }
    return true;
  },
};

function live(id) {
  const entry = connections.get(id);
  if (!entry) throw fail('closed', 'This connection has been closed.');
  if (entry.lost) throw fail('lost', 'connection lost');
  return entry;
}

function armTimeout(_entry, ms, onFire) {
  const timer = { fired: false, handle: undefined };
  if (ms > 0) {
    timer.handle = setTimeout(() => {
      timer.fired = true;
      onFire().catch(() => {});
    }, ms);
  }
  return timer;
}

async function cancelPg(entry) {
  const o = entry.connectOptions;
  const c = new pg.Client({ host: o.host, port: o.port, database: o.database, user: o.user, password: o.password });
  await c.connect();
  try {
    await c.query('SELECT pg_cancel_backend($1)', [entry.client.processID]);
  } finally {
    await c.end();
  }
}

async function killMysql(entry) {
  const o = entry.connectOptions;
  const c = await mysql.createConnection({ host: o.host, port: o.port, user: o.user, password: o.password });
  try {
    await c.query(`KILL QUERY ${Number(entry.threadId)}`);
  } finally {
    await c.end();
  }
}

/** The session's statement_timeout in milliseconds (0: none, or unreadable in an aborted transaction). */
async function sessionStatementTimeout(db) {
  try {
    const r = await db.query("SELECT setting FROM pg_settings WHERE name = 'statement_timeout'");
    return Number(r.rows[0]?.setting ?? 0) || 0;
  } catch {
    return 0;
  }
}

function pgliteCell(v) {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  return String(v);
}

function resultOf(fields, rows, maxRows, command) {
  if (maxRows > 0 && rows.length > maxRows) rows = rows.slice(0, maxRows);
  const out = { fields, command, total: rows.length };
  if (rows.length <= CHUNK_ROWS) {
    out.rows = rows;
  } else {
    const cursor = nextId++;
    cursors.set(cursor, { rows, pos: CHUNK_ROWS });
    out.rows = rows.slice(0, CHUNK_ROWS);
    out.cursor = cursor;
  }
  return out;
}

const pgTypeNames = new Map();

async function nameUnknownTypes(entry, results) {
  const missing = new Set();
  for (const r of results)
    for (const f of r.fields ?? []) if (!pgTypeNames.has(f.dataTypeID)) missing.add(f.dataTypeID);
  if (missing.size === 0) return;
  const sql = `SELECT oid::int4, typname::text, typcategory::text FROM pg_catalog.pg_type WHERE oid IN (${[...missing].map(Number).join(',')})`;
  const r =
    entry.kind === 'pg'
      ? await entry.client.query({ text: sql, rowMode: 'array' })
      : await entry.db.query(sql, [], { rowMode: 'array', parsers: pgliteRawParsers });
  for (const [oid, name, category] of r.rows) pgTypeNames.set(Number(oid), { name, category });
}

function pgField(_entry, f) {
  const t = pgTypeNames.get(f.dataTypeID) ?? { name: 'unknown', category: 'X' };
  return {
    name: f.name,
    typeOid: f.dataTypeID,
    typeName: t.name,
    typeCategory: t.category,
    typeModifier: f.dataTypeModifier ?? -1,
    tableOid: f.tableID ?? 0,
    columnNumber: f.columnID ?? 0,
  };
}

function mysqlField(f) {
  return {
    name: f.orgName || f.name,
    label: f.name,
    mysqlType: f.columnType,
    flags: f.flags,
    charset: f.characterSet,
    length: f.columnLength,
    decimals: f.decimals,
    table: f.orgTable || f.table || '',
    schema: f.schema || '',
  };
}

runAsWorker(async (op, arg) => {
  const entry = arg && typeof arg.id === 'number' ? connections.get(arg.id) : undefined;
  try {
    return { ok: true, v: await ops[op](arg) };
  } catch (error) {
    return { ok: false, err: describe(error, entry) };
  }
});
