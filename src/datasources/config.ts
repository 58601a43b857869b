/**
 * A stored data source and its masking. Secrets (per the kind's field list) are replaced by a
 * mask before anything goes to the sidebar. A mask sent back keeps the stored secret only while
 * the connection target (kind and every non-secret field) is unchanged: a secret is bound to
 * where it was meant to go, so it can never be redirected to another host.
 */
import { type DataSourceHealthView, SECRET_MASK } from '../shared/api-types';
import type { DataSourceKind, OptionValues } from './kind';

type OptionValue = OptionValues[string];

export { SECRET_MASK };

export interface DataSourceConfig {
  id: string;
  name: string;
  kind: string;
  /** Read-only unless an admin marks it writable. */
  writable: boolean;
  options: OptionValues;
  /** E-mail of the user who created it ('' if unknown; absent on sources saved before it was recorded). */
  createdBy?: string;
}

/** Connection health, kept apart from the configuration so that failures never rewrite secrets. */
export type DataSourceHealth = DataSourceHealthView;

export const HEALTHY: DataSourceHealth = {
  consecutiveFailures: 0,
  lastError: null,
  lastFailureAt: null,
  pausedAt: null,
};

export function maskSecrets(config: DataSourceConfig, kind: DataSourceKind): DataSourceConfig {
  const options: OptionValues = { ...config.options };
  for (const field of kind.fields) {
    if (field.secret && options[field.name] !== undefined && options[field.name] !== '')
      options[field.name] = SECRET_MASK;
  }
  return { ...config, options };
}

/**
 * The fields that say where the secrets go and differ between two configurations of the same
 * kind: every non-secret field, and a secret that binds the target (the server's CA) when it is
 * sent as a new value or cleared instead of as the mask.
 */
export function changedTargetFields(incoming: OptionValues, stored: OptionValues, kind: DataSourceKind): string[] {
  const norm = (v: OptionValue): string => (v === undefined || v === null ? '' : String(v).trim());
  const differs = (name: string) => norm(incoming[name]) !== norm(stored[name]);
  return kind.fields
    .filter((f) =>
      f.secret ? f.bindsTarget === true && incoming[f.name] !== SECRET_MASK && differs(f.name) : differs(f.name),
    )
    .map((f) => f.name);
}

/** What merging the incoming options with the stored secrets gave. */
export type SecretMerge =
  | { ok: true; options: OptionValues }
  /** The mask was sent for a secret, but the target changed: the secret must be typed again. */
  | { ok: false; changed: string[]; masked: string[] };

/**
 * The options to store or test. A masked secret keeps the stored value only when `stored` is the
 * same kind and no non-secret field changed; otherwise every stored secret is dropped, and a
 * mask sent for one is refused (the caller asks for the password again).
 */
export function mergeSecrets(incoming: OptionValues, stored: StoredTarget | null, kind: DataSourceKind): SecretMerge {
  return mergeMasked(incoming, stored, kind, (options) => changedTargetFields(incoming, options, kind));
}

/**
 * The merge both data sources and alert destinations use: masks restored from `stored` only
 * when it is the same kind and `changedTarget` finds nothing changed; else refused.
 */
export function mergeMasked(
  incoming: OptionValues,
  stored: StoredTarget | null,
  kind: { id: string; fields: readonly { name: string; secret?: boolean }[] },
  changedTarget: (storedOptions: OptionValues) => string[],
): SecretMerge {
  const sameKind = stored !== null && stored.kind === kind.id;
  const changed = sameKind ? changedTarget(stored.options) : ['kind'];
  const keep = sameKind && changed.length === 0;
  const merged: OptionValues = {};
  const masked: string[] = [];
  for (const field of kind.fields) {
    const value = incoming[field.name];
    if (!(field.secret && value === SECRET_MASK)) merged[field.name] = value;
    else if (keep) merged[field.name] = stored?.options[field.name];
    else masked.push(field.name);
  }
  if (masked.length > 0) return { ok: false, changed, masked };
  return { ok: true, options: merged };
}

/** The part of a stored configuration that a secret is bound to. */
export interface StoredTarget {
  kind: string;
  options: OptionValues;
}
