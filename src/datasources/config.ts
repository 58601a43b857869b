/**
 * A stored data source and its masking. Secrets (per the kind's field list) are replaced by a
 * mask before anything goes to the sidebar; a mask sent back keeps the stored secret.
 */
import type { DataSourceKind, OptionValues } from './kind';

export const SECRET_MASK = '••••••••';

export interface DataSourceConfig {
  id: string;
  name: string;
  kind: string;
  /** Read-only unless an admin marks it writable. */
  writable: boolean;
  options: OptionValues;
}

/** Connection health, kept apart from the configuration so that failures never rewrite secrets. */
export interface DataSourceHealth {
  consecutiveFailures: number;
  lastError: string | null;
  lastFailureAt: string | null;
  pausedAt: string | null;
}

export const HEALTHY: DataSourceHealth = { consecutiveFailures: 0, lastError: null, lastFailureAt: null, pausedAt: null };

export function maskSecrets(config: DataSourceConfig, kind: DataSourceKind): DataSourceConfig {
  const options: OptionValues = { ...config.options };
  for (const field of kind.fields) {
    if (field.secret && options[field.name] !== undefined && options[field.name] !== '') options[field.name] = SECRET_MASK;
  }
  return { ...config, options };
}

/** The options to store: masked secrets sent back by the UI keep the stored values. */
export function mergeSecrets(incoming: OptionValues, stored: OptionValues | undefined, kind: DataSourceKind): OptionValues {
  const merged: OptionValues = {};
  for (const field of kind.fields) {
    const value = incoming[field.name];
    merged[field.name] = field.secret && value === SECRET_MASK ? stored?.[field.name] : value;
  }
  return merged;
}
