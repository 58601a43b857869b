/**
 * Checks parameter definitions as they arrive from the sidebar or are read back from the
 * library sheet: known types, valid names, options as text. Returns the clean list or what is
 * wrong, in English words meant for the "Invalid request" / broken-row messages.
 */
import type { ParameterDef, ParameterType } from '../../shared/api-types';
import { isParameterName } from './placeholders';

const TYPES: ParameterType[] = ['text', 'number', 'date', 'datetime', 'daterange', 'list', 'cell'];

export type DefinitionCheck = { ok: true; defs: ParameterDef[] } | { ok: false; problem: string };

export function checkParameterDefs(value: unknown): DefinitionCheck {
  if (value === undefined || value === null || value === '') return { ok: true, defs: [] };
  if (!Array.isArray(value)) return { ok: false, problem: 'parameters must be a list' };
  if (value.length > 100) return { ok: false, problem: 'at most 100 parameters' };
  const defs: ParameterDef[] = [];
  for (const [i, item] of value.entries()) {
    if (item === null || typeof item !== 'object' || Array.isArray(item))
      return { ok: false, problem: `parameter ${i + 1} must be an object` };
    const p = item as Record<string, unknown>;
    if (typeof p.name !== 'string' || !isParameterName(p.name))
      return { ok: false, problem: `parameter ${i + 1} has no valid name (letters, digits, _)` };
    if (defs.some((d) => d.name === p.name)) return { ok: false, problem: `parameter "${p.name}" is declared twice` };
    if (!TYPES.includes(p.type as ParameterType))
      return { ok: false, problem: `parameter "${p.name}" has an unknown type; use one of ${TYPES.join(', ')}` };
    const def: ParameterDef = { name: p.name, type: p.type as ParameterType };
    for (const key of ['label', 'default', 'optionsQueryId', 'cellRef'] as const) {
      const v = p[key];
      if (v === undefined || v === null || v === '') continue;
      if (typeof v !== 'string' || v.length > 10_000)
        return { ok: false, problem: `parameter "${p.name}": ${key} must be text` };
      def[key] = v;
    }
    if (p.options !== undefined && p.options !== null) {
      if (!Array.isArray(p.options) || p.options.some((o) => typeof o !== 'string') || p.options.length > 5_000) {
        return { ok: false, problem: `parameter "${p.name}": options must be a list of texts` };
      }
      def.options = p.options as string[];
    }
    if (p.multi !== undefined && p.multi !== null) {
      if (typeof p.multi !== 'boolean')
        return { ok: false, problem: `parameter "${p.name}": multi must be true or false` };
      def.multi = p.multi;
    }
    defs.push(def);
  }
  return { ok: true, defs };
}
