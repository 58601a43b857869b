/** The shape of one server API entry: a validated payload in, plain data out. */
import type { Lang } from '../core/i18n';

export type ApiHandler = (payload: unknown, lang: Lang) => unknown;
