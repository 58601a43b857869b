/**
 * UrlFetchApp for deliveries: always with muteHttpExceptions (an HTTP error is an answer to read,
 * not an exception) and without following redirects (a webhook that redirects is misconfigured,
 * and the secret must not follow it). Network failures (DNS, timeout, allowlist) still throw,
 * with texts that hold the URL: callers must never show or log them.
 */
import type { HttpAnswer, HttpRequest } from '../destinations/kind';

export function fetchHttp(request: HttpRequest): HttpAnswer {
  const response = UrlFetchApp.fetch(request.url, {
    method: request.method,
    contentType: request.contentType,
    headers: request.headers,
    payload: request.payload,
    muteHttpExceptions: true,
    followRedirects: false,
  });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.getHeaders() as Record<string, unknown>)) {
    headers[name] = String(value);
  }
  return { status: response.getResponseCode(), headers, body: response.getContentText() };
}

/** Waits `ms` milliseconds (Apps Script allows at most 5 minutes per call). */
export function sleep(ms: number): void {
  Utilities.sleep(Math.max(0, Math.min(300_000, Math.floor(ms))));
}
