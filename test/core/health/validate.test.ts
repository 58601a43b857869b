/** Reading the configuration tab back, with its problems in both languages. */
import { translate } from '../../../src/core/i18n';
import { effectiveShares, problemText, readConfig } from '../../../src/core/health/validate';

const bands = [
  ['Overall bands', 'Red', 'Yellow', 'Green'],
  ['Lowest score', 0, 50, 75],
];
const measure = (name: string, over: Record<number, unknown> = {}) => {
  const cells: unknown[] = [name, 'Customers', 'Seats', '', 'number', 'higher is better', 1, 10, 5, 'worst'];
  for (const [i, v] of Object.entries(over)) cells[Number(i)] = v;
  return cells;
};

describe('readConfig', () => {
  it('reads measures in either language and the bands', () => {
    const ja = ['満足度', '顧客', '満足度 (1-5)', '', '数値', '高いほど良い', 2, 4, 10, '除外'];
    const { config, problems } = readConfig(bands, [measure('Seats'), ja], 6);
    expect(problems).toEqual([]);
    expect(config.bands.map((b) => b.from)).toEqual([0, 50, 75]);
    expect(config.measures[1]).toMatchObject({ source: 'customers', direction: 'higher', missing: 'exclude' });
  });

  it('names each problem by row and measure, in English and Japanese', () => {
    const { config, problems } = readConfig(
      bands,
      [measure('A', { 6: 'low' }), measure('B', { 5: 'lower is better' }), measure('C', { 8: -1 }), measure('A')],
      6,
    );
    const keys = problems.map((p) => p.key);
    expect(keys).toEqual([
      'health.problem.edge',
      'health.problem.edgeDirection',
      'health.problem.weight',
      'health.problem.duplicateMeasure',
    ]);
    expect(problemText('en', problems[0])).toBe('Row 6 (A): the red and green edges must be numbers.');
    expect(problemText('ja', problems[0])).toContain('6 行目(A)');
    expect(config.measures.map((m) => m.name)).toEqual(['B', 'A']);
  });

  it('flags all weights zero and a band out of order', () => {
    const { problems } = readConfig([bands[0], ['', 0, 80, 75]], [measure('A', { 8: 0 }), measure('B', { 8: 0 })], 6);
    expect(problems.map((p) => p.key)).toEqual(['health.problem.bandOrder', 'health.problem.allWeightsZero']);
    expect(translate('ja', 'health.problem.allWeightsZero')).toContain('ゼロ');
  });

  it('gives effective shares (weights need not sum to 100)', () => {
    expect(effectiveShares([{ weight: 1 }, { weight: 3 }])).toEqual([0.25, 0.75]);
    expect(effectiveShares([{ weight: 0 }])).toEqual([0]);
  });
});
