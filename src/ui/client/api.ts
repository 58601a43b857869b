/**
 * The sidebar's one door to the server: google.script.run.sheetdashApi(method, payload, lang),
 * typed by the shared contract and wrapped in a Promise. The sidebar's language goes with each
 * call, so the server answers in it without asking Apps Script for the user's locale. A
 * refused call rejects with the server's message, ready to show.
 */
import type { ApiMethods, ApiMethodName, ApiResponse } from '../../shared/api-types';
import { getLang, t } from './i18n';

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  sheetdashApi(method: string, payload: unknown, lang: string): void;
}

declare global {
  interface Window {
    google?: { script?: { run?: ScriptRun } };
  }
}

export type Payload<M extends ApiMethodName> = ApiMethods[M][0];
export type Answer<M extends ApiMethodName> = ApiMethods[M][1];

export function call<M extends ApiMethodName>(
  method: M,
  ...args: Payload<M> extends undefined ? [] : [Payload<M>]
): Promise<Answer<M>> {
  const payload = args[0];
  return new Promise((resolve, reject) => {
    const run = window.google?.script?.run;
    if (!run) {
      reject(new Error(t('common.serverUnreachable', { detail: 'google.script.run' })));
      return;
    }
    run
      .withSuccessHandler((answer) => {
        const response = answer as ApiResponse<Answer<M>> | null;
        if (response && response.ok === true) resolve(response.value);
        else
          reject(
            new Error(
              response && response.ok === false
                ? response.error
                : t('common.serverUnreachable', { detail: String(answer) }),
            ),
          );
      })
      .withFailureHandler((error) => {
        const detail = error instanceof Error ? error.message : String(error);
        reject(new Error(t('common.serverUnreachable', { detail })));
      })
      .sheetdashApi(method, payload, getLang());
  });
}
