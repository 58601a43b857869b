/**
 * A sample notification for "Send test" and the template preview: a check that fired with three
 * rows, named so that a reader sees it is a test.
 */
import { translate } from '../core/i18n';
import type { AlertState, Lang } from '../shared/api-types';
import type { AlertNotification } from './message';

export function sampleNotification(lang: Lang, at: string, state: AlertState = 'triggered'): AlertNotification {
  const rows = [
    [1042, 'inv-1042', -120.5],
    [1077, 'inv-1077', -3],
    [1101, 'inv-1101', -48.25],
  ];
  return {
    alert: { id: 'sample', name: translate(lang, 'alert.sample.alertName') },
    query: { id: 'sample', name: translate(lang, 'alert.sample.queryName') },
    state,
    previousState: state === 'triggered' ? 'ok' : 'triggered',
    condition: { column: '', op: '>', value: '0', selector: 'count' },
    value: state === 'triggered' ? rows.length : 0,
    reason: null,
    resultUrl: null,
    result: { columns: ['id', 'invoice', 'balance'], rows: state === 'triggered' ? rows : [] },
    rowCount: state === 'triggered' ? rows.length : 0,
    at,
  };
}
