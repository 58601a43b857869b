/**
 * UrlFetchApp doing real HTTP on loopback. The script's URL is checked as Apps Script checks
 * it (length, syntax, manifest allowlist, daily quota), then mapped through the host map
 * (`https://hooks.slack.com` -> a local receiver) and sent by the HTTP worker; hosts that are
 * neither mapped nor loopback fail with "DNS error" and are never contacted. Non-2xx answers,
 * refused connections and timeouts raise Apps Script's texts. Host code reads `_requests()`,
 * a log of what was fetched kept apart from the execution log (it may hold secrets).
 */
import { TextDecoder } from 'node:util';
import { AppsScriptException } from '../../core/errors';
import type { EmulatedService, ServiceHost } from '../../core/host';
import { DEFAULT_DAILY_QUOTA, URLFETCH_MESSAGES as M } from './messages';
import { describeRequest, prepareRequest, type PreparedRequest } from './request';
import { HTTPResponseFake } from './response';
import { workerTransport, type HttpTransport, type WireResult } from './transport';
import { matchesAllowlist, normaliseHostMap, resolveTarget, withoutQuery } from './url-rules';

export interface UrlFetchOptions {
  /** Origin -> loopback origin, e.g. { 'https://hooks.slack.com': 'http://127.0.0.1:45678' }. */
  hostMap?: Record<string, string>;
  /** How long one request may take before "Timeout: <url>" (real time; Apps Script: about 60 s). */
  timeoutMs?: number;
  /** Calls per virtual day before "Service invoked too many times for one day: urlfetch." (20,000). */
  dailyQuota?: number;
  /** Redirects followed per request before the last 3xx answer is returned as is. */
  maxRedirects?: number;
  /** Shown in the default User-Agent, as Apps Script shows the script id. */
  scriptId?: string;
  /** Replaces the worker (tests of the service's own logic). */
  transport?: HttpTransport;
}

/** One request the script made, as host code and tests see it. */
export interface FetchLogEntry {
  executionId: number | null;
  /** The URL as the script wrote it (the final one, after redirects). */
  url: string;
  /** Where it really went; null when it never reached the network (DNS error). */
  mappedUrl: string | null;
  method: string;
  headers: Record<string, string>;
  /** The body as UTF-8 text; null without a body. */
  payload: string | null;
  responseCode: number | null;
  /** The Apps Script error it ended with, if the network part failed. */
  error: string | null;
}

export interface UrlFetchService extends EmulatedService {
  /** Every request made so far, oldest first (a copy). */
  _requests(): FetchLogEntry[];
  _clearRequests(): void;
  _setHostMap(map: Record<string, string>): void;
  /** Calls counted against the daily quota on the current virtual day. */
  _quotaUsedToday(): number;
}

const REDIRECT_CODES = new Set([301, 302, 303, 307, 308]);

/** A request in flight: where it stands in its redirect chain. */
interface Flight {
  prepared: PreparedRequest;
  /** The URL as the script sees it at this hop. */
  url: URL;
  method: string;
  body: Uint8Array | null;
  contentType: string | null;
  hops: number;
  outcome?: { kind: 'response'; response: HTTPResponseFake } | { kind: 'error'; message: string };
}

class UrlFetchState {
  hostMap: Map<string, string>;
  readonly log: FetchLogEntry[] = [];
  quotaDay = '';
  quotaUsed = 0;
  readonly timeoutMs: number;
  readonly dailyQuota: number;
  readonly maxRedirects: number;
  readonly userAgent: string;
  readonly transport: HttpTransport;

  constructor(
    readonly host: ServiceHost,
    options: UrlFetchOptions,
  ) {
    this.hostMap = normaliseHostMap(options.hostMap);
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.dailyQuota = options.dailyQuota ?? DEFAULT_DAILY_QUOTA;
    this.maxRedirects = options.maxRedirects ?? 10;
    this.userAgent = `Mozilla/5.0 (compatible; Google-Apps-Script; beanserver; +https://script.google.com; id: ${options.scriptId ?? 'local-emulator'})`;
    this.transport = options.transport ?? workerTransport();
  }

  usedToday(): number {
    const day = new Date(this.host.clock.now()).toDateString();
    if (day !== this.quotaDay) {
      this.quotaDay = day;
      this.quotaUsed = 0;
    }
    return this.quotaUsed;
  }

  /** Checks and prepares every request first, so nothing is sent if one of them is refused. */
  prepareAll(requests: { url: unknown; params: unknown }[]): PreparedRequest[] {
    const prepared = requests.map((r) => {
      const p = prepareRequest(r.url, r.params);
      const allowlist = this.host.manifest.urlFetchWhitelist;
      if (allowlist && !matchesAllowlist(p.parsed, allowlist)) {
        throw new AppsScriptException(M.notWhitelisted(withoutQuery(p.url)));
      }
      return p;
    });
    if (this.usedToday() + prepared.length > this.dailyQuota) {
      throw new AppsScriptException(M.dailyQuota);
    }
    this.quotaUsed += prepared.length;
    return prepared;
  }

  execute(prepared: PreparedRequest[]): HTTPResponseFake[] {
    const flights: Flight[] = prepared.map((p) => ({
      prepared: p,
      url: p.parsed,
      method: p.method.toUpperCase(),
      body: p.body,
      contentType: p.contentType,
      hops: 0,
    }));
    let pending = flights;
    while (pending.length > 0) {
      const wire: { flight: Flight; index: number }[] = [];
      const requests = [];
      for (const flight of pending) {
        const target = resolveTarget(flight.url, this.hostMap);
        if (target.kind === 'dns') {
          flight.outcome = {
            kind: 'error',
            message: M.dnsError(
              flight.url.href === flight.prepared.parsed.href ? flight.prepared.url : flight.url.href,
            ),
          };
          this.record(flight, null, null);
          continue;
        }
        wire.push({ flight, index: requests.length });
        requests.push({
          url: target.url,
          method: flight.method,
          headers: this.headersFor(flight),
          body: flight.body,
          rejectUnauthorized: flight.prepared.validateHttpsCertificates,
        });
      }
      const results = this.transport.send(requests, this.timeoutMs);
      pending = [];
      for (const { flight, index } of wire) {
        const next = this.settle(flight, results[index], requests[index].url);
        if (next) pending.push(next);
      }
    }
    return flights.map((flight) => {
      const outcome = flight.outcome!;
      if (outcome.kind === 'error') throw new AppsScriptException(outcome.message);
      const response = outcome.response;
      const code = response.getResponseCode();
      if (code >= 400 && !flight.prepared.muteHttpExceptions) {
        throw new AppsScriptException(M.requestFailed(flight.url.origin, code, response._text()));
      }
      return response;
    });
  }

  /** Records a hop's result; returns the same flight again when a redirect is to be followed. */
  private settle(flight: Flight, result: WireResult, mappedUrl: string): Flight | undefined {
    const shownUrl = flight.url.href === flight.prepared.parsed.href ? flight.prepared.url : flight.url.href;
    if (!result.ok) {
      const message =
        result.kind === 'timeout'
          ? M.timeout(shownUrl)
          : result.kind === 'dns'
            ? M.dnsError(shownUrl)
            : M.addressUnavailable(shownUrl);
      flight.outcome = { kind: 'error', message };
      this.record(flight, mappedUrl, null, message);
      return undefined;
    }
    const response = new HTTPResponseFake(result.status, result.rawHeaders, result.body, flight.url.href);
    this.record(flight, mappedUrl, result.status);
    const location = response.getAllHeaders();
    const locationValue = Object.entries(location).find(([name]) => name.toLowerCase() === 'location')?.[1];
    if (
      flight.prepared.followRedirects &&
      REDIRECT_CODES.has(result.status) &&
      typeof locationValue === 'string' &&
      flight.hops < this.maxRedirects
    ) {
      let nextUrl: URL;
      try {
        nextUrl = new URL(locationValue, flight.url);
      } catch {
        flight.outcome = { kind: 'response', response };
        return undefined;
      }
      flight.url = nextUrl;
      flight.hops++;
      if (result.status === 303 || ((result.status === 301 || result.status === 302) && flight.method === 'POST')) {
        flight.method = 'GET';
        flight.body = null;
        flight.contentType = null;
      }
      return flight;
    }
    flight.outcome = { kind: 'response', response };
    return undefined;
  }

  private headersFor(flight: Flight): [string, string][] {
    const headers: [string, string][] = [...flight.prepared.headers];
    if (!headers.some(([name]) => name.toLowerCase() === 'user-agent')) headers.push(['User-Agent', this.userAgent]);
    if (flight.contentType !== null && flight.body !== null) headers.push(['Content-Type', flight.contentType]);
    return headers;
  }

  private record(flight: Flight, mappedUrl: string | null, responseCode: number | null, error?: string): void {
    const headers: Record<string, string> = {};
    for (const [name, value] of this.headersFor(flight)) headers[name] = value;
    this.log.push({
      executionId: this.host.currentExecution()?.id ?? null,
      url: flight.url.href === flight.prepared.parsed.href ? flight.prepared.url : flight.url.href,
      mappedUrl,
      method: flight.method,
      headers,
      payload: flight.body ? new TextDecoder().decode(flight.body) : null,
      responseCode,
      error: error ?? (mappedUrl === null ? (flight.outcome?.kind === 'error' ? flight.outcome.message : null) : null),
    });
  }
}

type AppMethods = 'fetch' | 'fetchAll' | 'getRequest';

class UrlFetchAppFake implements Pick<GoogleAppsScript.URL_Fetch.UrlFetchApp, AppMethods> {
  static readonly appsScriptName = 'UrlFetchApp';
  /** Overloads from the UrlFetchApp reference (core/signatures.ts). */
  static readonly appsScriptSignatures = {
    fetch: ['String', 'String,Object'],
    getRequest: ['String', 'String,Object'],
    fetchAll: ['Object[]'],
  };

  constructor(private readonly state: UrlFetchState) {}

  fetch(
    url: string,
    params?: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions,
  ): GoogleAppsScript.URL_Fetch.HTTPResponse {
    const [response] = this.state.execute(this.state.prepareAll([{ url, params }]));
    return response as unknown as GoogleAppsScript.URL_Fetch.HTTPResponse;
  }

  fetchAll(
    requests: (GoogleAppsScript.URL_Fetch.URLFetchRequest | string)[],
  ): GoogleAppsScript.URL_Fetch.HTTPResponse[] {
    if (!Array.isArray(requests)) throw new AppsScriptException(M.invalidArgument('requests'));
    const list = requests.map((r) => (typeof r === 'string' ? { url: r, params: {} } : { url: r?.url, params: r }));
    return this.state.execute(this.state.prepareAll(list)) as unknown as GoogleAppsScript.URL_Fetch.HTTPResponse[];
  }

  getRequest(
    url: string,
    params?: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions,
  ): GoogleAppsScript.URL_Fetch.URLFetchRequest {
    return describeRequest(prepareRequest(url, params)) as unknown as GoogleAppsScript.URL_Fetch.URLFetchRequest;
  }
}

export function createUrlFetchService(host: ServiceHost, options: UrlFetchOptions): UrlFetchService {
  const state = new UrlFetchState(host, options);
  return {
    globalName: 'UrlFetchApp',
    global: new UrlFetchAppFake(state),
    _requests: () => state.log.map((entry) => ({ ...entry, headers: { ...entry.headers } })),
    _clearRequests: () => {
      state.log.length = 0;
    },
    _setHostMap: (map) => {
      state.hostMap = normaliseHostMap(map);
    },
    _quotaUsedToday: () => state.usedToday(),
  };
}
