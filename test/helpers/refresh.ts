/** A runtime with the built bundle and one saved data source, and a way to refresh SQL into a tab. */
import type { AppsScriptRuntime, RuntimeOptions } from '../../emulator/src/runtime';
import type { RefreshResultView } from '../../src/shared/api-types';
import { api } from './api';
import { JDBC_OPTIONS, type TestDatabase } from './engines';
import { bundleRuntime } from './runtimes';

export interface Setup {
  rt: AppsScriptRuntime;
  dataSourceId: string;
  refresh(sql: string, extra?: Record<string, unknown>): RefreshResultView;
}

export function setupWithDataSource(
  db: TestDatabase,
  options: RuntimeOptions = {},
  source: Record<string, unknown> = {},
): Setup {
  const rt = bundleRuntime({ jdbc: JDBC_OPTIONS, ...options });
  const saved = api(rt, 'saveDataSource', { name: 'Main DB', kind: db.kind, options: db.options, ...source });
  return {
    rt,
    dataSourceId: saved.id,
    refresh: (sql, extra = {}) => api(rt, 'runQueryToTab', { name: 'Result', dataSourceId: saved.id, sql, ...extra }),
  };
}

/** The last execution of the runtime (the one a call just made). */
export function lastExecution(rt: AppsScriptRuntime) {
  return rt.executions[rt.executions.length - 1];
}
