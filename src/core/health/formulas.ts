/**
 * The plain sheet formulas of the Health, configuration and dashboard tabs. Health row r shows
 * Customers row r - HEALTH_ROW_OFFSET through INDEX(column, ROW() - offset), so a row sales
 * insert, delete or sort is followed at once (a cell reference would move with the old row).
 * Each measure column reads its settings from the configuration tab by its header (the
 * measure's name) into the parameter rows under the header; data cells refer to those. Only
 * functions Google Sheets and HyperFormula evaluate alike: IF, IFERROR, ISNUMBER, ISNA, AND, OR,
 * NOT, INDEX, MATCH, COUNT, COUNTIF, SUMIF, SUMPRODUCT, ROUND, MAX, MIN, ROW, TODAY, HYPERLINK.
 * Every failure ends in a readable marker (markers.ts), never an error value.
 */
import { type Lang, type MessageKey, translate } from '../i18n';
import {
  CFG_BAND_FROM_ROW,
  CFG_BAND_NAME_ROW,
  CFG_FIRST_MEASURE_ROW,
  CFG_MEASURE_SLOTS,
  CFG_TODAY_CELL,
  cfgLetter,
  columnLetter,
  HEALTH_LEAD,
  HEALTH_PARAMS,
  HEALTH_ROW_OFFSET,
  HEALTH_TAIL,
  type HealthFixedColumn,
  type HealthParam,
  paramRow,
  sheetRef,
} from './layout';
import { DIRECTION_LABELS, type HealthMeasure, MISSING_LABELS, NEUTRAL_SCORE } from './model';
import { EXCLUDED, marker, OK_MARK } from './markers';

export interface HealthTabs {
  customers: string;
  config: string;
  inputs: string;
  overrides: string;
  history: string;
}

export interface FormulaContext {
  lang: Lang;
  tabs: HealthTabs;
  /** Column letters in Customers of the columns the Health tab shows. */
  customerColumns: { id: string; name: string; csOwner: string };
  customersSheetId: number;
  bandCount: number;
  measures: ResolvedMeasure[];
}

/**
 * A measure's shape and where its columns were found at setup (0-based, null: not found).
 * Formulas refer to single columns (a wide range such as A:ZZ makes HyperFormula crawl); the
 * parameter rows check by header that the column is still the one named in the configuration.
 */
export interface ResolvedMeasure extends Pick<HealthMeasure, 'name' | 'source' | 'divideBy' | 'value'> {
  at: number | null;
  divideAt: number | null;
}

/** A text as a formula literal. */
export function lit(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The Health tab's columns, in order: the lead columns, one per measure, the tail. */
export function healthColumns(measureCount: number): ({ fixed: HealthFixedColumn } | { measure: number })[] {
  return [
    ...HEALTH_LEAD.map((fixed) => ({ fixed })),
    ...Array.from({ length: measureCount }, (_, measure) => ({ measure })),
    ...HEALTH_TAIL.map((fixed) => ({ fixed })),
  ];
}

/** Letter of a fixed column of the Health tab. */
export function fixedLetter(column: HealthFixedColumn, measureCount: number): string {
  const lead = (HEALTH_LEAD as readonly string[]).indexOf(column);
  if (lead >= 0) return columnLetter(lead);
  return columnLetter(HEALTH_LEAD.length + measureCount + (HEALTH_TAIL as readonly string[]).indexOf(column));
}

export function measureLetter(index: number): string {
  return columnLetter(HEALTH_LEAD.length + index);
}

export function healthHeader(lang: Lang, measureNames: readonly string[]): string[] {
  return healthColumns(measureNames.length).map((c) =>
    'fixed' in c ? translate(lang, `health.col.${c.fixed}` as MessageKey) : measureNames[c.measure],
  );
}

const either = (cell: string, labels: Record<Lang, string>) =>
  `OR(${cell}=${lit(labels.en)},${cell}=${lit(labels.ja)})`;

/** Parameter row `param` of measure column `x`: the setting read from the configuration tab. */
export function paramFormula(ctx: FormulaContext, param: HealthParam, index: number): string {
  const x = measureLetter(index);
  const m = ctx.measures[index];
  const cfg = sheetRef(ctx.tabs.config);
  const row = `${x}$${paramRow('configRow')}`;
  const at = (col: Parameters<typeof cfgLetter>[0]) => `INDEX(${cfg}$${cfgLetter(col)}:$${cfgLetter(col)},${row})`;
  const guard = (body: string) => `=IF(ISNUMBER(${row}),${body},"")`;
  const numeric = (col: 'red' | 'green' | 'weight', mark: string, min = false) =>
    guard(`IF(AND(ISNUMBER(${at(col)})${min ? `,${at(col)}>=0` : ''}),${at(col)},${lit(mark)})`);
  const L = ctx.lang;
  switch (param) {
    case 'configRow':
      return `=IFERROR(MATCH(${x}$1,${cfg}$A:$A,0),${lit(marker(L, 'notInConfig'))})`;
    case 'weight':
      return numeric('weight', marker(L, 'weightNotNumber'), true);
    case 'red':
      return numeric('red', marker(L, 'edgeNotNumber'));
    case 'green':
      return numeric('green', marker(L, 'edgeNotNumber'));
    case 'ifMissing': {
      const v = at('missing');
      return guard(
        `IF(${either(v, MISSING_LABELS.worst)},0,IF(${either(v, MISSING_LABELS.neutral)},${NEUTRAL_SCORE},` +
          `IF(${either(v, MISSING_LABELS.exclude)},${lit(EXCLUDED)},${lit(marker(L, 'missingRule'))})))`,
      );
    }
    case 'columnNo':
      return columnCheck(L, guard, at('column'), m.source === 'inputs' ? ctx.tabs.inputs : ctx.tabs.customers, m.at);
    case 'divideNo':
      if (!m.divideBy) return '';
      return columnCheck(L, guard, at('divideBy'), ctx.tabs.customers, m.divideAt);
  }
}

/** The 1-based column found at setup while the header named in the configuration is still there. */
function columnCheck(L: Lang, guard: (body: string) => string, name: string, tab: string, at: number | null): string {
  if (at === null) return guard(lit(marker(L, 'noColumn')));
  const n = at + 1;
  return guard(`IF(IFERROR(MATCH(${name},${sheetRef(tab)}$1:$1,0),0)=${n},${n},${lit(marker(L, 'columnMoved'))})`);
}

/** Labels of the parameter rows (column A). */
export function paramLabels(lang: Lang): string[] {
  return HEALTH_PARAMS.map((p) => translate(lang, `health.param.${p}` as MessageKey));
}

function customersCell(ctx: FormulaContext, letter: string): string {
  const ref = `INDEX(${sheetRef(ctx.tabs.customers)}$${letter}:$${letter},ROW()-${HEALTH_ROW_OFFSET})`;
  return `IFERROR(IF(${ref}="","",${ref}),"")`;
}

/** The formula of one measure's score in Health row `r`. */
export function measureFormula(ctx: FormulaContext, index: number, r: number): string {
  const x = measureLetter(index);
  const m = ctx.measures[index];
  const p = (param: HealthParam) => `${x}$${paramRow(param)}`;
  const cus = sheetRef(ctx.tabs.customers);
  const col = (at: number | null) => {
    const l = columnLetter(at ?? 0);
    return `$${l}:$${l}`;
  };
  const inp = sheetRef(ctx.tabs.inputs);
  const value =
    m.source === 'inputs'
      ? `IFERROR(INDEX(${inp}${col(m.at)},MATCH($A${r},${inp}$A:$A,0)),"")`
      : `IFERROR(INDEX(${cus}${col(m.at)},ROW()-${HEALTH_ROW_OFFSET}),"")`;
  const L = ctx.lang;
  const score = (v: string) =>
    `IFERROR(ROUND(100*MAX(0,MIN(1,(${v}-${p('red')})/(${p('green')}-${p('red')}))),1),${lit(marker(L, 'edges'))})`;
  const notNumber = lit(marker(L, m.value === 'days-until' ? 'notDate' : 'notNumber'));
  let scored: string;
  const settings = [p('weight'), p('red'), p('green'), p('columnNo')];
  if (m.divideBy) {
    settings.push(p('divideNo'));
    const d = `IFERROR(INDEX(${cus}${col(m.divideAt)},ROW()-${HEALTH_ROW_OFFSET}),"")`;
    scored = `IF(${d}="",${p('ifMissing')},IF(NOT(ISNUMBER(${d})),${lit(marker(L, 'notNumber'))},IF(${d}=0,${p('ifMissing')},${score(`${value}/${d}`)})))`;
  } else if (m.value === 'days-until') {
    scored = score(`(${value}-${sheetRef(ctx.tabs.config)}$${CFG_TODAY_CELL.replace(/(\d+)/, '$$$1')})`);
  } else {
    scored = score(value);
  }
  return (
    `=IF(AND($A${r}="",$B${r}=""),"",IF(COUNT(${settings.join(',')})<${settings.length},${lit(marker(L, 'settings'))},` +
    `IF(${value}="",${p('ifMissing')},IF(NOT(ISNUMBER(${value})),${notNumber},${scored}))))`
  );
}

/** The formula of a fixed column in Health row `r`. */
export function fixedFormula(ctx: FormulaContext, column: HealthFixedColumn, r: number): string {
  const n = ctx.measures.length;
  const L = ctx.lang;
  const f = (c: HealthFixedColumn) => `${fixedLetter(c, n)}${r}`;
  const empty = `AND($A${r}="",$B${r}="")`;
  const cus = sheetRef(ctx.tabs.customers);
  const inp = sheetRef(ctx.tabs.inputs);
  const ov = sheetRef(ctx.tabs.overrides);
  const cfg = sheetRef(ctx.tabs.config);
  const today = `${cfg}$${CFG_TODAY_CELL.replace(/(\d+)/, '$$$1')}`;
  const ovRow = `MATCH($A${r},${ov}$A:$A,0)`;
  const ovAt = (letter: string) => `INDEX(${ov}$${letter}:$${letter},${ovRow})`;
  const first = measureLetter(0);
  const last = measureLetter(Math.max(0, n - 1));
  const scores = `${first}${r}:${last}${r}`;
  const weights = `${first}$${paramRow('weight')}:${last}$${paramRow('weight')}`;
  const id = ctx.customerColumns.id;
  switch (column) {
    case 'company_id':
      return `=${customersCell(ctx, id)}`;
    case 'company':
      return `=${customersCell(ctx, ctx.customerColumns.name)}`;
    case 'cs_owner':
      return `=${customersCell(ctx, ctx.customerColumns.csOwner)}`;
    case 'check':
      return (
        `=IF(${empty},"",IF($A${r}="",${lit(marker(L, 'noId'))},IF(COUNTIF(${cus}$${id}:$${id},$A${r})>1,` +
        `${lit(marker(L, 'duplicateId'))},IF(ISNA(MATCH($A${r},${inp}$A:$A,0)),${lit(marker(L, 'notInDatabase'))},""))))`
      );
    case 'computed':
      if (n === 0) return `=IF(${empty},"",${lit(marker(L, 'allWeightsZero'))})`;
      return (
        `=IF(${empty},"",IF(SUMIF(${scores},">=0",${weights})=0,${lit(marker(L, 'allWeightsZero'))},` +
        `ROUND(SUMPRODUCT(${scores},${weights})/SUMIF(${scores},">=0",${weights}),1)))`
      );
    case 'override':
      return `=IF($A${r}="","",IFERROR(IF(AND(ISNUMBER(${ovAt('B')}),OR(${ovAt('D')}="",${ovAt('D')}>=${today})),${ovAt('B')},""),""))`;
    case 'score':
      return `=IF(ISNUMBER(${f('override')}),${f('override')},${f('computed')})`;
    case 'band': {
      const end = columnLetter(Math.max(1, ctx.bandCount));
      const names = `${cfg}$B$${CFG_BAND_NAME_ROW}:$${end}$${CFG_BAND_NAME_ROW}`;
      const froms = `${cfg}$B$${CFG_BAND_FROM_ROW}:$${end}$${CFG_BAND_FROM_ROW}`;
      return `=IF(ISNUMBER(${f('score')}),IFERROR(INDEX(${names},1,MATCH(${f('score')},${froms},1)),${lit(marker(L, 'noBand'))}),"")`;
    }
    case 'change': {
      const his = sheetRef(ctx.tabs.history);
      return `=IF(ISNUMBER(${f('score')}),IFERROR(ROUND(${f('score')}-INDEX(${his}$D:$D,MATCH($A${r},${his}$B:$B,0)),1),""),"")`;
    }
    case 'override_reason':
      return `=IF($A${r}="","",IFERROR(IF(${ovAt('C')}="","",${ovAt('C')}),""))`;
    case 'override_expires':
      return `=IF($A${r}="","",IFERROR(IF(${ovAt('D')}="","",${ovAt('D')}),""))`;
    case 'link':
      return (
        `=IF(${empty},"",HYPERLINK("#gid=${ctx.customersSheetId}&range=A"&(ROW()-${HEALTH_ROW_OFFSET}),` +
        `${lit(translate(L, 'health.link'))}))`
      );
  }
}

/** Every formula of Health row `r`, in column order. */
export function healthRowFormulas(ctx: FormulaContext, r: number): string[] {
  return healthColumns(ctx.measures.length).map((c) =>
    'fixed' in c ? fixedFormula(ctx, c.fixed, r) : measureFormula(ctx, c.measure, r),
  );
}

/** The parameter rows (rows 2..): label in column A, a formula under each measure. */
export function healthParamRows(ctx: FormulaContext): string[][] {
  const labels = paramLabels(ctx.lang);
  return HEALTH_PARAMS.map((param, i) =>
    healthColumns(ctx.measures.length).map((c, col) =>
      'measure' in c ? paramFormula(ctx, param, c.measure) : col === 0 ? labels[i] : '',
    ),
  );
}

// --- the configuration tab ---

function measureRange(column: Parameters<typeof cfgLetter>[0]): string {
  const l = cfgLetter(column);
  return `$${l}$${CFG_FIRST_MEASURE_ROW}:$${l}$${CFG_FIRST_MEASURE_ROW + CFG_MEASURE_SLOTS - 1}`;
}

/** Effective percentage of the measure in configuration row `r` (formatted as a percentage). */
export function effectiveFormula(lang: Lang, r: number): string {
  const w = `${cfgLetter('weight')}${r}`;
  const total = `SUMIF(${measureRange('weight')},">=0")`;
  return `=IF($A${r}="","",IF(${total}=0,${lit(marker(lang, 'allWeightsZero'))},IF(AND(ISNUMBER(${w}),${w}>=0),${w}/${total},${lit(marker(lang, 'weightNotNumber'))})))`;
}

/** The live check of the measure in configuration row `r`: ✓ or what to fix. */
export function checkFormula(lang: Lang, r: number): string {
  const c = (col: Parameters<typeof cfgLetter>[0]) => `${cfgLetter(col)}${r}`;
  const red = c('red');
  const green = c('green');
  const dir = c('direction');
  return (
    `=IF($A${r}="","",IF(OR(NOT(ISNUMBER(${red})),NOT(ISNUMBER(${green}))),${lit(marker(lang, 'edgeNotNumber'))},` +
    `IF(${red}=${green},${lit(marker(lang, 'edges'))},` +
    `IF(OR(AND(${either(dir, DIRECTION_LABELS.higher)},${green}<${red}),AND(${either(dir, DIRECTION_LABELS.lower)},${green}>${red})),${lit(marker(lang, 'direction'))},` +
    `IF(NOT(AND(ISNUMBER(${c('weight')}),${c('weight')}>=0)),${lit(marker(lang, 'weightNotNumber'))},${lit(OK_MARK)})))))`
  );
}

/** The dashboard's count of customers in band column `bandColumn` (1-based, B = 1) of the configuration. */
export function bandCountFormula(ctx: FormulaContext, bandIndex: number, healthTab: string): string {
  const letter = columnLetter(1 + bandIndex);
  const band = fixedLetter('band', ctx.measures.length);
  const h = sheetRef(healthTab);
  return `=COUNTIF(${h}$${band}:$${band},${sheetRef(ctx.tabs.config)}$${letter}$${CFG_BAND_NAME_ROW})`;
}
