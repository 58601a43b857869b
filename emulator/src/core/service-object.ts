/**
 * How an emulated service class declares its Apps Script name. The instrumentation counts and
 * checks every call on an object whose class has a static `appsScriptName`
 * ("SpreadsheetApp.Range", "Jdbc.JdbcResultSet", ...). Members whose names start with "_"
 * are host-only: the sandbox cannot see them.
 */
export interface ServiceClass {
  appsScriptName: string;
  /** Overloads per method, checked before each call (see core/signatures.ts). */
  appsScriptSignatures?: Readonly<Record<string, readonly string[]>>;
}

export function serviceNameOf(value: object): string | undefined {
  const ctor = (value as { constructor?: unknown }).constructor as Partial<ServiceClass> | undefined;
  return ctor && typeof ctor.appsScriptName === 'string' ? ctor.appsScriptName : undefined;
}
