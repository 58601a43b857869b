/** Editor chunk, step 4: SQL and its dialects (the names the editor uses). */
export { MSSQL, MySQL, PostgreSQL, StandardSQL, sql } from '@codemirror/lang-sql';
