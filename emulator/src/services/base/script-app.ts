/**
 * ScriptApp: enums, authorization info, script id, OAuth token, and installable triggers
 * (see triggers.ts). Host side: list triggers, fire the time-driven ones that are due on the
 * virtual clock and the spreadsheet ones on demand, each as a new execution run as the
 * trigger's creator; failures are recorded (add-ons get no failure e-mail) and never thrown.
 */
import type { AuthModeName, ExecutionUser } from '../../core/execution';
import type { ServiceHost } from '../../core/host';
import type { SpreadsheetService } from '../spreadsheet';
import { containerDocumentId } from './document';
import type { EnumValue } from './enums';
import { createScriptEnums, type EventTypeName, type ScriptEnums } from './script-enums';
import { nextRun, TriggerBuilderFake, TriggerFake, type TriggerContext, type TriggerRecord } from './triggers';

export interface TriggerRun {
  triggerUid: string;
  handler: string;
  user: string;
  /** When the run was due and when it started, on the virtual clock. */
  dueAt: number;
  startedAt: number;
  ok: boolean;
  value?: unknown;
  error?: { name: string; message: string };
}

export interface TriggerInfo {
  uid: string;
  handler: string;
  eventType: EventTypeName;
  source: 'CLOCK' | 'SPREADSHEETS';
  sourceId: string | null;
  user: string;
  documentId: string;
  nextRunAt?: number;
  schedule?: TriggerRecord['schedule'];
}

export class AuthorizationInfoFake
  implements Pick<GoogleAppsScript.Script.AuthorizationInfo, 'getAuthorizationStatus' | 'getAuthorizationUrl'>
{
  static readonly appsScriptName = 'ScriptApp.AuthorizationInfo';
  constructor(
    private readonly _status: EnumValue,
    private readonly _url: string | null,
    private readonly _scopes: string[],
  ) {}
  getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus {
    return this._status as unknown as GoogleAppsScript.Script.AuthorizationStatus;
  }
  getAuthorizationUrl(): string {
    return this._url as string;
  }
  getAuthorizedScopes(): string[] {
    return [...this._scopes];
  }
}

export class ServiceInfoFake {
  static readonly appsScriptName = 'ScriptApp.Service';
  constructor(private readonly _scriptId: string) {}
  getUrl(): string {
    return `https://script.google.com/macros/s/${this._scriptId}/exec`;
  }
  isEnabled(): boolean {
    return false;
  }
}

type Methods =
  | 'getAuthorizationInfo'
  | 'getScriptId'
  | 'getOAuthToken'
  | 'newTrigger'
  | 'getProjectTriggers'
  | 'getUserTriggers'
  | 'deleteTrigger'
  | 'getInstallationSource';

export class ScriptAppFake implements Pick<GoogleAppsScript.Script.ScriptApp, Methods> {
  static readonly appsScriptName = 'ScriptApp';
  readonly AuthMode: ScriptEnums['AuthMode'];
  readonly AuthorizationStatus: ScriptEnums['AuthorizationStatus'];
  readonly EventType: ScriptEnums['EventType'];
  readonly TriggerSource: ScriptEnums['TriggerSource'];
  readonly WeekDay: ScriptEnums['WeekDay'];
  readonly InstallationSource: ScriptEnums['InstallationSource'];

  private readonly _enums = createScriptEnums();
  private readonly _records: TriggerRecord[] = [];
  private readonly _runs: TriggerRun[] = [];
  private _uid = 4_023_456;
  private _authorizationRequired = false;
  private readonly _ctx: TriggerContext;

  constructor(
    private readonly _host: ServiceHost,
    private readonly _spreadsheet: SpreadsheetService,
    private readonly _scriptId = '1SheetdashEmulatorScriptId0000000000000000000000000000000',
  ) {
    this.AuthMode = this._enums.AuthMode;
    this.AuthorizationStatus = this._enums.AuthorizationStatus;
    this.EventType = this._enums.EventType;
    this.TriggerSource = this._enums.TriggerSource;
    this.WeekDay = this._enums.WeekDay;
    this.InstallationSource = this._enums.InstallationSource;
    this._ctx = {
      enums: this._enums,
      now: () => this._host.clock.now(),
      scriptTimeZone: () => this._host.manifest.timeZone ?? 'America/New_York',
      addOnMode: this._host.addOnMode,
      documentId: () => containerDocumentId(this._spreadsheet),
      user: () => this._host.currentExecution()?.user ?? { email: 'user@example.com', locale: 'en' },
      records: this._records,
      nextUid: () => String(this._uid++),
    };
  }

  getAuthorizationInfo(_authMode?: unknown): GoogleAppsScript.Script.AuthorizationInfo {
    const required = this._authorizationRequired;
    const status = this._enums.AuthorizationStatus[required ? 'REQUIRED' : 'NOT_REQUIRED'];
    const url = required ? `https://script.google.com/macros/d/${this._scriptId}/authorize` : null;
    return new AuthorizationInfoFake(
      status,
      url,
      this._host.manifest.oauthScopes ?? [],
    ) as unknown as GoogleAppsScript.Script.AuthorizationInfo;
  }

  getScriptId(): string {
    return this._scriptId;
  }

  getOAuthToken(): string {
    const email = this._host.currentExecution()?.user.email ?? 'user';
    return `ya29.emulator-token-${Buffer.from(email).toString('base64url')}`;
  }

  getService(): ServiceInfoFake {
    return new ServiceInfoFake(this._scriptId);
  }

  getInstallationSource(): GoogleAppsScript.Script.InstallationSource {
    return this._enums.InstallationSource[
      this._host.addOnMode ? 'WEB_STORE_ADD_ON' : 'NONE'
    ] as unknown as GoogleAppsScript.Script.InstallationSource;
  }

  newTrigger(functionName: unknown): GoogleAppsScript.Script.TriggerBuilder {
    return new TriggerBuilderFake(this._ctx, String(functionName)) as unknown as GoogleAppsScript.Script.TriggerBuilder;
  }

  getProjectTriggers(): GoogleAppsScript.Script.Trigger[] {
    const email = this._ctx.user().email;
    return this._records.filter((r) => r.user.email === email).map((r) => this._wrap(r));
  }

  getUserTriggers(document: unknown): GoogleAppsScript.Script.Trigger[] {
    const email = this._ctx.user().email;
    const id = typeof document === 'string' ? document : (document as { getId?: () => unknown } | null)?.getId?.();
    return this._records
      .filter(
        (r) =>
          r.user.email === email &&
          (r.sourceId === id || (this._host.addOnMode && r.source === 'CLOCK' && r.documentId === id)),
      )
      .map((r) => this._wrap(r));
  }

  deleteTrigger(trigger: unknown): void {
    const uid = trigger instanceof TriggerFake ? trigger._record.uid : undefined;
    const email = this._ctx.user().email;
    const i = this._records.findIndex((r) => r.uid === uid && r.user.email === email);
    if (i >= 0) this._records.splice(i, 1);
  }

  // ---- host side ----

  /** The value of `ScriptApp.AuthMode.<mode>` (for trigger event objects). */
  _authModeValue(mode: AuthModeName): EnumValue {
    return this._enums.AuthMode[mode];
  }

  /** Make getAuthorizationInfo report REQUIRED (a user whose authorization lapsed). */
  _setAuthorizationRequired(required: boolean): void {
    this._authorizationRequired = required;
  }

  _triggers(): TriggerInfo[] {
    return this._records.map((r) => ({
      uid: r.uid,
      handler: r.handler,
      eventType: r.eventType,
      source: r.source,
      sourceId: r.sourceId,
      user: r.user.email,
      documentId: r.documentId,
      nextRunAt: r.nextRunAt,
      schedule: r.schedule,
    }));
  }

  /** Every trigger run so far (time-driven and spreadsheet), oldest first. */
  _runsSoFar(): TriggerRun[] {
    return [...this._runs];
  }

  /** Failed trigger runs: what the add-on's users would never be e-mailed about. */
  _failures(): TriggerRun[] {
    return this._runs.filter((r) => !r.ok);
  }

  /** Runs every time-driven trigger due by now on the virtual clock, once each, earliest first. */
  _fireDueTimeTriggers(): TriggerRun[] {
    const now = this._host.clock.now();
    const due = this._records
      .filter((r) => r.source === 'CLOCK' && r.nextRunAt !== undefined && r.nextRunAt <= now)
      .sort((a, b) => a.nextRunAt! - b.nextRunAt!);
    const runs: TriggerRun[] = [];
    for (const record of due) {
      if (!this._records.includes(record)) continue; // deleted by an earlier handler
      const dueAt = record.nextRunAt!;
      const next = record.schedule ? nextRun(record.schedule, dueAt, now) : undefined;
      if (next === undefined) this._records.splice(this._records.indexOf(record), 1);
      else record.nextRunAt = next;
      runs.push(this._run(record, this._timeEvent(record), 'time-trigger', dueAt));
    }
    return runs;
  }

  /** Runs the installable spreadsheet triggers of that type on the container document. */
  _fireSpreadsheetTrigger(
    type: 'onEdit' | 'onChange' | 'onOpen' | 'onFormSubmit',
    event: Record<string, unknown> = {},
  ): TriggerRun[] {
    const eventType = (
      { onEdit: 'ON_EDIT', onChange: 'ON_CHANGE', onOpen: 'ON_OPEN', onFormSubmit: 'ON_FORM_SUBMIT' } as const
    )[type];
    const doc = containerDocumentId(this._spreadsheet);
    const matching = this._records.filter((r) => r.eventType === eventType && r.sourceId === doc);
    return matching.map((record) =>
      this._run(
        record,
        { ...event, authMode: this._enums.AuthMode.FULL, triggerUid: record.uid },
        'installable-trigger',
        this._host.clock.now(),
      ),
    );
  }

  private _wrap(record: TriggerRecord): GoogleAppsScript.Script.Trigger {
    return new TriggerFake(record, this._enums) as unknown as GoogleAppsScript.Script.Trigger;
  }

  private _timeEvent(record: TriggerRecord): Record<string, unknown> {
    const d = new Date(this._host.clock.now());
    const dow = d.getUTCDay() === 0 ? 7 : d.getUTCDay();
    const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 4 - dow));
    const week = Math.ceil(((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / 86_400_000 + 1) / 7);
    return {
      authMode: this._enums.AuthMode.FULL,
      triggerUid: record.uid,
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      'day-of-month': d.getUTCDate(),
      'day-of-week': dow,
      'week-of-year': week,
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      timezone: 'UTC',
    };
  }

  private _run(
    record: TriggerRecord,
    event: Record<string, unknown>,
    kind: 'time-trigger' | 'installable-trigger',
    dueAt: number,
  ): TriggerRun {
    const base = {
      triggerUid: record.uid,
      handler: record.handler,
      user: record.user.email,
      dueAt,
      startedAt: this._host.clock.now(),
    };
    let run: TriggerRun;
    try {
      const user: ExecutionUser = { ...record.user };
      const value = this._host.runExecution(record.handler, [event], {
        authMode: 'FULL',
        kind,
        triggerUid: record.uid,
        user,
      });
      run = { ...base, ok: true, value };
    } catch (error) {
      const reported = (error as { result?: { error?: { name: string; message: string } } }).result?.error;
      const e = error as { name?: unknown; message?: unknown };
      run = {
        ...base,
        ok: false,
        error: reported ?? { name: String(e?.name ?? 'Error'), message: String(e?.message ?? error) },
      };
    }
    this._runs.push(run);
    return run;
  }
}
