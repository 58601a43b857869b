/**
 * The "Diagnostics" menu item: runs the checklist and says where the report is. Test messages
 * are sent from the sidebar's Diagnostics button, where the user picks the destinations.
 */
import { translate } from '../../core/i18n';
import { createContext } from '../context';
import { runDiagnostics } from './diagnostics';

export function runDiagnosticsFromMenu(): void {
  const ctx = createContext();
  const view = runDiagnostics(ctx, []);
  const bad = view.checks.filter((c) => c.status === 'fail' || c.status === 'warn').length;
  SpreadsheetApp.getUi().alert(translate(ctx.lang, 'diag.done', { bad: String(bad), tab: view.sheetName }));
}
