/**
 * An AppContext for jsdom tests of the sidebar's tabs: the given kinds and data sources, the
 * errors shown and tabs selected collected in the arrays given, every other callback quiet; and
 * a PostgreSQL kind with the usual connection fields (its password secret).
 */
import type { DataSourceView, KindView } from '../../src/shared/api-types';
import type { AppContext, TabName } from '../../src/ui/client/context';

export const POSTGRES_KIND: KindView = {
  id: 'postgresql',
  label: 'PostgreSQL',
  dialect: 'postgresql',
  fields: [
    { name: 'host', label: 'Host', type: 'text', required: true },
    { name: 'port', label: 'Port', type: 'number' },
    { name: 'database', label: 'Database', type: 'text' },
    { name: 'user', label: 'User', type: 'text' },
    { name: 'password', label: 'Password', type: 'password', secret: true },
  ],
};

export function fakeAppContext(
  state: { kinds: KindView[]; dataSources: DataSourceView[] },
  errors: string[] = [],
  tabs: TabName[] = [],
): AppContext {
  return {
    state: { session: null, kinds: state.kinds, dataSources: state.dataSources, schemas: new Map() },
    showError: (message) => void (message && errors.push(message)),
    selectTab: (tab) => void tabs.push(tab),
    openQuery: async () => true,
    focusEditor: () => undefined,
    reloadDataSources: async () => undefined,
    runsChanged: () => undefined,
    libraryChanged: () => undefined,
  };
}
