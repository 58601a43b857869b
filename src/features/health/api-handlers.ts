/** API entries of health scores (the sidebar's "Set up health scores"). Spread into the API object by api.ts. */
import { asPayload, text } from '../../core/input';
import type { ApiHandlers } from '../api-handler';
import { setupHealth } from './setup';

export type HealthMethod = 'setupHealth';

export const HEALTH_HANDLERS: ApiHandlers<HealthMethod> = {
  setupHealth: {
    read: (raw) => {
      if (raw === undefined || raw === null) return undefined;
      const p = asPayload(raw);
      return {
        dataSourceId: text(p, 'dataSourceId', { max: 100 }) || undefined,
        sql: text(p, 'sql', { max: 100_000 }) || undefined,
      };
    },
    run: (p, ctx) => setupHealth(ctx, p ?? {}),
  },
};
