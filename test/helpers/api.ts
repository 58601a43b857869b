/**
 * Calls the bundle's sidebar API as google.script.run would, and unwraps its answer. Typed by
 * the shared contract (ApiMethods) like the sidebar's own client: `api` takes the method's
 * payload type and returns its answer type. `apiCall` returns the raw { ok, value | error } and
 * takes any payload (and any method name), so tests can send what a broken client might.
 */
import type { AppsScriptRuntime } from '../../emulator/src/runtime';
import { langOf } from '../../src/core/i18n';
import type { ApiMethodName, ApiMethods, ApiResponse, QueryView } from '../../src/shared/api-types';

export type ApiAnswer<T = unknown> = ApiResponse<T>;

type Answer<M> = M extends ApiMethodName ? ApiMethods[M][1] : unknown;
type PayloadArgs<M extends ApiMethodName> = undefined extends ApiMethods[M][0]
  ? [payload?: ApiMethods[M][0]]
  : [payload: ApiMethods[M][0]];

/**
 * As the sidebar calls: the page's language goes with each call (the page was rendered in the
 * user's locale), and a missing payload arrives as null, as google.script.run's bridge sends it.
 */
export function apiCall<M extends string>(rt: AppsScriptRuntime, method: M, payload?: unknown): ApiAnswer<Answer<M>> {
  const bridged = rt.scriptRun('sheetdashApi', [method, payload ?? null, langOf(rt.defaultUser.locale)]);
  if (!bridged.ok) throw new Error(`google.script.run failed: ${bridged.error.message}`);
  return bridged.value as ApiAnswer<Answer<M>>;
}

/** The API's value, or a test failure naming the API's error. */
export function api<M extends ApiMethodName>(
  rt: AppsScriptRuntime,
  method: M,
  ...args: PayloadArgs<M>
): ApiMethods[M][1] {
  const answer = apiCall(rt, method, args[0]);
  if (!answer.ok) throw new Error(`${method} failed: ${answer.error}`);
  return answer.value as ApiMethods[M][1];
}

/** Saves a query and returns it, or fails the test on a conflict. */
export function saveQuery(rt: AppsScriptRuntime, input: ApiMethods['saveQuery'][0]): QueryView {
  const answer = api(rt, 'saveQuery', input);
  if (!('saved' in answer)) throw new Error(`saveQuery met a conflict with version ${answer.conflict.theirs.version}`);
  return answer.saved;
}
