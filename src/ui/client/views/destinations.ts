/**
 * The Destinations section of the Data sources tab: where alerts send their messages. The list
 * (kind, who manages it) with Edit / View, "Send test" and Delete (after an inline confirmation),
 * and the add/edit form (destination-form.ts). Loaded the first time the tab is opened.
 */
import type { DestinationKindView, DestinationView } from '../../../shared/api-types';
import { call } from '../api';
import { messageOf } from '../context';
import { confirmInline, h, replace } from '../dom';
import { t } from '../i18n';
import { destinationForm, runTest } from './destination-form';

export interface DestinationsSection {
  element: HTMLElement;
  /** Loads the kinds (once) and the destinations, and shows them. */
  load(): Promise<void>;
}

export function createDestinationsSection(deps: { showError(message: string | null): void }): DestinationsSection {
  let kinds: DestinationKindView[] = [];
  let destinations: DestinationView[] = [];
  const list = h('ul', { class: 'ds-list', testid: 'dest-list', attrs: { 'aria-labelledby': 'dest-title' } });
  const formBox = h('div');
  const addButton = h(
    'button',
    { class: 'action', testid: 'btn-dest-add', on: { click: () => openForm(null) } },
    `+ ${t('dest.add')}`,
  );
  const element = h(
    'section',
    { class: 'block', testid: 'dest-section' },
    h('h2', { class: 'section-title', attrs: { id: 'dest-title' } }, t('dest.title')),
    h('div', { class: 'gray' }, t('dest.intro')),
    list,
    h('div', { class: 'block' }, addButton),
    formBox,
  );

  async function load(): Promise<void> {
    try {
      if (kinds.length === 0) kinds = await call('listDestinationKinds');
      destinations = await call('listDestinations');
    } catch (error) {
      deps.showError(messageOf(error));
    }
    render();
  }

  function render(): void {
    if (destinations.length === 0) {
      replace(list, h('li', { class: 'gray empty' }, t('dest.empty')));
      return;
    }
    replace(list, ...destinations.map(item));
  }

  function item(destination: DestinationView): HTMLElement {
    const result = h('div', { class: 'test-result', attrs: { role: 'status', 'aria-live': 'polite' } });
    const managers = destination.managedBy.join(', ');
    const row: HTMLElement = h(
      'li',
      { class: 'ds-item', testid: 'dest-item', attrs: { 'data-dest-id': destination.id } },
      h('div', { class: 'item-name' }, destination.name),
      h('div', { class: 'gray' }, destination.kindLabel),
      h('div', { class: 'gray' }, managers ? t('dest.managedBy', { managers }) : t('dest.managedByNobody')),
      h(
        'div',
        { class: 'buttons' },
        h(
          'button',
          { class: 'small', testid: 'btn-dest-edit', on: { click: () => openForm(destination) } },
          destination.canManage ? t('dest.edit') : t('dest.view'),
        ),
        h(
          'button',
          {
            class: 'small',
            testid: 'btn-dest-test-item',
            attrs: { 'aria-label': t('dest.testNamed', { name: destination.name }) },
            on: { click: () => void testStored(destination.id, result) },
          },
          t('dest.test'),
        ),
        destination.canManage
          ? h(
              'button',
              { class: 'small', testid: 'btn-dest-delete', on: { click: () => void remove(destination, row) } },
              t('dest.delete'),
            )
          : null,
      ),
      result,
    );
    return row;
  }

  async function testStored(id: string, output: HTMLElement): Promise<void> {
    replace(output, h('span', { class: 'gray' }, t('dest.sending')));
    replace(output, await runTest({ id }));
  }

  async function remove(destination: DestinationView, row: HTMLElement): Promise<void> {
    const question = t('dest.deleteConfirm', { name: destination.name });
    if (!(await confirmInline(row, question, t('dest.delete'), t('common.cancel')))) return;
    deps.showError(null);
    try {
      await call('deleteDestination', { id: destination.id });
      replace(formBox);
      await load();
    } catch (error) {
      deps.showError(messageOf(error));
    }
  }

  function openForm(destination: DestinationView | null): void {
    deps.showError(null);
    const form = destinationForm(destination, {
      kinds,
      showError: deps.showError,
      saved: load,
      close: () => replace(formBox),
    });
    replace(formBox, form);
    formBox.scrollIntoView?.({ block: 'start' });
    form.querySelector<HTMLInputElement>('[data-testid=dest-name]')?.focus();
  }

  return { element, load };
}
