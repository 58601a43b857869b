/**
 * The sidebar with the keyboard only, in Chromium on the playground: switch tabs with the arrow keys (Home,
 * End); write SQL, preview (Ctrl+Enter), leave the editor (Esc, then Tab), save, write to a tab and copy the
 * link; open a library query over unsaved changes (the confirm comes next to Open with the focus in it, Escape
 * says No and gives the focus back, Yes lands in the editor); edit a data source and test its connection.
 */
import type { Locator } from 'playwright-core';
import { describeBrowser, openSidebar, type SidebarSession } from './sidebar-harness';

jest.setTimeout(60_000);

describeBrowser('the sidebar with the keyboard only', () => {
  let s: SidebarSession;
  const key = (name: string) => s.page.keyboard.press(name);

  /** What has the focus in the sidebar: its test id, "editor" for CodeMirror's content, or the tag name. */
  const focused = () =>
    s.frame().evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return 'body';
      if (el.classList.contains('cm-content')) return 'editor';
      return el.getAttribute('data-testid') ?? el.tagName.toLowerCase();
    });

  /** Presses Tab (or Shift+Tab) until `target` has the focus; fails after `max` presses. */
  const tabTo = async (target: string, options: { back?: boolean; max?: number } = {}) => {
    const seen: string[] = [];
    for (let i = 0; i < (options.max ?? 40); i++) {
      const now = await focused();
      if (now === target) return;
      seen.push(now);
      await key(options.back ? 'Shift+Tab' : 'Tab');
    }
    throw new Error(`Tab never reached ${target}; went through ${seen.join(', ')}`);
  };

  /** Esc (after closing the completion list, which takes an Esc of its own): the next Tab leaves the editor. */
  const escapeEditor = async () => {
    const completion = s.sidebar.locator('.cm-tooltip-autocomplete');
    await s.page.waitForTimeout(300); // the completion list opens a moment after typing
    if (await completion.isVisible()) await key('Escape');
    await completion.waitFor({ state: 'hidden' });
    await key('Escape');
  };

  const inViewport = (locator: Locator) =>
    locator.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });

  beforeAll(async () => {
    s = await openSidebar('en');
    // Entering the sidebar: its first focusable element is the selected tab.
    await s.sidebar.getByTestId('tab-query').focus();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('switches tabs with the arrow keys, Home and End', async () => {
    const selected = () =>
      s.frame().evaluate(() => {
        const tab = document.querySelector('[role="tab"][aria-selected="true"]') as HTMLElement;
        const panel = document.getElementById(tab.getAttribute('aria-controls') ?? '') as HTMLElement;
        return {
          tab: tab.getAttribute('data-testid'),
          panelShown: !panel.hidden,
          focus: document.activeElement === tab,
        };
      });
    expect(await selected()).toEqual({ tab: 'tab-query', panelShown: true, focus: true });
    await key('ArrowRight');
    expect(await selected()).toEqual({ tab: 'tab-library', panelShown: true, focus: true });
    await key('ArrowRight');
    expect(await selected()).toEqual({ tab: 'tab-datasources', panelShown: true, focus: true });
    await key('ArrowRight');
    expect(await selected()).toEqual({ tab: 'tab-query', panelShown: true, focus: true });
    await key('ArrowLeft');
    expect(await selected()).toEqual({ tab: 'tab-datasources', panelShown: true, focus: true });
    await key('Home');
    expect(await selected()).toEqual({ tab: 'tab-query', panelShown: true, focus: true });
    await key('End');
    expect(await selected()).toEqual({ tab: 'tab-datasources', panelShown: true, focus: true });
    await key('Home');
    // Only the selected tab is in the Tab order: Tab leaves the tab bar for the panel.
    await key('Tab');
    expect(await focused()).toBe('btn-new');
  });

  it('writes SQL, previews, leaves the editor, saves, writes to a tab and copies the link', async () => {
    await tabTo('btn-new');
    await key('Enter');
    await tabTo('query-name');
    await s.page.keyboard.type('Plans by keyboard');
    await tabTo('editor');
    // The editor shows how to leave it while it has the focus.
    await expect(s.sidebar.locator('.editor-hint').isVisible()).resolves.toBe(true);
    await s.page.keyboard.type('SELECT code, name FROM demo.plans ORDER BY id');
    await key('Control+Enter');
    await s.sidebar.getByTestId('preview-table').filter({ hasText: 'enterprise' }).waitFor();
    expect(await focused()).toBe('editor');
    // Tab indents in the editor; Esc, then Tab, moves on.
    await escapeEditor();
    await key('Tab');
    expect(await focused()).not.toBe('editor');
    await tabTo('btn-save');
    await key('Enter');
    await s.sidebar.getByTestId('unsaved').waitFor({ state: 'hidden' });
    expect(await focused()).toBe('btn-save');
    await tabTo('btn-write', { back: true });
    await key('Enter');
    await s.sidebar.getByTestId('run-status').filter({ hasText: 'Wrote' }).waitFor();
    expect(await focused()).toBe('btn-write');
    await tabTo('btn-copy-link');
    await key('Enter');
    const link = s.sidebar.getByTestId('link-output');
    await link.waitFor();
    await expect(link.textContent()).resolves.toMatch(/#gid=\d+/);
  });

  it('opens a library query over unsaved changes: the confirm takes the focus, Escape is No, Yes lands in the editor', async () => {
    await tabTo('editor', { back: true });
    await key('Control+End');
    await s.page.keyboard.type(' LIMIT 2');
    await s.sidebar.getByTestId('unsaved').waitFor();
    await escapeEditor();
    await tabTo('tab-query', { back: true });
    await key('ArrowRight');
    await tabTo('library-search');
    await s.page.keyboard.type('Monthly revenue');
    const item = s.sidebar.getByTestId('library-item').filter({ hasText: 'Monthly revenue' });
    await item.waitFor();
    await s.sidebar
      .getByTestId('library-item')
      .filter({ hasNotText: 'Monthly revenue' })
      .first()
      .waitFor({ state: 'detached' });
    const open = item.getByTestId('btn-open');
    await tabTo('btn-open');
    await key('Enter');
    const confirm = item.getByTestId('confirm');
    await confirm.waitFor();
    await expect(confirm.getAttribute('role')).resolves.toBe('alertdialog');
    await expect(confirm.getAttribute('aria-labelledby')).resolves.toMatch(/^confirm-/);
    await expect(inViewport(confirm)).resolves.toBe(true);
    expect(await focused()).toBe('btn-confirm-no');
    await key('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await focused()).toBe('btn-open');
    await expect(open.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await key('Enter');
    await confirm.waitFor();
    await key('Shift+Tab');
    expect(await focused()).toBe('btn-confirm-yes');
    await key('Enter');
    await s.sidebar.getByTestId('panel-query').waitFor({ state: 'visible' });
    expect(await focused()).toBe('editor');
    await expect(s.sidebar.getByTestId('query-name').inputValue()).resolves.toBe('Monthly revenue');
  });

  it('edits a data source and tests its connection', async () => {
    await escapeEditor();
    await tabTo('tab-query', { back: true });
    await key('End');
    await tabTo('btn-ds-edit');
    await key('Enter');
    await s.sidebar.getByTestId('ds-form').waitFor();
    expect(await focused()).toBe('ds-name');
    await tabTo('btn-ds-test');
    await key('Enter');
    const result = s.sidebar.getByTestId('ds-form').getByTestId('ds-test-result');
    await result.waitFor();
    await expect(result.getAttribute('class')).resolves.toContain('success');
    expect(await focused()).toBe('btn-ds-test');
    await tabTo('btn-ds-cancel');
    await key('Enter');
    await s.sidebar.getByTestId('ds-form').waitFor({ state: 'detached' });
    expect(['btn-ds-edit', 'btn-ds-add']).toContain(await focused());
    expect(s.pageErrors).toEqual([]);
  });
});
