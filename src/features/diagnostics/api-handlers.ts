/** API entry of Diagnostics (the sidebar's Data sources tab). Spread into the API object by api.ts. */
import { asPayload } from '../../core/input';
import type { ApiHandlers } from '../api-handler';
import { runDiagnostics } from './diagnostics';

export type DiagnosticsMethod = 'runDiagnostics';

export const DIAGNOSTICS_HANDLERS: ApiHandlers<DiagnosticsMethod> = {
  runDiagnostics: {
    read: (raw) => ({
      destinationIds: [raw && asPayload(raw).destinationIds]
        .flat()
        .filter((id): id is string => typeof id === 'string'),
    }),
    run: (payload, ctx) => runDiagnostics(ctx, payload?.destinationIds ?? []),
  },
};
