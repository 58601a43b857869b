/** ScriptApp's enums, one set per runtime (values are compared by identity in the sandbox). */
import { makeEnum } from './enums';

export function createScriptEnums() {
  return {
    AuthMode: makeEnum('ScriptApp.AuthMode', ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const),
    AuthorizationStatus: makeEnum('ScriptApp.AuthorizationStatus', ['REQUIRED', 'NOT_REQUIRED'] as const),
    EventType: makeEnum('ScriptApp.EventType', [
      'CLOCK',
      'ON_OPEN',
      'ON_EDIT',
      'ON_FORM_SUBMIT',
      'ON_CHANGE',
      'ON_EVENT_UPDATED',
    ] as const),
    TriggerSource: makeEnum('ScriptApp.TriggerSource', [
      'SPREADSHEETS',
      'CLOCK',
      'FORMS',
      'DOCUMENTS',
      'CALENDAR',
    ] as const),
    WeekDay: makeEnum('ScriptApp.WeekDay', [
      'SUNDAY',
      'MONDAY',
      'TUESDAY',
      'WEDNESDAY',
      'THURSDAY',
      'FRIDAY',
      'SATURDAY',
    ] as const),
    InstallationSource: makeEnum('ScriptApp.InstallationSource', [
      'APPS_MARKETPLACE_DOMAIN_ADD_ON',
      'NONE',
      'WEB_STORE_ADD_ON',
    ] as const),
  };
}

export type ScriptEnums = ReturnType<typeof createScriptEnums>;
export type EventTypeName = keyof ScriptEnums['EventType'];
export type WeekDayName = keyof ScriptEnums['WeekDay'];
