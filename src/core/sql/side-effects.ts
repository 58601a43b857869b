/**
 * Functions with effects that a read-only transaction does not stop (server files, large
 * objects, locks, sessions of other users, notifications, sequences, delays, SQL run from a
 * string), per dialect. On a read-only data source a call to one of them is refused by name,
 * also schema-qualified or quoted. A name ending in `*` covers every name it starts. The
 * README lists them ("Security model"); a unit test keeps the two in step.
 */
import type { Dialect } from '../../datasources/kind';

export const SIDE_EFFECT_FUNCTIONS: Record<Dialect, readonly string[]> = {
  postgresql: [
    // server files and programs, large objects
    'pg_read_file',
    'pg_read_binary_file',
    'pg_ls_*',
    'pg_stat_file',
    'pg_file_*',
    'lo_*',
    'lowrite',
    'loread',
    // sessions, configuration, server state
    'set_config',
    'pg_terminate_backend',
    'pg_cancel_backend',
    'pg_reload_conf',
    'pg_rotate_logfile*',
    'pg_switch_wal',
    'pg_switch_xlog',
    'pg_create_restore_point',
    'pg_promote',
    'pg_wal_replay_*',
    'pg_xlog_replay_*',
    'pg_start_backup',
    'pg_stop_backup',
    'pg_backup_start',
    'pg_backup_stop',
    'pg_log_backend_memory_contexts',
    'pg_stat_reset*',
    'pg_stat_statements_reset',
    'pg_import_system_collations',
    'pg_create_*_replication_slot',
    'pg_copy_*_replication_slot',
    'pg_drop_replication_slot',
    'pg_replication_slot_advance',
    'pg_logical_*',
    'pg_replication_origin_*',
    'brin_summarize_*',
    'brin_desummarize_range',
    'gin_clean_pending_list',
    // locks, notifications, delays
    'pg_advisory_*',
    'pg_try_advisory_*',
    'pg_notify',
    'pg_sleep*',
    // sequences and transaction ids
    'nextval',
    'setval',
    'txid_current',
    'pg_current_xact_id',
    // SQL run from a string, other servers
    'query_to_xml*',
    'query_to_xmlschema',
    'cursor_to_xml*',
    'ts_stat',
    'ts_rewrite',
    'crosstab*',
    'connectby',
    'xpath_table',
    'dblink*',
  ],
  mysql: [
    'load_file',
    'get_lock',
    'release_lock',
    'release_all_locks',
    'benchmark',
    'sleep',
    'master_pos_wait',
    'source_pos_wait',
    'master_gtid_wait',
    'wait_for_executed_gtid_set',
    'wait_until_sql_thread_after_gtids',
    'nextval',
    'setval',
    'lastval',
    'sys_exec',
    'sys_eval',
  ],
  transactsql: ['openrowset', 'openquery', 'opendatasource'],
};

/** The denylist entry that `name` (a function name, any case) falls under, if any. */
export function sideEffectEntry(name: string, dialect: Dialect): string | undefined {
  const lower = name.toLowerCase();
  return SIDE_EFFECT_FUNCTIONS[dialect].find((entry) => entryMatches(entry, lower));
}

function entryMatches(entry: string, name: string): boolean {
  const star = entry.indexOf('*');
  if (star < 0) return entry === name;
  const head = entry.slice(0, star);
  const tail = entry.slice(star + 1);
  return name.length >= head.length + tail.length && name.startsWith(head) && name.endsWith(tail);
}
