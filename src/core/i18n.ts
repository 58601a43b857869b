/**
 * Every message a user reads, in English and Japanese. `translate` picks the language from a
 * locale such as "ja", "ja_JP" or "en_US" (Japanese for ja*, English otherwise) and fills
 * `{name}` placeholders.
 */
import type { Lang } from '../shared/api-types';

export type { Lang };

export function langOf(locale: string | null | undefined): Lang {
  return /^ja/i.test(locale ?? '') ? 'ja' : 'en';
}

const MESSAGES = {
  'menu.open': { en: 'Open Sheetdash', ja: 'Sheetdash を開く' },
  'menu.refreshAll': { en: 'Refresh all result tabs', ja: 'すべての結果タブを更新' },

  'sql.empty': {
    en: 'The query is empty. Write a SELECT statement.',
    ja: 'クエリが空です。SELECT 文を書いてください。',
  },
  'sql.multiple': {
    en: 'Run one statement at a time: remove the extra statements after the first ";".',
    ja: '一度に実行できる文は 1 つです。最初の「;」より後ろの文を削除してください。',
  },
  'sql.notRead': {
    en: 'This data source is read-only, so {statement} statements are refused. Use a SELECT, or ask an admin to mark the data source writable.',
    ja: 'このデータソースは読み取り専用のため、{statement} 文は実行できません。SELECT を使うか、管理者にデータソースを書き込み可能にしてもらってください。',
  },
  'sql.unknownStatement': {
    en: 'The query starts with "{word}", which is not a SQL statement. Check the spelling: a query starts with SELECT, WITH, SHOW, EXPLAIN, VALUES or TABLE.',
    ja: 'クエリの先頭の「{word}」は SQL 文ではありません。綴りを確認してください。クエリは SELECT、WITH、SHOW、EXPLAIN、VALUES、TABLE のいずれかで始まります。',
  },
  'sql.selectInto': {
    en: 'SELECT ... INTO writes to the database, and this data source is read-only. Remove the INTO clause.',
    ja: 'SELECT ... INTO はデータベースに書き込むため、読み取り専用のデータソースでは使えません。INTO 句を削除してください。',
  },
  'sql.unterminated': {
    en: 'A quote or comment starting with {start} is never closed. Close it: on a read-only data source, SQL whose end the server could read differently is refused.',
    ja: '{start} で始まる引用符またはコメントが閉じられていません。閉じてください。読み取り専用のデータソースでは、サーバーが異なる位置で区切る可能性のある SQL は実行できません。',
  },
  'sql.ambiguousQuote': {
    en: "The text {text}… holds a backslash that some server settings read as an escape, so the server could end it at another place. On a read-only data source this is refused: write a quote inside text as two quotes ('') and avoid a backslash right before a quote.",
    ja: "文字列 {text}… にはバックスラッシュが含まれ、サーバーの設定によってはエスケープとして読まれるため、文字列の終わりが変わる可能性があります。読み取り専用のデータソースでは実行できません。文字列内の引用符は 2 つ重ねて ('') 書き、引用符の直前にバックスラッシュを置かないでください。",
  },
  'sql.executableComment': {
    en: 'MySQL runs the contents of /*! ... */ and /*M! ... */ comments as SQL, so they are refused on a read-only data source. Remove the comment, or write its contents as plain SQL.',
    ja: 'MySQL は /*! ... */ や /*M! ... */ コメントの中身を SQL として実行するため、読み取り専用のデータソースでは使えません。コメントを削除するか、中身を通常の SQL として書いてください。',
  },
  'sql.locking': {
    en: '{clause} locks rows, which a read-only data source does not allow. Remove it.',
    ja: '{clause} は行をロックするため、読み取り専用のデータソースでは使えません。削除してください。',
  },
  'sql.transactionControl': {
    en: '{word} controls the transaction or the session, which a read-only data source does not allow. Remove it; if it is a column or table name, quote it: {quoted}.',
    ja: '{word} はトランザクションやセッションを操作するため、読み取り専用のデータソースでは使えません。削除してください。列名やテーブル名の場合は {quoted} のように引用符で囲んでください。',
  },
  'sql.sideEffect': {
    en: '{name} has effects outside the query (server files, locks, other sessions, sequences, delays or SQL run from text), so it is refused on a read-only data source. Remove it, or ask an admin for a writable data source.',
    ja: '{name} はクエリの外に影響する(サーバーのファイル、ロック、他のセッション、シーケンス、待機、文字列からの SQL 実行)ため、読み取り専用のデータソースでは使えません。削除するか、管理者に書き込み可能なデータソースを用意してもらってください。',
  },

  'ds.notFound': {
    en: 'No data source "{id}". Choose one in the sidebar\'s Data sources tab.',
    ja: 'データソース「{id}」が見つかりません。サイドバーの「データソース」で選んでください。',
  },
  'ds.unknownKind': {
    en: 'Unknown data source kind "{kind}". Choose one of: {kinds}.',
    ja: '不明なデータソースの種類「{kind}」です。次から選んでください: {kinds}',
  },
  'ds.fieldRequired': { en: '"{field}" is required.', ja: '「{field}」は必須です。' },
  'ds.portRange': {
    en: 'Port {port} cannot be used: Apps Script connects only to ports 1025 to 65535. Expose the database on a higher port.',
    ja: 'ポート {port} は使えません。Apps Script が接続できるのは 1025〜65535 番のポートだけです。データベースを高い番号のポートで公開してください。',
  },
  'ds.urlOption': {
    en: 'Apps Script refuses the connection option "{option}". Remove it; for TLS, paste the certificates in the SSL fields instead.',
    ja: 'Apps Script は接続オプション「{option}」を受け付けません。削除してください。TLS を使う場合は SSL 欄に証明書を貼り付けてください。',
  },
  'ds.paused': {
    en: 'Data source "{name}" is paused after {failures} failed connections in a row (last error: {error}). Fix the connection and run "Test connection" to resume.',
    ja: 'データソース「{name}」は接続に {failures} 回連続で失敗したため一時停止中です(最後のエラー: {error})。接続設定を直して「接続テスト」を実行すると再開します。',
  },
  'ds.connectFailed': {
    en: 'Could not connect to {host}:{port}. Check, in order: {checks}.',
    ja: '{host}:{port} に接続できませんでした。次の順に確認してください: {checks}。',
  },
  'ds.check.hostPort': { en: 'the host name and port', ja: 'ホスト名とポート' },
  'ds.check.cloudSqlInstance': {
    en: 'the instance connection name (project:region:instance) and that the instance is running',
    ja: 'インスタンス接続名(project:region:instance)と、インスタンスが起動していること',
  },
  'ds.check.allowlist': {
    en: "that the database accepts connections from Google's IP ranges (https://www.gstatic.com/ipranges/goog.json)",
    ja: 'データベースが Google の IP 範囲(https://www.gstatic.com/ipranges/goog.json)からの接続を許可していること',
  },
  'ds.check.credentials': { en: 'the user name and password', ja: 'ユーザー名とパスワード' },
  'ds.check.mysqlNativePassword': {
    en: 'for MySQL 8, that the user uses mysql_native_password (ALTER USER ... IDENTIFIED WITH mysql_native_password)',
    ja: 'MySQL 8 ではユーザーが mysql_native_password を使っていること(ALTER USER ... IDENTIFIED WITH mysql_native_password)',
  },
  'ds.check.tls': { en: 'that the server offers TLS 1.2 or later', ja: 'サーバーが TLS 1.2 以上に対応していること' },
  'ds.kindRequired': {
    en: 'Choose the kind of data source to test.',
    ja: 'テストするデータソースの種類を選んでください。',
  },
  'ds.kindField': { en: 'kind', ja: '種類' },
  'ds.checkSeparator': { en: '; ', ja: '、' },
  'ds.causeUnknown': {
    en: 'Apps Script gives the same error for every failed connection, so the exact cause is not known.',
    ja: 'Apps Script は接続の失敗をすべて同じエラーで返すため、正確な原因はわかりません。',
  },
  'ds.privateHost': {
    en: "{host} is a local or private network address: Google's servers cannot reach it. Use the database's public address.",
    ja: '{host} はローカルまたはプライベートネットワークのアドレスで、Google のサーバーからは届きません。データベースの公開アドレスを使ってください。',
  },
  'ds.noSuchHost': {
    en: 'Google Public DNS has no record of {host}: no server has that name. Check its spelling.',
    ja: 'Google Public DNS に {host} の記録がなく、その名前のサーバーはありません。綴りを確認してください。',
  },
  'ds.privateName': {
    en: "{host} resolves to {addresses}, a local or private network address: Google's servers cannot reach it. Use the database's public address.",
    ja: '{host} は {addresses} を指しています。ローカルまたはプライベートネットワークのアドレスで、Google のサーバーからは届きません。データベースの公開アドレスを使ってください。',
  },
  'ds.publicName': {
    en: "{host} resolves to {addresses}, so the server was found: the cause is the port, the firewall (it must allow Google's address ranges), TLS, or the user name and password.",
    ja: '{host} は {addresses} を指しており、サーバーは見つかりました。原因はポート、ファイアウォール(Google のアドレス範囲を許可すること)、TLS、またはユーザー名とパスワードです。',
  },
  'ds.secretReentry': {
    en: 'The connection target changed ({fields}), so the saved password and certificates cannot be used for it. Type the password again (and paste the certificates again), or leave them empty if the user has none.',
    ja: '接続先が変わったため({fields})、保存済みのパスワードと証明書は使えません。パスワードをもう一度入力し(証明書も貼り直し)、不要なら空欄にしてください。',
  },
  'ds.notManager': {
    en: 'Only {managers} can change, delete or make "{name}" writable. Ask them to make the change; you can still use it.',
    ja: '「{name}」を変更・削除・書き込み可能にできるのは {managers} だけです。変更を依頼してください。利用はそのままできます。',
  },
  'ds.noManager': {
    en: 'Nobody can change "{name}": it was saved before creators were recorded and this spreadsheet shows no owner (a shared drive). It keeps working; add a new data source to replace it.',
    ja: '「{name}」は誰も変更できません。作成者の記録が始まる前に保存され、このスプレッドシートには所有者が表示されません(共有ドライブ)。利用は続けられます。置き換えるには新しいデータソースを追加してください。',
  },
  'ds.createNotOwner': {
    en: "Only the spreadsheet's owner ({owner}) can add data sources. Ask them to add it; everyone can then use it.",
    ja: 'データソースを追加できるのはスプレッドシートの所有者({owner})だけです。追加を依頼してください。追加後は誰でも利用できます。',
  },
  'ds.emailHidden': {
    en: "Google does not give Sheetdash your e-mail address here, so you cannot add or change data sources. Ask the spreadsheet's owner to do it.",
    ja: 'Google がこの環境であなたのメールアドレスを Sheetdash に渡さないため、データソースの追加や変更はできません。スプレッドシートの所有者に依頼してください。',
  },
  'ds.scopeMissing': {
    en: '{kind} needs the permission {scope}. Add it to "oauthScopes" in appsscript.json, deploy again, and authorize the add-on once more.',
    ja: '{kind} には権限 {scope} が必要です。appsscript.json の "oauthScopes" に追加して再デプロイし、アドオンをもう一度承認してください。',
  },
  'ds.testOk': { en: 'Connected to {server} in {ms} ms.', ja: '{server} に接続しました({ms} ms)。' },
  'ds.warnSuperuser': {
    en: 'This database user is a superuser: it can change any data and reach the server\'s files, whatever the data source\'s read-only setting. Connect with a user that only has SELECT rights (README, "Security model").',
    ja: 'このデータベースユーザーはスーパーユーザーです。データソースの読み取り専用設定にかかわらず、あらゆるデータを変更でき、サーバーのファイルにもアクセスできます。SELECT 権限だけを持つユーザーで接続してください(README の「Security model」)。',
  },
  'ds.warnWrite': {
    en: 'This database user can change data (INSERT, UPDATE, DELETE, DROP or ALTER on some tables). Read-only rests on a user with read-only grants: connect with a user that only has SELECT rights (README, "Security model").',
    ja: 'このデータベースユーザーはデータを変更できます(一部のテーブルで INSERT、UPDATE、DELETE、DROP、ALTER が可能)。読み取り専用を保証するのは読み取り専用の権限です。SELECT 権限だけを持つユーザーで接続してください(README の「Security model」)。',
  },
  'ds.warnCreate': {
    en: 'This database user can create tables, schemas or routines. Connect with a user that only has SELECT rights (README, "Security model").',
    ja: 'このデータベースユーザーはテーブル、スキーマ、ルーチンを作成できます。SELECT 権限だけを持つユーザーで接続してください(README の「Security model」)。',
  },
  'ds.warnReadFiles': {
    en: 'This database user can read files on the database server (PostgreSQL: pg_read_server_files; MySQL: FILE). Revoke that right.',
    ja: 'このデータベースユーザーはデータベースサーバー上のファイルを読めます(PostgreSQL: pg_read_server_files、MySQL: FILE)。その権限を取り消してください。',
  },
  'ds.warnWriteFiles': {
    en: 'This database user can write files on the database server (PostgreSQL: pg_write_server_files; MySQL: FILE). Revoke that right.',
    ja: 'このデータベースユーザーはデータベースサーバー上にファイルを書き込めます(PostgreSQL: pg_write_server_files、MySQL: FILE)。その権限を取り消してください。',
  },
  'ds.warnPrograms': {
    en: 'This database user can run programs on the database server (pg_execute_server_program). Revoke that right.',
    ja: 'このデータベースユーザーはデータベースサーバー上でプログラムを実行できます(pg_execute_server_program)。その権限を取り消してください。',
  },
  'ds.privilegesUnknown': {
    en: 'Sheetdash could not check this user\'s rights ({error}). Make sure it only has SELECT rights (README, "Security model").',
    ja: 'このユーザーの権限を確認できませんでした({error})。SELECT 権限だけを持つことを確認してください(README の「Security model」)。',
  },
  'ds.privilegesUnchecked': {
    en: "Sheetdash cannot check a user's rights on {kind}. Make sure it only has SELECT rights.",
    ja: '{kind} ではユーザーの権限を確認できません。SELECT 権限だけを持つことを確認してください。',
  },

  'refresh.queryFailed': {
    en: 'The database refused the query: {error}',
    ja: 'データベースがクエリを拒否しました: {error}',
  },
  'refresh.timeout': {
    en: 'The query ran longer than {seconds} s and was stopped. Narrow it (WHERE, LIMIT) or raise the timeout.',
    ja: 'クエリが {seconds} 秒を超えたため停止しました。WHERE や LIMIT で絞り込むか、タイムアウトを延ばしてください。',
  },
  'refresh.noColumns': {
    en: 'The query returned no columns, so there is nothing to write.',
    ja: 'クエリが列を返さなかったため、書き込むものがありません。',
  },
  'refresh.truncated': {
    en: 'Only the first {rows} rows were written: the result has more than the limit of {cells} cells. Narrow the query or raise the row limit.',
    ja: '結果がセル数の上限({cells} セル)を超えたため、最初の {rows} 行だけを書き込みました。クエリを絞り込むか、行数の上限を上げてください。',
  },
  'refresh.workbookFull': {
    en: "The spreadsheet would pass Google's limit of 10,000,000 cells. Delete unused tabs or narrow the query ({cells} cells needed).",
    ja: 'スプレッドシートが Google の上限(1,000 万セル)を超えてしまいます。不要なタブを削除するか、クエリを絞り込んでください(必要なセル数: {cells})。',
  },
  'refresh.tooSlow': {
    en: "The refresh was stopped after {seconds} s to stay inside Apps Script's 6-minute limit; the previous result is kept. Narrow the query or lower its row limit.",
    ja: 'Apps Script の 6 分の制限内に収めるため、{seconds} 秒で更新を中止しました。前回の結果はそのまま残っています。クエリを絞り込むか、行数の上限を下げてください。',
  },
  'refresh.busy': {
    en: 'Another refresh is writing to this spreadsheet. Try again in a minute.',
    ja: '別の更新がこのスプレッドシートに書き込み中です。1 分ほどしてからもう一度お試しください。',
  },
  'refresh.tabTaken': {
    en: 'A tab named "{name}" already exists and was not made by Sheetdash, so it was left alone; the result went to "{used}".',
    ja: '「{name}」というタブは Sheetdash が作ったものではないため変更せず、結果は「{used}」に書き込みました。',
  },
  'refresh.duplicateColumns': {
    en: 'Columns with the same name were renamed so each header is unique: {names}.',
    ja: '同じ名前の列があったため、見出しが重ならないように名前を変えました: {names}',
  },
  'refresh.source': {
    en: 'Query: {query}\nData source: {source}\nRun at: {at}\nRows: {rows}{truncated}\n\n{sql}',
    ja: 'クエリ: {query}\nデータソース: {source}\n実行日時: {at}\n行数: {rows}{truncated}\n\n{sql}',
  },
  'refresh.sourceTruncated': { en: ' (truncated at the cell limit)', ja: '(セル数の上限で打ち切り)' },

  'runlog.tab': { en: 'Sheetdash run log', ja: 'Sheetdash 実行ログ' },
  'runlog.col.at': { en: 'When', ja: '日時' },
  'runlog.col.who': { en: 'Who', ja: '実行者' },
  'runlog.col.query': { en: 'Query', ja: 'クエリ' },
  'runlog.col.dataSource': { en: 'Data source', ja: 'データソース' },
  'runlog.col.rows': { en: 'Rows', ja: '行数' },
  'runlog.col.durationMs': { en: 'Duration (ms)', ja: '所要時間 (ms)' },
  'runlog.col.outcome': { en: 'Outcome code', ja: '結果コード' },
  'runlog.col.outcomeText': { en: 'Outcome', ja: '結果' },
  'runlog.col.message': { en: 'Message', ja: 'メッセージ' },
  'runlog.col.check': { en: 'Check code', ja: 'チェックコード' },
  'runlog.col.checkText': { en: 'Check', ja: 'チェック' },
  'outcome.ok': { en: 'OK', ja: '成功' },
  'outcome.failed': { en: 'Failed', ja: '失敗' },
  'outcome.skipped': { en: 'Skipped', ja: 'スキップ' },

  'schedule.invalid': {
    en: 'The schedule "{schedule}" is not understood. Write "every 15 minutes", "every 2 hours", "daily at 09:00" or "weekly on mon, thu at 09:00", optionally followed by "until 2030-12-31" (spreadsheet time), or leave it empty.',
    ja: 'スケジュール「{schedule}」を解釈できません。「every 15 minutes」「every 2 hours」「daily at 09:00」「weekly on mon, thu at 09:00」のように書き、必要なら後ろに「until 2030-12-31」を付けてください(スプレッドシートのタイムゾーン)。または空欄にしてください。',
  },
  'schedule.who': { en: 'schedule', ja: 'スケジュール' },
  'alert.notEvaluated': {
    en: 'Checks not evaluated ({error}); the next run retries.',
    ja: 'チェック未評価({error})。次回に再評価。',
  },
  'menu.diagnostics': { en: 'Diagnostics', ja: '診断' },
  'diag.tab': { en: 'Sheetdash diagnostics', ja: 'Sheetdash 診断' },
  'diag.head': { en: 'Diagnostics run at', ja: '診断の実行日時' },
  'diag.text': { en: 'Text like =SUM(1,2)', ja: '=SUM(1,2) 風の文字列' },
  'diag.date': { en: 'Midnight, sheet time zone', ja: '午前 0 時(シートのタイムゾーン)' },
  'diag.big': { en: '2^53+1 as text', ja: '文字列の 2^53+1' },
  'diag.dest': { en: 'Test message', ja: 'テスト送信' },
  'diag.trigger': { en: 'Tick: on / found / owner / last', ja: 'ティック: 有効 / 存在 / 所有者 / 最終' },
  'diag.mode': { en: 'Mode: tick / run limit', ja: '形態: ティック / 実行上限' },
  'diag.props': { en: 'Properties: keys / size', ja: 'プロパティ: キー / サイズ' },
  'diag.refresh': { en: 'Refresh: rows / time / calls', ja: '更新: 行 / 時間 / 呼び出し' },
  'diag.done': {
    en: 'Diagnostics: {bad} to check, in "{tab}". Test messages: sidebar.',
    ja: '診断: 要確認 {bad} 件(「{tab}」)。テスト送信はサイドバーから。',
  },
  'tick.interrupted': {
    en: 'Interrupted: stopped (time limit) in or just after this run; the next tick did the rest.',
    ja: '中断: この実行中か直後に停止(時間制限)。残りは次の実行で処理。',
  },
  'menu.schedule': { en: 'Turn on scheduled refreshes', ja: 'スケジュール更新を有効にする' },

  // --- health scores (issue 9) ---
  'menu.health': { en: 'Set up health scores', ja: 'ヘルススコアを設定' },
  'health.mark.notInConfig': {
    en: '⚠ not in Health config: run Set up health scores to repair',
    ja: '⚠ ヘルス設定にありません: ヘルススコアを設定 で修復してください',
  },
  'health.mark.notNumber': { en: '⚠ not a number', ja: '⚠ 数値ではありません' },
  'health.mark.notDate': { en: '⚠ not a date', ja: '⚠ 日付ではありません' },
  'health.mark.settings': {
    en: '⚠ check this measure in Health config',
    ja: '⚠ ヘルス設定でこの指標を確認してください',
  },
  'health.mark.noColumn': { en: '⚠ column not found', ja: '⚠ 列が見つかりません' },
  'health.mark.columnMoved': {
    en: '⚠ column changed: run Set up health scores',
    ja: '⚠ 列が変わりました: ヘルススコアを設定 を実行してください',
  },
  'health.mark.missingRule': {
    en: '⚠ if missing must be worst, neutral or exclude',
    ja: '⚠ 欠損時 は 最低・中立・除外 のいずれかです',
  },
  'health.mark.noId': { en: '⚠ no company ID in Customers', ja: '⚠ 顧客タブに会社 ID がありません' },
  'health.mark.duplicateId': { en: '⚠ company ID used twice in Customers', ja: '⚠ 顧客タブで会社 ID が重複しています' },
  'health.mark.notInDatabase': {
    en: 'ℹ not in the database: scored by the missing-data rules',
    ja: 'ℹ データベースにありません: 欠損時のルールで採点',
  },
  'health.mark.allWeightsZero': { en: '⚠ all weights are zero', ja: '⚠ 重みがすべてゼロです' },
  'health.mark.noBand': { en: '⚠ no band: check the overall bands', ja: '⚠ 帯なし: 全体の帯を確認してください' },
  'health.mark.edges': { en: '⚠ red and green edges are equal', ja: '⚠ 赤と緑の境界が同じです' },
  'health.mark.edgeNotNumber': { en: '⚠ band edge is not a number', ja: '⚠ 境界が数値ではありません' },
  'health.mark.weightNotNumber': {
    en: '⚠ weight must be a number of 0 or more',
    ja: '⚠ 重みは 0 以上の数値にしてください',
  },
  'health.mark.direction': {
    en: '⚠ edges do not match the direction',
    ja: '⚠ 境界が方向と合っていません',
  },
  'health.tab.customers': { en: 'Customers', ja: '顧客' },
  'health.tab.config': { en: 'Health config', ja: 'ヘルス設定' },
  'health.tab.health': { en: 'Health', ja: 'ヘルス' },
  'health.tab.overrides': { en: 'Health overrides', ja: 'ヘルス上書き' },
  'health.tab.history': { en: 'Health history', ja: 'ヘルス履歴' },
  'health.tab.dashboard': { en: 'Health dashboard', ja: 'ヘルスダッシュボード' },
  'health.tab.inputs': { en: 'Health inputs', ja: 'ヘルス入力' },
  'health.query.name': { en: 'Health inputs', ja: 'ヘルス入力' },
  'health.query.description': {
    en: 'One row per company with the measure columns of the health scores (Health config).',
    ja: 'ヘルススコアの指標列を会社ごとに 1 行で返します(ヘルス設定を参照)。',
  },
  'health.cfg.bands': { en: 'Overall bands', ja: '全体の帯' },
  'health.cfg.from': { en: 'Lowest score', ja: '最低スコア' },
  'health.cfg.today': { en: 'Today', ja: '今日' },
  'health.cfg.col.name': { en: 'Measure', ja: '指標' },
  'health.cfg.col.source': { en: 'Source', ja: 'データ元' },
  'health.cfg.col.column': { en: 'Column', ja: '列' },
  'health.cfg.col.divideBy': { en: 'Divided by (Customers column)', ja: '割る列(顧客)' },
  'health.cfg.col.value': { en: 'Value', ja: '値の種類' },
  'health.cfg.col.direction': { en: 'Direction', ja: '方向' },
  'health.cfg.col.red': { en: 'Red edge', ja: '赤の境界' },
  'health.cfg.col.green': { en: 'Green edge', ja: '緑の境界' },
  'health.cfg.col.weight': { en: 'Weight', ja: '重み' },
  'health.cfg.col.missing': { en: 'If missing', ja: '欠損時' },
  'health.cfg.col.effective': { en: 'Effective %', ja: '実効比率' },
  'health.cfg.col.check': { en: 'Check', ja: 'チェック' },
  'health.col.company_id': { en: 'Company ID', ja: '会社 ID' },
  'health.col.company': { en: 'Company', ja: '会社名' },
  'health.col.check': { en: 'Check', ja: 'チェック' },
  'health.col.cs_owner': { en: 'CS owner', ja: 'CS 担当' },
  'health.col.computed': { en: 'Weighted score', ja: '加重スコア' },
  'health.col.override': { en: 'Override', ja: '上書き' },
  'health.col.score': { en: 'Score', ja: 'スコア' },
  'health.col.band': { en: 'Band', ja: '帯' },
  'health.col.change': { en: 'Change since last snapshot', ja: '前回スナップショットからの変化' },
  'health.col.override_reason': { en: 'Override reason', ja: '上書きの理由' },
  'health.col.override_expires': { en: 'Override expires', ja: '上書きの期限' },
  'health.col.link': { en: 'Link', ja: 'リンク' },
  'health.param.configRow': { en: 'Health config row', ja: 'ヘルス設定の行' },
  'health.param.weight': { en: 'Weight', ja: '重み' },
  'health.param.red': { en: 'Red edge', ja: '赤の境界' },
  'health.param.green': { en: 'Green edge', ja: '緑の境界' },
  'health.param.ifMissing': { en: 'Score if missing', ja: '欠損時のスコア' },
  'health.param.columnNo': { en: 'Source column #', ja: 'データ元の列番号' },
  'health.param.divideNo': { en: 'Divided-by column #', ja: '割る列の番号' },
  'health.link': { en: 'Customers row', ja: '顧客の行' },
  'health.ov.company_id': { en: 'Company ID', ja: '会社 ID' },
  'health.ov.score': { en: 'Override score', ja: '上書きスコア' },
  'health.ov.reason': { en: 'Reason', ja: '理由' },
  'health.ov.expires': { en: 'Expires', ja: '期限' },
  'health.hist.date': { en: 'Date', ja: '日付' },
  'health.hist.company_id': { en: 'Company ID', ja: '会社 ID' },
  'health.hist.company': { en: 'Company', ja: '会社名' },
  'health.hist.score': { en: 'Score', ja: 'スコア' },
  'health.hist.band': { en: 'Band', ja: '帯' },
  'health.hist.measures': { en: 'Measure scores', ja: '指標スコア' },
  'health.dash.perBand': { en: 'Customers per band', ja: '帯ごとの顧客数' },
  'health.dash.band': { en: 'Band', ja: '帯' },
  'health.dash.customers': { en: 'Customers', ja: '顧客数' },
  'health.dash.drops': {
    en: 'Biggest drops this week (updated with the daily snapshot)',
    ja: '今週の大きな下落(毎日のスナップショットで更新)',
  },
  'health.dash.drop': { en: 'Drop', ja: '下落' },
  'health.dash.before': { en: 'Score 7 days ago', ja: '7 日前のスコア' },
  'health.dash.after': { en: 'Score now', ja: '現在のスコア' },
  'health.dash.overTime': {
    en: 'Band counts over time (one row per daily snapshot)',
    ja: '帯ごとの顧客数の推移(毎日のスナップショットごとに 1 行)',
  },
  'health.dash.date': { en: 'Date', ja: '日付' },
  'health.dash.chart': { en: 'Customers per band over time', ja: '帯ごとの顧客数の推移' },
  'health.setup.created': { en: 'Created: {items}.', ja: '作成: {items}。' },
  'health.setup.repaired': { en: 'Repaired: {items}.', ja: '修復: {items}。' },
  'health.setup.nothing': {
    en: 'Everything was in place; nothing was changed.',
    ja: 'すべて揃っていたため、何も変更していません。',
  },
  'health.setup.problems': { en: 'Check Health config: {problems}', ja: 'ヘルス設定を確認してください: {problems}' },
  'health.setup.noQuery': {
    en: 'No data source was given, so the health inputs query was not created: measures from the health inputs score by their missing-data rules until it is.',
    ja: 'データソースが指定されなかったため、ヘルス入力のクエリは作成していません。作成されるまで、ヘルス入力の指標は欠損時のルールで採点されます。',
  },
  'health.setup.queryFailed': {
    en: 'The health inputs query did not run: {message}',
    ja: 'ヘルス入力のクエリを実行できませんでした: {message}',
  },
  'health.setup.busy': {
    en: 'Another Sheetdash action is running. Try setting up health scores again in a moment.',
    ja: '別の Sheetdash の処理が実行中です。しばらくしてから再度ヘルススコアを設定してください。',
  },
  'health.setup.notOwned': {
    en: 'A tab named "{name}" exists and was not made by Sheetdash, so "{used}" was used.',
    ja: '「{name}」という名前のタブが既にあり Sheetdash が作成したものではないため、「{used}」を使用しました。',
  },
  'health.protect': { en: 'Header row of the Customers tab (Sheetdash)', ja: '顧客タブの見出し行(Sheetdash)' },
  'health.help.date': { en: 'Type a date, e.g. 2026-03-31.', ja: '日付を入力してください(例: 2026-03-31)。' },
  'health.help.number': { en: 'Type a number.', ja: '数値を入力してください。' },
  'health.help.list': { en: 'Pick a value from the list.', ja: 'リストから選んでください。' },
  'health.problem.band': {
    en: 'The overall band "{band}" needs a name and a lowest score that is a number.',
    ja: '全体の帯「{band}」には名前と数値の最低スコアが必要です。',
  },
  'health.problem.bandOrder': {
    en: 'The overall band "{band}" must start above the band before it.',
    ja: '全体の帯「{band}」の最低スコアは前の帯より大きくしてください。',
  },
  'health.problem.noBands': { en: 'No overall band is set.', ja: '全体の帯が設定されていません。' },
  'health.problem.duplicateMeasure': {
    en: 'Row {row}: the measure "{measure}" is listed twice.',
    ja: '{row} 行目: 指標「{measure}」が重複しています。',
  },
  'health.problem.source': {
    en: 'Row {row} ({measure}): the source must be Health inputs or Customers.',
    ja: '{row} 行目({measure}): データ元は ヘルス入力 か 顧客 にしてください。',
  },
  'health.problem.column': {
    en: 'Row {row} ({measure}): name the column the value comes from.',
    ja: '{row} 行目({measure}): 値の列を指定してください。',
  },
  'health.problem.direction': {
    en: 'Row {row} ({measure}): the direction must be "higher is better" or "lower is better".',
    ja: '{row} 行目({measure}): 方向は「高いほど良い」か「低いほど良い」にしてください。',
  },
  'health.problem.missing': {
    en: 'Row {row} ({measure}): "if missing" must be worst, neutral or exclude.',
    ja: '{row} 行目({measure}):「欠損時」は 最低・中立・除外 のいずれかにしてください。',
  },
  'health.problem.value': {
    en: 'Row {row} ({measure}): the value must be "number" or "days until (date)".',
    ja: '{row} 行目({measure}): 値の種類は「数値」か「日付までの日数」にしてください。',
  },
  'health.problem.edge': {
    en: 'Row {row} ({measure}): the red and green edges must be numbers.',
    ja: '{row} 行目({measure}): 赤と緑の境界は数値にしてください。',
  },
  'health.problem.edgesEqual': {
    en: 'Row {row} ({measure}): the red and green edges must differ.',
    ja: '{row} 行目({measure}): 赤と緑の境界は異なる値にしてください。',
  },
  'health.problem.edgeDirection': {
    en: 'Row {row} ({measure}): with this direction the green edge must be on the better side of the red edge.',
    ja: '{row} 行目({measure}): この方向では、緑の境界を赤の境界より良い側にしてください。',
  },
  'health.problem.weight': {
    en: 'Row {row} ({measure}): the weight must be a number of 0 or more.',
    ja: '{row} 行目({measure}): 重みは 0 以上の数値にしてください。',
  },
  'health.problem.allWeightsZero': {
    en: 'Every weight is zero, so no overall score can be computed.',
    ja: '重みがすべてゼロのため、全体スコアを計算できません。',
  },
  'health.alert.down': { en: '{company} moved down a health band', ja: '{company} のヘルスの帯が下がりました' },
  'health.alert.recovered': { en: '{company} recovered its health band', ja: '{company} のヘルスの帯が回復しました' },
  'health.alert.score': {
    en: 'Score {before} ({beforeBand}) → {after} ({afterBand})',
    ja: 'スコア {before}({beforeBand})→ {after}({afterBand})',
  },
  'health.alert.moves': { en: 'Moved most: {moves}', ja: '大きく変化した指標: {moves}' },
  'health.alert.owner': { en: 'CS owner: {owner}', ja: 'CS 担当: {owner}' },
  'health.alert.source': { en: 'Health scores', ja: 'ヘルススコア' },
  'health.alert.digestName': { en: 'Health band digest', ja: 'ヘルスの帯のまとめ' },
  'health.alert.digest': {
    en: '{count} more customers changed health band',
    ja: 'ほかに {count} 社のヘルスの帯が変わりました',
  },
  'health.alert.digestDown': {
    en: '↓ {company}: {before} ({beforeBand}) → {after} ({afterBand})',
    ja: '↓ {company}: {before}({beforeBand})→ {after}({afterBand})',
  },
  'health.alert.digestUp': {
    en: '↑ {company}: {before} ({beforeBand}) → {after} ({afterBand})',
    ja: '↑ {company}: {before}({beforeBand})→ {after}({afterBand})',
  },
  'health.alert.digestMore': { en: '…and {count} more', ja: '…ほか {count} 社' },
  'health.repair.columns': { en: 'Customers columns added: {columns}', ja: '顧客タブに列を追加: {columns}' },
  'health.repair.validation': {
    en: 'Customers dropdowns and date checks',
    ja: '顧客タブのドロップダウンと日付チェック',
  },
  'health.repair.duplicates': {
    en: 'duplicate company IDs highlighted in Customers',
    ja: '顧客タブの会社 ID の重複を強調表示',
  },
  'health.repair.protect': { en: 'Customers header row protected', ja: '顧客タブの見出し行を保護' },
  'health.repair.config': { en: 'Health config headers and formulas', ja: 'ヘルス設定の見出しと数式' },
  'health.repair.health': { en: 'Health formulas', ja: 'ヘルスの数式' },
  'health.repair.dashboard': { en: 'Health dashboard', ja: 'ヘルスダッシュボード' },
  // --- end of health scores ---
  'schedule.ownedByOther': {
    en: 'Scheduled refreshes are already on: they run as {owner}, whose trigger runs on time. Nothing was installed (a second trigger would run every check twice). If that trigger stops (two runs missed), anyone may turn scheduled refreshes on again.',
    ja: 'スケジュール実行はすでにオンです。{owner} のトリガーとして予定どおり動いています。2 つ目のトリガーはすべてのチェックを二重に実行するため、何もインストールしませんでした。そのトリガーが止まったら(2 回続けて実行されなかったら)、誰でも再びオンにできます。',
  },
  'schedule.installed': {
    en: 'Scheduled refreshes are on: Sheetdash checks for due queries every {interval}. {what} {limits} Scheduled runs act as {owner}.',
    ja: 'スケジュール更新を有効にしました。Sheetdash は {interval} ごとに実行すべきクエリを確認します。{what}{limits}スケジュール実行は {owner} として動作します。',
  },
  'schedule.every5min': { en: '5 minutes', ja: '5 分' },
  'schedule.everyHour': { en: 'hour (the limit for published add-ons)', ja: '1 時間(公開アドオンの上限)' },
  'schedule.created': {
    en: 'A new time-driven trigger was installed.',
    ja: '時間主導型トリガーを新しく設定しました。',
  },
  'schedule.kept': {
    en: 'The existing time-driven trigger was kept.',
    ja: '既存の時間主導型トリガーをそのまま使います。',
  },
  'schedule.limitsBound': {
    en: 'As a bound script, a schedule runs at most every 5 minutes, within a few minutes of its time.',
    ja: 'バインドされたスクリプトでは、スケジュールは最短 5 分ごとに、指定時刻から数分以内に実行されます。',
  },
  'schedule.limitsAddOn': {
    en: 'As a published add-on, a schedule runs at most hourly, and a daily or weekly time may run up to an hour late.',
    ja: '公開アドオンでは、スケジュールは最短 1 時間ごとで、毎日・毎週の時刻は最大 1 時間遅れることがあります。',
  },
  'schedule.you': { en: 'you', ja: 'あなた' },
  'api.invalid': { en: 'Invalid request: {detail}', ja: '不正なリクエストです: {detail}' },
  // What is wrong with a request's payload (src/core/input.ts, src/core/params/definitions.ts): the {detail} above.
  'props.writeFailed': {
    en: "Sheetdash could not save to this spreadsheet's document properties, which may be full (500 KB per document). Delete data sources, destinations or alerts you no longer use, then try again.",
    ja: 'このスプレッドシートのドキュメント プロパティに保存できませんでした。容量(ドキュメントごとに 500 KB)が一杯の可能性があります。使っていないデータソース・送信先・アラートを削除してから、もう一度お試しください。',
  },
  'input.method': { en: 'unknown method {name}', ja: '不明なメソッドです: {name}' },
  'input.object': { en: 'expected an object', ja: 'リクエストはオブジェクトで送ってください' },
  'input.required': { en: '"{key}" is required', ja: '「{key}」は必須です' },
  'input.text': { en: '"{key}" must be text', ja: '「{key}」はテキストで指定してください' },
  'input.tooLong': { en: '"{key}" is longer than {max} characters', ja: '「{key}」が {max} 文字を超えています' },
  'input.number': {
    en: '"{key}" must be a number from {min} to {max}',
    ja: '「{key}」は {min} から {max} までの数値で指定してください',
  },
  'input.wholeNumber': { en: '"{key}" must be a whole number', ja: '「{key}」は整数で指定してください' },
  'input.flag': { en: '"{key}" must be true or false', ja: '「{key}」は true か false で指定してください' },
  'input.record': { en: '"{key}" must be an object', ja: '「{key}」はオブジェクトで指定してください' },
  'input.scalar': {
    en: '"{key}" must be text, a number or true/false',
    ja: '「{key}」はテキスト、数値、true / false のいずれかで指定してください',
  },
  'input.oneOf': { en: '"{key}" must be one of {choices}', ja: '「{key}」は次のいずれかで指定してください: {choices}' },
  'input.textOrList': {
    en: '"{key}" must be text or a list of texts',
    ja: '「{key}」はテキストかテキストのリストで指定してください',
  },
  'input.shortTexts': {
    en: '"{key}" must be a list of short texts',
    ja: '「{key}」は短いテキストのリストで指定してください',
  },
  'input.ids': { en: '"{key}" must be a list of ids', ja: '「{key}」は ID のリストで指定してください' },
  'input.unknownDestinations': {
    en: 'unknown destination: {ids} (reload the destinations and choose again)',
    ja: '不明な通知先です: {ids}(通知先を読み込み直して選び直してください)',
  },
  'input.params.list': { en: 'parameters must be a list', ja: 'パラメータはリストで指定してください' },
  'input.params.tooMany': { en: 'at most {max} parameters', ja: 'パラメータは最大 {max} 個です' },
  'input.param.object': {
    en: 'parameter {n} must be an object',
    ja: 'パラメータ {n} はオブジェクトで指定してください',
  },
  'input.param.name': {
    en: 'parameter {n} has no valid name (letters, digits, _)',
    ja: 'パラメータ {n} の名前が正しくありません(英字・数字・_ が使えます)',
  },
  'input.param.twice': {
    en: 'parameter "{name}" is declared twice',
    ja: 'パラメータ「{name}」が 2 回宣言されています',
  },
  'input.param.type': {
    en: 'parameter "{name}" has an unknown type; use one of {types}',
    ja: 'パラメータ「{name}」の型が不明です。次のいずれかを使ってください: {types}',
  },
  'input.param.text': {
    en: 'parameter "{name}": {key} must be text',
    ja: 'パラメータ「{name}」: {key} はテキストで指定してください',
  },
  'input.param.options': {
    en: 'parameter "{name}": options must be a list of texts',
    ja: 'パラメータ「{name}」: options はテキストのリストで指定してください',
  },
  'input.param.multi': {
    en: 'parameter "{name}": multi must be true or false',
    ja: 'パラメータ「{name}」: multi は true か false で指定してください',
  },
  // --- query library, parameters, schema, preview (src/features/library, schema, preview) ---
  'param.required': { en: 'Parameter "{name}": enter a value.', ja: 'パラメータ「{name}」: 値を入力してください。' },
  'param.oneValue': {
    en: 'Parameter "{name}": choose one value only.',
    ja: 'パラメータ「{name}」: 値は 1 つだけ選んでください。',
  },
  'param.number': {
    en: 'Parameter "{name}": expected a number like 42 or 3.5.',
    ja: 'パラメータ「{name}」: 42 や 3.5 のような数値を入力してください。',
  },
  'param.date': {
    en: 'Parameter "{name}": expected a date like 2024-01-31 or "7 days ago".',
    ja: 'パラメータ「{name}」: 2024-01-31 のような日付か、「7 days ago」「今日」などの相対日付を入力してください。',
  },
  'param.datetime': {
    en: 'Parameter "{name}": expected a date and time like 2024-01-31 13:45 (or a date, "now", "yesterday").',
    ja: 'パラメータ「{name}」: 2024-01-31 13:45 のような日時(または日付、「now」「昨日」など)を入力してください。',
  },
  'param.daterange': {
    en: 'Parameter "{name}": expected a date range like 2024-01-01..2024-01-31, or "last 7 days", "this month", "last month".',
    ja: 'パラメータ「{name}」: 2024-01-01..2024-01-31 のような期間、または「過去7日」「今月」「先月」などを入力してください。',
  },
  'param.rangeOrder': {
    en: 'Parameter "{name}": the start date is after the end date. Swap them.',
    ja: 'パラメータ「{name}」: 開始日が終了日より後になっています。入れ替えてください。',
  },
  'param.rangeField': {
    en: 'Parameter "{name}" is a date range: write {{ {name}.start }} and {{ {name}.end }} in the SQL.',
    ja: 'パラメータ「{name}」は期間です。SQL では {{ {name}.start }} と {{ {name}.end }} を使ってください。',
  },
  'param.notRange': {
    en: 'Parameter "{name}" is used with .start/.end but is not a date range. Change its type to date range, or remove .start/.end.',
    ja: 'パラメータ「{name}」は .start/.end 付きで使われていますが、期間型ではありません。型を「期間」にするか、.start/.end を外してください。',
  },
  'param.listEmpty': {
    en: 'Parameter "{name}": choose at least one value (an empty list cannot be used in IN (...)).',
    ja: 'パラメータ「{name}」: 値を 1 つ以上選んでください(空のリストは IN (...) に使えません)。',
  },
  'param.notAnOption': {
    en: 'Parameter "{name}": "{value}" is not one of the options ({options}).',
    ja: 'パラメータ「{name}」: 「{value}」は選択肢({options})にありません。',
  },
  'param.tooMany': {
    en: 'Parameter "{name}": more than {max} values. Narrow the list or the range.',
    ja: 'パラメータ「{name}」: 値が {max} 個を超えています。リストや範囲を絞ってください。',
  },
  'param.cellRefMissing': {
    en: 'Parameter "{name}": give a cell range like Customers!A2:A or a named range.',
    ja: 'パラメータ「{name}」: Customers!A2:A のようなセル範囲か、名前付き範囲を指定してください。',
  },
  'param.cellRefBad': {
    en: 'Parameter "{name}": the range "{ref}" was not found. Use a tab name and cells like Customers!A2:A, or an existing named range.',
    ja: 'パラメータ「{name}」: 範囲「{ref}」が見つかりません。Customers!A2:A のようなタブ名とセル、または既存の名前付き範囲を指定してください。',
  },
  'param.cellEmpty': {
    en: 'Parameter "{name}": the range {ref} has no values. Fill it in or choose another range.',
    ja: 'パラメータ「{name}」: 範囲 {ref} に値がありません。値を入力するか、別の範囲を選んでください。',
  },
  'param.optionsQuery': {
    en: 'Parameter "{name}": the query that gives its options has no result tab yet. Run that query first.',
    ja: 'パラメータ「{name}」: 選択肢を出すクエリにまだ結果タブがありません。先にそのクエリを実行してください。',
  },
  'param.unknownType': {
    en: 'Parameter "{name}": unknown type "{type}".',
    ja: 'パラメータ「{name}」: 不明な型「{type}」です。',
  },
  'param.badDefinition': {
    en: 'Parameter settings are invalid: {detail}',
    ja: 'パラメータの設定が正しくありません: {detail}',
  },
  'param.help': {
    en: "Dates: 2024-01-31, or today, yesterday, 7 days ago, 2 weeks ago, 3 months ago, start of this week, start of last week, start of this month, end of this month, start of last month, end of last month, start of this year, start of last year (weeks start on Monday; computed in the spreadsheet's time zone). Date ranges: 2024-01-01..2024-01-31, last 7 days, this week, last week, this month, last month, this year, last year.",
    ja: '日付: 2024-01-31、または 今日、昨日、7日前、2週間前、3か月前、今週初め、先週初め、今月初め、今月末、先月初め、先月末、今年初め、昨年初め(英語の today, 7 days ago なども可。週は月曜始まり。スプレッドシートのタイムゾーンで計算)。期間: 2024-01-01..2024-01-31、過去7日、今週、先週、今月、先月、今年、昨年。',
  },
  'library.notFound': {
    en: 'No saved query with id "{id}". It may have been deleted from the library sheet; reload the list.',
    ja: 'ID「{id}」の保存済みクエリがありません。ライブラリのシートから削除された可能性があります。一覧を再読み込みしてください。',
  },
  'library.versionNotFound': {
    en: 'Query "{name}" has no version {version}.',
    ja: 'クエリ「{name}」にバージョン {version} はありません。',
  },
  'library.nameRequired': { en: 'Give the query a name.', ja: 'クエリに名前を付けてください。' },
  'library.tooLong': {
    en: '{field} is {length} characters long; a sheet cell holds at most {max}. Shorten it (for SQL, move long lists into a table or a cell parameter).',
    ja: '{field}が {length} 文字あります。セルに入るのは最大 {max} 文字です。短くしてください(SQL の長いリストはテーブルやセル参照パラメータに移せます)。',
  },
  'library.versionTooLong': {
    en: "The name, description, parameters, schedule and tags together are {length} characters long; each version keeps them in one sheet cell, which holds at most {max}. Shorten the description or the parameters' defaults and options.",
    ja: '名前・説明・パラメータ・スケジュール・タグを合わせると {length} 文字あります。各バージョンはこれを 1 つのセル(最大 {max} 文字)に保存します。説明やパラメータの既定値・選択肢を短くしてください。',
  },
  'library.busy': {
    en: 'Someone else is saving to the library right now. Try again in a few seconds.',
    ja: '他の人がライブラリに保存中です。数秒後にもう一度お試しください。',
  },
  'library.copyOf': { en: 'Copy of {name}', ja: '{name} のコピー' },
  'library.brokenRow': {
    en: 'Library sheet row {row}: {problems}. Fix or delete the row in the hidden sheet "{sheet}".',
    ja: 'ライブラリのシート {row} 行目: {problems}。非表示シート「{sheet}」でこの行を直すか削除してください。',
  },
  'library.broken.noId': { en: 'the id is empty', ja: 'ID が空です' },
  'library.broken.duplicateId': {
    en: 'the id {id} is also on row {other}',
    ja: 'ID {id} が {other} 行目と重複しています',
  },
  'library.broken.noName': { en: 'the name is empty', ja: '名前が空です' },
  'library.broken.badJson': { en: '"{field}" is not valid JSON', ja: '「{field}」が正しい JSON ではありません' },
  'library.broken.badVersion': { en: 'the version is not a whole number', ja: 'バージョンが整数ではありません' },
  'library.broken.badDate': { en: '"{field}" is not a date', ja: '「{field}」が日時ではありません' },
  'library.broken.badFlag': { en: '"archived" is not TRUE or FALSE', ja: '「archived」が TRUE/FALSE ではありません' },
  'library.change.created': { en: 'Created', ja: '作成' },
  'library.change.fields': { en: 'Changed {fields}', ja: '変更: {fields}' },
  'library.change.none': { en: 'Saved without changes', ja: '変更なしで保存' },
  'library.change.restoredVersion': { en: 'Restored version {version}', ja: 'バージョン {version} を復元' },
  'library.change.forked': { en: 'Copied from "{name}"', ja: '「{name}」からコピー' },
  'library.change.archived': { en: 'Archived', ja: 'アーカイブ' },
  'library.change.unarchived': { en: 'Restored from the archive', ja: 'アーカイブから復元' },
  'library.field.name': { en: 'name', ja: '名前' },
  'library.field.description': { en: 'description', ja: '説明' },
  'library.field.dataSourceId': { en: 'data source', ja: 'データソース' },
  'library.field.sql': { en: 'SQL', ja: 'SQL' },
  'library.field.parameters': { en: 'parameters', ja: 'パラメータ' },
  'library.field.schedule': { en: 'schedule', ja: 'スケジュール' },
  'library.field.tags': { en: 'tags', ja: 'タグ' },
  'schema.trimmed': {
    en: 'Only the first {tables} tables are listed (of {total}).',
    ja: '先頭の {tables} テーブルのみ表示しています(全 {total})。',
  },
  // --- alerts: evaluation reasons, states, rule checks ---
  'alert.state.ok': { en: 'OK', ja: '正常' },
  'alert.state.triggered': { en: 'Triggered', ja: '発火中' },
  'alert.state.unknown': { en: 'Unknown', ja: '不明' },
  'alert.reason.noRows': {
    en: 'The query returned no rows, so there is no value to check. To alert on the number of rows, use the "count" selector.',
    ja: 'クエリが 0 行を返したため、確認する値がありません。行数でアラートするには「件数 (count)」セレクタを使ってください。',
  },
  'alert.reason.missingColumn': {
    en: 'The result has no column "{column}". Choose a column the query returns, or change the query.',
    ja: '結果に列「{column}」がありません。クエリが返す列を選ぶか、クエリを直してください。',
  },
  'alert.reason.null': {
    en: 'The value of "{column}" is empty (NULL). Make the query return a value (for example with COALESCE), or check another column.',
    ja: '列「{column}」の値が空 (NULL) です。クエリが値を返すように(例えば COALESCE で)するか、別の列を確認してください。',
  },
  'alert.reason.notANumber': {
    en: 'The value "{value}" of "{column}" is not a number, and this condition needs one (min and max, or an order against the number {threshold}). Return a number, or compare text with == or !=.',
    ja: '列「{column}」の値「{value}」は数値ではありませんが、この条件には数値が必要です(min・max、または数値 {threshold} との大小比較)。数値を返すか、文字列は == か != で比較してください。',
  },
  'alert.reason.thresholdNotANumber': {
    en: 'The value {value} is a number, but the threshold "{threshold}" is not. Enter a number as the threshold.',
    ja: '値 {value} は数値ですが、しきい値「{threshold}」は数値ではありません。しきい値に数値を入力してください。',
  },
  'alert.reason.textOrder': {
    en: 'The value "{value}" is text, and "{value} {op} {threshold}" does not hold. Text compared by order can trigger the alert but cannot show it is fine: compare text with == or !=, or return a number.',
    ja: '値「{value}」は文字列で、「{value} {op} {threshold}」は成り立ちません。文字列の大小比較はアラートを発火させられても正常とは判断できません。文字列は == か != で比較するか、数値を返してください。',
  },
  'alert.reason.queryFailed': {
    en: 'The query failed, so the alert could not be checked: {detail} Fix the query or its data source; the alert stays unknown until a run succeeds.',
    ja: 'クエリが失敗したため、アラートを確認できませんでした: {detail} クエリまたはデータソースを直してください。実行が成功するまでアラートは「不明」のままです。',
  },
  'alert.reason.queryTimeout': {
    en: 'The query did not finish in time, so the alert could not be checked: {detail} Make the query faster (an index, a narrower date range) or give it a longer timeout.',
    ja: 'クエリが時間内に終わらなかったため、アラートを確認できませんでした: {detail} クエリを速くする(インデックス、日付範囲を狭める)か、タイムアウトを長くしてください。',
  },
  'alert.reason.sourcePaused': {
    en: 'The data source is paused after repeated connection failures, so the alert could not be checked: {detail} Open Data sources and run "Test connection"; scheduled runs resume once it succeeds.',
    ja: '接続の失敗が続いたためデータソースが一時停止しており、アラートを確認できませんでした: {detail} 「データソース」で「接続テスト」を実行してください。成功すると定期実行が再開します。',
  },
  'alert.rule.notObject': { en: 'The alert must be an object.', ja: 'アラートはオブジェクトで指定してください。' },
  'alert.rule.text': {
    en: '"{field}" must be text of at most {max} characters.',
    ja: '「{field}」は {max} 文字以内の文字列にしてください。',
  },
  'alert.rule.nameRequired': { en: 'Give the alert a name.', ja: 'アラートに名前を付けてください。' },
  'alert.rule.queryRequired': {
    en: 'The alert needs the saved query it checks. Save the query first.',
    ja: 'アラートには確認する保存済みクエリが必要です。先にクエリを保存してください。',
  },
  'alert.rule.selector': {
    en: 'Unknown selector "{selector}". Choose one of: {choices}.',
    ja: '不明なセレクタ「{selector}」です。次から選んでください: {choices}',
  },
  'alert.rule.op': {
    en: 'Unknown condition "{op}". Choose one of: {choices}.',
    ja: '不明な条件「{op}」です。次から選んでください: {choices}',
  },
  'alert.rule.opRequired': {
    en: 'Choose a condition: one of {choices}.',
    ja: '条件を選んでください: {choices} のいずれか。',
  },
  'alert.rule.columnRequired': {
    en: 'Choose the column to check (only "count" needs none).',
    ja: '確認する列を選んでください(列が不要なのは「件数 (count)」だけです)。',
  },
  'alert.rule.thresholdRequired': { en: 'Enter a threshold.', ja: 'しきい値を入力してください。' },
  'alert.rule.thresholdNumber': {
    en: 'The "{selector}" selector gives a number, so the threshold must be a number, not "{threshold}".',
    ja: '「{selector}」セレクタは数値を返すため、しきい値は数値にしてください(「{threshold}」ではなく)。',
  },
  'alert.rule.destinations': {
    en: 'Destinations must be a list of at most {max} different destination ids.',
    ja: '通知先は {max} 個以内の、重複しない通知先 ID のリストにしてください。',
  },
  'alert.rule.whole': {
    en: '"{field}" must be a whole number from {min} to {max}.',
    ja: '「{field}」は {min} から {max} までの整数にしてください。',
  },
  'alert.rule.flag': { en: '"{field}" must be true or false.', ja: '「{field}」は true か false にしてください。' },
  'alert.rule.rearm': {
    en: 'Re-notify must be "once", "always", or "interval" with a number of minutes.',
    ja: '再通知は "once"、"always"、または分数を指定した "interval" にしてください。',
  },
  'alert.rule.invalid': {
    en: 'The alert settings are invalid: {problems}',
    ja: 'アラートの設定が正しくありません: {problems}',
  },
  // --- end of query library block ---
  // --- alert messages and destinations (issue 8) ---
  'alert.title.triggered': { en: 'Triggered: {alert}', ja: '発火: {alert}' },
  'alert.title.recovered': { en: 'Recovered: {alert}', ja: '復旧: {alert}' },
  'alert.title.unknown': { en: 'Unknown: {alert}', ja: '不明: {alert}' },
  'alert.label.query': { en: 'Query', ja: 'クエリ' },
  'alert.label.alert': { en: 'Alert', ja: 'アラート' },
  'alert.label.value': { en: 'Value (condition)', ja: '値(条件)' },
  'alert.label.rows': { en: 'Rows', ja: '行数' },
  'alert.openResult': { en: 'Open the result tab', ja: '結果タブを開く' },
  'alert.moreRows': { en: '… and {count} more rows in the result tab', ja: '… ほか {count} 行は結果タブにあります' },
  'alert.recoveredNote': {
    en: 'Recovered at {at}: see the reply in this thread.',
    ja: '{at} に復旧しました。このスレッドの返信を見てください。',
  },
  'alert.sample.alertName': { en: 'Sheetdash test alert', ja: 'Sheetdash テストアラート' },
  'alert.sample.queryName': { en: 'Sample check query (test message)', ja: 'チェッククエリの例(テストメッセージ)' },
  'dest.fieldRequired': { en: 'Fill in "{field}".', ja: '「{field}」を入力してください。' },
  'dest.urlInvalid': {
    en: '"{field}" must be a full https:// address. Copy it again from where it was created.',
    ja: '「{field}」には https:// で始まる完全なアドレスを入力してください。作成した画面からもう一度コピーしてください。',
  },
  'dest.urlNotAllowed': {
    en: 'Apps Script refuses to send to {host}: the add-on may only call addresses listed in its manifest (urlFetchWhitelist in appsscript.json: {allowed}). Ask whoever deploys Sheetdash to add "https://{host}/" and deploy again, or use a listed service.',
    ja: 'Apps Script は {host} への送信を拒否します。アドオンが呼び出せるのはマニフェスト(appsscript.json の urlFetchWhitelist: {allowed})に載っているアドレスだけです。Sheetdash をデプロイする人に「https://{host}/」を追加して再デプロイしてもらうか、一覧にあるサービスを使ってください。',
  },
  'dest.slackWebhookUrl': {
    en: 'A Slack incoming webhook address starts with https://hooks.slack.com/services/. Copy it from the Slack app\'s "Incoming Webhooks" page.',
    ja: 'Slack の Incoming Webhook のアドレスは https://hooks.slack.com/services/ で始まります。Slack アプリの「Incoming Webhooks」ページからコピーしてください。',
  },
  'dest.slackToken': {
    en: 'A Slack bot token starts with xoxb-. Copy the "Bot User OAuth Token" from the Slack app\'s "OAuth & Permissions" page.',
    ja: 'Slack のボットトークンは xoxb- で始まります。Slack アプリの「OAuth & Permissions」ページにある「Bot User OAuth Token」をコピーしてください。',
  },
  'dest.slackChannel': {
    en: "Give the channel's ID (such as C0123ABCD, at the bottom of the channel's details) and invite the bot to the channel.",
    ja: 'チャンネル ID(C0123ABCD のような値。チャンネル詳細の一番下にあります)を入力し、ボットをチャンネルに招待してください。',
  },
  'dest.chatWebhookUrl': {
    en: 'A Google Chat webhook address starts with https://chat.googleapis.com/v1/spaces/. Copy it from the space\'s "Apps & integrations" > "Webhooks".',
    ja: 'Google Chat の Webhook のアドレスは https://chat.googleapis.com/v1/spaces/ で始まります。スペースの「アプリと統合」>「Webhook」からコピーしてください。',
  },
  'dest.headerName': {
    en: '"{name}" cannot be a header name: use letters, digits and "-" only, such as X-Sheetdash-Secret.',
    ja: '「{name}」はヘッダー名に使えません。X-Sheetdash-Secret のように英数字と「-」だけを使ってください。',
  },
  'dest.headerValueWithoutName': {
    en: 'A secret header value needs a header name: fill in the header name, or clear the value.',
    ja: 'シークレットヘッダーの値にはヘッダー名が必要です。ヘッダー名を入力するか、値を消してください。',
  },
  'dest.emailInvalid': {
    en: '"{address}" is not an e-mail address. Separate several addresses with commas.',
    ja: '「{address}」はメールアドレスではありません。複数のアドレスはカンマで区切ってください。',
  },
  'dest.unknownKind': {
    en: 'Unknown destination kind "{kind}". Choose Slack, Google Chat, webhook or e-mail.',
    ja: '不明な送信先の種類「{kind}」です。Slack、Google Chat、Webhook、メールから選んでください。',
  },
  'dest.outcome.delivered': { en: 'Delivered', ja: '送信しました' },
  'dest.outcome.failed': { en: 'Not delivered: {problem}', ja: '送信できませんでした: {problem}' },
  'dest.outcome.retryLater': {
    en: 'Not delivered yet, retried at the next run: {problem}',
    ja: 'まだ送信できていません。次回の実行で再送します: {problem}',
  },
  'dest.problem.rate-limited': {
    en: 'the service asked to slow down (HTTP 429).',
    ja: '送信先から送信間隔を空けるよう求められました(HTTP 429)。',
  },
  'dest.problem.server-error': {
    en: 'the service had an error (HTTP {status}); it is usually temporary.',
    ja: '送信先でエラーが起きました(HTTP {status})。通常は一時的なものです。',
  },
  'dest.problem.http-error': {
    en: 'the service refused the message (HTTP {status} {detail}). Check the address or token, and that the channel still exists.',
    ja: '送信先がメッセージを拒否しました(HTTP {status} {detail})。アドレスやトークン、チャンネルが残っているかを確認してください。',
  },
  'dest.problem.api-error': {
    en: 'Slack answered "{detail}". Check the token, the channel ID, and that the bot is in the channel.',
    ja: 'Slack の応答は「{detail}」でした。トークン、チャンネル ID、ボットがチャンネルに参加しているかを確認してください。',
  },
  'dest.problem.host-not-allowed': {
    en: "the address is not in the add-on's manifest allowlist (urlFetchWhitelist), so Apps Script refuses it. Ask whoever deploys Sheetdash to add it.",
    ja: 'アドレスがアドオンのマニフェストの許可リスト(urlFetchWhitelist)にないため、Apps Script が拒否します。Sheetdash をデプロイする人に追加を依頼してください。',
  },
  'dest.problem.network': {
    en: 'the service could not be reached (network error or timeout).',
    ja: '送信先に接続できませんでした(ネットワークエラーまたはタイムアウト)。',
  },
  'dest.problem.invalid-config': {
    en: 'the destination is not set up completely. Open it in the sidebar and fix the fields marked.',
    ja: '送信先の設定が不完全です。サイドバーで開き、示された項目を直してください。',
  },
  'dest.problem.mail-quota': {
    en: "today's e-mail quota of this Google account is used up.",
    ja: 'この Google アカウントの本日のメール送信上限に達しました。',
  },
  'dest.problem.mail-error': {
    en: 'Apps Script could not send the e-mail.',
    ja: 'Apps Script がメールを送信できませんでした。',
  },
  'dest.problem.missing-scope': {
    en: 'the add-on lacks the permission {detail}. Ask whoever deploys Sheetdash to add it to the manifest (oauthScopes) and deploy again; users then authorize it once.',
    ja: 'アドオンに権限 {detail} がありません。Sheetdash をデプロイする人にマニフェスト(oauthScopes)へ追加して再デプロイしてもらってください。利用者はその後一度だけ承認します。',
  },
  'dest.problem.deadline': {
    en: 'this run had no time left to send it.',
    ja: 'この実行には送信する時間が残っていませんでした。',
  },
  'dest.problem.unknown-kind': {
    en: 'this kind of destination is not known to this version of Sheetdash.',
    ja: 'この種類の送信先は、このバージョンの Sheetdash では使えません。',
  },
  'dest.notFound': {
    en: 'No destination "{id}": it may have been deleted. Reopen the Destinations list in the sidebar.',
    ja: '送信先「{id}」が見つかりません。削除された可能性があります。サイドバーの送信先一覧を開き直してください。',
  },
  'dest.kindRequired': {
    en: 'Choose the kind of destination to test.',
    ja: 'テストする送信先の種類を選んでください。',
  },
  'dest.secretReentry': {
    en: 'Where messages go changed ({fields}), so the saved secrets will not be sent there. Type the webhook URL, token or secret header value again.',
    ja: '送信先が変わったため({fields})、保存済みのシークレットはそこへは送られません。Webhook URL、トークン、シークレットヘッダーの値をもう一度入力してください。',
  },
  'dest.notManager': {
    en: 'Only {managers} can change or delete the destination "{name}". Ask them to make the change; you can still send a test to it.',
    ja: '送信先「{name}」を変更・削除できるのは {managers} だけです。変更を依頼してください。テスト送信はそのままできます。',
  },
  'dest.noManager': {
    en: 'Nobody can change the destination "{name}": this spreadsheet shows no owner and its creator is unknown. Add a new destination to replace it.',
    ja: '送信先「{name}」は誰も変更できません。このスプレッドシートには所有者が表示されず、作成者も不明です。置き換えるには新しい送信先を追加してください。',
  },
  'dest.createNotOwner': {
    en: "Only the spreadsheet's owner ({owner}) can add destinations. Ask them to add it; everyone can then send a test to it.",
    ja: '送信先を追加できるのはスプレッドシートの所有者({owner})だけです。追加を依頼してください。追加後は誰でもテスト送信できます。',
  },
  'dest.emailHidden': {
    en: "Google does not give Sheetdash your e-mail address here, so you cannot add or change destinations. Ask the spreadsheet's owner to do it.",
    ja: 'Google がこの環境であなたのメールアドレスを Sheetdash に渡さないため、送信先の追加や変更はできません。スプレッドシートの所有者に依頼してください。',
  },
  'dest.nameLabel': { en: 'Name', ja: '名前' },
  'dest.kindField': { en: 'kind', ja: '種類' },
  // --- end of alert messages and destinations ---
  // --- alert store, status, history (issue 8) ---
  'alert.tab': { en: 'Sheetdash alerts', ja: 'Sheetdash アラート' },
  'alert.col.id': { en: 'Alert ID', ja: 'アラート ID' },
  'alert.col.queryId': { en: 'Query ID', ja: 'クエリ ID' },
  'alert.col.name': { en: 'Alert', ja: 'アラート' },
  'alert.col.condition': { en: 'Condition', ja: '条件' },
  'alert.col.destinations': { en: 'Destinations', ja: '送信先' },
  'alert.col.muted': { en: 'Muted', ja: 'ミュート' },
  'alert.col.createdBy': { en: 'Created by', ja: '作成者' },
  'alert.col.createdAt': { en: 'Created at', ja: '作成日時' },
  'alert.col.updatedBy': { en: 'Updated by', ja: '更新者' },
  'alert.col.updatedAt': { en: 'Updated at', ja: '更新日時' },
  'alert.col.rule': { en: 'Rule (JSON)', ja: 'ルール (JSON)' },
  'alert.status.never': { en: 'Not evaluated yet', ja: 'まだ評価されていません' },
  'alert.status.value': { en: '{state}: {value}', ja: '{state}: {value}' },
  'alert.status.pending': {
    en: '{state}: {value}, condition met {pending} of {needed} times before it fires',
    ja: '{state}: {value}、条件成立 {pending} / {needed} 回(発火まで)',
  },
  'alert.check.triggered': {
    en: '{triggered} of {alerts} alerts triggered',
    ja: '{alerts} 件中 {triggered} 件のアラートが発火中',
  },
  'alert.check.unknown': {
    en: '{unknown} of {alerts} alerts unknown',
    ja: '{alerts} 件中 {unknown} 件のアラートが不明',
  },
  'alert.check.ok': { en: 'All {alerts} alerts OK', ja: '{alerts} 件のアラートはすべて正常' },
  'alert.rowsCheckName': { en: '{query}: returns rows', ja: '{query}: 行を返す' },
  'alert.notFound': {
    en: 'The alert "{id}" does not exist any more (someone deleted it). Reload the list.',
    ja: 'アラート「{id}」はもう存在しません(削除されました)。一覧を再読み込みしてください。',
  },
  'alert.queryNotFound': {
    en: 'The query "{id}" does not exist. Choose a saved query.',
    ja: 'クエリ「{id}」は存在しません。保存済みのクエリを選んでください。',
  },
  'alert.templateInvalid': {
    en: 'This message text cannot be read: a {{#section}} or {{tag}} is not closed. Close it, or leave the text empty for the default.',
    ja: 'このメッセージ文は読み取れません: {{#section}} や {{tag}} が閉じられていません。閉じるか、空欄にして既定の文を使ってください。',
  },
  'alert.destinationNotFound': {
    en: 'The destination "{id}" does not exist (it was deleted). Remove it from the alert or choose another.',
    ja: '送信先「{id}」は存在しません(削除されました)。アラートから外すか、別の送信先を選んでください。',
  },
  'alert.busy': {
    en: 'Another Sheetdash task is updating this spreadsheet. Try again in a moment.',
    ja: '別の Sheetdash の処理がこのスプレッドシートを更新中です。少し待ってからもう一度試してください。',
  },
  'alert.history.tab': { en: 'Sheetdash alert history', ja: 'Sheetdash アラート履歴' },
  'alert.history.col.at': { en: 'When', ja: '日時' },
  'alert.history.col.alert': { en: 'Alert', ja: 'アラート' },
  'alert.history.col.alertId': { en: 'Alert ID', ja: 'アラート ID' },
  'alert.history.col.query': { en: 'Query', ja: 'クエリ' },
  'alert.history.col.from': { en: 'Old state', ja: '変更前の状態' },
  'alert.history.col.to': { en: 'New state', ja: '新しい状態' },
  'alert.history.col.value': { en: 'Value', ja: '値' },
  'alert.history.col.notification': { en: 'Notification code', ja: '通知コード' },
  'alert.history.col.deliveries': { en: 'Delivery codes', ja: '送信結果コード' },
  'alert.history.col.deliveriesText': { en: 'Delivery', ja: '送信結果' },
  'alert.history.none': { en: 'Nothing to send', ja: '送信なし' },
  'alert.history.muted': { en: 'Muted: nothing sent', ja: 'ミュート中のため送信なし' },
  'alert.history.recoveryOff': { en: 'Recovery notices are off: nothing sent', ja: '復旧通知がオフのため送信なし' },
  'alert.history.unknownOff': { en: 'Unknown notices are off: nothing sent', ja: '不明通知がオフのため送信なし' },
  'alert.history.noDestinations': { en: 'No destinations: nothing sent', ja: '送信先がないため送信なし' },
  'alert.history.queued': { en: 'Queued for the next run', ja: '次回の実行で送信します' },
} as const;

export type MessageKey = keyof typeof MESSAGES;

export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const template: string = MESSAGES[key][lang];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The catalog, for tests that check every message exists in both languages. */
export const ALL_MESSAGES: Readonly<Record<string, { en: string; ja: string }>> = MESSAGES;
