/** What the sidebar's tabs share: the state, the message area and a way to hand work to another tab. */
import type { QueryView } from '../../shared/api-types';
import type { SharedState } from './state';

export type TabName = 'query' | 'library' | 'datasources';

export interface AppContext {
  state: SharedState;
  /**
   * Shows the server's (or our) message in the error area (announced, scrolled into view); null clears it.
   * `fields` with the problem are marked aria-invalid and described by the message until it is cleared.
   */
  showError(message: string | null, ...fields: HTMLElement[]): void;
  selectTab(tab: TabName): void;
  /** Loads a saved query into the editor (asks first when the editor has unsaved changes). */
  openQuery(view: QueryView, near?: HTMLElement): Promise<boolean>;
  /** Puts the keyboard focus in the SQL editor (after a query was opened there). */
  focusEditor(): void;
  /** Reloads data sources and tells the tabs that show them. */
  reloadDataSources(): Promise<void>;
  /** Called after a run so the status line can update. */
  runsChanged(): void;
  /** The library should list again (after save, archive...). */
  libraryChanged(): void;
}

/** An error's message for the page. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
