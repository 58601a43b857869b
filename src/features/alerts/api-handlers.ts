/**
 * API entries of alert rules (the sidebar's Alerts section). Spread into the API object by api.ts.
 * PLACEHOLDER while the alert store is being built: every entry refuses with a clear message.
 */
import { UserError } from '../../core/user-error';
import type { ApiHandler, ApiHandlers } from '../api-handler';

export type AlertMethod =
  | 'listAlerts'
  | 'saveAlert'
  | 'deleteAlert'
  | 'addRowsCheck'
  | 'previewAlertMessage'
  | 'openAlertHistory';

function notYet<M extends AlertMethod>(): ApiHandler<M> {
  return {
    read: () => undefined as never,
    run: () => {
      throw new UserError('Alerts are not available in this build yet.');
    },
  };
}

export const ALERT_HANDLERS: ApiHandlers<AlertMethod> = {
  listAlerts: notYet(),
  saveAlert: notYet(),
  deleteAlert: notYet(),
  addRowsCheck: notYet(),
  previewAlertMessage: notYet(),
  openAlertHistory: notYet(),
};
