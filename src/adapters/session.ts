/** Who runs this execution, and in which language they read. */
import { langOf, type Lang } from '../core/i18n';

export function userLang(): Lang {
  return langOf(Session.getActiveUserLocale());
}

/** The user's e-mail, or '' where Apps Script does not reveal it (other domains, some triggers). */
export function userEmail(): string {
  try {
    return Session.getActiveUser().getEmail();
  } catch {
    return '';
  }
}
