/**
 * Shared data and helpers of the sidebar's alert tests (test/ui/alerts-*.test.ts): a saved query,
 * alerts in each state, destinations, and the Query tab mounted against a fake server.
 */
import type {
  AlertStatusView,
  AlertView,
  DataSourceView,
  DestinationView,
  QueryView,
} from '../../src/shared/api-types';
import type { TabName } from '../../src/ui/client/context';
import { t } from '../../src/ui/client/i18n';
import { createQueryTab } from '../../src/ui/client/views/query';
import { type FakeHandlers, type FakeServer, installFakeServer, until } from '../helpers/fake-script-run';
import { fakeAppContext } from '../helpers/app-context';

// jsdom lays nothing out; CodeMirror measures text ranges, so give them empty boxes.
const noBox = () => ({ x: 0, y: 0, top: 0, left: 0, bottom: 0, right: 0, width: 0, height: 0, toJSON: () => ({}) });
Range.prototype.getClientRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
Range.prototype.getBoundingClientRect = () => noBox() as DOMRect;

export const SOURCE = {
  id: 'ds1',
  name: 'Demo DB',
  kind: 'postgresql',
  kindLabel: 'PostgreSQL',
  writable: false,
  options: {},
  health: { consecutiveFailures: 0, lastError: null, lastFailureAt: null, pausedAt: null },
  managedBy: ['ann@example.com'],
  canManage: true,
} as DataSourceView;
export const KINDS = [{ id: 'postgresql', label: 'PostgreSQL', dialect: 'postgresql' as const, fields: [] }];

export const VIEW: QueryView = {
  id: 'q1',
  name: 'Orders without customer',
  description: '',
  dataSourceId: 'ds1',
  tags: [],
  owner: 'ann@example.com',
  updatedBy: 'ann@example.com',
  updatedAt: '2026-01-01T00:00:00Z',
  archived: false,
  lastRun: null,
  sql: 'SELECT id, amount FROM orders WHERE customer_id IS NULL',
  parameters: [],
  schedule: '',
  version: 1,
  createdBy: 'ann@example.com',
  createdAt: '2026-01-01T00:00:00Z',
  resultLink: null,
};

export const SLACK: DestinationView = {
  id: 'd1',
  name: 'Data alerts',
  kind: 'slack-webhook',
  kindLabel: 'Slack (incoming webhook)',
  options: { url: '••••••••' },
  managedBy: ['ann@example.com'],
  canManage: true,
};
export const HOOK: DestinationView = { ...SLACK, id: 'd2', name: 'Ops hook', kind: 'webhook', kindLabel: 'Webhook' };

const NOT_EVALUATED: AlertStatusView = {
  state: 'unknown',
  value: null,
  text: 'Not evaluated yet',
  evaluatedAt: null,
  changedAt: null,
  pending: 0,
  undelivered: 0,
};

export function alertView(change: Partial<AlertView> = {}, status: Partial<AlertStatusView> = {}): AlertView {
  return {
    id: 'a1',
    queryId: 'q1',
    name: 'Rows found',
    condition: { column: '', op: '>', value: '0', selector: 'count' },
    destinations: ['d1'],
    pendingEvaluations: 1,
    rearm: { mode: 'once' },
    notifyRecovery: true,
    notifyUnknown: true,
    muted: false,
    templates: { triggered: '', recovered: '' },
    createdBy: 'ann@example.com',
    updatedBy: 'ann@example.com',
    updatedAt: '2026-01-01T00:00:00Z',
    ...change,
    status: { ...NOT_EVALUATED, ...status },
  };
}

export const TRIGGERED = alertView(
  { id: 'a1', name: 'Rows found', pendingEvaluations: 3 },
  {
    state: 'triggered',
    value: 12,
    text: 'Triggered: 12 (count > 0)',
    evaluatedAt: '2026-01-02T00:00:00Z',
    undelivered: 2,
  },
);
export const OK = alertView(
  { id: 'a2', name: 'Big orders', condition: { column: 'amount', op: '>=', value: '1000', selector: 'max' } },
  { state: 'ok', value: 40, text: 'OK: 40 (max of amount >= 1000)', evaluatedAt: '2026-01-02T00:00:00Z' },
);
export const UNKNOWN = alertView(
  { id: 'a3', name: 'First id', muted: true, condition: { column: 'id', op: '==', value: 'x', selector: 'first' } },
  {
    state: 'unknown',
    text: 'Unknown: the query failed: connection refused',
    evaluatedAt: '2026-01-02T00:00:00Z',
  },
);
export const FRESH = alertView({ id: 'a4', name: 'Fresh' }, { pending: 1 });

export const $ = <T extends HTMLElement = HTMLElement>(testid: string, root: ParentNode = document) =>
  root.querySelector(`[data-testid="${testid}"]`) as T;
export const $$ = (testid: string, root: ParentNode = document) => [
  ...root.querySelectorAll<HTMLElement>(`[data-testid="${testid}"]`),
];

/** Types into an input or select as a user would (the value, then its event). */
export function set(testid: string, value: string, event = 'input'): void {
  const input = $<HTMLInputElement>(testid);
  input.value = value;
  input.dispatchEvent(new Event(event, { bubbles: true }));
}

export const context = (errors: string[], tabs: TabName[] = []) =>
  fakeAppContext({ kinds: KINDS, dataSources: [SOURCE] }, errors, tabs);

const count = (server: FakeServer, method: string) => server.calls.filter(([m]) => m === method).length;

/** The Query tab with VIEW opened, its alerts listed (from `handlers`, over quiet defaults). */
export async function openQuery(handlers: FakeHandlers, view: QueryView = VIEW) {
  const server = installFakeServer({
    getSchema: new Error('no schema'),
    listDestinations: [SLACK],
    listAlerts: [],
    ...handlers,
  });
  const errors: string[] = [];
  const tabs: TabName[] = [];
  const tab = createQueryTab(context(errors, tabs));
  document.body.appendChild(tab.element);
  tab.load(view);
  await until(() => $('alerts-list').textContent !== t('common.loading'), 'the alerts');
  return { server, errors, tabs, tab, count: (method: string) => count(server, method) };
}

/** Clicks and waits until `ready()` holds. */
export async function clickAndWait(testid: string, ready: () => boolean, what: string): Promise<void> {
  $(testid).click();
  await until(ready, what);
}
