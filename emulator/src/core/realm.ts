/**
 * The boundary between the host (Node, where the emulated services live) and the sandbox
 * (a `vm` context holding only Apps Script's globals). Values crossing it are re-created in
 * the receiving realm, so code in the bundle sees its own `Array`, `Date` and `Object`
 * (`instanceof` works as in Apps Script) and host libraries such as HyperFormula get host
 * arrays (they check `instanceof Array`).
 */
import * as vm from 'node:vm';

export class GuestRealm {
  readonly context: vm.Context;
  private readonly guestArray: ArrayConstructor;
  private readonly guestObjectProto: object;
  private readonly makeGuestDate: (ms: number) => Date;
  private readonly makeGuestError: (name: string, message: string) => Error;

  constructor(context: vm.Context) {
    this.context = context;
    const intrinsics = vm.runInContext(
      `({
        array: Array,
        objectProto: Object.prototype,
        date: function (ms) { return new Date(ms); },
        error: function (name, message) { var e = new Error(message); e.name = name; return e; }
      })`,
      context,
    ) as {
      array: ArrayConstructor;
      objectProto: object;
      date: (ms: number) => Date;
      error: (n: string, m: string) => Error;
    };
    this.guestArray = intrinsics.array;
    this.guestObjectProto = intrinsics.objectProto;
    this.makeGuestDate = intrinsics.date;
    this.makeGuestError = intrinsics.error;
  }

  guestDate(ms: number): Date {
    return this.makeGuestDate(ms);
  }

  guestError(name: string, message: string): Error {
    return this.makeGuestError(name, message);
  }

  isPlainObject(value: object): boolean {
    const proto = Object.getPrototypeOf(value);
    return proto === null || proto === Object.prototype || proto === this.guestObjectProto;
  }

  /** Copies a host value into the sandbox. `wrap` turns service objects into counted proxies. */
  toGuest(value: unknown, wrap: (obj: object) => object | undefined): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      const out = new this.guestArray(value.length);
      for (let i = 0; i < value.length; i++) out[i] = this.toGuest(value[i], wrap);
      return out;
    }
    if (value instanceof Date) return this.guestDate(value.getTime());
    const wrapped = wrap(value);
    if (wrapped) return wrapped;
    if (this.isPlainObject(value)) {
      const out = vm.runInContext('({})', this.context) as Record<string, unknown>;
      for (const key of Object.keys(value)) out[key] = this.toGuest((value as Record<string, unknown>)[key], wrap);
      return out;
    }
    return value;
  }

  /** Copies a sandbox value to the host. `unwrap` turns proxies back into the host objects. */
  toHost(value: unknown, unwrap: (obj: object) => object | undefined): unknown {
    if (value === null || typeof value !== 'object') return value;
    const target = unwrap(value);
    if (target) return target;
    if (Array.isArray(value)) {
      const out = new Array(value.length);
      for (let i = 0; i < value.length; i++) out[i] = this.toHost(value[i], unwrap);
      return out;
    }
    if (Object.prototype.toString.call(value) === '[object Date]') return new Date((value as Date).getTime());
    if (this.isPlainObject(value)) {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) out[key] = this.toHost((value as Record<string, unknown>)[key], unwrap);
      return out;
    }
    return value;
  }
}
