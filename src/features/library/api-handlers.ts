/**
 * API entries of the query library, parameters, schema browser and preview: each reads and
 * checks its payload, then hands off to the feature. Spread into the API object by api.ts.
 */
import type { AlertMethod } from '../alerts/api-handlers';
import { translate } from '../../core/i18n';
import { asPayload, flag, InputError, optionalNumber, text, type Payload } from '../../core/input';
import { UserError } from '../../core/user-error';
import { checkParameterDefs } from '../../core/params/definitions';
import { MAX_CELL_CHARS } from '../../core/values/cell-value';
import type { LibraryFilter } from '../../core/library/search';
import type { ApiMethodName, ParameterDef, ParameterValues } from '../../shared/api-types';
import { type ApiHandlers, NO_PAYLOAD } from '../api-handler';
import { previewQuery, DEFAULT_PREVIEW_ROWS, MAX_PREVIEW_ROWS } from '../preview';
import { getSchema } from '../schema';
import { sessionInfo } from '../session-info';
import {
  forkQuery,
  getQuery,
  listQueries,
  listVersions,
  renameQuery,
  resultLink,
  restoreVersion,
  saveQuery,
  setArchived,
  getStoredQuery,
} from './library';
import { listRecentRuns, runAdhocQuery, runSavedQuery } from './run';
import { readFirstColumn } from './bind-context';
import { DEFAULT_ROW_LIMIT } from '../refresh/refresh';
import type { DestinationMethod } from '../destination-handlers';
import type { ScheduleMethod } from '../schedule/api-handlers';
import type { HealthMethod } from '../health/api-handlers';
import type { DiagnosticsMethod } from '../diagnostics/api-handlers';

const ID_MAX = 100;
const FILTERS: LibraryFilter[] = ['all', 'mine', 'recent', 'archived'];

function id(p: Payload): string {
  return text(p, 'id', { required: true, max: ID_MAX });
}

function parameters(p: Payload): ParameterDef[] {
  const check = checkParameterDefs(p.parameters);
  if (!check.ok) throw new InputError(check.problem.key, check.problem.vars);
  return check.defs;
}

function values(p: Payload): ParameterValues {
  const raw = p.values;
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new InputError('input.record', { key: 'values' });
  // Without a prototype: a value named "__proto__" is a value, not a new prototype.
  const out: ParameterValues = Object.create(null);
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value === 'string') out[name] = value;
    else if (typeof value === 'number') out[name] = String(value);
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
      out[name] = value.map(String);
    else if (value !== null && value !== undefined) throw new InputError('input.textOrList', { key: `values.${name}` });
  }
  return out;
}

function tags(p: Payload): string[] {
  const raw = p.tags;
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || raw.some((t) => typeof t !== 'string' || t.length > 100) || raw.length > 50)
    throw new InputError('input.shortTexts', { key: 'tags' });
  return [...new Set((raw as string[]).map((t) => t.trim()).filter(Boolean))];
}

function version(p: Payload, key: string, required: boolean): number | undefined {
  const v = optionalNumber(p, key, 0, Number.MAX_SAFE_INTEGER);
  if (v === undefined && required) throw new InputError('input.required', { key });
  if (v !== undefined && !Number.isInteger(v)) throw new InputError('input.wholeNumber', { key });
  return v;
}

function requiredVersion(p: Payload, key: string): number {
  const v = version(p, key, true);
  if (v === undefined) throw new InputError('input.required', { key });
  return v;
}

/** The methods this table answers: every method but the data sources' (api.ts), the schedule's, destinations', alerts' and health's. */
export type LibraryMethod = Exclude<
  ApiMethodName,
  | 'listDataSourceKinds'
  | 'listDataSources'
  | 'saveDataSource'
  | 'deleteDataSource'
  | 'testDataSource'
  | ScheduleMethod
  | DestinationMethod
  | AlertMethod
  | HealthMethod
  | DiagnosticsMethod
>;

export const LIBRARY_HANDLERS: ApiHandlers<LibraryMethod> = {
  getSession: { read: NO_PAYLOAD, run: (_p, { lang }) => sessionInfo(lang) },

  getSchema: {
    read: (raw) => {
      const p = asPayload(raw);
      return { dataSourceId: text(p, 'dataSourceId', { required: true, max: ID_MAX }), refresh: flag(p, 'refresh') };
    },
    run: (p, { lang }) => getSchema(p.dataSourceId, p.refresh === true, lang),
  },

  listQueries: {
    read: (raw) => {
      const p = raw === undefined || raw === null ? {} : asPayload(raw);
      const filter = (text(p, 'filter', { max: 20 }) || 'all') as LibraryFilter;
      if (!FILTERS.includes(filter))
        throw new InputError('input.oneOf', { key: 'filter', choices: FILTERS.join(', ') });
      return { search: text(p, 'search', { max: 1000 }), filter, tag: text(p, 'tag', { max: 100 }) };
    },
    run: (p, { lang }) => listQueries(p, lang),
  },

  getQuery: {
    read: (raw) => {
      const p = asPayload(raw);
      return { id: id(p), version: version(p, 'version', false) };
    },
    run: (p, { lang }) => getQuery(p.id, p.version, lang),
  },

  saveQuery: {
    read: (raw) => {
      const p = asPayload(raw);
      return {
        id: text(p, 'id', { max: ID_MAX }) || undefined,
        baseVersion: version(p, 'baseVersion', false),
        name: text(p, 'name', { max: 1000 }),
        description: text(p, 'description', { max: MAX_CELL_CHARS * 2 }),
        dataSourceId: text(p, 'dataSourceId', { required: true, max: ID_MAX }),
        sql: text(p, 'sql', { required: true, max: MAX_CELL_CHARS * 4 }),
        parameters: parameters(p),
        schedule: text(p, 'schedule', { max: 1000 }),
        tags: tags(p),
        force: flag(p, 'force'),
      };
    },
    run: (input, { lang }) =>
      saveQuery(
        {
          ...input,
          description: input.description ?? '',
          parameters: input.parameters ?? [],
          schedule: input.schedule ?? '',
          tags: input.tags ?? [],
          force: input.force === true,
        },
        lang,
      ),
  },

  forkQuery: { read: (raw) => ({ id: id(asPayload(raw)) }), run: (p, { lang }) => forkQuery(p.id, lang) },

  renameQuery: {
    read: (raw) => {
      const p = asPayload(raw);
      return { id: id(p), name: text(p, 'name', { max: 1000 }) };
    },
    run: (p, { lang }) => renameQuery(p.id, p.name, lang),
  },

  archiveQuery: { read: (raw) => ({ id: id(asPayload(raw)) }), run: (p, { lang }) => setArchived(p.id, true, lang) },
  restoreQuery: { read: (raw) => ({ id: id(asPayload(raw)) }), run: (p, { lang }) => setArchived(p.id, false, lang) },

  listVersions: { read: (raw) => ({ id: id(asPayload(raw)) }), run: (p, { lang }) => listVersions(p.id, lang) },

  restoreVersion: {
    read: (raw) => {
      const p = asPayload(raw);
      return { id: id(p), version: requiredVersion(p, 'version') };
    },
    run: (p, { lang }) => restoreVersion(p.id, p.version, lang),
  },

  runQueryToTab: {
    read: (raw) => {
      const p = asPayload(raw);
      return {
        name: text(p, 'name', { required: true, max: 200 }),
        queryId: text(p, 'queryId', { max: ID_MAX }) || undefined,
        dataSourceId: text(p, 'dataSourceId', { required: true, max: ID_MAX }),
        sql: text(p, 'sql', { required: true, max: 100_000 }),
        parameters: parameters(p),
        values: values(p),
        rowLimit: optionalNumber(p, 'rowLimit', 1, DEFAULT_ROW_LIMIT * 10),
        timeoutSeconds: optionalNumber(p, 'timeoutSeconds', 1, 300),
      };
    },
    run: (p, ctx) => runAdhocQuery({ ...p, parameters: p.parameters ?? [], values: p.values ?? {} }, ctx),
  },

  listParameterOptions: {
    read: (raw) => {
      const p = asPayload(raw);
      return {
        queryId: text(p, 'queryId', { required: true, max: ID_MAX }),
        parameter: text(p, 'parameter', { max: 200 }),
      };
    },
    run: (p, { lang }) => {
      const options = readFirstColumn(p.queryId);
      if (options === null)
        throw new UserError(translate(lang, 'param.optionsQuery', { name: p.parameter || p.queryId }));
      return { options };
    },
  },

  previewQuery: {
    read: (raw) => {
      const p = asPayload(raw);
      return {
        dataSourceId: text(p, 'dataSourceId', { required: true, max: ID_MAX }),
        sql: text(p, 'sql', { required: true, max: 100_000 }),
        parameters: parameters(p),
        values: values(p),
        limit: Math.floor(optionalNumber(p, 'limit', 1, MAX_PREVIEW_ROWS) ?? DEFAULT_PREVIEW_ROWS),
      };
    },
    run: (p, ctx) =>
      previewQuery(
        { ...p, parameters: p.parameters ?? [], values: p.values ?? {}, limit: p.limit ?? DEFAULT_PREVIEW_ROWS },
        ctx,
      ),
  },

  runQuery: {
    read: (raw) => {
      const p = asPayload(raw);
      return { id: id(p), values: values(p) };
    },
    run: (p, ctx) => runSavedQuery(p.id, p.values ?? {}, ctx),
  },

  getQueryLink: {
    read: (raw) => ({ id: id(asPayload(raw)) }),
    run: (p, { lang }) => {
      getStoredQuery(p.id, lang);
      return { url: resultLink(p.id) };
    },
  },

  listRecentRuns: { read: NO_PAYLOAD, run: () => listRecentRuns() },
};
