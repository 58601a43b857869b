/**
 * The sidebar's alert API through the bundle, on every enabled engine: saving checks each field
 * (and that the query and destinations exist) and answers problems by field; an edited condition
 * restarts the pending count; deleting an alert removes its status; the one-click check picks the
 * only destination and is named in the user's language; the preview renders the template over
 * the result tab's values (or sample rows); the history tab opens; an archived query's alerts
 * are not evaluated; a wide Japanese result still fits the alert's 9 KB property.
 */
import { useReceiver } from '../helpers/receiver';
import type { AppsScriptRuntime } from '../../emulator/src/runtime';
import type { AlertRule } from '../../src/shared/api-types';
import { api, apiCall, saveQuery } from '../helpers/api';
import { alertSetup, createAccounts, rowsCheck, setBadRows, slackWebhook, tick } from '../helpers/alerts';
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';

const receiver = useReceiver();
beforeEach(async () => {
  await receiver.reset();
});

function asJapanese<T>(rt: AppsScriptRuntime, method: string, payload?: unknown): T {
  const bridged = rt.scriptRun('sheetdashApi', payload === undefined ? [method] : [method, payload], {
    user: { locale: 'ja' },
  });
  if (!bridged.ok) throw new Error(bridged.error.message);
  const answer = bridged.value as { ok: boolean; value?: T; error?: string };
  if (!answer.ok) throw new Error(answer.error);
  return answer.value as T;
}

/** The spreadsheet's Document properties, as stored. */
function documentProperties(rt: AppsScriptRuntime): Map<string, string> {
  return rt.base.properties._map('document');
}

function propertyKeys(rt: AppsScriptRuntime): string[] {
  return [...documentProperties(rt).keys()];
}

describe.each(enabledEngines().map((e) => [e.name, e] as const))('alert API on %s', (_name, engine) => {
  let db: TestDatabase;
  beforeAll(() => {
    db = createTestDatabase(engine);
    createAccounts(db, 'accounts');
    setBadRows(db, 'accounts', 3);
  });
  afterAll(() => db?.drop());

  it('answers problems by field, and saves, edits and deletes an alert with its status', () => {
    const { rt, queryId } = alertSetup(db, 'accounts', receiver);
    const hook = slackWebhook(rt);
    const bad = api(rt, 'saveAlert', {
      id: '',
      queryId: 'nope',
      name: '',
      condition: { column: '', op: '>>', value: 'x', selector: 'max' },
      destinations: ['missing'],
    } as unknown as AlertRule);
    expect('problems' in bad && bad.problems.map((p) => p.field)).toEqual([
      'name',
      'condition.op',
      'condition.value',
      'condition.column',
    ]);
    const noQuery = api(rt, 'saveAlert', {
      queryId: 'nope',
      name: 'A',
      condition: { op: '>', value: '1', selector: 'count' },
      destinations: ['missing'],
    } as unknown as AlertRule);
    expect('problems' in noQuery && noQuery.problems).toEqual([
      { field: 'queryId', message: 'The query "nope" does not exist. Choose a saved query.' },
      { field: 'destinations', message: expect.stringContaining('The destination "missing" does not exist') },
    ]);

    const added = rowsCheck(rt, queryId, [hook.id], { pendingEvaluations: 3 });
    api(rt, 'runQuery', { id: queryId });
    expect(api(rt, 'listAlerts', { queryId })[0].status.pending).toBe(1);
    // The same condition keeps the count; a new one restarts it.
    rowsCheck(rt, queryId, [hook.id]); // another alert, to see lists filter by query too
    const { status: _s, createdBy: _c, updatedBy: _u, updatedAt: _a, ...rule } = added;
    const renamed = api(rt, 'saveAlert', { ...rule, name: 'Renamed' });
    expect('saved' in renamed && renamed.saved.status.pending).toBe(1);
    const changed = api(rt, 'saveAlert', { ...rule, condition: { ...rule.condition, value: '1' } });
    expect('saved' in changed && changed.saved.status.pending).toBe(0);
    expect('saved' in changed && changed.saved.createdBy).toBe('user@example.com');

    const tab = rt.spreadsheet._sheetNames().find((n) => n === 'Sheetdash alerts');
    expect(tab).toBeDefined();
    const rows = rt.spreadsheet._sheetValues('Sheetdash alerts');
    expect(rows[0]).toEqual([
      'Alert ID',
      'Query ID',
      'Alert',
      'Condition',
      'Destinations',
      'Muted',
      'Created by',
      'Created at',
      'Updated by',
      'Updated at',
      'Rule (JSON)',
    ]);
    expect(rows[1].slice(2, 6)).toEqual(['Negative balances: returns rows', 'count > 1', 'Slack webhook', false]);

    api(rt, 'deleteAlert', { id: added.id });
    expect(api(rt, 'listAlerts', {}).map((a) => a.id)).not.toContain(added.id);
    expect(propertyKeys(rt).some((k) => k === `sheetdash.alert.${added.id}`)).toBe(false);
    expect(apiCall(rt, 'saveAlert', { ...rule }).ok).toBe(true);
    const gone = api(rt, 'saveAlert', { ...rule });
    expect('problems' in gone && gone.problems[0].field).toBe('id');
  });

  it('adds the one-click check in the user language, to the only destination', () => {
    const { rt, queryId } = alertSetup(db, 'accounts', receiver);
    const only = slackWebhook(rt);
    const added = asJapanese<{ name: string; destinations: string[]; condition: unknown }>(rt, 'addRowsCheck', {
      queryId,
    });
    expect(added).toMatchObject({
      name: 'Negative balances: 行を返す',
      destinations: [only.id],
      condition: { column: '', op: '>', value: '0', selector: 'count' },
    });
    api(rt, 'runQuery', { id: queryId });
    const [listed] = asJapanese<{ status: { text: string } }[]>(rt, 'listAlerts', { queryId });
    expect(listed.status.text).toBe('発火中: 3 (count > 0)');
    slackWebhook(rt, 'Second');
    expect(api(rt, 'addRowsCheck', { queryId }).destinations).toEqual([]);
  });

  it('previews messages over the result tab, or sample rows before the first run', () => {
    const { rt, queryId } = alertSetup(db, 'accounts', receiver);
    const alert = rowsCheck(rt, queryId, []);
    const { status: _s, createdBy: _c, updatedBy: _u, updatedAt: _a, ...rule } = alert;
    const before = api(rt, 'previewAlertMessage', { rule, kind: 'triggered' });
    expect(before.sample).toBe(true);
    api(rt, 'runQuery', { id: queryId });
    const custom = {
      ...rule,
      templates: {
        triggered: '{{QUERY_RESULT_COUNT}} rows; first {{#QUERY_RESULT_ROWS}}{{id}}/{{balance}} {{/QUERY_RESULT_ROWS}}',
        recovered: '',
      },
    };
    const triggered = api(rt, 'previewAlertMessage', { rule: custom, kind: 'triggered' });
    expect(triggered).toEqual({
      title: 'Triggered: Negative balances: returns rows',
      text: '3 rows; first 100/-1 101/-2 102/-3 ',
      sample: false,
    });
    const recovered = api(rt, 'previewAlertMessage', { rule: custom, kind: 'recovered' });
    expect(recovered.title).toBe('Recovered: Negative balances: returns rows');
    expect(recovered.text).toContain('is back to normal on "Negative balances"');
  });

  it('opens the history tab, made if missing', () => {
    const { rt } = alertSetup(db, 'accounts', receiver);
    const opened = api(rt, 'openAlertHistory');
    expect(opened.sheetName).toBe('Sheetdash alert history');
    expect(opened.url).toMatch(/#gid=\d+$/);
    expect(rt.spreadsheet._sheetValues('Sheetdash alert history')[0][0]).toBe('When');
  });

  it('costs a query without alerts no search for the alerts tab', () => {
    const { rt, queryId } = alertSetup(db, 'accounts', receiver);
    api(rt, 'runQuery', { id: queryId });
    api(rt, 'runQuery', { id: queryId });
    const second = rt.executions[rt.executions.length - 1];
    expect(second.callsOf('SpreadsheetApp.Spreadsheet.createDeveloperMetadataFinder')).toBe(0);
    expect(second.callsOf('PropertiesService.Properties.getProperty')).toBe(0);
  });

  it('drops what an alert still owed once its row is deleted by hand', async () => {
    const { rt, queryId } = alertSetup(db, 'accounts', receiver, { scheduled: true });
    const alert = rowsCheck(rt, queryId, [slackWebhook(rt).id]);
    await receiver.program({ path: '/services/', respond: { status: 503, body: 'down' }, times: 4 });
    api(rt, 'runQuery', { id: queryId });
    expect(documentProperties(rt).has(`sheetdash.alert.${alert.id}`)).toBe(true);
    rt.spreadsheet._sheet('Sheetdash alerts')?.deleteRow(2);
    tick(rt);
    expect(documentProperties(rt).has(`sheetdash.alert.${alert.id}`)).toBe(false);
    expect(await receiver.slackMessages()).toHaveLength(0);
  });

  it('caps the history tab at 1,000 rows, deleting the oldest first', () => {
    const { rt, queryId } = alertSetup(db, 'accounts', receiver);
    rowsCheck(rt, queryId, [], { rearm: { mode: 'always' } });
    api(rt, 'openAlertHistory');
    const tab = rt.spreadsheet._sheet('Sheetdash alert history');
    if (!tab) throw new Error('no history tab');
    const old = Array.from({ length: 1000 }, (_, i) => [`old ${i}`, ...Array.from({ length: 9 }, () => '')]);
    tab.insertRowsAfter(1, 1000);
    tab.getRange(2, 1, 1000, 10).setValues(old);
    api(rt, 'runQuery', { id: queryId });
    const rows = rt.spreadsheet._sheetValues('Sheetdash alert history');
    expect(rows).toHaveLength(1001);
    expect(rows[1][0]).toBe('old 1');
    expect(rows[1000][5]).toBe('triggered');
  });

  it('does not evaluate the alerts of an archived query', async () => {
    const { rt, queryId } = alertSetup(db, 'accounts', receiver, { scheduled: true });
    rowsCheck(rt, queryId, [slackWebhook(rt).id]);
    api(rt, 'archiveQuery', { id: queryId });
    tick(rt);
    const run = api(rt, 'runQuery', { id: queryId });
    expect(run.check).toBeUndefined();
    expect(api(rt, 'listAlerts', {})[0].status.text).toBe('Not evaluated yet');
    expect(await receiver.slackMessages()).toHaveLength(0);
  });

  it('keeps a wide Japanese result within the 9 KB of the alert property', async () => {
    const { rt, dataSourceId } = alertSetup(db, 'accounts', receiver);
    const wide = Array.from({ length: 30 }, (_, i) => `'${'株式会社イロハ'.repeat(40)}' AS 列${i}の長い名前`).join(
      ', ',
    );
    const q = saveQuery(rt, {
      name: '幅の広いチェック',
      dataSourceId,
      sql: `SELECT ${wide} FROM ${db.schema}.accounts`,
      schedule: '',
      parameters: [],
      tags: [],
    });
    const hook = slackWebhook(rt);
    rowsCheck(rt, q.id, [hook.id]);
    await receiver.program({ path: '/services/', respond: { status: 500, body: 'down' } });
    const run = api(rt, 'runQuery', { id: q.id });
    expect(run.ok).toBe(true);
    expect(run.check?.state).toBe('triggered');
    const [alert] = api(rt, 'listAlerts', { queryId: q.id });
    expect(alert.status.undelivered).toBe(1);
    const value = documentProperties(rt).get(`sheetdash.alert.${alert.id}`) ?? '';
    expect(Buffer.byteLength(`sheetdash.alert.${alert.id}${value}`, 'utf8')).toBeLessThanOrEqual(9 * 1024);
    expect(JSON.parse(value).outbox[0].message.result.rows.length).toBeGreaterThan(0);
  });
});
