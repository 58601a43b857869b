/**
 * The readable markers the health formulas show in a cell instead of an error (#REF!, #N/A,
 * #VALUE!), in the language of whoever set the tabs up. Every marker starts with ⚠ (a problem
 * to fix) or ℹ (information), so conditional formatting and tests can find them.
 */
import { type Lang, translate } from '../i18n';

export const MARKERS = {
  notInConfig: 'health.mark.notInConfig',
  notNumber: 'health.mark.notNumber',
  notDate: 'health.mark.notDate',
  settings: 'health.mark.settings',
  noColumn: 'health.mark.noColumn',
  columnMoved: 'health.mark.columnMoved',
  missingRule: 'health.mark.missingRule',
  noId: 'health.mark.noId',
  duplicateId: 'health.mark.duplicateId',
  notInDatabase: 'health.mark.notInDatabase',
  allWeightsZero: 'health.mark.allWeightsZero',
  noBand: 'health.mark.noBand',
  edges: 'health.mark.edges',
  edgeNotNumber: 'health.mark.edgeNotNumber',
  weightNotNumber: 'health.mark.weightNotNumber',
  direction: 'health.mark.direction',
} as const;
export type Marker = keyof typeof MARKERS;

/** Shown in a measure's cell when its data is missing and the rule is "exclude". */
export const EXCLUDED = '—';
export const OK_MARK = '✓';

export function marker(lang: Lang, which: Marker): string {
  return translate(lang, MARKERS[which]);
}

export function isMarker(value: unknown): boolean {
  return typeof value === 'string' && (value.startsWith('⚠') || value.startsWith('ℹ'));
}
