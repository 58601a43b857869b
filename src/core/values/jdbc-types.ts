/**
 * How a result column is converted to a sheet value, decided from its JDBC type code and
 * database type name (java.sql.Types as pgjdbc and MySQL Connector/J report them).
 */
export type ColumnKind =
  | 'integer'
  | 'bigint'
  | 'float'
  | 'decimal'
  | 'boolean'
  | 'date'
  | 'time'
  | 'timestamp'
  | 'timestamptz'
  | 'text';

export const SQL_TYPES = {
  BIT: -7,
  TINYINT: -6,
  SMALLINT: 5,
  INTEGER: 4,
  BIGINT: -5,
  FLOAT: 6,
  REAL: 7,
  DOUBLE: 8,
  NUMERIC: 2,
  DECIMAL: 3,
  DATE: 91,
  TIME: 92,
  TIMESTAMP: 93,
  BOOLEAN: 16,
  TIME_WITH_TIMEZONE: 2013,
  TIMESTAMP_WITH_TIMEZONE: 2014,
} as const;

export function columnKind(typeCode: number, typeName: string, precision = 0): ColumnKind {
  const name = typeName.toLowerCase();
  switch (typeCode) {
    case SQL_TYPES.BOOLEAN:
      return 'boolean';
    case SQL_TYPES.BIT:
      // pgjdbc reports boolean as BIT ("bool"); Connector/J reports TINYINT(1) and BIT(1) as BIT.
      return name === 'bool' || name === 'boolean' || name === 'tinyint' || precision <= 1 ? 'boolean' : 'text';
    case SQL_TYPES.TINYINT:
    case SQL_TYPES.SMALLINT:
    case SQL_TYPES.INTEGER:
      return name.includes('unsigned') && typeCode === SQL_TYPES.INTEGER ? 'bigint' : 'integer';
    case SQL_TYPES.BIGINT:
      return 'bigint';
    case SQL_TYPES.FLOAT:
    case SQL_TYPES.REAL:
    case SQL_TYPES.DOUBLE:
      return 'float';
    case SQL_TYPES.NUMERIC:
    case SQL_TYPES.DECIMAL:
      return 'decimal';
    case SQL_TYPES.DATE:
      return name === 'year' ? 'integer' : 'date';
    case SQL_TYPES.TIME:
      return name === 'timetz' ? 'text' : 'time';
    case SQL_TYPES.TIMESTAMP:
      return name === 'timestamptz' ? 'timestamptz' : 'timestamp';
    case SQL_TYPES.TIMESTAMP_WITH_TIMEZONE:
      return 'timestamptz';
    default:
      return 'text';
  }
}
