/**
 * The Query tab's table list: the data source's tables and columns (folded), loaded once per
 * source and cached in the shared state, refreshed on request; a click inserts a table name.
 */
import type { SchemaView } from '../../../shared/api-types';
import { call } from '../api';
import type { AppContext } from '../context';
import { messageOf } from '../context';
import { h, replace } from '../dom';
import { t, tParts } from '../i18n';
import { relativeTime } from '../relative-time';

type TableView = SchemaView['tables'][number];

export interface SchemaBrowser {
  /** The "↻ Tables" button for the editor's toolbar. */
  refreshButton: HTMLButtonElement;
  element: HTMLElement;
  /** Shows the cached schema of the current source. */
  render(): void;
  /** Loads the current source's schema (again when `refresh`); `loaded` is called when it arrives. */
  load(refresh: boolean): Promise<void>;
}

export interface SchemaBrowserOptions {
  ctx: AppContext;
  dataSourceId(): string;
  insert(text: string): void;
  /** The schema of the current source arrived (the editor's completion follows it). */
  loaded(): void;
}

export function createSchemaBrowser(options: SchemaBrowserOptions): SchemaBrowser {
  const { ctx } = options;
  const element = h('details', { class: 'schema', testid: 'schema-browser' });
  const refreshButton = h(
    'button',
    {
      class: 'small',
      testid: 'btn-schema-refresh',
      attrs: { title: t('query.schemaRefresh') },
      on: { click: () => void load(true) },
    },
    `↻ ${t('query.schema')}`,
  );

  const tableItem = (table: TableView) => {
    const qualified = table.schema && table.schema !== 'public' ? `${table.schema}.${table.name}` : table.name;
    const title = table.columns.map((c) => `${c.name} ${c.type}`).join('\n');
    const insert = (event: MouseEvent) => {
      event.preventDefault();
      options.insert(qualified);
    };
    return h(
      'li',
      {},
      h('a', { attrs: { href: '#', title }, on: { click: insert } }, qualified),
      h('span', { class: 'gray' }, ` ${table.columns.map((c) => c.name).join(', ')}`),
    );
  };

  const render = () => {
    const schema: SchemaView | undefined = ctx.state.schemas.get(options.dataSourceId());
    if (!schema) return replace(element, h('summary', {}, t('query.schema')));
    const vars = { tables: schema.tables.length, at: relativeTime(schema.cachedAt) };
    replace(
      element,
      h('summary', {}, ...tParts<Node>('query.schemaCount', vars)),
      h('ul', { class: 'schema-list' }, ...schema.tables.map(tableItem)),
    );
  };

  async function load(refresh: boolean): Promise<void> {
    const dataSourceId = options.dataSourceId();
    if (!dataSourceId) return;
    if (!refresh && ctx.state.schemas.has(dataSourceId)) return options.loaded();
    refreshButton.disabled = true;
    try {
      ctx.state.schemas.set(dataSourceId, await call('getSchema', { dataSourceId, refresh }));
      if (dataSourceId === options.dataSourceId()) options.loaded();
    } catch (error) {
      if (refresh) ctx.showError(messageOf(error));
    } finally {
      refreshButton.disabled = false;
    }
  }

  return { refreshButton, element, render, load };
}
