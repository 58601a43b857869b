/**
 * RowCollector keeps only what a query's alerts need while the rows stream past: the first rows
 * whole, then only the columns a rule reads on every row; the count is always exact.
 */
import { RowCollector, WHOLE_ROWS } from '../../../src/core/alerts/collect';
import { evaluateAlert } from '../../../src/core/alerts/evaluate';
import type { AlertCondition } from '../../../src/shared/api-types';

const count: AlertCondition = { column: '', op: '>', value: '0', selector: 'count' };
const maxBalance: AlertCondition = { column: 'balance', op: '>', value: '100', selector: 'max' };

function rows(n: number): (string | number)[][] {
  return Array.from({ length: n }, (_, i) => [i, `'name ${i}`, i * 10]);
}

describe('RowCollector', () => {
  it('keeps the first rows whole and no cells after them when only the count is needed', () => {
    const c = new RowCollector([count]);
    c.start(['id', 'name', 'balance'], ['integer', 'text', 'integer']);
    c.add(rows(25));
    c.add(rows(5));
    const result = c.result();
    expect(c.rowCount).toBe(30);
    expect(result.rows).toHaveLength(30);
    expect(result.rows[0]).toEqual([0, 'name 0', 0]);
    expect(result.rows[WHOLE_ROWS]).toEqual([]);
    expect(evaluateAlert(result, count)).toEqual({ state: 'triggered', value: 30 });
  });

  it('keeps the column a min / max / any / all rule reads on every row, and only it', () => {
    const c = new RowCollector([maxBalance]);
    c.start(['id', 'name', 'balance'], ['integer', 'text', 'integer']);
    c.add(rows(30));
    const result = c.result();
    expect(result.rows[20][0]).toBeUndefined();
    expect(result.rows[20][1]).toBeUndefined();
    expect(result.rows[20][2]).toBe(200);
    expect(evaluateAlert(result, maxBalance)).toEqual({ state: 'triggered', value: 290 });
  });

  it('makes date serials Dates whose UTC reading is the wall clock (cells.ts)', () => {
    const c = new RowCollector([{ column: 'day', op: '>=', value: '2024-01-31', selector: 'first' }]);
    c.start(['day'], ['date']);
    c.add([[45322]]);
    expect((c.result().rows[0][0] as Date).toISOString()).toBe('2024-01-31T00:00:00.000Z');
  });
});
