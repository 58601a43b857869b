/** The SpreadsheetApp surface the next features need (issue 11): ranges, accessors, named ranges, colours. */
import { disposeRuntimes, fixtureRuntime } from '../../../helpers/runtimes';

afterAll(disposeRuntimes);

function run(body: string): unknown {
  return fixtureRuntime(`function go() { var ss = SpreadsheetApp.getActive(), s = ss.getActiveSheet(); ${body} }`).call(
    'go',
  );
}

describe('sorting', () => {
  // Range.sort(sortSpecObj): "Sorts the cells in the given range, by column and order specified." Column numbers are
  // sheet columns; {column, ascending}; an array sorts by several. Sheet.sort(columnPosition, ascending) sorts the
  // sheet by column. https://developers.google.com/apps-script/reference/spreadsheet/range#sortsortspecobj
  it('sorts a range by several columns, moving formats with rows, blanks last', () => {
    expect(
      run(`s.getRange('A1:B5').setValues([['b', 2], ['a', 9], ['', 1], ['a', 3], ['C', 0]]);
        s.getRange('B2').setNumberFormat('0.00');
        s.getRange('A1:B5').sort([{ column: 1, ascending: true }, { column: 2, ascending: false }]);
        return [s.getRange('A1:B5').getValues(), s.getRange('B1').getNumberFormat()];`),
    ).toEqual([
      [
        ['a', 9],
        ['a', 3],
        ['b', 2],
        ['C', 0],
        ['', 1],
      ],
      '0.00',
    ]);
  });

  it('sorts a sheet below its frozen rows', () => {
    expect(
      run(`s.getRange('A1:A4').setValues([['n'], [3], [1], [2]]); s.setFrozenRows(1); s.sort(1, false);
        return s.getRange('A1:A4').getValues().map(function (r) { return r[0]; });`),
    ).toEqual(['n', 3, 2, 1]);
  });
});

describe('TextFinder', () => {
  // createTextFinder(findText): "Creates a text finder for the range, which can find and replace text in this range."
  // findAll, findNext, matchCase, matchEntireCell, useRegularExpression, replaceAllWith ("Returns the number of
  // occurrences replaced"). https://developers.google.com/apps-script/reference/spreadsheet/text-finder
  it('finds, cycles and replaces text', () => {
    expect(
      run(`s.getRange('A1:B3').setValues([['Alpha', 'beta'], ['alphabet', 'ALPHA'], ['x', 'alpha']]);
        var f = s.createTextFinder('alpha');
        var all = f.findAll().map(function (r) { return r.getA1Notation(); });
        var exact = s.createTextFinder('alpha').matchCase(true).matchEntireCell(true).findAll().length;
        var next = [f.findNext().getA1Notation(), f.findNext().getA1Notation()];
        var re = s.getRange('A1:A3').createTextFinder('^al.*t$').useRegularExpression(true).findAll().length;
        var n = s.createTextFinder('ALPHA').matchCase(true).replaceAllWith('omega');
        return [all, exact, next, re, n, s.getRange('B2').getValue()];`),
    ).toEqual([['A1', 'A2', 'B2', 'B3'], 1, ['A1', 'A2'], 1, 1, 'omega']);
  });
});

describe('Range navigation', () => {
  // getNextDataCell(direction): "the edge of a contiguous range of cells with data in them or the cell at the edge
  // of the spreadsheet in that direction. This is equivalent to typing Ctrl+[arrow key]". getDataRegion(): "expanded
  // in the four cardinal Directions to cover all adjacent cells with data".
  // https://developers.google.com/apps-script/reference/spreadsheet/range#getnextdatacelldirection
  it('moves like Ctrl+arrow and expands like Ctrl+A', () => {
    expect(
      run(`s.getRange('B2:C4').setValues([[1, 2], [3, 4], [5, 6]]); s.getRange('B8').setValue(7);
        var D = SpreadsheetApp.Direction;
        return [s.getRange('B2').getNextDataCell(D.DOWN).getA1Notation(),
          s.getRange('B4').getNextDataCell(D.DOWN).getA1Notation(),
          s.getRange('B8').getNextDataCell(D.DOWN).getA1Notation(),
          s.getRange('B2').getNextDataCell(D.NEXT).getA1Notation(),
          s.getRange('A1').getNextDataCell(D.UP).getA1Notation(),
          s.getRange('C3').getDataRegion().getA1Notation(),
          s.getRange('B3').getDataRegion(SpreadsheetApp.Dimension.ROWS).getA1Notation(),
          s.getRange('E6').getDataRegion().getA1Notation()];`),
    ).toEqual(['B4', 'B8', 'B1000', 'C2', 'A1', 'B2:C4', 'B2:B4', 'E6']);
  });
});

describe('moving and shifting cells', () => {
  // moveTo(target): "Cut and paste (both format and values) from this range to the target range."
  // insertCells(shiftDimension) / deleteCells(shiftDimension): "Inserts empty cells into this range ... existing data
  // shifted" by Dimension.ROWS (down/up) or COLUMNS (right/left).
  // https://developers.google.com/apps-script/reference/spreadsheet/range#movetotarget
  it('cuts and pastes, inserts and deletes cells', () => {
    expect(
      run(`s.getRange('A1:A3').setValues([[1], [2], [3]]).setNumberFormat('0.0');
        s.getRange('A1:A2').moveTo(s.getRange('C1'));
        var moved = [s.getRange('A1:A3').getValues(), s.getRange('C1:C2').getValues(), s.getRange('C1').getNumberFormat()];
        s.getRange('C1').insertCells(SpreadsheetApp.Dimension.ROWS);
        var inserted = s.getRange('C1:C3').getValues();
        s.getRange('C1:C2').deleteCells(SpreadsheetApp.Dimension.ROWS);
        var deleted = s.getRange('C1:C2').getValues();
        s.getRange('D1:E1').setValues([['d', 'e']]);
        s.getRange('C1').deleteCells(SpreadsheetApp.Dimension.COLUMNS);
        return [moved, inserted, deleted, s.getRange('C1:E1').getValues()];`),
    ).toEqual([[[[''], [''], [3]], [[1], [2]], '0.0'], [[''], [1], [2]], [[2], ['']], [['d', 'e', '']]]);
  });
});

describe('R1C1 formulas', () => {
  // setFormulaR1C1(formula): "Sets a formula for this range ... in R1C1 notation"; getFormulaR1C1 "Returns the formula
  // (R1C1 notation) for a given cell". https://developers.google.com/apps-script/reference/spreadsheet/range#setformular1c1formula
  it('writes relative R1C1 formulas per cell and reads them back', () => {
    expect(
      run(`s.getRange('A1:A2').setValues([[2], [5]]);
        s.getRange('B1:B2').setFormulaR1C1('=RC[-1]*10+R1C1');
        return [s.getRange('B1:B2').getFormulas(), s.getRange('B2').getFormulaR1C1(), s.getRange('B1:B2').getValues()];`),
    ).toEqual([[['=A1*10+$A$1'], ['=A2*10+$A$1']], '=RC[-1]*10+R1C1', [[22], [52]]]);
  });
});

describe('merged ranges', () => {
  // merge(): "Merges the cells in the range together into a single block"; getMergedRanges(), isPartOfMerge(),
  // breakApart(), mergeAcross(). https://developers.google.com/apps-script/reference/spreadsheet/range#merge
  it('merges, lists and breaks apart, keeping the top-left value', () => {
    expect(
      run(`s.getRange('A1:B2').setValues([[1, 2], [3, 4]]).merge();
        s.getRange('D1:E2').mergeAcross();
        var out = [s.getRange('A1:B2').getValues(), s.getRange('B2').isPartOfMerge(), s.getRange('C1').isPartOfMerge(),
          s.getRange('A1:E2').getMergedRanges().map(function (r) { return r.getA1Notation(); })];
        try { s.getRange('A1:A2').breakApart(); } catch (e) { out.push(e.message); }
        s.getRange('A1:B2').breakApart();
        out.push(s.getRange('A1').isPartOfMerge());
        return out;`),
    ).toEqual([
      [
        [1, ''],
        ['', ''],
      ],
      true,
      false,
      ['A1:B2', 'D1:E1', 'D2:E2'],
      'You must select all cells in a merged range to merge or unmerge them.',
      false,
    ]);
  });
});

describe('format accessors', () => {
  // Row heights (Sheet.setRowHeight / getRowHeight, default 21 px), alignment and text style getters
  // (getHorizontalAlignment, getVerticalAlignment, getFontColor, getFontSize, getTextStyle).
  // https://developers.google.com/apps-script/reference/spreadsheet/range#gettextstyle
  it('reads back row heights, alignment and text style, with defaults', () => {
    expect(
      run(`s.setRowHeight(2, 40);
        var r = s.getRange('A1:B1').setHorizontalAlignment('center').setVerticalAlignment('top').setFontColor('#ff0000')
          .setFontSize(14).setFontStyle('italic').setFontWeight('bold').setWrap(true);
        var t = r.getTextStyle();
        var d = s.getRange('C3');
        return [s.getRowHeight(1), s.getRowHeight(2), r.getHorizontalAlignment(), r.getVerticalAlignment(), r.getFontColor(),
          r.getFontSize(), r.getWrap(), String(r.getWrapStrategy()), t.isBold(), t.isItalic(), t.getFontSize(),
          t.getForegroundColor(), d.getHorizontalAlignment(), d.getVerticalAlignment(), d.getFontColor(), d.getFontFamily(),
          d.getFontSize(), d.getWrap()];`),
    ).toEqual([
      21,
      40,
      'center',
      'top',
      '#ff0000',
      14,
      true,
      'WRAP',
      true,
      true,
      14,
      '#ff0000',
      'general',
      'bottom',
      '#000000',
      'Arial',
      10,
      false,
    ]);
  });
});

describe('named ranges, protection ranges, range lists, colours', () => {
  // Sheet.getNamedRanges(); Protection.setRange(range) / setNamedRange(namedRange); Sheet.getRangeList(a1Notations);
  // SpreadsheetApp.newColor().setRgbColor(cssString).build().asRgbColor().asHexString().
  // https://developers.google.com/apps-script/reference/spreadsheet/protection#setnamedrangenamedrange
  it('links protections to named ranges and builds colours', () => {
    expect(
      run(`var other = ss.insertSheet('Other');
        ss.setNamedRange('totals', s.getRange('A1:B2'));
        ss.setNamedRange('elsewhere', other.getRange('A1'));
        var names = s.getNamedRanges().map(function (n) { return n.getName(); });
        var p = s.getRange('D1').protect();
        p.setRange(s.getRange('E1:E3'));
        var moved = p.getRange().getA1Notation();
        p.setNamedRange(ss.getNamedRanges()[0]);
        s.getRangeList(['A1', 'C3:C4']).setValue(7);
        var c = SpreadsheetApp.newColor().setRgbColor('#0F0').build();
        return [names, moved, p.getRange().getA1Notation(), p.getRangeName(), s.getRange('C4').getValue(),
          c.asRgbColor().asHexString(), c.asRgbColor().getGreen(), String(c.getColorType())];`),
    ).toEqual([['totals'], 'E1:E3', 'A1:B2', 'totals', 7, '#00ff00', 255, 'RGB']);
  });
});

describe('plural text style and alignment getters', () => {
  it('return one value per cell, defaults where nothing is set', () => {
    const rt = fixtureRuntime(`function go() {
      var s = SpreadsheetApp.getActive().getSheetByName('Sheet1');
      s.getRange('A1').setFontWeight('bold').setFontSize(14).setFontFamily('Courier New').setFontStyle('italic')
        .setFontLine('underline').setVerticalAlignment('top').setWrap(true);
      var r = s.getRange('A1:B1');
      return [r.getFontWeights(), r.getFontSizes(), r.getFontFamilies(), r.getFontStyles(), r.getFontLines(),
        r.getVerticalAlignments(), r.getWraps(), r.getWrapStrategies().map(function (l) { return l.map(String); }),
        r.getTextStyles().map(function (l) { return l.map(function (t) { return [t.isBold(), t.getFontSize()]; }); }),
        r.getWrapStrategies()[0][0] === SpreadsheetApp.WrapStrategy.WRAP];
    }`);
    expect(rt.call('go')).toEqual([
      [['bold', 'normal']],
      [[14, 10]],
      [['Courier New', 'Arial']],
      [['italic', 'normal']],
      [['underline', 'none']],
      [['top', 'bottom']],
      [[true, false]],
      [['WRAP', 'OVERFLOW']],
      [
        [
          [true, 14],
          [false, 10],
        ],
      ],
      true,
    ]);
  });
});
