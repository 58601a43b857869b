/**
 * The server API is checked against the shared contract by the compiler (npm test runs tsc on
 * the tests): each `@ts-expect-error` below must stay an error, or tsc fails. At run time,
 * every method of the contract is in the table and refuses a payload of the wrong shape.
 */
import { type ApiHandlers, NO_PAYLOAD } from '../../src/features/api-handler';
import { API } from '../../src/features/api';
import type { ApiMethodName } from '../../src/shared/api-types';

describe('the API table and the contract', () => {
  it('refuses a handler whose answer breaks the contract', () => {
    const wrongAnswer: ApiHandlers<'getQueryLink'> = {
      getQueryLink: {
        read: (_raw) => ({ id: 'q' }),
        // @ts-expect-error the contract answers { url: string | null }
        run: () => ({ link: 'https://example.com' }),
      },
    };
    expect(wrongAnswer.getQueryLink.read(null)).toEqual({ id: 'q' });
  });

  it('refuses a reader whose payload breaks the contract', () => {
    const wrongPayload: ApiHandlers<'renameQuery'> = {
      renameQuery: {
        // @ts-expect-error the contract's payload is { id: string; name: string }
        read: (_raw) => ({ id: 'q', title: 'x' }),
        run: (p) => {
          throw new Error(p.id);
        },
      },
    };
    expect(typeof wrongPayload.renameQuery.run).toBe('function');
  });

  it('refuses a table with a method missing', () => {
    // @ts-expect-error listRecentRuns is missing
    const missing: ApiHandlers<'getSession' | 'listRecentRuns'> = {
      getSession: {
        read: NO_PAYLOAD,
        run: () => ({ lang: 'en', email: '', spreadsheetTimeZone: 'UTC', spreadsheetUrl: '' }),
      },
    };
    expect(Object.keys(missing)).toEqual(['getSession']);
  });

  it('holds every method of the contract', () => {
    const methods: Record<ApiMethodName, true> = {
      getSession: true,
      listDataSourceKinds: true,
      listDataSources: true,
      saveDataSource: true,
      deleteDataSource: true,
      testDataSource: true,
      getSchema: true,
      listQueries: true,
      getQuery: true,
      saveQuery: true,
      forkQuery: true,
      renameQuery: true,
      archiveQuery: true,
      restoreQuery: true,
      listVersions: true,
      restoreVersion: true,
      listParameterOptions: true,
      previewQuery: true,
      runQuery: true,
      runQueryToTab: true,
      getQueryLink: true,
      listRecentRuns: true,
      getScheduleStatus: true,
      turnOnSchedule: true,
      setupHealth: true,
      getHealthAlerts: true,
      saveHealthAlerts: true,
      listDestinationKinds: true,
      listDestinations: true,
      saveDestination: true,
      deleteDestination: true,
      sendTestDestination: true,
      listAlerts: true,
      saveAlert: true,
      deleteAlert: true,
      addRowsCheck: true,
      previewAlertMessage: true,
      openAlertHistory: true,
      runDiagnostics: true,
    };
    expect(Object.keys(API).sort()).toEqual(Object.keys(methods).sort());
  });
});
