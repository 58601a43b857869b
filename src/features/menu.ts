/**
 * The add-on menu. Built in onOpen, which may run under AuthMode.NONE or LIMITED: only
 * getUi, createAddonMenu, addItem and addToUi are allowed there.
 */
export function buildAddonMenu(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open Sheetdash', 'showSidebar')
    .addToUi();
}
