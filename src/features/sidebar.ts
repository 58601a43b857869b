/** Opens the sidebar (menu item; runs under AuthMode.FULL, as sidebars require). */
import { langOf } from '../core/i18n';

export function showSidebar(): void {
  const lang = langOf(Session.getActiveUserLocale());
  const template = HtmlService.createTemplateFromFile('Sidebar');
  template.lang = lang;
  SpreadsheetApp.getUi().showSidebar(template.evaluate().setTitle('Sheetdash'));
}
