/**
 * Wraps host service objects in proxies for one execution's sandbox. Every method call is
 * checked (killed execution, time limit, authorization mode, manifest scopes, injected
 * faults), counted under "Service.Class.method", given host copies of its arguments (checked
 * against the class's declared overloads, core/signatures.ts), and
 * answers with sandbox copies of its result. Host errors become Apps Script "Exception"s.
 */
import { AppsScriptException } from './errors';
import type { GuestRealm } from './realm';
import { serviceNameOf } from './service-object';
import { checkSignature } from './signatures';

export interface CallHooks {
  /** Runs before the call; throws to refuse it. */
  beforeCall(name: string): void;
  /** Turns any error a service threw into what the sandbox sees. */
  translateError(error: unknown): unknown;
}

export class Instrumenter {
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();

  constructor(
    private readonly realm: GuestRealm,
    private readonly hooks: CallHooks,
  ) {}

  readonly wrap = (value: object): object | undefined => {
    const name = serviceNameOf(value);
    if (name === undefined) return undefined;
    let proxy = this.proxies.get(value);
    if (!proxy) {
      proxy = this.makeProxy(value, name);
      this.proxies.set(value, proxy);
      this.targets.set(proxy, value);
    }
    return proxy;
  };

  readonly unwrap = (value: object): object | undefined => this.targets.get(value);

  toGuest(value: unknown): unknown {
    return this.realm.toGuest(value, this.wrap);
  }

  toHost(value: unknown): unknown {
    return this.realm.toHost(value, this.unwrap);
  }

  private makeProxy(target: object, serviceName: string): object {
    const methodCache = new Map<string, unknown>();
    const self = this;
    return new Proxy(target, {
      get(obj, prop) {
        if (typeof prop !== 'string') return undefined;
        if (prop.startsWith('_') || prop === 'constructor') return undefined;
        const value = (obj as Record<string, unknown>)[prop];
        if (typeof value !== 'function') return self.toGuest(value);
        let method = methodCache.get(prop);
        if (!method) {
          const qualified = `${serviceName}.${prop}`;
          method = (...args: unknown[]) => {
            let result: unknown;
            try {
              self.hooks.beforeCall(qualified);
              const hostArgs = args.map((a) => self.toHost(a));
              checkSignature(obj, serviceName, prop, hostArgs);
              result = (value as (...a: unknown[]) => unknown).apply(obj, hostArgs);
            } catch (error) {
              throw self.hooks.translateError(error);
            }
            return self.toGuest(result);
          };
          methodCache.set(prop, method);
        }
        return method;
      },
      set(obj, prop, value) {
        // Service objects are read-only from the sandbox, as Java-backed objects are, except for
        // classes that opt in with a static `appsScriptWritable` (HtmlTemplate takes variables).
        if (!isWritable(obj) || typeof prop !== 'string' || prop.startsWith('_')) return true;
        (obj as Record<string, unknown>)[prop] = self.toHost(value);
        return true;
      },
      has(obj, prop) {
        return typeof prop === 'string' && !prop.startsWith('_') && prop in obj;
      },
      ownKeys(obj) {
        const keys = new Set<string>();
        for (let o: object | null = obj; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
          for (const k of Object.getOwnPropertyNames(o)) if (!k.startsWith('_') && k !== 'constructor') keys.add(k);
        }
        return [...keys];
      },
      getOwnPropertyDescriptor(obj, prop) {
        if (typeof prop !== 'string' || prop.startsWith('_')) return undefined;
        return { configurable: true, enumerable: true, writable: false, value: (obj as Record<string, unknown>)[prop] };
      },
    });
  }
}

/** Whether the class of a service object lets the sandbox assign properties (`static appsScriptWritable = true`). */
function isWritable(value: object): boolean {
  const ctor = (value as { constructor?: unknown }).constructor as { appsScriptWritable?: unknown } | undefined;
  return ctor?.appsScriptWritable === true;
}

export function isAppsScriptException(error: unknown): error is AppsScriptException {
  return error instanceof AppsScriptException;
}
