/**
 * The playground's view of an embedded chart: its data read from the ranges' current values
 * (Sheets' reading: first column the categories, other columns the series, header rows naming
 * them; ranges merged side by side; optionally transposed), and the chart drawn as a plain SVG
 * element tree (line, area, column, bar, pie, scatter; a title and a legend) that the page
 * builds with DOM calls, never as HTML text. TABLE charts are drawn by the page as a table.
 */
import type { ChartModel } from '../src/services/spreadsheet/model';
import { chartOption } from '../src/services/spreadsheet/charts';
import type { SheetFake } from '../src/services/spreadsheet/sheet';

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

export interface ChartView {
  chartId: number | null;
  type: string;
  title: string;
  /** 1-based anchor, as ContainerInfo gives it. */
  anchorRow: number;
  anchorCol: number;
  offsetX: number;
  offsetY: number;
  categories: string[];
  series: ChartSeries[];
  /** The raw table (header row first when there is one), for TABLE charts. */
  table: string[][];
  svg: SvgNode | null;
}

export interface SvgNode {
  tag: 'svg' | 'g' | 'rect' | 'line' | 'polyline' | 'polygon' | 'circle' | 'path' | 'text' | 'title';
  attrs: Record<string, string | number>;
  text?: string;
  children?: SvgNode[];
}

const PALETTE = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6', '#7baaf7', '#f07b72'];
const WIDTH = 520;
const HEIGHT = 320;

type Cell = { value: unknown; display: string };

/** Reads a chart's ranges into categories and series. */
export function chartData(
  sheet: SheetFake,
  model: ChartModel,
): { categories: string[]; series: ChartSeries[]; table: string[][] } {
  // Merge the ranges side by side (MERGE_COLUMNS) or one under another (MERGE_ROWS).
  let grid: Cell[][] = [];
  for (const box of model.ranges) {
    const range = sheet._ss._sheet(box.sheet)._box(box.row, box.col, box.numRows, box.numCols);
    const values = range.getValues();
    const display = range.getDisplayValues();
    const block = values.map((line, i) => line.map((value, j) => ({ value, display: display[i][j] })));
    if (model.mergeStrategy === 'MERGE_ROWS') grid.push(...block);
    else for (const [i, line] of block.entries()) grid[i] = [...(grid[i] ?? []), ...line];
  }
  if (model.transpose && grid.length > 0) grid = grid[0].map((_, j) => grid.map((line) => line[j]));
  const isEmpty = (c: Cell | undefined) => !c || c.display === '';
  grid = grid.filter((line) => line.some((c) => !isEmpty(c)));
  if (grid.length === 0) return { categories: [], series: [], table: [] };
  const width = Math.max(...grid.map((l) => l.length));
  const headers =
    model.numHeaders >= 0
      ? Math.min(model.numHeaders, grid.length)
      : grid[0].slice(width > 1 ? 1 : 0).some((c) => typeof c.value === 'string' && c.value !== '')
        ? 1
        : 0;
  const body = grid.slice(headers);
  const hasDomain = width > 1;
  const firstSeries = hasDomain ? 1 : 0;
  const categories = body.map((line, i) => (hasDomain ? (line[0]?.display ?? '') : String(i + 1)));
  const series: ChartSeries[] = [];
  for (let j = firstSeries; j < width; j++) {
    const name = headers > 0 ? (grid[headers - 1][j]?.display ?? '') : `Series ${j - firstSeries + 1}`;
    series.push({
      name,
      values: body.map((line) => {
        const v = line[j]?.value;
        return typeof v === 'number' && Number.isFinite(v) ? v : null;
      }),
    });
  }
  const table = grid.map((line) => Array.from({ length: width }, (_, j) => line[j]?.display ?? ''));
  return { categories, series, table };
}

/** How the chart's options ask it to look (the subset the playground honours). */
export interface ChartStyle {
  colors: string[];
  stacked: boolean;
  legend: 'right' | 'bottom' | 'top' | 'none';
  hAxisTitle: string;
  vAxisTitle: string;
}

const isColor = (c: unknown): c is string => typeof c === 'string' && /^#?[\w]+$/.test(c);

/** The style options of a chart: colors (or series.N.color), isStacked, legend(.position), axis titles. */
export function chartStyle(options: Record<string, unknown>): ChartStyle {
  const colorsOption = chartOption(options, 'colors');
  const colors = Array.isArray(colorsOption) && colorsOption.every(isColor) ? [...colorsOption] : [...PALETTE];
  const series = chartOption(options, 'series');
  if (series && typeof series === 'object') {
    for (const [index, value] of Object.entries(series as Record<string, unknown>)) {
      const color = value && typeof value === 'object' ? (value as { color?: unknown }).color : undefined;
      const i = Number(index);
      if (Number.isInteger(i) && i >= 0 && i < 64 && isColor(color)) {
        while (colors.length <= i) colors.push(PALETTE[colors.length % PALETTE.length]);
        colors[i] = color;
      }
    }
  }
  const legendOption = chartOption(options, 'legend.position') ?? chartOption(options, 'legend');
  const legend = ['right', 'bottom', 'top', 'none'].includes(String(legendOption).toLowerCase())
    ? (String(legendOption).toLowerCase() as ChartStyle['legend'])
    : 'right';
  const stacked = chartOption(options, 'isStacked');
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    colors,
    stacked: stacked === true || stacked === 'true' || stacked === 'absolute',
    legend,
    hAxisTitle: text(chartOption(options, 'hAxis.title')),
    vAxisTitle: text(chartOption(options, 'vAxis.title')),
  };
}

export function chartView(sheet: SheetFake, model: ChartModel): ChartView {
  const data = chartData(sheet, model);
  const title = chartOption(model.options, 'title');
  const view: ChartView = {
    chartId: model.chartId,
    type: model.type,
    title: typeof title === 'string' ? title : '',
    anchorRow: model.anchorRow,
    anchorCol: model.anchorCol,
    offsetX: model.offsetX,
    offsetY: model.offsetY,
    ...data,
    svg: null,
  };
  view.svg = model.type === 'TABLE' ? null : chartSvg(view, chartStyle(model.options));
  return view;
}

function node(tag: SvgNode['tag'], attrs: SvgNode['attrs'], children?: SvgNode[], text?: string): SvgNode {
  const n: SvgNode = { tag, attrs };
  if (children) n.children = children;
  if (text !== undefined) n.text = text;
  return n;
}

function label(x: number, y: number, text: string, attrs: SvgNode['attrs'] = {}): SvgNode {
  return node('text', { x, y, 'font-size': 11, fill: '#3c4043', ...attrs }, undefined, text);
}

/** Round tick values covering [min, max]. */
export function ticks(min: number, max: number, count = 5): number[] {
  if (min === max) max = min + 1;
  const raw = (max - min) / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.floor(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  if (out[out.length - 1] < max) out.push(Number((out[out.length - 1] + step).toPrecision(12)));
  return out;
}

const DEFAULT_STYLE: ChartStyle = { colors: PALETTE, stacked: false, legend: 'right', hAxisTitle: '', vAxisTitle: '' };

/** The chart as an SVG element tree. */
export function chartSvg(view: ChartView, style: ChartStyle = DEFAULT_STYLE): SvgNode {
  const children: SvgNode[] = [node('rect', { x: 0, y: 0, width: WIDTH, height: HEIGHT, fill: '#ffffff' })];
  const top = view.title ? 34 : 14;
  if (view.title)
    children.push(label(WIDTH / 2, 22, view.title, { 'text-anchor': 'middle', 'font-size': 14, 'font-weight': 600 }));
  const color = (i: number) => style.colors[i % style.colors.length];
  const legendItems = (view.type === 'PIE' ? view.categories : view.series.map((s) => s.name)).slice(0, 12);
  const side = style.legend === 'right';
  const across = style.legend === 'top' || style.legend === 'bottom';
  const plot = {
    left: style.vAxisTitle ? 62 : 48,
    top: top + (style.legend === 'top' ? 22 : 0),
    right: WIDTH - (side ? 140 : 16),
    bottom: HEIGHT - 40 - (style.hAxisTitle ? 16 : 0) - (style.legend === 'bottom' ? 22 : 0),
  };
  const short = (name: string) => (name.length > 16 ? `${name.slice(0, 15)}…` : name);
  const legendAt = (i: number): [number, number] =>
    side ? [plot.right + 16, top + i * 18] : [plot.left + i * 110, style.legend === 'top' ? top : HEIGHT - 22];
  const legend = node(
    'g',
    { 'data-role': 'legend' },
    style.legend === 'none'
      ? []
      : legendItems.slice(0, across ? 4 : 12).map((name, i) => {
          const [x, y] = legendAt(i);
          return node('g', {}, [
            node('rect', { x, y, width: 10, height: 10, fill: color(i) }),
            label(x + 16, y + 9, short(name)),
          ]);
        }),
  );
  const drawn = drawPlot(view, plot, color, style.stacked);
  if (drawn === null) {
    children.push(
      label(WIDTH / 2, HEIGHT / 2, `${view.type} charts are not drawn in the playground.`, { 'text-anchor': 'middle' }),
    );
  } else {
    children.push(...drawn, legend);
    if (style.hAxisTitle)
      children.push(
        label((plot.left + plot.right) / 2, plot.bottom + 32, style.hAxisTitle, {
          'text-anchor': 'middle',
          'data-role': 'h-axis-title',
        }),
      );
    if (style.vAxisTitle) {
      const y = (plot.top + plot.bottom) / 2;
      children.push(
        label(14, y, style.vAxisTitle, {
          'text-anchor': 'middle',
          transform: `rotate(-90 14 ${y})`,
          'data-role': 'v-axis-title',
        }),
      );
    }
  }
  return node(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      width: WIDTH,
      height: HEIGHT,
      role: 'img',
      'aria-label': view.title || `${view.type} chart`,
    },
    [node('title', {}, undefined, view.title || `${view.type} chart`), ...children],
  );
}

type Box = { left: number; top: number; right: number; bottom: number };

function drawPlot(view: ChartView, plot: Box, color: (i: number) => string, stackedOption = false): SvgNode[] | null {
  const type = view.type;
  if (type === 'PIE') return drawPie(view, plot, color);
  if (!['LINE', 'AREA', 'COLUMN', 'BAR', 'SCATTER', 'STEPPED_AREA', 'COMBO'].includes(type)) return null;
  const stacked = stackedOption && type !== 'SCATTER';
  // Stacked: each series starts where the ones before it end (positive values; gaps count as 0).
  const bases = view.categories.map(() => 0);
  const spans = view.series.map((series) =>
    series.values.map((v, i) => {
      if (v === null) return null;
      if (!stacked) return [0, v];
      const from = bases[i];
      bases[i] += v;
      return [from, from + v];
    }),
  );
  const all = spans.flatMap((line) => line.flatMap((span) => span ?? []));
  const scale = ticks(Math.min(0, ...all), Math.max(0, ...all));
  const lo = scale[0];
  const hi = scale[scale.length - 1];
  const n = Math.max(1, view.categories.length);
  const out: SvgNode[] = [];
  const horizontal = type === 'BAR';
  // Value axis and grid lines.
  for (const t of scale) {
    if (horizontal) {
      const x = plot.left + ((t - lo) / (hi - lo)) * (plot.right - plot.left);
      out.push(node('line', { x1: x, y1: plot.top, x2: x, y2: plot.bottom, stroke: '#e0e0e0' }));
      out.push(label(x, plot.bottom + 14, String(t), { 'text-anchor': 'middle' }));
    } else {
      const y = plot.bottom - ((t - lo) / (hi - lo)) * (plot.bottom - plot.top);
      out.push(node('line', { x1: plot.left, y1: y, x2: plot.right, y2: y, stroke: '#e0e0e0' }));
      out.push(label(plot.left - 6, y + 4, String(t), { 'text-anchor': 'end' }));
    }
  }
  const valueAt = (v: number) => plot.bottom - ((v - lo) / (hi - lo)) * (plot.bottom - plot.top);
  const xAt = (v: number) => plot.left + ((v - lo) / (hi - lo)) * (plot.right - plot.left);
  const band = ((horizontal ? plot.bottom - plot.top : plot.right - plot.left) as number) / n;
  const every = Math.ceil(n / (horizontal ? 14 : 8));
  view.categories.forEach((c, i) => {
    if (i % every !== 0) return;
    const text = c.length > 12 ? `${c.slice(0, 11)}…` : c;
    if (horizontal) out.push(label(plot.left - 6, plot.top + band * (i + 0.5) + 4, text, { 'text-anchor': 'end' }));
    else out.push(label(plot.left + band * (i + 0.5), plot.bottom + 16, text, { 'text-anchor': 'middle' }));
  });
  const s = stacked ? 1 : view.series.length || 1;
  view.series.forEach((series, k) => {
    const fill = color(k);
    const group: SvgNode[] = [];
    if (type === 'COLUMN' || type === 'BAR') {
      const barSize = (band * 0.8) / s;
      spans[k].forEach((span, i) => {
        if (span === null) return;
        const start = band * i + band * 0.1 + barSize * (stacked ? 0 : k);
        const [from, v] = [span[0] === 0 ? Math.max(lo, 0) : span[0], span[1]];
        if (horizontal) {
          const x0 = xAt(from);
          const x1 = xAt(v);
          group.push(
            node('rect', {
              x: Math.min(x0, x1),
              y: plot.top + start,
              width: Math.abs(x1 - x0),
              height: barSize,
              fill,
            }),
          );
        } else {
          const y0 = valueAt(from);
          const y1 = valueAt(v);
          group.push(
            node('rect', {
              x: plot.left + start,
              y: Math.min(y0, y1),
              width: barSize,
              height: Math.abs(y1 - y0),
              fill,
            }),
          );
        }
      });
    } else {
      const at = (i: number) => plot.left + band * (i + 0.5);
      const present = spans[k].map((span, i) => (span === null ? null : { i, span })).filter((p) => p !== null);
      const points = present.map((p) => [at(p.i), valueAt(p.span[1])]);
      const text = points.map((p) => `${p[0].toFixed(1)},${p[1].toFixed(1)}`).join(' ');
      if ((type === 'AREA' || type === 'STEPPED_AREA') && points.length > 0) {
        // The area's lower edge: the axis, or the series below it when stacked.
        const lower = present
          .map((p) => `${at(p.i).toFixed(1)},${valueAt(p.span[0] === 0 ? Math.max(lo, 0) : p.span[0]).toFixed(1)}`)
          .reverse()
          .join(' ');
        group.push(node('polygon', { points: `${text} ${lower}`, fill, 'fill-opacity': 0.3, stroke: 'none' }));
      }
      if (type !== 'SCATTER')
        group.push(node('polyline', { points: text, fill: 'none', stroke: fill, 'stroke-width': 2 }));
      for (const p of points) group.push(node('circle', { cx: p[0], cy: p[1], r: type === 'SCATTER' ? 4 : 3, fill }));
    }
    out.push(node('g', { 'data-series': series.name }, group));
  });
  out.push(
    node('line', { x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, stroke: '#9aa0a6' }),
    node('line', { x1: plot.left, y1: plot.top, x2: plot.left, y2: plot.bottom, stroke: '#9aa0a6' }),
  );
  return out;
}

function drawPie(view: ChartView, plot: Box, color: (i: number) => string): SvgNode[] {
  const values = (view.series[0]?.values ?? []).map((v) => (v !== null && v > 0 ? v : 0));
  const total = values.reduce((a, b) => a + b, 0);
  const cx = (plot.left + plot.right) / 2;
  const cy = (plot.top + plot.bottom) / 2;
  const r = Math.min(plot.right - plot.left, plot.bottom - plot.top) / 2;
  if (total === 0) return [node('circle', { cx, cy, r, fill: '#f1f3f4' })];
  const out: SvgNode[] = [];
  let angle = -Math.PI / 2;
  values.forEach((v, i) => {
    if (v === 0) return;
    const sweep = (v / total) * Math.PI * 2;
    if (sweep >= Math.PI * 2 - 1e-9) {
      out.push(node('circle', { cx, cy, r, fill: color(i) }));
      return;
    }
    const [x1, y1] = [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
    angle += sweep;
    const [x2, y2] = [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
    const d = `M${cx},${cy} L${x1.toFixed(2)},${y1.toFixed(2)} A${r},${r} 0 ${sweep > Math.PI ? 1 : 0} 1 ${x2.toFixed(2)},${y2.toFixed(2)} Z`;
    out.push(node('path', { d, fill: color(i), stroke: '#ffffff' }));
  });
  return out;
}
