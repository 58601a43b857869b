/**
 * The sidebar API of alert destinations (list the kinds, list, save, delete, "Send test"): each
 * payload read and checked here, the work done in destinations.ts as the active user.
 */
import { asPayload, record, text } from '../core/input';
import { currentWho } from '../adapters/owner';
import type { ApiHandlers } from './api-handler';
import { NO_PAYLOAD } from './api-handler';
import {
  deleteDestination,
  destinationKindViews,
  listDestinations,
  saveDestination,
  sendTestDestination,
} from './destinations';

export type DestinationMethod =
  | 'listDestinationKinds'
  | 'listDestinations'
  | 'saveDestination'
  | 'deleteDestination'
  | 'sendTestDestination';

export const DESTINATION_HANDLERS: ApiHandlers<DestinationMethod> = {
  listDestinationKinds: { read: NO_PAYLOAD, run: (_p, { lang }) => destinationKindViews(lang) },

  listDestinations: { read: NO_PAYLOAD, run: (_p, { lang }) => listDestinations(lang, currentWho()) },

  saveDestination: {
    read: (raw) => {
      const p = asPayload(raw);
      return {
        id: text(p, 'id', { max: 100 }) || undefined,
        name: text(p, 'name', { required: true, max: 200 }),
        kind: text(p, 'kind', { required: true, max: 50 }),
        options: record(p, 'options'),
      };
    },
    run: (input, { lang }) => saveDestination(input, lang, currentWho()),
  },

  deleteDestination: {
    read: (raw) => ({ id: text(asPayload(raw), 'id', { required: true, max: 100 }) }),
    run: ({ id }, { lang }) => {
      deleteDestination(id, lang, currentWho());
      return true;
    },
  },

  sendTestDestination: {
    read: (raw) => {
      const p = asPayload(raw);
      const id = text(p, 'id', { max: 100 }) || undefined;
      const kind = text(p, 'kind', { required: id === undefined, max: 50 }) || undefined;
      return { id, kind, options: kind === undefined ? undefined : record(p, 'options') };
    },
    run: (input, ctx) => sendTestDestination(input, ctx),
  },
};
