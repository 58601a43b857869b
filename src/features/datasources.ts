/**
 * Data sources: stored in Document properties, validated before use, masked on the way to
 * the sidebar, tested on demand, and paused after repeated connection failures so that a dead
 * database cannot burn Apps Script's daily quota of failed JDBC connections.
 */
import { translate, type Lang } from '../core/i18n';
import { SkipError, UserError, errorMessage } from '../core/user-error';
import { HEALTHY, maskSecrets, mergeSecrets, type DataSourceConfig, type DataSourceHealth } from '../datasources/config';
import type { OptionValues } from '../datasources/kind';
import { findKind, listKinds } from '../datasources/registry';
import { validateOptions } from '../datasources/validate';
import { deleteKey, readAllWithPrefix, readJson, writeJson } from '../adapters/document-properties';
import { closeQuietly, openConnection } from '../adapters/jdbc';
import { probePrivileges } from './privilege-probe';

const CONFIG_PREFIX = 'sheetdash.ds.';
const HEALTH_PREFIX = 'sheetdash.dshealth.';
/** Failed connections in a row after which scheduled runs skip the source. */
export const PAUSE_AFTER_FAILURES = 5;

export interface DataSourceView extends DataSourceConfig {
  kindLabel: string;
  health: DataSourceHealth;
}

export function listDataSources(lang: Lang): DataSourceView[] {
  return readAllWithPrefix<DataSourceConfig>(CONFIG_PREFIX)
    .map((config) => view(config, lang))
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

export interface DataSourceInput {
  id?: string;
  name: string;
  kind: string;
  writable?: boolean;
  options: OptionValues;
}

export function saveDataSource(input: DataSourceInput, lang: Lang): DataSourceView {
  const kind = findKind(input.kind);
  if (!kind) throw new UserError(translate(lang, 'ds.unknownKind', { kind: input.kind, kinds: listKinds().map((k) => k.id).join(', ') }));
  const stored = input.id ? readJson<DataSourceConfig>(CONFIG_PREFIX + input.id) : null;
  const options = mergeSecrets(input.options, stored?.options, kind);
  const problems = validateOptions(kind, options);
  if (!input.name.trim()) problems.unshift({ key: 'ds.fieldRequired', vars: { field: lang === 'ja' ? '名前' : 'Name' } });
  if (problems.length > 0) throw new UserError(problems.map((p) => translate(lang, p.key, p.vars)).join('\n'));
  const config: DataSourceConfig = {
    id: stored?.id ?? input.id ?? Utilities.getUuid(),
    name: input.name.trim(),
    kind: kind.id,
    writable: input.writable === true,
    options,
  };
  writeJson(CONFIG_PREFIX + config.id, config);
  return view(config, lang);
}

export function deleteDataSource(id: string): void {
  deleteKey(CONFIG_PREFIX + id);
  deleteKey(HEALTH_PREFIX + id);
}

export interface TestResult {
  ok: boolean;
  message: string;
  version?: string;
  ms: number;
  warnings?: string[];
}

/** Connects, runs the kind's version query, and resumes a paused source on success. */
export function testDataSource(id: string, lang: Lang): TestResult {
  const config = getDataSource(id, lang);
  const started = Date.now();
  try {
    const connection = connect(config, lang, { scheduled: false });
    try {
      const statement = connection.createStatement();
      const rs = statement.executeQuery(findKind(config.kind)!.versionSql);
      const version = rs.next() ? rs.getString(1) : '';
      const ms = Date.now() - started;
      const kind = findKind(config.kind)!;
      const message = translate(lang, 'ds.testOk', { product: kind.productName, version, ms });
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
export function connect(config: DataSourceConfig, lang: Lang, run: { scheduled: boolean }): GoogleAppsScript.JDBC.JdbcConnection {
  const kind = findKind(config.kind);
  if (!kind) throw new UserError(translate(lang, 'ds.unknownKind', { kind: config.kind, kinds: listKinds().map((k) => k.id).join(', ') }));
  const health = getHealth(config.id);
  if (run.scheduled && health.pausedAt) {
    throw new SkipError(
      translate(lang, 'ds.paused', { name: config.name, failures: health.consecutiveFailures, error: health.lastError ?? '' }),
    );
  }
  const problems = validateOptions(kind, config.options);
  if (problems.length > 0) throw new UserError(problems.map((p) => translate(lang, p.key, p.vars)).join('\n'));
  const request = kind.connectionRequest(config.options);
  try {
    const connection = openConnection(request);
    if (health.consecutiveFailures > 0 || health.pausedAt) writeJson(HEALTH_PREFIX + config.id, HEALTHY);
    return connection;
  } catch (error) {
    const raw = errorMessage(error);
    const scope = /Required permissions: (https:\/\/\S+)/.exec(raw);
    // A missing OAuth scope is a deployment problem, not a failed connection: nothing was tried.
    if (scope) throw new UserError(translate(lang, 'ds.scopeMissing', { scope: scope[1], kind: kind.label[lang] }), raw);
    const failures = health.consecutiveFailures + 1;
    const now = new Date().toISOString();
    writeJson(HEALTH_PREFIX + config.id, {
      consecutiveFailures: failures,
      lastError: raw,
      lastFailureAt: now,
      pausedAt: health.pausedAt ?? (failures >= PAUSE_AFTER_FAILURES ? now : null),
    } satisfies DataSourceHealth);
    throw new UserError(translate(lang, 'ds.connectFailed', request.display) + `\n(${raw})`, raw);
  }
}

function view(config: DataSourceConfig, lang: Lang): DataSourceView {
  const kind = findKind(config.kind);
  const masked = kind ? maskSecrets(config, kind) : { ...config, options: {} };
  return { ...masked, kindLabel: kind ? kind.label[lang] : config.kind, health: getHealth(config.id) };
}
