/**
 * The server API of the sidebar: one object, one entry per call. Every function validates its
 * payload, runs as the active user, and returns plain data (ISO strings, never Dates). A
 * failure comes back as { ok: false, error } with a message the user can act on.
 */
import { translate } from '../core/i18n';
import { InputError, asPayload, configPayload, flag, idPayload, testTargetPayload } from '../core/input';
import { UserError, errorMessage } from '../core/user-error';
import { listKinds } from '../datasources/registry';
import { currentWho } from '../adapters/owner';
import { type ApiMethodName, type ApiResponse, LANGS } from '../shared/api-types';
import { deleteDataSource, listDataSources, saveDataSource, testDataSource } from './datasources';
import { ALERT_HANDLERS } from './alerts/api-handlers';
import { DESTINATION_HANDLERS } from './destination-handlers';
import { HEALTH_HANDLERS } from './health/api-handlers';
import { LIBRARY_HANDLERS } from './library/api-handlers';
import { SCHEDULE_HANDLERS } from './schedule/api-handlers';
import { DIAGNOSTICS_HANDLERS } from './diagnostics/api-handlers';
import { type ApiHandlers, invoke, NO_PAYLOAD } from './api-handler';
import { createContext } from './context';

const DATA_SOURCE_HANDLERS: ApiHandlers<DataSourceMethod> = {
  listDataSourceKinds: {
    read: NO_PAYLOAD,
    run: (_p, { lang }) =>
      listKinds().map((k) => ({
        id: k.id,
        label: k.label[lang],
        dialect: k.dialect,
        fields: k.fields.map((f) => ({ ...f, label: f.label[lang] })),
      })),
  },

  listDataSources: { read: NO_PAYLOAD, run: (_p, { lang }) => listDataSources(lang, currentWho()) },

  saveDataSource: {
    read: (raw) => ({ ...configPayload(raw), writable: flag(asPayload(raw), 'writable') }),
    run: (input, { lang }) => saveDataSource(input, lang, currentWho()),
  },

  deleteDataSource: {
    read: idPayload,
    run: ({ id }, { lang }) => {
      deleteDataSource(id, lang, currentWho());
      return true;
    },
  },

  testDataSource: {
    read: testTargetPayload,
    run: (input, { lang }) => testDataSource(input, lang),
  },
};

type DataSourceMethod =
  | 'listDataSourceKinds'
  | 'listDataSources'
  | 'saveDataSource'
  | 'deleteDataSource'
  | 'testDataSource';

export const API: ApiHandlers<ApiMethodName> = {
  ...LIBRARY_HANDLERS,
  ...DATA_SOURCE_HANDLERS,
  ...SCHEDULE_HANDLERS,
  ...DESTINATION_HANDLERS,
  ...ALERT_HANDLERS,
  ...HEALTH_HANDLERS,
  ...DIAGNOSTICS_HANDLERS,
};

function isMethod(method: unknown): method is ApiMethodName {
  return typeof method === 'string' && Object.prototype.hasOwnProperty.call(API, method);
}

/**
 * `pageLang` is the sidebar's language (from the page the server rendered in the user's locale):
 * used when it is one of the languages, else the user's locale is asked for.
 */
export function callApi(method: unknown, payload: unknown, pageLang?: unknown): ApiResponse<unknown> {
  const ctx = createContext({ lang: LANGS.find((known) => known === pageLang) });
  const lang = ctx.lang;
  if (!isMethod(method)) {
    const detail = translate(lang, 'input.method', { name: JSON.stringify(method) ?? String(method) });
    return { ok: false, error: translate(lang, 'api.invalid', { detail }) };
  }
  try {
    return { ok: true, value: invoke<ApiMethodName>(API[method], payload, ctx) };
  } catch (error) {
    if (error instanceof InputError)
      return { ok: false, error: translate(lang, 'api.invalid', { detail: error.detail(lang) }) };
    if (error instanceof UserError) return { ok: false, error: error.message };
    return { ok: false, error: errorMessage(error) };
  }
}
