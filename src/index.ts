/**
 * The add-on's entry points. Only global functions live here, each a one-line hand-off to a
 * feature module: Apps Script calls them from triggers, menus and google.script.run.
 * Module scope must call no service: it runs under AuthMode.NONE when the menu is built.
 */
import { callApi } from './features/api';
import { buildAddonMenu } from './features/menu';
import { showSidebar } from './features/sidebar';
import { runTick, turnOnSchedule } from './features/schedule/entry';
import { setupHealthFromMenu } from './features/health/entry';
import { runDiagnosticsFromMenu } from './features/diagnostics/entry';

declare const global: Record<string, unknown>;

global.onOpen = (e: GoogleAppsScript.Events.SheetsOnOpen) => buildAddonMenu(e);
global.onInstall = (e: GoogleAppsScript.Events.SheetsOnOpen) => buildAddonMenu(e);
global.showSidebar = () => showSidebar();
/** The one time-driven trigger. */
global.tick = () => runTick();
/** Menu item: installs the tick trigger. */
global.turnOnSchedule = () => turnOnSchedule();
/** Menu item: creates or repairs the health-score tabs. */
global.setupHealthScores = () => setupHealthFromMenu();
/** Menu item: the Diagnostics checklist, with its report tab. */
global.runDiagnostics = () => runDiagnosticsFromMenu();
/** The sidebar's single entry: google.script.run.sheetdashApi(method, payload, lang). */
global.sheetdashApi = (method: unknown, payload: unknown, lang?: unknown) => callApi(method, payload, lang);
