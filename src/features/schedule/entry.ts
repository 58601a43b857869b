/** What the tick trigger and the "Turn on scheduled refreshes" menu item run. */
import { translate } from '../../core/i18n';
import { userEmail, userLang } from '../../adapters/session';
import { createContext } from '../context';
import { installTickTrigger, liveOtherOwner, tick, type TickReport } from './tick';

export function runTick(): TickReport {
  return tick(createContext());
}

/** Installs (or keeps) the tick trigger and says what it did, how often it runs and its limits. */
export function turnOnSchedule(): void {
  const lang = userLang();
  const owner = liveOtherOwner(Date.now());
  if (owner !== null) {
    SpreadsheetApp.getActiveSpreadsheet().toast(translate(lang, 'schedule.ownedByOther', { owner }), 'Sheetdash', 10);
    return;
  }
  const { interval, created, addOn } = installTickTrigger();
  const text = translate(lang, 'schedule.installed', {
    interval: translate(lang, interval === 'minutes' ? 'schedule.every5min' : 'schedule.everyHour'),
    what: translate(lang, created ? 'schedule.created' : 'schedule.kept'),
    limits: translate(lang, addOn ? 'schedule.limitsAddOn' : 'schedule.limitsBound'),
    owner: userEmail() || translate(lang, 'schedule.you'),
  });
  SpreadsheetApp.getActiveSpreadsheet().toast(text, 'Sheetdash', 10);
}
