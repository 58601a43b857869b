/**
 * API entries of alert rules (the sidebar's Alerts section), spread into the API object by
 * api.ts. Payloads are read here; the work is in alerts.ts, as the active user (any editor of
 * the spreadsheet may change alerts: README, "Security").
 */
import { asPayload, InputError, text } from '../../core/input';
import type { AlertRule } from '../../shared/api-types';
import { type ApiHandlers, NO_PAYLOAD } from '../api-handler';
import { addRowsCheck, deleteAlert, listAlerts, openAlertHistory, previewAlertMessage, saveAlert } from './alerts';

export type AlertMethod =
  | 'listAlerts'
  | 'saveAlert'
  | 'deleteAlert'
  | 'addRowsCheck'
  | 'previewAlertMessage'
  | 'openAlertHistory';

const ID_MAX = 100;

/** A list of destination ids, or undefined when absent. */
function destinationIds(raw: unknown): string[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw) || raw.length > 20 || !raw.every((d) => typeof d === 'string' && d.length <= ID_MAX))
    throw new InputError('input.ids', { key: 'destinations' });
  return raw as string[];
}

export const ALERT_HANDLERS: ApiHandlers<AlertMethod> = {
  listAlerts: {
    read: (raw) => {
      const p = raw === undefined || raw === null ? {} : asPayload(raw);
      const queryId = text(p, 'queryId', { max: ID_MAX });
      return queryId ? { queryId } : {};
    },
    run: (p, ctx) => listAlerts(ctx, p.queryId),
  },

  // The rule is checked field by field in saveAlert, so each problem names its field.
  saveAlert: { read: (raw) => asPayload(raw) as unknown as AlertRule, run: (rule, ctx) => saveAlert(rule, ctx) },

  deleteAlert: {
    read: (raw) => ({ id: text(asPayload(raw), 'id', { required: true, max: ID_MAX }) }),
    run: (p, ctx) => {
      deleteAlert(p.id, ctx);
      return true;
    },
  },

  addRowsCheck: {
    read: (raw) => {
      const p = asPayload(raw);
      const destinations = destinationIds(p.destinations);
      const queryId = text(p, 'queryId', { required: true, max: ID_MAX });
      return destinations ? { queryId, destinations } : { queryId };
    },
    run: (p, ctx) => addRowsCheck(p.queryId, p.destinations, ctx),
  },

  previewAlertMessage: {
    read: (raw) => {
      const p = asPayload(raw);
      const kind = text(p, 'kind', { max: 20 }) || 'triggered';
      if (kind !== 'triggered' && kind !== 'recovered')
        throw new InputError('input.oneOf', { key: 'kind', choices: 'triggered, recovered' });
      return { rule: asPayload(p.rule) as unknown as AlertRule, kind };
    },
    run: (p, ctx) => previewAlertMessage(p.rule, p.kind, ctx),
  },

  openAlertHistory: { read: NO_PAYLOAD, run: (_p, ctx) => openAlertHistory(ctx) },
};
