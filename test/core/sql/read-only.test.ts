/** The read-only check with the real dialect parsers. */
import { checkReadOnly } from '../../../src/core/sql/read-only';
import { parserFor } from '../../../src/datasources/dialects';

const pg = { parser: parserFor('postgresql'), dialect: 'postgresql' } as const;
const my = { parser: parserFor('mysql'), dialect: 'mysql' } as const;
const ms = { parser: parserFor('transactsql'), dialect: 'transactsql' } as const;

describe('checkReadOnly', () => {
  it.each([
    ['SELECT 1', pg],
    ['with a as (select 1 x) select * from a', pg],
    ["select * from t where note = 'DELETE FROM x; DROP TABLE y' -- ; update", pg],
    ['SELECT now()::date, payload->>\'k\' FROM events', pg],
    ['values (1), (2)', pg],
    ['EXPLAIN SELECT 1', pg],
    ['SELECT REPLACE(name, \'a\', \'b\') AS comment FROM t', my],
    ['show tables', my],
    ['SELECT `order`.id FROM `order`', my],
    ['SELECT TOP 10 * FROM t', ms],
    ['SELECT $$; DELETE FROM t $$ AS body', pg],
  ])('accepts %s', (sql, parser) => {
    expect(checkReadOnly(sql, parser.parser, parser.dialect).ok).toBe(true);
  });

  it.each([
    ['DELETE FROM users', pg, 'not-a-read'],
    ['drop table users', my, 'not-a-read'],
    ['select 1; delete from users', pg, 'multiple-statements'],
    ['SELECT 1; SELECT 2', my, 'multiple-statements'],
    ['SELECT * INTO copy FROM users', pg, 'select-into'],
    ['with d as (delete from x returning *) select * from d', pg, 'not-a-read'],
    ['SELECT * FROM t FOR UPDATE', my, 'not-a-read'],
    ['   ', pg, 'empty'],
    ['-- only a comment', pg, 'empty'],
    ['INSERT INTO t VALUES (1)', ms, 'not-a-read'],
    ['UPDATE t SET a = 1', my, 'not-a-read'],
    ['TRUNCATE t', pg, 'not-a-read'],
    ['CALL do_things()', my, 'not-a-read'],
    ['SELEC * FROM t', pg, 'unknown-statement'],
    ["SELECT 'a;' # a MySQL comment ;\n; DELETE FROM t", my, 'multiple-statements'],
  ])('refuses %s', (sql, parser, problem) => {
    const result = checkReadOnly(sql, parser.parser, parser.dialect);
    expect(result).toMatchObject({ ok: false, problem });
  });

  it('uses the parser where it can and names the statement it refuses', () => {
    expect(checkReadOnly('SELECT 1', pg.parser, pg.dialect)).toEqual({ ok: true, via: 'parser' });
    expect(checkReadOnly('DELETE FROM users', pg.parser, pg.dialect)).toEqual({ ok: false, problem: 'not-a-read', statement: 'DELETE' });
  });
});
