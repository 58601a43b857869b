/**
 * The health-score configuration: measures (where each value comes from, which way is better,
 * the red and green edges it is scored between, its weight, what missing data means) and the
 * overall bands. The demo defaults of issue 9, and the labels each choice is typed as in the
 * configuration tab (English or Japanese, both accepted when read back).
 */
import type { Lang } from '../i18n';

/** Where a measure's value comes from: a column of the health inputs result tab, or of Customers. */
export type MeasureSource = 'inputs' | 'customers';
export type MeasureDirection = 'higher' | 'lower';
/** worst: scores 0; neutral: scores 50; exclude: left out, the other weights renormalised. */
export type MissingRule = 'worst' | 'neutral' | 'exclude';
/** number: the value as is; days-until: a date, scored by the days from today until it. */
export type MeasureValue = 'number' | 'days-until';

export interface HealthMeasure {
  name: string;
  source: MeasureSource;
  /** The column's header in the source tab. */
  column: string;
  /** Optional Customers column the value is divided by (seat usage: active users over seats). */
  divideBy: string;
  value: MeasureValue;
  direction: MeasureDirection;
  /** At or beyond the red edge the measure scores 0; at or beyond the green edge, 100; linear between. */
  red: number;
  green: number;
  weight: number;
  missing: MissingRule;
}

export interface HealthBand {
  name: string;
  /** The lowest overall score of the band. */
  from: number;
}

export interface HealthConfig {
  measures: HealthMeasure[];
  /** Ascending by `from`; the first starts at 0. */
  bands: HealthBand[];
}

/** Score of a measure whose data is missing under the `neutral` rule. */
export const NEUTRAL_SCORE = 50;

type Labels<T extends string> = Record<T, Record<Lang, string>>;

export const SOURCE_LABELS: Labels<MeasureSource> = {
  inputs: { en: 'Health inputs', ja: 'ヘルス入力' },
  customers: { en: 'Customers', ja: '顧客' },
};
export const DIRECTION_LABELS: Labels<MeasureDirection> = {
  higher: { en: 'higher is better', ja: '高いほど良い' },
  lower: { en: 'lower is better', ja: '低いほど良い' },
};
export const MISSING_LABELS: Labels<MissingRule> = {
  worst: { en: 'worst', ja: '最低' },
  neutral: { en: 'neutral', ja: '中立' },
  exclude: { en: 'exclude', ja: '除外' },
};
export const VALUE_LABELS: Labels<MeasureValue> = {
  number: { en: 'number', ja: '数値' },
  'days-until': { en: 'days until (date)', ja: '日付までの日数' },
};

/** The choice a typed label names (either language, any case), or null. */
export function choiceOf<T extends string>(labels: Labels<T>, typed: unknown): T | null {
  const text = String(typed ?? '')
    .trim()
    .toLowerCase();
  for (const key of Object.keys(labels) as T[]) {
    if (key === text || labels[key].en.toLowerCase() === text || labels[key].ja === text) return key;
  }
  return null;
}

/** The labels of every choice in one language (a dropdown's list). */
export function choiceList<T extends string>(labels: Labels<T>, lang: Lang): string[] {
  return (Object.keys(labels) as T[]).map((k) => labels[k][lang]);
}

/** The inputs query's columns the demo measures use (its first column is always company_id). */
export const INPUT_COLUMNS = ['company_id', 'active_users_30d', 'invoices_30d', 'days_since_login', 'overdue_invoices'];

/**
 * The demo defaults. `column` / `divideBy` name Customers columns by key here; setup writes
 * the header the Customers tab really shows.
 */
export function defaultConfig(lang: Lang): HealthConfig {
  const m = (
    en: string,
    ja: string,
    rest: Omit<HealthMeasure, 'name' | 'divideBy' | 'value'> & Partial<Pick<HealthMeasure, 'divideBy' | 'value'>>,
  ): HealthMeasure => ({ name: lang === 'ja' ? ja : en, divideBy: '', value: 'number', ...rest });
  return {
    measures: [
      m('Seat usage', '席の利用率', {
        source: 'inputs',
        column: 'active_users_30d',
        divideBy: 'seats',
        direction: 'higher',
        red: 0.3,
        green: 0.8,
        weight: 25,
        missing: 'worst',
      }),
      m('Activity', 'アクティビティ', {
        source: 'inputs',
        column: 'invoices_30d',
        direction: 'higher',
        red: 2,
        green: 20,
        weight: 15,
        missing: 'neutral',
      }),
      m('Recency', '最終ログイン', {
        source: 'inputs',
        column: 'days_since_login',
        direction: 'lower',
        red: 30,
        green: 3,
        weight: 20,
        missing: 'worst',
      }),
      m('Payment health', '支払い状況', {
        source: 'inputs',
        column: 'overdue_invoices',
        direction: 'lower',
        red: 3,
        green: 0,
        weight: 20,
        missing: 'neutral',
      }),
      m('Sentiment', '満足度', {
        source: 'customers',
        column: 'sentiment',
        direction: 'higher',
        red: 2,
        green: 4,
        weight: 10,
        missing: 'exclude',
      }),
      m('Renewal proximity', '更新までの期間', {
        source: 'customers',
        column: 'contract_end',
        value: 'days-until',
        direction: 'higher',
        red: 30,
        green: 180,
        weight: 10,
        missing: 'exclude',
      }),
    ],
    bands: defaultBands(lang),
  };
}

export function defaultBands(lang: Lang): HealthBand[] {
  return lang === 'ja'
    ? [
        { name: '赤', from: 0 },
        { name: '黄', from: 50 },
        { name: '緑', from: 75 },
      ]
    : [
        { name: 'Red', from: 0 },
        { name: 'Yellow', from: 50 },
        { name: 'Green', from: 75 },
      ];
}
