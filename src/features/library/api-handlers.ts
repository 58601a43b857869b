/** API entries of the query library (being written). */
import type { ApiHandler } from '../api-handler';

export const LIBRARY_HANDLERS: Record<string, ApiHandler> = {};
