/**
 * @jest-environment jsdom
 *
 * The data source form: editing where the connection goes clears the masked password and says
 * to type it again; Test connection sends the form as it is and saves nothing; a user who does
 * not manage a source sees it read-only, with who manages it, and no Save or Delete.
 */
import type { DataSourceView } from '../../src/shared/api-types';
import { createDataSourcesTab } from '../../src/ui/client/views/datasources';
import { installFakeServer } from '../helpers/fake-script-run';
import { fakeAppContext, POSTGRES_KIND } from '../helpers/app-context';

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

const flush = () => new Promise((resolve) => setTimeout(resolve, 5));
const $ = <T extends HTMLElement>(testid: string) => document.querySelector(`[data-testid=${testid}]`) as T;

function openForm(source: DataSourceView): void {
  const tab = createDataSourcesTab(fakeAppContext({ kinds: [POSTGRES_KIND], dataSources: [source] }));
  document.body.appendChild(tab.element);
  tab.render();
  $('btn-ds-edit').click();
}

afterEach(() => document.body.replaceChildren());

test('editing the host clears the masked password and asks for it again', () => {
  installFakeServer({});
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
  const { calls } = installFakeServer({ testDataSource: result });
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
  installFakeServer({});
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
