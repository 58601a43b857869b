/**
 * The health formulas use only the functions Google Sheets and HyperFormula evaluate alike,
 * refer to single columns (no wide ranges), never put a double quote inside a text literal,
 * and follow Customers rows by ROW() rather than by a cell reference.
 */
import {
  bandCountFormula,
  checkFormula,
  effectiveFormula,
  type FormulaContext,
  healthParamRows,
  healthRowFormulas,
} from '../../../src/core/health/formulas';
import { HEALTH_FIRST_ROW, HEALTH_ROW_OFFSET } from '../../../src/core/health/layout';
import { defaultConfig } from '../../../src/core/health/model';

const ALLOWED = new Set([
  'IF',
  'IFERROR',
  'ISNUMBER',
  'ISNA',
  'AND',
  'OR',
  'NOT',
  'INDEX',
  'MATCH',
  'COUNT',
  'COUNTIF',
  'SUMIF',
  'SUMPRODUCT',
  'ROUND',
  'MAX',
  'MIN',
  'ROW',
  'TODAY',
  'HYPERLINK',
]);

function context(lang: 'en' | 'ja'): FormulaContext {
  return {
    lang,
    tabs: {
      customers: "Sales' customers",
      config: 'Health config',
      inputs: 'Health inputs',
      overrides: 'Health overrides',
      history: 'Health history',
    },
    customerColumns: { id: 'A', name: 'B', csOwner: 'I' },
    customersSheetId: 42,
    bandCount: 3,
    measures: defaultConfig(lang).measures.map((m, i) => ({ ...m, at: i + 1, divideAt: m.divideBy ? 6 : null })),
  };
}

/** The formula without its text literals. */
const code = (f: string) => f.replace(/"[^"]*"/g, '""');

describe.each(['en', 'ja'] as const)('the formulas (%s)', (lang) => {
  const ctx = context(lang);
  const all = [
    ...healthRowFormulas(ctx, HEALTH_FIRST_ROW),
    ...healthParamRows(ctx)
      .flat()
      .filter((f) => f.startsWith('=')),
    effectiveFormula(lang, 6),
    checkFormula(lang, 6),
    bandCountFormula(ctx, 0, 'Health'),
  ];

  it('call only functions both engines evaluate alike', () => {
    const used = new Set(all.flatMap((f) => [...code(f).matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1])));
    expect([...used].filter((fn) => !ALLOWED.has(fn))).toEqual([]);
  });

  it('hold no double quote inside a text literal and balanced parentheses', () => {
    for (const f of all) {
      expect(f).not.toMatch(/[^=(,&]""[^,)&]/);
      const c = code(f);
      expect(c.split('(').length).toBe(c.split(')').length);
    }
  });

  it('refer to single columns, and to Customers rows by ROW()', () => {
    for (const f of all) {
      for (const m of code(f).matchAll(/\$?([A-Z]+)\$?\d*:\$?([A-Z]+)\$?\d*/g)) {
        if (/\d/.test(m[0])) continue; // a bounded range such as $I$6:$I$25 or E9:J9
        expect(m[1]).toBe(m[2]);
      }
    }
    const row = healthRowFormulas(ctx, HEALTH_FIRST_ROW);
    expect(row[0]).toBe(
      `=IFERROR(IF(INDEX('Sales'' customers'!$A:$A,ROW()-${HEALTH_ROW_OFFSET})="","",INDEX('Sales'' customers'!$A:$A,ROW()-${HEALTH_ROW_OFFSET})),"")`,
    );
  });
});
