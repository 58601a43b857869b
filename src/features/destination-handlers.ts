/**
 * The sidebar API of alert destinations (list the kinds, list, save, delete, "Send test"): each
 * payload read and checked here, the work done in destinations.ts as the active user.
 */
import { configPayload, idPayload, testTargetPayload } from '../core/input';
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
    read: configPayload,
    run: (input, { lang }) => saveDestination(input, lang, currentWho()),
  },

  deleteDestination: {
    read: idPayload,
    run: ({ id }, { lang }) => {
      deleteDestination(id, lang, currentWho());
      return true;
    },
  },

  sendTestDestination: {
    read: testTargetPayload,
    run: (input, ctx) => sendTestDestination(input, ctx),
  },
};
