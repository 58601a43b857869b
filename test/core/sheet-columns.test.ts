/** Columns found by header key, whatever their position or the header's language. */
import { cellOf, mapColumns } from '../../src/core/sheet-columns';

describe('mapColumns', () => {
  it('finds keys by their labels, in any order, ignoring case and spaces', () => {
    const labels = (key: 'at' | 'outcome') => (key === 'at' ? ['When', '日時'] : ['Outcome code', '結果コード']);
    const map = mapColumns(['Notes', ' 結果コード ', 'when'], ['at', 'outcome'], labels);
    expect(map).toEqual({ positions: { at: 2, outcome: 1 }, missing: [], width: 3 });
    expect(cellOf(['x', 'ok', 'then'], map.positions, 'outcome')).toBe('ok');
  });

  it('reports missing keys and never gives one header to two keys', () => {
    const map = mapColumns(['id', 'id'], ['id', 'name'] as const);
    expect(map.positions).toEqual({ id: 0 });
    expect(map.missing).toEqual(['name']);
    expect(cellOf(['a', 'b'], map.positions, 'name')).toBeUndefined();
  });

  it('matches only the labels given (a key is not its own label unless listed)', () => {
    const map = mapColumns(['Outcome'], ['outcome'], () => ['Outcome code']);
    expect(map.missing).toEqual(['outcome']);
  });
});
