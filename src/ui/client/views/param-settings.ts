/**
 * The settings of one query parameter, folded behind a gear: its type, its label, and for a
 * list its fixed options, or the other saved query whose result gives them, and multi-select.
 */
import type { ParameterDef, ParameterType, QuerySummary } from '../../../shared/api-types';
import { h } from '../dom';
import { type MessageKey, t } from '../i18n';
import { PARAMETER_TYPES } from '../params';

export interface ParamSettingsOptions {
  /** Applies a change to the parameter's definition (the form redraws). */
  update(name: string, change: Partial<ParameterDef>): void;
  /** Saved queries a list may take its options from. */
  listQueries(): QuerySummary[];
}

const inputValue = (event: Event) => (event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;

/** The list-only settings: fixed options, or options from another query's result, and multi-select. */
function listSettings(def: ParameterDef, options: ParamSettingsOptions): HTMLElement[] {
  const update = (change: Partial<ParameterDef>) => options.update(def.name, change);
  const fixed = h('textarea', {
    testid: `param-options-${def.name}`,
    attrs: { rows: '3' },
    props: { value: (def.options ?? []).join('\n') },
    on: {
      change: (e) =>
        update({
          options: inputValue(e)
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean),
        }),
    },
  });
  const fromQuery = h(
    'select',
    { on: { change: (e) => update({ optionsQueryId: inputValue(e) || undefined }) } },
    h('option', { props: { value: '' } }, t('param.optionsQueryNone')),
    ...options
      .listQueries()
      .map((q) => h('option', { props: { value: q.id, selected: q.id === def.optionsQueryId } }, q.name)),
  );
  const multi = h('input', {
    attrs: { type: 'checkbox' },
    props: { checked: Boolean(def.multi) },
    on: { change: (e) => update({ multi: (e.target as HTMLInputElement).checked }) },
  });
  return [
    h('label', {}, t('param.options'), fixed),
    h('label', {}, t('param.optionsQuery'), fromQuery),
    h('label', { class: 'inline' }, multi, t('param.multi')),
  ];
}

export function createParamSettings(def: ParameterDef, options: ParamSettingsOptions): HTMLElement {
  const update = (change: Partial<ParameterDef>) => options.update(def.name, change);
  const typeSelect = h(
    'select',
    { testid: `param-type-${def.name}`, on: { change: (e) => update({ type: inputValue(e) as ParameterType }) } },
    ...PARAMETER_TYPES.map((type) =>
      h('option', { props: { value: type, selected: type === def.type } }, t(`param.type.${type}` as MessageKey)),
    ),
  );
  const label = h('input', {
    attrs: { type: 'text' },
    props: { value: def.label ?? '' },
    on: { change: (e) => update({ label: inputValue(e) || undefined }) },
  });
  const title = t('param.settings', { name: def.name });
  return h(
    'details',
    { class: 'param-settings' },
    h('summary', { attrs: { title, 'aria-label': title } }, '⚙'),
    h('label', {}, t('param.type'), typeSelect),
    h('label', {}, t('param.label'), label),
    ...(def.type === 'list' ? listSettings(def, options) : []),
  );
}
