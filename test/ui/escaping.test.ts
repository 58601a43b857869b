/**
 * @jest-environment jsdom
 *
 * Anything from the database or the library renders as text: the library and data source
 * tabs are rendered in jsdom against a fake google.script.run answering hostile names, and the
 * client code is checked to build no HTML from strings anywhere. Secrets stay masked.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataSourceView, QuerySummary } from '../../src/shared/api-types';
import { textTable } from '../../src/ui/client/dom';
import { createDataSourcesTab } from '../../src/ui/client/views/datasources';
import { createLibraryTab } from '../../src/ui/client/views/library';
import { installFakeServer } from '../helpers/fake-script-run';
import { fakeAppContext, POSTGRES_KIND } from '../helpers/app-context';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';

const QUERY: QuerySummary = {
  id: 'q1',
  name: HOSTILE,
  description: SCRIPT,
  dataSourceId: 'ds1',
  tags: [HOSTILE],
  owner: SCRIPT,
  updatedBy: 'x',
  updatedAt: '2024-01-01T00:00:00Z',
  archived: false,
  lastRun: { at: '2024-01-01T00:00:00Z', ok: false, rows: null, message: SCRIPT },
  schedule: SCRIPT,
};
const SOURCE: DataSourceView = {
  id: 'ds1',
  name: HOSTILE,
  kind: 'postgresql',
  kindLabel: 'PostgreSQL',
  writable: false,
  options: { host: 'db.local', port: 5432, database: 'app', user: 'reader', password: '••••••••' },
  health: { consecutiveFailures: 3, lastError: SCRIPT, lastFailureAt: null, pausedAt: '2024-01-01T00:00:00Z' },
  managedBy: [HOSTILE],
  canManage: true,
};

const context = (errors: string[]) => fakeAppContext({ kinds: [POSTGRES_KIND], dataSources: [SOURCE] }, errors);

const flush = () => new Promise((resolve) => setTimeout(resolve, 5));

function expectNoInjectedMarkup(root: HTMLElement): void {
  expect(root.querySelectorAll('img, script, b, iframe').length).toBe(0);
  expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
}

describe('escaping in the sidebar', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  test('library items show hostile names, tags, owners and run messages as text', async () => {
    const { calls } = installFakeServer({ listQueries: [QUERY] });
    const errors: string[] = [];
    const tab = createLibraryTab(context(errors));
    document.body.appendChild(tab.element);
    await tab.refresh();
    const item = document.querySelector('[data-testid=library-item]') as HTMLElement;
    expect(item.querySelector('.item-name')?.textContent).toBe(HOSTILE);
    expect(item.textContent).toContain(SCRIPT);
    expect(
      (document.querySelector('[data-testid=library-tag] option:last-child') as HTMLOptionElement).textContent,
    ).toBe(HOSTILE);
    expectNoInjectedMarkup(document.body);
    expect(calls[0]).toEqual(['listQueries', { search: undefined, filter: 'all', tag: undefined }]);
    expect(errors).toEqual([]);
  });

  test('the library sends the search text, filter and tag it shows', async () => {
    const { calls } = installFakeServer({ listQueries: [QUERY] });
    const tab = createLibraryTab(context([]));
    document.body.appendChild(tab.element);
    await tab.refresh();
    (document.querySelector('[data-testid=library-search]') as HTMLInputElement).value = ' 売上 ';
    (document.querySelector('[data-testid=library-filter]') as HTMLSelectElement).value = 'archived';
    await tab.refresh();
    expect(calls.at(-1)).toEqual(['listQueries', { search: '売上', filter: 'archived', tag: undefined }]);
  });

  test('data sources: hostile names and errors as text; the password input holds only the mask', async () => {
    const { calls } = installFakeServer({ saveDataSource: SOURCE });
    const errors: string[] = [];
    const tab = createDataSourcesTab(context(errors));
    document.body.appendChild(tab.element);
    tab.render();
    const item = document.querySelector('[data-testid=ds-item]') as HTMLElement;
    expect(item.querySelector('.item-name')?.textContent).toBe(HOSTILE);
    expect(item.textContent).toContain(SCRIPT);
    (item.querySelector('[data-testid=btn-ds-edit]') as HTMLButtonElement).click();
    const password = document.querySelector('[data-testid=ds-field-password]') as HTMLInputElement;
    expect(password.type).toBe('password');
    expect(password.value).toBe('••••••••');
    expectNoInjectedMarkup(document.body);
    (document.querySelector('[data-testid=btn-ds-save]') as HTMLButtonElement).click();
    await flush();
    expect(calls[0]).toEqual([
      'saveDataSource',
      {
        id: 'ds1',
        name: HOSTILE,
        kind: 'postgresql',
        writable: false,
        options: { host: 'db.local', port: 5432, database: 'app', user: 'reader', password: '••••••••' },
      },
    ]);
    expect(errors).toEqual([]);
  });

  test('preview cells with markup are text; NULL is shown as NULL', () => {
    const table = textTable(['<b>col</b>'], [[SCRIPT], [null]], 'preview-table');
    document.body.appendChild(table);
    expect(table.querySelector('th')?.textContent).toBe('<b>col</b>');
    expect([...table.querySelectorAll('td')].map((td) => td.textContent)).toEqual([SCRIPT, 'NULL']);
    expectNoInjectedMarkup(document.body);
  });

  test('no client module builds HTML from strings', () => {
    const dir = path.resolve(__dirname, '../../src/ui/client');
    const files = fs
      .readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      expect({
        file,
        found: source.match(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment/g),
      }).toEqual({ file, found: null });
    }
  });
});
