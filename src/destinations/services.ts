/** The delivery's Apps Script calls in production: UrlFetchApp, Utilities.sleep and MailApp. */
import { fetchHttp, sleep } from '../adapters/http';
import { mailQuotaLeft, sendMail } from '../adapters/mail';
import type { DeliveryServices } from './deliver';

export function appsScriptDeliveryServices(): DeliveryServices {
  return { fetch: fetchHttp, sleep, sendMail, mailQuotaLeft };
}
