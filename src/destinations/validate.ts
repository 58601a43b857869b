/**
 * Checks a destination's configuration before it is saved or sent to: required fields, the
 * kind's own formats, and that every URL it calls is in the manifest's allowlist (Apps Script
 * refuses the others, so the user is told which host and what to ask for).
 */
import { URL_FETCH_ALLOWLIST, httpsParts, isAllowedUrl } from './allowlist';
import type { DestinationKind, OptionValues, Problem } from './kind';

export function validateDestination(
  kind: DestinationKind,
  options: OptionValues,
  allowlist: readonly string[] = URL_FETCH_ALLOWLIST,
): Problem[] {
  const problems: Problem[] = [];
  for (const field of kind.fields) {
    const value = options[field.name];
    if (field.required && (value === undefined || value === null || String(value).trim() === ''))
      problems.push({ key: 'dest.fieldRequired', vars: { field: field.label.en } });
  }
  if (problems.length > 0) return problems;
  const own = kind.validate(options);
  if (own.length > 0) return own;
  for (const url of kind.targetUrls(options)) {
    const parts = httpsParts(url);
    if (parts && !isAllowedUrl(url, allowlist))
      problems.push({ key: 'dest.urlNotAllowed', vars: { host: parts.host, allowed: allowlist.join(', ') } });
  }
  return problems;
}
