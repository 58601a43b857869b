/**
 * The health tabs, found by their tag (developer metadata "sheetdash.health" = role), never by
 * name: a renamed tab is still found. A missing tab is made, named in the setup's language;
 * the Customers tab sales already keep (named Customers or 顧客, untagged) is adopted instead.
 */
import { translate, type Lang, type MessageKey } from '../../core/i18n';
import { findTaggedSheet, insertFreeSheet, isAddonTab, tagSheet, type Sheet } from '../../adapters/sheets';
import type { ExecutionContext } from '../context';
import { assertRoomFor, NEW_TAB_CELLS } from '../refresh/workbook';

export const HEALTH_KEY = 'sheetdash.health';
export type HealthRole = 'customers' | 'config' | 'health' | 'overrides' | 'history' | 'dashboard';

export function findHealthTab(role: HealthRole): Sheet | null {
  return findTaggedSheet(HEALTH_KEY, role);
}

export function tabTitle(lang: Lang, role: HealthRole | 'inputs'): string {
  return translate(lang, `health.tab.${role}` as MessageKey);
}

/** The tab of `role`, made (or, for Customers, adopted) when missing; `created` says which. */
export function ensureHealthTab(ctx: ExecutionContext, role: HealthRole): { sheet: Sheet; created: boolean } {
  const found = findHealthTab(role);
  if (found) return { sheet: found, created: false };
  const ss = ctx.spreadsheet();
  if (role === 'customers') {
    for (const name of [tabTitle('en', role), tabTitle('ja', role)]) {
      const existing = ss.getSheetByName(name);
      // a person's Customers tab is adopted; a tab the add-on writes (a query's result) never is
      if (existing && !isAddonTab(existing)) {
        tagSheet(existing, HEALTH_KEY, role, { value: role });
        return { sheet: existing, created: false };
      }
    }
  }
  assertRoomFor(ss, NEW_TAB_CELLS, ctx.lang);
  const sheet = insertFreeSheet(tabTitle(ctx.lang, role)).sheet;
  tagSheet(sheet, HEALTH_KEY, role, { value: role });
  return { sheet, created: true };
}
