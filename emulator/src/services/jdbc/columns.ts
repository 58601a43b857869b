/**
 * Column descriptions as the Java drivers report them (pgjdbc for PostgreSQL/PGlite,
 * Connector/J 5.1 for MySQL/MariaDB): java.sql.Types code, database type name, Java class,
 * precision/scale, and the "kind" the result set uses to format and convert values.
 */

export type ValueKind =
  | 'int'
  | 'float'
  | 'decimal'
  | 'bool'
  | 'text'
  | 'bytes'
  | 'date'
  | 'time'
  | 'timestamp'
  | 'timestamptz'
  | 'mysqlDatetime'
  | 'year'
  | 'other';

export interface ColumnInfo {
  name: string;
  label: string;
  typeName: string;
  sqlType: number;
  className: string;
  precision: number;
  scale: number;
  /** Jdbc.ResultSetMetaData: 0 no nulls, 1 nullable, 2 unknown. */
  nullable: number;
  table: string;
  schema: string;
  catalog: string;
  displaySize: number;
  signed: boolean;
  autoIncrement: boolean;
  kind: ValueKind;
}

/** java.sql.Types */
export const T = {
  BIT: -7,
  TINYINT: -6,
  SMALLINT: 5,
  INTEGER: 4,
  BIGINT: -5,
  REAL: 7,
  FLOAT: 6,
  DOUBLE: 8,
  NUMERIC: 2,
  DECIMAL: 3,
  CHAR: 1,
  VARCHAR: 12,
  LONGVARCHAR: -1,
  DATE: 91,
  TIME: 92,
  TIMESTAMP: 93,
  BINARY: -2,
  VARBINARY: -3,
  LONGVARBINARY: -4,
  NULL: 0,
  OTHER: 1111,
  ARRAY: 2003,
  BOOLEAN: 16,
  SQLXML: 2009,
} as const;

/** Field description sent by the worker for a PostgreSQL (pg or PGlite) column. */
export interface PgFieldWire {
  name: string;
  typeOid: number;
  typeName: string;
  typeCategory: string;
  typeModifier: number;
  tableOid: number;
  columnNumber: number;
}

/** Field description sent by the worker for a MySQL/MariaDB column. */
export interface MysqlFieldWire {
  name: string;
  label: string;
  mysqlType: number;
  flags: number;
  charset: number;
  length: number;
  decimals: number;
  table: string;
  schema: string;
}

const PG_TYPES: Record<string, [number, string, ValueKind, number]> = {
  // typname: [java.sql.Types, class, kind, display size]
  bool: [T.BIT, 'java.lang.Boolean', 'bool', 1],
  bytea: [T.BINARY, '[B', 'bytes', 2147483647],
  char: [T.CHAR, 'java.lang.String', 'text', 1],
  name: [T.VARCHAR, 'java.lang.String', 'text', 2147483647],
  int8: [T.BIGINT, 'java.lang.Long', 'int', 20],
  int2: [T.SMALLINT, 'java.lang.Integer', 'int', 6],
  int4: [T.INTEGER, 'java.lang.Integer', 'int', 11],
  oid: [T.BIGINT, 'java.lang.Long', 'int', 10],
  text: [T.VARCHAR, 'java.lang.String', 'text', 2147483647],
  json: [T.OTHER, 'java.lang.String', 'text', 2147483647],
  jsonb: [T.OTHER, 'java.lang.String', 'text', 2147483647],
  xml: [T.SQLXML, 'java.sql.SQLXML', 'text', 2147483647],
  float4: [T.REAL, 'java.lang.Float', 'float', 15],
  float8: [T.DOUBLE, 'java.lang.Double', 'float', 25],
  money: [T.DOUBLE, 'java.lang.Double', 'other', 2147483647],
  bpchar: [T.CHAR, 'java.lang.String', 'text', 2147483647],
  varchar: [T.VARCHAR, 'java.lang.String', 'text', 2147483647],
  date: [T.DATE, 'java.sql.Date', 'date', 13],
  time: [T.TIME, 'java.sql.Time', 'time', 15],
  timetz: [T.TIME, 'java.sql.Time', 'time', 21],
  timestamp: [T.TIMESTAMP, 'java.sql.Timestamp', 'timestamp', 29],
  timestamptz: [T.TIMESTAMP, 'java.sql.Timestamp', 'timestamptz', 35],
  numeric: [T.NUMERIC, 'java.math.BigDecimal', 'decimal', 131089],
  uuid: [T.OTHER, 'java.util.UUID', 'text', 2147483647],
  unknown: [T.VARCHAR, 'java.lang.String', 'text', 2147483647],
};

export function pgColumn(f: PgFieldWire): ColumnInfo {
  const known = PG_TYPES[f.typeName];
  const [sqlType, className, kind, displaySize] =
    known ??
    (f.typeCategory === 'A'
      ? [T.ARRAY, 'java.sql.Array', 'other', 2147483647]
      : [T.OTHER, 'java.lang.Object', 'other', 2147483647]);
  let precision = 0;
  let scale = 0;
  if (f.typeName === 'numeric' && f.typeModifier >= 4) {
    precision = ((f.typeModifier - 4) >> 16) & 0xffff;
    scale = (f.typeModifier - 4) & 0xffff;
  } else if ((f.typeName === 'varchar' || f.typeName === 'bpchar') && f.typeModifier >= 4) {
    precision = f.typeModifier - 4;
  } else if (kind === 'int') {
    precision = { int2: 5, int4: 10, int8: 19, oid: 10 }[f.typeName as 'int2'] ?? 0;
  } else if (f.typeName === 'float4') precision = 8;
  else if (f.typeName === 'float8') precision = 17;
  else if (f.typeName === 'bool') precision = 1;
  else if (kind === 'text' || kind === 'bytes') precision = 2147483647;
  else if (kind === 'timestamp' || kind === 'timestamptz') {
    precision = displaySize;
    scale = 6;
  } else if (kind === 'date') precision = 13;
  return {
    name: f.name,
    label: f.name,
    typeName: f.typeName,
    sqlType,
    className,
    precision,
    scale,
    nullable: 2,
    table: '',
    schema: '',
    catalog: '',
    displaySize: f.typeName === 'varchar' && precision ? precision : displaySize,
    signed: kind === 'int' || kind === 'float' || kind === 'decimal',
    autoIncrement: false,
    kind,
  };
}

const NOT_NULL = 1;
const UNSIGNED = 32;
const AUTO_INCREMENT = 512;
const BINARY_CHARSET = 63;

export function mysqlColumn(f: MysqlFieldWire): ColumnInfo {
  const unsigned = (f.flags & UNSIGNED) !== 0;
  const binary = f.charset === BINARY_CHARSET;
  const u = unsigned ? ' UNSIGNED' : '';
  let info: [number, string, string, ValueKind];
  switch (f.mysqlType) {
    case 1:
      info =
        f.length === 1
          ? [T.BIT, 'BIT', 'java.lang.Boolean', 'int']
          : [T.TINYINT, `TINYINT${u}`, 'java.lang.Integer', 'int'];
      break;
    case 2:
      info = [T.SMALLINT, `SMALLINT${u}`, 'java.lang.Integer', 'int'];
      break;
    case 3:
      info = [T.INTEGER, `INT${u}`, unsigned ? 'java.lang.Long' : 'java.lang.Integer', 'int'];
      break;
    case 9:
      info = [T.INTEGER, `MEDIUMINT${u}`, 'java.lang.Integer', 'int'];
      break;
    case 8:
      info = [T.BIGINT, `BIGINT${u}`, unsigned ? 'java.math.BigInteger' : 'java.lang.Long', 'int'];
      break;
    case 4:
      info = [T.REAL, `FLOAT${u}`, 'java.lang.Float', 'float'];
      break;
    case 5:
      info = [T.DOUBLE, `DOUBLE${u}`, 'java.lang.Double', 'float'];
      break;
    case 0:
    case 246:
      info = [T.DECIMAL, `DECIMAL${u}`, 'java.math.BigDecimal', 'decimal'];
      break;
    case 10:
    case 14:
      info = [T.DATE, 'DATE', 'java.sql.Date', 'date'];
      break;
    case 11:
      info = [T.TIME, 'TIME', 'java.sql.Time', 'time'];
      break;
    case 12:
      info = [T.TIMESTAMP, 'DATETIME', 'java.sql.Timestamp', 'mysqlDatetime'];
      break;
    case 7:
      info = [T.TIMESTAMP, 'TIMESTAMP', 'java.sql.Timestamp', 'mysqlDatetime'];
      break;
    case 13:
      info = [T.DATE, 'YEAR', 'java.sql.Date', 'year'];
      break;
    case 16:
      info = [T.BIT, 'BIT', 'java.lang.Boolean', 'bytes'];
      break;
    case 245:
      info = [T.LONGVARCHAR, 'JSON', 'java.lang.String', 'text'];
      break;
    case 247:
      info = [T.CHAR, 'ENUM', 'java.lang.String', 'text'];
      break;
    case 248:
      info = [T.CHAR, 'SET', 'java.lang.String', 'text'];
      break;
    case 249:
    case 250:
    case 251:
    case 252:
      info = binary ? [T.LONGVARBINARY, 'BLOB', '[B', 'bytes'] : [T.LONGVARCHAR, 'TEXT', 'java.lang.String', 'text'];
      break;
    case 15:
    case 253:
      info = binary ? [T.VARBINARY, 'VARBINARY', '[B', 'bytes'] : [T.VARCHAR, 'VARCHAR', 'java.lang.String', 'text'];
      break;
    case 254:
      info = binary ? [T.BINARY, 'BINARY', '[B', 'bytes'] : [T.CHAR, 'CHAR', 'java.lang.String', 'text'];
      break;
    case 6:
      info = [T.NULL, 'NULL', 'java.lang.Object', 'text'];
      break;
    default:
      info = [T.OTHER, 'UNKNOWN', 'java.lang.Object', 'other'];
  }
  const [sqlType, typeName, className, kind] = info;
  // Connector/J reports character lengths, the protocol gives bytes (utf8mb4: 4 per character).
  const charBytes = kind === 'text' && !binary ? 4 : 1;
  const precision =
    kind === 'decimal'
      ? Math.max(0, f.length - (f.decimals > 0 ? 1 : 0) - (unsigned ? 0 : 1))
      : Math.floor(f.length / charBytes);
  return {
    name: f.name,
    label: f.label,
    typeName,
    sqlType,
    className,
    precision,
    scale: kind === 'decimal' || kind === 'float' ? (f.decimals >= 31 ? 0 : f.decimals) : 0,
    nullable: (f.flags & NOT_NULL) !== 0 ? 0 : 1,
    table: f.table,
    schema: '',
    catalog: f.schema,
    displaySize: Math.floor(f.length / charBytes),
    signed: !unsigned && (kind === 'int' || kind === 'float' || kind === 'decimal'),
    autoIncrement: (f.flags & AUTO_INCREMENT) !== 0,
    kind,
  };
}

/** A column built by the service itself (metadata result sets). */
export function syntheticColumn(label: string, sqlType: number): ColumnInfo {
  const isInt = sqlType === T.INTEGER || sqlType === T.SMALLINT;
  return {
    name: label,
    label,
    typeName: isInt ? (sqlType === T.SMALLINT ? 'int2' : 'int4') : 'text',
    sqlType,
    className: isInt ? 'java.lang.Integer' : 'java.lang.String',
    precision: isInt ? 10 : 2147483647,
    scale: 0,
    nullable: 2,
    table: '',
    schema: '',
    catalog: '',
    displaySize: isInt ? 11 : 2147483647,
    signed: isInt,
    autoIncrement: false,
    kind: isInt ? 'int' : 'text',
  };
}
