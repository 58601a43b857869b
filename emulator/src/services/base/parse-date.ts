/**
 * Utilities.parseDate: Java SimpleDateFormat parsing (lenient, English names) of the pattern
 * letters y, M, d, H, h, k, K, m, s, S, a, E, z, Z, X and quoted literals. Fields the text does
 * not give default to 1970-01-01 00:00:00.000 in the given zone; a zone or offset in the text
 * wins. Out-of-range values roll over (lenient), trailing text is ignored, as in Java.
 */
import { AppsScriptException } from '../../core/errors';
import { wallToInstant } from '../../core/time-zone';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

interface Token {
  letter: string;
  count: number;
  literal?: string;
}

function tokenize(pattern: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      const text = end < 0 ? pattern.slice(i + 1) : pattern.slice(i + 1, end);
      out.push({ letter: '', count: 0, literal: text === '' ? "'" : text });
      i = end < 0 ? pattern.length : end + 1;
    } else if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (pattern[j] === ch) j++;
      out.push({ letter: ch, count: j - i });
      i = j;
    } else {
      out.push({ letter: '', count: 0, literal: ch });
      i++;
    }
  }
  return out;
}

const NUMERIC = new Set(['y', 'M', 'd', 'H', 'h', 'k', 'K', 'm', 's', 'S']);

function unparseable(text: string): AppsScriptException {
  return new AppsScriptException(`Unparseable date: "${text}"`);
}

/** Parses `text` with a SimpleDateFormat `pattern` in `zone`; returns the instant in ms. */
export function parseDate(text: string, zone: string, pattern: string): number {
  const tokens = tokenize(pattern);
  const f = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, ms: 0, pm: null as boolean | null };
  let hour12 = false;
  let offsetMs: number | null = null;
  let pos = 0;
  tokens.forEach((t, i) => {
    if (t.literal !== undefined) {
      if (!text.startsWith(t.literal, pos)) throw unparseable(text);
      pos += t.literal.length;
      return;
    }
    const rest = text.slice(pos);
    if (NUMERIC.has(t.letter) && !(t.letter === 'M' && t.count >= 3)) {
      // Adjacent numeric fields take exactly their width; otherwise as many digits as there are.
      const next = tokens[i + 1];
      const fixed = next && next.literal === undefined && NUMERIC.has(next.letter);
      const m = (fixed ? new RegExp(`^[+-]?\\d{1,${t.count}}`) : /^[+-]?\d+/).exec(rest);
      if (!m) throw unparseable(text);
      pos += m[0].length;
      let n = Number(m[0]);
      switch (t.letter) {
        case 'y':
          if (t.count <= 2 && m[0].length <= 2) n += n < 50 ? 2000 : 1900;
          f.year = n;
          break;
        case 'M':
          f.month = n;
          break;
        case 'd':
          f.day = n;
          break;
        case 'H':
          f.hour = n;
          break;
        case 'k':
          f.hour = n === 24 ? 0 : n;
          break;
        case 'h':
          f.hour = n === 12 ? 0 : n;
          hour12 = true;
          break;
        case 'K':
          f.hour = n;
          hour12 = true;
          break;
        case 'm':
          f.minute = n;
          break;
        case 's':
          f.second = n;
          break;
        case 'S':
          f.ms = n;
          break;
      }
      return;
    }
    if (t.letter === 'M') {
      const lower = rest.toLowerCase();
      const idx = MONTHS.findIndex(
        (name) => lower.startsWith(name) || (lower.startsWith(name.slice(0, 3)) && t.count === 3),
      );
      if (idx < 0) throw unparseable(text);
      f.month = idx + 1;
      pos += lower.startsWith(MONTHS[idx]) ? MONTHS[idx].length : 3;
      return;
    }
    if (t.letter === 'E') {
      const m = /^[A-Za-z]+/.exec(rest);
      if (!m) throw unparseable(text);
      pos += m[0].length;
      return;
    }
    if (t.letter === 'a') {
      const m = /^(am|pm)/i.exec(rest);
      if (!m) throw unparseable(text);
      f.pm = m[0].toLowerCase() === 'pm';
      pos += 2;
      return;
    }
    if (t.letter === 'z' || t.letter === 'Z' || t.letter === 'X') {
      const m = /^(?:Z(?![A-Za-z])|(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?|GMT|UTC)/.exec(rest);
      if (!m) throw unparseable(text);
      pos += m[0].length;
      offsetMs = m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60_000 : 0;
      return;
    }
    throw new AppsScriptException(`Illegal pattern character '${t.letter}'`);
  });
  if (hour12 && f.pm) f.hour += 12;
  const wall = new Date(Date.UTC(2000, f.month - 1, f.day, f.hour, f.minute, f.second, f.ms));
  wall.setUTCFullYear(f.year + (wall.getUTCFullYear() - 2000));
  const wallMs = wall.getTime();
  return offsetMs === null ? wallToInstant(wallMs, zone) : wallMs - offsetMs;
}
