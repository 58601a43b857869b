/**
 * The add/edit form of an alert destination, generated from the kind's fields: Save, "Send test"
 * of the form as it is (nothing saved; the outcome shown in words), Close. Secret fields only ever
 * hold the server's mask; editing where messages go clears the mask, since the server keeps a
 * secret only for its own target. A user who does not manage the destination sees it read-only.
 */
import {
  SECRET_MASK,
  type DestinationKindView,
  type DestinationView,
  type FieldView,
  type TestDestinationInput,
} from '../../../shared/api-types';
import { call } from '../api';
import { messageOf } from '../context';
import { h, replace, show } from '../dom';
import { t } from '../i18n';

type OptionValue = string | number | boolean | undefined;

export interface DestinationFormDeps {
  kinds: DestinationKindView[];
  showError(message: string | null): void;
  /** After a save: the list reloads. */
  saved(): Promise<void>;
  close(): void;
}

/** The outcome of "Send test" as a line, announced to screen readers. */
export function testOutcomeLine(ok: boolean, message: string): HTMLElement {
  const text = ok ? t('dest.testSent', { outcome: message }) : message;
  return h('span', { class: ok ? 'success' : 'error', testid: 'dest-test-result' }, text);
}

/** Sends a test and answers the line to show (a refusal is shown as the error it is). */
export async function runTest(payload: TestDestinationInput): Promise<HTMLElement> {
  try {
    const answer = await call('sendTestDestination', payload);
    return testOutcomeLine(answer.ok, answer.message);
  } catch (error) {
    return testOutcomeLine(false, messageOf(error));
  }
}

export function destinationForm(destination: DestinationView | null, deps: DestinationFormDeps): HTMLElement {
  const kinds = deps.kinds;
  let kind: DestinationKindView | undefined = kinds.find((k) => k.id === destination?.kind) ?? kinds[0];
  let savedId = destination?.id;
  const readOnly = destination !== null && !destination.canManage;
  const inputs = new Map<string, HTMLInputElement | HTMLTextAreaElement>();
  const fieldsBox = h('div');
  const result = h('div', { class: 'test-result', attrs: { role: 'status', 'aria-live': 'polite' } });
  const secretNote = h('div', { class: 'warning', testid: 'dest-secret-cleared' }, t('dest.secretCleared'));
  show(secretNote, false);

  /** Where messages go changed: a masked secret would be refused for it, so clear it. */
  function targetEdited(): void {
    const options = collect().options;
    const stored = destination?.options ?? {};
    const differs = (f: FieldView) => String(options[f.name] ?? '') !== String(stored[f.name] ?? '');
    if (!(kind?.fields ?? []).some((f) => !f.secret && differs(f))) return;
    let cleared = false;
    for (const field of kind?.fields ?? []) {
      const input = inputs.get(field.name);
      if (field.secret && input && input.value === SECRET_MASK) {
        input.value = '';
        cleared = true;
      }
    }
    if (!cleared) return;
    for (const hint of fieldsBox.querySelectorAll<HTMLElement>('[data-testid=dest-secret-kept]')) hint.hidden = true;
    show(secretNote, true);
  }

  const kindSelect = h(
    'select',
    {
      testid: 'dest-kind',
      props: { disabled: destination !== null },
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
    testid: 'dest-name',
    attrs: { type: 'text' },
    props: { value: destination?.name ?? '', disabled: readOnly },
  });

  function fieldInput(field: FieldView): HTMLElement {
    const initial: OptionValue =
      destination && destination.kind === kind?.id ? destination.options[field.name] : field.default;
    const value = initial === undefined || initial === null ? '' : String(initial);
    const testid = `dest-field-${field.name}`;
    const type = field.secret || field.type === 'password' ? 'password' : field.type === 'number' ? 'number' : 'text';
    const input =
      field.type === 'textarea'
        ? h('textarea', { testid, attrs: { rows: '3' }, props: { value, disabled: readOnly } })
        : h('input', {
            testid,
            // A secret input only ever holds the server's mask (or what the user types now).
            attrs: { type, autocomplete: field.secret ? 'new-password' : 'off' },
            props: { value, disabled: readOnly },
          });
    if (!field.secret) input.addEventListener('input', targetEdited);
    inputs.set(field.name, input);
    const kept = field.secret && value !== '';
    const hint = kept ? h('div', { class: 'gray', testid: 'dest-secret-kept' }, t('dest.secretKept')) : null;
    return h('label', {}, field.label + (field.required ? ' *' : ''), input, hint);
  }

  function renderFields(): void {
    inputs.clear();
    show(secretNote, false);
    replace(fieldsBox, ...(kind?.fields ?? []).map(fieldInput));
  }

  function collect(): { id?: string; name: string; kind: string; options: Record<string, OptionValue> } {
    const options: Record<string, OptionValue> = {};
    for (const field of kind?.fields ?? []) {
      const input = inputs.get(field.name);
      if (!input) continue;
      options[field.name] =
        field.type === 'number' ? (input.value.trim() === '' ? undefined : Number(input.value)) : input.value;
    }
    return { id: savedId, name: nameInput.value.trim(), kind: kind?.id ?? '', options };
  }

  async function save(): Promise<void> {
    deps.showError(null);
    saveButton.disabled = true;
    try {
      const view = await call('saveDestination', collect());
      savedId = view.id;
      replace(result, h('span', { class: 'success' }, t('dest.saved', { name: view.name })));
      await deps.saved();
    } catch (error) {
      replace(result);
      deps.showError(messageOf(error));
    }
    saveButton.disabled = false;
  }

  async function test(): Promise<void> {
    // Tests the form as it is, without saving; stored secrets are reused only for an unchanged target.
    testButton.disabled = true;
    deps.showError(null);
    replace(result, h('span', { class: 'gray' }, t('dest.sending')));
    const { id, kind: kindId, options } = collect();
    replace(result, await runTest({ id, kind: kindId, options }));
    testButton.disabled = false;
  }

  const saveButton = h(
    'button',
    { class: 'action', testid: 'btn-dest-save', on: { click: () => void save() } },
    t('dest.save'),
  );
  const testButton = h('button', { testid: 'btn-dest-test', on: { click: () => void test() } }, t('dest.test'));
  show(saveButton, !readOnly);
  renderFields();
  const managers = destination && destination.managedBy.length > 0 ? destination.managedBy.join(', ') : '—';
  return h(
    'div',
    { class: 'ds-form block', testid: 'dest-form' },
    h(
      'div',
      { class: 'dialog-title' },
      destination ? t('dest.editTitle', { name: destination.name }) : t('dest.newTitle'),
    ),
    readOnly ? h('div', { class: 'warning', testid: 'dest-read-only' }, t('dest.readOnlyForm', { managers })) : null,
    h('label', {}, t('dest.kind'), kindSelect),
    h('label', {}, t('dest.name'), nameInput),
    fieldsBox,
    secretNote,
    h(
      'div',
      { class: 'buttons' },
      saveButton,
      testButton,
      h('button', { testid: 'btn-dest-cancel', on: { click: deps.close } }, t('common.close')),
    ),
    result,
  );
}
