/**
 * The Data sources tab: the list (kind, health, paused reason, who manages it), an add/edit
 * form generated from the kind's field list, Test connection of the form as it is (nothing is
 * saved), and delete after an inline confirmation. Secret fields only ever hold the server's
 * mask; editing where the connection goes clears the mask, since the server keeps a secret only
 * for its own target. Users who do not manage a source see the form read-only.
 */
import type { DataSourceView, TestDataSourceInput, TestResultView } from '../../../shared/api-types';
import { call } from '../api';
import type { AppContext } from '../context';
import { messageOf } from '../context';
import { ago } from '../display';
import { confirmInline, h, replace, show, whileBusy } from '../dom';
import { t } from '../i18n';
import { credentialForm, type OptionValue } from './credential-form';

export function createDataSourcesTab(ctx: AppContext): { element: HTMLElement; render(): void } {
  const list = h('ul', { class: 'ds-list', testid: 'ds-list' });
  const formBox = h('div');
  const addButton = h(
    'button',
    { class: 'action', testid: 'btn-ds-add', on: { click: () => openForm(null) } },
    `+ ${t('ds.add')}`,
  );
  const element = h(
    'section',
    { class: 'tab-panel', testid: 'panel-datasources' },
    list,
    h('div', { class: 'block' }, addButton),
    formBox,
  );
  /** The last "Test connection" answer per data source: kept across list reloads (a test changes health). */
  type TestAnswer = Pick<TestResultView, 'ok' | 'message' | 'warnings'>;
  const lastTest = new Map<string, TestAnswer>();

  function testResultLine(answer: TestAnswer): HTMLElement {
    const line = h('span', { class: answer.ok ? 'success' : 'error', testid: 'ds-test-result' }, answer.message);
    const warnings = answer.warnings ?? [];
    if (warnings.length === 0) return line;
    return h(
      'div',
      {},
      line,
      ...warnings.map((w) => h('div', { class: 'warning', testid: 'ds-test-warning' }, `⚠ ${w}`)),
    );
  }

  function healthLine(source: DataSourceView): HTMLElement {
    const health = source.health;
    if (health.pausedAt)
      return h(
        'div',
        { class: 'error', testid: 'ds-health' },
        t('ds.healthPaused', { at: ago(health.pausedAt), error: health.lastError ?? '' }),
      );
    if (health.consecutiveFailures > 0)
      return h(
        'div',
        { class: 'warning', testid: 'ds-health' },
        t('ds.healthFailing', { failures: health.consecutiveFailures, error: health.lastError ?? '' }),
      );
    return h('div', { class: 'success', testid: 'ds-health' }, t('ds.healthOk'));
  }

  function render(): void {
    const sources = ctx.state.dataSources;
    if (sources.length === 0) {
      replace(list, h('li', { class: 'gray empty' }, t('ds.empty')));
      return;
    }
    replace(
      list,
      ...sources.map((source) => {
        const result = h('div', { class: 'test-result', attrs: { role: 'status', 'aria-live': 'polite' } });
        const tested = lastTest.get(source.id);
        if (tested) replace(result, testResultLine(tested));
        const row: HTMLElement = h(
          'li',
          { class: 'ds-item', testid: 'ds-item', attrs: { 'data-ds-id': source.id } },
          h('div', { class: 'item-name' }, source.name),
          h('div', { class: 'gray' }, source.kindLabel + (source.writable ? ' · ✎' : '')),
          h('div', { class: 'gray', testid: 'ds-managed-by' }, managedByText(source)),
          healthLine(source),
          h(
            'div',
            { class: 'buttons' },
            h(
              'button',
              { class: 'small', testid: 'btn-ds-edit', on: { click: () => openForm(source) } },
              source.canManage ? t('ds.edit') : t('ds.view'),
            ),
            h(
              'button',
              { class: 'small', testid: 'btn-ds-test-item', on: { click: () => void runTest(source.id, result) } },
              t('ds.test'),
            ),
            source.canManage ? deleteButton(source, () => row) : null,
          ),
          result,
        );
        return row;
      }),
    );
  }

  function managedByText(source: DataSourceView): string {
    if (source.managedBy.length === 0) return t('ds.managedByNobody');
    return t('ds.managedBy', { managers: source.managedBy.join(', ') });
  }

  function deleteButton(source: DataSourceView, row: () => HTMLElement): HTMLElement {
    const click = () => void remove(source, row());
    return h('button', { class: 'small', testid: 'btn-ds-delete', on: { click } }, t('ds.delete'));
  }

  async function runTest(id: string, output: HTMLElement): Promise<void> {
    replace(output, h('span', { class: 'gray' }, t('ds.testing')));
    const answer = await testAnswer({ id });
    lastTest.set(id, answer);
    replace(output, testResultLine(answer));
    await ctx.reloadDataSources();
  }

  async function testAnswer(payload: TestDataSourceInput): Promise<TestAnswer> {
    try {
      const result = await call('testDataSource', payload);
      return { ok: result.ok, message: result.message, warnings: result.warnings };
    } catch (error) {
      return { ok: false, message: messageOf(error) };
    }
  }

  async function remove(source: DataSourceView, row: HTMLElement): Promise<void> {
    if (!(await confirmInline(row, t('ds.deleteConfirm', { name: source.name }), t('ds.delete'), t('common.cancel'))))
      return;
    ctx.showError(null);
    try {
      await call('deleteDataSource', { id: source.id });
      replace(formBox);
      await ctx.reloadDataSources();
    } catch (error) {
      ctx.showError(messageOf(error));
    }
  }

  function openForm(source: DataSourceView | null): void {
    ctx.showError(null);
    // Closing the form gives the focus back to the button that opened it (or Add, when the list was redrawn).
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const closeForm = () => {
      replace(formBox);
      (opener?.isConnected ? opener : addButton).focus();
    };
    const form = credentialForm({
      ids: {
        form: 'ds-form',
        kind: 'ds-kind',
        name: 'ds-name',
        field: 'ds-field-',
        secretKept: 'ds-secret-kept',
        secretCleared: 'ds-secret-cleared',
        readOnly: 'ds-read-only',
      },
      kinds: ctx.state.kinds,
      stored: source,
      texts: {
        title: source ? t('ds.editTitle', { name: source.name }) : t('ds.newTitle'),
        kind: t('ds.kind'),
        name: t('ds.name'),
        secretKept: t('ds.secretKept'),
        secretCleared: t('ds.secretCleared'),
        readOnly: (managers) => t('ds.readOnlyForm', { managers }),
      },
    });
    const { readOnly, result } = form;
    let savedId = source?.id;
    const warning = h('div', { class: 'warning' }, t('ds.writableWarning'));
    const writable = h('input', {
      testid: 'ds-writable',
      attrs: { type: 'checkbox' },
      props: { checked: Boolean(source?.writable), disabled: readOnly },
      on: { change: () => show(warning, writable.checked) },
    });
    show(warning, writable.checked);

    function collect(): {
      name: string;
      kind: string;
      writable: boolean;
      options: Record<string, OptionValue>;
      id?: string;
    } {
      const name = form.nameInput.value.trim();
      return { id: savedId, name, kind: form.kindId(), writable: writable.checked, options: form.options() };
    }

    async function saveForm(): Promise<string | null> {
      ctx.showError(null);
      try {
        const view = await call('saveDataSource', collect());
        savedId = view.id;
        replace(result, h('span', { class: 'success' }, t('ds.saved', { name: view.name })));
        await ctx.reloadDataSources();
        return view.id;
      } catch (error) {
        replace(result);
        ctx.showError(messageOf(error), ...form.emptyRequired());
        return null;
      }
    }

    const saveButton = h(
      'button',
      { class: 'action', testid: 'btn-ds-save', on: { click: () => void saveForm() } },
      t('ds.save'),
    );
    async function testForm(): Promise<void> {
      // Tests the form as it is, without saving it; the stored secrets are reused only for an unchanged target.
      ctx.showError(null);
      replace(result, h('span', { class: 'gray' }, t('ds.testing')));
      const { id, kind: kindId, options } = collect();
      const answer = await whileBusy(testButton, () => testAnswer({ id, kind: kindId, options }));
      replace(result, testResultLine(answer));
      if (id) {
        lastTest.set(id, answer);
        await ctx.reloadDataSources();
      }
    }
    const testButton = h('button', { testid: 'btn-ds-test', on: { click: () => void testForm() } }, t('ds.test'));
    show(saveButton, !readOnly);

    const closeButton = h('button', { testid: 'btn-ds-cancel', on: { click: closeForm } }, t('common.close'));
    const writableLabel = h('label', { class: 'inline' }, writable, t('ds.writable'));
    replace(formBox, form.layout([writableLabel, warning], [saveButton, testButton, closeButton]));
    formBox.scrollIntoView?.({ block: 'start' });
    form.nameInput.focus();
  }

  return { element, render };
}
