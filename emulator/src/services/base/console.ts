/**
 * console: log, info, warn, error, debug (with %s/%d/%i/%f/%o/%j substitution), time and
 * timeEnd on the virtual clock. Every line goes to the execution's log through the host.
 */
import type { ServiceHost } from '../../core/host';
import { display } from './logger';

export class ConsoleFake {
  static readonly appsScriptName = 'console';
  private readonly _timers = new Map<string, number>();

  constructor(private readonly _host: ServiceHost) {}

  log(...args: unknown[]): void {
    this._host.log(formatConsole(args));
  }
  info(...args: unknown[]): void {
    this._host.log(formatConsole(args));
  }
  warn(...args: unknown[]): void {
    this._host.log(formatConsole(args));
  }
  error(...args: unknown[]): void {
    this._host.log(formatConsole(args));
  }
  debug(...args: unknown[]): void {
    this._host.log(formatConsole(args));
  }
  time(label: unknown = 'default'): void {
    this._timers.set(String(label), this._host.clock.now());
  }
  timeEnd(label: unknown = 'default'): void {
    const key = String(label);
    const start = this._timers.get(key);
    if (start === undefined) return;
    this._timers.delete(key);
    this._host.log(`${key}: ${this._host.clock.now() - start}ms`);
  }
}

function formatConsole(args: unknown[]): string {
  if (args.length === 0) return '';
  const [first, ...rest] = args;
  let head = display(first);
  if (typeof first === 'string') {
    head = first.replace(/%[sdifoOj%]/g, (m) => {
      if (m === '%%') return '%';
      if (rest.length === 0) return m;
      const v = rest.shift();
      if (m === '%d' || m === '%i') return String(m === '%i' ? Math.trunc(Number(v)) : Number(v));
      if (m === '%f') return String(Number(v));
      return display(v);
    });
  }
  return [head, ...rest.map(display)].join(' ');
}
