/**
 * Data sources: stored in Document properties, validated before use, masked on the way to
 * the sidebar, tested on demand without saving, and paused after repeated connection failures
 * so that a dead database cannot burn Apps Script's daily quota of failed JDBC connections.
 * Only a source's managers (see datasources/access.ts) may create, change or delete it, and a
 * stored secret is only ever sent to the target it was saved for.
 */
import { translate, type Lang } from '../core/i18n';
import { SkipError, UserError, errorMessage } from '../core/user-error';
import { canManage, createRefusal, managersOf, type Who } from '../datasources/access';
import {
  HEALTHY,
  maskSecrets,
  mergeSecrets,
  type DataSourceConfig,
  type DataSourceHealth,
} from '../datasources/config';
import { dnsQueryUrl, isPrivateHost, missingScope, readDnsAnswer, shortVersion } from '../datasources/diagnose';
import type { ConnectionRequest, DataSourceKind, OptionValues } from '../datasources/kind';
import { findKind, listKinds } from '../datasources/registry';
import { validateOptions } from '../datasources/validate';
import { deleteKey, readAllWithPrefix, readJson, writeJson } from '../adapters/document-properties';
import { askDns } from '../adapters/dns';
import { closeQuietly, openConnection } from '../adapters/jdbc';
import type { DataSourceInput, DataSourceView, TestDataSourceInput, TestResultView } from '../shared/api-types';
import { probePrivileges } from './privilege-probe';

const CONFIG_PREFIX = 'sheetdash.ds.';
const HEALTH_PREFIX = 'sheetdash.dshealth.';
/** Failed connections in a row after which scheduled runs skip the source. */
export const PAUSE_AFTER_FAILURES = 5;

export function listDataSources(lang: Lang, who: Who): DataSourceView[] {
  return readAllWithPrefix<DataSourceConfig>(CONFIG_PREFIX)
    .map((config) => view(config, lang, who))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function getDataSource(id: string, lang: Lang): DataSourceConfig {
  const config = readJson<DataSourceConfig>(CONFIG_PREFIX + id);
  if (!config) throw new UserError(translate(lang, 'ds.notFound', { id }));
  return config;
}

export function getHealth(id: string): DataSourceHealth {
  return readJson<DataSourceHealth>(HEALTH_PREFIX + id) ?? { ...HEALTHY };
}

export function saveDataSource(input: DataSourceInput, lang: Lang, who: Who): DataSourceView {
  const kind = requireKind(input.kind, lang);
  const stored = input.id ? readJson<DataSourceConfig>(CONFIG_PREFIX + input.id) : null;
  // an id names a stored source: a deleted source's id is never taken over (queries still name it)
  if (input.id && !stored) throw new UserError(translate(lang, 'ds.notFound', { id: input.id }));
  if (stored) assertManager(stored, lang, who);
  else assertCreator(lang, who);
  const options = optionsFor(input.options, stored, kind, lang);
  const problems = validateOptions(kind, options);
  if (!input.name.trim())
    problems.unshift({ key: 'ds.fieldRequired', vars: { field: lang === 'ja' ? '名前' : 'Name' } });
  if (problems.length > 0) throw new UserError(problems.map((p) => translate(lang, p.key, p.vars)).join('\n'));
  const config: DataSourceConfig = {
    id: stored?.id ?? Utilities.getUuid(),
    name: input.name.trim(),
    kind: kind.id,
    writable: input.writable === true,
    options,
    createdBy: stored ? stored.createdBy : who.email,
  };
  writeJson(CONFIG_PREFIX + config.id, config);
  return view(config, lang, who);
}

export function deleteDataSource(id: string, lang: Lang, who: Who): void {
  const stored = readJson<DataSourceConfig>(CONFIG_PREFIX + id);
  if (!stored) return;
  assertManager(stored, lang, who);
  deleteKey(CONFIG_PREFIX + id);
  deleteKey(HEALTH_PREFIX + id);
}

/**
 * Tests a stored source as it is (`id` alone), or the form's content (`kind` and `options`),
 * which may reuse the secrets of the stored source `id` only while the connection target is
 * unchanged. Nothing is saved.
 *
 * Connects, runs the kind's version query and answers; writes nothing but the health of a
 * stored source tested as stored (a success resumes a paused source).
 */
export function testDataSource(input: TestDataSourceInput, lang: Lang): TestResultView {
  const target = testTarget(input, lang);
  const { kind, options, healthOf } = target;
  const started = Date.now();
  try {
    const connection = openCounted(kind, options, healthOf, lang, true);
    try {
      const statement = connection.createStatement();
      const rs = statement.executeQuery(kind.versionSql);
      const version = rs.next() ? shortVersion(rs.getString(1)) : '';
      const ms = Date.now() - started;
      const server = version.startsWith(kind.productName) ? version : `${kind.productName} ${version}`.trim();
      const message = translate(lang, 'ds.testOk', { server, ms });
      return { ok: true, version, ms, message, warnings: probePrivileges(connection, kind, lang) };
    } finally {
      closeQuietly(connection);
    }
  } catch (error) {
    return { ok: false, ms: Date.now() - started, message: errorMessage(error) };
  }
}

/**
 * Opens a connection for a run. A paused source is skipped by scheduled runs; every failure
 * is counted, and the source pauses itself after PAUSE_AFTER_FAILURES in a row.
 */
export function connect(
  config: DataSourceConfig,
  lang: Lang,
  run: { scheduled: boolean },
): GoogleAppsScript.JDBC.JdbcConnection {
  const kind = requireKind(config.kind, lang);
  const health = getHealth(config.id);
  if (run.scheduled && health.pausedAt) {
    throw new SkipError(
      translate(lang, 'ds.paused', {
        name: config.name,
        failures: health.consecutiveFailures,
        error: health.lastError ?? '',
      }),
    );
  }
  return openCounted(kind, config.options, config.id, lang, false);
}

/** Validates, connects, and (for a stored source, `healthOf`) records the outcome in its health. */
function openCounted(
  kind: DataSourceKind,
  options: OptionValues,
  healthOf: string | null,
  lang: Lang,
  diagnose: boolean,
): GoogleAppsScript.JDBC.JdbcConnection {
  const problems = validateOptions(kind, options);
  if (problems.length > 0) throw new UserError(problems.map((p) => translate(lang, p.key, p.vars)).join('\n'));
  const request = kind.connectionRequest(options);
  const health = healthOf ? getHealth(healthOf) : null;
  try {
    const connection = openConnection(request);
    const wasFailing = health !== null && (health.consecutiveFailures > 0 || health.pausedAt !== null);
    if (healthOf && wasFailing) writeJson(HEALTH_PREFIX + healthOf, HEALTHY);
    return connection;
  } catch (error) {
    const raw = errorMessage(error);
    const scope = missingScope(raw);
    // A missing OAuth scope is a deployment problem, not a failed connection: nothing was tried.
    if (scope) throw new UserError(translate(lang, 'ds.scopeMissing', { scope, kind: kind.label[lang] }), raw);
    if (healthOf && health) recordFailure(healthOf, health, raw);
    throw new UserError(`${connectFailure(kind, request, lang, diagnose)}\n(${raw})`, raw);
  }
}

function recordFailure(id: string, health: DataSourceHealth, raw: string): void {
  const failures = health.consecutiveFailures + 1;
  const now = new Date().toISOString();
  writeJson(HEALTH_PREFIX + id, {
    consecutiveFailures: failures,
    lastError: raw,
    lastFailureAt: now,
    pausedAt: health.pausedAt ?? (failures >= PAUSE_AFTER_FAILURES ? now : null),
  } satisfies DataSourceHealth);
}

/** The kind's checklist; for a test, what is known of the cause comes first. */
function connectFailure(kind: DataSourceKind, request: ConnectionRequest, lang: Lang, diagnose: boolean): string {
  const checks = kind.connectionChecks.map((c) => translate(lang, `ds.check.${c}`));
  const joined = checks.join(translate(lang, 'ds.checkSeparator'));
  const list = translate(lang, 'ds.connectFailed', { ...request.display, checks: joined });
  if (!diagnose) return list;
  return `${knownCause(kind, request.display.host, lang)}\n${list}`;
}

/** For a network kind: a private address, else what Google Public DNS says of the name (one call). */
function knownCause(kind: DataSourceKind, host: string, lang: Lang): string {
  if (!kind.connectionChecks.includes('allowlist')) return translate(lang, 'ds.causeUnknown');
  if (isPrivateHost(host)) return translate(lang, 'ds.privateHost', { host });
  const url = dnsQueryUrl(host);
  const body = url ? askDns(url) : null;
  const found = body === null ? { kind: 'unknown' as const } : readDnsAnswer(body);
  if (found.kind === 'unknown') return translate(lang, 'ds.causeUnknown');
  if (found.kind === 'no-such-host') return translate(lang, 'ds.noSuchHost', { host });
  const key = found.kind === 'private-address' ? 'ds.privateName' : 'ds.publicName';
  return translate(lang, key, { host, addresses: found.addresses.join(', ') });
}

interface TestTarget {
  kind: DataSourceKind;
  options: OptionValues;
  /** The stored source whose health the test updates: only when testing it exactly as stored. */
  healthOf: string | null;
}

function testTarget(input: TestDataSourceInput, lang: Lang): TestTarget {
  const stored = input.id ? getDataSource(input.id, lang) : null;
  if (input.kind === undefined) {
    if (!stored) throw new UserError(translate(lang, 'ds.kindRequired'));
    return { kind: requireKind(stored.kind, lang), options: stored.options, healthOf: stored.id };
  }
  const kind = requireKind(input.kind, lang);
  const options = optionsFor(input.options ?? {}, stored, kind, lang);
  if (!stored || stored.kind !== kind.id) return { kind, options, healthOf: null };
  const asStored = kind.fields.every((f) => same(options[f.name], stored.options[f.name]));
  return { kind, options, healthOf: asStored ? stored.id : null };
}

function same(a: OptionValues[string], b: OptionValues[string]): boolean {
  return String(a ?? '').trim() === String(b ?? '').trim();
}

/** The incoming options with stored secrets kept where the target is unchanged; a mask for another target is refused. */
function optionsFor(
  incoming: OptionValues,
  stored: DataSourceConfig | null,
  kind: DataSourceKind,
  lang: Lang,
): OptionValues {
  const merged = mergeSecrets(incoming, stored, kind);
  if (merged.ok) return merged.options;
  const label = (name: string) =>
    kind.fields.find((f) => f.name === name)?.label[lang] ?? translate(lang, 'ds.kindField');
  const labels = merged.changed.map(label);
  throw new UserError(translate(lang, 'ds.secretReentry', { fields: labels.join(', ') }));
}

function requireKind(id: string, lang: Lang): DataSourceKind {
  const kind = findKind(id);
  if (kind) return kind;
  const kinds = listKinds()
    .map((k) => k.id)
    .join(', ');
  throw new UserError(translate(lang, 'ds.unknownKind', { kind: id, kinds }));
}

function assertManager(config: DataSourceConfig, lang: Lang, who: Who): void {
  if (canManage(config, who)) return;
  const managers = managersOf(config, who);
  if (managers.length === 0) throw new UserError(translate(lang, 'ds.noManager', { name: config.name }));
  if (who.email === '') throw new UserError(translate(lang, 'ds.emailHidden'));
  throw new UserError(translate(lang, 'ds.notManager', { name: config.name, managers: managers.join(', ') }));
}

function assertCreator(lang: Lang, who: Who): void {
  const refusal = createRefusal(who);
  if (refusal === 'emailHidden') throw new UserError(translate(lang, 'ds.emailHidden'));
  if (refusal === 'notOwner') throw new UserError(translate(lang, 'ds.createNotOwner', { owner: who.owner ?? '' }));
}

function view(config: DataSourceConfig, lang: Lang, who: Who): DataSourceView {
  const kind = findKind(config.kind);
  const masked = kind ? maskSecrets(config, kind) : { ...config, options: {} };
  return {
    ...masked,
    kindLabel: kind ? kind.label[lang] : config.kind,
    health: getHealth(config.id),
    managedBy: managersOf(config, who),
    canManage: canManage(config, who),
  };
}
