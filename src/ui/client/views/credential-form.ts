/**
 * What the data source form and the alert destination form share: the kind select, the name, the
 * fields box built from the chosen kind's FieldView list, the masked-secret handling (moving a
 * non-secret field clears a masked secret and says so, since the server keeps a secret only for
 * its own target), the options as typed, the status line and the layout, read-only for a user
 * who cannot manage the item. Each form keeps its texts, its test ids, its Save
 * and Test and its extra fields.
 */
import { type FieldView, SECRET_MASK } from '../../../shared/api-types';
import { h, replace, show } from '../dom';

export type OptionValue = string | number | boolean | undefined;

/** A data source or destination as the server sent it: secret options hold the mask. */
export interface StoredCredentials {
  name: string;
  kind: string;
  options: Record<string, OptionValue>;
  managedBy: string[];
  canManage: boolean;
}

type Kind = { id: string; label: string; fields: FieldView[] };

export interface CredentialFormSpec {
  /** The test ids, written out where each form is made so that a search for one finds it. */
  ids: {
    form: string;
    kind: string;
    name: string;
    /** Followed by the field's name. */
    field: string;
    secretKept: string;
    secretCleared: string;
    readOnly: string;
  };
  kinds: Kind[];
  /** The item edited, or null for a new one. */
  stored: StoredCredentials | null;
  texts: {
    title: string;
    kind: string;
    name: string;
    secretKept: string;
    secretCleared: string;
    readOnly(managers: string): string;
  };
  /** Choosing another kind hides the secret-cleared note (the destination form does). */
  hideNoteOnKindChange?: boolean;
}

export interface CredentialForm {
  readOnly: boolean;
  nameInput: HTMLInputElement;
  /** The status line of Save and Test, announced to screen readers. */
  result: HTMLElement;
  kindId(): string;
  /** The chosen kind's options as typed (a number field left empty is undefined). */
  options(): Record<string, OptionValue>;
  /** The name and required fields left empty: marked as the problem when a save is refused. */
  emptyRequired(): HTMLElement[];
  /** The form: title, read-only line, kind, name, fields, the note, `extra`, the buttons, the status line. */
  layout(extra: HTMLElement[], buttons: HTMLElement[]): HTMLElement;
}

export function credentialForm(spec: CredentialFormSpec): CredentialForm {
  const { ids, kinds, stored, texts } = spec;
  let kind: Kind | undefined = kinds.find((k) => k.id === stored?.kind) ?? kinds[0];
  const readOnly = stored !== null && !stored.canManage;
  const inputs = new Map<string, HTMLInputElement | HTMLTextAreaElement>();
  const fieldsBox = h('div');
  const result = h('div', { class: 'test-result', attrs: { role: 'status', 'aria-live': 'polite' } });
  const secretNote = h('div', { class: 'warning', testid: ids.secretCleared }, texts.secretCleared);
  show(secretNote, false);

  /** Where the connection goes changed: a masked secret would be refused for it, so clear it. */
  function targetEdited(): void {
    const values = options();
    const kept = stored?.options ?? {};
    const differs = (f: FieldView) => String(values[f.name] ?? '') !== String(kept[f.name] ?? '');
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
    for (const hint of fieldsBox.querySelectorAll<HTMLElement>(`[data-testid=${ids.secretKept}]`)) hint.hidden = true;
    show(secretNote, true);
  }

  const kindSelect = h(
    'select',
    {
      testid: ids.kind,
      props: { disabled: stored !== null },
      on: {
        change: () => {
          kind = kinds.find((k) => k.id === kindSelect.value);
          if (spec.hideNoteOnKindChange) show(secretNote, false);
          renderFields();
        },
      },
    },
    ...kinds.map((k) => h('option', { props: { value: k.id, selected: k.id === kind?.id } }, k.label)),
  );
  const nameInput = h('input', {
    testid: ids.name,
    attrs: { type: 'text' },
    props: { value: stored?.name ?? '', disabled: readOnly },
  });

  function fieldInput(field: FieldView): HTMLElement {
    const initial: OptionValue = stored && stored.kind === kind?.id ? stored.options[field.name] : field.default;
    const testid = `${ids.field}${field.name}`;
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
    const hint = kept ? h('div', { class: 'gray', testid: ids.secretKept }, texts.secretKept) : null;
    return h('label', {}, field.label + (field.required ? ' *' : ''), input, hint);
  }

  function renderFields(): void {
    inputs.clear();
    replace(fieldsBox, ...(kind?.fields ?? []).map(fieldInput));
  }

  function options(): Record<string, OptionValue> {
    const values: Record<string, OptionValue> = {};
    for (const field of kind?.fields ?? []) {
      const input = inputs.get(field.name);
      if (!input) continue;
      if (field.type === 'checkbox') values[field.name] = (input as HTMLInputElement).checked;
      else if (field.type === 'number')
        values[field.name] = input.value.trim() === '' ? undefined : Number(input.value);
      else values[field.name] = input.value;
    }
    return values;
  }

  function emptyRequired(): HTMLElement[] {
    const fields = (kind?.fields ?? []).filter((f) => f.required && f.type !== 'checkbox');
    const empty = fields.map((f) => inputs.get(f.name)).filter((input) => input && input.value.trim() === '');
    return [...(nameInput.value.trim() === '' ? [nameInput] : []), ...(empty as HTMLElement[])];
  }

  function layout(extra: HTMLElement[], buttons: HTMLElement[]): HTMLElement {
    const managers = stored && stored.managedBy.length > 0 ? stored.managedBy.join(', ') : '—';
    return h(
      'div',
      { class: 'ds-form block', testid: ids.form },
      h('div', { class: 'dialog-title' }, texts.title),
      readOnly ? h('div', { class: 'warning', testid: ids.readOnly }, texts.readOnly(managers)) : null,
      h('label', {}, texts.kind, kindSelect),
      h('label', {}, texts.name, nameInput),
      fieldsBox,
      secretNote,
      ...extra,
      h('div', { class: 'buttons' }, ...buttons),
      result,
    );
  }

  renderFields();
  return { readOnly, nameInput, result, kindId: () => kind?.id ?? '', options, emptyRequired, layout };
}
