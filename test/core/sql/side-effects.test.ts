/** The side-effect denylist: every entry refused plain, schema-qualified and quoted, and listed in the README. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Dialect } from '../../../src/datasources/kind';
import { checkReadOnly } from '../../../src/core/sql/read-only';
import { SIDE_EFFECT_FUNCTIONS, sideEffectEntry } from '../../../src/core/sql/side-effects';

const QUOTES: Record<Dialect, [string, string]> = {
  postgresql: ['"', '"'],
  mysql: ['`', '`'],
  transactsql: ['[', ']'],
};

const cases = (Object.keys(SIDE_EFFECT_FUNCTIONS) as Dialect[]).flatMap((dialect) =>
  SIDE_EFFECT_FUNCTIONS[dialect].map((entry) => [dialect, entry, entry.replace('*', 'x')] as const),
);

describe('the side-effect denylist', () => {
  it.each(cases)('on %s refuses %s', (dialect, _entry, name) => {
    const [open, close] = QUOTES[dialect];
    for (const sql of [
      `SELECT ${name}(1)`,
      `SELECT ${name.toUpperCase()} (1) AS v`,
      `SELECT a FROM t WHERE b = some_schema.${name}(1, 'x')`,
      `SELECT ${open}${name}${close}(1)`,
      `SELECT * FROM ${name}(1) AS r`,
    ]) {
      const check = checkReadOnly(sql, dialect);
      expect({ sql, problem: check.ok ? null : check.problem }).toEqual({ sql, problem: 'side-effect-function' });
    }
  });

  it('matches names, not columns or longer names that are not listed', () => {
    expect(checkReadOnly('SELECT sleep, nextval, lo_import FROM t', 'mysql')).toEqual({ ok: true });
    expect(checkReadOnly('SELECT nextval FROM t', 'postgresql')).toEqual({ ok: true });
    expect(sideEffectEntry('sleeper', 'mysql')).toBeUndefined();
    expect(sideEffectEntry('PG_SLEEP_UNTIL', 'postgresql')).toBe('pg_sleep*');
    expect(sideEffectEntry('pg_create_logical_replication_slot', 'postgresql')).toBe('pg_create_*_replication_slot');
    expect(sideEffectEntry('currval', 'postgresql')).toBeUndefined();
  });

  it('is listed in full in the README', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    const missing = cases
      .filter(([, entry]) => !readme.includes(`\`${entry}\``))
      .map(([dialect, entry]) => `${dialect}: ${entry}`);
    expect(missing).toEqual([]);
  });
});
