/**
 * Checks of what arrives from google.script.run: every API function reads its payload through
 * these, so a missing or mistyped field gets a clear message instead of a crash deep inside.
 * An InputError names what is wrong as a message key, worded in the user's language by the API.
 */
import { translate, type Lang, type MessageKey } from './i18n';

export type InputVars = Record<string, string | number>;

export class InputError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly vars: InputVars = {},
  ) {
    super(translate('en', key, vars));
    this.name = 'InputError';
  }

  /** What is wrong, in `lang`. */
  detail(lang: Lang): string {
    return translate(lang, this.key, this.vars);
  }
}

export type Payload = Record<string, unknown>;

/**
 * The payload as an object of its own fields only, without a prototype: a `__proto__` or
 * `constructor` key is a plain field, and no field is ever read from Object.prototype.
 */
export function asPayload(value: unknown): Payload {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new InputError('input.object');
  const own: Payload = Object.create(null);
  for (const key of Object.keys(value)) own[key] = (value as Payload)[key];
  return own;
}

export function text(p: Payload, key: string, options: { required?: boolean; max?: number } = {}): string {
  const value = p[key];
  if (value === undefined || value === null || value === '') {
    if (options.required) throw new InputError('input.required', { key });
    return '';
  }
  if (typeof value !== 'string') throw new InputError('input.text', { key });
  const max = options.max ?? 100_000;
  if (value.length > max) throw new InputError('input.tooLong', { key, max });
  return value;
}

export function optionalNumber(p: Payload, key: string, min: number, max: number): number | undefined {
  const value = p[key];
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new InputError('input.number', { key, min, max });
  return n;
}

export function flag(p: Payload, key: string): boolean {
  const value = p[key];
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw new InputError('input.flag', { key });
  return value;
}

export function record(p: Payload, key: string): Record<string, string | number | boolean | undefined> {
  const value = p[key];
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new InputError('input.record', { key });
  const out: Record<string, string | number | boolean | undefined> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === null || v === undefined) continue;
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
      throw new InputError('input.scalar', { key: `${key}.${k}` });
    out[k] = v;
  }
  return out;
}

/** What saving a configured thing (a data source, a destination) sends: id, name, kind, options. */
export function configPayload(raw: unknown): {
  id: string | undefined;
  name: string;
  kind: string;
  options: Record<string, string | number | boolean | undefined>;
} {
  const p = asPayload(raw);
  return {
    id: text(p, 'id', { max: 100 }) || undefined,
    name: text(p, 'name', { required: true, max: 200 }),
    kind: text(p, 'kind', { required: true, max: 50 }),
    options: record(p, 'options'),
  };
}

/** What a test sends: a stored thing's id, or the form's kind and options (which may also name the stored id). */
export function testTargetPayload(raw: unknown): {
  id: string | undefined;
  kind: string | undefined;
  options: Record<string, string | number | boolean | undefined> | undefined;
} {
  const p = asPayload(raw);
  const id = text(p, 'id', { max: 100 }) || undefined;
  const kind = text(p, 'kind', { required: id === undefined, max: 50 }) || undefined;
  return { id, kind, options: kind === undefined ? undefined : record(p, 'options') };
}

/** `{ id }` of a thing to delete or open. */
export function idPayload(raw: unknown): { id: string } {
  return { id: text(asPayload(raw), 'id', { required: true, max: 100 }) };
}
