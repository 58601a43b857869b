/**
 * A check alert end to end in a real browser (Debian's Chromium driven by playwright-core): a
 * check query is written and saved in the sidebar, its alert is made with the one-click "Alert
 * when this query returns rows" (the demo's only destination, a Slack bot played by the local
 * receiver, is picked), the query is written to its tab, and the run shows the triggered check and
 * the Slack message arrives on the receiver's page; the data is fixed, the query runs again, and
 * the recovery is posted in the same thread while the first message is updated. Screenshots go to
 * test-artifacts/. Skipped only when /usr/bin/chromium is absent (CI installs it).
 */
import * as path from 'node:path';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import type { AppsScriptRuntime } from '../../emulator/src/runtime';
import type { Playground } from '../../emulator/playground/server';
import { DEMO_DESTINATION } from '../../emulator/playground/demo/content';
import { adminRuntime, DEMO_CONNECTION, DEMO_JDBC_URL } from '../../emulator/playground/demo/seed';
import { axeViolations } from './axe';
import { describeBrowser, openPlayground, type PlaygroundSession } from './sidebar-harness';

const SCHEMA = 'alert_browser_test';
const QUERY_NAME = 'Negative balances';

jest.setTimeout(180_000);

describeBrowser('a check alert from the sidebar to Slack and back', () => {
  let session: PlaygroundSession;
  let pg: Playground;
  let admin: AppsScriptRuntime;
  let context: BrowserContext;
  let page: Page;
  let sidebar: FrameLocator;

  const shot = (target: Page, name: string) => session.shot(name, target);
  const sql = (statements: string[]) => admin.call('seed', DEMO_JDBC_URL, DEMO_CONNECTION.user, statements);

  beforeAll(async () => {
    session = await openPlayground({
      name: 'alerts',
      prepare: (started) => {
        pg = started;
        admin = adminRuntime(
          { pgliteDataDir: path.join(pg.stateDir, 'pglite') },
          path.join(__dirname, '../../dist/appsscript.json'),
        );
        sql([
          `DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`,
          `CREATE SCHEMA ${SCHEMA}`,
          `CREATE TABLE ${SCHEMA}.balances (id INT, company TEXT, amount NUMERIC(10,2))`,
          `INSERT INTO ${SCHEMA}.balances VALUES (1, 'Acme & Co', 120.00), (2, 'イロハ株式会社', -40.50), (3, 'Beta <Ltd>', -3.00)`,
        ]);
      },
    });
    ({ context, page } = session);
    sidebar = page.frameLocator('#sidebar-frame');
    await sidebar.getByTestId('tab-query').waitFor();
  });

  afterAll(async () => {
    if (admin) {
      sql([`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`]);
      admin.dispose();
    }
    await session?.close();
  });

  it('creates the alert, posts when the check finds rows, and posts the recovery in the same thread', async () => {
    expect(pg.setupProblems).toEqual([]);
    await pg.receiver.clear();

    // 1. Write and save the check query, then make its alert with one click.
    await sidebar.getByTestId('tab-query').click();
    await sidebar.getByTestId('btn-new').click();
    await sidebar.getByTestId('ds-select').selectOption({ label: 'Demo DB (PostgreSQL)' });
    await sidebar.getByTestId('query-name').fill(QUERY_NAME);
    const content = sidebar.getByTestId('sql-editor').locator('.cm-content');
    await content.click();
    await page.keyboard.insertText(`SELECT id, company, amount FROM ${SCHEMA}.balances WHERE amount < 0 ORDER BY id`);
    await page.keyboard.press('Escape');
    await sidebar.getByTestId('btn-save').click();
    await sidebar.getByTestId('unsaved').waitFor({ state: 'hidden' });
    await sidebar.getByTestId('btn-alert-rows-check').click();
    const alertItem = sidebar.getByTestId('alert-item');
    await alertItem.waitFor();
    await expect(alertItem.count()).resolves.toBe(1);
    await expect(alertItem.getByTestId('alert-no-destination').count()).resolves.toBe(0);
    await shot(page, '01-alert-created');

    // 2. Run the check: two bad rows, so it triggers and Slack hears it.
    await sidebar.getByTestId('btn-write').click();
    const check = sidebar.getByTestId('run-check');
    await sidebar.locator('[data-testid="run-check"][data-state="triggered"]').waitFor();
    await expect(check.textContent()).resolves.toMatch(/2/);
    await expect(alertItem.getByTestId('alert-state').getAttribute('data-state')).resolves.toBe('triggered');
    await shot(page, '02-triggered');

    let messages = await pg.receiver.slackMessages();
    expect(messages).toHaveLength(1);
    const first = messages[0];
    expect(first.via).toBe('api');
    expect(first.channel).toBe(DEMO_DESTINATION.options.channel);
    expect(first.thread_ts).toBeNull();
    expect(JSON.stringify(first.blocks)).toContain(QUERY_NAME);

    const receiverPage = await context.newPage();
    await receiverPage.goto(`${pg.receiver.origin}/__receiver/`);
    await receiverPage.locator('body[data-loaded="true"]').waitFor();
    const slack = receiverPage.getByRole('region', { name: /^Slack messages/ });
    await expect(slack.textContent()).resolves.toMatch(/Triggered/);
    await expect(slack.textContent()).resolves.toContain('イロハ株式会社');
    await shot(receiverPage, '03-slack-triggered');

    // 3. Fix the data and run again: the check is back to OK and the recovery goes in the thread.
    sql([`UPDATE ${SCHEMA}.balances SET amount = 0 WHERE amount < 0`]);
    await sidebar.getByTestId('btn-write').click();
    await sidebar.locator('[data-testid="run-check"][data-state="ok"]').waitFor();
    await expect(alertItem.getByTestId('alert-state').getAttribute('data-state')).resolves.toBe('ok');

    messages = await pg.receiver.slackMessages();
    expect(messages).toHaveLength(2);
    const [parent, reply] = messages;
    expect(reply.thread_ts).toBe(parent.ts);
    expect(reply.channel).toBe(parent.channel);
    expect(JSON.stringify(reply.blocks ?? reply.text)).toMatch(/Recovered/);
    // The first message was updated to say that it recovered.
    expect(parent.edited).toBe(true);

    await receiverPage.reload();
    await receiverPage.locator('body[data-loaded="true"]').waitFor();
    const thread = slack.locator('.sl-item').first();
    await expect(thread.locator('.sl-replies li').count()).resolves.toBe(1);
    await expect(thread.locator('.sl-replies').textContent()).resolves.toMatch(/Recovered/);
    await shot(receiverPage, '04-slack-recovered-in-thread');
    await receiverPage.close();
  });

  it('has no axe violation in the alerts section, the alert form and its preview', async () => {
    const frame = await (await page.$('#sidebar-frame'))?.contentFrame();
    if (!frame) throw new Error('no sidebar frame');
    expect({ state: 'alerts-section', violations: await axeViolations(frame) }).toEqual({
      state: 'alerts-section',
      violations: [],
    });
    await sidebar.getByTestId('btn-alert-edit').first().click();
    await sidebar.getByTestId('alert-form').waitFor();
    await sidebar.getByTestId('alert-selector').selectOption('max');
    await sidebar.getByTestId('alert-column').fill('amount');
    await sidebar.getByTestId('alert-value').fill('-1');
    await sidebar.getByTestId('alert-templates').locator('summary').click();
    await sidebar.getByTestId('alert-template-triggered').fill('{{ALERT_NAME}}: {{QUERY_RESULT_VALUE}} <b>&</b>');
    await sidebar.getByTestId('btn-alert-preview').click();
    await sidebar.getByTestId('alert-preview-text').first().waitFor();
    await shot(page, '05-alert-form-preview');
    expect({ state: 'alert-form', violations: await axeViolations(frame) }).toEqual({
      state: 'alert-form',
      violations: [],
    });
    await sidebar.getByTestId('btn-alert-cancel').click();
    await sidebar.getByTestId('alert-form').waitFor({ state: 'detached' });
  });
});
