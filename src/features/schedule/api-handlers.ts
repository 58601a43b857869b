/** API entries of scheduled refreshes (the sidebar's schedule panel). Spread into the API object by api.ts. */
import { type ApiHandlers, NO_PAYLOAD } from '../api-handler';
import { scheduleStatus, turnOnFromSidebar } from './status';

export type ScheduleMethod = 'getScheduleStatus' | 'turnOnSchedule';

export const SCHEDULE_HANDLERS: ApiHandlers<ScheduleMethod> = {
  getScheduleStatus: { read: NO_PAYLOAD, run: (_p, ctx) => scheduleStatus(ctx) },
  turnOnSchedule: { read: NO_PAYLOAD, run: (_p, ctx) => turnOnFromSidebar(ctx) },
};
