/**
 * A fake google.script.run for jsdom tests of the sidebar client: each sheetdashApi call is
 * recorded and answered (on a real timer tick) by the handler for its method — a value, or an
 * Error to refuse the call as the server's `{ ok: false, error }` does.
 */
import type { ApiMethodName, ApiMethods } from '../../src/shared/api-types';

export type FakeHandlers = {
  [M in ApiMethodName]?: ApiMethods[M][1] | Error | ((payload: ApiMethods[M][0]) => ApiMethods[M][1] | Error);
};

export interface FakeServer {
  calls: [ApiMethodName, unknown][];
  /** The language each call carried (the sidebar's page language), in call order. */
  langs: unknown[];
  handlers: FakeHandlers;
}

type Handler = (value: unknown) => void;

export function installFakeServer(handlers: FakeHandlers): FakeServer {
  const server: FakeServer = { calls: [], langs: [], handlers };
  const answer = (method: ApiMethodName, payload: unknown): unknown => {
    const handler: unknown = server.handlers[method];
    const value = typeof handler === 'function' ? (handler as (p: unknown) => unknown)(payload) : handler;
    if (value === undefined) return { ok: false, error: `no fake answer for ${method}` };
    return value instanceof Error ? { ok: false, error: value.message } : { ok: true, value };
  };
  const runner = (success: Handler): unknown => ({
    withSuccessHandler: (next: Handler) => runner(next),
    withFailureHandler: () => runner(success),
    sheetdashApi: (method: ApiMethodName, payload: unknown, lang: unknown) => {
      server.calls.push([method, payload]);
      server.langs.push(lang);
      setTimeout(() => success(answer(method, payload)), 0);
    },
  });
  (window as unknown as { google: unknown }).google = { script: { run: runner(() => undefined) } };
  return server;
}

/** Lets pending fake answers arrive (they come on real timers). */
export const settle = (ms = 20): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (on real timers, in steps, since Date may be faked) until `ready()` holds; fails after about `timeoutMs`. */
export async function until(ready: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  for (let waited = 0; !ready(); waited += 10) {
    if (waited > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await settle(10);
  }
}
