/**
 * API entries of the query library, parameters, schema browser and preview: each reads and
 * checks its payload, then hands off to the feature. Spread into the API object by api.ts.
 */
import { translate } from '../../core/i18n';
import { asPayload, flag, InputError, optionalNumber, text, type Payload } from '../../core/input';
import { UserError } from '../../core/user-error';
import { checkParameterDefs } from '../../core/params/definitions';
import { MAX_CELL_CHARS } from '../../core/values/cell-value';
import type { LibraryFilter } from '../../core/library/search';
import type { ParameterDef, ParameterValues } from '../../shared/api-types';
import type { ApiHandler } from '../api-handler';
import { previewQuery, DEFAULT_PREVIEW_ROWS, MAX_PREVIEW_ROWS } from '../preview';
import { getSchema } from '../schema';
import { sessionInfo } from '../session-info';
import { forkQuery, getQuery, listQueries, listVersions, renameQuery, resultLink, restoreVersion, saveQuery, setArchived, getStoredQuery } from './library';
import { listRecentRuns, runAdhocQuery, runSavedQuery } from './run';
import { readFirstColumn } from './bind-context';
import { DEFAULT_ROW_LIMIT } from '../refresh/refresh';

const ID_MAX = 100;
const FILTERS: LibraryFilter[] = ['all', 'mine', 'recent', 'archived'];

function id(p: Payload): string {
  return text(p, 'id', { required: true, max: ID_MAX });
}

function parameters(p: Payload): ParameterDef[] {
  const check = checkParameterDefs(p.parameters);
  if (!check.ok) throw new InputError(check.problem);
  return check.defs;
}

function values(p: Payload): ParameterValues {
  const raw = p.values;
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new InputError('"values" must be an object');
  const out: ParameterValues = {};
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value === 'string') out[name] = value;
    else if (typeof value === 'number') out[name] = String(value);
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) out[name] = value.map(String);
    else if (value !== null && value !== undefined) throw new InputError(`"values.${name}" must be text or a list of texts`);
  }
  return out;
}

function tags(p: Payload): string[] {
  const raw = p.tags;
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || raw.some((t) => typeof t !== 'string' || t.length > 100) || raw.length > 50) throw new InputError('"tags" must be a list of short texts');
  return [...new Set((raw as string[]).map((t) => t.trim()).filter(Boolean))];
}

function version(p: Payload, key: string, required: boolean): number | undefined {
  const v = optionalNumber(p, key, 0, Number.MAX_SAFE_INTEGER);
  if (v === undefined && required) throw new InputError(`"${key}" is required`);
  if (v !== undefined && !Number.isInteger(v)) throw new InputError(`"${key}" must be a whole number`);
  return v;
}

export const LIBRARY_HANDLERS: Record<string, ApiHandler> = {
  getSession: (_p, lang) => sessionInfo(lang),

  getSchema: (payload, lang) => {
    const p = asPayload(payload);
    return getSchema(text(p, 'dataSourceId', { required: true, max: ID_MAX }), flag(p, 'refresh'), lang);
  },

  listQueries: (payload, lang) => {
    const p = payload === undefined || payload === null ? {} : asPayload(payload);
    const filter = (text(p, 'filter', { max: 20 }) || 'all') as LibraryFilter;
    if (!FILTERS.includes(filter)) throw new InputError(`"filter" must be one of ${FILTERS.join(', ')}`);
    return listQueries({ search: text(p, 'search', { max: 1000 }), filter, tag: text(p, 'tag', { max: 100 }) }, lang);
  },

  getQuery: (payload, lang) => {
    const p = asPayload(payload);
    return getQuery(id(p), version(p, 'version', false), lang);
  },

  saveQuery: (payload, lang) => {
    const p = asPayload(payload);
    return saveQuery(
      {
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
      },
      lang,
    );
  },

  forkQuery: (payload, lang) => forkQuery(id(asPayload(payload)), lang),

  renameQuery: (payload, lang) => {
    const p = asPayload(payload);
    return renameQuery(id(p), text(p, 'name', { max: 1000 }), lang);
  },

  archiveQuery: (payload, lang) => setArchived(id(asPayload(payload)), true, lang),
  restoreQuery: (payload, lang) => setArchived(id(asPayload(payload)), false, lang),

  listVersions: (payload, lang) => listVersions(id(asPayload(payload)), lang),

  restoreVersion: (payload, lang) => {
    const p = asPayload(payload);
    return restoreVersion(id(p), version(p, 'version', true)!, lang);
  },

  runQueryToTab: (payload, _lang, ctx) => {
    const p = asPayload(payload);
    return runAdhocQuery(
      {
        name: text(p, 'name', { required: true, max: 200 }),
        queryId: text(p, 'queryId', { max: ID_MAX }) || undefined,
        dataSourceId: text(p, 'dataSourceId', { required: true, max: ID_MAX }),
        sql: text(p, 'sql', { required: true, max: 100_000 }),
        parameters: parameters(p),
        values: values(p),
        rowLimit: optionalNumber(p, 'rowLimit', 1, DEFAULT_ROW_LIMIT * 10),
        timeoutSeconds: optionalNumber(p, 'timeoutSeconds', 1, 300),
      },
      ctx,
    );
  },

  listParameterOptions: (payload, lang) => {
    const p = asPayload(payload);
    const queryId = text(p, 'queryId', { required: true, max: ID_MAX });
    const name = text(p, 'parameter', { max: 200 }) || queryId;
    const options = readFirstColumn(queryId);
    if (options === null) throw new UserError(translate(lang, 'param.optionsQuery', { name }));
    return { options };
  },

  previewQuery: (payload, _lang, ctx) => {
    const p = asPayload(payload);
    return previewQuery(
      {
        dataSourceId: text(p, 'dataSourceId', { required: true, max: ID_MAX }),
        sql: text(p, 'sql', { required: true, max: 100_000 }),
        parameters: parameters(p),
        values: values(p),
        limit: Math.floor(optionalNumber(p, 'limit', 1, MAX_PREVIEW_ROWS) ?? DEFAULT_PREVIEW_ROWS),
      },
      ctx,
    );
  },

  runQuery: (payload, _lang, ctx) => {
    const p = asPayload(payload);
    return runSavedQuery(id(p), values(p), ctx);
  },

  getQueryLink: (payload, lang) => {
    const queryId = id(asPayload(payload));
    getStoredQuery(queryId, lang);
    return { url: resultLink(queryId) };
  },

  listRecentRuns: () => listRecentRuns(),
};
