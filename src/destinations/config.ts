/**
 * A destination's secrets (webhook URLs, tokens, header values) masked for the sidebar, and
 * merged back on save as data sources do (src/datasources/config.ts): a mask sent back keeps the
 * stored secret only while the target is unchanged, which here means the kind, every non-secret
 * field, and every secret that is itself the address (a webhook URL: typing a new one changes
 * where messages go, so the other stored secrets are dropped).
 */
import { mergeMasked, SECRET_MASK, type SecretMerge, type StoredTarget } from '../datasources/config';
import type { DestinationConfig, DestinationKind, OptionValues } from './kind';

export { SECRET_MASK };

type OptionValue = OptionValues[string];
const norm = (v: OptionValue): string => (v === undefined || v === null ? '' : String(v).trim());

export function maskDestination(config: DestinationConfig, kind: DestinationKind): DestinationConfig {
  const options: OptionValues = { ...config.options };
  for (const field of kind.fields) {
    if (field.secret && norm(options[field.name]) !== '') options[field.name] = SECRET_MASK;
  }
  return { ...config, options };
}

/** The fields that say where messages go whose values differ from the stored ones. */
export function changedTarget(incoming: OptionValues, stored: OptionValues, kind: DestinationKind): string[] {
  return kind.fields
    .filter((f) => !f.secret || f.target)
    .filter((f) => !(f.secret && incoming[f.name] === SECRET_MASK))
    .filter((f) => norm(incoming[f.name]) !== norm(stored[f.name]))
    .map((f) => f.name);
}

/** The options to store or send: masked secrets restored only for an unchanged target. */
export function mergeDestinationSecrets(
  incoming: OptionValues,
  stored: StoredTarget | null,
  kind: DestinationKind,
): SecretMerge {
  return mergeMasked(incoming, stored, kind, (options) => changedTarget(incoming, options, kind));
}
