/** SpreadsheetApp conformance cases (Range, Sheet, Spreadsheet, builders, enums). */
import { type ConformanceCase, table } from '../types';

const REF = 'https://developers.google.com/apps-script/reference/spreadsheet/';
const SIG = (args: string, method: string) =>
  `The parameters (${args}) don't match the method signature for ${method}.`;

const range = table('ss-range', 'SpreadsheetApp', `${REF}range`, [
  ["var s = fresh_(); return s.getRange('A1').setValue(42).getValue();", 42],
  ["var s = fresh_(); return s.getRange('A1').setValue('abc').getValue();", 'abc'],
  ["var s = fresh_(); return s.getRange('A1').setValue(true).getValue();", true],
  ["var s = fresh_(); return s.getRange('A1').getValue();", ''],
  [
    "var s = fresh_(); return s.getRange('A1:B2').getValues();",
    [
      ['', ''],
      ['', ''],
    ],
  ],
  ["var s = fresh_(); s.getRange('A1:B1').setValues([[1, 'x']]); return s.getRange('A1:B1').getValues();", [[1, 'x']]],
  ["var s = fresh_(); return s.getRange('A1:B2').getA1Notation();", 'A1:B2'],
  ['var s = fresh_(); return s.getRange(2, 3).getA1Notation();', 'C2'],
  ['var s = fresh_(); return s.getRange(2, 3, 4, 5).getA1Notation();', 'C2:G5'],
  [
    "var s = fresh_(); var r = s.getRange('B3:D7'); return [r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()];",
    [3, 2, 5, 3],
  ],
  ["var s = fresh_(); var r = s.getRange('B3:D7'); return [r.getLastRow(), r.getLastColumn()];", [7, 4]],
  [
    "var s = fresh_(); return s.getRange('R5C3').getA1Notation();",
    'C5',
    'documented',
    `${REF}sheet#getrangea1notation`,
  ],
  [
    "var s = fresh_(); return s.getRange('R2C2:R4C5').getA1Notation();",
    'B2:E4',
    'documented',
    `${REF}sheet#getrangea1notation`,
  ],
  ["var s = fresh_(); return s.getRange('A:B').getNumRows();", 1000],
  ["var s = fresh_(); return s.getRange('2:3').getNumColumns();", 26],
  ["var s = fresh_(); return s.getRange('B2:C3').getCell(2, 1).getA1Notation();", 'B3'],
  ["var s = fresh_(); return s.getRange('B2').offset(1, 2).getA1Notation();", 'D3'],
  ["var s = fresh_(); return s.getRange('B2').offset(0, 0, 2, 3).getA1Notation();", 'B2:D3'],
  ["var s = fresh_(); s.getRange('A1').setValue(1); return s.getRange('A1:A2').isBlank();", false],
  ["var s = fresh_(); return s.getRange('A1:A2').isBlank();", true],
  [
    "var s = fresh_(); s.getRange('A1').setFormula('=1+2'); return [s.getRange('A1').getFormula(), s.getRange('A1').getValue()];",
    ['=1+2', 3],
  ],
  ["var s = fresh_(); s.getRange('A1').setFormula('1+2'); return s.getRange('A1').getFormula();", '=1+2'],
  [
    "var s = fresh_(); s.getRange('A1:B2').setValues([[1, 2], [3, 4]]); s.getRange('C1:D2').setFormula('=A1*2'); return s.getRange('C1:D2').getFormulas();",
    [
      ['=A1*2', '=B1*2'],
      ['=A2*2', '=B2*2'],
    ],
    'documented',
    'https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#repeatcellrequest',
  ],
  [
    "var s = fresh_(); s.getRange('A1:B2').setFormula('=$A$1'); return s.getRange('A1:B2').getFormulas();",
    [
      ['=$A$1', '=$A$1'],
      ['=$A$1', '=$A$1'],
    ],
    'documented',
    'https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#repeatcellrequest',
  ],
  [
    "var s = fresh_(); s.getRange('C1:C2').setFormula('=A$1+$B1'); return s.getRange('C1:C2').getFormulas();",
    [['=A$1+$B1'], ['=A$1+$B2']],
    'documented',
    'https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#repeatcellrequest',
  ],
  [
    "var s = fresh_(); s.getRange('A1').setValue(2); s.getRange('B1').setFormulaR1C1('=RC[-1]*3'); return [s.getRange('B1').getFormula(), s.getRange('B1').getValue()];",
    ['=A1*3', 6],
    'documented',
    `${REF}range#setformular1c1formula`,
  ],
  [
    "var s = fresh_(); s.getRange('B2').setFormula('=A1+$A$1'); return s.getRange('B2').getFormulaR1C1();",
    '=R[-1]C[-1]+R1C1',
    'documented',
    `${REF}range#getformular1c1`,
  ],
  [
    "var s = fresh_(); s.getRange('A1:A2').setFormulas([['=1'], ['=2']]); return s.getRange('A1:A2').getValues();",
    [[1], [2]],
  ],
  ["var s = fresh_(); return s.getRange('A1').getFormula();", ''],
  ["var s = fresh_(); return s.getRange('A1').getNumberFormat();", '0.###############', 'observed'],
  ["var s = fresh_(); return s.getRange('A1').setNumberFormat('0.00').getNumberFormat();", '0.00'],
  [
    "var s = fresh_(); return s.getRange('A1').setNumberFormat('0.00').setNumberFormat('General').getNumberFormat();",
    '0.###############',
    'observed',
  ],
  [
    "var s = fresh_(); s.getRange('A1').setValue(3.14159).setNumberFormat('0.00'); return s.getRange('A1').getDisplayValue();",
    '3.14',
  ],
  [
    "var s = fresh_(); s.getRange('A1').setValue(0.5).setNumberFormat('0%'); return s.getRange('A1').getDisplayValue();",
    '50%',
  ],
  [
    "var s = fresh_(); s.getRange('A1').setValue(1234567.891).setNumberFormat('#,##0.00'); return s.getRange('A1').getDisplayValue();",
    '1,234,567.89',
  ],
  [
    "var s = fresh_(); s.getRange('A1:B1').setNumberFormats([['0.0', '0']]); return s.getRange('A1:B1').getNumberFormats();",
    [['0.0', '0']],
  ],
  ["var s = fresh_(); return s.getRange('A1').setNote('hi').getNote();", 'hi'],
  ["var s = fresh_(); s.getRange('A1').setNote('hi'); return s.getRange('A1').clearNote().getNote();", ''],
  ["var s = fresh_(); return s.getRange('A1').getBackground();", '#ffffff'],
  ["var s = fresh_(); return s.getRange('A1').setBackground('#ff0000').getBackground();", '#ff0000'],
  ["var s = fresh_(); return s.getRange('A1').getFontWeight();", 'normal'],
  ["var s = fresh_(); return s.getRange('A1').setFontWeight('bold').getFontWeight();", 'bold'],
  ["var s = fresh_(); return s.getRange('A1').getFontColor();", '#000000'],
  ["var s = fresh_(); return s.getRange('A1').setFontColor('#00ff00').getFontColor();", '#00ff00'],
  ["var s = fresh_(); return s.getRange('A1').getFontSize();", 10],
  ["var s = fresh_(); return s.getRange('A1').getFontFamily();", 'Arial'],
  ["var s = fresh_(); return s.getRange('A1').setHorizontalAlignment('center').getHorizontalAlignment();", 'center'],
  ["var s = fresh_(); return s.getRange('A1').getVerticalAlignment();", 'bottom'],
  ["var s = fresh_(); return s.getRange('A1').setVerticalAlignment('middle').getVerticalAlignment();", 'middle'],
  ["var s = fresh_(); return s.getRange('A1').setFontStyle('italic').getTextStyle().isItalic();", true],
  ["var s = fresh_(); return s.getRange('A1').setWrap(true).getWrap();", true],
  [
    "var s = fresh_(); s.getRange('A1').setValue(1).setNumberFormat('0.00'); s.getRange('A1').clear(); return [s.getRange('A1').getValue(), s.getRange('A1').getNumberFormat()];",
    ['', '0.###############'],
  ],
  [
    "var s = fresh_(); s.getRange('A1').setValue(1).setNumberFormat('0.00'); s.getRange('A1').clearContent(); return [s.getRange('A1').getValue(), s.getRange('A1').getNumberFormat()];",
    ['', '0.00'],
  ],
  [
    "var s = fresh_(); s.getRange('A1').setValue(1).setNumberFormat('0.00'); s.getRange('A1').clearFormat(); return [s.getRange('A1').getValue(), s.getRange('A1').getNumberFormat()];",
    [1, '0.###############'],
  ],
  [
    "var s = fresh_(); s.getRange('A1').setValue(1).setNumberFormat('0.00'); s.getRange('A1').clear({contentsOnly: true}); return s.getRange('A1').getNumberFormat();",
    '0.00',
  ],
  [
    "var s = fresh_(); s.getRange('A1:B1').setValues([[1, 2]]); s.getRange('A1:B1').copyTo(s.getRange('A2')); return s.getRange('A2:B2').getValues();",
    [[1, 2]],
  ],
  [
    "var s = fresh_(); s.getRange('A1:B1').setValues([[1, 2]]); s.getRange('A1:B1').copyTo(s.getRange('A3:D4')); return s.getRange('A3:D4').getValues();",
    [
      [1, 2, 1, 2],
      [1, 2, 1, 2],
    ],
    'observed',
  ],
  [
    "var s = fresh_(); s.getRange('A1').setValue(5).setNumberFormat('0.0'); s.getRange('A1').copyTo(s.getRange('B1:B2')); return s.getRange('B1:B2').getNumberFormats();",
    [['0.0'], ['0.0']],
    'observed',
  ],
  [
    "var s = fresh_(); s.getRange('A1').setValue(5).setNumberFormat('0.0'); s.getRange('A1').copyTo(s.getRange('B1'), {contentsOnly: true}); return s.getRange('B1').getNumberFormat();",
    '0.###############',
  ],
  [
    "var s = fresh_(); s.getRange('A1').setValue(5).setNumberFormat('0.0'); s.getRange('A1').copyTo(s.getRange('B1'), {formatOnly: true}); return [s.getRange('B1').getValue(), s.getRange('B1').getNumberFormat()];",
    ['', '0.0'],
  ],
  [
    "var s = fresh_(); s.getRange('A1').setValue(5).setNumberFormat('0.0'); s.getRange('A1').copyTo(s.getRange('B1'), SpreadsheetApp.CopyPasteType.PASTE_VALUES, false); return [s.getRange('B1').getValue(), s.getRange('B1').getNumberFormat()];",
    [5, '0.###############'],
  ],
  [
    "var s = fresh_(); s.getRange('A1').setValue(2); s.getRange('B1').setFormula('=A1*2'); s.getRange('B1').copyTo(s.getRange('B2')); return s.getRange('B2').getFormula();",
    '=A2*2',
  ],
  [
    "var s = fresh_(); return errorOf_(function () { s.getRange('A1').copyTo('B1'); });",
    SIG('String', 'SpreadsheetApp.Range.copyTo'),
    'observed',
  ],
  [
    "var s = fresh_(); return errorOf_(function () { s.getRange('A1').copyTo(5); });",
    SIG('number', 'SpreadsheetApp.Range.copyTo'),
    'observed',
  ],
  [
    "var s = fresh_(); return errorOf_(function () { s.getRange('A1').setValues([1, 2]); });",
    SIG('number[]', 'SpreadsheetApp.Range.setValues'),
    'observed',
  ],
  [
    "var s = fresh_(); return errorOf_(function () { s.getRange('A1').setValues('x'); });",
    SIG('String', 'SpreadsheetApp.Range.setValues'),
    'observed',
  ],
  [
    "var s = fresh_(); return errorOf_(function () { s.getRange('A1:B1').setValues([[1]]); });",
    'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
  ],
  [
    "var s = fresh_(); return errorOf_(function () { s.getRange('A1:A2').setValues([[1]]); });",
    'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
  ],
  [
    "var s = fresh_(); s.getRange('A1:B3').setValues([['b', 2], ['a', 1], ['c', 3]]); s.getRange('A1:B3').sort(1); return s.getRange('A1:A3').getValues();",
    [['a'], ['b'], ['c']],
    'documented',
    `${REF}range#sortsortspecobj`,
  ],
  [
    "var s = fresh_(); s.getRange('A1:B3').setValues([['b', 2], ['a', 1], ['c', 3]]); s.getRange('A1:B3').sort({column: 2, ascending: false}); return s.getRange('B1:B3').getValues();",
    [[3], [2], [1]],
    'documented',
    `${REF}range#sortsortspecobj`,
  ],
  [
    "var s = fresh_(); s.getRange('A1:A3').setValues([['x'], ['y'], ['x']]); return s.getRange('A1:A3').createTextFinder('x').findAll().length;",
    2,
    'documented',
    `${REF}text-finder`,
  ],
  [
    "var s = fresh_(); s.getRange('A1:A2').setValues([['Apple'], ['apple']]); return s.createTextFinder('apple').matchCase(true).findAll()[0].getA1Notation();",
    'A2',
    'documented',
    `${REF}text-finder`,
  ],
  [
    "var s = fresh_(); s.getRange('A1:A2').setValues([['cat'], ['concat']]); return s.createTextFinder('cat').matchEntireCell(true).findAll().length;",
    1,
    'documented',
    `${REF}text-finder`,
  ],
  [
    "var s = fresh_(); s.getRange('A1:A2').setValues([['cat'], ['cot']]); return s.createTextFinder('c.t').useRegularExpression(true).replaceAllWith('dog');",
    2,
    'documented',
    `${REF}text-finder#replaceallwithreplacetext`,
  ],
  [
    "var s = fresh_(); return s.createTextFinder('nothing').findNext();",
    null,
    'documented',
    `${REF}text-finder#findnext`,
  ],
  [
    "var s = fresh_(); s.getRange('A1:A3').setValues([[1], [2], [3]]); return s.getRange('A1').getNextDataCell(SpreadsheetApp.Direction.DOWN).getA1Notation();",
    'A3',
    'documented',
    `${REF}range#getnextdatacelldirection`,
  ],
  [
    "var s = fresh_(); return s.getRange('B2').getNextDataCell(SpreadsheetApp.Direction.UP).getA1Notation();",
    'B1',
    'documented',
    `${REF}range#getnextdatacelldirection`,
  ],
  [
    "var s = fresh_(); s.getRange('A1:B2').setValues([[1, 2], [3, 4]]); return s.getRange('A1').getDataRegion().getA1Notation();",
    'A1:B2',
    'documented',
    `${REF}range#getdataregion`,
  ],
  [
    "var s = fresh_(); return s.getRange('C3').getDataRegion().getA1Notation();",
    'C3',
    'documented',
    `${REF}range#getdataregion`,
  ],
  [
    "var s = fresh_(); s.getRange('A1').setValue(1); s.getRange('A1').moveTo(s.getRange('C3')); return [s.getRange('A1').getValue(), s.getRange('C3').getValue()];",
    ['', 1],
    'documented',
    `${REF}range#movetotarget`,
  ],
  [
    "var s = fresh_(); s.getRange('A1:A2').setValues([[1], [2]]); s.getRange('A1').insertCells(SpreadsheetApp.Dimension.ROWS); return s.getRange('A1:A3').getValues();",
    [[''], [1], [2]],
    'documented',
    `${REF}range#insertcellsshiftdimension`,
  ],
  [
    "var s = fresh_(); s.getRange('A1:A2').setValues([[1], [2]]); s.getRange('A1').deleteCells(SpreadsheetApp.Dimension.ROWS); return s.getRange('A1:A2').getValues();",
    [[2], ['']],
    'documented',
    `${REF}range#deletecellsshiftdimension`,
  ],
  [
    "var s = fresh_(); s.getRange('A1:B2').merge(); return [s.getRange('B2').isPartOfMerge(), s.getRange('A1:C3').getMergedRanges().length];",
    [true, 1],
    'documented',
    `${REF}range#merge`,
  ],
  [
    "var s = fresh_(); s.getRange('A1:B2').merge(); s.getRange('A1:B2').breakApart(); return s.getRange('A1').isPartOfMerge();",
    false,
    'documented',
    `${REF}range#breakapart`,
  ],
  [
    "var s = fresh_(); s.getRange('A1:B2').mergeAcross(); return s.getRange('A1:B2').getMergedRanges().length;",
    2,
    'documented',
    `${REF}range#mergeacross`,
  ],
  ["var s = fresh_(); return s.getRange('A1').getDataValidation();", null],
  [
    "var s = fresh_(); var r = s.getRange('A1'); r.setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['a', 'b']).build()); return String(r.getDataValidation().getCriteriaType());",
    'VALUE_IN_LIST',
    'documented',
    `${REF}data-validation`,
  ],
  [
    "var s = fresh_(); var r = s.getRange('A1'); r.setDataValidation(SpreadsheetApp.newDataValidation().requireNumberBetween(1, 5).build()); return r.getDataValidation().getCriteriaValues();",
    [1, 5],
    'documented',
    `${REF}data-validation`,
  ],
  [
    "var s = fresh_(); var r = s.getRange('A1'); r.setDataValidation(SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(false).build()); return r.getDataValidation().getAllowInvalid();",
    false,
  ],
  [
    "var s = fresh_(); var r = s.getRange('A1'); r.setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().setHelpText('tick').build()); return r.getDataValidation().getHelpText();",
    'tick',
  ],
  [
    "var s = fresh_(); s.getRange('A1').setDataValidation(SpreadsheetApp.newDataValidation().requireDate().build()); s.getRange('A1').clearDataValidations(); return s.getRange('A1').getDataValidation();",
    null,
  ],
  ["var s = fresh_(); return s.getRange('A1:B1').getDataValidations();", [[null, null]]],
]);

const builders = table('ss-builder', 'SpreadsheetApp', `${REF}data-validation-builder`, [
  [
    "return errorOf_(function () { SpreadsheetApp.newDataValidation().requireDate('x'); });",
    SIG('String', 'SpreadsheetApp.DataValidationBuilder.requireDate'),
  ],
  [
    "return errorOf_(function () { SpreadsheetApp.newDataValidation().requireNumberBetween('1', 2); });",
    SIG('String,number', 'SpreadsheetApp.DataValidationBuilder.requireNumberBetween'),
  ],
  [
    "return errorOf_(function () { SpreadsheetApp.newDataValidation().requireNumberGreaterThan('1'); });",
    SIG('String', 'SpreadsheetApp.DataValidationBuilder.requireNumberGreaterThan'),
  ],
  [
    "return errorOf_(function () { SpreadsheetApp.newDataValidation().setAllowInvalid('yes'); });",
    SIG('String', 'SpreadsheetApp.DataValidationBuilder.setAllowInvalid'),
  ],
  [
    "return errorOf_(function () { SpreadsheetApp.newDataValidation().requireValueInList('a'); });",
    SIG('String', 'SpreadsheetApp.DataValidationBuilder.requireValueInList'),
  ],
  [
    'return errorOf_(function () { SpreadsheetApp.newDataValidation().requireTextIsEmail(1); });',
    SIG('number', 'SpreadsheetApp.DataValidationBuilder.requireTextIsEmail'),
  ],
  ["return errorOf_(function () { SpreadsheetApp.newDataValidation().build(); }) !== 'no error';", true, 'documented'],
  [
    'return String(SpreadsheetApp.newDataValidation().requireTextIsEmail().build().getCriteriaType());',
    'TEXT_IS_VALID_EMAIL',
  ],
  [
    "return String(SpreadsheetApp.newDataValidation().requireFormulaSatisfied('=A1>0').build().getCriteriaType());",
    'CUSTOM_FORMULA',
  ],
  [
    "return SpreadsheetApp.newDataValidation().requireFormulaSatisfied('=A1>0').build().getCriteriaValues();",
    ['=A1>0'],
  ],
  [
    'return SpreadsheetApp.newDataValidation().requireNumberLessThan(3).build().copy().build().getCriteriaValues();',
    [3],
  ],
  [
    "return SpreadsheetApp.newColor().setRgbColor('#FF8000').build().asRgbColor().asHexString();",
    '#ff8000',
    'documented',
    `${REF}color-builder`,
  ],
  [
    "return SpreadsheetApp.newColor().setRgbColor('#102030').build().asRgbColor().getBlue();",
    48,
    'documented',
    `${REF}rgb-color`,
  ],
  [
    "return String(SpreadsheetApp.newColor().setRgbColor('#102030').build().getColorType());",
    'RGB',
    'documented',
    `${REF}color`,
  ],
]);

const sheet = table('ss-sheet', 'SpreadsheetApp', `${REF}sheet`, [
  ['var s = fresh_(); return [s.getMaxRows(), s.getMaxColumns()];', [1000, 26]],
  ['var s = fresh_(); return [s.getLastRow(), s.getLastColumn()];', [0, 0]],
  ["var s = fresh_(); s.getRange('C5').setValue(1); return [s.getLastRow(), s.getLastColumn()];", [5, 3]],
  ["var s = fresh_(); s.getRange('B2').setValue(1); return s.getDataRange().getA1Notation();", 'A1:B2'],
  ['var s = fresh_(); return s.getDataRange().getA1Notation();', 'A1'],
  [
    "var s = fresh_(); s.appendRow([1, 2]); s.appendRow([3]); return s.getRange('A1:B2').getValues();",
    [
      [1, 2],
      [3, ''],
    ],
  ],
  [
    'var s = fresh_(); return errorOf_(function () { s.appendRow(); });',
    SIG('', 'SpreadsheetApp.Sheet.appendRow'),
    'observed',
  ],
  [
    'var s = fresh_(); return errorOf_(function () { s.getRange(0, 1); });',
    'The starting row of the range is too small.',
    'observed',
  ],
  [
    'var s = fresh_(); return errorOf_(function () { s.getRange(1, 0); });',
    'The starting column of the range is too small.',
    'observed',
  ],
  [
    'var s = fresh_(); return errorOf_(function () { s.getRange(1, 1, 0, 1); });',
    'The number of rows in the range must be at least 1.',
    'observed',
  ],
  [
    'var s = fresh_(); return errorOf_(function () { s.getRange(1, 1, 1, 0); });',
    'The number of columns in the range must be at least 1.',
    'observed',
  ],
  [
    'var s = fresh_(); return errorOf_(function () { s.getRange(1); });',
    SIG('number', 'SpreadsheetApp.Sheet.getRange'),
    'observed',
  ],
  [
    'var s = fresh_(); return errorOf_(function () { s.getRange(1001, 1); });',
    'The coordinates of the range are outside the dimensions of the sheet.',
    'observed',
  ],
  ["var s = fresh_(); return errorOf_(function () { s.getRange('nonsense!!'); }) !== 'no error';", true],
  ['var s = fresh_(); s.insertRowsAfter(1000, 5); return s.getMaxRows();', 1005],
  ['var s = fresh_(); s.insertColumnsAfter(26, 2); return s.getMaxColumns();', 28],
  ["var s = fresh_(); s.getRange('A2').setValue('x'); s.insertRowBefore(1); return s.getRange('A3').getValue();", 'x'],
  ["var s = fresh_(); s.getRange('A2').setValue('x'); s.deleteRow(1); return s.getRange('A1').getValue();", 'x'],
  ["var s = fresh_(); s.getRange('B1').setValue('x'); s.deleteColumn(1); return s.getRange('A1').getValue();", 'x'],
  [
    "var s = fresh_(); s.getRange('A1').setValue(1); s.getRange('B1').setFormula('=A1+1'); s.insertRowBefore(1); return s.getRange('B2').getFormula();",
    '=A2+1',
  ],
  ['var s = fresh_(); s.setFrozenRows(2); return s.getFrozenRows();', 2],
  ['var s = fresh_(); s.setFrozenColumns(1); return s.getFrozenColumns();', 1],
  ['var s = fresh_(); return s.getColumnWidth(1);', 100],
  ['var s = fresh_(); s.setColumnWidth(2, 150); return s.getColumnWidth(2);', 150],
  ['var s = fresh_(); return s.getRowHeight(1);', 21, 'documented', `${REF}sheet#getrowheightrowposition`],
  [
    'var s = fresh_(); s.setRowHeight(3, 42); return s.getRowHeight(3);',
    42,
    'documented',
    `${REF}sheet#setrowheightrowposition,-height`,
  ],
  ['var s = fresh_(); return s.getName();', '__conf'],
  ["var s = fresh_(); s.setTabColor('#ff0000'); return s.getTabColor();", '#ff0000'],
  ['var s = fresh_(); return s.isSheetHidden();', false],
  ['var s = fresh_(); s.hideSheet(); return s.isSheetHidden();', true],
  ['var s = fresh_(); return String(s.getType());', 'GRID'],
  ['var s = fresh_(); return typeof s.getSheetId();', 'number'],
  ['var s = fresh_(); return s.getParent().getId() === SpreadsheetApp.getActive().getId();', true],
  ['var s = fresh_(); return s.protect().getEditors().length;', 0, 'observed', `${REF}sheet#protect`],
  ['var s = fresh_(); return String(s.protect().getProtectionType());', 'SHEET'],
  ['var s = fresh_(); s.protect(); return s.getProtections(SpreadsheetApp.ProtectionType.SHEET).length;', 1],
  ["var s = fresh_(); var p = s.protect().setDescription('d'); return p.getDescription();", 'd'],
  ["var s = fresh_(); var p = s.getRange('A1:B2').protect(); return p.getRange().getA1Notation();", 'A1:B2'],
  [
    "var s = fresh_(); var p = s.getRange('A1').protect(); p.setRange(s.getRange('C1:C2')); return p.getRange().getA1Notation();",
    'C1:C2',
    'documented',
    `${REF}protection#setrangerange`,
  ],
  ["var s = fresh_(); var p = s.getRange('A1').protect(); return p.setWarningOnly(true).isWarningOnly();", true],
  [
    "var s = fresh_(); s.getRange('A1:A3').setValues([[3], [1], [2]]); s.sort(1); return s.getRange('A1:A3').getValues();",
    [[1], [2], [3]],
    'documented',
    `${REF}sheet#sortcolumnposition`,
  ],
  [
    "var s = fresh_(); s.getRange('A1:A3').setValues([[3], [1], [2]]); s.sort(1, false); return s.getRange('A1:A3').getValues();",
    [[3], [2], [1]],
    'documented',
    `${REF}sheet#sortcolumnposition,-ascending`,
  ],
  [
    "var s = fresh_(); return s.getRangeList(['A1', 'B2:C3']).getRanges().map(function (r) { return r.getA1Notation(); });",
    ['A1', 'B2:C3'],
    'documented',
    `${REF}sheet#getrangelista1notations`,
  ],
  [
    "var s = fresh_(); s.getRangeList(['A1', 'B2']).setValue(9); return [s.getRange('A1').getValue(), s.getRange('B2').getValue()];",
    [9, 9],
    'documented',
    `${REF}range-list#setvaluevalue`,
  ],
  ['var s = fresh_(); return s.getNamedRanges().length;', 0, 'documented', `${REF}sheet#getnamedranges`],
  ["var s = fresh_(); s.getRange('A1').setValue(1); s.clear(); return s.getLastRow();", 0],
  [
    "var s = fresh_(); s.getRange('A1').setValue(1).setNumberFormat('0.0'); s.clearContents(); return s.getRange('A1').getNumberFormat();",
    '0.0',
  ],
  [
    "var s = fresh_(); s.getRange('A1').setValue(1); s.getRange('A1').setNote('n'); s.clearNotes(); return s.getRange('A1').getNote();",
    '',
  ],
  [
    "var s = fresh_(); s.setConditionalFormatRules([SpreadsheetApp.newConditionalFormatRule().whenNumberGreaterThan(1).setBackground('#ff0000').setRanges([s.getRange('A1:A3')]).build()]); return s.getConditionalFormatRules().length;",
    1,
  ],
  [
    "var s = fresh_(); s.addDeveloperMetadata('k', 'v'); return s.getDeveloperMetadata().map(function (m) { return m.getKey() + '=' + m.getValue(); });",
    ['k=v'],
  ],
  [
    "var s = fresh_(); s.addDeveloperMetadata('k'); return String(s.getDeveloperMetadata()[0].getVisibility());",
    'DOCUMENT',
  ],
  [
    "var s = fresh_(); return errorOf_(function () { s.getRange('A1:B2').addDeveloperMetadata('k'); });",
    'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
    'observed',
  ],
  [
    "var s = fresh_(); s.getRange('1:1').addDeveloperMetadata('row'); return String(s.getRange('1:1').getDeveloperMetadata()[0].getLocation().getLocationType());",
    'ROW',
  ],
]);

const spreadsheet = table('ss-book', 'SpreadsheetApp', `${REF}spreadsheet`, [
  ["fresh_(); return SpreadsheetApp.getActive().getSheetByName('__conf').getName();", '__conf'],
  ["return SpreadsheetApp.getActive().getSheetByName('no such sheet');", null],
  [
    "fresh_(); return errorOf_(function () { SpreadsheetApp.getActive().insertSheet('__conf'); });",
    'A sheet with the name "__conf" already exists. Please enter another name.',
    'observed',
  ],
  ['var ss = SpreadsheetApp.getActive(); return ss.getNumSheets() === ss.getSheets().length;', true],
  ['return SpreadsheetApp.getActive().getId() === SpreadsheetApp.getActiveSpreadsheet().getId();', true],
  ['return typeof SpreadsheetApp.getActive().getSpreadsheetTimeZone();', 'string'],
  [
    "var s = fresh_(); s.getRange('A1').setValue(7); return SpreadsheetApp.getActive().getRange('__conf!A1').getValue();",
    7,
  ],
  [
    "var s = fresh_(); SpreadsheetApp.getActive().setNamedRange('confRange', s.getRange('A1:B2')); return SpreadsheetApp.getActive().getRangeByName('confRange').getA1Notation();",
    'A1:B2',
  ],
  [
    "var s = fresh_(); SpreadsheetApp.getActive().setNamedRange('confNamed', s.getRange('A1')); return s.getNamedRanges().map(function (n) { return n.getName(); });",
    ['confNamed'],
    'documented',
    `${REF}sheet#getnamedranges`,
  ],
  ["return SpreadsheetApp.getActive().getRangeByName('noSuchName');", null],
  [
    "var s = fresh_(); return errorOf_(function () { SpreadsheetApp.getActive().setNamedRange('1bad', s.getRange('A1')); }) !== 'no error';",
    true,
  ],
  [
    "var s = fresh_(); var ss = SpreadsheetApp.getActive(); ss.setNamedRange('confProt', s.getRange('B1:B3')); var p = s.getRange('A1').protect(); p.setNamedRange(ss.getNamedRanges().filter(function (n) { return n.getName() === 'confProt'; })[0]); return [p.getRange().getA1Notation(), p.getRangeName()];",
    ['B1:B3', 'confProt'],
    'documented',
    `${REF}protection#setnamedrangenamedrange`,
  ],
  [
    "var s = fresh_(); s.getRange('A1').setValue('needle'); return SpreadsheetApp.getActive().createTextFinder('needle').findAll().map(function (r) { return r.getSheet().getName() + '!' + r.getA1Notation(); });",
    ['__conf!A1'],
    'documented',
    `${REF}spreadsheet#createtextfinderfindtext`,
  ],
  [
    "var ss = SpreadsheetApp.getActive(); ss.addDeveloperMetadata('confKey', 'v'); var found = ss.createDeveloperMetadataFinder().withKey('confKey').find(); var n = found.length; found.forEach(function (m) { m.remove(); }); return n;",
    1,
  ],
  [
    "var s = fresh_(); s.getRange('A1').setValue(1); var c = s.copyTo(SpreadsheetApp.getActive()); var v = c.getRange('A1').getValue(); SpreadsheetApp.getActive().deleteSheet(c); return v;",
    1,
  ],
  [
    "var s = fresh_(); return errorOf_(function () { s.getRange('A1').setValue('x'.repeat(50001)); });",
    'Your input contains more than the maximum of 50000 characters in a single cell.',
    'observed',
  ],
]);

const enums = table('ss-enum', 'SpreadsheetApp', `${REF}protection-type`, [
  ['return SpreadsheetApp.ProtectionType.SHEET.name();', 'SHEET'],
  ['return SpreadsheetApp.ProtectionType.RANGE.toString();', 'RANGE'],
  ['return String(SpreadsheetApp.Dimension.ROWS);', 'ROWS', 'documented', `${REF}dimension`],
  ['return SpreadsheetApp.Direction.NEXT.name();', 'NEXT', 'documented', `${REF}direction`],
  ['return String(SpreadsheetApp.CopyPasteType.PASTE_FORMAT);', 'PASTE_FORMAT', 'documented', `${REF}copy-paste-type`],
  [
    'return String(SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST);',
    'VALUE_IN_LIST',
    'documented',
    `${REF}data-validation-criteria`,
  ],
  ['return String(SpreadsheetApp.BooleanCriteria.CELL_EMPTY);', 'CELL_EMPTY', 'documented', `${REF}boolean-criteria`],
  [
    'return String(SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);',
    'PROJECT',
    'documented',
    `${REF}developer-metadata-visibility`,
  ],
  ['return String(SpreadsheetApp.WrapStrategy.CLIP);', 'CLIP', 'documented', `${REF}wrap-strategy`],
  ['var s = fresh_(); return s.protect().getProtectionType() === SpreadsheetApp.ProtectionType.SHEET;', true],
  ["return SpreadsheetApp.ProtectionType.SHEET == 'SHEET';", true],
]);

const FN = 'https://support.google.com/docs/answer/';
const formulas = table('ss-formula', 'SpreadsheetApp', `${FN}3098292`, [
  [
    "var s = fresh_(); s.getRange('A1').setFormula('=REGEXMATCH(\"abc\", \"b\")'); return s.getRange('A1').getValue();",
    true,
    'documented',
    `${FN}3098292`,
  ],
  [
    "var s = fresh_(); s.getRange('A1').setFormula('=LET(x, 2, x * 3)'); return s.getRange('A1').getValue();",
    6,
    'documented',
    `${FN}13190535`,
  ],
  [
    "var s = fresh_(); s.getRange('A1').setValue(1234.5).setNumberFormat('$#,##0.00'); return s.getRange('A1').getDisplayValue();",
    '$1,234.50',
    'documented',
    `${FN}56470`,
  ],
  [
    "var s = fresh_(); s.getRange('A1').setValue(1.5).setNumberFormat('# ?/?'); return s.getRange('A1').getDisplayValue();",
    '1 1/2',
    'documented',
    `${FN}56470`,
  ],
  [
    "var s = fresh_(); s.getRange('A1:A2').setValues([[2], [3]]); s.getRange('B1').setFormula('=SUM(A1:A2)'); return s.getRange('B1').getValue();",
    5,
    'documented',
    `${FN}3093669`,
  ],
  [
    "var s = fresh_(); s.getRange('A1').setFormula('=1/0'); return s.getRange('A1').getDisplayValue();",
    '#DIV/0!',
    'documented',
    `${FN}3093669`,
  ],
  [
    "var s = fresh_(); s.getRange('A1').setFormula('=CONCATENATE(\"a\", \"b\")'); return s.getRange('A1').getValue();",
    'ab',
    'documented',
    `${FN}3094123`,
  ],
  [
    "var s = fresh_(); s.getRange('A1').setFormula('=DATE(2024, 1, 2)'); return s.getRange('A1').getValue() instanceof Date;",
    true,
    'documented',
    `${FN}3092969`,
  ],
]);

export const SPREADSHEET_CASES: ConformanceCase[] = [
  ...range,
  ...builders,
  ...sheet,
  ...spreadsheet,
  ...enums,
  ...formulas,
];
