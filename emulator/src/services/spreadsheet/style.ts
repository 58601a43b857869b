/**
 * Cell text style and alignment (font colour, size, family, style, line; horizontal and
 * vertical alignment; wrap), SpreadsheetApp.TextStyle, and SpreadsheetApp.newColor's Color.
 * Stored per cell in SheetModel.styles; absent keys read back as Sheets' defaults.
 */
import { AppsScriptException } from '../../core/errors';
import { enumValue, SPREADSHEET_ENUMS } from './enums';
import type { CellStyle } from './model';

export const STYLE_DEFAULTS = {
  fontColor: '#000000',
  fontFamily: 'Arial',
  fontSize: 10,
  fontStyle: 'normal',
  fontLine: 'none',
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
  wrapStrategy: 'OVERFLOW',
} as const;

export type StyleKey = keyof typeof STYLE_DEFAULTS;

/** The style with one key set (null/undefined or the default removes it); undefined when nothing is left. */
export function withStyle(style: CellStyle | undefined, key: StyleKey, value: unknown): CellStyle | undefined {
  const next: Record<string, string | number | boolean> = { ...(style ?? {}) };
  if (value === null || value === undefined || value === STYLE_DEFAULTS[key]) delete next[key];
  else next[key] = value as string | number;
  return Object.keys(next).length ? next : undefined;
}

export function styleOf(style: CellStyle | undefined, key: StyleKey): string | number {
  return (style?.[key] as string | number | undefined) ?? STYLE_DEFAULTS[key];
}

/** Horizontal alignments Range.setHorizontalAlignment accepts ("normal" resets). */
export function horizontal(value: unknown): string | null {
  if (value === null) return null;
  const v = String(value).toLowerCase();
  if (v === 'normal' || v === 'general') return null;
  if (!['left', 'center', 'right'].includes(v)) throw new AppsScriptException(`Invalid argument: ${String(value)}`);
  return v;
}

export function vertical(value: unknown): string | null {
  if (value === null) return null;
  const v = String(value).toLowerCase();
  if (!['top', 'middle', 'bottom'].includes(v)) throw new AppsScriptException(`Invalid argument: ${String(value)}`);
  return v;
}

export class TextStyleFake
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.TextStyle,
      'getFontFamily' | 'getFontSize' | 'isBold' | 'isItalic' | 'isStrikethrough' | 'isUnderline'
    >
{
  static readonly appsScriptName = 'SpreadsheetApp.TextStyle';
  constructor(
    private readonly _style: CellStyle | undefined,
    private readonly _bold: boolean,
  ) {}
  getFontFamily(): string {
    return String(styleOf(this._style, 'fontFamily'));
  }
  getFontSize(): number {
    return Number(styleOf(this._style, 'fontSize'));
  }
  getForegroundColor(): string {
    return String(styleOf(this._style, 'fontColor'));
  }
  isBold(): boolean {
    return this._bold;
  }
  isItalic(): boolean {
    return styleOf(this._style, 'fontStyle') === 'italic';
  }
  isStrikethrough(): boolean {
    return styleOf(this._style, 'fontLine') === 'line-through';
  }
  isUnderline(): boolean {
    return styleOf(this._style, 'fontLine') === 'underline';
  }
}

/** SpreadsheetApp.Color / RgbColor: an RGB colour as "#rrggbb". */
export class ColorFake {
  static readonly appsScriptName = 'SpreadsheetApp.Color';
  constructor(readonly _hex: string) {}
  getColorType(): unknown {
    return enumValue(SPREADSHEET_ENUMS.ColorType, 'RGB');
  }
  asRgbColor(): RgbColorFake {
    return new RgbColorFake(this._hex);
  }
}

export class RgbColorFake
  implements Pick<GoogleAppsScript.Base.RgbColor, 'asHexString' | 'getRed' | 'getGreen' | 'getBlue'>
{
  static readonly appsScriptName = 'SpreadsheetApp.RgbColor';
  constructor(readonly _hex: string) {}
  asHexString(): string {
    return this._hex;
  }
  getRed(): number {
    return Number.parseInt(this._hex.slice(1, 3), 16);
  }
  getGreen(): number {
    return Number.parseInt(this._hex.slice(3, 5), 16);
  }
  getBlue(): number {
    return Number.parseInt(this._hex.slice(5, 7), 16);
  }
  getColorType(): unknown {
    return enumValue(SPREADSHEET_ENUMS.ColorType, 'RGB');
  }
}

/** SpreadsheetApp.newColor(): setRgbColor("#rrggbb" or CSS short form) then build(). */
export class ColorBuilderFake {
  static readonly appsScriptName = 'SpreadsheetApp.ColorBuilder';
  static readonly appsScriptSignatures = { setRgbColor: ['String'] };
  private hex: string | null = null;
  setRgbColor(cssString: string): this {
    const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(cssString).trim());
    if (!m) throw new AppsScriptException(`Invalid argument: ${String(cssString)}`);
    const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
    this.hex = `#${h.toLowerCase()}`;
    return this;
  }
  getColorType(): unknown {
    return enumValue(SPREADSHEET_ENUMS.ColorType, this.hex ? 'RGB' : 'UNSUPPORTED');
  }
  asRgbColor(): RgbColorFake {
    if (!this.hex) throw new AppsScriptException('Object is not of type RgbColor.');
    return new RgbColorFake(this.hex);
  }
  build(): ColorFake {
    if (!this.hex) throw new AppsScriptException('Object is not of type RgbColor.');
    return new ColorFake(this.hex);
  }
}
