/**
 * Health scores in the playground, in a real browser (Debian's Chromium driven by playwright-core):
 * sales add a customer row in Customers, its score and band appear in the Health tab, and a weight
 * changed in Health config re-scores it, all through the runtime's formula engine (issue 9's
 * browser test). Screenshots go to test-artifacts/. Skipped only when /usr/bin/chromium is absent.
 */
import type { Page } from 'playwright-core';
import { generateDemoData } from '../../emulator/playground/demo/dataset';
import type { Playground } from '../../emulator/playground/server';
import { CFG_FIRST_MEASURE_ROW, HEALTH_FIRST_ROW } from '../../src/core/health/layout';
import { describeBrowser, openPlayground, type PlaygroundSession } from './sidebar-harness';

jest.setTimeout(120_000);

describeBrowser('health scores in the playground, in Chromium', () => {
  let session: PlaygroundSession;
  let pg: Playground;
  let page: Page;
  let pageErrors: string[];

  const shot = (name: string) => session.shot(name);
  const cell = (row: number, col: number) => page.locator(`#sheet-table td.cell[data-row="${row}"][data-col="${col}"]`);
  const open = async (sheet: string) => {
    await page.getByTestId(`sheet-tab-${sheet}`).click();
    await page.locator(`#sheet-table[data-sheet="${sheet}"] td.cell`).first().waitFor();
  };
  const typeInto = async (row: number, col: number, text: string) => {
    await cell(row, col).click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="cell-editor"]').waitFor({ state: 'detached' });
  };
  const display = (sheet: string) => pg.runtime.spreadsheet._sheetDisplayValues(sheet);

  beforeAll(async () => {
    session = await openPlayground({
      name: 'health',
      prepare: (started) => {
        pg = started;
        expect(pg.setupProblems.filter((p) => p.startsWith('health'))).toEqual([]);
      },
    });
    ({ page, pageErrors } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('scores a customer row sales add, and re-scores it when CS change a weight', async () => {
    const company = generateDemoData(pg.demoAnchor).companies[30];
    await open('Customers');
    const header = display('Customers')[0];
    const row = display('Customers').length;
    await typeInto(row, header.indexOf('company_id'), String(company.id));
    await typeInto(row, header.indexOf('company'), company.name);
    await typeInto(row, header.indexOf('seats'), '10');
    await typeInto(row, header.indexOf('sentiment'), '5');
    await shot('01-customer-typed');

    // The Health tab shows the row at once: Health row = Customers row + 7.
    await open('Health');
    const healthHeader = display('Health')[0];
    const healthRow = row + HEALTH_FIRST_ROW - 2;
    const score = healthHeader.indexOf('Score');
    const band = healthHeader.indexOf('Band');
    await cell(healthRow, 0)
      .filter({ hasText: String(company.id) })
      .waitFor();
    const before = await cell(healthRow, score).textContent();
    expect(before).toMatch(/^\d+(\.\d)?$/);
    await expect(cell(healthRow, band).textContent()).resolves.toMatch(/^(Red|Yellow|Green)$/);
    expect(display('Health')[healthRow][score]).toBe(before);
    await shot('02-health-scored');

    // CS give sentiment (5 of 5 for this customer) a much larger weight: the score rises, no run needed.
    await open('Health config');
    const weight = display('Health config')[CFG_FIRST_MEASURE_ROW - 2].indexOf('Weight');
    await typeInto(CFG_FIRST_MEASURE_ROW - 1 + 4, weight, '300');
    expect(display('Health config')[CFG_FIRST_MEASURE_ROW - 1 + 4][weight]).toBe('300');
    await open('Health');
    const after = await cell(healthRow, score).textContent();
    expect(Number(after)).toBeGreaterThan(Number(before));
    expect(display('Health')[healthRow][score]).toBe(after);
    await shot('03-weight-changed');
  });

  it('shows the dashboard with its chart', async () => {
    await open('Health dashboard');
    await cell(0, 0).filter({ hasText: 'Customers per band' }).waitFor();
    await page
      .locator('svg title')
      .filter({ hasText: 'Customers per band over time' })
      .first()
      .waitFor({ state: 'attached' });
    await shot('04-dashboard');
  });

  it('raised no script error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
