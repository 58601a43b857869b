/**
 * Finding and tagging the tabs the add-on owns. Ownership is recorded as developer metadata
 * on the sheet, which follows the sheet through renames and moves; a tab without the tag was
 * made by a person and is never written to. A directory in Document properties remembers the
 * sheet id of each tag, so a tab is usually found with one getSheetById instead of a metadata
 * search (five calls); a directory entry whose sheet is gone falls back to the search.
 */
import { readJson, writeJson } from './document-properties';

export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const DIRECTORY_KEY = 'sheetdash.tabs';
const URL_KEY = 'sheetdash.url';

/** Ids of the sheets found through the directory in this execution (so getSheetId is not asked again). */
const knownIds = new WeakMap<Sheet, number>();

/** The sheet's id: known already when the directory found it, else asked for. */
export function sheetIdOf(sheet: Sheet): number {
  return knownIds.get(sheet) ?? sheet.getSheetId();
}

/** The spreadsheet's URL (it never changes for a document: remembered in Document properties). */
export function spreadsheetUrl(): string {
  const known = readJson<string>(URL_KEY);
  if (typeof known === 'string' && known !== '') return known;
  const url = activeSpreadsheet().getUrl();
  rememberQuietly(URL_KEY, url);
  return url;
}

/** Sheet ids by tag ("key" or "key=value"). Ids are never reused within a spreadsheet. */
type TabDirectory = Record<string, number>;

function tagName(key: string, value?: string): string {
  return value === undefined ? key : `${key}=${value}`;
}

function remember(tag: string, sheetId: number | null): void {
  const directory = readJson<TabDirectory>(DIRECTORY_KEY) ?? {};
  if (sheetId === null ? !(tag in directory) : directory[tag] === sheetId) return;
  if (sheetId === null) delete directory[tag];
  else directory[tag] = sheetId;
  rememberQuietly(DIRECTORY_KEY, directory);
}

/** Writes a cache entry; a store that refuses it (full) costs a search next time, never the caller's work. */
function rememberQuietly(key: string, value: unknown): void {
  try {
    writeJson(key, value);
  } catch {
    // only a cache
  }
}

let active: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;

/**
 * The active spreadsheet, fetched once per execution (module state lives for one execution,
 * as every global does in Apps Script). The execution context hands it out.
 */
export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  active ??= SpreadsheetApp.getActiveSpreadsheet();
  return active;
}

/**
 * The sheet tagged `key` (= `value` when given), or null: by the directory's sheet id, else one
 * developer-metadata search (whose answer the directory then remembers). The add-on puts these
 * keys on sheets only, so the search does not filter by location type.
 */
export function findTaggedSheet(key: string, value?: string): Sheet | null {
  const tag = tagName(key, value);
  const id = readJson<TabDirectory>(DIRECTORY_KEY)?.[tag];
  if (typeof id === 'number') {
    const known = activeSpreadsheet().getSheetById(id);
    if (known) {
      knownIds.set(known, id);
      return known;
    }
  }
  const found = searchTaggedSheet(key, value);
  remember(tag, found ? found.getSheetId() : null);
  return found;
}

function searchTaggedSheet(key: string, value?: string): Sheet | null {
  let finder = activeSpreadsheet().createDeveloperMetadataFinder().withKey(key);
  if (value !== undefined) finder = finder.withValue(value);
  for (const found of finder.find()) {
    const sheet = found.getLocation().getSheet();
    if (sheet) return sheet;
  }
  return null;
}

export function findAllTaggedSheets(key: string): { sheet: Sheet; value: string }[] {
  return activeSpreadsheet()
    .createDeveloperMetadataFinder()
    .withKey(key)
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET)
    .find()
    .map((m) => ({ sheet: m.getLocation().getSheet(), value: m.getValue() ?? '' }))
    .filter((entry): entry is { sheet: Sheet; value: string } => entry.sheet !== null);
}

/**
 * Tags a tab the add-on made. `findAs` is the value it will be looked up by (the tag's value
 * for result tabs, none for the one-of-a-kind tabs); the directory remembers its id then.
 */
export function tagSheet(sheet: Sheet, key: string, value: string, findAs?: { value?: string }): void {
  sheet.addDeveloperMetadata(key, value, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
  if (findAs) remember(tagName(key, findAs.value), sheet.getSheetId());
}

/** The longest tab name the add-on gives (Sheets allows 100 characters; " (12)" must still fit). */
const MAX_NAME = 90;

/** `base` as a tab name: no characters Sheets refuses in one, not cut in the middle of a character. */
function cleanSheetName(base: string): string {
  const clean = base
    .replace(/[[\]*?:/\\]/g, ' ')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
    .trim();
  let cut = clean.slice(0, MAX_NAME);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.trim() || 'Result';
}

/** `clean`, else "clean (2)", "clean (3)"...: the first that `taken` says is free. */
function firstFree(clean: string, taken: (name: string) => boolean): string {
  if (!taken(clean)) return clean;
  for (let i = 2; ; i++) {
    const candidate = `${clean} (${i})`;
    if (!taken(candidate)) return candidate;
  }
}

/** True when the add-on tagged the sheet (a result, library, log or health tab): not a person's own tab. */
export function isAddonTab(sheet: Sheet): boolean {
  return sheet.getDeveloperMetadata().some((m) => m.getKey().startsWith('sheetdash.'));
}

export interface InsertedSheet {
  sheet: Sheet;
  name: string;
  /** True when another tab had the name asked for (in any letter case), so a numbered one was used. */
  renamed: boolean;
}

/**
 * Inserts a tab named `base`, else "base (2)", "base (3)"... (at `index` when given). Sheets
 * refuses a name that another tab has in any letter case, while getSheetByName finds only the
 * same case: when the insert is refused and a tab's name matches in another case, the names
 * are listed once and the first name free in every case is used.
 */
export function insertFreeSheet(base: string, index?: number): InsertedSheet {
  const ss = activeSpreadsheet();
  const clean = cleanSheetName(base);
  const insert = (name: string): InsertedSheet => {
    const sheet = index === undefined ? ss.insertSheet(name) : ss.insertSheet(name, index);
    return { sheet, name, renamed: name !== clean };
  };
  const name = firstFree(clean, (candidate) => ss.getSheetByName(candidate) !== null);
  try {
    return insert(name);
  } catch (error) {
    const names = new Set(ss.getSheets().map((sheet) => sheet.getName().toLowerCase()));
    if (!names.has(name.toLowerCase())) throw error;
    return insert(firstFree(clean, (candidate) => names.has(candidate.toLowerCase())));
  }
}
