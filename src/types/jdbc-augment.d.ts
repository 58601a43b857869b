/**
 * JDBC methods newer than @types/google-apps-script 2.0.13: batch reads with getRows and
 * batch writes with executeBatch(parameters). See Google's JdbcResultSet and
 * JdbcPreparedStatement reference pages.
 */
declare namespace GoogleAppsScript {
  namespace JDBC {
    interface JdbcResultSet {
      /**
       * Returns all remaining rows (or at most `batchSize` of them, continuing where the last
       * call stopped). `spec` lists getter calls, e.g. "getString(1), getDouble('price')".
       */
      getRows(spec: string, batchSize?: number): any[][];
    }
    interface JdbcPreparedStatement {
      /** Runs the statement once per inner array of parameters. */
      executeBatch(parameters: any[][]): Integer[];
    }
  }
}
