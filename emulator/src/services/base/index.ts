/**
 * The smaller services, composed: PropertiesService, CacheService, LockService, ScriptApp,
 * HtmlService, MailApp, Session, Utilities, Logger and console. `all` lists the globals for
 * the runtime; the named members give host code (tests, playground) access to their state.
 */
import type { EmulatedService, ServiceHost } from '../../core/host';
import type { SpreadsheetService } from '../spreadsheet';
import { CacheServiceFake } from './cache';
import { ConsoleFake } from './console';
import { HtmlServiceFake } from './html';
import { LockServiceFake } from './lock';
import { LoggerFake } from './logger';
import { MailAppFake } from './mail';
import { PropertiesServiceFake } from './properties';
import { ScriptAppFake } from './script-app';
import { SessionFake } from './session';
import { UtilitiesFake } from './utilities';

export interface BaseServices {
  all: EmulatedService[];
  scriptApp: ScriptAppFake;
  properties: PropertiesServiceFake;
  cache: CacheServiceFake;
  lock: LockServiceFake;
  html: HtmlServiceFake;
  mail: MailAppFake;
  session: SessionFake;
  utilities: UtilitiesFake;
  logger: LoggerFake;
  console: ConsoleFake;
}

export function createBaseServices(host: ServiceHost, deps: { spreadsheet: SpreadsheetService }): BaseServices {
  const services = {
    scriptApp: new ScriptAppFake(host, deps.spreadsheet),
    properties: new PropertiesServiceFake(host, deps.spreadsheet),
    cache: new CacheServiceFake(host, deps.spreadsheet),
    lock: new LockServiceFake(host, deps.spreadsheet),
    html: new HtmlServiceFake(host),
    mail: new MailAppFake(host),
    session: new SessionFake(host),
    utilities: new UtilitiesFake(host),
    logger: new LoggerFake(host),
    console: new ConsoleFake(host),
  };
  const all: EmulatedService[] = [
    { globalName: 'ScriptApp', global: services.scriptApp },
    { globalName: 'PropertiesService', global: services.properties },
    { globalName: 'CacheService', global: services.cache },
    { globalName: 'LockService', global: services.lock, endExecution: (e) => services.lock._endExecution(e) },
    { globalName: 'HtmlService', global: services.html },
    { globalName: 'MailApp', global: services.mail },
    { globalName: 'Session', global: services.session },
    { globalName: 'Utilities', global: services.utilities },
    { globalName: 'Logger', global: services.logger, endExecution: (e) => services.logger._endExecution(e) },
    { globalName: 'console', global: services.console },
  ];
  return { all, ...services };
}

export type { PropertiesSnapshot, PropertyScope } from './properties';
export type { TriggerInfo, TriggerRun } from './script-app';
export type { SentMail } from './mail';
export { BlobFake } from './blob';
export { HtmlOutputFake, HtmlTemplateFake } from './html';
