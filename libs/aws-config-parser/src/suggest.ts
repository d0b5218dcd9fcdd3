/** "Did you mean": the configured names closest to a name that is not configured. */

/** Levenshtein distance (insert, delete, substitute; each costs 1). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The `max` names closest to `name`, case-insensitively: names containing it (or contained in it)
 * first, then by edit distance, ties alphabetical; names that differ in more than half of its
 * characters (at least 3 edits are always allowed) are left out.
 */
export function closestNames(name: string, candidates: readonly string[], max = 3): string[] {
  const lower = name.toLowerCase();
  const limit = Math.max(3, Math.ceil(name.length / 2));
  return [...candidates]
    .map((c) => {
      const l = c.toLowerCase();
      return { c, d: l.includes(lower) || lower.includes(l) ? 0 : levenshtein(lower, l) };
    })
    .filter((x) => x.d <= limit)
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, max)
    .map((x) => x.c);
}
