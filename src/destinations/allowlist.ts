/**
 * The destinations' UrlFetch allowlist (appsscript.json `urlFetchWhitelist`, kept equal by a test,
 * which also holds `https://dns.google/` for "Test connection"'s DNS probe: never a destination),
 * and Google's prefix rule: https only, same host (a leading `*.` matches subdomains), and a path
 * equal to the prefix's or under it. Apps Script refuses any other URL with an exception, so a
 * destination is checked before it is saved and before it is sent to. Apps Script has no `URL`
 * class: URLs are read with a pattern.
 */

export const URL_FETCH_ALLOWLIST: readonly string[] = [
  'https://hooks.slack.com/',
  'https://slack.com/api/',
  'https://chat.googleapis.com/',
];

/** The host (lower case) and path of an https URL, or null for anything else. */
export function httpsParts(url: string): { host: string; path: string } | null {
  const m = /^https:\/\/([^/?#\s@]+)(\/[^?#\s]*)?(?:[?#]\S*)?$/i.exec(url.trim());
  if (!m) return null;
  return { host: m[1].toLowerCase(), path: m[2] ?? '/' };
}

export function isAllowedUrl(url: string, allowlist: readonly string[] = URL_FETCH_ALLOWLIST): boolean {
  const parts = httpsParts(url);
  if (!parts) return false;
  return allowlist.some((prefix) => {
    const p = /^https:\/\/([^/]+)(\/.*)$/.exec(prefix);
    if (!p) return false;
    const wanted = p[1].toLowerCase();
    const hostOk = wanted.startsWith('*.')
      ? parts.host.endsWith(wanted.slice(1)) && parts.host.length > wanted.length - 1
      : parts.host === wanted;
    if (!hostOk) return false;
    const prefixPath = p[2];
    if (parts.path === prefixPath) return true;
    if (!parts.path.startsWith(prefixPath)) return false;
    return prefixPath.endsWith('/') || parts.path[prefixPath.length] === '/';
  });
}
