/** MailApp: plain-text e-mail from the user running the script (scope script.send_mail). */
import type { MailRequest } from '../destinations/kind';

export function sendMail(mail: MailRequest): void {
  MailApp.sendEmail({ to: mail.to, subject: mail.subject, body: mail.body, name: 'Sheetdash' });
}

/** How many more recipients today's quota allows. */
export function mailQuotaLeft(): number {
  return MailApp.getRemainingDailyQuota();
}
