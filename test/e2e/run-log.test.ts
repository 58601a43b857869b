/**
 * The run log stores language-neutral data and finds its columns by header: a log started by a
 * Japanese user is appended to and read by an English one, the outcome is a code with its
 * translation beside it, and columns a person moved, added or deleted do not shift the data.
 */
import type { AppsScriptRuntime } from '../../emulator/src/runtime';
import { api } from '../helpers/api';
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';
import { setupWithDataSource } from '../helpers/refresh';
import { disposeRuntimes } from '../helpers/runtimes';

afterAll(disposeRuntimes);

function as(rt: AppsScriptRuntime, locale: string): void {
  Object.assign(rt.defaultUser, { locale });
}

describe.each(enabledEngines().map((e) => [e.name, e] as const))('run log on %s', (_name, engine) => {
  let db: TestDatabase;
  beforeAll(() => {
    db = createTestDatabase(engine);
  });
  afterAll(() => db?.drop());

  it('keeps outcome codes, whichever language each user reads', () => {
    const { rt, refresh } = setupWithDataSource(db);
    as(rt, 'ja');
    refresh('SELECT 1 AS one');
    as(rt, 'en');
    refresh('SELECT FROM WHERE');
    const log = rt.spreadsheet._sheetValues('Sheetdash 実行ログ');
    expect(log[0]).toEqual([
      '日時',
      '実行者',
      'クエリ',
      'データソース',
      '行数',
      '所要時間 (ms)',
      '結果コード',
      '結果',
      'メッセージ',
      'チェックコード',
      'チェック',
    ]);
    expect(log.slice(1).map((row) => [row[6], row[7]])).toEqual([
      ['ok', '成功'],
      ['failed', 'Failed'],
    ]);
    const runs = api(rt, 'listRecentRuns');
    expect(runs.map((r) => r.outcome)).toEqual(['failed', 'ok']);
  });

  it('writes under the right headers after a person moves, adds and deletes columns', () => {
    const { rt, refresh } = setupWithDataSource(db);
    refresh('SELECT 1 AS one');
    const sheet = rt.spreadsheet._sheet('Sheetdash run log')!;
    // A person adds a comment column in front, and deletes the Duration column.
    sheet.insertColumnBefore(1);
    sheet.getRange(1, 1).setValue('Comment');
    sheet.getRange(2, 1).setValue('checked by Ann');
    sheet.deleteColumn(7); // "Duration (ms)", now the 7th column
    refresh('SELECT 2 AS two', { name: 'Second' });
    const log = rt.spreadsheet._sheetValues('Sheetdash run log');
    const header = log[0];
    expect(header).toEqual([
      'Comment',
      'When',
      'Who',
      'Query',
      'Data source',
      'Rows',
      'Outcome code',
      'Outcome',
      'Message',
      'Check code',
      'Check',
      'Duration (ms)',
    ]);
    const last = log[2];
    expect(last[0]).toBe('');
    expect(last[header.indexOf('Query')]).toBe('Second');
    expect(last[header.indexOf('Outcome code')]).toBe('ok');
    expect(typeof last[header.indexOf('Duration (ms)')]).toBe('number');
    expect(log[1][0]).toBe('checked by Ann');
    expect(api(rt, 'listRecentRuns').map((r) => [r.query, r.outcome, r.rows])).toEqual([
      ['Second', 'ok', 1],
      ['Result', 'ok', 1],
    ]);
  });

  it('reads a log written before outcome codes (translated outcome, "Error" column)', () => {
    const { rt, refresh } = setupWithDataSource(db);
    const sheet = rt.spreadsheet._active().insertSheet('Old log');
    const header = ['When', 'Who', 'Query', 'Data source', 'Rows', 'Duration (ms)', 'Outcome', 'Error'];
    const at = new Date(Date.UTC(2026, 0, 5));
    sheet
      .getRange(1, 1, 3, 8)
      .setValues([
        header,
        [at, 'a', 'Old OK', 'DB', 1, 5, 'OK', ''],
        [at, 'a', 'Old bad', 'DB', '', 5, '失敗', 'boom'],
      ]);
    sheet.addDeveloperMetadata(
      'sheetdash.runlog',
      '1',
      'PROJECT' as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
    );
    refresh('SELECT 1 AS one', { name: 'New' });
    const runs = api(rt, 'listRecentRuns');
    expect(runs.map((r) => [r.query, r.outcome, r.message])).toEqual([
      ['New', 'ok', ''],
      ['Old bad', 'failed', 'boom'],
      ['Old OK', 'ok', ''],
    ]);
    expect(rt.spreadsheet._sheetValues('Old log')[0]).toEqual([...header, 'Outcome code', 'Check code', 'Check']);
  });
});
