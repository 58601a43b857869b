/**
 * The built sidebar page through the real bundle: showSidebar serves dist/Sidebar.html with the
 * client bundle and styles inlined, in the user's language, with no scriptlet left over; and
 * the client libraries stay out of the server bundle Apps Script parses on every execution.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scriptJson } from '../../src/features/sidebar-boot';
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
    expect(scripts[0].length).toBeGreaterThan(30_000);
    // CodeMirror and sql-formatter come as lazily evaluated chunks, not in the script parsed at once.
    expect(scripts[0]).not.toContain('cm-content');
    const editorChunk = sidebar.html.split('<script type="text/plain" data-chunk="editor">')[1] ?? '';
    expect(editorChunk.slice(0, editorChunk.indexOf('</script>'))).toContain('cm-content');
    expect(sidebar.html).toMatch(/<script type="text\/plain" data-chunk="sqlFormat">/);
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

describe('the first view evaluated with the page', () => {
  it('carries session, kinds, data sources and recent runs as safe JSON in the page', () => {
    const { html } = openSidebar('en_US');
    const block = /<script type="application\/json" id="sheetdash-boot">([\s\S]*?)<\/script>/.exec(html);
    expect(block).not.toBeNull();
    const boot = JSON.parse(block?.[1] ?? '');
    expect(boot.session).toEqual(expect.objectContaining({ ok: true }));
    expect(boot.session.value.email).toBe('ann@example.com');
    expect(boot.kinds.ok).toBe(true);
    expect(boot.kinds.value.map((k: { id: string }) => k.id)).toContain('postgresql');
    expect(boot.dataSources).toEqual({ ok: true, value: [] });
    expect(boot.recentRuns).toEqual({ ok: true, value: [] });
  });

  it('escapes what could end or bend the <script> block', () => {
    const hostile = { name: '</script><script>alert(1)</script><!-- & \u2028\u2029 >' };
    const text = scriptJson(hostile);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(hostile);
  });
});
