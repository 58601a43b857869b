/** The read-only check: every attack of the corpus is refused, every legit read passes, with the right reason. */
import { checkReadOnly } from '../../../src/core/sql/read-only';
import { readOnlyMessage } from '../../../src/core/sql/read-only-message';
import { ATTACKS, LEGIT } from './attack-corpus';

describe('checkReadOnly', () => {
  it.each(ATTACKS)('refuses on %s: %s', (dialect, sql) => {
    expect(checkReadOnly(sql, dialect).ok).toBe(false);
  });

  it.each(LEGIT)('accepts on %s: %s', (dialect, sql) => {
    expect(checkReadOnly(sql, dialect)).toEqual({ ok: true });
  });

  it.each([
    [
      'postgresql',
      'SELECT 1 AS é$a$; COMMIT; BEGIN READ WRITE; DELETE FROM t; COMMIT; SELECT 1 AS é$a$',
      'multiple-statements',
      undefined,
    ],
    ['postgresql', 'DELETE FROM users', 'not-a-read', 'DELETE'],
    ['postgresql', 'WITH d AS (DELETE FROM x RETURNING *) SELECT * FROM d', 'not-a-read', 'DELETE'],
    ['postgresql', 'SELECT * INTO copy FROM users', 'select-into', undefined],
    ['postgresql', 'SELECT * FROM t FOR NO KEY UPDATE', 'locking', 'FOR NO'],
    ['postgresql', 'SELECT 1 FROM t WHERE x IN (SELECT 1) LIMIT 1 FOR SHARE', 'locking', 'FOR SHARE'],
    ['postgresql', 'COMMIT', 'not-a-read', 'COMMIT'],
    ['postgresql', 'SELECT 1 FROM t COMMIT', 'transaction-control', 'COMMIT'],
    ['postgresql', "SELECT set_config('a.b', '1', false), 1", 'side-effect-function', 'set_config'],
    [
      'postgresql',
      'SELECT pg_catalog.pg_advisory_xact_lock_shared(1)',
      'side-effect-function',
      'pg_advisory_xact_lock_shared',
    ],
    ['postgresql', 'SELECT "lo_import"(\'/etc/hosts\')', 'side-effect-function', 'lo_import'],
    ['postgresql', 'SELECT 1 /* open', 'unterminated', '/*'],
    ['postgresql', "SELECT 'x", 'unterminated', "'x"],
    ['postgresql', "SELECT 'a\\'' ; DELETE FROM t; -- '", 'ambiguous-quote', "'a\\'' ; DELETE FROM t; -- '"],
    ['postgresql', 'SELEC * FROM t', 'unknown-statement', 'SELEC'],
    ['postgresql', '   ', 'empty', undefined],
    ['postgresql', '-- only a comment\n;', 'empty', undefined],
    ['mysql', "SELECT 1 /*!50000 INTO OUTFILE '/tmp/x' */", 'executable-comment', undefined],
    ['mysql', 'SELECT 1 /*M! , SLEEP(1) */', 'executable-comment', undefined],
    ['mysql', "SELECT 1 --1 INTO OUTFILE '/tmp/x'", 'select-into', undefined],
    ['mysql', "SELECT 'it\\'s; fine'", 'ambiguous-quote', "'it\\'s; fine'"],
    ['mysql', 'SELECT * FROM t LOCK IN SHARE MODE', 'locking', 'LOCK'],
    ['mysql', 'SELECT NEXT VALUE FOR s', 'side-effect-function', 'NEXT VALUE FOR'],
    ['mysql', 'SELECT SLEEP (1)', 'side-effect-function', 'SLEEP'],
    ['mysql', 'SET autocommit = 0', 'not-a-read', 'SET'],
    ['mysql', 'SELECT a FROM t WHERE b = 1 SET x = 1', 'transaction-control', 'SET'],
    ['transactsql', 'SELECT 1 SHUTDOWN', 'transaction-control', 'SHUTDOWN'],
    ['transactsql', 'SELECT 1 USE master', 'not-a-read', 'USE'],
    ['transactsql', "SELECT 1 EXEC('x')", 'transaction-control', 'EXEC'],
  ] as const)('on %s, %s is refused as %s', (dialect, sql, problem, word) => {
    const check = checkReadOnly(sql, dialect);
    expect(check).toEqual(word === undefined ? { ok: false, problem } : { ok: false, problem, word });
  });

  it('says why and what to do, in English and Japanese', () => {
    const check = checkReadOnly("SELECT lo_import('/etc/hosts')", 'postgresql');
    if (check.ok) throw new Error('expected a refusal');
    expect(readOnlyMessage(check.problem, check.word, 'postgresql', 'en')).toMatch(
      /^lo_import\(\) has effects outside the query/,
    );
    expect(readOnlyMessage(check.problem, check.word, 'postgresql', 'ja')).toMatch(
      /^lo_import\(\) はクエリの外に影響する/,
    );
    expect(readOnlyMessage('transaction-control', 'BEGIN', 'mysql', 'en')).toContain('quote it: `begin`');
    expect(readOnlyMessage('transaction-control', 'BEGIN', 'postgresql', 'en')).toContain('quote it: "begin"');
    expect(readOnlyMessage('executable-comment', undefined, 'mysql', 'ja')).toContain('/*!');
  });
});
