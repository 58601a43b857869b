/**
 * The privilege probes of "Test connection": one query per dialect that returns one row of
 * 0/1 flags, in this order: superuser, can_write (INSERT / UPDATE / DELETE / TRUNCATE / DROP /
 * ALTER on some table of the database), can_create (tables, schemas, routines), reads_files
 * and writes_files (on the database server), runs_programs (on the database server).
 * Read-only data sources rely on a user with none of these (README, "Security model").
 */

/** PostgreSQL: table and schema privileges, and the built-in roles that reach the server. */
export const POSTGRES_PRIVILEGE_SQL = `SELECT
  CASE WHEN r.rolsuper THEN 1 ELSE 0 END AS superuser,
  CASE WHEN EXISTS (
    SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'f')
      AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
      AND (has_table_privilege(c.oid, 'INSERT') OR has_table_privilege(c.oid, 'UPDATE')
        OR has_table_privilege(c.oid, 'DELETE') OR has_table_privilege(c.oid, 'TRUNCATE'))
  ) THEN 1 ELSE 0 END AS can_write,
  CASE WHEN has_database_privilege(current_database(), 'CREATE') OR EXISTS (
    SELECT 1 FROM pg_catalog.pg_namespace n
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
      AND has_schema_privilege(n.oid, 'CREATE')
  ) THEN 1 ELSE 0 END AS can_create,
  CASE WHEN r.rolsuper OR EXISTS (
    SELECT 1 FROM pg_catalog.pg_roles b WHERE b.rolname = 'pg_read_server_files' AND pg_has_role(r.oid, b.oid, 'USAGE')
  ) THEN 1 ELSE 0 END AS reads_files,
  CASE WHEN r.rolsuper OR EXISTS (
    SELECT 1 FROM pg_catalog.pg_roles b WHERE b.rolname = 'pg_write_server_files' AND pg_has_role(r.oid, b.oid, 'USAGE')
  ) THEN 1 ELSE 0 END AS writes_files,
  CASE WHEN r.rolsuper OR EXISTS (
    SELECT 1 FROM pg_catalog.pg_roles b WHERE b.rolname = 'pg_execute_server_program' AND pg_has_role(r.oid, b.oid, 'USAGE')
  ) THEN 1 ELSE 0 END AS runs_programs
FROM pg_catalog.pg_roles r WHERE r.rolname = current_user`;

/**
 * MySQL / MariaDB: the privileges granted to the current account globally, on the current
 * database, or on one of its tables (information_schema; privileges that come only through
 * roles are not seen). FILE reads and writes server files; SUPER is the superuser's.
 */
export const MYSQL_PRIVILEGE_SQL = `SELECT
  COALESCE(MAX(p.PRIVILEGE_TYPE = 'SUPER'), 0) AS superuser,
  COALESCE(MAX(p.PRIVILEGE_TYPE IN ('INSERT', 'UPDATE', 'DELETE', 'DROP', 'ALTER')), 0) AS can_write,
  COALESCE(MAX(p.PRIVILEGE_TYPE IN ('CREATE', 'CREATE VIEW', 'CREATE ROUTINE', 'TRIGGER', 'EVENT')), 0) AS can_create,
  COALESCE(MAX(p.PRIVILEGE_TYPE = 'FILE'), 0) AS reads_files,
  COALESCE(MAX(p.PRIVILEGE_TYPE = 'FILE'), 0) AS writes_files,
  0 AS runs_programs
FROM (
  SELECT PRIVILEGE_TYPE, GRANTEE FROM information_schema.USER_PRIVILEGES
  UNION ALL
  SELECT PRIVILEGE_TYPE, GRANTEE FROM information_schema.SCHEMA_PRIVILEGES WHERE DATABASE() LIKE TABLE_SCHEMA
  UNION ALL
  SELECT PRIVILEGE_TYPE, GRANTEE FROM information_schema.TABLE_PRIVILEGES WHERE TABLE_SCHEMA = DATABASE()
) p
WHERE p.GRANTEE = CONCAT('''', SUBSTRING_INDEX(CURRENT_USER(), '@', 1), '''@''',
  SUBSTRING_INDEX(CURRENT_USER(), '@', -1), '''')`;
