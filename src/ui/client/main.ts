/**
 * The sidebar's entry point: picks the language the server put in the page, reads the first
 * view's data evaluated with the page (the JSON block #sheetdash-boot) and starts the app.
 */
import type { SidebarBootView } from '../../shared/api-types';
import { startApp } from './app';
import { langFromPage, setLang } from './i18n';

function bootData(): SidebarBootView | null {
  const text = document.getElementById('sheetdash-boot')?.textContent?.trim();
  if (!text) return null;
  try {
    return JSON.parse(text) as SidebarBootView;
  } catch {
    return null; // the app asks the server instead
  }
}

setLang(langFromPage(document.documentElement.getAttribute('lang')));
startApp(document.getElementById('app') as HTMLElement, bootData());
