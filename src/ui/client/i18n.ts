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

  'status.none': { en: 'No scheduled runs yet.', ja: 'スケジュール実行はまだありません。' },
  'status.title': { en: 'Last runs', ja: '最近の実行' },
  'status.ok': { en: '{query}: {rows} rows, {at}', ja: '{query}: {rows} 行、{at}' },
  'status.failed': { en: '{query} failed {at}: {message}', ja: '{query} は {at} に失敗: {message}' },
  'status.skipped': { en: '{query} skipped {at}: {message}', ja: '{query} は {at} にスキップ: {message}' },

  'time.justNow': { en: 'just now', ja: 'たった今' },
  'time.minutesAgo': { en: '{n} min ago', ja: '{n} 分前' },
  'time.hoursAgo': { en: '{n} h ago', ja: '{n} 時間前' },
  'time.dayAgo': { en: '1 day ago', ja: '1 日前' },
  'time.daysAgo': { en: '{n} days ago', ja: '{n} 日前' },
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
