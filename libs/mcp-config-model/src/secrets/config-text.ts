/**
 * The secret policy applied to a host file's TEXT (for diffs and excerpts): the strings the policy
 * masks in the parsed file are masked wherever they appear in its lines, and a value-level diff
 * names the changed JSON paths (for minified files, where a line diff would print the whole file).
 */
import { parse, type ParseError } from 'jsonc-parser';
import { structuredValueOf } from '../text/codecs';
import { maskSecretsInText, redactJsonValue, SECRET_MASK, secretArgs, secretStrings } from './policy';

/** A JSON string literal, quotes included. */
const STRING_LITERAL = /"(?:[^"\\\n]|\\.)*"/g;

/** Deeper than this, a document is not parsed here (jsonc-parser recurses). */
const MAX_DEPTH = 512;

/** How deep `[` / `{` nest in a JSON(C) text, strings and comments skipped; stops counting past `limit`. */
export function nestingDepth(text: string, limit = Infinity): { depth: number; offset: number } {
  let depth = 0;
  let max = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // string
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22 || d === 0x0a) break;
      }
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2f) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > max) {
        max = depth;
        at = i;
        if (max > limit) return { depth: max, offset: at };
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return { depth: max, offset: at };
}

/** The value of a JSON / JSONC text, or undefined when it is not one (or nests too deep to parse safely). */
export function parseLenient(text: string): unknown {
  if (!text || nestingDepth(text, MAX_DEPTH).depth > MAX_DEPTH) return undefined;
  try {
    const errors: ParseError[] = [];
    const value = parse(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
    return value;
  } catch {
    return undefined;
  }
}

/**
 * The values of a host file in the formats host files use: its JSON / JSONC value when it parses
 * cleanly; else the lenient JSON reading and, when the text is TOML (Codex, Grok) or YAML (Goose,
 * Continue), that value too, so a secret is found whichever reading holds it.
 */
function parseAnyConfig(text: string): unknown[] {
  if (!text) return [];
  if (nestingDepth(text, MAX_DEPTH).depth <= MAX_DEPTH) {
    try {
      const errors: ParseError[] = [];
      const value = parse(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
      if (errors.length === 0) return [value];
    } catch {
      /* not JSON */
    }
  }
  const values: unknown[] = [parseLenient(text)];
  // the codecs are loaded only here, for a text that is not JSON (decision 0010: JSON-only runs never load them)
  for (const format of ['toml', 'yaml'] as const) {
    try {
      values.push(structuredValueOf(format, text));
      break;
    } catch {
      /* not this format */
    }
  }
  return values;
}

/** Secret strings shorter than this are not masked by their bare text (only as quoted literals). */
const MIN_BARE = 6;

/** Texts up to this size are parsed to find their secrets structurally; larger ones use the line rules only. */
const STRUCTURAL_LIMIT = 256 * 1024;

function decode(literal: string): string | undefined {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return undefined;
  }
}

/**
 * A function that masks secrets in any line of these texts (host files before and after an edit),
 * given the line before it when there is one: the string literals of the line, with the last one of
 * the line before, are read as an argument list (`"--api-key",` then `"x"`, `"-e", "TOKEN=x"`,
 * `"--token=x"`); for files up to 256 KB every string the policy masks in the parsed file (a value
 * under a secret key, wherever its line) is masked too; then the free-text rules of
 * {@link maskSecretsInText} (`"GITHUB_TOKEN": "x"`, token shapes, `user:pass@`...). TOML and YAML
 * texts are parsed too (their codecs loaded only for a text that is not JSON), and the secret strings
 * found are also masked where they appear bare or single-quoted (`GITHUB_TOKEN: x`). Linear in the
 * length of the line (times the number of secret strings of the file).
 */
export function secretMaskerFor(...texts: string[]): (line: string, previousLine?: string) => string {
  const replacements = new Map<string, string>();
  // TOML and YAML write strings unquoted, single-quoted or quoted: their secrets are also masked by
  // their bare text (longest first, so a secret containing another is masked whole)
  const bare: Array<[string, string]> = [];
  if (texts.reduce((n, t) => n + t.length, 0) <= STRUCTURAL_LIMIT) {
    for (const t of texts) {
      for (const [raw, safe] of parseAnyConfig(t).flatMap((v) => [...secretStrings(v)])) {
        replacements.set(JSON.stringify(raw), JSON.stringify(safe));
        if (raw.length >= MIN_BARE && !raw.includes('\n')) bare.push([raw, safe]);
      }
    }
    bare.sort((a, b) => b[0].length - a[0].length);
  }
  const maskBare = (line: string) => {
    let out = line;
    for (const [raw, safe] of bare) if (out.includes(raw)) out = out.split(raw).join(safe);
    return out;
  };
  return (line: string, previousLine?: string) => {
    if (!line.includes('"')) return maskSecretsInText(maskBare(line));
    const found = [...line.matchAll(STRING_LITERAL)];
    const before = previousLine !== undefined ? [...previousLine.matchAll(STRING_LITERAL)].pop() : undefined;
    const values = [before, ...found].map((m) => (m ? (decode(m[0]) ?? '') : ''));
    const masked = new Map<number, string>();
    for (const sa of secretArgs(values)) {
      if (sa.index === 0) continue;
      const v = values[sa.index];
      masked.set(sa.index - 1, JSON.stringify(sa.part === 'value' ? SECRET_MASK : `${v.slice(0, v.indexOf('=') + 1)}${SECRET_MASK}`));
    }
    let out = '';
    let from = 0;
    found.forEach((m, i) => {
      const at = m.index ?? 0;
      out += line.slice(from, at) + (masked.get(i) ?? replacements.get(m[0]) ?? m[0]);
      from = at + m[0].length;
    });
    return maskSecretsInText(maskBare(out + line.slice(from)));
  };
}

/** One changed value between two versions of a JSON document. */
export interface ValueChange {
  /** `mcpServers.github.env.GITHUB_TOKEN` (`["a.b"]` for a key that is not a plain word). */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  /** The old value as JSON, secrets masked (absent when added). */
  before?: string;
  /** The new value as JSON, secrets masked (absent when removed). */
  after?: string;
}

const MAX_SHOWN = 160;

function segment(key: string | number, first: boolean): string {
  if (typeof key === 'number') return `[${key}]`;
  if (/^[A-Za-z_$][\w$-]*$/.test(key)) return first ? key : `.${key}`;
  return `[${JSON.stringify(key)}]`;
}

function shown(value: unknown): string {
  const s = JSON.stringify(value) ?? 'undefined';
  return s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN - 1)}…` : s;
}

/** Leaves of a value: objects are walked, arrays and scalars are leaves. */
function leaves(raw: unknown, safe: unknown, prefix: string, out: Map<string, { raw: string; safe: string }>): void {
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && Object.keys(raw).length > 0) {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) leaves(v, (safe as Record<string, unknown>)?.[k], prefix + segment(k, prefix === ''), out);
    return;
  }
  out.set(prefix || '(root)', { raw: JSON.stringify(raw) ?? 'undefined', safe: shown(safe) });
}

/**
 * The values that differ between two JSON(C) texts, by path, secrets masked (a changed secret is
 * `•••• (changed)`), so that a one-line file is shown by what changed instead of whole.
 * Undefined when either text is not JSON.
 */
export function diffConfigValues(before: string, after: string): ValueChange[] | undefined {
  const a = before.trim() === '' ? {} : parseLenient(before);
  const b = after.trim() === '' ? {} : parseLenient(after);
  if (a === undefined || b === undefined) return undefined;
  const la = new Map<string, { raw: string; safe: string }>();
  const lb = new Map<string, { raw: string; safe: string }>();
  leaves(a, redactJsonValue(a), '', la);
  leaves(b, redactJsonValue(b), '', lb);
  const out: ValueChange[] = [];
  for (const [path, va] of la) {
    const vb = lb.get(path);
    if (!vb) out.push({ path, kind: 'removed', before: va.safe });
    else if (vb.raw !== va.raw) {
      const same = va.safe === vb.safe;
      out.push({ path, kind: 'changed', before: va.safe, after: same ? (va.safe.includes(SECRET_MASK) ? `${SECRET_MASK} (changed)` : `${vb.safe} (changed)`) : vb.safe });
    }
  }
  for (const [path, vb] of lb) if (!la.has(path)) out.push({ path, kind: 'added', after: vb.safe });
  return out;
}
