/** SpreadsheetApp backed by HyperFormula (stub: being written). */
import type { EmulatedService, ServiceHost } from '../../core/host';

export interface SpreadsheetOptions {
  name?: string;
  timeZone?: string;
  locale?: string;
}

export interface SpreadsheetService extends EmulatedService {
  /** The container spreadsheet (host object). */
  _active(): object;
}

class SpreadsheetAppFake {
  static readonly appsScriptName = 'SpreadsheetApp';
}

export function createSpreadsheetService(_host: ServiceHost, _options: SpreadsheetOptions): SpreadsheetService {
  const global = new SpreadsheetAppFake();
  return { globalName: 'SpreadsheetApp', global, _active: () => ({}) };
}
