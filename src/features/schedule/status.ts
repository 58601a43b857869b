/**
 * The sidebar's schedule panel: what "Turn on scheduled refreshes" installed (bound script every
 * 5 minutes, or published add-on hourly), whether its trigger still exists, who owns it (time
 * triggers run as the user who made them), when the tick last ran and when it should run next.
 * ScriptApp lists only the viewer's own triggers, so for anyone but the owner the record and
 * the last tick are the evidence.
 */
import { readJson } from '../../adapters/document-properties';
import { userEmail } from '../../adapters/session';
import type { ScheduleInstallView, ScheduleStatusView, TickRunView } from '../../shared/api-types';
import type { ExecutionContext } from '../context';
import {
  installTickTrigger,
  LAST_TICK_KEY,
  liveOtherOwner,
  TICK_TRIGGER_KEY,
  type TickTriggerRecord,
  tickEvidence,
} from './tick';
import { translate } from '../../core/i18n';
import { UserError } from '../../core/user-error';

const MINUTE_MS = 60_000;

export function isAddOn(): boolean {
  return ScriptApp.getInstallationSource() !== ScriptApp.InstallationSource.NONE;
}

export function scheduleStatus(ctx: ExecutionContext): ScheduleStatusView {
  const addOn = isAddOn();
  const tickMinutes = addOn ? 60 : 5;
  const record = readJson<TickTriggerRecord>(TICK_TRIGGER_KEY);
  const lastTick = readJson<TickRunView>(LAST_TICK_KEY);
  const viewer = userEmail();
  const mine = ScriptApp.getProjectTriggers().some(
    (t) => t.getHandlerFunction() === 'tick' && t.getUniqueId() === record?.triggerId,
  );
  const viewerIsOwner = record !== null && (mine || (record.owner !== '' && record.owner === viewer));
  const intervalMs = (record?.interval === 'hours' ? 60 : tickMinutes) * MINUTE_MS;
  const evidence = tickEvidence(record, lastTick, ctx.clock.now(), intervalMs);
  return {
    mode: addOn ? 'addOn' : 'bound',
    tickMinutes,
    installed: record !== null,
    triggerFound: viewerIsOwner ? mine : null,
    owner: record?.owner ?? '',
    viewerIsOwner,
    installedAt: record?.installedAt ?? null,
    lastTick,
    nextTickAt: evidence ? new Date(Math.max(evidence.sinceMs + intervalMs, ctx.clock.now())).toISOString() : null,
    late: evidence?.late ?? false,
  };
}

/** "Turn on scheduled refreshes" from the sidebar: the same install as the menu item. */
export function turnOnFromSidebar(ctx: ExecutionContext): ScheduleInstallView {
  const owner = liveOtherOwner(ctx.clock.now());
  if (owner !== null) throw new UserError(translate(ctx.lang, 'schedule.ownedByOther', { owner }));
  const { created } = installTickTrigger(ctx.clock.now());
  return { created, status: scheduleStatus(ctx) };
}
