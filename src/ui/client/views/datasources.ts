/**
 * The Data sources tab: the list (kind, health, paused reason, who manages it), an add/edit
 * form generated from the kind's field list, Test connection of the form as it is (nothing is
 * saved), and delete after an inline confirmation. Secret fields only ever hold the server's
 * mask; editing where the connection goes clears the mask, since the server keeps a secret only
 * for its own target. Users who do not manage a source see the form read-only.
 */
import {
  SECRET_MASK,
  type DataSourceView,
  type FieldView,
  type KindView,
  type TestDataSourceInput,
  type TestResultView,
} from '../../../shared/api-types';
import { call } from '../api';
import type { AppContext } from '../context';
import { messageOf } from '../context';
import { ago } from '../display';
import { confirmInline, h, replace, show, whileBusy } from '../dom';
import { t } from '../i18n';

type OptionValue = string | number | boolean | undefined;

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
    const kinds = ctx.state.kinds;
    let kind: KindView | undefined = kinds.find((k) => k.id === source?.kind) ?? kinds[0];
    let savedId = source?.id;
    const readOnly = source !== null && !source.canManage;
    const inputs = new Map<string, HTMLInputElement | HTMLTextAreaElement>();
    const fieldsBox = h('div');
    const result = h('div', { class: 'test-result', attrs: { role: 'status', 'aria-live': 'polite' } });
    const secretNote = h('div', { class: 'warning', testid: 'ds-secret-cleared' }, t('ds.secretCleared'));
    show(secretNote, false);

    /** Where the connection goes changed: a masked secret would be refused for it, so clear it. */
    function targetEdited(): void {
      const options = collect().options;
      const stored = source?.options ?? {};
      const differs = (f: FieldView) => String(options[f.name] ?? '') !== String(stored[f.name] ?? '');
      const moved = (kind?.fields ?? []).some((f) => !f.secret && differs(f));
      if (!moved) return;
      let cleared = false;
      for (const field of kind?.fields ?? []) {
        const input = inputs.get(field.name);
        if (field.secret && input && input.value === SECRET_MASK) {
          input.value = '';
          cleared = true;
        }
      }
      if (cleared) {
        for (const hint of fieldsBox.querySelectorAll<HTMLElement>('[data-testid=ds-secret-kept]')) hint.hidden = true;
        show(secretNote, true);
      }
    }

    const kindSelect = h(
      'select',
      {
        testid: 'ds-kind',
        props: { disabled: Boolean(source) },
        on: {
          change: () => {
            kind = kinds.find((k) => k.id === kindSelect.value);
            renderFields();
          },
        },
      },
      ...kinds.map((k) => h('option', { props: { value: k.id, selected: k.id === kind?.id } }, k.label)),
    );
    const nameInput = h('input', {
      testid: 'ds-name',
      attrs: { type: 'text' },
      props: { value: source?.name ?? '', disabled: readOnly },
    });
    const warning = h('div', { class: 'warning' }, t('ds.writableWarning'));
    const writable = h('input', {
      testid: 'ds-writable',
      attrs: { type: 'checkbox' },
      props: { checked: Boolean(source?.writable), disabled: readOnly },
      on: { change: () => show(warning, writable.checked) },
    });
    show(warning, writable.checked);

    function fieldInput(field: FieldView): HTMLElement {
      const initial: OptionValue = source && source.kind === kind?.id ? source.options[field.name] : field.default;
      const testid = `ds-field-${field.name}`;
      if (field.type === 'checkbox') {
        const checked = initial === true || initial === 'true';
        const box = h('input', {
          testid,
          attrs: { type: 'checkbox' },
          props: { checked, disabled: readOnly },
          on: { change: targetEdited },
        });
        inputs.set(field.name, box);
        return h('label', { class: 'inline' }, box, field.label);
      }
      const value = initial === undefined || initial === null ? '' : String(initial);
      const input =
        field.type === 'textarea'
          ? h('textarea', { testid, attrs: { rows: '3' }, props: { value, disabled: readOnly } })
          : h('input', {
              testid,
              // A secret input only ever holds the server's mask (or what the user types now).
              attrs: {
                type:
                  field.secret || field.type === 'password' ? 'password' : field.type === 'number' ? 'number' : 'text',
                autocomplete: field.secret ? 'new-password' : 'off',
              },
              props: { value, disabled: readOnly },
            });
      if (!field.secret) input.addEventListener('input', targetEdited);
      inputs.set(field.name, input);
      const kept = field.secret && value !== '';
      const hint = kept ? h('div', { class: 'gray', testid: 'ds-secret-kept' }, t('ds.secretKept')) : null;
      return h('label', {}, field.label + (field.required ? ' *' : ''), input, hint);
    }

    function renderFields(): void {
      inputs.clear();
      replace(fieldsBox, ...(kind?.fields ?? []).map(fieldInput));
    }

    function collect(): {
      name: string;
      kind: string;
      writable: boolean;
      options: Record<string, OptionValue>;
      id?: string;
    } {
      const options: Record<string, OptionValue> = {};
      for (const field of kind?.fields ?? []) {
        const input = inputs.get(field.name);
        if (!input) continue;
        if (field.type === 'checkbox') options[field.name] = (input as HTMLInputElement).checked;
        else if (field.type === 'number')
          options[field.name] = input.value.trim() === '' ? undefined : Number(input.value);
        else options[field.name] = input.value;
      }
      return { id: savedId, name: nameInput.value.trim(), kind: kind?.id ?? '', writable: writable.checked, options };
    }

    /** The name and required fields left empty: marked as the problem when a save is refused. */
    function emptyRequired(): HTMLElement[] {
      const fields = (kind?.fields ?? []).filter((f) => f.required && f.type !== 'checkbox');
      const empty = fields.map((f) => inputs.get(f.name)).filter((input) => input && input.value.trim() === '');
      return [...(nameInput.value.trim() === '' ? [nameInput] : []), ...(empty as HTMLElement[])];
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
        ctx.showError(messageOf(error), ...emptyRequired());
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

    renderFields();
    replace(
      formBox,
      h(
        'div',
        { class: 'ds-form block', testid: 'ds-form' },
        h('div', { class: 'dialog-title' }, source ? t('ds.editTitle', { name: source.name }) : t('ds.newTitle')),
        readOnly ? readOnlyLine(source) : null,
        h('label', {}, t('ds.kind'), kindSelect),
        h('label', {}, t('ds.name'), nameInput),
        fieldsBox,
        secretNote,
        h('label', { class: 'inline' }, writable, t('ds.writable')),
        warning,
        h(
          'div',
          { class: 'buttons' },
          saveButton,
          testButton,
          h('button', { testid: 'btn-ds-cancel', on: { click: closeForm } }, t('common.close')),
        ),
        result,
      ),
    );
    formBox.scrollIntoView?.({ block: 'start' });
    nameInput.focus();
  }

  return { element, render };
}

function readOnlyLine(source: DataSourceView | null): HTMLElement {
  const managers = source && source.managedBy.length > 0 ? source.managedBy.join(', ') : '—';
  return h('div', { class: 'warning', testid: 'ds-read-only' }, t('ds.readOnlyForm', { managers }));
}
