/**
 * Every string the sidebar shows, in English and Japanese. The server passes the user's
 * language (from Session.getActiveUserLocale) in the page; `t(key, vars)` fills `{name}`.
 */
import type { Lang } from '../../shared/api-types';

export const CATALOG = {
  'tab.query': { en: 'Query', ja: 'クエリ' },
  'tab.library': { en: 'Library', ja: 'ライブラリ' },
  'tab.datasources': { en: 'Data sources', ja: 'データソース' },

  'common.loading': { en: 'Loading…', ja: '読み込み中…' },
  'common.cancel': { en: 'Cancel', ja: 'キャンセル' },
  'common.yes': { en: 'Yes', ja: 'はい' },
  'common.no': { en: 'No', ja: 'いいえ' },
  'common.close': { en: 'Close', ja: '閉じる' },
  'common.serverUnreachable': {
    en: 'The server did not answer ({detail}). Check your connection and try again.',
    ja: 'サーバーが応答しませんでした({detail})。接続を確認してもう一度お試しください。',
  },

  'a11y.app': { en: 'Sheetdash', ja: 'Sheetdash' },
  'a11y.tabs': { en: 'Sheetdash sections', ja: 'Sheetdash のセクション' },
  'a11y.editorLabel': { en: 'SQL', ja: 'SQL' },
  'a11y.editorHint': {
    en: 'To leave the editor: press Esc, then Tab.',
    ja: 'エディタから出るには Esc を押してから Tab を押します。',
  },
  'a11y.libraryFilter': { en: 'Show', ja: '表示' },
  'a11y.libraryTag': { en: 'Tag', ja: 'タグ' },
  'a11y.preview': { en: 'Preview', ja: 'プレビュー' },
  'common.partMissing': {
    en: 'Part of the sidebar could not be loaded ({detail}). Close the sidebar and open it again.',
    ja: 'サイドバーの一部を読み込めませんでした({detail})。サイドバーを閉じてもう一度開いてください。',
  },

  'query.new': { en: 'New query', ja: '新規クエリ' },
  'query.dataSource': { en: 'Data source', ja: 'データソース' },
  'query.noDataSource': {
    en: 'No data source yet: add one in the Data sources tab.',
    ja: 'データソースがありません。「データソース」タブで追加してください。',
  },
  'query.name': { en: 'Name', ja: '名前' },
  'query.namePlaceholder': { en: 'Untitled query', ja: '無題のクエリ' },
  'query.description': { en: 'Description', ja: '説明' },
  'query.tags': { en: 'Tags (comma-separated)', ja: 'タグ(カンマ区切り)' },
  'query.details': { en: 'Description and tags', ja: '説明とタグ' },
  'query.sqlPlaceholder': { en: 'SELECT … (Ctrl+Enter runs a preview)', ja: 'SELECT …(Ctrl+Enter でプレビュー)' },
  'query.format': { en: 'Format', ja: '整形' },
  'query.formatFailed': { en: 'Could not format the SQL: {detail}', ja: 'SQL を整形できませんでした: {detail}' },
  'query.run': { en: 'Run', ja: '実行' },
  'query.runTitle': { en: 'Preview the first rows (Ctrl/Cmd+Enter)', ja: '先頭の行をプレビュー(Ctrl/Cmd+Enter)' },
  'query.write': { en: 'Write to tab', ja: 'タブに書き込む' },
  'query.save': { en: 'Save', ja: '保存' },
  'query.saveAs': { en: 'Save as', ja: '別名で保存' },
  'query.copyLink': { en: 'Copy link', ja: 'リンクをコピー' },
  'query.running': { en: 'Running…', ja: '実行中…' },
  'query.saving': { en: 'Saving…', ja: '保存中…' },
  'query.previewStatus': { en: '{rows} rows in {seconds} s', ja: '{rows} 行({seconds} 秒)' },
  'query.previewTruncated': {
    en: '{rows} rows in {seconds} s (showing the first {shown})',
    ja: '{rows} 行({seconds} 秒、先頭 {shown} 行を表示)',
  },
  'query.written': {
    en: 'Wrote {rows} rows to tab "{tab}" in {seconds} s.',
    ja: 'タブ「{tab}」に {rows} 行を書き込みました({seconds} 秒)。',
  },
  'query.openTab': { en: 'Open the tab', ja: 'タブを開く' },
  'query.saved': { en: 'Saved (version {version}).', ja: '保存しました(バージョン {version})。' },
  'query.savedCopy': { en: 'Saved as "{name}".', ja: '「{name}」として保存しました。' },
  'query.sqlRequired': { en: 'Write a query first.', ja: '先にクエリを書いてください。' },
  'query.dataSourceRequired': { en: 'Choose a data source first.', ja: '先にデータソースを選んでください。' },
  'query.saveBeforeWrite': {
    en: 'This query has unsaved changes. Save it first, so the tab shows the SQL that produced it.',
    ja: 'このクエリには未保存の変更があります。タブに正しい SQL が記録されるよう、先に保存してください。',
  },
  'query.saveBeforeLink': {
    en: 'Save the query and write it to a tab first; then it has a link.',
    ja: '先にクエリを保存してタブに書き込んでください。その後リンクを取得できます。',
  },
  'query.linkCopied': { en: 'Link copied.', ja: 'リンクをコピーしました。' },
  'query.linkCopyByHand': { en: 'Copy this link by hand:', ja: '次のリンクを手動でコピーしてください:' },
  'query.unsaved': { en: 'Unsaved changes', ja: '未保存の変更あり' },
  'query.copyOf': { en: 'Copy of {name}', ja: '{name} のコピー' },
  'query.replaceUnsaved': {
    en: 'The editor has unsaved changes. Replace them?',
    ja: 'エディタに未保存の変更があります。破棄して置き換えますか?',
  },
  'query.schema': { en: 'Tables', ja: 'テーブル' },
  'query.schemaRefresh': { en: 'Refresh tables', ja: 'テーブルを再読み込み' },
  'query.schemaCount': { en: '{tables} tables (loaded {at})', ja: '{tables} テーブル({at} に読み込み)' },
  'query.noRows': { en: 'No rows.', ja: '行がありません。' },
  'query.lastGood': {
    en: 'The latest run failed. Below is the last good result, from {time} ({at}).',
    ja: '最新の実行は失敗しました。以下は前回成功した結果です({time}、{at})。',
  },

  'conflict.title': {
    en: 'Someone saved this query while you were editing',
    ja: '編集中に他の人がこのクエリを保存しました',
  },
  'conflict.by': {
    en: '{who} saved version {version} ({at}). Their SQL:',
    ja: '{who} がバージョン {version} を保存しました({at})。相手の SQL:',
  },
  'conflict.overwrite': { en: 'Overwrite with mine', ja: '自分の内容で上書き' },
  'conflict.keepTheirs': { en: 'Keep theirs', ja: '相手の内容を採用' },
  'conflict.saveCopy': { en: 'Save mine as a copy', ja: '自分の内容をコピーとして保存' },

  'param.title': { en: 'Parameters', ja: 'パラメータ' },
  'param.settings': { en: 'Settings of {name}', ja: '{name} の設定' },
  'param.type': { en: 'Type', ja: '種類' },
  'param.label': { en: 'Label', ja: 'ラベル' },
  'param.type.text': { en: 'Text', ja: 'テキスト' },
  'param.type.number': { en: 'Number', ja: '数値' },
  'param.type.date': { en: 'Date', ja: '日付' },
  'param.type.datetime': { en: 'Date and time', ja: '日時' },
  'param.type.daterange': { en: 'Date range', ja: '期間' },
  'param.type.list': { en: 'List', ja: 'リスト' },
  'param.type.cell': { en: 'Cell or named range', ja: 'セルまたは名前付き範囲' },
  'param.start': { en: 'from', ja: '開始' },
  'param.end': { en: 'to', ja: '終了' },
  'param.datePlaceholder': { en: 'YYYY-MM-DD or "today", "7 days ago"', ja: 'YYYY-MM-DD または「今日」「7日前」' },
  'param.rangePlaceholder': { en: 'date, or "last 7 days" alone', ja: '日付、または「過去7日」のみ' },
  'param.datetimePlaceholder': { en: 'YYYY-MM-DD HH:MM or "now"', ja: 'YYYY-MM-DD HH:MM または「現在」' },
  'param.cellPlaceholder': { en: 'Customers!A2:A or a named range', ja: 'Customers!A2:A または名前付き範囲' },
  'param.options': { en: 'Options (one per line)', ja: '選択肢(1 行に 1 つ)' },
  'param.optionsQuery': { en: 'Or options from the first column of', ja: 'または次のクエリ結果の 1 列目から' },
  'param.optionsQueryNone': { en: '(fixed options)', ja: '(固定の選択肢)' },
  'param.multi': { en: 'Several values may be chosen', ja: '複数選択を許可' },
  'param.optionsFailed': {
    en: 'Could not load the options of {name}: {detail}',
    ja: '{name} の選択肢を読み込めませんでした: {detail}',
  },
  'param.notNumber': {
    en: '{name}: enter a number such as 42 or 3.5.',
    ja: '{name}: 42 や 3.5 のような数値を入力してください。',
  },
  'param.empty': { en: '{name}: enter a value.', ja: '{name}: 値を入力してください。' },

  'library.search': { en: 'Search name, tag, SQL…', ja: '名前・タグ・SQL を検索…' },
  'library.filter.all': { en: 'All', ja: 'すべて' },
  'library.filter.mine': { en: 'Mine', ja: '自分の' },
  'library.filter.recent': { en: 'Recent', ja: '最近' },
  'library.filter.archived': { en: 'Archived', ja: 'アーカイブ済み' },
  'library.allTags': { en: 'All tags', ja: 'すべてのタグ' },
  'library.empty': { en: 'No queries match.', ja: '該当するクエリはありません。' },
  'library.open': { en: 'Open', ja: '開く' },
  'library.archive': { en: 'Archive', ja: 'アーカイブ' },
  'library.restore': { en: 'Restore', ja: '復元' },
  'library.versions': { en: 'Versions', ja: 'バージョン' },
  'library.restoreVersion': { en: 'Restore this version', ja: 'このバージョンに戻す' },
  'library.versionLine': { en: 'v{version} · {who} · {at}', ja: 'v{version} · {who} · {at}' },
  'library.versionRestored': {
    en: 'Restored version {version} as a new version.',
    ja: 'バージョン {version} を新しいバージョンとして復元しました。',
  },
  'library.meta': { en: '{owner} · updated {at}', ja: '{owner} · {at} 更新' },
  'library.lastRunOk': { en: 'Last run {at}: {rows} rows', ja: '前回の実行 {at}: {rows} 行' },
  'library.lastRunFailed': { en: 'Last run {at} failed: {message}', ja: '前回の実行 {at} は失敗: {message}' },

  'ds.add': { en: 'Add data source', ja: 'データソースを追加' },
  'diag.title': { en: 'Diagnostics', ja: '診断' },
  'diag.open': { en: 'Diagnostics…', ja: '診断…' },
  'diag.sendTo': { en: 'Send a test message to', ja: 'テストメッセージの送信先' },
  'diag.run': { en: 'Run diagnostics', ja: '診断を実行' },
  'diag.report': { en: 'Open the report tab "{tab}"', ja: 'レポートのタブ「{tab}」を開く' },
  'diag.status.ok': { en: 'OK', ja: '成功' },
  'diag.status.warn': { en: 'look at this', ja: '要確認' },
  'diag.status.fail': { en: 'failed', ja: '失敗' },
  'diag.status.skipped': { en: 'skipped', ja: 'スキップ' },
  'ds.empty': { en: 'No data source yet.', ja: 'データソースはまだありません。' },
  'ds.kind': { en: 'Kind', ja: '種類' },
  'ds.name': { en: 'Name', ja: '名前' },
  'ds.edit': { en: 'Edit', ja: '編集' },
  'ds.delete': { en: 'Delete', ja: '削除' },
  'ds.deleteConfirm': {
    en: 'Delete "{name}"? Queries that use it stop running.',
    ja: '「{name}」を削除しますか?これを使うクエリは実行できなくなります。',
  },
  'ds.save': { en: 'Save', ja: '保存' },
  'ds.saved': { en: 'Saved "{name}".', ja: '「{name}」を保存しました。' },
  'ds.test': { en: 'Test connection', ja: '接続テスト' },
  'ds.testing': { en: 'Testing…', ja: 'テスト中…' },
  'ds.writable': {
    en: 'Writable (allow INSERT, UPDATE, DELETE…)',
    ja: '書き込み可能(INSERT・UPDATE・DELETE などを許可)',
  },
  'ds.writableWarning': {
    en: 'Anyone who can edit this spreadsheet could then change or delete data. Prefer a read-only database user.',
    ja: 'このスプレッドシートの編集者なら誰でもデータを変更・削除できるようになります。読み取り専用のデータベースユーザーの利用をおすすめします。',
  },
  'ds.secretKept': {
    en: 'Leave as is to keep the saved password (only while the host, port, database and user stay the same).',
    ja: 'そのままにすると保存済みのパスワードを使い続けます(ホスト・ポート・データベース・ユーザーが同じ間だけ)。',
  },
  'ds.secretCleared': {
    en: 'The connection target changed, so the saved password will not be sent to it: type the password again.',
    ja: '接続先が変わったため、保存済みのパスワードは送信されません。パスワードをもう一度入力してください。',
  },
  'ds.managedBy': { en: 'Managed by {managers}', ja: '管理者: {managers}' },
  'ds.managedByNobody': {
    en: 'No one can change it (no owner is visible)',
    ja: '変更できる人はいません(所有者が表示されないため)',
  },
  'ds.readOnlyForm': {
    en: 'Only {managers} can change this data source. You can use it and test the connection.',
    ja: 'このデータソースを変更できるのは {managers} だけです。利用と接続テストはできます。',
  },
  'ds.view': { en: 'View', ja: '表示' },
  'ds.healthOk': { en: 'OK', ja: '正常' },
  'ds.healthFailing': {
    en: '{failures} failed connections in a row: {error}',
    ja: '{failures} 回連続で接続に失敗: {error}',
  },
  'ds.healthPaused': { en: 'Paused since {at}: {error}', ja: '{at} から一時停止中: {error}' },
  'ds.newTitle': { en: 'New data source', ja: '新しいデータソース' },
  'ds.editTitle': { en: 'Edit "{name}"', ja: '「{name}」を編集' },

  'dest.title': { en: 'Alert destinations', ja: 'アラートの送信先' },
  'dest.intro': {
    en: 'Where alerts send their messages: Slack, Google Chat, a webhook or e-mail.',
    ja: 'アラートのメッセージの送り先です(Slack、Google Chat、Webhook、メール)。',
  },
  'dest.add': { en: 'Add destination', ja: '送信先を追加' },
  'dest.empty': { en: 'No destination yet.', ja: '送信先はまだありません。' },
  'dest.kind': { en: 'Kind', ja: '種類' },
  'dest.name': { en: 'Name', ja: '名前' },
  'dest.edit': { en: 'Edit', ja: '編集' },
  'dest.view': { en: 'View', ja: '表示' },
  'dest.delete': { en: 'Delete', ja: '削除' },
  'dest.deleteConfirm': {
    en: 'Delete the destination "{name}"? Alerts stop sending to it.',
    ja: '送信先「{name}」を削除しますか?アラートはここへ送信しなくなります。',
  },
  'dest.save': { en: 'Save', ja: '保存' },
  'dest.saved': { en: 'Saved "{name}".', ja: '「{name}」を保存しました。' },
  'dest.test': { en: 'Send test', ja: 'テスト送信' },
  'dest.testNamed': { en: 'Send test to "{name}"', ja: '「{name}」にテスト送信' },
  'dest.sending': { en: 'Sending a test message…', ja: 'テストメッセージを送信中…' },
  'dest.testSent': {
    en: '{outcome}: a sample message was sent. Check that it arrived.',
    ja: '{outcome}: サンプルメッセージを送りました。届いたか確認してください。',
  },
  'dest.secretKept': {
    en: 'Leave as is to keep the saved secret (only while where messages go stays the same).',
    ja: 'そのままにすると保存済みのシークレットを使い続けます(送信先が同じ間だけ)。',
  },
  'dest.secretCleared': {
    en: 'Where messages go changed, so the saved secret will not be sent there: type it again.',
    ja: '送信先が変わったため、保存済みのシークレットはそこへは送られません。もう一度入力してください。',
  },
  'dest.managedBy': { en: 'Managed by {managers}', ja: '管理者: {managers}' },
  'dest.managedByNobody': {
    en: 'No one can change it (no owner is visible)',
    ja: '変更できる人はいません(所有者が表示されないため)',
  },
  'dest.readOnlyForm': {
    en: 'Only {managers} can change this destination. You can send a test to it.',
    ja: 'この送信先を変更できるのは {managers} だけです。テスト送信はできます。',
  },
  'dest.newTitle': { en: 'New destination', ja: '新しい送信先' },
  'dest.editTitle': { en: 'Edit "{name}"', ja: '「{name}」を編集' },

  'status.none': { en: 'No scheduled runs yet.', ja: 'スケジュール実行はまだありません。' },
  'status.title': { en: 'Last runs', ja: '最近の実行' },
  'status.ok': { en: '{query}: {rows} rows, {at}', ja: '{query}: {rows} 行、{at}' },
  'status.failed': { en: '{query} failed {at}: {message}', ja: '{query} は {at} に失敗: {message}' },
  'status.skipped': { en: '{query} skipped {at}: {message}', ja: '{query} は {at} にスキップ: {message}' },

  'schedule.title': { en: 'Schedule', ja: 'スケジュール' },
  'schedule.summary': { en: 'Schedule: {schedule}', ja: 'スケジュール: {schedule}' },
  'schedule.kind': { en: 'Refresh', ja: '更新' },
  'schedule.kind.off': { en: 'Off', ja: 'オフ' },
  'schedule.kind.minutes': { en: 'Every N minutes', ja: 'N 分ごと' },
  'schedule.kind.hours': { en: 'Every N hours', ja: 'N 時間ごと' },
  'schedule.kind.daily': { en: 'Daily at', ja: '毎日 指定時刻' },
  'schedule.kind.weekly': { en: 'Weekly on chosen days at', ja: '毎週 指定曜日・時刻' },
  'schedule.every': { en: 'Every', ja: '間隔' },
  'schedule.time': { en: 'Time', ja: '時刻' },
  'schedule.days': { en: 'Weekdays', ja: '曜日' },
  'schedule.untilLabel': { en: 'End date (optional, last day it runs)', ja: '終了日(任意、この日まで実行)' },
  'schedule.zoneHint': {
    en: 'Times, weekdays and the end date are in the spreadsheet time zone ({zone}).',
    ja: '時刻・曜日・終了日はスプレッドシートのタイムゾーン({zone})です。',
  },
  'schedule.paramsHint': {
    en: 'Scheduled runs use the parameter values saved with the query; relative dates such as "yesterday" are computed at each run.',
    ja: 'スケジュール実行ではクエリと一緒に保存されたパラメータ値を使います。「昨日」などの相対日付は実行のたびに計算されます。',
  },
  'schedule.off': { en: 'Not scheduled', ja: 'スケジュールなし' },
  'schedule.everyMinutes': { en: 'Every {n} min', ja: '{n} 分ごと' },
  'schedule.everyHours': { en: 'Every {n} h', ja: '{n} 時間ごと' },
  'schedule.dailyAt': { en: 'Daily at {time}', ja: '毎日 {time}' },
  'schedule.weeklyAt': { en: 'Weekly on {days} at {time}', ja: '毎週 {days} {time}' },
  'schedule.daySeparator': { en: ', ', ja: '・' },
  'schedule.until': { en: '{schedule}, until {date}', ja: '{schedule}({date} まで)' },
  'schedule.notUnderstood': {
    en: 'Schedule not understood: "{text}". Choose one below and save.',
    ja: 'スケジュール「{text}」を解釈できません。下で選び直して保存してください。',
  },
  'schedule.badMinutes': { en: 'Enter whole minutes from 1 to 1440.', ja: '1〜1440 の整数(分)を入力してください。' },
  'schedule.badHours': { en: 'Enter whole hours from 1 to 24.', ja: '1〜24 の整数(時間)を入力してください。' },
  'schedule.badTime': { en: 'Enter a time as HH:MM.', ja: '時刻を HH:MM で入力してください。' },
  'schedule.noDays': { en: 'Choose at least one weekday.', ja: '曜日を 1 つ以上選んでください。' },
  'schedule.badUntil': {
    en: 'Enter the end date as YYYY-MM-DD, or leave it empty.',
    ja: '終了日は YYYY-MM-DD で入力するか、空欄にしてください。',
  },
  'weekday.mon': { en: 'Mon', ja: '月' },
  'weekday.tue': { en: 'Tue', ja: '火' },
  'weekday.wed': { en: 'Wed', ja: '水' },
  'weekday.thu': { en: 'Thu', ja: '木' },
  'weekday.fri': { en: 'Fri', ja: '金' },
  'weekday.sat': { en: 'Sat', ja: '土' },
  'weekday.sun': { en: 'Sun', ja: '日' },
  'library.schedule': { en: 'Schedule: {schedule}', ja: 'スケジュール: {schedule}' },

  'tick.title': { en: 'Scheduled refreshes', ja: 'スケジュール更新' },
  'tick.load': { en: 'Show status', ja: '状態を表示' },
  'tick.turnOn': { en: 'Turn on scheduled refreshes', ja: 'スケジュール更新を有効にする' },
  'tick.off': {
    en: 'Scheduled refreshes are off in this spreadsheet: schedules do not run until someone turns them on.',
    ja: 'このスプレッドシートではスケジュール更新が無効です。誰かが有効にするまでスケジュールは実行されません。',
  },
  'tick.modeBound': {
    en: 'Bound script: the tick runs every {n} minutes, so a schedule runs at most every {n} minutes, within a few minutes of its time.',
    ja: 'バインドされたスクリプト: {n} 分ごとに確認するため、スケジュールは最短 {n} 分ごとに、指定時刻から数分以内に実行されます。',
  },
  'tick.modeAddOn': {
    en: 'Published add-on: the tick runs every {n} minutes (Google allows add-ons at most hourly), so a daily or weekly time may run up to an hour late.',
    ja: '公開アドオン: {n} 分ごとに確認します(アドオンは最短 1 時間ごと)。毎日・毎週の時刻は最大 1 時間遅れることがあります。',
  },
  'tick.owner': { en: 'Trigger installed by {owner} {at}.', ja: 'トリガーは {owner} が {at} に設定しました。' },
  'tick.ownerUnknown': { en: 'someone', ja: '不明なユーザー' },
  'tick.found': { en: 'The trigger exists (you own it).', ja: 'トリガーは存在します(あなたが所有者です)。' },
  'tick.missing': {
    en: 'Your trigger is missing: turn scheduled refreshes on again.',
    ja: 'トリガーが見つかりません。スケジュール更新をもう一度有効にしてください。',
  },
  'tick.actsAsOwner': {
    en: 'Scheduled runs act as {owner}, with their access to data sources and the spreadsheet. Only they can see or remove the trigger.',
    ja: 'スケジュール実行は {owner} として、その人の権限で動作します。トリガーを確認・削除できるのはその人だけです。',
  },
  'tick.last': {
    en: 'Last tick {at}: {ran} queries ran, {deferred} left for the next tick.',
    ja: '前回の確認 {at}: {ran} 件実行、{deferred} 件は次回に持ち越し。',
  },
  'tick.lastBusy': {
    en: 'Last tick {at}: another run held the lock, so it ran nothing.',
    ja: '前回の確認 {at}: 別の実行がロックを保持していたため何も実行しませんでした。',
  },
  'tick.lastFailed': {
    en: 'Last tick {at} stopped on an error: see the execution log.',
    ja: '前回の確認 {at} はエラーで停止しました。実行ログを確認してください。',
  },
  'tick.never': { en: 'No tick has run yet.', ja: 'まだ一度も確認が実行されていません。' },
  'tick.next': { en: 'Next tick expected around {at}.', ja: '次回の確認は {at} ごろの予定です。' },
  'tick.late': {
    en: 'The tick is late (more than two intervals): the trigger may be gone or failing. Turn scheduled refreshes on again.',
    ja: '確認が 2 回分以上遅れています。トリガーが削除されたか失敗している可能性があります。スケジュール更新をもう一度有効にしてください。',
  },
  'tick.created': {
    en: 'Turned on: a new trigger was installed.',
    ja: '有効にしました。トリガーを新しく設定しました。',
  },
  'tick.kept': {
    en: 'Already on: the existing trigger was kept.',
    ja: 'すでに有効です。既存のトリガーをそのまま使います。',
  },

  'alerts.title': { en: 'Alerts', ja: 'アラート' },
  'alerts.saveFirst': {
    en: 'Save the query to add alerts: they check its saved SQL at each scheduled or manual run.',
    ja: 'アラートを追加するにはクエリを保存してください。アラートは保存された SQL をスケジュール実行や手動実行のたびに確認します。',
  },
  'alerts.empty': { en: 'No alerts yet.', ja: 'アラートはまだありません。' },
  'alerts.rowsCheck': { en: 'Alert when this query returns rows', ja: 'このクエリが行を返したら通知' },
  'alerts.add': { en: 'Add alert', ja: 'アラートを追加' },
  'alerts.adding': { en: 'Adding the alert…', ja: 'アラートを追加中…' },
  'alerts.added': { en: 'Added "{name}".', ja: '「{name}」を追加しました。' },
  'alerts.addedNoDest': {
    en: 'Added "{name}", but it has no destination yet: choose one below and save.',
    ja: '「{name}」を追加しましたが、送信先がまだありません。下で選んで保存してください。',
  },
  'alerts.edit': { en: 'Edit', ja: '編集' },
  'alerts.editNamed': { en: 'Edit alert "{name}"', ja: 'アラート「{name}」を編集' },
  'alerts.evaluatedAt': { en: 'Checked {at}', ja: '{at} に確認' },
  'alerts.mutedMarker': { en: 'Muted', ja: 'ミュート中' },
  'alerts.pendingCount': {
    en: 'Pending: condition met {n} of {of} evaluations in a row',
    ja: '保留中: 条件を連続 {n} / {of} 回満たしています',
  },
  'alerts.undelivered': {
    en: '{n} notification(s) not delivered yet: retried at the next tick.',
    ja: '未配信の通知が {n} 件あります。次回の確認で再送します。',
  },
  'alerts.noDestinationChosen': {
    en: 'No destination: this alert changes state but notifies no one.',
    ja: '送信先がありません。状態は変わりますが、誰にも通知されません。',
  },
  'alerts.saved': { en: 'Saved alert "{name}".', ja: 'アラート「{name}」を保存しました。' },
  'alerts.deleted': { en: 'Deleted alert "{name}".', ja: 'アラート「{name}」を削除しました。' },
  'alerts.history': { en: 'Open alert history', ja: 'アラート履歴を開く' },
  'alerts.historyOpened': {
    en: 'The alert history is in the tab "{tab}" of this spreadsheet:',
    ja: 'アラート履歴はこのスプレッドシートのタブ「{tab}」にあります:',
  },
  'alerts.checkPrefix': { en: 'Alerts:', ja: 'アラート:' },
  'alerts.newTitle': { en: 'New alert on "{query}"', ja: '「{query}」の新しいアラート' },
  'alerts.editTitle': { en: 'Edit alert "{name}"', ja: 'アラート「{name}」を編集' },
  'alerts.name': { en: 'Name', ja: '名前' },
  'alerts.namePlaceholder': { en: 'e.g. Orders without a customer', ja: '例: 顧客のない注文' },
  'alerts.condition': { en: 'Condition', ja: '条件' },
  'alerts.selector': { en: 'Value to check', ja: '確認する値' },
  'alerts.selector.first': { en: 'first: the first row', ja: 'first: 先頭行' },
  'alerts.selector.min': { en: 'min: the smallest', ja: 'min: 最小値' },
  'alerts.selector.max': { en: 'max: the largest', ja: 'max: 最大値' },
  'alerts.selector.any': { en: 'any: at least one row', ja: 'any: いずれかの行' },
  'alerts.selector.all': { en: 'all: every row', ja: 'all: すべての行' },
  'alerts.selector.count': { en: 'count: the number of rows', ja: 'count: 行数' },
  'alerts.selectorHelp.first': {
    en: "The column's value in the first row is compared.",
    ja: '先頭行の列の値を比較します。',
  },
  'alerts.selectorHelp.min': {
    en: "The smallest of the column's values (numbers only) is compared.",
    ja: '列の値の最小値(数値のみ)を比較します。',
  },
  'alerts.selectorHelp.max': {
    en: "The largest of the column's values (numbers only) is compared.",
    ja: '列の値の最大値(数値のみ)を比較します。',
  },
  'alerts.selectorHelp.any': {
    en: 'Triggers when the condition holds for at least one row.',
    ja: '条件を満たす行が 1 行でもあれば発火します。',
  },
  'alerts.selectorHelp.all': {
    en: 'Triggers when the condition holds for every row.',
    ja: 'すべての行が条件を満たすと発火します。',
  },
  'alerts.selectorHelp.count': {
    en: 'The number of rows is compared; no column is needed.',
    ja: '行数を比較します。列は不要です。',
  },
  'alerts.column': { en: 'Column', ja: '列' },
  'alerts.columnsKnown': {
    en: 'Pick a column of the last preview, or type its name.',
    ja: '前回のプレビューの列から選ぶか、列名を入力してください。',
  },
  'alerts.columnsUnknown': {
    en: 'Type the column name (Run the query first to pick from its columns).',
    ja: '列名を入力してください(先にクエリを実行すると列から選べます)。',
  },
  'alerts.op': { en: 'Operator', ja: '演算子' },
  'alerts.op.gt': { en: 'greater than', ja: 'より大きい' },
  'alerts.op.ge': { en: 'greater than or equal to', ja: '以上' },
  'alerts.op.lt': { en: 'less than', ja: 'より小さい' },
  'alerts.op.le': { en: 'less than or equal to', ja: '以下' },
  'alerts.op.eq': { en: 'equal to', ja: '等しい' },
  'alerts.op.ne': { en: 'not equal to', ja: '等しくない' },
  'alerts.value': { en: 'Threshold', ja: 'しきい値' },
  'alerts.destinations': { en: 'Send to', ja: '送信先' },
  'alerts.chooseDest': {
    en: 'This alert has no destination yet: choose where to send it, then Save.',
    ja: 'このアラートには送信先がありません。送信先を選んで保存してください。',
  },
  'alerts.noDestinations': {
    en: 'No destination yet: add one in the Destinations section of the Data sources tab.',
    ja: '送信先がありません。「データソース」タブの送信先セクションで追加してください。',
  },
  'alerts.openDestinations': { en: 'Go to Destinations', ja: '送信先へ移動' },
  'alerts.reloadDestinations': { en: 'Reload destinations', ja: '送信先を再読み込み' },
  'alerts.pending': { en: 'Evaluations in a row before it fires', ja: '発火までの連続評価回数' },
  'alerts.pendingHelp': {
    en: '1 fires at once; more avoids alerts that flap.',
    ja: '1 ならすぐに発火します。増やすと状態のばたつきを防げます。',
  },
  'alerts.rearm': { en: 'While still triggered', ja: '発火が続く間' },
  'alerts.rearmMode': { en: 'Notify again', ja: '再通知' },
  'alerts.rearm.once': { en: 'Once, until back to normal', ja: '正常に戻るまで 1 回だけ' },
  'alerts.rearm.always': { en: 'At every evaluation', ja: '評価のたびに' },
  'alerts.rearm.interval': { en: 'At most every…', ja: '一定間隔ごと(最短)…' },
  'alerts.rearmEvery': { en: 'Every', ja: '間隔' },
  'alerts.rearmUnit': { en: 'Unit', ja: '単位' },
  'alerts.minutes': { en: 'minutes', ja: '分' },
  'alerts.hours': { en: 'hours', ja: '時間' },
  'alerts.notifyRecovery': {
    en: 'Notify when it is back to normal',
    ja: '正常に戻ったときに通知する',
  },
  'alerts.notifyUnknown': {
    en: 'Notify once when it cannot be evaluated (the query failed)',
    ja: '評価できないとき(クエリの失敗など)に 1 回通知する',
  },
  'alerts.muted': {
    en: 'Muted: still evaluated, sends nothing',
    ja: 'ミュート: 評価は続けますが何も送信しません',
  },
  'alerts.templates': { en: 'Message texts', ja: 'メッセージ本文' },
  'alerts.templateTriggered': { en: 'When triggered', ja: '発火したとき' },
  'alerts.templateRecovered': { en: 'When back to normal', ja: '正常に戻ったとき' },
  'alerts.templateDefault': { en: 'Empty: the default text', ja: '空欄: 既定の本文' },
  'alerts.templateVars': {
    en: 'Mustache templates; these variables can be used:',
    ja: 'Mustache テンプレートです。次の変数を使えます:',
  },
  'alerts.preview': { en: 'Preview', ja: 'プレビュー' },
  'alerts.previewTriggered': { en: 'When triggered:', ja: '発火したとき:' },
  'alerts.previewRecovered': { en: 'When back to normal:', ja: '正常に戻ったとき:' },
  'alerts.previewSample': {
    en: 'The query has no result tab yet: sample rows are used.',
    ja: 'クエリの結果タブがまだないため、サンプルの行を使っています。',
  },
  'alerts.save': { en: 'Save alert', ja: 'アラートを保存' },
  'alerts.delete': { en: 'Delete alert', ja: 'アラートを削除' },
  'alerts.deleteConfirm': {
    en: 'Delete the alert "{name}"? It will stop notifying.',
    ja: 'アラート「{name}」を削除しますか?通知は止まります。',
  },
  'alerts.problem.pending': {
    en: 'Enter a whole number, 1 or more.',
    ja: '1 以上の整数を入力してください。',
  },
  'alerts.problem.rearmEvery': {
    en: 'Enter a positive number that makes whole minutes.',
    ja: '分単位で割り切れる正の数を入力してください。',
  },

  'time.justNow': { en: 'just now', ja: 'たった今' },
  'time.minutesAgo': { en: '{n} min ago', ja: '{n} 分前' },
  'time.hoursAgo': { en: '{n} h ago', ja: '{n} 時間前' },
  'time.dayAgo': { en: '1 day ago', ja: '1 日前' },
  'time.daysAgo': { en: '{n} days ago', ja: '{n} 日前' },

  'health.title': { en: 'Health scores', ja: 'ヘルススコア' },
  'health.intro': {
    en: 'Customers, Health config, Health, history and dashboard tabs: set up, or repair what is broken.',
    ja: '顧客・ヘルス設定・ヘルス・履歴・ダッシュボードのタブを作成するか、壊れた部分を修復します。',
  },
  'health.setup': { en: 'Set up health scores / Repair', ja: 'ヘルススコアを設定 / 修復' },
  'health.settingUp': { en: 'Setting up…', ja: '設定中…' },
  'health.open': { en: 'Open the Health tab', ja: 'ヘルスタブを開く' },
  'health.alerts.title': { en: 'Band alerts', ja: '帯のアラート' },
  'health.alerts.enabled': {
    en: 'Tell when a customer moves down a band, and when it recovers',
    ja: '顧客の帯が下がったとき・回復したときに通知する',
  },
  'health.alerts.when': {
    en: 'Judged once a day, on the daily snapshot, taken after that day’s run of the health inputs query (06:00 by default).',
    ja: '1 日 1 回、その日のヘルス入力クエリの実行(既定は 06:00)の後に取るスナップショットで判定します。',
  },
  'health.alerts.muted': { en: 'Mute (keep track, send nothing)', ja: 'ミュート(判定のみ、送信しない)' },
  'health.alerts.drop': {
    en: 'Also when the score drops more than this many points (0: off)',
    ja: 'スコアがこのポイントを超えて下がったときも通知(0: しない)',
  },
  'health.alerts.dropInvalid': {
    en: 'The drop must be a number from 0 to 100.',
    ja: '下がり幅は 0 から 100 の数値にしてください。',
  },
  'health.alerts.destinations': { en: 'Send to', ja: '送信先' },
  'health.alerts.noDestinations': {
    en: 'No destinations yet: add one under Alert destinations.',
    ja: '送信先がまだありません。「アラートの送信先」で追加してください。',
  },
  'health.alerts.save': { en: 'Save band alerts', ja: '帯のアラートを保存' },
  'health.alerts.saved': { en: 'Saved.', ja: '保存しました。' },
} satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof CATALOG;
export type Vars = Record<string, string | number>;

let currentLang: Lang = 'en';

export function setLang(lang: Lang): void {
  currentLang = lang;
}

export function getLang(): Lang {
  return currentLang;
}

/** The message for `key` in the current language, with `{name}` placeholders filled. */
export function t(key: MessageKey, vars: Vars = {}, lang: Lang = currentLang): string {
  const template = CATALOG[key][lang] ?? CATALOG[key].en;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/**
 * The message split around its placeholders, each filled with its value as is: lets a DOM
 * node (a live relative time) stand inside a translated sentence, whatever the word order.
 */
export function tParts<T>(
  key: MessageKey,
  vars: Record<string, string | number | T>,
  lang: Lang = currentLang,
): (string | T)[] {
  const template = CATALOG[key][lang] ?? CATALOG[key].en;
  const parts: (string | T)[] = [];
  /** Adds a part, joining it to a text just before it. */
  const push = (part: string | T) => {
    const before = parts.length - 1;
    if (typeof part === 'string' && part === '') return;
    if (typeof part === 'string' && typeof parts[before] === 'string') parts[before] = `${parts[before]}${part}`;
    else parts.push(part);
  };
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const name = match[1];
    if (!(name in vars)) continue;
    push(template.slice(last, match.index));
    const value = vars[name];
    push(typeof value === 'number' ? String(value) : value);
    last = match.index + match[0].length;
  }
  push(template.slice(last));
  return parts;
}

/** 'ja' for a page whose lang attribute starts with ja, 'en' otherwise. */
export function langFromPage(value: string | null | undefined): Lang {
  return /^ja/i.test(value ?? '') ? 'ja' : 'en';
}
