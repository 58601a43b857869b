/** The independent TypeScript calculation of health scores (the reference the sheet formulas are tested against). */
import { defaultConfig, type HealthConfig } from '../../../src/core/health/model';
import { bandOf, linearScore, round1, scoreCustomers } from '../../../src/core/health/score';

const config = (over: Partial<HealthConfig> = {}): HealthConfig => ({ ...defaultConfig('en'), ...over });
const dayOf = (v: unknown) => (typeof v === 'number' ? v : null);

describe('linear scoring between the red and green edges', () => {
  it('scores 0 at red, 100 at green, linearly between, clamped, either direction', () => {
    expect(linearScore(2, 2, 4)).toBe(0);
    expect(linearScore(3, 2, 4)).toBe(50);
    expect(linearScore(9, 2, 4)).toBe(100);
    expect(linearScore(30, 30, 3)).toBe(0);
    expect(linearScore(12, 30, 3)).toBe(66.7);
    expect(linearScore(0, 30, 3)).toBe(100);
  });
  it('rounds half away from zero like ROUND', () => {
    expect(round1(12.25)).toBe(12.3);
    expect(round1(-12.25)).toBe(-12.3);
  });
});

describe('scoreCustomers', () => {
  const inputs = [
    { company_id: 1, active_users_30d: 8, invoices_30d: 11, days_since_login: 1, overdue_invoices: 0 },
    { company_id: 2, active_users_30d: 1, invoices_30d: 0, days_since_login: 60, overdue_invoices: 5 },
  ];
  const base = { idHeader: 'company id', inputsIdHeader: 'company_id', inputs, today: 46000, dayOf };
  const row = (id: unknown, seats: unknown, sentiment: unknown, end: unknown) => ({
    'company id': id,
    seats,
    'sentiment (1-5)': sentiment,
    'contract end': end,
  });
  const cfg = config();
  cfg.measures[4].column = 'Sentiment (1-5)';
  cfg.measures[5].column = 'Contract end';
  cfg.measures[0].divideBy = 'Seats';

  it('weights the measures scored and picks the band', () => {
    const [a, b] = scoreCustomers({
      ...base,
      config: cfg,
      customers: [row(1, 10, 5, 46000 + 200), row(2, 10, 1, 46000 + 10)],
    });
    expect(a.measures).toEqual([100, 50, 100, 100, 100, 100]);
    expect(a.computed).toBe(round1((100 * 25 + 50 * 15 + 100 * 20 + 100 * 20 + 100 * 10 + 100 * 10) / 100));
    expect(a.band).toBe('Green');
    expect(b.measures).toEqual([0, 0, 0, 0, 0, 0]);
    expect(b.band).toBe('Red');
  });

  it('applies the missing-data rules: worst, neutral, exclude (renormalised)', () => {
    const [c] = scoreCustomers({ ...base, config: cfg, customers: [row(99, 10, '', '')] });
    expect(c.measures).toEqual([0, 50, 0, 50, 'excluded', 'excluded']);
    expect(c.computed).toBe(round1((0 * 25 + 50 * 15 + 0 * 20 + 50 * 20) / 80));
  });

  it('leaves out a value that is not a number, and gives no score when all weights are zero', () => {
    const [d] = scoreCustomers({ ...base, config: cfg, customers: [row(1, 'ten', 'good', 'soon')] });
    expect(d.measures.slice(0, 1)).toEqual(['invalid']);
    expect(d.measures.slice(4)).toEqual(['invalid', 'invalid']);
    const zero = { ...cfg, measures: cfg.measures.map((m) => ({ ...m, weight: 0 })) };
    expect(scoreCustomers({ ...base, config: zero, customers: [row(1, 10, 5, 46100)] })[0].score).toBeNull();
  });

  it('applies an override until its expiry day', () => {
    const customers = [row(2, 10, 1, 46010)];
    const overrides = [{ companyId: 2, score: 80, expires: 46000 }];
    expect(scoreCustomers({ ...base, config: cfg, customers, overrides })[0].score).toBe(80);
    const expired = [{ companyId: 2, score: 80, expires: 45999 }];
    expect(scoreCustomers({ ...base, config: cfg, customers, overrides: expired })[0].score).toBe(0);
  });

  it('bands by the lowest score of each band', () => {
    const bands = cfg.bands;
    expect([0, 49.9, 50, 74.9, 75, 100].map((s) => bandOf(s, bands))).toEqual([
      'Red',
      'Red',
      'Yellow',
      'Yellow',
      'Green',
      'Green',
    ]);
  });
});
