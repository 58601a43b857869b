/** SpreadsheetApp.RangeList (Sheet.getRangeList): several ranges of one sheet, edited together. */

interface RangeLike {
  clear(options?: unknown): unknown;
  clearContent(): unknown;
  clearFormat(): unknown;
  setValue(value: unknown): unknown;
  setFormula(formula: string): unknown;
  setNumberFormat(format: string): unknown;
  setBackground(color: string | null): unknown;
  setFontWeight(weight: string | null): unknown;
  setFontColor(color: string | null): unknown;
  getA1Notation(): string;
}

export class RangeListFake {
  static readonly appsScriptName = 'SpreadsheetApp.RangeList';
  constructor(private readonly _ranges: RangeLike[]) {}
  private each(fn: (r: RangeLike) => unknown): this {
    for (const r of this._ranges) fn(r);
    return this;
  }
  getRanges(): RangeLike[] {
    return this._ranges.slice();
  }
  clear(options?: unknown): this {
    return this.each((r) => r.clear(options));
  }
  clearContent(): this {
    return this.each((r) => r.clearContent());
  }
  clearFormat(): this {
    return this.each((r) => r.clearFormat());
  }
  setValue(value: unknown): this {
    return this.each((r) => r.setValue(value));
  }
  setFormula(formula: string): this {
    return this.each((r) => r.setFormula(formula));
  }
  setNumberFormat(format: string): this {
    return this.each((r) => r.setNumberFormat(format));
  }
  setBackground(color: string | null): this {
    return this.each((r) => r.setBackground(color));
  }
  setFontWeight(weight: string | null): this {
    return this.each((r) => r.setFontWeight(weight));
  }
  setFontColor(color: string | null): this {
    return this.each((r) => r.setFontColor(color));
  }
}
