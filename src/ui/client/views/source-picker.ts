/** The Query tab's data source picker: a select of the sources (name and kind), or a hint to add one. */
import type { DataSourceView } from '../../../shared/api-types';
import { h, replace, show } from '../dom';
import { t } from '../i18n';

export interface SourcePicker {
  element: HTMLElement;
  /** Lists the sources with `selectedId` chosen. */
  fill(sources: DataSourceView[], selectedId: string): void;
}

export function createSourcePicker(onChange: (id: string) => void): SourcePicker {
  const select = h('select', {
    testid: 'ds-select',
    attrs: { 'aria-label': t('query.dataSource') },
    on: { change: () => onChange(select.value) },
  });
  const none = h('div', { class: 'gray' }, t('query.noDataSource'));
  const element = h('div', { class: 'block' }, h('label', {}, t('query.dataSource'), select), none);
  return {
    element,
    fill(sources, selectedId) {
      const option = (s: DataSourceView) =>
        h('option', { props: { value: s.id, selected: s.id === selectedId } }, `${s.name} (${s.kindLabel})`);
      replace(select, ...sources.map(option));
      show(none, sources.length === 0);
    },
  };
}
