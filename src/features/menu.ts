/**
 * The add-on menu. Built in onOpen, which may run under AuthMode.NONE or LIMITED: only
 * getUi, createAddonMenu, addItem and addToUi are allowed there, and the user's locale.
 */
import { langOf, translate } from '../core/i18n';

export function buildAddonMenu(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const lang = langOf(Session.getActiveUserLocale());
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(translate(lang, 'menu.open'), 'showSidebar')
    .addItem(translate(lang, 'menu.schedule'), 'turnOnSchedule')
    .addItem(translate(lang, 'menu.health'), 'setupHealthScores')
    .addItem(translate(lang, 'menu.diagnostics'), 'runDiagnostics')
    .addToUi();
}
