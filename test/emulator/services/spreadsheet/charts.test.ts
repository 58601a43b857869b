/** Embedded charts: builder, insert/get/update/remove, the Charts enums, counting, structure moves and snapshots. */
import { disposeRuntimes, fixtureRuntime } from '../../../helpers/runtimes';

afterAll(disposeRuntimes);

const CODE = `
function setup() {
  var s = SpreadsheetApp.getActive().insertSheet('Dash');
  s.getRange('A1:C4').setValues([['Week', 'Healthy', 'At risk'], ['W1', 5, 2], ['W2', 6, 1], ['W3', 4, 3]]);
  var built = s.newChart()
    .setChartType(Charts.ChartType.LINE)
    .addRange(s.getRange('A1:C4'))
    .addRange(s.getRange('A1:C4'))
    .setOption('title', 'Bands over time')
    .setOption('legend', { position: 'bottom' })
    .setPosition(6, 2, 10, 20)
    .setNumHeaders(1)
    .build();
  var before = built.getChartId();
  s.insertChart(built);
  var c = s.getCharts()[0];
  var info = c.getContainerInfo();
  return {
    before: before,
    idIsNumber: typeof c.getChartId() === 'number',
    sameId: c.getChartId() === built.getChartId(),
    idString: c.getId() === String(c.getChartId()),
    type: String(c.getType()),
    ranges: c.getRanges().map(function (r) { return r.getA1Notation(); }),
    title: c.getOptions().get('title'),
    legend: c.getOptions().get('legend.position'),
    missing: c.getOptions().get('vAxis.title'),
    pos: [info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX(), info.getOffsetY()],
    headers: c.getNumHeaders(),
    transpose: c.getTransposeRowsAndColumns(),
    strategies: [String(c.getHiddenDimensionStrategy()), String(c.getMergeStrategy())],
    enums: [Charts.ChartType.AREA, Charts.ChartType.BAR, Charts.ChartType.COLUMN, Charts.ChartType.PIE,
      Charts.ChartType.SCATTER, Charts.ChartType.TABLE].map(String)
  };
}
function modify() {
  var s = SpreadsheetApp.getActive().getSheetByName('Dash');
  var c = s.getCharts()[0];
  var b = c.modify().removeRange(s.getRange('A1:C4')).addRange(s.getRange('A1:B4')).setChartType(Charts.ChartType.COLUMN)
    .setOption('title', 'Healthy only').setPosition(1, 5, 0, 0).setTransposeRowsAndColumns(true);
  var unchanged = s.getCharts()[0].getOptions().get('title');
  s.updateChart(b.build());
  var after = s.getCharts()[0];
  return [unchanged, String(after.getType()), after.getOptions().get('title'), after.getRanges()[0].getA1Notation(),
    after.getContainerInfo().getAnchorColumn(), after.getTransposeRowsAndColumns(), s.getCharts().length];
}
function typed() {
  var s = SpreadsheetApp.getActive().getSheetByName('Dash');
  var b = s.newChart().asColumnChart().setTitle('Typed').setStacked().addRange(s.getRange('A1:B4'));
  s.insertChart(b.build());
  var c = s.getCharts()[1];
  return [String(c.getType()), c.getOptions().get('title'), c.getOptions().get('isStacked'), String(b.getChartType())];
}
function removeFirst() {
  var s = SpreadsheetApp.getActive().getSheetByName('Dash');
  s.removeChart(s.getCharts()[0]);
  return s.getCharts().map(function (c) { return c.getOptions().get('title'); });
}
function noType() { SpreadsheetApp.getActiveSheet().newChart().build(); }
function badType() { SpreadsheetApp.getActiveSheet().newChart().setChartType('DONUT'); }
function updateUnknown() {
  var s = SpreadsheetApp.getActiveSheet();
  s.updateChart(s.newChart().setChartType(Charts.ChartType.PIE).build());
}
function insertAbove() {
  var s = SpreadsheetApp.getActive().getSheetByName('Dash');
  s.insertRowsBefore(1, 2);
  var c = s.getCharts()[0];
  return [c.getRanges()[0].getA1Notation(), c.getContainerInfo().getAnchorRow()];
}
`;

describe('embedded charts', () => {
  it('builds, inserts and reads back a chart as Google documents it', () => {
    const rt = fixtureRuntime(CODE);
    const result = rt.run('setup');
    expect(result.ok).toBe(true);
    expect(result.value).toEqual({
      before: null,
      idIsNumber: true,
      sameId: true,
      idString: true,
      type: 'LINE',
      ranges: ['A1:C4'],
      title: 'Bands over time',
      legend: 'bottom',
      missing: null,
      pos: [6, 2, 10, 20],
      headers: 1,
      transpose: false,
      strategies: ['IGNORE_BOTH', 'MERGE_COLUMNS'],
      enums: ['AREA', 'BAR', 'COLUMN', 'PIE', 'SCATTER', 'TABLE'],
    });
    // Every call went through the instrumentation and is counted by class.
    const calls = result.execution.calls;
    expect(calls.get('SpreadsheetApp.Sheet.newChart')).toBe(1);
    expect(calls.get('SpreadsheetApp.EmbeddedChartBuilder.addRange')).toBe(2);
    expect(calls.get('SpreadsheetApp.Sheet.insertChart')).toBe(1);
    expect(calls.get('SpreadsheetApp.EmbeddedChart.getRanges')).toBe(1);
    expect(calls.get('Charts.ChartOptions.get')).toBe(3);
    expect(calls.get('SpreadsheetApp.ContainerInfo.getAnchorRow')).toBe(1);
  });

  it('modify() edits a copy until updateChart, typed builders set options, removeChart deletes', () => {
    const rt = fixtureRuntime(CODE);
    rt.call('setup');
    expect(rt.call('modify')).toEqual(['Bands over time', 'COLUMN', 'Healthy only', 'A1:B4', 5, true, 1]);
    expect(rt.call('typed')).toEqual(['COLUMN', 'Typed', true, 'COLUMN']);
    expect(rt.run('typed').execution.calls.get('SpreadsheetApp.EmbeddedColumnChartBuilder.setTitle')).toBe(1);
    expect(rt.call('removeFirst')).toEqual(['Typed', 'Typed']);
  });

  it('refuses a chart without a type, an unknown type and updating a chart not on the sheet', () => {
    const rt = fixtureRuntime(CODE);
    expect(rt.run('noType').error?.name).toBe('Exception');
    expect(rt.run('badType').error?.message).toBe('Invalid argument: type');
    expect(rt.run('updateUnknown').error?.name).toBe('Exception');
  });

  it('moves ranges and anchor with inserted rows, and survives a snapshot', () => {
    const rt = fixtureRuntime(CODE);
    rt.call('setup');
    expect(rt.call('insertAbove')).toEqual(['A3:C6', 8]);
    const snap = JSON.parse(JSON.stringify(rt.spreadsheet._snapshot()));
    const other = fixtureRuntime(CODE);
    other.spreadsheet._restore(snap);
    const sheet = other.spreadsheet._sheet('Dash');
    expect(sheet?._model.charts).toHaveLength(1);
    expect(other.call('insertAbove')).toEqual(['A5:C8', 10]);
  });
});
