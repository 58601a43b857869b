/**
 * Header labels for a result tab: the column labels as the database gives them, made unique
 * ("id", "id (2)") so that lookups by header in other tabs find one column each.
 */
export function uniqueHeaders(labels: string[]): { headers: string[]; renamed: string[] } {
  const used = new Set<string>();
  const renamed: string[] = [];
  const headers = labels.map((raw, i) => {
    const label = raw === '' ? `column${i + 1}` : raw;
    let candidate = label;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${label} (${n})`;
    used.add(candidate.toLowerCase());
    if (candidate !== label) renamed.push(candidate);
    return candidate;
  });
  return { headers, renamed };
}
