/**
 * SpreadsheetApp's enums as Java-backed enum objects (`name()`, `toString()`, `ordinal()`), so
 * that `String(x)`, `x == 'SHEET'`, `x.name()` and `x === SpreadsheetApp.ProtectionType.SHEET`
 * all behave as in Apps Script. Getters that return an enum look the value up by name here.
 */
import { type EnumValue, makeEnum } from '../base/enums';

export const SPREADSHEET_ENUMS = {
  DeveloperMetadataVisibility: makeEnum('SpreadsheetApp.DeveloperMetadataVisibility', ['DOCUMENT', 'PROJECT']),
  DeveloperMetadataLocationType: makeEnum('SpreadsheetApp.DeveloperMetadataLocationType', [
    'SPREADSHEET',
    'ROW',
    'COLUMN',
    'SHEET',
  ]),
  ProtectionType: makeEnum('SpreadsheetApp.ProtectionType', ['RANGE', 'SHEET']),
  DataValidationCriteria: makeEnum('SpreadsheetApp.DataValidationCriteria', [
    'DATE_AFTER',
    'DATE_BEFORE',
    'DATE_BETWEEN',
    'DATE_EQUAL_TO',
    'DATE_IS_VALID_DATE',
    'DATE_NOT_BETWEEN',
    'DATE_ON_OR_AFTER',
    'DATE_ON_OR_BEFORE',
    'NUMBER_BETWEEN',
    'NUMBER_EQUAL_TO',
    'NUMBER_GREATER_THAN',
    'NUMBER_GREATER_THAN_OR_EQUAL_TO',
    'NUMBER_LESS_THAN',
    'NUMBER_LESS_THAN_OR_EQUAL_TO',
    'NUMBER_NOT_BETWEEN',
    'NUMBER_NOT_EQUAL_TO',
    'TEXT_CONTAINS',
    'TEXT_DOES_NOT_CONTAIN',
    'TEXT_EQUAL_TO',
    'TEXT_IS_VALID_EMAIL',
    'TEXT_IS_VALID_URL',
    'VALUE_IN_LIST',
    'VALUE_IN_RANGE',
    'CUSTOM_FORMULA',
    'CHECKBOX',
  ]),
  BooleanCriteria: makeEnum('SpreadsheetApp.BooleanCriteria', [
    'CELL_EMPTY',
    'CELL_NOT_EMPTY',
    'DATE_AFTER',
    'DATE_BEFORE',
    'DATE_EQUAL_TO',
    'NUMBER_BETWEEN',
    'NUMBER_EQUAL_TO',
    'NUMBER_GREATER_THAN',
    'NUMBER_GREATER_THAN_OR_EQUAL_TO',
    'NUMBER_LESS_THAN',
    'NUMBER_LESS_THAN_OR_EQUAL_TO',
    'NUMBER_NOT_BETWEEN',
    'NUMBER_NOT_EQUAL_TO',
    'TEXT_CONTAINS',
    'TEXT_DOES_NOT_CONTAIN',
    'TEXT_ENDS_WITH',
    'TEXT_EQUAL_TO',
    'TEXT_STARTS_WITH',
    'CUSTOM_FORMULA',
  ]),
  Dimension: makeEnum('SpreadsheetApp.Dimension', ['COLUMNS', 'ROWS']),
  Direction: makeEnum('SpreadsheetApp.Direction', ['UP', 'DOWN', 'PREVIOUS', 'NEXT']),
  CopyPasteType: makeEnum('SpreadsheetApp.CopyPasteType', [
    'PASTE_NORMAL',
    'PASTE_NO_BORDERS',
    'PASTE_FORMAT',
    'PASTE_FORMULA',
    'PASTE_DATA_VALIDATION',
    'PASTE_VALUES',
    'PASTE_CONDITIONAL_FORMATTING',
    'PASTE_COLUMN_WIDTHS',
  ]),
  WrapStrategy: makeEnum('SpreadsheetApp.WrapStrategy', ['WRAP', 'OVERFLOW', 'CLIP']),
  SheetType: makeEnum('SpreadsheetApp.SheetType', ['GRID', 'OBJECT', 'DATASOURCE']),
  ColorType: makeEnum('SpreadsheetApp.ColorType', ['UNSUPPORTED', 'RGB', 'THEME']),
  RelativeDate: makeEnum('SpreadsheetApp.RelativeDate', [
    'TODAY',
    'TOMORROW',
    'YESTERDAY',
    'PAST_WEEK',
    'PAST_MONTH',
    'PAST_YEAR',
  ]),
  InterpolationType: makeEnum('SpreadsheetApp.InterpolationType', ['NUMBER', 'PERCENT', 'PERCENTILE', 'MIN', 'MAX']),
};

/** The enum value called `name` (the name itself when the enum has no such value). */
export function enumValue(values: Readonly<Record<string, EnumValue>>, name: string): EnumValue | string {
  return values[name] ?? name;
}
