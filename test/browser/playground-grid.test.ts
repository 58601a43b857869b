/**
 * The playground's grid in a real browser (Debian's Chromium driven by playwright-core): a person
 * types a row into the Customers tab (keyboard only), pastes rows, types a formula and sees it computed, picks a
 * value from a list validation's dropdown, ticks a checkbox, is refused by a rejecting validation
 * (with its help text) and by a protected header (editing as a colleague), inserts a row from the
 * row header's menu, sees conditional colours with readable text, and sees an embedded chart drawn.
 * The validations, rules, protection and chart are made through the runtime before the page opens.
 * Screenshots go to test-artifacts/. Skipped only when /usr/bin/chromium is absent.
 */
import type { Page } from 'playwright-core';
import type { Playground } from '../../emulator/playground/server';
import type { SheetFake } from '../../emulator/src/services/spreadsheet/sheet';
import { describeBrowser, openPlayground, type PlaygroundSession } from './sidebar-harness';

jest.setTimeout(120_000);

describeBrowser('the playground grid in Chromium', () => {
  let session: PlaygroundSession;
  let pg: Playground;
  let page: Page;
  let pageErrors: string[];

  const shot = (name: string) => session.shot(name);
  const cell = (row: number, col: number) => page.locator(`#sheet-table td.cell[data-row="${row}"][data-col="${col}"]`);
  /** Waits until `read()` gives `want` (the page's calls land asynchronously). */
  const until = async <T>(read: () => T | Promise<T>, want: T) => {
    const end = Date.now() + 10_000;
    let got = await read();
    while (JSON.stringify(got) !== JSON.stringify(want) && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 50));
      got = await read();
    }
    expect(got).toEqual(want);
  };
  const values = () => pg.runtime.spreadsheet._sheetDisplayValues('Customers');

  /** What the health-score setup would make, done here through the runtime as the add-on would. */
  function decorate(): void {
    const ss = pg.runtime.spreadsheet._active();
    const customers = ss.getSheetByName('Customers') as unknown as SheetFake;
    const app = pg.runtime.spreadsheet.global as unknown as {
      newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder;
      newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
    };
    const stages = app.newDataValidation().requireValueInList(['Onboarding', 'Active', 'Churned']).build();
    customers.getRange('D2:D200').setDataValidation(stages as never);
    const sentiment = app
      .newDataValidation()
      .requireNumberBetween(1, 5)
      .setAllowInvalid(false)
      .setHelpText('Sentiment is a number from 1 to 5.')
      .build();
    customers.getRange('G1').setValue('sentiment');
    customers.getRange('G2:G200').setDataValidation(sentiment as never);
    customers.getRange('H1').setValue('renewing');
    customers.getRange('H2:H200').setDataValidation(app.newDataValidation().requireCheckbox().build() as never);
    const active = app
      .newConditionalFormatRule()
      .whenTextEqualTo('Active')
      .setBackground('#0b5394')
      .setRanges([customers.getRange('D2:D200') as never])
      .build();
    customers.setConditionalFormatRules([active as never]);
    customers.getRange('A1:H1').protect();

    const dash = ss.insertSheet('Dashboard') as unknown as SheetFake;
    dash.getRange('A1:D5').setValues([
      ['Week', 'Green', 'Yellow', 'Red'],
      ['W1', 5, 3, 2],
      ['W2', 6, 2, 2],
      ['W3', 6, 3, 1],
      ['W4', 7, 2, 1],
    ]);
    dash.insertChart(
      dash
        .newChart()
        .setChartType('LINE')
        .addRange(dash.getRange('A1:D5'))
        .setOption('title', 'Customers per band')
        .setPosition(7, 1, 0, 0)
        .build(),
    );
    dash.insertChart(
      dash
        .newChart()
        .asColumnChart()
        .setTitle('Bands this week')
        .addRange(dash.getRange('A1:D5'))
        .setPosition(24, 2, 0, 0)
        .build(),
    );
  }

  beforeAll(async () => {
    session = await openPlayground({
      name: 'grid',
      prepare: (started) => {
        pg = started;
        decorate();
      },
    });
    ({ page, pageErrors } = session);
    await page.getByTestId('sheet-tab-Customers').click();
    await page.locator('#sheet-table[data-sheet="Customers"] td.cell').first().waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('types a new customer row with the keyboard only', async () => {
    const before = values().length;
    await cell(0, 0).click();
    for (let i = 0; i < before; i++) await page.keyboard.press('ArrowDown');
    await expect(cell(before, 0).evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    for (const text of ['99', 'Typed Co', 'sato@example.com']) {
      await page.keyboard.type(text);
      await page.keyboard.press('Tab');
      await page.locator('[data-testid="cell-editor"]').waitFor({ state: 'detached' });
    }
    await cell(before, 2).filter({ hasText: 'sato@example.com' }).waitFor();
    expect(values()[before].slice(0, 3)).toEqual(['99', 'Typed Co', 'sato@example.com']);
    // Focus follows the edits: the next cell of the row is selected, and visibly so.
    await expect(cell(before, 3).evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    await expect(cell(before, 3).evaluate((e) => getComputedStyle(e).outlineStyle)).resolves.toBe('solid');
    // The frozen header row stays in view while the grid scrolls.
    await expect(cell(0, 0).evaluate((e) => getComputedStyle(e).position)).resolves.toBe('sticky');
    await shot('01-typed-row');
  });

  it('keeps the add-on menu above the grid and its frozen rows', async () => {
    await page.locator('#extensions-button').click();
    const item = page.getByTestId('menu-item').first();
    const onTop = await item.evaluate((e) => {
      const r = e.getBoundingClientRect();
      return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === e;
    });
    expect(onTop).toBe(true);
    await page.locator('#extensions-button').click();
  });

  it('types a formula and sees it computed', async () => {
    // Column M: the first column the demo Customers tab leaves empty.
    await cell(1, 12).dblclick();
    await page.keyboard.type('=A2*2+1');
    await page.keyboard.press('Enter');
    await cell(1, 12).filter({ hasText: '25' }).waitFor();
    await cell(1, 12).click();
    await expect(page.getByTestId('formula-bar').textContent()).resolves.toBe('=A2*2+1');
    expect(pg.runtime.spreadsheet._sheetFormulas('Customers')[1][12]).toBe('=A2*2+1');
  });

  it('picks a stage from the dropdown and shows its conditional colour with readable text', async () => {
    const row = values().length - 1;
    await cell(row, 3).click();
    const dropdown = page.getByTestId('cell-dropdown');
    await dropdown.waitFor();
    await expect(dropdown.locator('option').allTextContents()).resolves.toEqual([
      '',
      'Onboarding',
      'Active',
      'Churned',
    ]);
    // A stage outside the list (allowed: this rule only warns) is marked invalid, as Sheets marks it.
    const invalidStage = page.locator('#sheet-table td.cell[data-col="3"][data-invalid="true"]').first();
    await expect(invalidStage.textContent()).resolves.toMatch(/Trial|Churn risk/);
    await dropdown.selectOption('Active');
    await cell(row, 3).filter({ hasText: 'Active' }).waitFor();
    expect(values()[row][3]).toBe('Active');
    // The page redraws whenever the runtime changes (the sidebar calls it too): read the live cell.
    const look = () =>
      cell(row, 3).evaluate((e) => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color].join(' / '));
    await until(look, 'rgb(11, 83, 148) / rgb(255, 255, 255)');
    await shot('02-dropdown-colour');
  });

  it('ticks a checkbox and refuses an invalid entry with the help text', async () => {
    const row = values().length - 1;
    await cell(row, 7).getByTestId('cell-checkbox').click();
    await until(() => values()[row][7], 'TRUE');
    await until(() => cell(row, 7).getByTestId('cell-checkbox').isChecked(), true);
    await cell(row, 6).click();
    await page.keyboard.type('9');
    await page.keyboard.press('Enter');
    const message = page.getByTestId('edit-message');
    await message.filter({ hasText: 'data validation' }).waitFor();
    await expect(message.textContent()).resolves.toContain('Sentiment is a number from 1 to 5.');
    expect(values()[row][6]).toBe('');
    await shot('03-refused-validation');
    await cell(row, 6).click();
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    await cell(row, 6).filter({ hasText: '4' }).waitFor();
    await expect(message.textContent()).resolves.toBe('');
  });

  it("refuses a colleague's edit of the protected header, with Sheets' message", async () => {
    await page.getByTestId('edit-as').selectOption('sales@example.com');
    await page.locator('#sheet-table td.cell.locked[data-row="0"][data-col="0"]').waitFor();
    await cell(0, 0).click();
    await page.keyboard.type('id');
    await page.keyboard.press('Enter');
    const message = page.getByTestId('edit-message');
    await message.filter({ hasText: 'protected' }).waitFor();
    await expect(message.textContent()).resolves.toContain('You are trying to edit a protected cell or object.');
    expect(values()[0][0]).toBe('company_id');
    await shot('04-refused-protected');
    await page.getByTestId('edit-as').selectOption('you@example.com');
    await page.locator('#sheet-table td.cell.locked').first().waitFor({ state: 'detached' });
  });

  it('pastes rows copied from elsewhere (tab-separated) from the selected cell on', async () => {
    const first = values().length;
    await cell(first, 0).click();
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, '300\tPasted One\tkato@example.com\r\n301\tPasted Two\tkato@example.com\r\n');
    await cell(first + 1, 1)
      .filter({ hasText: 'Pasted Two' })
      .waitFor();
    expect(
      values()
        .slice(first)
        .map((line) => line.slice(0, 3)),
    ).toEqual([
      ['300', 'Pasted One', 'kato@example.com'],
      ['301', 'Pasted Two', 'kato@example.com'],
    ]);
  });

  it('inserts a row from the row header menu, with the keyboard', async () => {
    const before = values();
    // From a cell, ArrowLeft past column A reaches the row header; its button opens the menu.
    await cell(3, 1).click();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    await expect(page.locator('#sheet-table td.rownum button:focus').textContent()).resolves.toBe('3');
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu');
    await menu.waitFor();
    await expect(page.locator('#row-menu button:focus').textContent()).resolves.toBe('Insert 1 row above');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'detached' });
    await until(() => values().length, before.length + 1);
    const after = values();
    expect(after[2].every((v) => v === '')).toBe(true);
    expect(after[3]).toEqual(before[2]);
    // The new row keeps the column's dropdown.
    await cell(2, 3).locator('.dropdown-mark').waitFor();
    await shot('05-row-inserted');
  });

  it('draws the embedded charts of the dashboard tab', async () => {
    await page.getByTestId('sheet-tab-Dashboard').click();
    const charts = page.getByTestId('chart');
    await charts.first().waitFor();
    await expect(charts.count()).resolves.toBe(2);
    const line = charts.and(page.locator('[data-chart-type="LINE"]'));
    await expect(line.locator('svg title').textContent()).resolves.toBe('Customers per band');
    await expect(line.locator('svg polyline').count()).resolves.toBe(3);
    await expect(line.locator('[data-role="legend"] text').allTextContents()).resolves.toEqual([
      'Green',
      'Yellow',
      'Red',
    ]);
    const column = charts.and(page.locator('[data-chart-type="COLUMN"]'));
    await expect(column.locator('svg g[data-series] rect').count()).resolves.toBe(12);
    // Anchored at B24, below the data: the grid grows to hold it and it sits on its cell.
    await expect(column.getAttribute('class')).resolves.toBe('chart anchored');
    const [columnTop, b24Top] = await Promise.all([
      column.evaluate((e) => (e as HTMLElement).offsetTop),
      cell(23, 1).evaluate((e) => (e as HTMLElement).offsetTop),
    ]);
    expect(Math.abs(columnTop - b24Top)).toBeLessThan(2);
    // Anchored at A7 (row 7, column 1): the figure sits on that cell.
    const [figureTop, cellTop] = await Promise.all([
      line.evaluate((e) => (e as HTMLElement).offsetTop),
      cell(6, 0).evaluate((e) => (e as HTMLElement).offsetTop),
    ]);
    expect(Math.abs(figureTop - cellTop)).toBeLessThan(2);
    await shot('06-charts');
  });

  it('raised no script error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
