/**
 * Searching and filtering the library: every word of the search must appear in the name,
 * description, tags or SQL, compared case-insensitively after NFKC normalisation (so
 * full-width "ＳＥＬＥＣＴ" finds "select" and half-width katakana finds full-width).
 */
import type { StoredQuery } from './query-row';

export type LibraryFilter = 'all' | 'mine' | 'recent' | 'archived';

/** How many queries "recent" lists. */
export const RECENT_COUNT = 20;

export function normaliseForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function matchesSearch(query: StoredQuery, search: string): boolean {
  const words = normaliseForSearch(search).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = normaliseForSearch([query.name, query.description, query.tags.join(' '), query.sql].join('\n'));
  return words.every((w) => haystack.includes(w));
}

export function filterQueries(
  queries: StoredQuery[],
  options: { search?: string; filter?: LibraryFilter; tag?: string; userEmail: string },
): StoredQuery[] {
  const filter = options.filter ?? 'all';
  const tag = options.tag ? normaliseForSearch(options.tag.trim()) : '';
  const out = queries
    .filter((q) => (filter === 'archived' ? q.archived : !q.archived))
    .filter(
      (q) =>
        filter !== 'mine' || (options.userEmail !== '' && q.owner.toLowerCase() === options.userEmail.toLowerCase()),
    )
    .filter((q) => !tag || q.tags.some((t) => normaliseForSearch(t) === tag))
    .filter((q) => matchesSearch(q, options.search ?? ''))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.name.localeCompare(b.name));
  return filter === 'recent' ? out.slice(0, RECENT_COUNT) : out;
}
