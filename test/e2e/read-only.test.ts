/**
 * Read-only that cannot be bypassed, on every engine, through the bundle: each attack found
 * by trying (several statements hidden behind `é$a$`, MySQL executable comments, `--1`,
 * transaction control, side-effect functions) is refused with a message that says why,
 * nothing reaches the database, and the data is unchanged afterwards (rows still there, no
 * large object, no lock held, no setting changed, no sequence advanced, no file written).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';
import { lastExecution, setupWithDataSource, type Setup } from '../helpers/refresh';
import { disposeRuntimes } from '../helpers/runtimes';

afterAll(disposeRuntimes);

type Attack = readonly [sql: string, message: RegExp];

const MULTIPLE = /^Run one statement at a time/;
const SIDE_EFFECT = (name: string) => new RegExp(`^${name}\\(\\) has effects outside the query`);
const AMBIGUOUS = /backslash that some server settings read as an escape/;
const CONTROL = /controls the transaction or the session|read-only, so \w+ statements are refused/;

function postgresAttacks(s: string): Attack[] {
  return [
    [`SELECT 1 AS é$a$; COMMIT; BEGIN READ WRITE; DELETE FROM ${s}.t; COMMIT; SELECT 1 AS é$a$`, MULTIPLE],
    [`SELECT 1 AS ø$x$; DELETE FROM ${s}.t; SELECT 2 AS ø$x$`, MULTIPLE],
    [`SELECT 'a\\'' ; DELETE FROM ${s}.t; -- '`, /backslash that some server settings read as an escape/],
    ["SELECT lo_import('/etc/hosts') AS oid", SIDE_EFFECT('lo_import')],
    ["SELECT pg_catalog.lo_import('/etc/hosts') AS oid", SIDE_EFFECT('lo_import')],
    ['SELECT "lo_import"(\'/etc/hosts\') AS oid', SIDE_EFFECT('lo_import')],
    ['SELECT lo_create(0) AS oid', SIDE_EFFECT('lo_create')],
    ["SELECT pg_read_file('/etc/hosts') AS f", SIDE_EFFECT('pg_read_file')],
    ["SELECT set_config('sheetdash.probe', 'changed', false) AS v", SIDE_EFFECT('set_config')],
    ['SELECT pg_terminate_backend(0) AS killed', SIDE_EFFECT('pg_terminate_backend')],
    ['SELECT pg_advisory_lock(4242) AS l', SIDE_EFFECT('pg_advisory_lock')],
    ["SELECT pg_notify('sheetdash', 'x') AS n", SIDE_EFFECT('pg_notify')],
    [`SELECT nextval('${s}.counter') AS n`, SIDE_EFFECT('nextval')],
    ["SELECT query_to_xml('select lo_create(0)', true, true, '') AS x", SIDE_EFFECT('query_to_xml')],
    // names spelled with Unicode escapes: PostgreSQL 15 runs these in a read-only session
    ['SELECT U&"l\\006f_from_bytea"(0, \'written by a read-only source\'::bytea) AS oid', SIDE_EFFECT('lo_from_bytea')],
    ['SELECT U&"l\\006f_import"(\'/etc/hostname\') AS oid', SIDE_EFFECT('lo_import')],
    ['SELECT U&"l!006f_create" UESCAPE \'!\' (0) AS oid', SIDE_EFFECT('lo_create')],
    ["SELECT U&\"set_confi\\0067\"('sheetdash.probe', 'changed', false) AS v", SIDE_EFFECT('set_config')],
    ['SELECT U&"pg_\\0073leep"(1) AS s', SIDE_EFFECT('pg_sleep')],
    [
      "SELECT * FROM crosstab('select 1::text, 1::text, lo_create(0)::text') AS ct(r text, c text)",
      SIDE_EFFECT('crosstab'),
    ],
    ['COMMIT', CONTROL],
    ['BEGIN READ WRITE', CONTROL],
    ['START TRANSACTION READ WRITE', CONTROL],
    ['SET transaction_read_only = off', CONTROL],
    ['ROLLBACK', CONTROL],
    [`SELECT id FROM ${s}.t COMMIT`, CONTROL],
    [`SELECT id FROM ${s}.t FOR UPDATE`, /^FOR UPDATE locks rows/],
    [`WITH d AS (DELETE FROM ${s}.t RETURNING *) SELECT * FROM d`, /read-only, so DELETE statements are refused/],
    ["SELECT 'never closed", /is never closed/],
  ];
}

function mysqlAttacks(s: string, files: string[]): Attack[] {
  return [
    [`SELECT 1 AS one /*!50000 INTO OUTFILE '${files[0]}' */`, /runs the contents of \/\*! \.\.\. \*\//],
    [`SELECT 1 AS one /*! INTO OUTFILE '${files[1]}' */`, /runs the contents of \/\*! \.\.\. \*\//],
    ['SELECT 1 AS one /*M! , SLEEP(1) */', /runs the contents of \/\*! \.\.\. \*\//],
    [`SELECT 1 --1 INTO OUTFILE '${files[2]}'`, /^SELECT \.\.\. INTO writes to the database/],
    [`SELECT 'a\\'; DELETE FROM ${s}.t; -- '`, /backslash that some server settings read as an escape/],
    ["SELECT LOAD_FILE('/etc/hosts') AS f", SIDE_EFFECT('LOAD_FILE')],
    ["SELECT GET_LOCK('sheetdash_e2e', 0) AS l", SIDE_EFFECT('GET_LOCK')],
    ["SELECT BENCHMARK(10, MD5('x')) AS b", SIDE_EFFECT('BENCHMARK')],
    ['SELECT SLEEP(0) AS s', SIDE_EFFECT('SLEEP')],
    ['SELECT RELEASE_ALL_LOCKS() AS r', SIDE_EFFECT('RELEASE_ALL_LOCKS')],
    ['COMMIT', CONTROL],
    ['START TRANSACTION', CONTROL],
    ['SET SESSION TRANSACTION READ WRITE', CONTROL],
    [`SELECT id FROM ${s}.t LOCK IN SHARE MODE`, /^LOCK locks rows/],
    [`SELECT id FROM ${s}.t FOR UPDATE`, /^FOR UPDATE locks rows/],
    ['SELECT 1 /* never closed', /is never closed/],
    // read by a server with sql_mode=ANSI (ANSI_QUOTES with backslash escapes): live code after the quotes
    [`SELECT 1 AS "\\", '\\' ' AS y FROM ${s}.t INTO OUTFILE '${files[3]}' #"'\\''`, AMBIGUOUS],
    [`SELECT 1 AS "\\", '\\' ' AS y FROM ${s}.t WHERE SLEEP(3) = 0 #"'\\''`, AMBIGUOUS],
  ];
}

describe.each(enabledEngines().map((e) => [e.name, e] as const))('read-only on %s', (_name, engine) => {
  let db: TestDatabase;
  let setup: Setup;
  const files = [1, 2, 3, 4].map((n) =>
    path.join(os.tmpdir(), `sheetdash-outfile-${process.pid}-${Date.now()}-${n}.txt`),
  );
  beforeAll(() => {
    db = createTestDatabase(engine);
    db.exec(`CREATE TABLE t (id INT, name VARCHAR(20))\n;\nINSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')`);
    if (db.kind === 'postgresql') db.exec('CREATE SEQUENCE counter');
    setup = setupWithDataSource(db);
  });
  afterAll(() => db?.drop());

  /** The first column of a one-row read, through the read-only data source. */
  function readOne(sql: string): unknown {
    const result = setup.refresh(sql, { name: 'Check' });
    expect(result).toMatchObject({ ok: true });
    return setup.rt.spreadsheet._sheetValues('Check')[1][0];
  }

  const largeObjects = () => readOne('SELECT COUNT(*) AS n FROM pg_catalog.pg_largeobject_metadata');

  it('refuses every attack before sending anything, and says why', () => {
    const before = db.kind === 'postgresql' ? largeObjects() : null;
    const attacks = db.kind === 'postgresql' ? postgresAttacks(db.schema) : mysqlAttacks(db.schema, files);
    for (const [sql, message] of attacks) {
      const result = setup.refresh(sql);
      expect({ sql, ok: result.ok, message: result.message }).toEqual({
        sql,
        ok: false,
        message: expect.stringMatching(message),
      });
      expect({ sql, jdbc: lastExecution(setup.rt).callsOf('Jdbc') }).toEqual({ sql, jdbc: 0 });
    }
    expect(readOne(`SELECT COUNT(*) AS n FROM ${db.schema}.t`)).toBe(3);
    if (db.kind === 'postgresql') {
      expect(largeObjects()).toBe(before);
      expect(readOne("SELECT COUNT(*) AS n FROM pg_catalog.pg_locks WHERE locktype = 'advisory'")).toBe(0);
      expect(readOne("SELECT COALESCE(current_setting('sheetdash.probe', true), 'unset') AS v")).toBe('unset');
      expect(readOne(`SELECT is_called FROM ${db.schema}.counter`)).toBe(false);
    } else {
      expect(readOne("SELECT IS_FREE_LOCK('sheetdash_e2e') AS free")).toBe(1);
      for (const file of files) expect({ file, exists: fs.existsSync(file) }).toEqual({ file, exists: false });
    }
  });

  it('still runs reads that look like attacks to a careless lexer', () => {
    const reads =
      db.kind === 'postgresql'
        ? [
            ['SELECT 1 AS é$a$', 'é$a$', 1],
            ['SELECT $$; DELETE FROM t $$ AS body', 'body', '; DELETE FROM t '],
            ["SELECT 'a;b' AS s -- ; DELETE\n", 's', 'a;b'],
            ['SELECT 2 --1 AS ignored\n AS two', 'two', 2],
            ["SELECT E'it\\'s' AS s", 's', "it's"],
            ['SELECT 1 AS U&"d\\0061ta"', 'data', 1],
          ]
        : [
            ['SELECT 2--1 AS three', 'three', 3],
            ["SELECT 'it\\'s' AS s", 's', "it's"],
            ['SELECT 1 AS `é$a$` # ; DELETE', 'é$a$', 1],
            ["SELECT CAST('x' AS CHAR CHARACTER SET utf8mb4) AS c", 'c', 'x'],
          ];
    for (const [sql, header, value] of reads) {
      const result = setup.refresh(String(sql), { name: 'Legit' });
      expect({ sql, ok: result.ok, error: result.ok ? '' : result.message }).toEqual({ sql, ok: true, error: '' });
      expect(setup.rt.spreadsheet._sheetValues('Legit').slice(0, 2)).toEqual([[header], [value]]);
    }
  });
});
