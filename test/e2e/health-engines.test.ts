/**
 * Health inputs from each database engine (PGlite always; PostgreSQL and MariaDB when
 * TEST_PG_URL / TEST_MYSQL_URL are set): the saved inputs query's result tab feeds the Health
 * formulas, whose scores match the independent calculation whatever types the driver returns.
 */
import { customerHeader, CUSTOMER_KEYS } from '../../src/core/health/layout';
import { api } from '../helpers/api';
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';
import { expectedScores, healthRows, setupHealth, values } from '../helpers/health';
import { setupWithDataSource } from '../helpers/refresh';
import { disposeRuntimes } from '../helpers/runtimes';

afterAll(disposeRuntimes);

describe.each(enabledEngines().map((e) => [e.name, e] as const))('on %s', (_name, engine) => {
  let db: TestDatabase;
  beforeAll(() => {
    db = createTestDatabase(engine);
    db.exec(`CREATE TABLE usage_30d (company_id INT PRIMARY KEY, active_users_30d INT, invoices_30d INT,
      days_since_login INT, overdue_invoices INT)
;
INSERT INTO usage_30d VALUES (1, 9, 25, 1, 0), (2, 2, 1, 45, 4), (3, 5, 10, NULL, 1)`);
  });
  afterAll(() => db?.drop());

  it('scores typed customers from the inputs query, as the independent calculation does', () => {
    const { rt, dataSourceId } = setupWithDataSource(db);
    const ss = rt.spreadsheet._active();
    const customers = ss.insertSheet('Customers');
    const header = CUSTOMER_KEYS.map((k) => customerHeader(k, 'en'));
    const col = (k: (typeof CUSTOMER_KEYS)[number]) => CUSTOMER_KEYS.indexOf(k);
    const row = (id: number | string, seats: number, sentiment: number | string) => {
      const r: (string | number)[] = header.map(() => '');
      r[col('company_id')] = id;
      r[col('company')] = `Company ${id}`;
      r[col('seats')] = seats;
      r[col('sentiment')] = sentiment;
      r[col('cs_owner')] = 'kim@example.com';
      return r;
    };
    const rows = [header, row(1, 10, 5), row(2, 10, 2), row(3, 8, ''), row(4, 3, 3)];
    customers.getRange(1, 1, rows.length, header.length).setValues(rows);
    const report = setupHealth(rt, dataSourceId, `SELECT * FROM ${db.schema}.usage_30d ORDER BY company_id`);
    expect(report.problems).toEqual([]);
    const want = expectedScores(ss);
    const got = healthRows(ss);
    const h = values(ss, 'Health')[0].map(String);
    expect(got.map((r) => r[0])).toEqual([1, 2, 3, 4]);
    expect(got.map((r) => r[h.indexOf('Score')])).toEqual(want.map((w) => w.score));
    expect(got.map((r) => r[h.indexOf('Band')])).toEqual(want.map((w) => w.band));
    expect(got.map((r) => r[h.indexOf('Recency')])).toEqual([100, 0, 0, 0]);
    // The schedule refreshes the same tab.
    expect(api(rt, 'runQuery', { id: report.inputsQueryId ?? '' }).ok).toBe(true);
    expect(healthRows(ss).map((r) => r[h.indexOf('Score')])).toEqual(want.map((w) => w.score));
  });
});
