/**
 * The sidebar's first view, evaluated with the page: session, data source kinds and list, recent runs — the
 * answers of their API methods, so a refusal shows in the sidebar as it would after a call — and the JSON text
 * that carries them safely inside the page's <script type="application/json"> block.
 */
import type { ApiMethodName, ApiMethods, ApiResponse, SidebarBootView } from '../shared/api-types';
import { callApi } from './api';

function answer<M extends ApiMethodName>(method: M): ApiResponse<ApiMethods[M][1]> {
  return callApi(method, undefined) as ApiResponse<ApiMethods[M][1]>;
}

export function sidebarBoot(): SidebarBootView {
  return {
    session: answer('getSession'),
    kinds: answer('listDataSourceKinds'),
    dataSources: answer('listDataSources'),
    recentRuns: answer('listRecentRuns'),
  };
}

/**
 * JSON for a <script> element: "<", ">" and "&" as \u escapes (no "</script>" or "<!--" can end or bend the
 * block), and the line separators U+2028/U+2029 escaped too. JSON.parse reads it back unchanged.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
