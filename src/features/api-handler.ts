/**
 * The shape of the server API, checked against the shared contract (`ApiMethods`) by the
 * compiler: each method reads its payload from what google.script.run delivered into the
 * contract's payload type, then answers with the contract's answer type. A method missing from
 * the table, a payload read into the wrong shape or a wrong answer is a compile error.
 */
import type { ApiMethodName, ApiMethods } from '../shared/api-types';
import type { ExecutionContext } from './context';

export type ApiPayload<M extends ApiMethodName> = ApiMethods[M][0];
export type ApiAnswer<M extends ApiMethodName> = ApiMethods[M][1];

export interface ApiHandler<M extends ApiMethodName> {
  /** Checks the raw payload (throws InputError with what is wrong) and returns it typed. */
  read(raw: unknown): ApiPayload<M>;
  /** `ctx` is the execution's context: spreadsheet, lock, clock, language (`ctx.lang`), deadline. */
  run(payload: ApiPayload<M>, ctx: ExecutionContext): ApiAnswer<M>;
}

/** A table of handlers, one per method in `K`. */
export type ApiHandlers<K extends ApiMethodName> = { [M in K]: ApiHandler<M> };

/** For methods that take no payload. */
export const NO_PAYLOAD = (): undefined => undefined;

/** Reads and runs one handler; generic so that its payload and answer stay tied together. */
export function invoke<M extends ApiMethodName>(
  handler: ApiHandler<M>,
  raw: unknown,
  ctx: ExecutionContext,
): ApiAnswer<M> {
  return handler.run(handler.read(raw), ctx);
}
