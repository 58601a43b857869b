/**
 * Opens the sidebar (menu item; runs under AuthMode.FULL, as sidebars require). The template is evaluated with
 * the first view's data (sidebar-boot.ts), so the sidebar is usable without a google.script.run round.
 */
import { langOf } from '../core/i18n';
import { scriptJson, sidebarBoot } from './sidebar-boot';

export function showSidebar(): void {
  const lang = langOf(Session.getActiveUserLocale());
  const template = HtmlService.createTemplateFromFile('Sidebar');
  template.lang = lang;
  template.boot = scriptJson(sidebarBoot());
  SpreadsheetApp.getUi().showSidebar(template.evaluate().setTitle('Sheetdash'));
}
