/**
 * Display strings (getDisplayValues) for a computed cell value and its number format: the
 * common patterns only ("0", "0.00", "#,##0.00", "0%", date/time patterns, elapsed time
 * "[h]:mm:ss", "@").
 */
import { isDateFormat, PLAIN_TEXT } from './cells';
import { serialToParts } from './time';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function formatDate(serial: number, format: string): string {
  // An elapsed time ("[h]:mm:ss") shows a duration: its minutes and seconds are those of the
  // absolute duration (so -12:30:15 is "-12:30:15"), cut to the second as every other part is.
  const elapsedMs = /\[[hms]+\]/.test(format) ? Math.round(Math.abs(serial) * 86_400_000) : null;
  const p = serialToParts(serial);
  if (elapsedMs !== null) {
    p.h = Math.floor(elapsedMs / 3_600_000) % 24;
    p.mi = Math.floor(elapsedMs / 60_000) % 60;
    p.s = Math.floor(elapsedMs / 1000) % 60;
  }
  const tokens =
    format.match(/"[^"]*"|\[h+\]|\[m+\]|\[s+\]|yyyy|yy|MMMM|MMM|MM|M|mm|m|dd|d|HH|H|hh|h|ss|s|am\/pm|AM\/PM|./g) ?? [];
  let out = '';
  let lastWasHour = false;
  const hasAmPm = /am\/pm/i.test(format);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const nextIsSeconds =
      tokens
        .slice(i + 1)
        .find((x) => /^[a-zA-Z]/.test(x))
        ?.toLowerCase()
        .startsWith('s') ?? false;
    const elapsed = /^\[([hms])+\]$/.exec(t);
    if (elapsed) {
      // Elapsed time ("[h]:mm:ss"): whole hours (or minutes, seconds) since zero, past 24.
      const unitMs = (elapsed[1] === 'h' ? 3600 : elapsed[1] === 'm' ? 60 : 1) * 1000;
      out += (serial < 0 ? '-' : '') + pad(Math.floor((elapsedMs ?? 0) / unitMs), t.length - 2);
      lastWasHour = elapsed[1] === 'h';
      continue;
    }
    switch (t) {
      case 'yyyy':
        out += pad(p.y, 4);
        break;
      case 'yy':
        out += pad(p.y % 100, 2);
        break;
      case 'MM':
        out += pad(p.mo, 2);
        break;
      case 'M':
        out += String(p.mo);
        break;
      case 'mm':
      case 'm':
        if (lastWasHour || nextIsSeconds) out += t === 'mm' ? pad(p.mi, 2) : String(p.mi);
        else out += t === 'mm' ? pad(p.mo, 2) : String(p.mo);
        break;
      case 'dd':
        out += pad(p.d, 2);
        break;
      case 'd':
        out += String(p.d);
        break;
      case 'HH':
      case 'hh':
        out += pad(hasAmPm ? ((p.h + 11) % 12) + 1 : p.h, 2);
        break;
      case 'H':
      case 'h':
        out += String(hasAmPm ? ((p.h + 11) % 12) + 1 : p.h);
        break;
      case 'ss':
        out += pad(p.s, 2);
        break;
      case 's':
        out += String(p.s);
        break;
      case 'am/pm':
        out += p.h < 12 ? 'am' : 'pm';
        break;
      case 'AM/PM':
        out += p.h < 12 ? 'AM' : 'PM';
        break;
      default:
        out += t.startsWith('"') ? t.slice(1, -1) : t;
    }
    if (/^[a-zA-Z]/.test(t)) lastWasHour = /^[hH]/.test(t);
  }
  return out;
}

function formatGeneral(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  if (Math.abs(n) >= 1e15 || (Math.abs(n) < 1e-9 && n !== 0))
    return n.toExponential().replace(/e\+?/, 'E+').replace('E+-', 'E-');
  return String(Number(n.toPrecision(15)));
}

function formatNumber(n: number, format: string): string {
  const percent = format.includes('%');
  const value = percent ? n * 100 : n;
  const m = /([#0,]+)(?:\.([0#]+))?/.exec(format);
  if (!m) return formatGeneral(n);
  const decimals = (m[2] ?? '').length;
  const required = (m[2] ?? '').replace(/#/g, '').length;
  let body = Math.abs(value).toFixed(decimals);
  if (decimals > required)
    body = body.replace(/0+$/, (z) => z.slice(0, Math.max(0, z.length - (decimals - required)))).replace(/\.$/, '');
  if (m[1].includes(',')) {
    const [int, frac] = body.split('.');
    body = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
  }
  const sign = value < 0 && Number(body.replace(/,/g, '')) !== 0 ? '-' : '';
  const prefix = format.slice(0, m.index).replace(/"/g, '');
  const suffix = format.slice(m.index + m[0].length).replace(/"/g, '');
  return sign + prefix + body + suffix;
}

/** The text Sheets shows for a computed value under a number format. */
export function displayOf(value: string | number | boolean | null, format: string | undefined): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (!format || format === PLAIN_TEXT || format === 'General' || format === '0.###############')
    return formatGeneral(value);
  if (isDateFormat(format)) return formatDate(value, format);
  return formatNumber(value, format);
}
