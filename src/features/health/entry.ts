/** What the "Set up health scores" menu item runs: setup, then its report as a toast. */
import { errorMessage, UserError } from '../../core/user-error';
import { createContext } from '../context';
import { setupHealth } from './setup';

export function setupHealthFromMenu(): void {
  const ctx = createContext();
  let text: string;
  try {
    text = setupHealth(ctx, {}).message;
  } catch (error) {
    text = error instanceof UserError ? error.message : errorMessage(error);
  }
  ctx.spreadsheet().toast(text, 'Sheetdash', 15);
}
