/**
 * Apps Script enums (ScriptApp.AuthMode, Utilities.DigestAlgorithm, ...). Each value is an
 * object whose `toString()` and `name()` give its name, as Apps Script's Java-backed enums do,
 * so `e.authMode === ScriptApp.AuthMode.FULL` and `String(e.authMode) === 'FULL'` both hold.
 */
import { registerEnumType } from '../../core/signatures';

export interface EnumValue {
  readonly _name: string;
  toString(): string;
  name(): string;
  ordinal(): number;
  toJSON(): string;
}

export type EnumOf<K extends string> = Readonly<Record<K, EnumValue>>;

/** Builds the values of one enum; `appsScriptName` is "ScriptApp.AuthMode" and so on. */
export function makeEnum<K extends string>(appsScriptName: string, names: readonly K[]): EnumOf<K> {
  class Value implements EnumValue {
    static readonly appsScriptName = appsScriptName;
    constructor(
      readonly _name: string,
      readonly _ordinal: number,
    ) {}
    toString(): string {
      return this._name;
    }
    name(): string {
      return this._name;
    }
    ordinal(): number {
      return this._ordinal;
    }
    toJSON(): string {
      return this._name;
    }
  }
  registerEnumType(appsScriptName);
  const out = {} as Record<K, EnumValue>;
  names.forEach((n, i) => {
    out[n] = new Value(n, i);
  });
  return Object.freeze(out);
}

/** The name of an enum value given by the sandbox (an enum object, or its name as a string). */
export function enumName(value: unknown): string {
  if (value && typeof value === 'object' && '_name' in value) return String((value as EnumValue)._name);
  return String(value);
}
