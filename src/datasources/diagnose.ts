/**
 * What the add-on can tell about a failed connection without Apps Script's help (it reports
 * every JDBC connection failure with one localized text): a missing OAuth scope, found by the
 * scope URL that survives translation, a host that Google's servers can never reach, and what
 * Google Public DNS says of a host name (its JSON answer, read here; adapters/dns.ts asks). Also
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

/** What Google Public DNS says of a host name; `addresses` are its IPv4 addresses. */
export type HostLookup =
  | { kind: 'no-such-host' }
  | { kind: 'unknown' }
  | { kind: 'private-address' | 'public-address'; addresses: string[] };

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The DNS-over-HTTPS query for `host`'s A records, or null when it is an address or private already. */
export function dnsQueryUrl(host: string): string | null {
  const h = host.trim().toLowerCase();
  if (!/^[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?$/.test(h) || IPV4.test(h) || isPrivateHost(h)) return null;
  return `https://dns.google/resolve?name=${h}&type=A`;
}

/**
 * Reads Google's JSON answer (`Status` 0 NOERROR, 3 NXDOMAIN; `Answer` records of `type` 1 = A):
 * no such name, only private addresses, some public address, or unknown (any other answer).
 */
export function readDnsAnswer(body: string): HostLookup {
  let answer: { Status?: unknown; Answer?: unknown };
  try {
    answer = JSON.parse(body) ?? {};
  } catch {
    return { kind: 'unknown' };
  }
  if (answer.Status === 3) return { kind: 'no-such-host' };
  const records = answer.Status === 0 && Array.isArray(answer.Answer) ? answer.Answer : [];
  const addresses = records.filter((r) => r?.type === 1 && IPV4.test(String(r.data))).map((r) => String(r.data));
  if (addresses.length === 0) return { kind: 'unknown' };
  const kind = addresses.every(isPrivateHost) ? 'private-address' : 'public-address';
  return { kind, addresses: addresses.slice(0, 4) };
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
