/**
 * End-to-end alert setups: the built bundle with a data source on a test database, a table of
 * accounts whose negative balances a check query finds, destinations pointing at the local
 * receiver (playing Slack, Google Chat and a JSON webhook), and helpers to run ticks and read
 * the alert history tab.
 */
import type { Receiver } from '../../emulator/src/http/receiver';
import type { AppsScriptRuntime, ExecutionResult, RuntimeOptions } from '../../emulator/src/runtime';
import type { AlertView, DestinationView } from '../../src/shared/api-types';
import { api, saveQuery } from './api';
import type { TestDatabase } from './engines';
import { setupWithDataSource } from './refresh';

export const BOT_TOKEN = 'xoxb-1-alertsTEST';
export const SLACK_CHANNEL = 'C0123ABCD';
export const SLACK_WEBHOOK = 'https://hooks.slack.com/services/T0001/B0001/alertsHOOK';
export const CHAT_URL = 'https://chat.googleapis.com/v1/spaces/AAAA/messages?key=k1&token=chatTOKEN';

export interface AlertSetup {
  rt: AppsScriptRuntime;
  dataSourceId: string;
  queryId: string;
}

export function hostMap(receiver: Receiver): Record<string, string> {
  return {
    'https://hooks.slack.com': receiver.origin,
    'https://slack.com': receiver.origin,
    'https://chat.googleapis.com': receiver.origin,
    'https://dns.google': receiver.origin,
  };
}

/** Fills `<schema>.accounts` with `bad` negative balances (and two good rows). */
export function setBadRows(db: TestDatabase, table: string, bad: number): void {
  const rows = ['(1, 100)', '(2, 5)'];
  for (let i = 0; i < bad; i++) rows.push(`(${100 + i}, ${-(i + 1)})`);
  db.exec(`DELETE FROM ${db.schema}.${table}\n;\nINSERT INTO ${db.schema}.${table} VALUES ${rows.join(', ')}`);
}

export function createAccounts(db: TestDatabase, table: string): void {
  db.exec(`CREATE TABLE ${db.schema}.${table} (id INT, balance INT)`);
}

/** The bundle, a data source and a saved check query over `table` (every 5 minutes when `scheduled`). */
export function alertSetup(
  db: TestDatabase,
  table: string,
  receiver: Receiver,
  options: { scheduled?: boolean; runtime?: RuntimeOptions } = {},
): AlertSetup {
  const { rt, dataSourceId } = setupWithDataSource(db, {
    urlFetch: { hostMap: hostMap(receiver) },
    ...options.runtime,
  });
  rt.clock.freeze(Date.parse('2030-01-01T08:00:00Z'));
  const query = saveQuery(rt, {
    name: 'Negative balances',
    dataSourceId,
    sql: `SELECT id, balance FROM ${db.schema}.${table} WHERE balance < 0 ORDER BY id`,
    schedule: options.scheduled ? 'every 5 minutes' : '',
    description: '',
    parameters: [],
    tags: [],
  });
  return { rt, dataSourceId, queryId: query.id };
}

export function slackBot(rt: AppsScriptRuntime, name = 'Slack bot'): DestinationView {
  return api(rt, 'saveDestination', {
    name,
    kind: 'slack-bot',
    options: { channel: SLACK_CHANNEL, token: BOT_TOKEN },
  });
}

export function slackWebhook(rt: AppsScriptRuntime, name = 'Slack webhook'): DestinationView {
  return api(rt, 'saveDestination', { name, kind: 'slack-webhook', options: { url: SLACK_WEBHOOK } });
}

/** A "returns rows" check on the query, to the given destinations, with rule fields changed. */
export function rowsCheck(
  rt: AppsScriptRuntime,
  queryId: string,
  destinations: string[],
  change: Partial<AlertView> = {},
): AlertView {
  const added = api(rt, 'addRowsCheck', { queryId, destinations });
  if (Object.keys(change).length === 0) return added;
  const { status: _s, createdBy: _c, updatedBy: _u, updatedAt: _a, ...rule } = { ...added, ...change };
  const answer = api(rt, 'saveAlert', rule);
  if (!('saved' in answer)) throw new Error(`saveAlert: ${JSON.stringify(answer.problems)}`);
  return answer.saved;
}

/** Runs the tick as its time trigger would (the clock moved 5 minutes on first). */
export function tick(rt: AppsScriptRuntime, advanceMs = 5 * 60_000): ExecutionResult {
  rt.clock.advance(advanceMs);
  return rt.run('tick', [], { kind: 'time-trigger' });
}

/** The history tab's rows (header first), or [] when there is none. */
export function historyRows(rt: AppsScriptRuntime): unknown[][] {
  const name = rt.spreadsheet._sheetNames().find((n) => /alert history|アラート履歴/.test(n));
  return name ? (rt.spreadsheet._sheetValues(name) as unknown[][]) : [];
}
