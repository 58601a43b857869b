/**
 * What the add-on can tell about a failed connection without Apps Script's help (it reports
 * every JDBC connection failure with one localized text): a missing OAuth scope, found by the
 * scope URL that survives translation, and a host that Google's servers can never reach. Also
 * shortens a server's version banner to its product and version number.
 */

/** The OAuth scope URL named in an authorization error, or null. URLs are not translated. */
export function missingScope(raw: string): string | null {
  const match = /https:\/\/www\.googleapis\.com\/auth\/[\w.-]+/.exec(raw);
  return match ? match[0] : null;
}

/** Whether `host` is a loopback, private, link-local or local-only name or address. */
export function isPrivateHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local') || h === '0.0.0.0') return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(h);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    const privateRange = (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
    return a === 127 || a === 10 || privateRange || (a === 169 && b === 254);
  }
  if (h.includes(':')) return h === '::1' || /^f[cd][0-9a-f]{2}:/.test(h) || /^fe[89ab][0-9a-f]:/.test(h);
  return false;
}

const MAX_VERSION = 60;

/**
 * "PostgreSQL 16.4 on x86_64-pc-linux-gnu, compiled by ..." → "PostgreSQL 16.4": the first
 * line up to its first dotted version number, at most 60 characters.
 */
export function shortVersion(banner: string): string {
  const line = banner.trim().split(/\r?\n/)[0].trim();
  const upToNumber = /^.*?\d+(?:\.\d+)+\S*/.exec(line);
  const short = (upToNumber ? upToNumber[0] : line).replace(/,$/, '');
  return short.length > MAX_VERSION ? `${short.slice(0, MAX_VERSION - 1)}…` : short;
}
