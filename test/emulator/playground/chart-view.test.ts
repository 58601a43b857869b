/** The playground's chart views: data read as Sheets reads ranges, and the SVG tree (title, legend, marks). */
import { chartView, ticks, type SvgNode } from '../../../emulator/playground/chart-view';
import { readableText } from '../../../emulator/playground/grid-state';
import { disposeRuntimes, fixtureRuntime } from '../../helpers/runtimes';

afterAll(disposeRuntimes);

const find = (n: SvgNode | null, pred: (x: SvgNode) => boolean): SvgNode[] =>
  !n ? [] : [...(pred(n) ? [n] : []), ...(n.children ?? []).flatMap((c) => find(c, pred))];

function setup(code: string) {
  const rt = fixtureRuntime(`function setup() {
    var s = SpreadsheetApp.getActive().insertSheet('Dash');
    s.getRange('A1:C4').setValues([['Week', 'Green', 'Red'], ['W1', 5, 2], ['W2', 6, 'n/a'], ['W3', 4, 3]]);
    s.getRange('E1:E3').setValues([['Extra'], [1], [2]]);
    ${code}
  }`);
  rt.call('setup');
  const sheet = rt.spreadsheet._sheet('Dash')!;
  return sheet._model.charts.map((m) => chartView(sheet, m));
}

describe('chart views', () => {
  it('reads categories, named series and numbers (text gives gaps), and draws a line chart with title and legend', () => {
    const [view] = setup(`s.insertChart(s.newChart().setChartType(Charts.ChartType.LINE).addRange(s.getRange('A1:C10'))
      .setOption('title', 'Bands').build());`);
    expect(view.categories).toEqual(['W1', 'W2', 'W3']);
    expect(view.series).toEqual([
      { name: 'Green', values: [5, 6, 4] },
      { name: 'Red', values: [2, null, 3] },
    ]);
    expect(view.title).toBe('Bands');
    expect(find(view.svg, (n) => n.tag === 'title')[0].text).toBe('Bands');
    expect(find(view.svg, (n) => n.tag === 'polyline')).toHaveLength(2);
    const legend = find(view.svg, (n) => n.attrs['data-role'] === 'legend')[0];
    expect(find(legend, (n) => n.tag === 'text').map((n) => n.text)).toEqual(['Green', 'Red']);
  });

  it('merges ranges side by side, transposes, honours setNumHeaders(0) and draws columns and pies', () => {
    const views = setup(`
      s.insertChart(s.newChart().asColumnChart().addRange(s.getRange('A1:B4')).addRange(s.getRange('E1:E4')).build());
      s.insertChart(s.newChart().setChartType(Charts.ChartType.BAR).addRange(s.getRange('A2:B4')).setNumHeaders(0).build());
      s.insertChart(s.newChart().setChartType(Charts.ChartType.PIE).addRange(s.getRange('A1:B4')).build());
      s.insertChart(s.newChart().setChartType(Charts.ChartType.COLUMN).addRange(s.getRange('A1:B4'))
        .setTransposeRowsAndColumns(true).build());
      s.insertChart(s.newChart().setChartType(Charts.ChartType.GEO).addRange(s.getRange('A1:B4')).build());`);
    const [merged, bar, pie, transposed, geo] = views;
    expect(merged.series.map((x) => x.name)).toEqual(['Green', 'Extra']);
    expect(merged.series[1].values).toEqual([1, 2, null]);
    expect(find(merged.svg, (n) => n.tag === 'rect' && n.attrs.fill !== '#ffffff').length).toBeGreaterThanOrEqual(5);
    expect(bar.series).toEqual([{ name: 'Series 1', values: [5, 6, 4] }]);
    expect(find(pie.svg, (n) => n.tag === 'path')).toHaveLength(3);
    expect(transposed.categories).toEqual(['Green']);
    expect(transposed.series.map((x) => x.name)).toEqual(['W1', 'W2', 'W3']);
    expect(find(geo.svg, (n) => n.tag === 'text').map((n) => n.text)).toContain(
      'GEO charts are not drawn in the playground.',
    );
  });

  it('picks round axis ticks and readable text colours', () => {
    expect(ticks(0, 7)).toEqual([0, 2, 4, 6, 8]);
    expect(ticks(-3, 12)).toEqual([-5, 0, 5, 10, 15]);
    expect(readableText('#0b5394', undefined)).toBe('#ffffff');
    expect(readableText('#b7e1cd', undefined)).toBeUndefined();
    expect(readableText('#ffff00', '#ffffff')).toBe('#000000');
    expect(readableText('#ffffff', '#c5221f')).toBe('#c5221f');
  });

  it('stacks columns and areas, titles the axes, moves or hides the legend, colours series by option', () => {
    const [column, area] = setup(`
      s.insertChart(s.newChart().asColumnChart().setStacked().setXAxisTitle('Week').setYAxisTitle('Customers')
        .setOption('legend', { position: 'bottom' }).setOption('series', { 1: { color: '#123456' } })
        .addRange(s.getRange('A1:C4')).build());
      s.insertChart(s.newChart().asAreaChart().setOption('isStacked', true).setLegendPosition(Charts.Position.NONE)
        .addRange(s.getRange('A1:C4')).build());`);
    const bars = find(column.svg, (n) => n.attrs['data-series'] !== undefined).map((g) => g.children ?? []);
    // W1: Green 5 from 0, Red 2 stacked on top of it: the red bar ends where 7 is, above the green one.
    const [green, red] = [bars[0][0], bars[1][0]];
    expect(red.attrs.x).toBe(green.attrs.x);
    expect(Number(red.attrs.y) + Number(red.attrs.height)).toBeCloseTo(Number(green.attrs.y), 5);
    expect(red.attrs.fill).toBe('#123456');
    expect(find(column.svg, (n) => n.attrs['data-role'] === 'h-axis-title')[0].text).toBe('Week');
    expect(find(column.svg, (n) => n.attrs['data-role'] === 'v-axis-title')[0].text).toBe('Customers');
    const legend = find(column.svg, (n) => n.attrs['data-role'] === 'legend')[0];
    expect(find(legend, (n) => n.tag === 'rect').every((r) => Number(r.attrs.y) > 280)).toBe(true);
    expect(find(area.svg, (n) => n.attrs['data-role'] === 'legend')[0].children).toEqual([]);
    expect(find(area.svg, (n) => n.tag === 'polygon')).toHaveLength(2);
  });
});
