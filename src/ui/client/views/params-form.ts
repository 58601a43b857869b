/**
 * The parameters form under the editor: one typed input per `{{ name }}` in the SQL, and a
 * small settings panel per parameter (param-settings.ts). Redrawn only
 * when the set of parameters changes, so typing in the editor never steals focus.
 */
import type { ParameterDef, ParameterValues, QuerySummary } from '../../../shared/api-types';
import { call } from '../api';
import { h, replace } from '../dom';
import { getLang, t } from '../i18n';
import { RELATIVE_DATES, RELATIVE_DATETIMES, RELATIVE_RANGES, checkValue, initialValue } from '../params';
import { createParamSettings } from './param-settings';

export interface ParamsForm {
  element: HTMLElement;
  /** Shows these definitions (keeps typed values of names still present). */
  setDefinitions(defs: ParameterDef[]): void;
  definitions(): ParameterDef[];
  values(): ParameterValues;
  /** The first problem as a message, or null when every value looks right. */
  problem(): string | null;
  /** The inputs of the parameter with the first problem (none when every value looks right). */
  problemInputs(): HTMLElement[];
  /** Forgets typed values (a different query was opened). */
  reset(): void;
}

export function createParamsForm(options: {
  onDefinitionsChange: (defs: ParameterDef[]) => void;
  listQueries: () => QuerySummary[];
}): ParamsForm {
  const element = h('div', { class: 'params block', testid: 'params-form' });
  let defs: ParameterDef[] = [];
  let values: ParameterValues = {};
  const listCache = new Map<string, string[]>();

  const setValue = (name: string, value: string | string[]) => {
    values[name] = value;
  };

  const updateDefinition = (name: string, change: Partial<ParameterDef>) => {
    defs = defs.map((d) => (d.name === name ? { ...d, ...change } : d));
    if (change.type) delete values[name];
    options.onDefinitionsChange(defs);
    render();
  };

  const datalist = (id: string, choices: string[]) =>
    h('datalist', { attrs: { id } }, ...choices.map((c) => h('option', { props: { value: c } })));

  const textInput = (
    name: string,
    testid: string,
    value: string,
    extra: { type?: string; placeholder?: string; list?: string } = {},
  ) =>
    h('input', {
      testid,
      attrs: { type: extra.type ?? 'text', placeholder: extra.placeholder, list: extra.list, 'aria-label': name },
      props: { value },
      on: { input: (e) => setValue(name, (e.target as HTMLInputElement).value) },
    });

  const listInput = (def: ParameterDef, current: string | string[]) => {
    const chosen = new Set(Array.isArray(current) ? current : [current]);
    const select = h('select', {
      testid: `param-${def.name}`,
      attrs: { 'aria-label': def.name },
      props: { multiple: Boolean(def.multi) },
      on: {
        change: (e) => {
          const picked = [...(e.target as HTMLSelectElement).selectedOptions].map((o) => o.value);
          setValue(def.name, def.multi ? picked : (picked[0] ?? ''));
        },
      },
    });
    const fill = (choices: string[]) => {
      replace(
        select,
        ...(def.multi ? [] : [h('option', { props: { value: '' } }, '')]),
        ...choices.map((c) => h('option', { props: { value: c, selected: chosen.has(c) } }, c)),
      );
    };
    if (def.optionsQueryId) {
      const cached = listCache.get(def.optionsQueryId);
      if (cached) fill(cached);
      else {
        fill([]);
        call('listParameterOptions', { queryId: def.optionsQueryId, parameter: def.name })
          .then(({ options: choices }) => {
            listCache.set(def.optionsQueryId as string, choices);
            fill(choices);
          })
          .catch((error: unknown) => {
            const detail = error instanceof Error ? error.message : String(error);
            select.after(h('div', { class: 'error' }, t('param.optionsFailed', { name: def.name, detail })));
          });
      }
    } else fill(def.options ?? []);
    return select;
  };

  const inputFor = (def: ParameterDef): HTMLElement => {
    const current = values[def.name] ?? initialValue(def);
    values[def.name] = current;
    const single = Array.isArray(current) ? (current[0] ?? '') : current;
    switch (def.type) {
      case 'number':
        return textInput(def.name, `param-${def.name}`, single, { type: 'number' });
      case 'date':
        return textInput(def.name, `param-${def.name}`, single, {
          placeholder: t('param.datePlaceholder'),
          list: 'sd-relative-dates',
        });
      case 'datetime':
        return textInput(def.name, `param-${def.name}`, single, {
          placeholder: t('param.datetimePlaceholder'),
          list: 'sd-relative-datetimes',
        });
      case 'daterange': {
        const range = Array.isArray(current) ? [...current] : [current, ''];
        values[def.name] = range;
        const half = (index: 0 | 1, suffix: 'start' | 'end') =>
          h('input', {
            testid: `param-${def.name}-${suffix}`,
            attrs: {
              type: 'text',
              list: suffix === 'start' ? 'sd-relative-ranges' : 'sd-relative-dates',
              placeholder: t(suffix === 'start' ? 'param.rangePlaceholder' : 'param.datePlaceholder'),
              'aria-label': `${def.name}.${suffix}`,
            },
            props: { value: range[index] ?? '' },
            on: { input: (e) => ((values[def.name] as string[])[index] = (e.target as HTMLInputElement).value) },
          });
        return h(
          'div',
          { class: 'range' },
          h('label', {}, t('param.start'), half(0, 'start')),
          h('label', {}, t('param.end'), half(1, 'end')),
        );
      }
      case 'list':
        return listInput(def, current);
      case 'cell':
        return textInput(def.name, `param-${def.name}`, single, { placeholder: t('param.cellPlaceholder') });
      default:
        return textInput(def.name, `param-${def.name}`, single);
    }
  };

  const render = () => {
    if (defs.length === 0) return replace(element);
    replace(
      element,
      h('div', { class: 'section-title' }, t('param.title')),
      datalist('sd-relative-dates', RELATIVE_DATES[getLang()]),
      datalist('sd-relative-datetimes', RELATIVE_DATETIMES[getLang()]),
      datalist('sd-relative-ranges', [...RELATIVE_RANGES[getLang()], ...RELATIVE_DATES[getLang()]]),
      ...defs.map((def) => {
        const settings = createParamSettings(def, { update: updateDefinition, listQueries: options.listQueries });
        const head = h(
          'div',
          { class: 'param-head' },
          h('span', { class: 'param-name' }, def.label || def.name),
          settings,
        );
        return h('div', { class: 'param', attrs: { 'data-param': def.name } }, head, inputFor(def));
      }),
    );
  };

  return {
    element,
    setDefinitions(next) {
      const sameShape =
        next.length === defs.length && next.every((d, i) => JSON.stringify(d) === JSON.stringify(defs[i]));
      defs = next;
      if (!sameShape) render();
    },
    definitions: () => defs,
    values: () => ({ ...values }),
    problem() {
      for (const def of defs) {
        const problem = checkValue(def, values[def.name] ?? initialValue(def));
        if (problem) return t(problem, { name: def.label || def.name });
      }
      return null;
    },
    problemInputs() {
      const def = defs.find((d) => checkValue(d, values[d.name] ?? initialValue(d)));
      if (!def) return [];
      return [...element.querySelectorAll<HTMLElement>('input, select, textarea')].filter((input) =>
        new RegExp(`^param-${def.name}(-|$)`).test(input.getAttribute('data-testid') ?? ''),
      );
    },
    reset() {
      values = {};
      render();
    },
  };
}
