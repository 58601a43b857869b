/**
 * The built sidebar page through the real bundle: showSidebar serves dist/Sidebar.html with the
 * client bundle and styles inlined, in the user's language, with no scriptlet left over; and
 * the client libraries stay out of the server bundle Apps Script parses on every execution.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundleRuntime, disposeRuntimes } from '../helpers/runtimes';

afterAll(disposeRuntimes);

const DIST = path.resolve(__dirname, '..', '..', 'dist');

function openSidebar(locale: string): { title: string; html: string } {
  const rt = bundleRuntime({ user: { email: 'ann@example.com', locale } });
  const result = rt.run('showSidebar');
  expect(result.error).toBeUndefined();
  const sidebar = rt.spreadsheet._ui().sidebar;
  if (!sidebar) throw new Error('no sidebar shown');
  return sidebar;
}

describe('the sidebar page', () => {
  it.each([
    ['ja_JP', 'ja'],
    ['en_US', 'en'],
  ])('is served to a %s user in %s, with the client inlined', (locale, lang) => {
    const sidebar = openSidebar(locale);
    expect(sidebar.title).toBe('Sheetdash');
    expect(sidebar.html).toContain(`<html lang="${lang}">`);
    expect(sidebar.html).not.toMatch(/<\?|\?>|SHEETDASH_(JS|CSS)/);
    const scripts = [...sidebar.html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(1);
    expect(scripts[0].length).toBeGreaterThan(100_000);
    // The test ids the browser tests rely on are in the bundle.
    const ids = [
      'ds-select',
      'sql-editor',
      'btn-run',
      'btn-write',
      'btn-save',
      'preview-table',
      'error-message',
      'status-line',
      'conflict-dialog',
      'library-item',
      'ds-form',
      'alerts-section',
      'alert-item',
      'alert-state',
      'btn-alert-rows-check',
      'btn-alert-add',
      'btn-alert-edit',
      'alert-form',
      'alert-name',
      'alert-selector',
      'alert-column',
      'alert-op',
      'alert-value',
      'btn-alert-save',
      'btn-alert-delete',
      'btn-alert-preview',
      'btn-alert-history',
      'run-check',
      'item-check',
      'status-check',
    ];
    expect(ids.filter((id) => !scripts[0].includes(`"${id}"`))).toEqual([]);
    expect(sidebar.html).toMatch(/<style>[^<]*\.action\{/);
  });

  it('keeps CodeMirror and sql-formatter out of the server bundle', () => {
    const code = fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8');
    for (const marker of ['@codemirror', 'EditorView', 'formatDialect', 'cm-content', 'sheetdash-client'])
      expect(code).not.toContain(marker);
    const page = fs.readFileSync(path.join(DIST, 'Sidebar.html'), 'utf8');
    expect(page).toContain('cm-content');
  });
});
