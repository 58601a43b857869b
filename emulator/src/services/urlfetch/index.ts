/** UrlFetchApp doing real HTTP on loopback (stub: being written). */
import type { EmulatedService, ServiceHost } from '../../core/host';

export interface UrlFetchOptions {
  hostMap?: Record<string, string>;
}

export type UrlFetchService = EmulatedService;

class UrlFetchAppFake {
  static readonly appsScriptName = 'UrlFetchApp';
}

export function createUrlFetchService(_host: ServiceHost, _options: UrlFetchOptions): UrlFetchService {
  return { globalName: 'UrlFetchApp', global: new UrlFetchAppFake() };
}
