/**
 * Converting one raw cell (server text, or bytes for MySQL binary columns) into what each
 * JdbcResultSet getter returns, following pgjdbc and Connector/J 5.1: getString keeps the
 * server text (MySQL DATETIME gains ".0"), numeric getters truncate and give 0 for NULL,
 * dates are read in the given zone or the emulated JVM default zone.
 */
import { AppsScriptException } from '../../core/errors';
import type { Cell, Engine } from './bridge';
import type { ColumnInfo } from './columns';
import { epochToWall, parseTemporal, wallToEpoch, type ParsedTemporal } from './time';
import { BigDecimalFake, JdbcDateFake, JdbcTimeFake, JdbcTimestampFake } from './values';

export interface ConvertContext {
  engine: Engine;
  jvmZone: string;
}

const utf8 = new TextDecoder();
const utf8Encoder = new TextEncoder();

export function cellText(cell: Cell): string | null {
  if (cell === null) return null;
  return typeof cell === 'string' ? cell : utf8.decode(cell);
}

export function getString(cell: Cell, col: ColumnInfo): string | null {
  if (cell === null) return null;
  if (typeof cell !== 'string') return utf8.decode(cell);
  if (col.kind === 'mysqlDatetime' && cell.indexOf('.') < 0) return `${cell}.0`;
  return cell;
}

function badValue(ctx: ConvertContext, javaType: string, getter: string, text: string): AppsScriptException {
  return new AppsScriptException(
    ctx.engine === 'mysql' ? `Invalid value for ${getter}() - '${text}'` : `Bad value for type ${javaType} : ${text}`,
  );
}

function numericText(cell: Cell, col: ColumnInfo): string {
  const text = cellText(cell)!.trim();
  if (col.kind === 'bool') return text === 't' || text === 'true' ? '1' : text === 'f' || text === 'false' ? '0' : text;
  return text;
}

const INT_RANGES: Record<string, [number, number, string, string]> = {
  getInt: [-2147483648, 2147483647, 'int', 'getInt'],
  getShort: [-32768, 32767, 'short', 'getShort'],
  getByte: [-128, 127, 'byte', 'getByte'],
};

export function getIntegral(
  cell: Cell,
  col: ColumnInfo,
  ctx: ConvertContext,
  getter: 'getInt' | 'getShort' | 'getByte' | 'getLong',
): number {
  if (cell === null) return 0;
  const text = numericText(cell, col);
  if (getter === 'getLong') {
    if (/^[+-]?\d+$/.test(text)) {
      const big = BigInt(text);
      if (big > 9223372036854775807n || big < -9223372036854775808n) throw badValue(ctx, 'long', 'getLong', text);
      return Number(big);
    }
    const n = Number(text);
    if (text === '' || !Number.isFinite(n)) throw badValue(ctx, 'long', 'getLong', text);
    return Math.trunc(n);
  }
  const [min, max, javaType] = INT_RANGES[getter];
  const n = Number(text);
  if (text === '' || !Number.isFinite(n)) throw badValue(ctx, javaType, getter, text);
  const t = Math.trunc(n);
  if (t < min || t > max) {
    if (ctx.engine === 'mysql')
      throw new AppsScriptException(
        `Value '${text}' is outside of valid range for type java.lang.${javaType === 'int' ? 'Integer' : javaType === 'short' ? 'Short' : 'Byte'}`,
      );
    throw badValue(ctx, javaType, getter, text);
  }
  return t === 0 ? 0 : t;
}

export function getDouble(cell: Cell, col: ColumnInfo, ctx: ConvertContext, getter: 'getDouble' | 'getFloat'): number {
  if (cell === null) return 0;
  const text = numericText(cell, col);
  const n = text === 'NaN' ? NaN : text === 'Infinity' ? Infinity : text === '-Infinity' ? -Infinity : Number(text);
  if (text === '' || (Number.isNaN(n) && text !== 'NaN'))
    throw badValue(ctx, getter === 'getDouble' ? 'double' : 'float', getter, text);
  return getter === 'getFloat' ? Math.fround(n) : n;
}

export function getBigDecimal(cell: Cell, col: ColumnInfo, ctx: ConvertContext): BigDecimalFake | null {
  if (cell === null) return null;
  const text = numericText(cell, col);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) throw badValue(ctx, 'BigDecimal', 'getBigDecimal', text);
  return new BigDecimalFake(text.replace(/^\+/, ''));
}

const TRUE_TEXTS = new Set(['1', 'true', 't', 'yes', 'y', 'on']);
const FALSE_TEXTS = new Set(['0', 'false', 'f', 'no', 'n', 'off']);

export function getBoolean(cell: Cell, col: ColumnInfo, ctx: ConvertContext): boolean {
  if (cell === null) return false;
  if (typeof cell !== 'string' && col.kind === 'bytes' && col.typeName === 'BIT') return cell.some((b) => b !== 0);
  const text = cellText(cell)!.trim().toLowerCase();
  if (TRUE_TEXTS.has(text)) return true;
  if (FALSE_TEXTS.has(text)) return false;
  const n = Number(text);
  if (text !== '' && Number.isFinite(n))
    return ctx.engine === 'mysql'
      ? n !== 0
      : n === 1
        ? true
        : (() => {
            throw new AppsScriptException(`Cannot cast to boolean: "${cellText(cell)}"`);
          })();
  if (ctx.engine === 'mysql') return false;
  throw new AppsScriptException(`Cannot cast to boolean: "${cellText(cell)}"`);
}

export function getBytes(cell: Cell, col: ColumnInfo): number[] | null {
  if (cell === null) return null;
  let bytes: Uint8Array;
  if (typeof cell !== 'string') bytes = cell;
  else if (col.typeName === 'bytea' && cell.startsWith('\\x'))
    bytes = Uint8Array.from(Buffer.from(cell.slice(2), 'hex'));
  else bytes = utf8Encoder.encode(cell);
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

function parsed(cell: Cell, col: ColumnInfo, ctx: ConvertContext, javaType: string): ParsedTemporal {
  const text = cellText(cell)!;
  const p = parseTemporal(col.kind === 'year' ? `${text}-01-01` : text);
  if (!p) {
    throw new AppsScriptException(
      ctx.engine === 'mysql'
        ? `Value '${text}' can not be represented as java.sql.${javaType}`
        : `Bad value for type ${javaType.toLowerCase()} : ${text}`,
    );
  }
  if (ctx.engine === 'mysql' && /^0000-00-00/.test(text))
    throw new AppsScriptException(`Value '${text}' can not be represented as java.sql.${javaType}`);
  return p;
}

/** Epoch ms of a temporal cell read in `zone` (a text offset, when present, wins). */
function instant(p: ParsedTemporal, zone: string): number {
  if (p.offsetMs !== undefined) {
    const w = p.wall;
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millis) - p.offsetMs;
  }
  return wallToEpoch(p.wall, zone);
}

export function getTimestamp(
  cell: Cell,
  col: ColumnInfo,
  ctx: ConvertContext,
  zone?: string,
): JdbcTimestampFake | null {
  if (cell === null) return null;
  const p = parsed(cell, col, ctx, 'Timestamp');
  if (col.kind === 'time') p.wall = { ...p.wall, year: 1970, month: 1, day: 1 };
  return new JdbcTimestampFake(instant(p, zone ?? ctx.jvmZone), ctx.jvmZone, p.nanos);
}

export function getDate(cell: Cell, col: ColumnInfo, ctx: ConvertContext, zone?: string): JdbcDateFake | null {
  if (cell === null) return null;
  const p = parsed(cell, col, ctx, 'Date');
  const z = zone ?? ctx.jvmZone;
  const w = p.offsetMs !== undefined ? epochToWall(instant(p, z), z) : p.wall;
  return new JdbcDateFake(wallToEpoch({ ...w, hour: 0, minute: 0, second: 0, millis: 0 }, z), ctx.jvmZone);
}

export function getTime(cell: Cell, col: ColumnInfo, ctx: ConvertContext, zone?: string): JdbcTimeFake | null {
  if (cell === null) return null;
  const p = parsed(cell, col, ctx, 'Time');
  const z = zone ?? ctx.jvmZone;
  const w = p.offsetMs !== undefined && col.kind !== 'time' ? epochToWall(instant(p, z), z) : p.wall;
  if (col.kind === 'time' && p.offsetMs !== undefined) {
    const ms = Date.UTC(1970, 0, 1, w.hour, w.minute, w.second, w.millis) - p.offsetMs;
    return new JdbcTimeFake(ms, ctx.jvmZone);
  }
  return new JdbcTimeFake(wallToEpoch({ ...w, year: 1970, month: 1, day: 1 }, z), ctx.jvmZone);
}

export function getObject(cell: Cell, col: ColumnInfo, ctx: ConvertContext): unknown {
  if (cell === null) return null;
  switch (col.kind) {
    case 'int':
      if (ctx.engine === 'mysql' && col.typeName === 'BIT') return getBoolean(cell, col, ctx);
      return getIntegral(cell, col, ctx, 'getLong');
    case 'float':
      return getDouble(cell, col, ctx, 'getDouble');
    case 'decimal':
      return getBigDecimal(cell, col, ctx);
    case 'bool':
      return getBoolean(cell, col, ctx);
    case 'bytes':
      return col.typeName === 'BIT' ? getBoolean(cell, col, ctx) : getBytes(cell, col);
    case 'date':
    case 'year':
      return getDate(cell, col, ctx);
    case 'time':
      return getTime(cell, col, ctx);
    case 'timestamp':
    case 'timestamptz':
    case 'mysqlDatetime':
      return getTimestamp(cell, col, ctx);
    default:
      return getString(cell, col);
  }
}
