/**
 * The smaller services (stub: being written): PropertiesService, CacheService, LockService,
 * ScriptApp, HtmlService, MailApp, Session, Utilities, Logger and console.
 */
import type { EmulatedService, ServiceHost } from '../../core/host';
import type { AuthModeName } from '../../core/execution';
import type { SpreadsheetService } from '../spreadsheet';

export interface BaseServices {
  all: EmulatedService[];
  scriptApp: { _authModeValue(mode: AuthModeName): unknown };
}

class LoggerFake {
  static readonly appsScriptName = 'Logger';
  constructor(private readonly _host: ServiceHost) {}
  log(...args: unknown[]): this {
    this._host.log(args.map(String).join(' '));
    return this;
  }
}

export function createBaseServices(host: ServiceHost, _deps: { spreadsheet: SpreadsheetService }): BaseServices {
  const logger: EmulatedService = { globalName: 'Logger', global: new LoggerFake(host) };
  return { all: [logger], scriptApp: { _authModeValue: (mode) => mode } };
}
