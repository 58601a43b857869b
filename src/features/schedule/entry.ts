/** What the tick trigger and the "Turn on scheduled refreshes" menu item run. */
import { translate } from '../../core/i18n';
import { userLang } from '../../adapters/session';
import { createContext } from '../context';
import { installTickTrigger, tick, type TickReport } from './tick';

export function runTick(): TickReport {
  return tick(createContext());
}

export function turnOnSchedule(): void {
  const lang = userLang();
  const { interval } = installTickTrigger();
  const text = translate(lang, 'schedule.installed', {
    interval: translate(lang, interval === 'minutes' ? 'schedule.every5min' : 'schedule.everyHour'),
  });
  SpreadsheetApp.getActiveSpreadsheet().toast(text, 'Sheetdash', 10);
}
