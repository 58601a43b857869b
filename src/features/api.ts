/**
 * The server API of the sidebar: one object, one entry per call. Every function validates its
 * payload, runs as the active user, and returns plain data (ISO strings, never Dates). A
 * failure comes back as { ok: false, error } with a message the user can act on.
 */
import { translate } from '../core/i18n';
import { InputError, asPayload, flag, record, text } from '../core/input';
import { UserError, errorMessage } from '../core/user-error';
import { listKinds } from '../datasources/registry';
import type { ApiResponse } from '../shared/api-types';
import { deleteDataSource, listDataSources, saveDataSource, testDataSource } from './datasources';
import { LIBRARY_HANDLERS } from './library/api-handlers';
import type { ApiHandler } from './api-handler';
import { createContext } from './context';

export const API: Record<string, ApiHandler> = {
  ...LIBRARY_HANDLERS,

  listDataSourceKinds: (_p, lang) =>
    listKinds().map((k) => ({ id: k.id, label: k.label[lang], dialect: k.dialect, fields: k.fields.map((f) => ({ ...f, label: f.label[lang] })) })),

  listDataSources: (_p, lang) => listDataSources(lang),

  saveDataSource: (payload, lang) => {
    const p = asPayload(payload);
    return saveDataSource(
      { id: text(p, 'id', { max: 100 }) || undefined, name: text(p, 'name', { required: true, max: 200 }), kind: text(p, 'kind', { required: true, max: 50 }), writable: flag(p, 'writable'), options: record(p, 'options') },
      lang,
    );
  },

  deleteDataSource: (payload) => {
    deleteDataSource(text(asPayload(payload), 'id', { required: true, max: 100 }));
    return true;
  },

  testDataSource: (payload, lang) => testDataSource(text(asPayload(payload), 'id', { required: true, max: 100 }), lang),

};

export function callApi(method: unknown, payload: unknown): ApiResponse<unknown> {
  const ctx = createContext();
  const lang = ctx.lang;
  if (typeof method !== 'string' || !Object.prototype.hasOwnProperty.call(API, method)) {
    return { ok: false, error: translate(lang, 'api.invalid', { detail: `unknown method ${JSON.stringify(method)}` }) };
  }
  try {
    return { ok: true, value: API[method](payload, lang, ctx) };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, error: translate(lang, 'api.invalid', { detail: error.message }) };
    if (error instanceof UserError) return { ok: false, error: error.message };
    return { ok: false, error: errorMessage(error) };
  }
}
