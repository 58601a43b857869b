/** The sidebar's entry point: picks the language the server put in the page and starts the app. */
import { startApp } from './app';
import { langFromPage, setLang } from './i18n';

setLang(langFromPage(document.documentElement.getAttribute('lang')));
startApp(document.getElementById('app') as HTMLElement);
