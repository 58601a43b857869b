/**
 * Where everything sits in the health tabs: the Customers columns (by key, with their headers
 * in both languages), the configuration tab's cells, the Health tab's parameter rows and
 * columns, the overrides and history tabs. Tabs are found by their tag, columns by header.
 */
import type { Lang } from '../i18n';

export const CUSTOMER_KEYS = [
  'company_id',
  'company',
  'plan',
  'contract_start',
  'contract_end',
  'contract_value',
  'seats',
  'sales_owner',
  'cs_owner',
  'status',
  'sentiment',
  'notes',
] as const;
export type CustomerKey = (typeof CUSTOMER_KEYS)[number];

const CUSTOMER_HEADERS: Record<CustomerKey, Record<Lang, string>> = {
  company_id: { en: 'Company ID', ja: '会社 ID' },
  company: { en: 'Company', ja: '会社名' },
  plan: { en: 'Plan', ja: 'プラン' },
  contract_start: { en: 'Contract start', ja: '契約開始日' },
  contract_end: { en: 'Contract end', ja: '契約終了日' },
  contract_value: { en: 'Contract value', ja: '契約金額' },
  seats: { en: 'Seats', ja: '席数' },
  sales_owner: { en: 'Sales owner', ja: '営業担当' },
  cs_owner: { en: 'CS owner', ja: 'CS 担当' },
  status: { en: 'Onboarding status', ja: '導入ステータス' },
  sentiment: { en: 'Sentiment (1-5)', ja: '満足度 (1-5)' },
  notes: { en: 'Notes', ja: 'メモ' },
};

/** Other headers an existing Customers tab may use for a key (an older demo tab's). */
const CUSTOMER_ALIASES: Partial<Record<CustomerKey, string[]>> = {
  status: ['stage', 'status', 'ステータス'],
  notes: ['memo'],
  company: ['company name', 'name'],
};

export function customerHeader(key: CustomerKey, lang: Lang): string {
  return CUSTOMER_HEADERS[key][lang];
}

export function customerLabels(key: CustomerKey): string[] {
  const h = CUSTOMER_HEADERS[key];
  return [key, h.en, h.ja, ...(CUSTOMER_ALIASES[key] ?? [])];
}

export const CUSTOMER_DATE_KEYS: CustomerKey[] = ['contract_start', 'contract_end'];
export const CUSTOMER_NUMBER_KEYS: CustomerKey[] = ['contract_value', 'seats'];
export const PLANS = ['Free', 'Starter', 'Business', 'Enterprise'];
export const STATUSES: Record<Lang, string[]> = {
  en: ['Trial', 'Onboarding', 'Active', 'Churn risk', 'Churned'],
  ja: ['トライアル', '導入中', '利用中', '解約リスク', '解約済み'],
};
export const SENTIMENTS = ['1', '2', '3', '4', '5'];

// --- the configuration tab ---
/** Row 1: "Overall bands" then one band name per column from B; row 2: each band's lowest score. */
export const CFG_BAND_NAME_ROW = 1;
export const CFG_BAND_FROM_ROW = 2;
/** B3 holds =TODAY(), the day "days until" measures and override expiries count from. */
export const CFG_TODAY_CELL = 'B3';
export const CFG_MEASURE_HEADER_ROW = 5;
export const CFG_FIRST_MEASURE_ROW = 6;
/** Measure rows the effective percentages and checks cover (more rows are fine: repair extends). */
export const CFG_MEASURE_SLOTS = 20;

export const CFG_COLUMNS = [
  'name',
  'source',
  'column',
  'divideBy',
  'value',
  'direction',
  'red',
  'green',
  'weight',
  'missing',
  'effective',
  'check',
] as const;
export type CfgColumn = (typeof CFG_COLUMNS)[number];

/** The column letter of a configuration column (A for name...). */
export function cfgLetter(column: CfgColumn): string {
  return columnLetter(CFG_COLUMNS.indexOf(column));
}

// --- the Health tab ---
/** Parameter rows under the header: each measure column's settings, read from the configuration. */
export const HEALTH_PARAMS = ['configRow', 'weight', 'red', 'green', 'ifMissing', 'columnNo', 'divideNo'] as const;
export type HealthParam = (typeof HEALTH_PARAMS)[number];
export const HEALTH_HEADER_ROW = 1;
export const HEALTH_FIRST_ROW = HEALTH_HEADER_ROW + HEALTH_PARAMS.length + 1;
export const CUSTOMERS_FIRST_ROW = 2;
/** Health row r shows Customers row r - HEALTH_ROW_OFFSET. */
export const HEALTH_ROW_OFFSET = HEALTH_FIRST_ROW - CUSTOMERS_FIRST_ROW;

export function paramRow(param: HealthParam): number {
  return HEALTH_HEADER_ROW + 1 + HEALTH_PARAMS.indexOf(param);
}

export const HEALTH_LEAD = ['company_id', 'company', 'check', 'cs_owner'] as const;
export const HEALTH_TAIL = [
  'computed',
  'override',
  'score',
  'band',
  'change',
  'override_reason',
  'override_expires',
  'link',
] as const;
export type HealthFixedColumn = (typeof HEALTH_LEAD)[number] | (typeof HEALTH_TAIL)[number];

/** Health rows kept ahead of the Customers rows, so rows sales type are scored at once. */
export const HEALTH_SPARE_ROWS = 200;

// --- overrides and history ---
export const OVERRIDE_KEYS = ['company_id', 'score', 'reason', 'expires'] as const;
export const HISTORY_KEYS = ['date', 'company_id', 'company', 'score', 'band', 'measures'] as const;
/** Most rows the history tab keeps (newest first); older snapshots are dropped. */
export const HISTORY_CAP = 20_000;
/** Days of band counts the dashboard keeps for its chart. */
export const DASHBOARD_DAYS_CAP = 400;

/** 0-based column index to its letter (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A sheet name as a formula reference prefix: 'Name'! */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}
