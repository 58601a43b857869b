/**
 * Reads the configuration tab's cells back into a HealthConfig and says, in the reader's
 * language, what is wrong with it: the setup report lists these; the tab's own check column
 * shows the same problems live, as formulas.
 */
import { type Lang, type MessageKey, translate } from '../i18n';
import {
  choiceOf,
  DIRECTION_LABELS,
  type HealthBand,
  type HealthConfig,
  type HealthMeasure,
  MISSING_LABELS,
  SOURCE_LABELS,
  VALUE_LABELS,
} from './model';

export interface ConfigProblem {
  /** 1-based row of the configuration tab (0 for the bands). */
  row: number;
  key: MessageKey;
  vars: Record<string, string | number>;
}

export interface ReadConfig {
  config: HealthConfig;
  problems: ConfigProblem[];
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * `bandRows`: the first two rows of the tab (names, lowest scores, from column B);
 * `measureRows`: the measure rows, `firstRow` the row number of the first.
 */
export function readConfig(bandRows: unknown[][], measureRows: unknown[][], firstRow: number): ReadConfig {
  const problems: ConfigProblem[] = [];
  const bands: HealthBand[] = [];
  const names = bandRows[0] ?? [];
  const froms = bandRows[1] ?? [];
  for (let i = 1; i < Math.max(names.length, froms.length); i++) {
    const name = String(names[i] ?? '').trim();
    if (!name && (froms[i] === '' || froms[i] === undefined)) continue;
    const from = num(froms[i]);
    if (!name || from === null) problems.push({ row: 0, key: 'health.problem.band', vars: { band: name || i } });
    else bands.push({ name, from });
  }
  for (let i = 1; i < bands.length; i++)
    if (bands[i].from <= bands[i - 1].from)
      problems.push({ row: 0, key: 'health.problem.bandOrder', vars: { band: bands[i].name } });
  if (bands.length === 0) problems.push({ row: 0, key: 'health.problem.noBands', vars: {} });

  const measures: HealthMeasure[] = [];
  const seen = new Set<string>();
  measureRows.forEach((cells, i) => {
    const row = firstRow + i;
    const name = String(cells[0] ?? '').trim();
    if (!name) return;
    const problem = (key: MessageKey, vars: Record<string, string | number> = {}) =>
      problems.push({ row, key, vars: { measure: name, row, ...vars } });
    if (seen.has(name.toLowerCase())) problem('health.problem.duplicateMeasure');
    seen.add(name.toLowerCase());
    const source = choiceOf(SOURCE_LABELS, cells[1]);
    const value = choiceOf(VALUE_LABELS, cells[4] === '' ? 'number' : cells[4]);
    const direction = choiceOf(DIRECTION_LABELS, cells[5]);
    const missing = choiceOf(MISSING_LABELS, cells[9]);
    const red = num(cells[6]);
    const green = num(cells[7]);
    const weight = num(cells[8]);
    const column = String(cells[2] ?? '').trim();
    if (!source) problem('health.problem.source');
    if (!column) problem('health.problem.column');
    if (!direction) problem('health.problem.direction');
    if (!missing) problem('health.problem.missing');
    if (!value) problem('health.problem.value');
    if (red === null || green === null) problem('health.problem.edge');
    else if (red === green) problem('health.problem.edgesEqual');
    else if (direction && (direction === 'higher') !== green > red) problem('health.problem.edgeDirection');
    if (weight === null || weight < 0) problem('health.problem.weight');
    if (
      source &&
      direction &&
      missing &&
      value &&
      red !== null &&
      green !== null &&
      weight !== null &&
      weight >= 0 &&
      column
    )
      measures.push({
        name,
        source,
        column,
        divideBy: String(cells[3] ?? '').trim(),
        value,
        direction,
        red,
        green,
        weight,
        missing,
      });
  });
  if (measures.length > 0 && measures.every((m) => m.weight === 0))
    problems.push({ row: 0, key: 'health.problem.allWeightsZero', vars: {} });
  return { config: { measures, bands }, problems };
}

export function problemText(lang: Lang, p: ConfigProblem): string {
  return translate(lang, p.key, p.vars);
}

/** Each measure's share of the total weight (0 when every weight is zero). */
export function effectiveShares(measures: readonly Pick<HealthMeasure, 'weight'>[]): number[] {
  const total = measures.reduce((s, m) => s + Math.max(0, m.weight), 0);
  return measures.map((m) => (total === 0 ? 0 : Math.max(0, m.weight) / total));
}
