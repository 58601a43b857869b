/** The shape of one server API entry: a validated payload in, plain data out. */
import type { Lang } from '../core/i18n';
import type { ExecutionContext } from './context';

/** `ctx` is the execution's context (spreadsheet, lock, clock, language, deadline); `lang` is `ctx.lang`. */
export type ApiHandler = (payload: unknown, lang: Lang, ctx: ExecutionContext) => unknown;
