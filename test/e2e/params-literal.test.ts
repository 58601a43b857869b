/**
 * The literal fallback (inlineLiterals) against real engines: every value of an injection
 * corpus, written as a literal of the dialect, must come back exactly from `SELECT <literal>`,
 * with nothing else executed (a canary table survives, the sentinel after it is intact).
 */
import { inlineLiterals } from '../../src/core/params/literal';
import type { BoundValue } from '../../src/core/params/bound-sql';
import { createTestDatabase, enabledEngines, JDBC_OPTIONS, type TestDatabase } from '../helpers/engines';
import { disposeRuntimes, fixtureRuntime } from '../helpers/runtimes';

afterAll(disposeRuntimes);

const CORPUS: string[] = [
  '',
  "'",
  "''",
  "it's",
  '\\',
  "\\'",
  "\\\\'",
  "'; DROP TABLE canary; --",
  "\\'; DROP TABLE canary; --",
  "x' OR '1'='1",
  '"; DROP TABLE canary; --',
  '/* comment */',
  '-- comment',
  '#hash comment',
  '$$',
  '$tag$ body $tag$',
  'a\u0000b',
  '\u2019 unicode quote \u2018 \u02bc \uff07',
  '\u00bf\u0027 GBK-style',
  '\u8868\u005c\u0027 SJIS-style',
  '\u5f20\u4e09\u00a5\u0027',
  '改行\nand\r\ntab\t',
  'emoji 😀 and 𠮷',
  '?',
  '? ? ?',
  '\\x27',
  '\\0',
  '\\Z\u001a',
  'back\\slash\\',
  '%_ like wildcards',
  "'); SELECT pg_sleep(0); --",
  "\\'; SELECT 1; --",
  "E'\\''",
  "N'x'",
  '; SHUTDOWN; --',
];

const CODE = `
function roundTrip(url, schema, engine, sql) {
  var c = Jdbc.getConnection(url);
  var s = c.createStatement();
  if (engine !== 'mysql') s.execute('SET search_path TO ' + schema);
  var rs = s.executeQuery(sql);
  var meta = rs.getMetaData();
  var rows = [];
  while (rs.next()) { var row = []; for (var i = 1; i <= meta.getColumnCount(); i++) row.push(rs.getString(i)); rows.push(row); }
  var check = c.createStatement().executeQuery('SELECT count(*) FROM canary');
  check.next();
  var canary = check.getInt(1);
  c.close();
  return { rows: rows, canary: canary };
}
`;

describe.each(enabledEngines().map((e) => [e.name, e] as const))('literal fallback on %s', (_name, engine) => {
  let db: TestDatabase;
  beforeAll(() => {
    db = createTestDatabase(engine);
    db.exec('CREATE TABLE canary (id INT)\n;\nINSERT INTO canary VALUES (1)');
  });
  afterAll(() => db?.drop());

  const dialect = engine.name === 'mysql' ? 'mysql' : 'postgresql';
  const url = () =>
    engine.name === 'mysql' ? engine.adminUrl.replace(/\/[^/?]*(\?|$)/, `/${db.schema}$1`) : engine.adminUrl;

  function run(values: BoundValue[]): { rows: (string | null)[][]; canary: number } {
    const rt = fixtureRuntime(CODE, { jdbc: JDBC_OPTIONS });
    const sql = inlineLiterals({ sql: `SELECT ${values.map(() => '?').join(', ')}, 'sentinel' -- ?`, values }, dialect);
    return rt.call('roundTrip', url(), db.schema, engine.name, sql) as { rows: (string | null)[][]; canary: number };
  }

  it.each(CORPUS.map((v) => [JSON.stringify(v), v] as const))('round-trips %s exactly', (_label, value) => {
    if (dialect === 'postgresql' && value.includes('\u0000')) {
      expect(() => inlineLiterals({ sql: 'SELECT ?', values: [value] }, dialect)).toThrow(/NUL/);
      return;
    }
    const out = run([value]);
    expect(out).toEqual({ rows: [[value, 'sentinel']], canary: 1 });
  });

  it('writes numbers, booleans and NULL', () => {
    const out = run([42, -7, 3.5, -0.25, 1e21, true, false, null]);
    expect(out.canary).toBe(1);
    const [row] = out.rows;
    expect(row.slice(0, 5).map(Number)).toEqual([42, -7, 3.5, -0.25, 1e21]);
    expect(row[5]).toMatch(/^(t|true|1)$/);
    expect(row[6]).toMatch(/^(f|false|0)$/);
    expect(row[7]).toBeNull();
    expect(row[8]).toBe('sentinel');
  });

  it('keeps a negative number from turning "x - ?" into a comment', () => {
    const sql = inlineLiterals({ sql: 'SELECT 10 - ? AS v', values: [-5] }, dialect);
    const rt = fixtureRuntime(CODE, { jdbc: JDBC_OPTIONS });
    const out = rt.call('roundTrip', url(), db.schema, engine.name, sql) as { rows: string[][] };
    expect(Number(out.rows[0][0])).toBe(15);
  });
});
