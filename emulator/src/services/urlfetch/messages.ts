/**
 * The texts of UrlFetchApp's errors as V8 Apps Script words them (see
 * shared/reference/apps-script-errors.md, section 4). Texts marked "guessed" are not observed
 * on Google and are listed in emulator/docs/differences-urlfetch.md.
 */

/**
 * A body longer than this is cut so that it and "..." make this many characters: three public
 * V8-era samples (OpenAI 401, byobmap 400, googleapis 403) each keep exactly 147 characters.
 */
export const TRUNCATE_BODY_AT = 150;

export const URLFETCH_MESSAGES = {
  requestFailed: (origin: string, code: number, body: string) =>
    `Request failed for ${origin} returned code ${code}. Truncated server response: ${
      body.length > TRUNCATE_BODY_AT ? `${body.slice(0, TRUNCATE_BODY_AT - 3)}...` : body
    } (use muteHttpExceptions option to examine full response)`,
  notWhitelisted: (urlWithoutQuery: string) =>
    `Request to ${urlWithoutQuery} failed because the URL has not been whitelisted in the script manifest.`,
  dnsError: (url: string) => `DNS error: ${url}`,
  addressUnavailable: (url: string) => `Address unavailable: ${url}`,
  timeout: (url: string) => `Timeout: ${url}`,
  invalidArgument: (what: string) => `Invalid argument: ${what}`,
  /** Recalled from Apps Script for an empty URL; not in the reference. */
  noUrl: 'Attribute provided with no value: url',
  urlLength: 'Limit Exceeded: URLFetch URL Length.',
  postSize: 'Limit Exceeded: URLFetch POST Size.',
  /** Guessed, by analogy with the other "Limit Exceeded: URLFetch ..." texts. */
  headerCount: 'Limit Exceeded: URLFetch headers.',
  dailyQuota: 'Service invoked too many times for one day: urlfetch.',
} as const;

/** Longest URL UrlFetch accepts (measured: 2,082 accepted, 2,083 rejected). */
export const MAX_URL_LENGTH = 2082;
/** Largest request body (50 MB). */
export const MAX_POST_BYTES = 50 * 1024 * 1024;
/** Most request headers per call. */
export const MAX_HEADERS = 100;
/** Calls per day for a consumer account (Workspace accounts: 100,000). */
export const DEFAULT_DAILY_QUOTA = 20_000;
