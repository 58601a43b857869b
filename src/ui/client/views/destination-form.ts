/**
 * The add/edit form of an alert destination, generated from the kind's fields: Save, "Send test"
 * of the form as it is (nothing saved; the outcome shown in words), Close. Secret fields only ever
 * hold the server's mask; editing where messages go clears the mask, since the server keeps a
 * secret only for its own target. A user who does not manage the destination sees it read-only.
 */
import type { DestinationKindView, DestinationView, TestDestinationInput } from '../../../shared/api-types';
import { call } from '../api';
import { messageOf } from '../context';
import { h, replace, show } from '../dom';
import { t } from '../i18n';
import { credentialForm, type OptionValue } from './credential-form';

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
  const form = credentialForm({
    ids: {
      form: 'dest-form',
      kind: 'dest-kind',
      name: 'dest-name',
      field: 'dest-field-',
      secretKept: 'dest-secret-kept',
      secretCleared: 'dest-secret-cleared',
      readOnly: 'dest-read-only',
    },
    kinds: deps.kinds,
    stored: destination,
    texts: {
      title: destination ? t('dest.editTitle', { name: destination.name }) : t('dest.newTitle'),
      kind: t('dest.kind'),
      name: t('dest.name'),
      secretKept: t('dest.secretKept'),
      secretCleared: t('dest.secretCleared'),
      readOnly: (managers) => t('dest.readOnlyForm', { managers }),
    },
    hideNoteOnKindChange: true,
  });
  const { result } = form;
  let savedId = destination?.id;

  function collect(): { id?: string; name: string; kind: string; options: Record<string, OptionValue> } {
    return { id: savedId, name: form.nameInput.value.trim(), kind: form.kindId(), options: form.options() };
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
  show(saveButton, !form.readOnly);
  const closeButton = h('button', { testid: 'btn-dest-cancel', on: { click: deps.close } }, t('common.close'));
  return form.layout([], [saveButton, testButton, closeButton]);
}
