/**
 * "Test connection"'s one question to Google Public DNS (a DNS-over-HTTPS URL built by
 * datasources/diagnose.ts, which sends only the host name). Any failure of the probe itself
 * (an exception, an HTTP error) is null: the cause stays unknown.
 */
export function askDns(url: string): string | null {
  try {
    const response = UrlFetchApp.fetch(url, { muteHttpExceptions: true, followRedirects: false });
    return response.getResponseCode() === 200 ? response.getContentText() : null;
  } catch {
    return null;
  }
}
