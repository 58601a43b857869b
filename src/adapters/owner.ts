/**
 * Who is asking and who owns the spreadsheet, as Apps Script reveals them. Either e-mail may be
 * hidden: Google returns '' for an address the running user may not see (another domain), and
 * Spreadsheet.getOwner() returns null for a spreadsheet in a shared drive.
 */
import type { Who } from '../datasources/access';
import { activeSpreadsheet } from './sheets';
import { userEmail } from './session';

/** The active user's e-mail and the spreadsheet owner's ('' hidden, null no owner). */
export function currentWho(): Who {
  return { email: userEmail(), owner: spreadsheetOwnerEmail() };
}

function spreadsheetOwnerEmail(): string | null {
  const owner = activeSpreadsheet().getOwner();
  if (!owner) return null;
  try {
    return owner.getEmail() ?? '';
  } catch {
    return '';
  }
}
