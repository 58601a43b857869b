/**
 * The sidebar for everyone, in Chromium on the playground, in English and Japanese: it is usable with no
 * google.script.run round (the first view comes with the page; the schema cache loads after), and axe-core
 * finds no violation in the first view, each tab, a preview, an error, the data source form, the version list,
 * the schedule form, the alerts section and form, and every confirm. At 200% zoom in the 300 px sidebar the tab bar stays and no label is cut.
 */
import type { Lang } from '../../src/shared/api-types';
import { axeViolations } from './axe';
import { describeBrowser, openSidebar, type SidebarSession } from './sidebar-harness';

jest.setTimeout(60_000);

const LANGS: Lang[] = ['en', 'ja'];

describeBrowser.each(LANGS)('the sidebar in %s', (lang) => {
  let s: SidebarSession;
  const tab = (name: string) => s.sidebar.getByTestId(`tab-${name}`);
  const noViolations = async (state: string) => {
    const found = await axeViolations(s.frame());
    if (found.length > 0) await s.shot(`axe-${lang}-${state}`);
    expect({ state, violations: found }).toEqual({ state, violations: [] });
  };
  const typeSql = async (sql: string) => {
    await s.sidebar.getByTestId('sql-editor').locator('.cm-content').click();
    await s.page.keyboard.press('Control+A');
    await s.page.keyboard.press('Delete');
    await s.page.keyboard.insertText(sql);
    await s.page.keyboard.press('Escape'); // closes the completion list
  };

  beforeAll(async () => {
    s = await openSidebar(lang);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('is usable with no server round: the first view came with the page, the schema cache loads after', async () => {
    const usableAt = await s
      .frame()
      .evaluate(() => performance.getEntriesByName('sheetdash-usable')[0]?.startTime ?? Number.NaN);
    expect(Number.isFinite(usableAt)).toBe(true);
    const calls = await s.calls();
    const before = calls.filter((call) => call.at < usableAt);
    expect(before.length).toBeLessThanOrEqual(1);
    expect(before).toEqual([]);
    // The first view is filled: data sources in the picker, the recent runs in the status line.
    await expect(s.sidebar.getByTestId('ds-select').locator('option').count()).resolves.toBeGreaterThan(0);
    await expect(s.sidebar.getByTestId('status-line').textContent()).resolves.not.toBe('');
    // After the first paint, the schema of the chosen source is fetched once.
    await s.sidebar.getByTestId('schema-browser').locator('li').first().waitFor({ state: 'attached' });
    expect((await s.calls()).map((call) => call.method)).toContain('getSchema');
    expect(s.pageErrors).toEqual([]);
  });

  it('evaluates sql-formatter only when Format is first used', async () => {
    const chunks = () =>
      s
        .frame()
        .evaluate(() =>
          Object.keys((window as unknown as { __sheetdashChunks?: object }).__sheetdashChunks ?? {}).sort(),
        );
    expect(await chunks()).toEqual(['editor']);
    await typeSql('select code, name from demo.plans where id > 1 order by id');
    await s.sidebar.getByTestId('btn-format').click();
    const content = s.sidebar.getByTestId('sql-editor').locator('.cm-content');
    await content.filter({ hasText: /^SELECT/ }).waitFor();
    expect(await chunks()).toEqual(['editor', 'sqlFormat']);
    // biome-ignore lint/performance/useDomNodeTextContent: the editor's lines need their rendered line breaks
    await expect(content.innerText()).resolves.toMatch(/^SELECT\s+code,\s+name\s+FROM\s+demo\.plans\s+WHERE/);
    await s.sidebar.getByTestId('btn-new').click();
    await s.sidebar.getByTestId('btn-confirm-yes').click();
    await s.sidebar.getByTestId('unsaved').waitFor({ state: 'hidden' });
  });

  it('has no axe violation in the first view and in each tab', async () => {
    await noViolations('first-view');
    await tab('library').click();
    await s.sidebar.getByTestId('library-item').first().waitFor();
    await noViolations('library');
    await tab('datasources').click();
    await s.sidebar.getByTestId('ds-item').first().waitFor();
    await noViolations('datasources');
    await tab('query').click();
    await noViolations('query');
  });

  it('has no axe violation with a preview, then an error, shown', async () => {
    await s.sidebar.getByTestId('btn-new').click();
    await typeSql('SELECT code, name, NULL AS nothing FROM demo.plans ORDER BY id');
    await s.sidebar.getByTestId('btn-run').click();
    await s.sidebar.getByTestId('preview-table').filter({ hasText: 'enterprise' }).waitFor();
    await noViolations('preview');
    await typeSql('SELECT code FORM demo.plans');
    await s.sidebar.getByTestId('btn-run').click();
    await s.sidebar.getByTestId('error-message').waitFor({ state: 'visible' });
    await s.sidebar.getByTestId('last-good').waitFor({ state: 'visible' });
    await noViolations('error');
  });

  it('has no axe violation with the schedule form open', async () => {
    await s.sidebar.getByTestId('schedule-summary').click();
    await s.sidebar.getByTestId('schedule-kind').waitFor();
    await noViolations('schedule');
    await s.sidebar.getByTestId('schedule-summary').click();
  });

  it('has no axe violation in the confirms: new query and open from the library over unsaved changes', async () => {
    // The editor has unsaved changes (the SQL typed above).
    await s.sidebar.getByTestId('btn-new').click();
    const confirm = s.sidebar.getByTestId('confirm');
    await confirm.waitFor();
    await noViolations('confirm-new');
    await s.sidebar.getByTestId('btn-confirm-no').click();
    await tab('library').click();
    const item = s.sidebar.getByTestId('library-item').first();
    await item.waitFor();
    await item.getByTestId('btn-open').click();
    await item.getByTestId('confirm').waitFor();
    await noViolations('confirm-open');
    await s.page.keyboard.press('Escape');
    await item.getByTestId('confirm').waitFor({ state: 'detached' });
  });

  it('has no axe violation with the version list open', async () => {
    const item = s.sidebar.getByTestId('library-item').first();
    await item.getByTestId('btn-versions').click();
    await item.getByTestId('version-list').waitFor();
    await noViolations('versions');
  });

  it('has no axe violation in the alerts section, the alert form and its delete confirm', async () => {
    // The demo's check query carries an alert to the receiver's Slack.
    const item = s.sidebar.getByTestId('library-item').filter({ hasText: 'Billing consistency check' });
    await item.getByTestId('btn-open').click();
    // The editor still holds the unsaved SQL typed above: opening asks first.
    const confirm = item.getByTestId('confirm');
    await confirm.waitFor();
    await confirm.getByTestId('btn-confirm-yes').click();
    await confirm.waitFor({ state: 'detached' });
    const alert = s.sidebar.getByTestId('alert-item').first();
    await alert.waitFor();
    await noViolations('alerts-section');
    await alert.getByTestId('btn-alert-edit').click();
    await s.sidebar.getByTestId('alert-form').waitFor();
    await noViolations('alert-form');
    await s.sidebar.getByTestId('btn-alert-delete').click();
    await s.sidebar.getByTestId('alert-form').getByTestId('confirm').waitFor();
    await noViolations('confirm-alert-delete');
    await s.sidebar.getByTestId('btn-confirm-no').click();
    await s.sidebar.getByTestId('btn-alert-cancel').click();
    await s.sidebar.getByTestId('alert-form').waitFor({ state: 'detached' });
  });

  it('has no axe violation with the data source form open, and in the delete confirms', async () => {
    await tab('datasources').click();
    await s.sidebar.getByTestId('btn-ds-add').click();
    await s.sidebar.getByTestId('ds-form').waitFor();
    await noViolations('ds-form');
    await s.sidebar.getByTestId('btn-ds-cancel').click();
    const source = s.sidebar.getByTestId('ds-item').first();
    await source.getByTestId('btn-ds-delete').click();
    await source.getByTestId('confirm').waitFor();
    await noViolations('confirm-ds-delete');
    await s.sidebar.getByTestId('btn-confirm-no').click();
    const destination = s.sidebar.getByTestId('dest-item').first();
    await destination.getByTestId('btn-dest-delete').click();
    await destination.getByTestId('confirm').waitFor();
    await noViolations('confirm-dest-delete');
    await s.sidebar.getByTestId('btn-confirm-no').click();
  });

  it('keeps the tab bar and whole tab labels at 200% zoom in the 300 px sidebar', async () => {
    await s.frame().evaluate(() => {
      document.documentElement.style.zoom = '2';
      window.scrollTo(0, document.body.scrollHeight);
    });
    const layout = await s.frame().evaluate(() => {
      const tabs = [...document.querySelectorAll<HTMLElement>('[role="tab"]')];
      const bar = (document.querySelector('[role="tablist"]') as HTMLElement).getBoundingClientRect();
      return {
        barTop: bar.top,
        cut: tabs.filter((t) => t.scrollWidth > t.clientWidth + 1 || t.scrollHeight > t.clientHeight + 1).length,
        titled: tabs.every((t) => t.title === t.textContent),
        pageScrollsSideways: document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
      };
    });
    await s.shot(`zoom-${lang}`);
    await s.frame().evaluate(() => {
      document.documentElement.style.zoom = '';
    });
    expect(layout).toEqual({ barTop: 0, cut: 0, titled: true, pageScrollsSideways: false });
  });
});
