/** API entries of health scores (the sidebar's "Set up health scores" and band alerts). Spread into the API object by api.ts. */
import { asPayload, flag, InputError, optionalNumber, text } from '../../core/input';
import type { HealthAlertSettings } from '../../shared/api-types';
import { type ApiHandlers, NO_PAYLOAD } from '../api-handler';
import { findDestination } from '../destinations';
import { readBandAlertSettings, saveBandAlertSettings } from './band-alerts';
import { setupHealth } from './setup';

export type HealthMethod = 'setupHealth' | 'getHealthAlerts' | 'saveHealthAlerts';

function readSettings(raw: unknown): HealthAlertSettings {
  const p = asPayload(raw);
  const ids = p.destinations ?? [];
  if (!Array.isArray(ids) || ids.length > 20 || !ids.every((d) => typeof d === 'string' && d.length <= 100))
    throw new InputError('input.ids', { key: 'destinations' });
  const unknown = ids.filter((id) => findDestination(id as string) === null);
  if (unknown.length > 0) throw new InputError('input.unknownDestinations', { ids: unknown.join(', ') });
  return {
    enabled: flag(p, 'enabled'),
    muted: flag(p, 'muted'),
    dropPoints: optionalNumber(p, 'dropPoints', 0, 100) ?? 0,
    destinations: ids as string[],
  };
}

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
  getHealthAlerts: { read: NO_PAYLOAD, run: () => readBandAlertSettings() },
  saveHealthAlerts: { read: readSettings, run: (p) => saveBandAlertSettings(p) },
};
