/**
 * The Query tab's Alerts section, for a saved query (an unsaved one is told to save first): its
 * alerts, each with a state badge, pending and undelivered counts and a muted marker; the
 * one-click "Alert when this query returns rows"; Add / Edit through the alert form; and "Open
 * alert history". Loaded when a query is opened; focus never drops to the page after a save,
 * delete or close (it goes to the saved alert, the Add button, or back where the form was opened).
 */
import type { AlertView, DestinationView } from '../../../shared/api-types';
import { call } from '../api';
import type { AppContext } from '../context';
import { messageOf } from '../context';
import { h, replace, show } from '../dom';
import { t, tParts } from '../i18n';
import { relativeTime } from '../relative-time';
import { alertForm } from './alert-form';
import { createAlertHistoryButton } from './alert-history';
import { badgeStateOf, checkBadge } from './check-badge';

export interface AlertsSection {
  element: HTMLElement;
  /** The saved query shown in the editor (its alerts are listed), or null for an unsaved one. */
  setQuery(query: { id: string; name: string } | null): void;
  /** Lists the alerts again (after a run changed their states). */
  refresh(): Promise<void>;
}

/** The condition in short: "count > 0", "max(amount) >= 100". */
export function conditionText(alert: AlertView): string {
  const c = alert.condition;
  const subject = c.selector === 'count' ? 'count' : `${c.selector}(${c.column})`;
  return `${subject} ${c.op} ${c.value}`;
}

export function createAlertsSection(ctx: AppContext, columns: () => string[]): AlertsSection {
  let query: { id: string; name: string } | null = null;
  let alerts: AlertView[] = [];
  let requestNumber = 0;
  /** A one-click check is being added (a second click must not add another). */
  let adding = false;

  const titleId = 'alerts-title';
  const list = h('ul', { class: 'alert-list', testid: 'alerts-list', attrs: { 'aria-labelledby': titleId } });
  const unsavedNote = h('div', { class: 'gray', testid: 'alerts-unsaved' }, t('alerts.saveFirst'));
  const status = h('div', { class: 'test-result', testid: 'alerts-status', attrs: { role: 'status' } });
  const formBox = h('div');
  const rowsCheck = h(
    'button',
    { class: 'action', testid: 'btn-alert-rows-check', on: { click: () => void addRowsCheck() } },
    t('alerts.rowsCheck'),
  );
  const addButton = h(
    'button',
    { testid: 'btn-alert-add', on: { click: () => void openForm(null, addButton) } },
    `+ ${t('alerts.add')}`,
  );
  const savedOnly = h(
    'div',
    {},
    list,
    h('div', { class: 'buttons' }, rowsCheck, addButton),
    status,
    formBox,
    createAlertHistoryButton('btn-alert-history'),
  );
  const element = h(
    'section',
    { class: 'block alerts', testid: 'alerts-section', attrs: { 'aria-labelledby': titleId } },
    h('h2', { class: 'section-title', attrs: { id: titleId } }, t('alerts.title')),
    unsavedNote,
    savedOnly,
  );

  function render(): void {
    if (alerts.length === 0) replace(list, h('li', { class: 'gray empty' }, t('alerts.empty')));
    else replace(list, ...alerts.map(item));
  }

  function item(alert: AlertView): HTMLElement {
    const s = alert.status;
    const edit: HTMLButtonElement = h(
      'button',
      {
        class: 'small',
        testid: 'btn-alert-edit',
        attrs: { 'aria-label': t('alerts.editNamed', { name: alert.name }) },
        on: { click: () => void openForm(alert, edit) },
      },
      t('alerts.edit'),
    );
    return h(
      'li',
      { class: 'alert-item', testid: 'alert-item', attrs: { 'data-alert-id': alert.id } },
      h(
        'div',
        { class: 'item-name' },
        alert.name,
        alert.muted
          ? h('span', { class: 'muted-marker', testid: 'alert-muted-marker' }, t('alerts.mutedMarker'))
          : null,
      ),
      h('div', {}, checkBadge(badgeStateOf(s), s.text, 'alert-state')),
      s.evaluatedAt
        ? h('div', { class: 'gray' }, ...tParts<Node>('alerts.evaluatedAt', { at: relativeTime(s.evaluatedAt) }))
        : null,
      h('div', { class: 'gray' }, conditionText(alert)),
      s.pending > 0
        ? h(
            'div',
            { class: 'warning', testid: 'alert-pending-count' },
            t('alerts.pendingCount', { n: s.pending, of: alert.pendingEvaluations }),
          )
        : null,
      s.undelivered > 0
        ? h('div', { class: 'warning', testid: 'alert-undelivered' }, t('alerts.undelivered', { n: s.undelivered }))
        : null,
      alert.destinations.length === 0
        ? h('div', { class: 'warning', testid: 'alert-no-destination' }, t('alerts.noDestinationChosen'))
        : null,
      h('div', { class: 'buttons' }, edit),
    );
  }

  async function refresh(): Promise<void> {
    const current = query;
    const mine = ++requestNumber;
    if (!current) return;
    replace(list, h('li', { class: 'gray empty' }, t('common.loading')));
    try {
      const answer = await call('listAlerts', { queryId: current.id });
      if (mine !== requestNumber) return; // another query was opened meanwhile
      alerts = answer;
      render();
    } catch (error) {
      if (mine !== requestNumber) return;
      alerts = [];
      replace(list, h('li', { class: 'error empty', testid: 'alerts-error' }, messageOf(error)));
    }
  }

  function setQuery(next: { id: string; name: string } | null): void {
    const same = next !== null && query?.id === next.id;
    query = next;
    show(unsavedNote, next === null);
    show(savedOnly, next !== null);
    if (same) return;
    replace(formBox);
    replace(status);
    alerts = [];
    if (next) void refresh();
    else requestNumber++;
  }

  async function listDestinations(): Promise<DestinationView[] | null> {
    try {
      return await call('listDestinations');
    } catch (error) {
      ctx.showError(messageOf(error));
      return null;
    }
  }

  function upsert(view: AlertView): void {
    const at = alerts.findIndex((a) => a.id === view.id);
    if (at >= 0) alerts[at] = view;
    else alerts.push(view);
    render();
  }

  /** The Edit button of the alert `id` in the list. */
  function editButtonOf(id: string): HTMLButtonElement | null {
    const rows = [...list.querySelectorAll<HTMLElement>('[data-testid=alert-item]')];
    const row = rows.find((r) => r.dataset.alertId === id);
    return row?.querySelector<HTMLButtonElement>('[data-testid=btn-alert-edit]') ?? null;
  }

  async function openForm(alert: AlertView | null, opener: HTMLElement, hint = false): Promise<void> {
    const current = query;
    if (!current) return;
    ctx.showError(null);
    if (!hint) replace(status);
    const destinations = await listDestinations();
    if (query !== current) return;
    const form = alertForm(alert, {
      queryId: current.id,
      queryName: current.name,
      columns: columns(),
      destinations,
      chooseDestinationHint: hint,
      showError: ctx.showError,
      saved(view) {
        replace(formBox);
        upsert(view);
        replace(status, h('span', { class: 'success' }, t('alerts.saved', { name: view.name })));
        editButtonOf(view.id)?.focus();
      },
      deleted(view) {
        replace(formBox);
        alerts = alerts.filter((a) => a.id !== view.id);
        render();
        replace(status, h('span', { class: 'success' }, t('alerts.deleted', { name: view.name })));
        addButton.focus();
      },
      close() {
        replace(formBox);
        if (opener.isConnected) opener.focus();
        else addButton.focus();
      },
      openDestinations() {
        ctx.selectTab('datasources');
        document.querySelector<HTMLElement>('[data-testid=btn-dest-add]')?.focus();
      },
      reloadDestinations: listDestinations,
    });
    replace(formBox, form.element);
    form.element.scrollIntoView?.({ block: 'start' });
    form.focusStart();
  }

  async function addRowsCheck(): Promise<void> {
    const current = query;
    if (!current || adding) return;
    adding = true;
    rowsCheck.setAttribute('aria-disabled', 'true');
    ctx.showError(null);
    replace(status, h('span', { class: 'gray' }, t('alerts.adding')));
    try {
      const view = await call('addRowsCheck', { queryId: current.id });
      if (query !== current) return;
      upsert(view);
      if (view.destinations.length === 0) {
        replace(status, h('span', { class: 'warning' }, t('alerts.addedNoDest', { name: view.name })));
        await openForm(view, editButtonOf(view.id) ?? rowsCheck, true);
      } else {
        replace(status, h('span', { class: 'success' }, t('alerts.added', { name: view.name })));
      }
    } catch (error) {
      replace(status);
      ctx.showError(messageOf(error));
    } finally {
      adding = false;
      rowsCheck.removeAttribute('aria-disabled');
    }
  }

  setQuery(null);
  return { element, setQuery, refresh };
}
