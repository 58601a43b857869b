/**
 * @jest-environment jsdom
 *
 * The data source form: editing where the connection goes clears the masked password and says
 * to type it again; Test connection sends the form as it is and saves nothing; a user who does
 * not manage a source sees it read-only, with who manages it, and no Save or Delete.
 */
import type { ApiMethodName, DataSourceView } from '../../src/shared/api-types';
import type { AppContext } from '../../src/ui/client/context';
import { createDataSourcesTab } from '../../src/ui/client/views/datasources';

const MASK = '••••••••';
const SOURCE: DataSourceView = {
  id: 'ds1',
  name: 'Main DB',
  kind: 'postgresql',
  kindLabel: 'PostgreSQL',
  writable: false,
  options: { host: 'db.local', port: 5432, database: 'app', user: 'reader', password: MASK },
  health: { consecutiveFailures: 0, lastError: null, lastFailureAt: null, pausedAt: null },
  managedBy: ['owner@example.com'],
  canManage: true,
};

type Calls = [ApiMethodName, unknown][];

function fakeServer(answers: Partial<Record<ApiMethodName, unknown>>): Calls {
  const calls: Calls = [];
  const runner = (success: (v: unknown) => void): unknown => ({
    withSuccessHandler: (f: (v: unknown) => void) => runner(f),
    withFailureHandler: () => runner(success),
    sheetdashApi: (method: ApiMethodName, payload: unknown) => {
      calls.push([method, payload]);
      const answer = method in answers ? { ok: true, value: answers[method] } : { ok: false, error: `no ${method}` };
      setTimeout(() => success(answer), 0);
    },
  });
  (window as unknown as { google: unknown }).google = { script: { run: runner(() => undefined) } };
  return calls;
}

function context(source: DataSourceView): AppContext {
  const fields = [
    { name: 'host', label: 'Host', type: 'text' as const, required: true },
    { name: 'port', label: 'Port', type: 'number' as const },
    { name: 'database', label: 'Database', type: 'text' as const },
    { name: 'user', label: 'User', type: 'text' as const },
    { name: 'password', label: 'Password', type: 'password' as const, secret: true },
  ];
  return {
    state: {
      session: null,
      kinds: [{ id: 'postgresql', label: 'PostgreSQL', dialect: 'postgresql', fields }],
      dataSources: [source],
      schemas: new Map(),
    },
    showError: () => undefined,
    selectTab: () => undefined,
    openQuery: async () => true,
    focusEditor: () => undefined,
    reloadDataSources: async () => undefined,
    runsChanged: () => undefined,
    libraryChanged: () => undefined,
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 5));
const $ = <T extends HTMLElement>(testid: string) => document.querySelector(`[data-testid=${testid}]`) as T;

function openForm(source: DataSourceView): void {
  const tab = createDataSourcesTab(context(source));
  document.body.appendChild(tab.element);
  tab.render();
  $('btn-ds-edit').click();
}

afterEach(() => document.body.replaceChildren());

test('editing the host clears the masked password and asks for it again', () => {
  fakeServer({});
  openForm(SOURCE);
  const password = $<HTMLInputElement>('ds-field-password');
  expect(password.value).toBe(MASK);
  expect($('ds-secret-cleared').hidden).toBe(true);
  const host = $<HTMLInputElement>('ds-field-host');
  // Retyping the same host changes nothing.
  host.value = 'db.local';
  host.dispatchEvent(new Event('input'));
  expect(password.value).toBe(MASK);
  host.value = 'evil.example.com';
  host.dispatchEvent(new Event('input'));
  expect(password.value).toBe('');
  expect($('ds-secret-cleared').hidden).toBe(false);
  expect($('ds-secret-cleared').textContent).toMatch(/type the password again/);
});

test('Test connection sends the form as it is and does not save it', async () => {
  const result = { ok: false, message: 'Could not connect', ms: 3 };
  const calls = fakeServer({ testDataSource: result });
  openForm(SOURCE);
  const port = $<HTMLInputElement>('ds-field-port');
  port.value = '6543';
  port.dispatchEvent(new Event('input'));
  $('btn-ds-test').click();
  await flush();
  const options = { host: 'db.local', port: 6543, database: 'app', user: 'reader', password: '' };
  expect(calls).toEqual([['testDataSource', { id: 'ds1', kind: 'postgresql', options }]]);
  expect(document.querySelector('.ds-form [data-testid=ds-test-result]')?.textContent).toBe('Could not connect');
});

test('a user who does not manage the source sees it read-only, with who manages it', () => {
  fakeServer({});
  openForm({ ...SOURCE, canManage: false });
  expect($('ds-managed-by').textContent).toBe('Managed by owner@example.com');
  expect($('btn-ds-delete')).toBeNull();
  expect($('ds-read-only').textContent).toBe(
    'Only owner@example.com can change this data source. You can use it and test the connection.',
  );
  expect($<HTMLInputElement>('ds-field-host').disabled).toBe(true);
  expect($<HTMLInputElement>('ds-writable').disabled).toBe(true);
  expect($('btn-ds-save').hidden).toBe(true);
  expect($<HTMLButtonElement>('btn-ds-test').disabled).toBe(false);
});
