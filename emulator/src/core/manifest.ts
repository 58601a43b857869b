/**
 * The project manifest (appsscript.json) as the runtime reads it: time zone, runtime version,
 * explicit OAuth scopes and the UrlFetch allowlist.
 */
export interface Manifest {
  timeZone?: string;
  runtimeVersion?: string;
  exceptionLogging?: string;
  oauthScopes?: string[];
  urlFetchWhitelist?: string[];
  [key: string]: unknown;
}

export function parseManifest(json: string): Manifest {
  const parsed = JSON.parse(json) as Manifest;
  if (parsed.runtimeVersion !== 'V8') {
    throw new Error(`appsscript.json: runtimeVersion must be "V8" (got ${JSON.stringify(parsed.runtimeVersion)})`);
  }
  return parsed;
}
