/**
 * Which URLs UrlFetchApp may fetch and where they really go: the manifest's
 * `urlFetchWhitelist` prefix rules, checked on the URL as the script wrote it; the emulator's
 * host map (`https://hooks.slack.com` -> `http://127.0.0.1:45678`); and the loopback rule
 * (anything neither mapped nor loopback is answered as a DNS failure, without any network).
 */

const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1)$/i;

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOST.test(hostname);
}

/** The URL with its query string (and fragment) dropped but a "?" kept, as the allowlist error shows it. */
export function withoutQuery(url: string): string {
  const hash = url.indexOf('#');
  const noHash = hash >= 0 ? url.slice(0, hash) : url;
  const q = noHash.indexOf('?');
  return q >= 0 ? noHash.slice(0, q + 1) : noHash;
}

/**
 * Google's allowlist rules: prefixes are https, name a full domain (or one leading "*."
 * subdomain wildcard) and a non-empty path; a URL matches when it equals the prefix or is a
 * child of it; the path comparison is case-sensitive, the host comparison is not.
 */
export function matchesAllowlist(url: URL, prefixes: readonly string[]): boolean {
  if (url.protocol !== 'https:') return false;
  return prefixes.some((prefix) => matchesPrefix(url, prefix));
}

function matchesPrefix(url: URL, prefix: string): boolean {
  const m = /^https:\/\/([^/]+)(\/.*)$/.exec(prefix);
  if (!m) return false; // not a valid prefix: no https, or an empty path
  const [, hostPart, prefixPath] = m;
  const host = url.host.toLowerCase();
  const wanted = hostPart.toLowerCase();
  if (wanted.startsWith('*.')) {
    const suffix = wanted.slice(1); // ".example.com"
    if (!host.endsWith(suffix) || host.length === suffix.length) return false;
  } else if (host !== wanted) return false;
  const path = url.pathname;
  if (path === prefixPath) return true;
  if (!path.startsWith(prefixPath)) return false;
  return prefixPath.endsWith('/') || path[prefixPath.length] === '/';
}

export type Target = { kind: 'network'; url: string } | { kind: 'dns' };

/**
 * Where a request for `url` really goes: a mapped origin (keys and values are origins,
 * `scheme://host[:port]`), the URL itself when its host is loopback, or nowhere (DNS error).
 */
export function resolveTarget(url: URL, hostMap: ReadonlyMap<string, string>): Target {
  const mapped = hostMap.get(url.origin);
  if (mapped !== undefined) return { kind: 'network', url: mapped + url.pathname + url.search };
  if (isLoopbackHost(url.hostname)) return { kind: 'network', url: url.href };
  return { kind: 'dns' };
}

/** Normalises a host map given by a test or the playground; every target must be loopback. */
export function normaliseHostMap(map: Record<string, string> | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const [from, to] of Object.entries(map ?? {})) {
    const source = new URL(from);
    const target = new URL(to);
    if (!isLoopbackHost(target.hostname)) {
      throw new Error(
        `UrlFetch hostMap: ${from} maps to ${to}, which is not a loopback address; the emulator only talks to loopback.`,
      );
    }
    out.set(source.origin, target.origin);
  }
  return out;
}
