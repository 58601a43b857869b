/**
 * The bundle runtimes a test file made, watched for hazards: misuses of Apps Script that it
 * documents but does not report (see Execution.hazards in the emulator), such as releasing the
 * document lock with spreadsheet changes not yet flushed. Free of the emulator's imports, so
 * the after-each check (test/setup/hazards.ts) costs nothing in files that make no runtime.
 */
interface Watched {
  executions: readonly { hazards: readonly string[] }[];
}

/** Each watched runtime and how many of its executions were checked already. */
const watched = new Map<Watched, number>();

export function watchForHazards(runtime: Watched): void {
  watched.set(runtime, 0);
}

export function unwatchForHazards(runtime: Watched): void {
  watched.delete(runtime);
}

/** Hazards of the watched runtimes' executions since the last call. */
export function newHazards(): string[] {
  const found: string[] = [];
  for (const [runtime, checked] of watched) {
    for (const execution of runtime.executions.slice(checked)) found.push(...execution.hazards);
    watched.set(runtime, runtime.executions.length);
  }
  return found;
}
