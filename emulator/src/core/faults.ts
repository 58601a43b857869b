/**
 * Fault injection and interleaving. A rule matches service calls by name (exact, or a prefix
 * ending in "*") and fires on the k-th matching call of an execution (or of the whole
 * runtime): it throws an Apps Script error, kills the execution ("Exceeded maximum execution
 * time"), or runs a callback first (to start a second, concurrent execution at that point).
 */
import { AppsScriptException, ExecutionKilled, MESSAGES } from './errors';
import type { Execution } from './execution';

export interface FaultRule {
  /** "SpreadsheetApp.Range.setValues", or "Jdbc.*" for every Jdbc call, or "*" for any call. */
  method: string;
  /** 1-based index of the matching call that fires; omit to fire on every matching call. */
  nth?: number;
  /** Count matches per execution (default) or across all executions of the runtime. */
  scope?: 'execution' | 'runtime';
  /** What happens: throw this message; kill the execution; or run `before` and let the call proceed. */
  action: { throw: string } | { kill: true } | { before: () => void };
  /** Fire at most this many times (default: once when `nth` is set, unlimited otherwise). */
  times?: number;
}

interface ActiveRule extends FaultRule {
  seenByExecution: Map<number, number>;
  seenTotal: number;
  fired: number;
}

export class FaultInjector {
  private rules: ActiveRule[] = [];

  add(rule: FaultRule): () => void {
    const active: ActiveRule = { ...rule, seenByExecution: new Map(), seenTotal: 0, fired: 0 };
    this.rules.push(active);
    return () => {
      this.rules = this.rules.filter((r) => r !== active);
    };
  }

  /** Fail the k-th call (of any service, or of `method`) of each execution as the 6-minute limit does. */
  killAtCall(nth: number, method = '*'): () => void {
    return this.add({ method, nth, action: { kill: true } });
  }

  clear(): void {
    this.rules = [];
  }

  /** Called by the instrumentation before each service call. */
  beforeCall(name: string, exec: Execution): void {
    for (const rule of this.rules) {
      if (!matches(rule.method, name)) continue;
      const seen = (rule.seenByExecution.get(exec.id) ?? 0) + 1;
      rule.seenByExecution.set(exec.id, seen);
      rule.seenTotal++;
      const index = rule.scope === 'runtime' ? rule.seenTotal : seen;
      if (rule.nth !== undefined && index !== rule.nth) continue;
      const limit = rule.times ?? (rule.nth !== undefined ? 1 : Infinity);
      if (rule.fired >= limit) continue;
      rule.fired++;
      const action = rule.action;
      if ('before' in action) action.before();
      else if ('kill' in action) {
        exec.killedWith = MESSAGES.maxExecutionTime;
        throw new ExecutionKilled(MESSAGES.maxExecutionTime);
      } else throw new AppsScriptException(action.throw);
    }
  }
}

function matches(pattern: string, name: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return name.startsWith(pattern.slice(0, -1));
  return pattern === name;
}
