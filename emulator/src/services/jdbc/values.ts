/**
 * The value objects the Jdbc service hands to scripts: JdbcDate, JdbcTime and JdbcTimestamp
 * (java.sql.Date/Time/Timestamp, whose deprecated getYear/getMonth/... read the JVM default
 * zone) and the BigDecimal proxy returned by getBigDecimal (String(v) is the exact decimal).
 */
import { AppsScriptException } from '../../core/errors';
import { epochToWall, pad, wallToEpoch, type WallClock } from './time';

type DateApi = GoogleAppsScript.JDBC.JdbcDate;
type TimeApi = GoogleAppsScript.JDBC.JdbcTime;
type TimestampApi = GoogleAppsScript.JDBC.JdbcTimestamp;

abstract class JavaDateBase {
  constructor(
    protected ms: number,
    protected readonly zone: string,
  ) {}

  protected wall(): WallClock {
    return epochToWall(this.ms, this.zone);
  }

  protected setField(change: (w: WallClock) => void): void {
    const w = this.wall();
    change(w);
    // java.util.Date setters are lenient: overflowing fields roll over.
    const rolled = new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millis));
    this.ms = wallToEpoch(
      {
        year: rolled.getUTCFullYear(),
        month: rolled.getUTCMonth() + 1,
        day: rolled.getUTCDate(),
        hour: rolled.getUTCHours(),
        minute: rolled.getUTCMinutes(),
        second: rolled.getUTCSeconds(),
        millis: rolled.getUTCMilliseconds(),
      },
      this.zone,
    );
  }

  getTime(): number {
    return this.ms;
  }

  setTime(milliseconds: number): void {
    this.ms = Number(milliseconds);
  }

  protected compare(when: unknown): number {
    return this.ms - (when as JavaDateBase)._millis();
  }

  _millis(): number {
    return this.ms;
  }
}

export class JdbcDateFake
  extends JavaDateBase
  implements
    Pick<DateApi, 'getTime' | 'getYear' | 'getMonth' | 'getDate' | 'setTime' | 'setYear' | 'setMonth' | 'setDate'>
{
  static readonly appsScriptName = 'Jdbc.JdbcDate';
  getYear(): number {
    return this.wall().year - 1900;
  }
  getMonth(): number {
    return this.wall().month - 1;
  }
  getDate(): number {
    return this.wall().day;
  }
  setYear(year: number): void {
    this.setField((w) => {
      w.year = year + 1900;
    });
  }
  setMonth(month: number): void {
    this.setField((w) => {
      w.month = month + 1;
    });
  }
  setDate(date: number): void {
    this.setField((w) => {
      w.day = date;
    });
  }
  after(when: DateApi): boolean {
    return this.compare(when) > 0;
  }
  before(when: DateApi): boolean {
    return this.compare(when) < 0;
  }
  override toString(): string {
    const w = this.wall();
    return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
  }
}

export class JdbcTimeFake
  extends JavaDateBase
  implements
    Pick<
      TimeApi,
      'getTime' | 'getHours' | 'getMinutes' | 'getSeconds' | 'setTime' | 'setHours' | 'setMinutes' | 'setSeconds'
    >
{
  static readonly appsScriptName = 'Jdbc.JdbcTime';
  getHours(): number {
    return this.wall().hour;
  }
  getMinutes(): number {
    return this.wall().minute;
  }
  getSeconds(): number {
    return this.wall().second;
  }
  setHours(hours: number): void {
    this.setField((w) => {
      w.hour = hours;
    });
  }
  setMinutes(minutes: number): void {
    this.setField((w) => {
      w.minute = minutes;
    });
  }
  setSeconds(seconds: number): void {
    this.setField((w) => {
      w.second = seconds;
    });
  }
  after(when: TimeApi): boolean {
    return this.compare(when) > 0;
  }
  before(when: TimeApi): boolean {
    return this.compare(when) < 0;
  }
  override toString(): string {
    const w = this.wall();
    return `${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
  }
}

export class JdbcTimestampFake extends JavaDateBase implements TimestampApi {
  static readonly appsScriptName = 'Jdbc.JdbcTimestamp';
  private nanos: number;

  constructor(ms: number, zone: string, nanos?: number) {
    const floored = Math.floor(ms / 1000) * 1000;
    super(nanos === undefined ? ms : floored + Math.floor(nanos / 1e6), zone);
    this.nanos = nanos ?? (ms - floored) * 1e6;
  }

  getYear(): number {
    return this.wall().year - 1900;
  }
  getMonth(): number {
    return this.wall().month - 1;
  }
  getDate(): number {
    return this.wall().day;
  }
  getHours(): number {
    return this.wall().hour;
  }
  getMinutes(): number {
    return this.wall().minute;
  }
  getSeconds(): number {
    return this.wall().second;
  }
  getNanos(): number {
    return this.nanos;
  }
  setYear(year: number): void {
    this.setField((w) => {
      w.year = year + 1900;
    });
  }
  setMonth(month: number): void {
    this.setField((w) => {
      w.month = month + 1;
    });
  }
  setDate(date: number): void {
    this.setField((w) => {
      w.day = date;
    });
  }
  setHours(hours: number): void {
    this.setField((w) => {
      w.hour = hours;
    });
  }
  setMinutes(minutes: number): void {
    this.setField((w) => {
      w.minute = minutes;
    });
  }
  setSeconds(seconds: number): void {
    this.setField((w) => {
      w.second = seconds;
    });
  }
  setNanos(nanoseconds: number): void {
    if (nanoseconds < 0 || nanoseconds > 999_999_999) throw new AppsScriptException('nanos > 999999999 or < 0');
    this.nanos = nanoseconds;
    this.ms = Math.floor(this.ms / 1000) * 1000 + Math.floor(nanoseconds / 1e6);
  }
  override setTime(milliseconds: number): void {
    super.setTime(milliseconds);
    this.nanos = (this.ms - Math.floor(this.ms / 1000) * 1000) * 1e6;
  }
  after(when: TimestampApi): boolean {
    return this.compare(when) > 0;
  }
  before(when: TimestampApi): boolean {
    return this.compare(when) < 0;
  }
  /** java.sql.Timestamp.toString: yyyy-mm-dd hh:mm:ss.fffffffff with trailing zeros trimmed (at least ".0"). */
  override toString(): string {
    const w = this.wall();
    const frac = String(this.nanos).padStart(9, '0').replace(/0+$/, '') || '0';
    return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}.${frac}`;
  }
}

/** What getBigDecimal returns: a java.math.BigDecimal look-alike holding the exact decimal text. */
export class BigDecimalFake {
  static readonly appsScriptName = 'Jdbc.BigDecimal';
  constructor(private readonly text: string) {}
  toString(): string {
    return this.text;
  }
  toPlainString(): string {
    return this.text;
  }
  doubleValue(): number {
    return Number(this.text);
  }
  floatValue(): number {
    return Math.fround(Number(this.text));
  }
  intValue(): number {
    return Number(BigInt.asIntN(32, BigInt(this.text.split('.')[0] || '0')));
  }
  longValue(): number {
    return Number(BigInt.asIntN(64, BigInt(this.text.split('.')[0] || '0')));
  }
  scale(): number {
    const dot = this.text.indexOf('.');
    return dot < 0 ? 0 : this.text.length - dot - 1;
  }
  signum(): number {
    return /^-/.test(this.text) ? -1 : /[1-9]/.test(this.text) ? 1 : 0;
  }
  equals(other: unknown): boolean {
    return other instanceof BigDecimalFake && other.text === this.text;
  }
  _text(): string {
    return this.text;
  }
}
