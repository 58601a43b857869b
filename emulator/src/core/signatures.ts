/**
 * Java-style overload checking for emulated service methods. A service class may declare
 * `static appsScriptSignatures = { method: ['String', 'String,number', ''] }`: each entry is one
 * overload, its parameter types separated by commas ('' is "no arguments"). A call whose
 * arguments match no overload fails as Apps Script fails it:
 * "The parameters (String,number) don't match the method signature for SpreadsheetApp.Range.copyTo."
 *
 * Types: String (a string or null: `getRange(1)` is refused), number, Integer,
 * Boolean, Object (anything, null included), Date, Object[] / String[] / number[] (any array),
 * Object[][] (array of arrays), Byte[] (array of numbers), or a service / enum name such as
 * "SpreadsheetApp.Range" (an object of that class; for enums also the value's name as a string).
 */
import { AppsScriptException } from './errors';
import { serviceNameOf } from './service-object';

export type Signatures = Readonly<Record<string, readonly string[]>>;

interface SignedClass {
  appsScriptSignatures?: Signatures;
}

/** The type name Apps Script prints for an argument in the signature error. */
export function typeNameOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (value instanceof Date) return 'Date';
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(Array.isArray)) return 'Object[][]';
    const kinds = new Set(value.map(typeNameOf));
    return kinds.size === 1 && !kinds.has('null') ? `${[...kinds][0]}[]` : 'Object[]';
  }
  if (typeof value === 'function') return 'Function';
  return serviceNameOf(value as object) ?? 'Object';
}

function matches(type: string, value: unknown): boolean {
  switch (type) {
    case 'Object':
      return true;
    case 'String':
      return value === null || typeof value === 'string';
    case 'number':
    case 'Integer':
      return typeof value === 'number';
    case 'Boolean':
      return typeof value === 'boolean';
    case 'Date':
      return value === null || value instanceof Date;
    case 'Object[]':
    case 'String[]':
    case 'number[]':
      return value === null || Array.isArray(value);
    case 'Object[][]':
      return value === null || (Array.isArray(value) && value.every(Array.isArray));
    case 'Byte[]':
      return Array.isArray(value);
    default:
      if (value === null) return true;
      if (typeof value === 'string') return isEnumType(type);
      return typeof value === 'object' && serviceNameOf(value) === type;
  }
}

/** Enum types are named like "SpreadsheetApp.Direction": a service prefix and one capitalised word. */
function isEnumType(type: string): boolean {
  return ENUM_TYPES.has(type);
}

const ENUM_TYPES = new Set<string>();

/** Registers an enum type name, so that a value's name as a string is accepted where it is expected. */
export function registerEnumType(name: string): void {
  ENUM_TYPES.add(name);
}

/** Throws Apps Script's signature error when a declared method gets arguments no overload takes. */
export function checkSignature(target: object, serviceName: string, method: string, args: unknown[]): void {
  const ctor = (target as { constructor?: unknown }).constructor as SignedClass | undefined;
  const overloads = ctor?.appsScriptSignatures?.[method];
  if (!overloads) return;
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--;
  const given = args.slice(0, n);
  for (const overload of overloads) {
    const types = overload === '' ? [] : overload.split(',');
    if (types.length === given.length && types.every((t, i) => matches(t, given[i]))) return;
  }
  throw new AppsScriptException(
    `The parameters (${given.map(typeNameOf).join(',')}) don't match the method signature for ${serviceName}.${method}.`,
  );
}
