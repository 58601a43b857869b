/**
 * Every message a user reads, in English and Japanese. `translate` picks the language from a
 * locale such as "ja", "ja_JP" or "en_US" (Japanese for ja*, English otherwise) and fills
 * `{name}` placeholders.
 */
export type Lang = 'en' | 'ja';

export function langOf(locale: string | null | undefined): Lang {
  return /^ja/i.test(locale ?? '') ? 'ja' : 'en';
}

const MESSAGES = {
  'menu.open': { en: 'Open Sheetdash', ja: 'Sheetdash を開く' },
  'menu.refreshAll': { en: 'Refresh all result tabs', ja: 'すべての結果タブを更新' },

  'sql.empty': { en: 'The query is empty. Write a SELECT statement.', ja: 'クエリが空です。SELECT 文を書いてください。' },
  'sql.multiple': {
    en: 'Run one statement at a time: remove the extra statements after the first ";".',
    ja: '一度に実行できる文は 1 つです。最初の「;」より後ろの文を削除してください。',
  },
  'sql.notRead': {
    en: 'This data source is read-only, so {statement} statements are refused. Use a SELECT, or ask an admin to mark the data source writable.',
    ja: 'このデータソースは読み取り専用のため、{statement} 文は実行できません。SELECT を使うか、管理者にデータソースを書き込み可能にしてもらってください。',
  },
  'sql.selectInto': {
    en: 'SELECT ... INTO writes to the database, and this data source is read-only. Remove the INTO clause.',
    ja: 'SELECT ... INTO はデータベースに書き込むため、読み取り専用のデータソースでは使えません。INTO 句を削除してください。',
  },

  'ds.notFound': { en: 'No data source "{id}". Choose one in the sidebar\'s Data sources tab.', ja: 'データソース「{id}」が見つかりません。サイドバーの「データソース」で選んでください。' },
  'ds.unknownKind': { en: 'Unknown data source kind "{kind}". Choose one of: {kinds}.', ja: '不明なデータソースの種類「{kind}」です。次から選んでください: {kinds}' },
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
    en: 'Could not connect to {host}:{port}. Check, in order: the host name and port; that the database accepts connections from Google\'s IP ranges (https://www.gstatic.com/ipranges/goog.json); the user name and password; for MySQL 8, that the user uses mysql_native_password (ALTER USER ... IDENTIFIED WITH mysql_native_password); that the server offers TLS 1.2 or later.',
    ja: '{host}:{port} に接続できませんでした。次の順に確認してください: ホスト名とポート、データベースが Google の IP 範囲(https://www.gstatic.com/ipranges/goog.json)からの接続を許可していること、ユーザー名とパスワード、MySQL 8 ではユーザーが mysql_native_password を使っていること(ALTER USER ... IDENTIFIED WITH mysql_native_password)、サーバーが TLS 1.2 以上に対応していること。',
  },
  'ds.testOk': { en: 'Connected to {product} {version} in {ms} ms.', ja: '{product} {version} に接続しました({ms} ms)。' },

  'refresh.queryFailed': { en: 'The database refused the query: {error}', ja: 'データベースがクエリを拒否しました: {error}' },
  'refresh.timeout': {
    en: 'The query ran longer than {seconds} s and was stopped. Narrow it (WHERE, LIMIT) or raise the timeout.',
    ja: 'クエリが {seconds} 秒を超えたため停止しました。WHERE や LIMIT で絞り込むか、タイムアウトを延ばしてください。',
  },
  'refresh.noColumns': { en: 'The query returned no columns, so there is nothing to write.', ja: 'クエリが列を返さなかったため、書き込むものがありません。' },
  'refresh.truncated': {
    en: 'Only the first {rows} rows were written: the result has more than the limit of {cells} cells. Narrow the query or raise the row limit.',
    ja: '結果がセル数の上限({cells} セル)を超えたため、最初の {rows} 行だけを書き込みました。クエリを絞り込むか、行数の上限を上げてください。',
  },
  'refresh.workbookFull': {
    en: 'The spreadsheet would pass Google\'s limit of 10,000,000 cells. Delete unused tabs or narrow the query ({cells} cells needed).',
    ja: 'スプレッドシートが Google の上限(1,000 万セル)を超えてしまいます。不要なタブを削除するか、クエリを絞り込んでください(必要なセル数: {cells})。',
  },
  'refresh.tooSlow': {
    en: 'The refresh was stopped after {seconds} s to stay inside Apps Script\'s 6-minute limit; the previous result is kept. Narrow the query or lower its row limit.',
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
  'runlog.headers': {
    en: 'When|Who|Query|Data source|Rows|Duration (ms)|Outcome|Error',
    ja: '日時|実行者|クエリ|データソース|行数|所要時間 (ms)|結果|エラー',
  },
  'outcome.ok': { en: 'OK', ja: '成功' },
  'outcome.failed': { en: 'Failed', ja: '失敗' },
  'outcome.skipped': { en: 'Skipped', ja: 'スキップ' },

  'api.invalid': { en: 'Invalid request: {detail}', ja: '不正なリクエストです: {detail}' },
} as const;

export type MessageKey = keyof typeof MESSAGES;

export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const template: string = MESSAGES[key][lang];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The catalog, for tests that check every message exists in both languages. */
export const ALL_MESSAGES: Readonly<Record<string, { en: string; ja: string }>> = MESSAGES;
