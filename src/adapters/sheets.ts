/**
 * Finding and tagging the tabs the add-on owns. Ownership is recorded as developer metadata
 * on the sheet, which follows the sheet through renames and moves; a tab without the tag was
 * made by a person and is never written to.
 */
export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

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
 * The sheet tagged `key` (= `value` when given), or null: one developer-metadata search. The
 * add-on puts these keys on sheets only, so the search does not filter by location type.
 */
export function findTaggedSheet(key: string, value?: string): Sheet | null {
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

export function tagSheet(sheet: Sheet, key: string, value: string): void {
  sheet.addDeveloperMetadata(key, value, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
}

/** A name no sheet has yet: `base`, else "base (2)", "base (3)"... */
export function freeSheetName(base: string): string {
  const ss = activeSpreadsheet();
  const clean = base.replace(/[\[\]*?:/\\]/g, ' ').trim().slice(0, 90) || 'Result';
  if (!ss.getSheetByName(clean)) return clean;
  for (let i = 2; ; i++) {
    const candidate = `${clean} (${i})`;
    if (!ss.getSheetByName(candidate)) return candidate;
  }
}
