/**
 * Installable triggers: the store (per user, run as their creator), the builders the sandbox
 * uses (TriggerBuilder, ClockTriggerBuilder, SpreadsheetTriggerBuilder), Google's limits
 * (20 per user per script; in add-on mode one per event type per user per document and time
 * triggers at most hourly) and the schedule of time-driven triggers on the virtual clock.
 * Google randomises a run within its interval; here a trigger runs at the interval boundary.
 */
import { AppsScriptException } from '../../core/errors';
import type { ExecutionUser } from '../../core/execution';
import { enumName } from './enums';
import type { EventTypeName, ScriptEnums, WeekDayName } from './script-enums';
import { instantOf, zonedFields } from '../../core/time-zone';

export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
export const ADDON_TOO_MANY =
  'This add-on has created too many time-based triggers in this document for this Google user account.';
export const ADDON_INTERVAL = 'The recurrence interval for an Add-on trigger must be at least one hour.';
export const MAX_TRIGGERS_PER_USER = 20;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type Schedule =
  | { kind: 'interval'; everyMs: number }
  | { kind: 'once'; at: number }
  | {
      kind: 'days';
      days: number;
      hour?: number;
      minute?: number;
      weekDay?: WeekDayName;
      monthDay?: number;
      timeZone: string;
    };

export interface TriggerRecord {
  uid: string;
  handler: string;
  eventType: EventTypeName;
  source: 'CLOCK' | 'SPREADSHEETS';
  sourceId: string | null;
  user: ExecutionUser;
  documentId: string;
  createdAt: number;
  schedule?: Schedule;
  /** Next due time of a time-driven trigger on the virtual clock. */
  nextRunAt?: number;
}

/** What the builders need from the trigger store and the running execution. */
export interface TriggerContext {
  enums: ScriptEnums;
  now(): number;
  scriptTimeZone(): string;
  addOnMode: boolean;
  documentId(): string;
  user(): ExecutionUser;
  records: TriggerRecord[];
  nextUid(): string;
}

export class TriggerFake
  implements
    Pick<
      GoogleAppsScript.Script.Trigger,
      'getUniqueId' | 'getHandlerFunction' | 'getEventType' | 'getTriggerSource' | 'getTriggerSourceId'
    >
{
  static readonly appsScriptName = 'ScriptApp.Trigger';
  constructor(
    readonly _record: TriggerRecord,
    private readonly _enums: ScriptEnums,
  ) {}
  getUniqueId(): string {
    return this._record.uid;
  }
  getHandlerFunction(): string {
    return this._record.handler;
  }
  getEventType(): GoogleAppsScript.Script.EventType {
    return this._enums.EventType[this._record.eventType] as unknown as GoogleAppsScript.Script.EventType;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return this._enums.TriggerSource[this._record.source] as unknown as GoogleAppsScript.Script.TriggerSource;
  }
  getTriggerSourceId(): string {
    return this._record.sourceId as string; // null for time-driven triggers, as in Apps Script
  }
}

export class TriggerBuilderFake
  implements Pick<GoogleAppsScript.Script.TriggerBuilder, 'timeBased' | 'forSpreadsheet'>
{
  static readonly appsScriptName = 'ScriptApp.TriggerBuilder';
  constructor(
    private readonly _ctx: TriggerContext,
    private readonly _handler: string,
  ) {}
  timeBased(): GoogleAppsScript.Script.ClockTriggerBuilder {
    return new ClockTriggerBuilderFake(
      this._ctx,
      this._handler,
    ) as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }
  forSpreadsheet(sheet: unknown): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    const id = typeof sheet === 'string' ? sheet : (sheet as { getId?: () => unknown } | null)?.getId?.();
    return new SpreadsheetTriggerBuilderFake(
      this._ctx,
      this._handler,
      typeof id === 'string' ? id : this._ctx.documentId(),
    ) as unknown as GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
  }
}

type ClockMethods =
  | 'after'
  | 'at'
  | 'atDate'
  | 'atHour'
  | 'create'
  | 'everyDays'
  | 'everyHours'
  | 'everyMinutes'
  | 'everyWeeks'
  | 'inTimezone'
  | 'nearMinute'
  | 'onMonthDay'
  | 'onWeekDay';

export class ClockTriggerBuilderFake implements Pick<GoogleAppsScript.Script.ClockTriggerBuilder, ClockMethods> {
  static readonly appsScriptName = 'ScriptApp.ClockTriggerBuilder';
  private _interval?: number;
  private _once?: number;
  private _days?: number;
  private _hour?: number;
  private _minute?: number;
  private _weekDay?: WeekDayName;
  private _monthDay?: number;
  private _zone?: string;

  constructor(
    private readonly _ctx: TriggerContext,
    private readonly _handler: string,
  ) {}

  private _self(): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }

  everyMinutes(n: unknown): GoogleAppsScript.Script.ClockTriggerBuilder {
    const v = Number(n);
    if (![1, 5, 10, 15, 30].includes(v))
      throw new AppsScriptException(
        'The value you passed to everyMinutes was invalid. It must be one of 1, 5, 10, 15 or 30.',
      );
    this._interval = v * MINUTE;
    return this._self();
  }
  everyHours(n: unknown): GoogleAppsScript.Script.ClockTriggerBuilder {
    const v = Number(n);
    if (![1, 2, 4, 6, 8, 12].includes(v))
      throw new AppsScriptException(
        'The value you passed to everyHours was invalid. It must be one of 1, 2, 4, 6, 8 or 12.',
      );
    this._interval = v * HOUR;
    return this._self();
  }
  everyDays(n: unknown): GoogleAppsScript.Script.ClockTriggerBuilder {
    this._days = positiveInt(n, 'n');
    return this._self();
  }
  everyWeeks(n: unknown): GoogleAppsScript.Script.ClockTriggerBuilder {
    this._days = positiveInt(n, 'n') * 7;
    return this._self();
  }
  onWeekDay(day: unknown): GoogleAppsScript.Script.ClockTriggerBuilder {
    this._weekDay = enumName(day) as WeekDayName;
    if (this._days === undefined) this._days = 7;
    return this._self();
  }
  onMonthDay(day: unknown): GoogleAppsScript.Script.ClockTriggerBuilder {
    const d = Number(day);
    if (!Number.isInteger(d) || d < 1 || d > 31) throw new AppsScriptException('Invalid argument: day');
    this._monthDay = d;
    return this._self();
  }
  atHour(hour: unknown): GoogleAppsScript.Script.ClockTriggerBuilder {
    const h = Number(hour);
    if (!Number.isInteger(h) || h < 0 || h > 23) throw new AppsScriptException('Invalid argument: hour');
    this._hour = h;
    return this._self();
  }
  nearMinute(minute: unknown): GoogleAppsScript.Script.ClockTriggerBuilder {
    const m = Number(minute);
    if (!Number.isInteger(m) || m < 0 || m > 59) throw new AppsScriptException('Invalid argument: minute');
    this._minute = m;
    return this._self();
  }
  inTimezone(timezone: unknown): GoogleAppsScript.Script.ClockTriggerBuilder {
    this._zone = String(timezone);
    return this._self();
  }
  after(durationMilliseconds: unknown): GoogleAppsScript.Script.ClockTriggerBuilder {
    this._once = this._ctx.now() + Math.max(0, Number(durationMilliseconds));
    return this._self();
  }
  at(date: unknown): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!(date instanceof Date)) throw new AppsScriptException('Invalid argument: date');
    this._once = date.getTime();
    return this._self();
  }
  atDate(year: unknown, month: unknown, day: unknown): GoogleAppsScript.Script.ClockTriggerBuilder {
    this._once = instantOf(
      this._zone ?? this._ctx.scriptTimeZone(),
      Number(year),
      Number(month),
      Number(day),
      this._hour ?? 0,
      this._minute ?? 0,
    );
    return this._self();
  }

  create(): GoogleAppsScript.Script.Trigger {
    let schedule: Schedule;
    const zone = this._zone ?? this._ctx.scriptTimeZone();
    if (this._once !== undefined) schedule = { kind: 'once', at: this._once };
    else if (this._interval !== undefined) schedule = { kind: 'interval', everyMs: this._interval };
    else if (this._days !== undefined || this._monthDay !== undefined) {
      schedule = {
        kind: 'days',
        days: this._days ?? 0,
        hour: this._hour,
        minute: this._minute,
        weekDay: this._weekDay,
        monthDay: this._monthDay,
        timeZone: zone,
      };
    } else
      throw new AppsScriptException(
        'A time-based trigger needs a schedule: call everyMinutes, everyHours, everyDays, everyWeeks, onMonthDay, after or at before create.',
      );
    if (this._ctx.addOnMode && schedule.kind === 'interval' && schedule.everyMs < HOUR)
      throw new AppsScriptException(ADDON_INTERVAL);
    const record = addTrigger(this._ctx, {
      handler: this._handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      schedule,
    });
    record.nextRunAt = firstRun(schedule, record.createdAt);
    return new TriggerFake(record, this._ctx.enums) as unknown as GoogleAppsScript.Script.Trigger;
  }
}

export class SpreadsheetTriggerBuilderFake
  implements
    Pick<
      GoogleAppsScript.Script.SpreadsheetTriggerBuilder,
      'onOpen' | 'onEdit' | 'onChange' | 'onFormSubmit' | 'create'
    >
{
  static readonly appsScriptName = 'ScriptApp.SpreadsheetTriggerBuilder';
  private _type?: EventTypeName;
  constructor(
    private readonly _ctx: TriggerContext,
    private readonly _handler: string,
    private readonly _sourceId: string,
  ) {}
  private _set(type: EventTypeName): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    this._type = type;
    return this as unknown as GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
  }
  onOpen(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this._set('ON_OPEN');
  }
  onEdit(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this._set('ON_EDIT');
  }
  onChange(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this._set('ON_CHANGE');
  }
  onFormSubmit(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this._set('ON_FORM_SUBMIT');
  }
  create(): GoogleAppsScript.Script.Trigger {
    if (!this._type)
      throw new AppsScriptException(
        'Trigger event type missing: call onOpen, onEdit, onChange or onFormSubmit before create.',
      );
    const record = addTrigger(this._ctx, {
      handler: this._handler,
      eventType: this._type,
      source: 'SPREADSHEETS',
      sourceId: this._sourceId,
    });
    return new TriggerFake(record, this._ctx.enums) as unknown as GoogleAppsScript.Script.Trigger;
  }
}

function positiveInt(n: unknown, name: string): number {
  const v = Number(n);
  if (!Number.isInteger(v) || v < 1) throw new AppsScriptException(`Invalid argument: ${name}`);
  return v;
}

function addTrigger(
  ctx: TriggerContext,
  init: Pick<TriggerRecord, 'handler' | 'eventType' | 'source' | 'sourceId' | 'schedule'>,
): TriggerRecord {
  const user = ctx.user();
  const documentId = ctx.documentId();
  const mine = ctx.records.filter((r) => r.user.email === user.email);
  if (mine.length >= MAX_TRIGGERS_PER_USER) throw new AppsScriptException(TOO_MANY_TRIGGERS);
  if (ctx.addOnMode && mine.some((r) => r.documentId === documentId && r.eventType === init.eventType)) {
    throw new AppsScriptException(
      init.eventType === 'CLOCK' ? ADDON_TOO_MANY : ADDON_TOO_MANY.replace('time-based', eventWord(init.eventType)),
    );
  }
  const record: TriggerRecord = { ...init, uid: ctx.nextUid(), user: { ...user }, documentId, createdAt: ctx.now() };
  ctx.records.push(record);
  return record;
}

function eventWord(type: EventTypeName): string {
  return {
    CLOCK: 'time-based',
    ON_OPEN: 'open',
    ON_EDIT: 'edit',
    ON_CHANGE: 'change',
    ON_FORM_SUBMIT: 'form submit',
    ON_EVENT_UPDATED: 'calendar',
  }[type];
}

const WEEKDAY_INDEX: Record<WeekDayName, number> = {
  SUNDAY: 0,
  MONDAY: 1,
  TUESDAY: 2,
  WEDNESDAY: 3,
  THURSDAY: 4,
  FRIDAY: 5,
  SATURDAY: 6,
};

/** The first due time of a schedule created at `createdAt`. */
export function firstRun(schedule: Schedule, createdAt: number): number {
  if (schedule.kind === 'once') return schedule.at;
  if (schedule.kind === 'interval') return createdAt + schedule.everyMs;
  const zone = schedule.timeZone;
  const created = zonedFields(createdAt, zone);
  const hour = schedule.hour ?? created.hour;
  const minute = schedule.minute ?? (schedule.hour !== undefined ? 0 : created.minute);
  // Walk day by day (at most ~2 months) to the first matching local day at hour:minute after creation.
  for (let i = 0; i < 62; i++) {
    const probe = zonedFields(createdAt + i * DAY, zone);
    if (schedule.weekDay !== undefined && probe.weekday !== WEEKDAY_INDEX[schedule.weekDay]) continue;
    if (schedule.monthDay !== undefined && probe.day !== schedule.monthDay) continue;
    const at = instantOf(zone, probe.year, probe.month, probe.day, hour, minute);
    if (at > createdAt) return at;
  }
  return createdAt + DAY;
}

/** The next due time after a run that was due at `dueAt`, skipping any times already past `now`. */
export function nextRun(schedule: Schedule, dueAt: number, now: number): number | undefined {
  if (schedule.kind === 'once') return undefined;
  let next = dueAt;
  do {
    if (schedule.kind === 'interval') next += schedule.everyMs;
    else if (schedule.monthDay !== undefined) next = firstRun({ ...schedule, days: 0 }, next + DAY);
    else {
      const f = zonedFields(next + schedule.days * DAY, schedule.timeZone);
      next = instantOf(
        schedule.timeZone,
        f.year,
        f.month,
        f.day,
        zonedFields(next, schedule.timeZone).hour,
        zonedFields(next, schedule.timeZone).minute,
      );
    }
  } while (next <= now);
  return next;
}
