/** Jdbc backed by real databases through a synchronous worker bridge (stub: being written). */
import type { EmulatedService, ServiceHost } from '../../core/host';

export interface JdbcOptions {}

export type JdbcService = EmulatedService;

class JdbcFake {
  static readonly appsScriptName = 'Jdbc';
}

export function createJdbcService(_host: ServiceHost, _options: JdbcOptions): JdbcService {
  return { globalName: 'Jdbc', global: new JdbcFake() };
}
