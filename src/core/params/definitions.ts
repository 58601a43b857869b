/**
 * Checks parameter definitions as they arrive from the sidebar or are read back from the
 * library sheet: known types, valid names, options as text. Returns the clean list or what is
 * wrong, as a message key (worded in the user's language for the "Invalid request" message).
 */
import type { MessageKey } from '../i18n';
import type { ParameterDef, ParameterType } from '../../shared/api-types';
import { isParameterName } from './placeholders';

const TYPES: ParameterType[] = ['text', 'number', 'date', 'datetime', 'daterange', 'list', 'cell'];

export interface DefinitionProblem {
  key: MessageKey;
  vars: Record<string, string | number>;
}

export type DefinitionCheck = { ok: true; defs: ParameterDef[] } | { ok: false; problem: DefinitionProblem };

function wrong(key: MessageKey, vars: Record<string, string | number> = {}): DefinitionCheck {
  return { ok: false, problem: { key, vars } };
}

export function checkParameterDefs(value: unknown): DefinitionCheck {
  if (value === undefined || value === null || value === '') return { ok: true, defs: [] };
  if (!Array.isArray(value)) return wrong('input.params.list');
  if (value.length > 100) return wrong('input.params.tooMany', { max: 100 });
  const defs: ParameterDef[] = [];
  for (const [i, item] of value.entries()) {
    if (item === null || typeof item !== 'object' || Array.isArray(item))
      return wrong('input.param.object', { n: i + 1 });
    const p = item as Record<string, unknown>;
    if (typeof p.name !== 'string' || !isParameterName(p.name)) return wrong('input.param.name', { n: i + 1 });
    if (defs.some((d) => d.name === p.name)) return wrong('input.param.twice', { name: p.name });
    if (!TYPES.includes(p.type as ParameterType))
      return wrong('input.param.type', { name: p.name, types: TYPES.join(', ') });
    const def: ParameterDef = { name: p.name, type: p.type as ParameterType };
    for (const key of ['label', 'default', 'optionsQueryId', 'cellRef'] as const) {
      const v = p[key];
      if (v === undefined || v === null || v === '') continue;
      if (typeof v !== 'string' || v.length > 10_000) return wrong('input.param.text', { name: p.name, key });
      def[key] = v;
    }
    if (p.options !== undefined && p.options !== null) {
      if (!Array.isArray(p.options) || p.options.some((o) => typeof o !== 'string') || p.options.length > 5_000) {
        return wrong('input.param.options', { name: p.name });
      }
      def.options = p.options as string[];
    }
    if (p.multi !== undefined && p.multi !== null) {
      if (typeof p.multi !== 'boolean') return wrong('input.param.multi', { name: p.name });
      def.multi = p.multi;
    }
    defs.push(def);
  }
  return { ok: true, defs };
}
