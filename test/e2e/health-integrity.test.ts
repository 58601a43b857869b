/**
 * Holes found by trying the health feature as a careless colleague would, on every engine:
 * a query's result tab that happens to be called "Customers" is never taken for the sales tab
 * (the next refresh would wipe what sales typed), and what people typed in Customers goes into
 * the history tab as the text it is (never a formula, never a number that loses its zeros).
 */
import { customerHeader, CUSTOMER_KEYS } from '../../src/core/health/layout';
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';
import { setupHealth, tab, values } from '../helpers/health';
import { setupWithDataSource } from '../helpers/refresh';
import { disposeRuntimes } from '../helpers/runtimes';

afterAll(disposeRuntimes);

describe.each(enabledEngines().map((e) => [e.name, e] as const))('health tabs on %s', (_name, engine) => {
  let db: TestDatabase;
  beforeAll(() => {
    db = createTestDatabase(engine);
    db.exec(`CREATE TABLE usage_30d (company_id VARCHAR(10) PRIMARY KEY, active_users_30d INT, invoices_30d INT,
      days_since_login INT, overdue_invoices INT)
;
INSERT INTO usage_30d VALUES ('00123', 9, 25, 1, 0), ('7', 2, 1, 45, 4)`);
  });
  const inputsSql = () => `SELECT * FROM ${db.schema}.usage_30d ORDER BY company_id`;
  afterAll(() => db?.drop());

  it('leaves a result tab named Customers to its query and makes the sales tab beside it', () => {
    const setup = setupWithDataSource(db);
    const ss = setup.rt.spreadsheet._active();
    expect(setup.refresh("SELECT 'x' AS company_id", { name: 'Customers' })).toMatchObject({ ok: true });
    setupHealth(setup.rt, setup.dataSourceId, inputsSql());
    const sales = tab(ss, 'Customers (2)');
    sales.getRange(2, 1, 1, 2).setValues([['C-1', 'Acme (typed by sales)']]);
    expect(setup.refresh("SELECT 'x' AS company_id", { name: 'Customers' })).toMatchObject({ ok: true });
    expect(values(ss, 'Customers')).toEqual([['company_id'], ['x']]);
    expect(values(ss, 'Customers (2)')[1].slice(0, 2)).toEqual(['C-1', 'Acme (typed by sales)']);
  });

  it('writes typed names and ids into the history as text: no formula, no number', () => {
    const { rt, dataSourceId } = setupWithDataSource(db);
    const ss = rt.spreadsheet._active();
    const customers = ss.insertSheet('Customers');
    const header = CUSTOMER_KEYS.map((k) => customerHeader(k, 'en'));
    const row = (id: string, company: string) =>
      header.map((_, i) =>
        i === CUSTOMER_KEYS.indexOf('company_id') ? id : i === CUSTOMER_KEYS.indexOf('company') ? company : '',
      );
    // typed with a leading apostrophe, as a person keeps text that Sheets would otherwise parse
    customers.getRange(1, 1, 3, header.length).setValues([header, row("'00123", "'=1+1"), row('7', 'Plain Ltd.')]);
    expect(setupHealth(rt, dataSourceId, inputsSql()).problems).toEqual([]);
    rt.clock.set(Date.parse('2026-11-30T10:00:00Z'));
    const run = rt.run('tick', [], { kind: 'time-trigger' });
    expect(run.error).toBeUndefined();
    const history = tab(ss, 'Health history');
    const rows = history.getRange(2, 1, history.getLastRow() - 1, 6);
    expect(
      rows
        .getFormulas()
        .flat()
        .filter((f: string) => f !== ''),
    ).toEqual([]);
    const typed = rows.getValues().find((r: unknown[]) => r[1] === '00123');
    expect(typed?.slice(1, 3)).toEqual(['00123', '=1+1']);
  });
});
