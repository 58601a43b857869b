/**
 * Checks a data source configuration before any connection is tried, so that a mistake Apps
 * Script would answer with its one vague connection error gets a precise message instead:
 * missing fields, ports below 1025, and URL options Apps Script refuses (sslmode, useSSL...).
 */
import type { MessageKey } from '../core/i18n';
import type { DataSourceKind, OptionValues } from './kind';

export interface Problem {
  key: MessageKey;
  vars: Record<string, string | number>;
}

const REFUSED_OPTIONS = ['sslmode', 'ssl', 'usessl', 'ssl-mode', 'channel_binding', 'requiressl'];

export function validateOptions(kind: DataSourceKind, options: OptionValues): Problem[] {
  const problems: Problem[] = [];
  for (const field of kind.fields) {
    const value = options[field.name];
    if (field.required && (value === undefined || value === null || String(value).trim() === '')) {
      problems.push({ key: 'ds.fieldRequired', vars: { field: field.label.en } });
    }
  }
  if (kind.fields.some((f) => f.name === 'port') && options.port !== undefined && String(options.port) !== '') {
    const port = Number(options.port);
    if (!Number.isInteger(port) || port < 1025 || port > 65535)
      problems.push({ key: 'ds.portRange', vars: { port: String(options.port) } });
  }
  for (const name of ['host', 'database', 'instance']) {
    const value = String(options[name] ?? '');
    const query = value.split(/[?;&]/).slice(1).join('&');
    for (const pair of query.split('&').filter(Boolean)) {
      const key = pair.split('=')[0].trim();
      if (REFUSED_OPTIONS.includes(key.toLowerCase())) problems.push({ key: 'ds.urlOption', vars: { option: key } });
    }
    if (/[?;]/.test(value) && problems.every((p) => p.key !== 'ds.urlOption')) {
      problems.push({ key: 'ds.urlOption', vars: { option: value.slice(value.search(/[?;]/)) } });
    }
  }
  return problems;
}
