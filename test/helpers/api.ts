/** Calls the bundle's sidebar API as google.script.run would, and unwraps its answer. */
import type { AppsScriptRuntime } from '../../emulator/src/runtime';

export type ApiAnswer<T = unknown> = { ok: true; value: T } | { ok: false; error: string };

export function apiCall<T = unknown>(rt: AppsScriptRuntime, method: string, payload?: unknown): ApiAnswer<T> {
  const bridged = rt.scriptRun('sheetdashApi', payload === undefined ? [method] : [method, payload]);
  if (!bridged.ok) throw new Error(`google.script.run failed: ${bridged.error.message}`);
  return bridged.value as ApiAnswer<T>;
}

/** The API's value, or a test failure naming the API's error. */
export function api<T = unknown>(rt: AppsScriptRuntime, method: string, payload?: unknown): T {
  const answer = apiCall<T>(rt, method, payload);
  if (!answer.ok) throw new Error(`${method} failed: ${answer.error}`);
  return answer.value;
}
