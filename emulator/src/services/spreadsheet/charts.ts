/**
 * Embedded charts (Sheet.newChart / insertChart / getCharts / updateChart / removeChart): the
 * EmbeddedChartBuilder and its typed variants (asLineChart() ...), EmbeddedChart, ContainerInfo,
 * ChartOptions and the `Charts` global with its enums. A chart is stored on its sheet as data
 * (type, ranges, options, anchor); nothing is drawn here (the playground page draws it).
 */
import { AppsScriptException } from '../../core/errors';
import type { Box, ChartModel } from './model';

const names = (...list: string[]): Record<string, string> => Object.fromEntries(list.map((n) => [n, n]));

export const CHART_TYPES = names(
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
);
const HIDDEN_STRATEGIES = names('IGNORE_BOTH', 'IGNORE_ROWS', 'IGNORE_COLUMNS', 'SHOW_BOTH');
const MERGE_STRATEGIES = names('MERGE_COLUMNS', 'MERGE_ROWS');
const POSITIONS = names('TOP', 'RIGHT', 'BOTTOM', 'NONE');

/** The `Charts` global: the enums an embedded chart uses. */
export class ChartsFake {
  static readonly appsScriptName = 'Charts';
  readonly ChartType = CHART_TYPES;
  readonly ChartHiddenDimensionStrategy = HIDDEN_STRATEGIES;
  readonly ChartMergeStrategy = MERGE_STRATEGIES;
  readonly Position = POSITIONS;
  readonly CurveStyle = names('NORMAL', 'SMOOTH');
  readonly PointStyle = names('NONE', 'TINY', 'MEDIUM', 'LARGE', 'HUGE');
}

/** What a chart needs from its sheet: Range objects for its boxes. */
export interface ChartHost {
  range(box: Box): object;
}

type RangeArg = { _boxModel(): Box };

function boxOf(range: unknown, method: string): Box {
  if (!range || typeof (range as RangeArg)._boxModel !== 'function') {
    throw new AppsScriptException(
      `The parameters (${range === null ? 'null' : typeof range}) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.${method}.`,
    );
  }
  return { ...(range as RangeArg)._boxModel() };
}

const sameBox = (a: Box, b: Box): boolean =>
  a.sheet === b.sheet && a.row === b.row && a.col === b.col && a.numRows === b.numRows && a.numCols === b.numCols;

const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

/** A deep copy of a chart model (boxes keep their sheet). */
export function copyChart(m: ChartModel): ChartModel {
  return { ...m, ranges: m.ranges.map((b) => ({ ...b })), options: clone(m.options) };
}

export function newChartModel(): ChartModel {
  return {
    chartId: null,
    type: '',
    ranges: [],
    options: {},
    anchorRow: 1,
    anchorCol: 1,
    offsetX: 0,
    offsetY: 0,
    numHeaders: -1,
    transpose: false,
    hiddenStrategy: 'IGNORE_BOTH',
    mergeStrategy: 'MERGE_COLUMNS',
  };
}

/** Reads an option by its dotted name, set either flat ('legend.position') or nested ({legend: {position}}). */
export function chartOption(options: Record<string, unknown>, name: string): unknown {
  if (name in options) return options[name];
  const parts = name.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    let value: unknown = options[parts.slice(0, i).join('.')];
    for (const key of parts.slice(i)) {
      if (value === null || typeof value !== 'object') {
        value = undefined;
        break;
      }
      value = (value as Record<string, unknown>)[key];
    }
    if (value !== undefined) return value;
  }
  return null;
}

export class ChartOptionsFake {
  static readonly appsScriptName = 'Charts.ChartOptions';
  constructor(private readonly _options: Record<string, unknown>) {}
  get(option: string): unknown {
    return clone(chartOption(this._options, String(option)));
  }
}

export class ContainerInfoFake {
  static readonly appsScriptName = 'SpreadsheetApp.ContainerInfo';
  constructor(private readonly _m: ChartModel) {}
  getAnchorColumn(): number {
    return this._m.anchorCol;
  }
  getAnchorRow(): number {
    return this._m.anchorRow;
  }
  getOffsetX(): number {
    return this._m.offsetX;
  }
  getOffsetY(): number {
    return this._m.offsetY;
  }
}

export class EmbeddedChartFake {
  static readonly appsScriptName = 'SpreadsheetApp.EmbeddedChart';
  constructor(
    readonly _model: ChartModel,
    private readonly _host: ChartHost,
  ) {}
  getChartId(): number | null {
    return this._model.chartId;
  }
  /** Older EmbeddedChart.getId(): the chart id as a string (not in today's reference). */
  getId(): string | null {
    return this._model.chartId === null ? null : String(this._model.chartId);
  }
  getType(): string {
    return this._model.type;
  }
  getContainerInfo(): ContainerInfoFake {
    return new ContainerInfoFake({ ...this._model });
  }
  getRanges(): object[] {
    return this._model.ranges.map((b) => this._host.range(b));
  }
  getOptions(): ChartOptionsFake {
    return new ChartOptionsFake(clone(this._model.options));
  }
  getNumHeaders(): number {
    return this._model.numHeaders;
  }
  getTransposeRowsAndColumns(): boolean {
    return this._model.transpose;
  }
  getHiddenDimensionStrategy(): string {
    return this._model.hiddenStrategy;
  }
  getMergeStrategy(): string {
    return this._model.mergeStrategy;
  }
  asDataSourceChart(): null {
    return null;
  }
  modify(): EmbeddedChartBuilderFake {
    return new EmbeddedChartBuilderFake(copyChart(this._model), this._host);
  }
}

export class EmbeddedChartBuilderFake {
  static readonly appsScriptName: string = 'SpreadsheetApp.EmbeddedChartBuilder';
  constructor(
    readonly _model: ChartModel,
    protected readonly _host: ChartHost,
  ) {}

  addRange(range: unknown): this {
    const box = boxOf(range, 'addRange');
    if (!this._model.ranges.some((b) => sameBox(b, box))) this._model.ranges.push(box);
    return this;
  }
  removeRange(range: unknown): this {
    const box = boxOf(range, 'removeRange');
    this._model.ranges = this._model.ranges.filter((b) => !sameBox(b, box));
    return this;
  }
  clearRanges(): this {
    this._model.ranges = [];
    return this;
  }
  getRanges(): object[] {
    return this._model.ranges.map((b) => this._host.range(b));
  }
  setChartType(type: unknown): this {
    const name = String(type);
    if (!(name in CHART_TYPES)) throw new AppsScriptException('Invalid argument: type');
    this._model.type = name;
    return this;
  }
  getChartType(): string | null {
    return this._model.type || null;
  }
  setOption(option: string, value: unknown): this {
    this._model.options[String(option)] = clone(value);
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    const ints = [anchorRowPos, anchorColPos, offsetX, offsetY].map((n) => Math.floor(Number(n)));
    if (ints.some((n) => !Number.isFinite(n)))
      throw new AppsScriptException(
        "The parameters don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setPosition.",
      );
    if (ints[0] < 1 || ints[1] < 1) throw new AppsScriptException('Invalid argument: position');
    [this._model.anchorRow, this._model.anchorCol, this._model.offsetX, this._model.offsetY] = ints;
    return this;
  }
  getContainer(): ContainerInfoFake {
    return new ContainerInfoFake({ ...this._model });
  }
  setNumHeaders(headers: number): this {
    this._model.numHeaders = Math.floor(Number(headers));
    return this;
  }
  setTransposeRowsAndColumns(transpose: boolean): this {
    this._model.transpose = Boolean(transpose);
    return this;
  }
  setHiddenDimensionStrategy(strategy: unknown): this {
    const name = String(strategy);
    if (!(name in HIDDEN_STRATEGIES)) throw new AppsScriptException('Invalid argument: strategy');
    this._model.hiddenStrategy = name;
    return this;
  }
  setMergeStrategy(mergeStrategy: unknown): this {
    const name = String(mergeStrategy);
    if (!(name in MERGE_STRATEGIES)) throw new AppsScriptException('Invalid argument: mergeStrategy');
    this._model.mergeStrategy = name;
    return this;
  }
  build(): EmbeddedChartFake {
    if (!this._model.type) throw new AppsScriptException('You must specify a chart type before building the chart.');
    return new EmbeddedChartFake(copyChart(this._model), this._host);
  }

  private _as<T extends EmbeddedChartBuilderFake>(type: string, Kind: new (m: ChartModel, h: ChartHost) => T): T {
    this._model.type = type;
    return new Kind(this._model, this._host);
  }
  asAreaChart(): TypedChartBuilder {
    return this._as('AREA', EmbeddedAreaChartBuilderFake);
  }
  asBarChart(): TypedChartBuilder {
    return this._as('BAR', EmbeddedBarChartBuilderFake);
  }
  asColumnChart(): TypedChartBuilder {
    return this._as('COLUMN', EmbeddedColumnChartBuilderFake);
  }
  asLineChart(): TypedChartBuilder {
    return this._as('LINE', EmbeddedLineChartBuilderFake);
  }
  asPieChart(): TypedChartBuilder {
    return this._as('PIE', EmbeddedPieChartBuilderFake);
  }
  asScatterChart(): TypedChartBuilder {
    return this._as('SCATTER', EmbeddedScatterChartBuilderFake);
  }
  asTableChart(): TypedChartBuilder {
    return this._as('TABLE', EmbeddedTableChartBuilderFake);
  }
}

/** The typed builders' shared setters, each a shorthand for a chart option. */
class TypedChartBuilder extends EmbeddedChartBuilderFake {
  setTitle(chartTitle: string): this {
    return this.setOption('title', String(chartTitle));
  }
  setXAxisTitle(title: string): this {
    return this.setOption('hAxis.title', String(title));
  }
  setYAxisTitle(title: string): this {
    return this.setOption('vAxis.title', String(title));
  }
  setColors(cssValues: string[]): this {
    return this.setOption('colors', Array.from(cssValues).map(String));
  }
  setLegendPosition(position: unknown): this {
    return this.setOption('legend.position', String(position).toLowerCase());
  }
  setStacked(): this {
    return this.setOption('isStacked', true);
  }
  setRange(start: number, end: number): this {
    this.setOption('vAxis.minValue', Number(start));
    return this.setOption('vAxis.maxValue', Number(end));
  }
}

class EmbeddedAreaChartBuilderFake extends TypedChartBuilder {
  static override readonly appsScriptName = 'SpreadsheetApp.EmbeddedAreaChartBuilder';
}
class EmbeddedBarChartBuilderFake extends TypedChartBuilder {
  static override readonly appsScriptName = 'SpreadsheetApp.EmbeddedBarChartBuilder';
}
class EmbeddedColumnChartBuilderFake extends TypedChartBuilder {
  static override readonly appsScriptName = 'SpreadsheetApp.EmbeddedColumnChartBuilder';
}
class EmbeddedLineChartBuilderFake extends TypedChartBuilder {
  static override readonly appsScriptName = 'SpreadsheetApp.EmbeddedLineChartBuilder';
}
class EmbeddedPieChartBuilderFake extends TypedChartBuilder {
  static override readonly appsScriptName = 'SpreadsheetApp.EmbeddedPieChartBuilder';
}
class EmbeddedScatterChartBuilderFake extends TypedChartBuilder {
  static override readonly appsScriptName = 'SpreadsheetApp.EmbeddedScatterChartBuilder';
}
class EmbeddedTableChartBuilderFake extends TypedChartBuilder {
  static override readonly appsScriptName = 'SpreadsheetApp.EmbeddedTableChartBuilder';
}
