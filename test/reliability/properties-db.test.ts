/**
 * Property-based tests (fast-check) against the real databases behind Jdbc (PGlite always,
 * PostgreSQL and MariaDB when TEST_PG_URL / TEST_MYSQL_URL are set):
 * - the literal encoder: each value written as a literal of the dialect and executed comes back
 *   as the same value;
 * - the SQL lexer against the server's own verdict: a text the read-only check accepts as one
 *   statement is run as a prepared statement with one bound parameter (so that PostgreSQL gets
 *   the extended protocol; MySQL runs without multi-statements: both servers refuse a second
 *   statement) and must run as one statement with the columns the text was built with; a text
 *   it refuses as several statements must be refused by the server too.
 * Prints one `RELIABILITY properties-db:` line.
 */
import fc from 'fast-check';
import { inlineLiterals, LiteralError, sqlLiteral } from '../../src/core/params/literal';
import { checkReadOnly } from '../../src/core/sql/read-only';
import type { Dialect } from '../../src/datasources/kind';
import type { AppsScriptRuntime } from '../../emulator/src/runtime';
import { prelude } from '../emulator/services/jdbc/engines';
import { createTestDatabase, enabledEngines, JDBC_OPTIONS, type TestDatabase } from '../helpers/engines';
import { disposeRuntimes, fixtureRuntime } from '../helpers/runtimes';

const PROBE = `
function simple(sql) {
  var c = conn_();
  try {
    var rs = c.createStatement().executeQuery(sql);
    var n = rs.getMetaData().getColumnCount(), row = [];
    if (rs.next()) for (var i = 1; i <= n; i++) row.push(rs.getString(i));
    return { ok: true, n: n, row: row };
  } catch (e) { return { ok: false, error: String(e && e.message) }; } finally { c.close(); }
}
function prepared(sql) {
  var c = conn_();
  try {
    var st = c.prepareStatement(sql);
    st.setString(1, 'p');
    var rs = st.executeQuery();
    var n = rs.getMetaData().getColumnCount(), row = [];
    if (rs.next()) for (var i = 1; i <= n; i++) row.push(rs.getString(i));
    return { ok: true, n: n, row: row };
  } catch (e) { return { ok: false, error: String(e && e.message) }; } finally { c.close(); }
}
`;

interface Probe {
  ok: boolean;
  n?: number;
  row?: (string | null)[];
  error?: string;
}

type Value = string | number | boolean | null;
const summary: Record<string, { cases: number; accepted: number; refused: number }> = {};
afterAll(() => {
  disposeRuntimes();
  const parts = Object.entries(summary).map(
    ([k, v]) =>
      `${k} ${v.cases}${v.accepted || v.refused ? ` (${v.accepted} one statement, ${v.refused} several)` : ''}`,
  );
  const total = Object.values(summary).reduce((a, v) => a + v.cases, 0);
  console.log(`RELIABILITY properties-db: ${total} cases, 0 violations (${parts.join(', ')})`);
});

/** What the server's text for a value must be equivalent to. */
function sameValue(got: string | null, value: Value, dialect: Dialect): boolean {
  if (value === null) return got === null;
  if (typeof value === 'boolean')
    return dialect === 'mysql' ? got === (value ? '1' : '0') : got === (value ? 't' : 'f') || got === String(value);
  if (typeof value === 'number') return got !== null && Number(got) === value;
  return got === wellFormed(value);
}

/** Lone surrogates become U+FFFD, as UTF-8 encoding does. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

const value: fc.Arbitrary<Value> = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "'",
      "\\'",
      "\\'; SELECT 1; --",
      "' OR '1'='1",
      '\\',
      '$$',
      '$a$',
      '--',
      '/*',
      '*/',
      '#',
      '`',
      '"',
      '?',
      '\u00a5\\', // yen sign + backslash (SJIS trick)
      '\u5c5c',
      '日本語',
      '😀',
      '\u202e',
      '\u200b',
      '\r\n',
    ),
  },
  {
    weight: 2,
    arbitrary: fc
      .double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 })
      .filter((d) => d === 0 || Math.abs(d) > 1e-300),
  },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

describe.each(enabledEngines().map((e) => [e.name, e] as const))('on %s', (name, engine) => {
  let db: TestDatabase;
  let rt: AppsScriptRuntime;
  const dialect: Dialect = engine.name === 'mysql' ? 'mysql' : 'postgresql';
  beforeAll(() => {
    db = createTestDatabase(engine);
    rt = fixtureRuntime(prelude(engine, db.schema) + PROBE, { jdbc: JDBC_OPTIONS });
  });
  afterAll(() => db?.drop());
  const probe = (fn: 'simple' | 'prepared', sql: string) => rt.call(fn, sql) as Probe;

  it('round-trips every value through the literal encoder', () => {
    let cases = 0;
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 6 }), (values) => {
        const pg = dialect === 'postgresql';
        if (pg && values.some((v) => typeof v === 'string' && v.includes('\u0000'))) {
          expect(() => sqlLiteral(values.find((v) => typeof v === 'string' && v.includes('\u0000'))!, dialect)).toThrow(
            LiteralError,
          );
          return;
        }
        cases++;
        // Placeholders among look-alikes in strings and comments: only the real ones are replaced.
        const sql = `SELECT ${values.map((_, i) => `? AS c${i}`).join(', ')} /* ? */ -- ?'\n`;
        const inlined = inlineLiterals({ sql, values }, dialect);
        const answer = probe('simple', inlined);
        expect(answer).toMatchObject({ ok: true, n: values.length });
        values.forEach((v, i) => {
          if (!sameValue(answer.row![i], v, dialect))
            throw new Error(`${JSON.stringify(v)} came back as ${JSON.stringify(answer.row![i])} from ${inlined}`);
        });
      }),
      { numRuns: 120 },
    );
    summary[`literal-${name}`] = { cases, accepted: 0, refused: 0 };
  });

  // Pieces whose end a lexer could misjudge; each is one valid expression (or a comment) on this server.
  const pgExpressions = [
    "'a;b'",
    "'it''s; x'",
    "'\\'",
    "E'\\'; SELECT 2; --'",
    '$$;$$',
    '$t$ ; $$ ; $t$',
    '$é$;$é$',
    '"c;d"',
    "U&'d\\0061t;a'",
    '1',
    "'--'",
    "'/*'",
  ];
  const pgComments = ['-- ; SELECT 2\n', '/* ; /* nested ; */ ; */', '/**/', '--\n'];
  const myExpressions = ["'a;b'", "'it''s; x'", "'it\\'s; x'", "'\\\\'", '"dq;s"', '1', "'#'", "'--'", '`c;d`', "'/*'"];
  const myComments = ['-- ; SELECT 2\n', '# ; SELECT 2\n', '/* ; */', '/**/'];

  it('agrees with the server on where a statement ends', () => {
    const expressions = dialect === 'mysql' ? myExpressions : pgExpressions;
    const comments = dialect === 'mysql' ? myComments : pgComments;
    const item = fc.tuple(fc.constantFrom(...expressions), fc.option(fc.constantFrom(...comments), { nil: undefined }));
    const text = fc.record({
      items: fc.array(item, { minLength: 1, maxLength: 5 }),
      tail: fc.constantFrom('', ';', ' ; ', '; SELECT 2', ';SELECT 2;', '; DELETE FROM x'),
    });
    const stats = { cases: 0, accepted: 0, refused: 0 };
    fc.assert(
      fc.property(text, ({ items, tail }) => {
        stats.cases++;
        // A backtick or double quote is an identifier only as an alias here (MySQL `SELECT 1 AS `c;d``).
        const columns = items.map(([expr, comment], i) => {
          const e = expr.startsWith('`') || (dialect !== 'mysql' && expr.startsWith('"')) ? `${i} AS ${expr}` : expr;
          return `${e}${comment ? ` ${comment}` : ''}`;
        });
        const sql = `SELECT ? AS p, ${columns.join(', ')}${tail}`;
        const verdict = checkReadOnly(sql, dialect);
        const answer = probe('prepared', sql);
        const several = /SELECT 2|DELETE/.test(tail);
        if (verdict.ok) {
          stats.accepted++;
          if (!answer.ok || answer.n !== items.length + 1)
            throw new Error(`lexer: one statement; server: ${JSON.stringify(answer)} for ${sql}`);
          expect(several).toBe(false);
        } else if (verdict.problem === 'multiple-statements') {
          stats.refused++;
          if (answer.ok) throw new Error(`lexer: several statements; server ran it as one: ${sql}`);
        } else {
          // Refused for another reason (an ambiguous quote under other settings): it must not be a plain one-column read.
          expect(['ambiguous-quote', 'unterminated']).toContain(verdict.problem);
        }
      }),
      { numRuns: 150 },
    );
    summary[`lexer-${name}`] = stats;
  });

  if (dialect === 'postgresql') {
    it('never accepts as one statement a random text the server splits', () => {
      const alphabet = fc.constantFrom("'", '"', '\\', ';', '-', '/', '*', '$', 'a', '1', ' ', '\n', 'E', '#');
      let cases = 0;
      fc.assert(
        fc.property(fc.array(alphabet, { maxLength: 14 }), (chars) => {
          cases++;
          const sql = `SELECT ?, 1 ${chars.join('')}`;
          if (!checkReadOnly(sql, dialect).ok) return;
          const answer = probe('prepared', sql);
          if (!answer.ok && /multiple commands/i.test(answer.error ?? ''))
            throw new Error(`lexer: one statement; server: several, for ${JSON.stringify(sql)}`);
        }),
        { numRuns: 300 },
      );
      summary[`random-${name}`] = { cases, accepted: 0, refused: 0 };
    });
  }
});
