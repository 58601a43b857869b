/**
 * The virtual clock. Every notion of "now" in the sandbox (Date, Utilities.sleep, trigger
 * schedules, execution deadlines, cache expiry) reads this clock, so a test can move time
 * forward without waiting. By default it follows real time; `set` and `advance` shift it.
 */
export class VirtualClock {
  private offsetMs = 0;
  private frozenAt: number | null = null;

  /** Milliseconds since the epoch, as seen by the sandbox. */
  now(): number {
    return this.frozenAt !== null ? this.frozenAt : Date.now() + this.offsetMs;
  }

  /** Jump to an instant; the clock keeps running from there unless frozen. */
  set(instant: Date | number): void {
    const ms = typeof instant === 'number' ? instant : instant.getTime();
    if (this.frozenAt !== null) this.frozenAt = ms;
    else this.offsetMs = ms - Date.now();
  }

  /** Stop the clock (at `instant`, or where it is now). Only `set` and `advance` move it then. */
  freeze(instant?: Date | number): void {
    this.frozenAt = instant === undefined ? this.now() : typeof instant === 'number' ? instant : instant.getTime();
  }

  /** Let the clock run again from where it stands. */
  unfreeze(): void {
    if (this.frozenAt === null) return;
    this.offsetMs = this.frozenAt - Date.now();
    this.frozenAt = null;
  }

  advance(ms: number): void {
    if (this.frozenAt !== null) this.frozenAt += ms;
    else this.offsetMs += ms;
  }

  get isFrozen(): boolean {
    return this.frozenAt !== null;
  }
}
