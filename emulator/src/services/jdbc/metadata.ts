/**
 * JdbcDatabaseMetaData: product name/version, URL, user, and the catalogue result sets
 * getTables/getColumns with the standard JDBC column labels, read from information_schema
 * and shaped as pgjdbc / Connector/J 5.1 shape them.
 */
import type { Cell, Engine } from './bridge';
import { pgColumn, syntheticColumn, T } from './columns';
import { JdbcResultSetFake } from './result-set';
import { mysqlQuote } from './sql';
import type { StatementHost } from './statement';

type MetaApi = GoogleAppsScript.JDBC.JdbcDatabaseMetaData;

interface MetaInfo {
  engine: Engine;
  url: string;
  user: string;
  version: string;
}

const TABLE_COLUMNS: [string, number][] = [
  ['TABLE_CAT', T.VARCHAR],
  ['TABLE_SCHEM', T.VARCHAR],
  ['TABLE_NAME', T.VARCHAR],
  ['TABLE_TYPE', T.VARCHAR],
  ['REMARKS', T.VARCHAR],
  ['TYPE_CAT', T.VARCHAR],
  ['TYPE_SCHEM', T.VARCHAR],
  ['TYPE_NAME', T.VARCHAR],
  ['SELF_REFERENCING_COL_NAME', T.VARCHAR],
  ['REF_GENERATION', T.VARCHAR],
];

const COLUMN_COLUMNS: [string, number][] = [
  ['TABLE_CAT', T.VARCHAR],
  ['TABLE_SCHEM', T.VARCHAR],
  ['TABLE_NAME', T.VARCHAR],
  ['COLUMN_NAME', T.VARCHAR],
  ['DATA_TYPE', T.INTEGER],
  ['TYPE_NAME', T.VARCHAR],
  ['COLUMN_SIZE', T.INTEGER],
  ['BUFFER_LENGTH', T.VARCHAR],
  ['DECIMAL_DIGITS', T.INTEGER],
  ['NUM_PREC_RADIX', T.INTEGER],
  ['NULLABLE', T.INTEGER],
  ['REMARKS', T.VARCHAR],
  ['COLUMN_DEF', T.VARCHAR],
  ['SQL_DATA_TYPE', T.INTEGER],
  ['SQL_DATETIME_SUB', T.INTEGER],
  ['CHAR_OCTET_LENGTH', T.VARCHAR],
  ['ORDINAL_POSITION', T.INTEGER],
  ['IS_NULLABLE', T.VARCHAR],
  ['SCOPE_CATALOG', T.VARCHAR],
  ['SCOPE_SCHEMA', T.VARCHAR],
  ['SCOPE_TABLE', T.VARCHAR],
  ['SOURCE_DATA_TYPE', T.SMALLINT],
  ['IS_AUTOINCREMENT', T.VARCHAR],
  ['IS_GENERATEDCOLUMN', T.VARCHAR],
];

const MYSQL_TYPES: Record<string, number> = {
  tinyint: T.TINYINT,
  smallint: T.SMALLINT,
  mediumint: T.INTEGER,
  int: T.INTEGER,
  integer: T.INTEGER,
  bigint: T.BIGINT,
  float: T.REAL,
  double: T.DOUBLE,
  decimal: T.DECIMAL,
  numeric: T.DECIMAL,
  date: T.DATE,
  time: T.TIME,
  datetime: T.TIMESTAMP,
  timestamp: T.TIMESTAMP,
  year: T.DATE,
  char: T.CHAR,
  varchar: T.VARCHAR,
  tinytext: T.VARCHAR,
  text: T.LONGVARCHAR,
  mediumtext: T.LONGVARCHAR,
  longtext: T.LONGVARCHAR,
  json: T.LONGVARCHAR,
  binary: T.BINARY,
  varbinary: T.VARBINARY,
  tinyblob: T.VARBINARY,
  blob: T.LONGVARBINARY,
  mediumblob: T.LONGVARBINARY,
  longblob: T.LONGVARBINARY,
  bit: T.BIT,
  enum: T.CHAR,
  set: T.CHAR,
};

export class JdbcDatabaseMetaDataFake
  implements
    Pick<
      MetaApi,
      | 'getTables'
      | 'getColumns'
      | 'getDatabaseProductName'
      | 'getDatabaseProductVersion'
      | 'getURL'
      | 'getUserName'
      | 'getDriverName'
      | 'getDriverVersion'
      | 'getDatabaseMajorVersion'
      | 'getDatabaseMinorVersion'
      | 'getConnection'
      | 'isReadOnly'
    >
{
  static readonly appsScriptName = 'Jdbc.JdbcDatabaseMetaData';

  constructor(
    private readonly conn: StatementHost & { isReadOnly(): boolean },
    private readonly info: MetaInfo,
  ) {}

  private quote(text: string): string {
    return this.info.engine === 'mysql' ? mysqlQuote(text) : `'${text.replace(/'/g, "''")}'`;
  }

  private rows(sql: string): Cell[][] {
    const [r] = this.conn.run(sql, undefined, 0, 0);
    const out: Cell[][] = [...(r.rows ?? [])];
    const source = this.conn.source(r);
    for (let more = source.fetchMore(); more?.length; more = source.fetchMore()) out.push(...more);
    return out;
  }

  private resultSet(spec: [string, number][], rows: Cell[][]): GoogleAppsScript.JDBC.JdbcResultSet {
    const columns = spec.map(([label, type]) => syntheticColumn(label, type));
    const source = { columns, rows, fetchMore: () => null, release: () => undefined };
    return new JdbcResultSetFake(
      source,
      this.info.engine,
      this.conn.jvmZone,
      null,
    ) as unknown as GoogleAppsScript.JDBC.JdbcResultSet;
  }

  getTables(
    catalog: string,
    schemaPattern: string,
    tableNamePattern: string,
    types: string[],
  ): GoogleAppsScript.JDBC.JdbcResultSet {
    this.conn.checkOpen();
    const table = tableNamePattern ?? '%';
    const wanted = types ? new Set(Array.from(types, String)) : null;
    let rows: Cell[][];
    if (this.info.engine === 'mysql') {
      const db = catalog ? this.quote(catalog) : 'DATABASE()';
      rows = this.rows(`SELECT table_schema, table_name, table_type, table_comment FROM information_schema.tables
        WHERE table_schema = ${db} AND table_name LIKE ${this.quote(table)} ORDER BY table_type, table_schema, table_name`).map(
        ([schema, name, type, remarks]) => [
          schema,
          null,
          name,
          type === 'BASE TABLE' ? 'TABLE' : type,
          remarks ?? '',
          null,
          null,
          null,
          null,
          null,
        ],
      );
    } else {
      rows = this.rows(`SELECT table_schema, table_name, table_type FROM information_schema.tables
        WHERE table_schema LIKE ${this.quote(schemaPattern ?? '%')} AND table_name LIKE ${this.quote(table)}`)
        .map(([schema, name, type]) => {
          const system =
            schema === 'pg_catalog' || schema === 'information_schema' || String(schema).startsWith('pg_toast');
          const kind =
            type === 'BASE TABLE'
              ? system
                ? 'SYSTEM TABLE'
                : 'TABLE'
              : type === 'VIEW'
                ? system
                  ? 'SYSTEM VIEW'
                  : 'VIEW'
                : type === 'LOCAL TEMPORARY'
                  ? 'TEMPORARY TABLE'
                  : String(type);
          return [null, schema, name, kind, null, '', '', '', '', ''];
        })
        .sort(
          (a, b) =>
            String(a[3]).localeCompare(String(b[3])) ||
            String(a[1]).localeCompare(String(b[1])) ||
            String(a[2]).localeCompare(String(b[2])),
        );
    }
    if (wanted) rows = rows.filter((r) => wanted.has(String(r[3])));
    return this.resultSet(TABLE_COLUMNS, rows);
  }

  getColumns(
    catalog: string,
    schemaPattern: string,
    tableNamePattern: string,
    columnNamePattern: string,
  ): GoogleAppsScript.JDBC.JdbcResultSet {
    this.conn.checkOpen();
    const table = this.quote(tableNamePattern ?? '%');
    const column = this.quote(columnNamePattern ?? '%');
    let rows: Cell[][];
    if (this.info.engine === 'mysql') {
      const db = catalog ? this.quote(catalog) : 'DATABASE()';
      rows = this.rows(`SELECT table_schema, table_name, column_name, data_type, column_type, character_maximum_length,
          numeric_precision, numeric_scale, is_nullable, column_default, ordinal_position, extra, column_comment, datetime_precision
        FROM information_schema.columns WHERE table_schema = ${db} AND table_name LIKE ${table} AND column_name LIKE ${column}
        ORDER BY table_schema, table_name, ordinal_position`).map(
        ([
          schema,
          name,
          col,
          dataType,
          columnType,
          charLen,
          numPrec,
          numScale,
          nullable,
          def,
          ordinal,
          extra,
          remarks,
        ]) => {
          const dt = String(dataType).toLowerCase();
          const ct = String(columnType).toLowerCase();
          const isBit = dt === 'tinyint' && /^tinyint\(1\)/.test(ct);
          const unsigned = ct.includes('unsigned') ? ' UNSIGNED' : '';
          const typeName = isBit ? 'BIT' : (dt === 'int' ? 'INT' : dt.toUpperCase()) + unsigned;
          const size =
            charLen ??
            numPrec ??
            (dt === 'date' ? '10' : dt === 'datetime' || dt === 'timestamp' ? '19' : dt === 'time' ? '8' : null);
          return [
            schema,
            null,
            name,
            col,
            String(isBit ? T.BIT : (MYSQL_TYPES[dt] ?? T.OTHER)),
            typeName,
            size,
            '65535',
            numScale,
            '10',
            nullable === 'YES' ? '1' : '0',
            remarks ?? '',
            def,
            '0',
            '0',
            charLen,
            ordinal,
            nullable === 'YES' ? 'YES' : 'NO',
            null,
            null,
            null,
            null,
            String(extra).includes('auto_increment') ? 'YES' : 'NO',
            /GENERATED/i.test(String(extra)) ? 'YES' : 'NO',
          ];
        },
      );
    } else {
      rows =
        this.rows(`SELECT table_schema, table_name, column_name, udt_name, character_maximum_length, numeric_precision,
          numeric_scale, is_nullable, column_default, ordinal_position, is_generated, datetime_precision
        FROM information_schema.columns WHERE table_schema LIKE ${this.quote(schemaPattern ?? '%')} AND table_name LIKE ${table}
          AND column_name LIKE ${column} ORDER BY table_schema, table_name, ordinal_position`).map(
          ([schema, name, col, udt, charLen, numPrec, numScale, nullable, def, ordinal, generated]) => {
            const info = pgColumn({
              name: String(col),
              typeOid: 0,
              typeName: String(udt),
              typeCategory: String(udt).startsWith('_') ? 'A' : 'X',
              typeModifier: -1,
              tableOid: 0,
              columnNumber: 0,
            });
            const serial = typeof def === 'string' && def.startsWith('nextval(');
            const typeName = serial && udt === 'int4' ? 'serial' : serial && udt === 'int8' ? 'bigserial' : String(udt);
            const size = charLen ?? numPrec ?? String(info.precision || info.displaySize);
            return [
              null,
              schema,
              name,
              col,
              String(info.sqlType),
              typeName,
              size,
              null,
              numScale ?? '0',
              '10',
              nullable === 'YES' ? '1' : '0',
              null,
              def,
              null,
              null,
              size,
              ordinal,
              nullable === 'YES' ? 'YES' : 'NO',
              null,
              null,
              null,
              null,
              serial ? 'YES' : 'NO',
              generated === 'ALWAYS' ? 'YES' : 'NO',
            ];
          },
        );
    }
    return this.resultSet(COLUMN_COLUMNS, rows);
  }

  getDatabaseProductName(): string {
    return this.info.engine === 'mysql' ? 'MySQL' : 'PostgreSQL';
  }
  getDatabaseProductVersion(): string {
    return this.info.version;
  }
  getDatabaseMajorVersion(): number {
    return Number(/^(\d+)/.exec(this.info.version)?.[1] ?? 0);
  }
  getDatabaseMinorVersion(): number {
    return Number(/^\d+\.(\d+)/.exec(this.info.version)?.[1] ?? 0);
  }
  getDriverName(): string {
    return this.info.engine === 'mysql' ? 'MySQL Connector Java' : 'PostgreSQL JDBC Driver';
  }
  getDriverVersion(): string {
    return this.info.engine === 'mysql' ? 'mysql-connector-java-5.1.49' : '42.7.3';
  }
  getURL(): string {
    return this.info.url;
  }
  getUserName(): string {
    return this.info.user;
  }
  isReadOnly(): boolean {
    return this.conn.isReadOnly();
  }
  getConnection(): GoogleAppsScript.JDBC.JdbcConnection {
    return this.conn.connection() as GoogleAppsScript.JDBC.JdbcConnection;
  }
}
