/**
 * Session: the active and effective user (both the execution's user: installable triggers run
 * as their creator), the user's locale, the script's time zone and a temporary user key.
 */
import { createHash } from 'node:crypto';
import type { ServiceHost } from '../../core/host';

export class UserFake implements Pick<GoogleAppsScript.Base.User, 'getEmail'> {
  static readonly appsScriptName = 'Session.User';
  constructor(private readonly _email: string) {}
  getEmail(): string {
    return this._email;
  }
  toString(): string {
    return this._email;
  }
}

type Methods =
  | 'getActiveUser'
  | 'getEffectiveUser'
  | 'getActiveUserLocale'
  | 'getScriptTimeZone'
  | 'getTemporaryActiveUserKey';

export class SessionFake implements Pick<GoogleAppsScript.Base.Session, Methods> {
  static readonly appsScriptName = 'Session';
  constructor(private readonly _host: ServiceHost) {}

  getActiveUser(): GoogleAppsScript.Base.User {
    return new UserFake(this._email()) as unknown as GoogleAppsScript.Base.User;
  }
  getEffectiveUser(): GoogleAppsScript.Base.User {
    return new UserFake(this._email()) as unknown as GoogleAppsScript.Base.User;
  }
  getActiveUserLocale(): string {
    return this._host.currentExecution()?.user.locale ?? 'en';
  }
  getScriptTimeZone(): string {
    return this._host.manifest.timeZone ?? 'America/New_York';
  }
  getTemporaryActiveUserKey(): string {
    return createHash('sha256').update(`sheetdash-emulator:${this._email()}`).digest('base64url').slice(0, 43);
  }

  private _email(): string {
    return this._host.currentExecution()?.user.email ?? '';
  }
}
