/**
 * A line diff for showing what an edit changed (config files are small: plain LCS is enough).
 * What is shown goes through the secret policy (every secret masked, on changed and context lines)
 * and the output sanitiser; a file whose changed lines are long (a minified `~/.claude.json`) is
 * shown by the JSON paths that changed instead of whole.
 */
import { diffConfigValues, sanitizeLine, secretMaskerFor } from '@awsmcp/mcp-config-model';
import type { Style } from './style';

export interface DiffLine {
  op: ' ' | '-' | '+';
  text: string;
  /** 1-based line in the old (for ' ' and '-') or new (for '+') text. */
  line: number;
}

function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function diffLines(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  // trim the common head and tail, then LCS on the middle
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  const n = am.length;
  const m = bm.length;
  const out: DiffLine[] = [];
  for (let i = 0; i < head; i++) out.push({ op: ' ', text: a[i], line: i + 1 });
  if (n * m > 4_000_000) {
    am.forEach((t, i) => out.push({ op: '-', text: t, line: head + i + 1 }));
    bm.forEach((t, i) => out.push({ op: '+', text: t, line: head + i + 1 }));
  } else {
    const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = am[i] === bm[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && am[i] === bm[j]) {
        out.push({ op: ' ', text: am[i], line: head + i + 1 });
        i++;
        j++;
      } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        out.push({ op: '-', text: am[i], line: head + i + 1 });
        i++;
      } else {
        out.push({ op: '+', text: bm[j], line: head + j + 1 });
        j++;
      }
    }
  }
  for (let k = a.length - tail; k < a.length; k++) out.push({ op: ' ', text: a[k], line: k + 1 });
  return out;
}

/** Lines longer than this are not shown whole: the diff names the changed JSON paths instead. */
export const MAX_DIFF_LINE = 240;

/**
 * Changed lines with `context` lines around them, `@@ line N` headers, `-`/`+` prefixes; secrets
 * masked (a secret whose line differs only in the secret shows `(changed)`), control characters
 * shown visibly. When a shown line is longer than {@link MAX_DIFF_LINE}, the changed JSON values
 * by path (`- mcpServers.a.env.AWS_PROFILE: "dev"`), secrets masked.
 */
export function formatDiff(before: string, after: string, context = 1): string[] {
  if (before === after) return [];
  const d = diffLines(before, after);
  const keep = new Set<number>();
  d.forEach((l, i) => {
    if (l.op !== ' ') for (let k = Math.max(0, i - context); k <= Math.min(d.length - 1, i + context); k++) keep.add(k);
  });
  if ([...keep].some((i) => d[i].text.length > MAX_DIFF_LINE)) return valueDiff(before, after, d);
  const mask = secretMaskerFor(before, after);
  // the line before each shown line (an argument's flag can sit on it)
  const oldLines = splitLines(before);
  const newLines = splitLines(after);
  const previous = (l: DiffLine) => (l.line > 1 ? (l.op === '+' ? newLines : oldLines)[l.line - 2] : undefined);
  const out: string[] = [];
  let last = -2;
  let removed = new Set<string>();
  for (let i = 0; i < d.length; i++) {
    if (!keep.has(i)) continue;
    if (i !== last + 1) out.push(`@@ line ${d[i].line}`);
    if (d[i].op === ' ') removed = new Set();
    let text = sanitizeLine(mask(d[i].text, previous(d[i])));
    if (d[i].op === '-') removed.add(text);
    // the line changed only in a masked secret: say so (it would look unchanged)
    else if (d[i].op === '+' && removed.has(text)) text += ' (changed)';
    out.push(`${d[i].op} ${text}`);
    last = i;
  }
  return out;
}

/** The changed values by JSON path (for long lines); a non-JSON text gets its lines cut short. */
function valueDiff(before: string, after: string, d: DiffLine[]): string[] {
  const changes = diffConfigValues(before, after);
  if (!changes) {
    const mask = secretMaskerFor();
    const cut = (t: string) => (t.length > MAX_DIFF_LINE ? `${t.slice(0, MAX_DIFF_LINE)}… (${t.length} characters)` : t);
    return d.filter((l) => l.op !== ' ').map((l) => `${l.op} ${sanitizeLine(cut(mask(l.text)))}`);
  }
  const first = d.find((l) => l.op !== ' ');
  const out = [`@@ line ${first?.line ?? 1}: long lines, the changed values by path`];
  for (const c of changes) {
    if (c.before !== undefined) out.push(`- ${sanitizeLine(`${c.path}: ${c.before}`)}`);
    if (c.after !== undefined) out.push(`+ ${sanitizeLine(`${c.path}: ${c.after}`)}`);
  }
  return out;
}

/** Lines of {@link formatDiff} as printed: indented, removed lines red, added green, context dim. */
export function paintDiff(diff: readonly string[], st: Pick<Style, 'red' | 'green' | 'dim'>): string[] {
  return diff.map((l) => '  ' + (l.startsWith('-') ? st.red(l) : l.startsWith('+') ? st.green(l) : st.dim(l)));
}
