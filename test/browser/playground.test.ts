/**
 * The playground in a real browser (Debian's Chromium driven by playwright-core): the real
 * sidebar in its iframe, bridged to the local runtime. A query with a parameter is written,
 * previewed, saved, found in the library, written to its tab (seen in the page) and linked
 * (with the playground's note that the link points to Google); a data source is edited
 * without its password ever reaching the page; a hostile query name renders as text; the
 * completion popup stays inside the 300 px sidebar; a failed run marks the old preview as the
 * last good result; the add-on's toasts and cell notes show in the page; a weekly schedule is set
 * with the keyboard and shown in the library, and the schedule panel shows the trigger; the webhook
 * receiver's page shows a Block Kit message as Slack would, with no effect from its <script>. Screenshots go to
 * test-artifacts/. Skipped only when /usr/bin/chromium is absent (CI installs it).
 */
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import type { Playground } from '../../emulator/playground/server';
import { DEMO_PASSWORD } from '../../emulator/playground/demo/content';
import { CHROMIUM, describeBrowser, HAS_CHROMIUM, openPlayground, type PlaygroundSession } from './sidebar-harness';

if (!HAS_CHROMIUM) {
  console.warn(
    `Browser tests skipped: ${CHROMIUM} is absent. Install Debian's chromium package (apt-get install chromium); .ci/run does.`,
  );
}

jest.setTimeout(180_000);

describeBrowser('the playground in Chromium', () => {
  let session: PlaygroundSession;
  let pg: Playground;
  let context: BrowserContext;
  let page: Page;
  let sidebar: FrameLocator;
  let dialogs: string[];
  let pageErrors: string[];

  const shot = (name: string) => session.shot(name);
  const tab = (name: string) => sidebar.getByTestId(`tab-${name}`);

  /** Replaces the editor's text as a person would (select all, type). */
  const typeSql = async (sql: string) => {
    const content = sidebar.getByTestId('sql-editor').locator('.cm-content');
    await content.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(sql);
    await page.keyboard.press('Escape');
  };

  /** Every input, textarea and select value in the sidebar. */
  const sidebarInputValues = async (): Promise<string[]> =>
    sidebar.locator('input, textarea, select').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

  beforeAll(async () => {
    session = await openPlayground({ name: 'playground' });
    ({ pg, context, page, dialogs, pageErrors } = session);
    sidebar = page.frameLocator('#sidebar-frame');
    await tab('query').waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows the spreadsheet tabs, the add-on menu and the sidebar', async () => {
    await page.getByTestId('sheet-tab-Customers').click();
    await page.getByTestId('sheet-table').filter({ hasText: 'sales_owner' }).waitFor();
    await expect(page.getByTestId('sheet-table').textContent()).resolves.toContain('sales_owner');
    await page.locator('#extensions-button').click();
    await expect(page.getByTestId('menu-item').first().textContent()).resolves.toBe('Open Sheetdash');
    await page.locator('#extensions-button').click();
    await expect(page.locator('#sidebar-frame').getAttribute('width')).resolves.toBe('300');
    await shot('01-start');
  });

  it('writes a query with a parameter, previews, saves, finds it, writes it to its tab and copies its link', async () => {
    const name = 'Companies per plan since';
    await tab('query').click();
    await sidebar.getByTestId('btn-new').click();
    await sidebar.getByTestId('ds-select').selectOption({ label: 'Demo DB (PostgreSQL)' });
    await sidebar.getByTestId('query-name').fill(name);
    await typeSql(
      'SELECT p.name AS plan, COUNT(*) AS companies FROM demo.companies c JOIN demo.plans p ON p.id = c.plan_id WHERE c.created_at >= {{ since }} GROUP BY p.name ORDER BY p.name',
    );
    await sidebar.getByTestId('param-since').waitFor();
    const typeSelect = sidebar.getByTestId('param-type-since');
    if (await typeSelect.isVisible()) await typeSelect.selectOption('date');
    await sidebar.getByTestId('param-since').fill('2024-01-01');
    await sidebar.getByTestId('btn-run').click();
    const preview = sidebar.getByTestId('preview-table');
    await preview.filter({ hasText: /Business[\s\S]*Enterprise/ }).waitFor();
    await expect(preview.textContent()).resolves.toMatch(/Business[\s\S]*Enterprise/);
    await shot('02-preview');

    await sidebar.getByTestId('btn-save').click();
    await sidebar.getByTestId('unsaved').waitFor({ state: 'hidden' });

    await tab('library').click();
    await sidebar.getByTestId('library-search').fill('per plan');
    const item = sidebar.getByTestId('library-item').filter({ hasText: name });
    await item.waitFor();
    // The search narrows the list: every other query goes away.
    await sidebar.getByTestId('library-item').filter({ hasNotText: name }).first().waitFor({ state: 'detached' });
    await expect(sidebar.getByTestId('library-item').count()).resolves.toBe(1);
    await shot('03-library');
    await item.getByTestId('btn-open').click();
    await expect(sidebar.getByTestId('query-name').inputValue()).resolves.toBe(name);

    await sidebar.getByTestId('btn-write').click();
    const resultTab = page.locator(`[data-testid^="sheet-tab-${name.slice(0, 20)}"]`);
    await resultTab.waitFor();
    await resultTab.click();
    // The page redraws the grid after the click: wait for the result tab's table, not the last one.
    await page
      .getByTestId('sheet-table')
      .filter({ hasText: /plan[\s\S]*companies[\s\S]*Starter/ })
      .waitFor();
    await expect(page.getByTestId('sheet-table').textContent()).resolves.toMatch(/plan[\s\S]*companies[\s\S]*Starter/);
    const gid = await resultTab.getAttribute('data-sheet-id');
    await shot('04-result-tab');

    await sidebar.getByTestId('btn-copy-link').click();
    const link = await sidebar.getByTestId('link-output').textContent();
    expect(link).toContain(`#gid=${gid}`);
    expect(link).toContain('range=A1');
    // The playground says where the link goes, and offers the tab here instead.
    const note = sidebar.getByTestId('link-box').getByTestId('playground-link-note');
    await expect(note.isVisible()).resolves.toBe(true);
    await expect(note.textContent()).resolves.toContain('this link points to Google Sheets');
    await shot('05-link');
    await page.getByTestId('sheet-tab-Customers').click();
    await page.locator('#tab-bar button.active[data-testid="sheet-tab-Customers"]').waitFor();
    await note.getByTestId('playground-open-here').click();
    // Customers holds "Starter" too: wait for the result tab to become the active one, then its table.
    await page.locator(`#tab-bar button.active[data-sheet-id="${gid}"]`).waitFor();
    await page
      .getByTestId('sheet-table')
      .filter({ hasText: /plan[\s\S]*companies[\s\S]*Starter/ })
      .waitFor();
    await expect(page.locator('#tab-bar button.active').getAttribute('data-sheet-id')).resolves.toBe(gid);
  });

  it("shows the result tab's A1 note on hover and on keyboard focus", async () => {
    const a1 = page.getByTestId('sheet-table').locator('tbody tr').first().locator('td').nth(1);
    await expect(a1.getAttribute('class')).resolves.toContain('has-note');
    const popup = page.getByTestId('note-popup');
    await expect(popup.isVisible()).resolves.toBe(false);
    await a1.hover();
    await popup.waitFor({ state: 'visible' });
    await expect(popup.textContent()).resolves.toContain('Companies per plan since');
    await shot('05b-note');
    await page.mouse.move(5, 5);
    await popup.waitFor({ state: 'hidden' });
    await a1.focus();
    await popup.waitFor({ state: 'visible' });
    await expect(a1.getAttribute('aria-describedby')).resolves.toBe('note-popup');
    await page.keyboard.press('Escape');
    await popup.waitFor({ state: 'hidden' });
  });

  it('keeps the completion popup inside the 300 px sidebar', async () => {
    await tab('query').click();
    await sidebar.getByTestId('btn-new').click();
    await sidebar.getByTestId('ds-select').selectOption({ label: 'Demo DB (PostgreSQL)' });
    await typeSql('SELECT plan_id, name, created_at FROM demo.companies c WHERE c.created_at > now() AND cur');
    await page.keyboard.press('End');
    await page.keyboard.press('Control+Space');
    const popup = sidebar.locator('.cm-tooltip-autocomplete');
    await popup.waitFor();
    const boxes = await sidebar.locator('body').evaluate(() => {
      const rect = (selector: string) => {
        const r = (document.querySelector(selector) as HTMLElement).getBoundingClientRect();
        return { left: r.left, right: r.right };
      };
      return {
        popup: rect('.cm-tooltip-autocomplete'),
        editor: rect('.cm-editor'),
        viewport: document.documentElement.clientWidth,
        innerWidth: window.innerWidth,
      };
    });
    expect(boxes.innerWidth).toBe(300);
    expect(boxes.popup.left).toBeGreaterThanOrEqual(boxes.editor.left - 0.5);
    expect(boxes.popup.right).toBeLessThanOrEqual(boxes.editor.right + 0.5);
    expect(boxes.popup.right).toBeLessThanOrEqual(boxes.viewport);
    await shot('08-completion');
    await page.keyboard.press('Escape');
  });

  it('marks the previous preview as the last good result when a run fails', async () => {
    await typeSql('SELECT code, name FROM demo.plans ORDER BY id');
    await sidebar.getByTestId('btn-run').click();
    await sidebar.getByTestId('preview-table').filter({ hasText: 'enterprise' }).waitFor();
    await expect(sidebar.getByTestId('last-good').isVisible()).resolves.toBe(false);
    await typeSql('SELECT code, name FORM demo.plans');
    await sidebar.getByTestId('btn-run').click();
    await sidebar.getByTestId('error-message').waitFor({ state: 'visible' });
    const mark = sidebar.getByTestId('last-good');
    await mark.waitFor({ state: 'visible' });
    await expect(mark.textContent()).resolves.toMatch(
      /^The latest run failed\. Below is the last good result, from .+ \(just now\)\.$/,
    );
    await expect(sidebar.getByTestId('preview').getAttribute('class')).resolves.toContain('stale');
    await expect(sidebar.getByTestId('preview-table').textContent()).resolves.toContain('enterprise');
    await shot('09-last-good');
    await typeSql('SELECT code FROM demo.plans ORDER BY id');
    await sidebar.getByTestId('btn-run').click();
    await mark.waitFor({ state: 'hidden' });
    await expect(sidebar.getByTestId('error-message').isVisible()).resolves.toBe(false);
  });

  it("shows the add-on's toasts", async () => {
    await page.locator('#extensions-button').click();
    await page.locator('[data-function="turnOnSchedule"]').click();
    const toast = page.getByTestId('toast').filter({ hasText: 'Scheduled refreshes are on' });
    await toast.waitFor();
    await expect(toast.textContent()).resolves.toContain('Sheetdash');
    await expect(toast.getAttribute('role')).resolves.toBe('status');
    await shot('10-toast');
    await toast.getByRole('button', { name: 'Close' }).click();
    await toast.waitFor({ state: 'detached' });
  });

  it('edits data sources without the password ever reaching the page', async () => {
    const typed = 'Typed-in-browser-S3cret!';
    await tab('datasources').click();
    await sidebar.getByTestId('btn-ds-add').click();
    const form = sidebar.getByTestId('ds-form');
    await form.waitFor();
    await sidebar.getByTestId('ds-kind').selectOption('postgresql');
    await sidebar.getByTestId('ds-name').fill('Second demo');
    await sidebar.getByTestId('ds-field-host').fill('embedded.sheetdash.local');
    await sidebar.getByTestId('ds-field-port').fill('5432');
    await sidebar.getByTestId('ds-field-database').fill('postgres');
    await sidebar.getByTestId('ds-field-user').fill('postgres');
    await sidebar.getByTestId('ds-field-password').fill(typed);
    await sidebar.getByTestId('btn-ds-save').click();
    const second = sidebar.getByTestId('ds-item').filter({ hasText: 'Second demo' });
    await second.waitFor();

    for (const sourceName of ['Demo DB', 'Second demo']) {
      await sidebar.getByTestId('ds-item').filter({ hasText: sourceName }).getByTestId('btn-ds-edit').click();
      await sidebar.getByTestId('ds-form').waitFor();
      await expect(sidebar.getByTestId('ds-name').inputValue()).resolves.toBe(sourceName);
      const shown = await sidebar.getByTestId('ds-field-password').inputValue();
      expect(shown).not.toBe('');
      for (const secret of [DEMO_PASSWORD, typed]) {
        expect(await page.content()).not.toContain(secret);
        expect(await page.frame({ url: /\/sidebar/ })!.content()).not.toContain(secret);
        expect(await sidebarInputValues()).not.toContain(secret);
        expect((await sidebarInputValues()).join('\n')).not.toContain(secret);
      }
    }
    // Edit with the mask untouched, save and test: the stored password still works.
    await sidebar.getByTestId('ds-field-host').fill('embedded.sheetdash.local');
    await sidebar.getByTestId('btn-ds-test').click();
    const result = sidebar.getByTestId('ds-form').getByTestId('ds-test-result');
    await result.waitFor();
    await expect(result.getAttribute('class')).resolves.toContain('success');
    for (const secret of [DEMO_PASSWORD, typed]) {
      expect(await page.frame({ url: /\/sidebar/ })!.content()).not.toContain(secret);
      expect((await sidebarInputValues()).join('\n')).not.toContain(secret);
    }
    // The row's own Test button: its answer stays after the list reloads with the new health.
    const demoRow = sidebar.getByTestId('ds-item').filter({ hasText: 'Demo DB' });
    await demoRow.getByTestId('btn-ds-test-item').click();
    const rowResult = demoRow.getByTestId('ds-test-result');
    await rowResult.filter({ hasText: 'Connected to PostgreSQL' }).waitFor();
    await page.waitForTimeout(300);
    await expect(rowResult.textContent()).resolves.toMatch(/^Connected to PostgreSQL .* in \d+ ms\.$/);
    await shot('06-datasources');
  });

  it('renders a query named <img src=x onerror=alert(1)> as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    await tab('query').click();
    await sidebar.getByTestId('btn-new').click();
    await sidebar.getByTestId('ds-select').selectOption({ label: 'Demo DB (PostgreSQL)' });
    await sidebar.getByTestId('query-name').fill(hostile);
    await typeSql("SELECT '<script>alert(2)</script>' AS html, 1 AS one");
    await sidebar.getByTestId('btn-run').click();
    await sidebar.getByTestId('preview-table').waitFor();
    await sidebar.getByTestId('btn-save').click();
    await sidebar.getByTestId('unsaved').waitFor({ state: 'hidden' });
    await tab('library').click();
    await sidebar.getByTestId('library-search').fill('onerror');
    const item = sidebar.getByTestId('library-item').filter({ hasText: hostile });
    await item.waitFor();
    await expect(item.getByText(hostile, { exact: true }).first().isVisible()).resolves.toBe(true);
    await expect(sidebar.locator('img[src="x"]').count()).resolves.toBe(0);
    await item.getByTestId('btn-open').click();
    await sidebar.getByTestId('btn-write').click();
    const resultTab = page.locator('[data-testid^="sheet-tab-"]').filter({ hasText: '<img' });
    await resultTab.waitFor();
    await resultTab.click();
    await page.getByTestId('sheet-table').filter({ hasText: '<script>alert(2)</script>' }).waitFor();
    await expect(page.getByTestId('sheet-table').textContent()).resolves.toContain('<script>alert(2)</script>');
    await expect(page.locator('img[src="x"]').count()).resolves.toBe(0);
    await shot('07-hostile-name');
    expect(dialogs).toEqual([]);
  });

  it('sets a weekly schedule with the keyboard, shows it in the library and the trigger in its panel', async () => {
    const name = 'Weekly plan count';
    await tab('query').click();
    await sidebar.getByTestId('btn-new').click();
    await sidebar.getByTestId('ds-select').selectOption({ label: 'Demo DB (PostgreSQL)' });
    await sidebar.getByTestId('query-name').fill(name);
    await typeSql('SELECT COUNT(*) AS plans FROM demo.plans');
    // The Schedule block opens from the keyboard, and every control is reached by its label.
    await sidebar.getByTestId('schedule-summary').focus();
    await page.keyboard.press('Enter');
    await sidebar.getByLabel('Refresh').selectOption('weekly');
    await sidebar.getByLabel('Thu').focus();
    await page.keyboard.press('Space');
    await sidebar.getByLabel('Time').fill('08:30');
    await sidebar.getByLabel('End date (optional, last day it runs)').fill('2031-12-31');
    await expect(sidebar.getByTestId('schedule-summary').textContent()).resolves.toBe(
      'Schedule: Weekly on Mon, Thu at 08:30, until 2031-12-31',
    );
    // The menu turned scheduled refreshes on earlier (the toast test): the panel shows the trigger
    // and who owns it, and the button keeps it.
    await sidebar.getByTestId('tick-found').waitFor();
    await expect(sidebar.getByTestId('tick-owner').textContent()).resolves.toMatch(/^Trigger installed by /);
    await sidebar.getByTestId('btn-turn-on-schedule').click();
    await sidebar.getByTestId('tick-note').filter({ hasText: 'Already on' }).waitFor();
    await expect(sidebar.getByTestId('tick-note').textContent()).resolves.toBe(
      'Already on: the existing trigger was kept.',
    );
    await expect(sidebar.getByTestId('tick-mode').textContent()).resolves.toMatch(
      /^Bound script: the tick runs every 5/,
    );
    await shot('11-schedule');
    await sidebar.getByTestId('btn-save').click();
    await sidebar.getByTestId('unsaved').waitFor({ state: 'hidden' });
    await tab('library').click();
    await sidebar.getByTestId('library-search').fill('Weekly plan');
    const item = sidebar.getByTestId('library-item').filter({ hasText: name });
    await item.waitFor();
    await expect(item.getByTestId('item-schedule').textContent()).resolves.toBe(
      'Schedule: Weekly on Mon, Thu at 08:30, until 2031-12-31',
    );
  });

  it('shows a Block Kit message on the receiver page as Slack would, with no <script> effect', async () => {
    const hostile = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';
    const blocks = [
      { type: 'header', text: { type: 'plain_text', text: 'Triggered: Late orders' } },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `*Value* 12 > 0 <https://example.test/result|Open the result tab>\n${hostile}` },
      },
      { type: 'divider' },
      { type: 'context', elements: [{ type: 'mrkdwn', text: hostile }] },
    ];
    const posted = await fetch(`${pg.receiver.origin}/services/T000/B000/XXXX`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: hostile, blocks }),
    });
    expect(await posted.text()).toBe('ok');
    const receiverPage = await context.newPage();
    const receiverErrors: string[] = [];
    receiverPage.on('pageerror', (error) => receiverErrors.push(error.message));
    receiverPage.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    try {
      await receiverPage.goto(`${pg.receiver.origin}/__receiver/`);
      await receiverPage.locator('body[data-loaded="true"]').waitFor();
      const slack = receiverPage.getByRole('region', { name: /^Slack messages/ });
      await expect(slack.getByRole('heading', { level: 2 }).textContent()).resolves.toMatch(/^Slack messages \(\d+\)$/);
      const message = slack.locator('article').filter({ hasText: 'Triggered: Late orders' }).last();
      await expect(message.locator('.sl-header').textContent()).resolves.toBe('Triggered: Late orders');
      const link = message.getByRole('link', { name: 'Open the result tab' });
      await expect(link.getAttribute('href')).resolves.toBe('https://example.test/result');
      await expect(message.locator('strong').first().textContent()).resolves.toBe('Value');
      await expect(message.textContent()).resolves.toContain('<script>window.__pwned = 1</script>');
      await expect(receiverPage.locator('main script, main img').count()).resolves.toBe(0);
      await expect(receiverPage.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBe(
        undefined,
      );
      // The page's own requests (itself, its scripts, the favicon a browser asks for) are not listed.
      await receiverPage.goto(`${pg.receiver.origin}/favicon.ico`).catch(() => undefined);
      const paths = (await pg.receiver.requests()).map((r) => r.path);
      expect(paths).toContain('/services/T000/B000/XXXX');
      expect(paths.filter((p) => p === '/favicon.ico' || p.startsWith('/__receiver'))).toEqual([]);
      await receiverPage.goto(`${pg.receiver.origin}/__receiver/`);
      await receiverPage.locator('body[data-loaded="true"]').waitFor();
      // A message that arrives while the page is open shows up without a reload.
      await fetch(`${pg.receiver.origin}/services/T000/B000/XXXX`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: 'Recovered: _Late orders_' }),
      });
      await slack.locator('article em').filter({ hasText: 'Late orders' }).waitFor({ timeout: 10_000 });
      await expect(receiverPage.getByRole('status').textContent()).resolves.toBe(
        'New requests arrived; the lists are up to date.',
      );
      await session.shot('12-receiver', receiverPage);
      expect(receiverErrors).toEqual([]);
      expect(dialogs).toEqual([]);
    } finally {
      await receiverPage.close();
    }
  });

  it('raised no script error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
