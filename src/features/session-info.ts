/** Who the sidebar talks to: the user's language and e-mail, the spreadsheet's time zone and URL. */
import type { Lang } from '../core/i18n';
import { activeSpreadsheet } from '../adapters/sheets';
import { userEmail } from '../adapters/session';
import type { SessionView } from '../shared/api-types';

export function sessionInfo(lang: Lang): SessionView {
  const ss = activeSpreadsheet();
  return { lang, email: userEmail(), spreadsheetTimeZone: ss.getSpreadsheetTimeZone(), spreadsheetUrl: ss.getUrl() };
}
