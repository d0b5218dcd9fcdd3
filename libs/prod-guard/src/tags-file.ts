/**
 * tags-file: `~/.aws-profile-tags.yaml`, profile -> environment.
 *
 * Format: one flat YAML mapping, `profile-name: environment`, nothing else at the top level.
 * Comments and blank lines are free. Values are `prod`, `staging`, `dev`, `sandbox`,
 * `shared-services` (common spellings such as `production` or `Prod` are folded to these) or a
 * custom label. An empty or missing file means "no tags".
 *
 * Edits (`setTag`, `removeTag`) change only the lines of the one entry and re-emit every other byte
 * unchanged; writes are atomic (temp file in the same folder + rename), keep the file's mode, follow
 * symlinks, keep a `.bak` of the previous content and take a lock against a second writer.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isValidIdentifier, resolveHome, type Env } from '@awsmcp/aws-config-parser';
import type { Document, Pair, YAMLMap } from 'yaml';
import { TagsFileError, type TagsIssue } from './errors';
import { resolveWriteTargetSync, safeWriteFileSync } from '@awsmcp/mcp-config-model/safe-write';
import { ENVIRONMENTS, parseTagValue, TagValueSchema, type Environment } from './schema';

type Yaml = typeof import('yaml');
let yamlModule: Yaml | undefined;
/** The yaml package, loaded on first use (~18 ms): flat tags files are read without it. */
export function yaml(): Yaml {
  return (yamlModule ??= require('yaml') as Yaml);
}

export const TAGS_FILE_NAME = '.aws-profile-tags.yaml';

/** One `profile: environment` line of the file. */
export interface TagEntry {
  profile: string;
  /** The stored value: a known environment, or the custom label as written. */
  env: string;
  /** True when `env` is one of the known environments. */
  known: boolean;
  /** The value exactly as written (before folding `Production` to `prod`). */
  raw: string;
  /** 1-based position of the profile name. */
  line: number;
  column: number;
}

/** A parsed tags file. Plain data: edits return a new value. */
export interface ProfileTags {
  file: string;
  /** False when the file did not exist (then `text` is empty). */
  exists: boolean;
  /** The file's text, exactly. */
  text: string;
  /** profile -> env, for lookups (a null-prototype object). */
  tags: Record<string, string>;
  entries: TagEntry[];
}

/** `~/.aws-profile-tags.yaml` for the given environment (HOME, USERPROFILE, ...; default `process.env`). */
export function defaultTagsPath(env: Env = process.env): string {
  return path.join(resolveHome(env), TAGS_FILE_NAME);
}

function isKnown(env: string): env is Environment {
  return (ENVIRONMENTS as readonly string[]).includes(env);
}

function describeNode(node: unknown): string {
  const { isMap, isScalar } = yaml();
  if (node === null || node === undefined) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'an empty value (null)';
    return typeof v === 'object' ? 'an object' : `a ${typeof v} (${String(node.source ?? v)})`;
  }
  if (typeof node === 'object' && node !== null && 'items' in node) return 'a list';
  return 'an alias or other node';
}

interface ParsedDoc {
  doc: Document.Parsed;
  lc: InstanceType<Yaml['LineCounter']>;
  map?: YAMLMap.Parsed;
}

function parseDoc(text: string, file: string): ParsedDoc {
  const { isMap, isScalar, LineCounter, parseDocument } = yaml();
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, keepSourceTokens: false });
  if (doc.errors.length > 0) {
    const issues: TagsIssue[] = doc.errors.map((e) => {
      const pos = e.linePos?.[0] ?? lc.linePos(e.pos[0]);
      return {
        code: 'TAGS_PARSE_ERROR',
        file,
        line: pos.line,
        column: pos.col,
        reason:
          e.code === 'MULTIPLE_DOCS'
            ? 'invalid YAML: the tags file holds one document (found a second `---`)'
            : `invalid YAML: ${e.message.replace(/ at line \d+, column \d+[\s\S]*$/, '')}`,
      };
    });
    throw TagsFileError.fromIssues(issues);
  }
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return { doc, lc };
  if (!isMap(contents)) {
    const pos = lc.linePos(contents.range?.[0] ?? 0);
    throw TagsFileError.fromIssues([
      {
        code: 'TAGS_INVALID',
        file,
        line: pos.line,
        column: pos.col,
        reason: `expected a mapping of profile names to environments (\`my-profile: prod\`), got ${describeNode(contents)}`,
      },
    ]);
  }
  return { doc, lc, map: contents as YAMLMap.Parsed };
}

function keyName(pair: Pair): string | undefined {
  const key = pair.key;
  if (!yaml().isScalar(key) || key.value === null || typeof key.value === 'object') return undefined;
  return key.source ?? String(key.value);
}

/**
 * Parse and validate the text of a tags file. Every problem is collected; the error thrown names
 * the first as `file:line:column: reason` and lists all in `issues`.
 */
export function parseTags(text: string, file: string = defaultTagsPath()): ProfileTags {
  return parseFlatTags(text, file) ?? parseTagsWithYaml(text, file);
}

// ---------------------------------------------------------------- the flat fast path

/**
 * One entry line of the documented format, at column 0: a key (plain, or quoted without escapes),
 * `:`, spaces, a value (plain, or quoted without escapes), then optionally spaces and a `# comment`.
 */
const FLAT_ENTRY =
  /^(?:([A-Za-z0-9_][A-Za-z0-9/.%@_:+-]*)|'([A-Za-z0-9/.%@_:+-]+)'|"([A-Za-z0-9/.%@_:+-]+)"):[ ]+(?:([A-Za-z0-9][A-Za-z0-9._/:-]*)|'([A-Za-z0-9._/: -]*)'|"([A-Za-z0-9._/: -]*)")(?:[ ]+#.*)?[ ]*$/;
/** Printable ASCII and line breaks only. */
const FLAT_TEXT = /^[\x20-\x7e\r\n]*$/;
/** A CR that is not part of a CRLF: a line break of its own for YAML. */
const LONE_CR = /\r(?!\n)/;
/** YAML 1.2 core schema: the plain scalars that are not strings (null, booleans, numbers). */
const NOT_A_STRING =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/** A plain scalar the YAML core schema reads as a string (and that cannot start a mapping value). */
function plainString(s: string): boolean {
  return s.charCodeAt(s.length - 1) !== 58 /* : */ && !NOT_A_STRING.test(s);
}

const PLAIN_KEY = /^[A-Za-z0-9_][A-Za-z0-9/.%@_:+-]*$/;

/**
 * A profile name or tag as YAML text: the name itself when it is a plain string the yaml package
 * writes unquoted (a test checks it agrees), else the yaml package's quoting.
 */
export function yamlScalar(value: string): string {
  return PLAIN_KEY.test(value) && plainString(value) ? value : scalarText(value);
}

/**
 * {@link parseTags} for the documented flat format (`profile: env` lines at column 0, comments,
 * blank lines) without the yaml package. Returns undefined for anything else, and for anything
 * invalid, so the yaml path decides and words the error; where it answers, the answer is the yaml
 * path's (a property test compares both on generated flat files).
 */
export function parseFlatTags(text: string, file: string): ProfileTags | undefined {
  // printable ASCII and line breaks only; a CR only right before a LF (CRLF files)
  if (!FLAT_TEXT.test(text) || (text.includes('\r') && LONE_CR.test(text))) return undefined;
  const tags: Record<string, string> = Object.create(null);
  const entries: TagEntry[] = [];
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    const lf = text.indexOf('\n', start);
    const next = lf === -1 ? text.length + 1 : lf + 1;
    const end = lf === -1 ? text.length : lf > start && text.charCodeAt(lf - 1) === 13 ? lf - 1 : lf;
    const at = start;
    start = next;
    // blank and comment lines are skipped without being copied out of the text
    if (at === end) continue;
    const c = text.charCodeAt(at);
    if (c === 35 /* # */) continue;
    if (c === 32) {
      let i = at + 1;
      while (i < end && text.charCodeAt(i) === 32) i++;
      if (i === end || text.charCodeAt(i) === 35) continue;
      return undefined;
    }
    const m = FLAT_ENTRY.exec(text.slice(at, end));
    if (!m) return undefined;
    const profile = m[1] ?? m[2] ?? m[3];
    if (profile.length > 1000 || (m[1] !== undefined && !plainString(profile))) return undefined;
    const raw = m[4] ?? m[5] ?? m[6];
    if (m[4] !== undefined && !plainString(raw)) return undefined;
    if (Object.prototype.hasOwnProperty.call(tags, profile) || !isValidIdentifier(profile)) return undefined;
    const parsed = parseTagValue(raw);
    if (!parsed.success) return undefined;
    tags[profile] = parsed.data;
    entries.push({ profile, env: parsed.data, known: isKnown(parsed.data), raw, line, column: 1 });
  }
  return { file, exists: true, text, tags, entries };
}

/** {@link parseTags} through the yaml package: any YAML, with positioned errors. */
export function parseTagsWithYaml(text: string, file: string): ProfileTags {
  const { isScalar } = yaml();
  const { map, lc } = parseDoc(text, file);
  const tags: Record<string, string> = Object.create(null);
  const entries: TagEntry[] = [];
  const issues: TagsIssue[] = [];
  const at = (offset: number | undefined) => lc.linePos(offset ?? 0);
  for (const pair of map?.items ?? []) {
    const keyNode = pair.key as { range?: [number, number, number] } | null;
    const keyPos = at(keyNode?.range?.[0]);
    const profile = keyName(pair);
    if (profile === undefined) {
      issues.push({ code: 'TAGS_INVALID', file, line: keyPos.line, column: keyPos.col, reason: `expected a profile name as the key, got ${describeNode(pair.key)}` });
      continue;
    }
    if (!isValidIdentifier(profile)) {
      issues.push({
        code: 'TAGS_INVALID',
        file,
        line: keyPos.line,
        column: keyPos.col,
        reason: `"${profile}" is not a valid AWS profile name (letters, digits and - / . % @ _ : + only)`,
      });
      continue;
    }
    const valueNode = pair.value as { range?: [number, number, number] } | null;
    const valuePos = valueNode?.range ? at(valueNode.range[0]) : keyPos;
    if (!isScalar(pair.value) || typeof pair.value.value !== 'string') {
      issues.push({
        code: 'TAGS_INVALID',
        file,
        line: valuePos.line,
        column: valuePos.col,
        reason: `tag of "${profile}": expected a string (prod, staging, dev, sandbox, shared-services or a custom label), got ${describeNode(pair.value)}`,
      });
      continue;
    }
    const raw = pair.value.value;
    const parsed = parseTagValue(raw);
    if (!parsed.success) {
      issues.push({ code: 'TAGS_INVALID', file, line: valuePos.line, column: valuePos.col, reason: `tag of "${profile}": ${parsed.message}` });
      continue;
    }
    tags[profile] = parsed.data;
    entries.push({ profile, env: parsed.data, known: isKnown(parsed.data), raw, line: keyPos.line, column: keyPos.col });
  }
  if (issues.length > 0) throw TagsFileError.fromIssues(issues);
  return { file, exists: true, text, tags, entries };
}

/** Read and validate a tags file. A missing file is not an error: it gives empty tags. */
export function readTags(file: string = defaultTagsPath()): ProfileTags {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') return { file, exists: false, text: '', tags: Object.create(null), entries: [] };
    throw new TagsFileError('TAGS_READ_ERROR', file, `cannot read the tags file (${e.code ?? e.message})`);
  }
  return parseTags(text, file);
}

/** Tags with no file behind them (handy for tests and for callers building tags in memory). */
export function emptyTags(file: string = defaultTagsPath()): ProfileTags {
  return { file, exists: false, text: '', tags: Object.create(null), entries: [] };
}

function scalarText(value: string): string {
  return yaml().stringify(value, { lineWidth: 0 }).replace(/\r?\n$/, '');
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function findPair(map: YAMLMap.Parsed | undefined, profile: string): Pair | undefined {
  return map?.items.find((p) => keyName(p) === profile);
}

function checkEdit(tags: ProfileTags, profile: string): void {
  if (!isValidIdentifier(profile)) {
    throw new TagsFileError('TAGS_EDIT_ERROR', tags.file, `"${profile}" is not a valid AWS profile name (letters, digits and - / . % @ _ : + only)`);
  }
}

/** Re-parse an edited text; if the splice did not give exactly the intended tags, use the Document API instead. */
function settle(tags: ProfileTags, edited: string | undefined, fallback: () => string, expect: (t: Record<string, string>) => boolean): ProfileTags {
  if (edited !== undefined) {
    try {
      const result = parseTags(edited, tags.file);
      if (expect(result.tags)) return { ...result, exists: tags.exists };
    } catch {
      // fall through to the Document API
    }
  }
  return { ...parseTags(fallback(), tags.file), exists: tags.exists };
}

function sameTagsExcept(before: Record<string, string>, after: Record<string, string>, profile: string): boolean {
  const a = Object.keys(before).filter((k) => k !== profile);
  const b = Object.keys(after).filter((k) => k !== profile);
  return a.length === b.length && a.every((k) => after[k] === before[k]);
}

/**
 * Tag a profile (add or change one entry). Only that entry's value (or one new line at the end)
 * changes; every other byte, comments included, stays as it was. Returns new tags; setting the
 * same value again returns the input unchanged.
 */
export function setTag(tags: ProfileTags, profile: string, env: string): ProfileTags {
  checkEdit(tags, profile);
  const parsed = tagValue(env);
  if (!parsed.success) throw new TagsFileError('TAGS_EDIT_ERROR', tags.file, `tag of "${profile}": ${parsed.message}`);
  const value = parsed.data;
  if (Object.prototype.hasOwnProperty.call(tags.tags, profile) && tags.tags[profile] === value) {
    const entry = tags.entries.find((e) => e.profile === profile);
    if (entry && entry.raw === value) return tags;
  }
  const { isScalar } = yaml();
  const text = tags.text;
  const { doc, map } = parseDoc(text, tags.file);
  const pair = findPair(map, profile);
  let edited: string | undefined;
  if (pair && isScalar(pair.value) && pair.value.range) {
    const [start, end] = pair.value.range;
    // a block scalar's range ends after its line break(s): keep them
    const trailing = /\s*$/.exec(text.slice(start, end))?.[0] ?? '';
    edited = text.slice(0, start) + scalarText(value) + trailing + text.slice(end);
  } else if (!pair && (map === undefined || !map.flow)) {
    const eol = eolOf(text);
    const indent = map?.items[0]?.key && isScalar(map.items[0].key) && map.items[0].key.range ? columnOf(text, map.items[0].key.range[0]) : 0;
    const prefix = text.length === 0 || text.endsWith('\n') ? text : text + eol;
    edited = `${prefix}${' '.repeat(indent)}${scalarText(profile)}: ${scalarText(value)}${eol}`;
  }
  return settle(
    tags,
    edited,
    () => {
      doc.set(profile, value);
      return doc.toString();
    },
    (t) => t[profile] === value && sameTagsExcept(tags.tags, t, profile),
  );
}

/** A value given to {@link setTag}: strings without zod; anything else (from untyped callers) through the schema. */
function tagValue(env: unknown): { success: true; data: string } | { success: false; message: string } {
  if (typeof env === 'string') return parseTagValue(env);
  const r = TagValueSchema.safeParse(env);
  return r.success ? { success: true, data: r.data } : { success: false, message: r.error.issues[0].message };
}

function columnOf(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return offset - lineStart;
}

/**
 * Remove a profile's entry: its line(s) go, every other byte stays. Removing a profile that has no
 * entry returns the input unchanged.
 */
export function removeTag(tags: ProfileTags, profile: string): ProfileTags {
  checkEdit(tags, profile);
  if (!Object.prototype.hasOwnProperty.call(tags.tags, profile)) return tags;
  const text = tags.text;
  const { doc, map } = parseDoc(text, tags.file);
  const pair = findPair(map, profile);
  let edited: string | undefined;
  const keyRange = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
  const valueRange = (pair?.value as { range?: [number, number, number] } | undefined)?.range;
  if (map && !map.flow && keyRange && valueRange) {
    const lineStart = text.lastIndexOf('\n', keyRange[0] - 1) + 1;
    if (/^[ \t]*$/.test(text.slice(lineStart, keyRange[0]))) {
      const nl = text.indexOf('\n', valueRange[1]);
      const lineEnd = nl === -1 ? text.length : nl + 1;
      edited = text.slice(0, lineStart) + text.slice(lineEnd);
    }
  }
  return settle(
    tags,
    edited,
    () => {
      doc.delete(profile);
      return doc.toString();
    },
    (t) => !Object.prototype.hasOwnProperty.call(t, profile) && sameTagsExcept(tags.tags, t, profile),
  );
}

export interface WriteTagsOptions {
  /** Write here instead of `tags.file`. */
  file?: string;
  /**
   * Keep the previous content in the per-user backup folder (default true): `backupDir`, else
   * `$XDG_STATE_HOME/awsmcp/backups` / `~/.local/state/awsmcp/backups` (never next to the file).
   */
  backup?: boolean;
  /** The backup folder (the CLI passes the one of its home). */
  backupDir?: string;
  /** How long to wait for another writer's lock, in ms (default 5000). */
  lockTimeoutMs?: number;
}

export interface WriteTagsResult {
  /** The path given. */
  file: string;
  /** The file actually written (the symlink's target when `file` is a link). */
  target: string;
  /** False when the file already had exactly this content (nothing was touched). */
  written: boolean;
  backup?: string;
}

/**
 * Write the tags' text through the safe-write module of @awsmcp/mcp-config-model: atomic (an
 * unpredictable 0600 temp file in the same folder, fsync, rename), under the one lock rule, the
 * mode of an existing file kept (new files get 0600: the file shows which accounts are production),
 * symlinks followed (the target changes, the link stays; a dangling link is refused), a read-only
 * file refused, nothing written when the content is already there.
 */
export function writeTags(tags: ProfileTags, options: WriteTagsOptions = {}): WriteTagsResult {
  const file = options.file ?? tags.file;
  try {
    const r = safeWriteFileSync(file, tags.text, {
      backup: options.backup === false ? false : options.backupDir ? { root: options.backupDir } : true,
      timeoutMs: options.lockTimeoutMs ?? 5000,
      mode: 0o600,
    });
    return { file, target: r.target, written: r.changed, ...(r.backup ? { backup: r.backup } : {}) };
  } catch (err) {
    const e = err as Error & { code?: string; errno?: string };
    if (e.code === 'LOCK_ERROR') throw new TagsFileError('TAGS_WRITE_ERROR', file, `another process is writing the tags file (${e.message.replace(`${resolveQuiet(file)}: `, '')})`);
    const reason = e.code === 'WRITE_ERROR' || e.code === 'READ_ERROR' ? e.message.replace(`${file}: `, '') : `cannot write the tags file (${e.errno ?? e.code ?? e.message})`;
    throw new TagsFileError('TAGS_WRITE_ERROR', file, reason);
  }
}

function resolveQuiet(file: string): string {
  try {
    return resolveWriteTargetSync(file);
  } catch {
    return file;
  }
}

/** Lookup helper: the tag of a profile, if any (safe for names like `constructor`). */
export function tagOf(tags: ProfileTags | Record<string, string> | ReadonlyMap<string, string> | undefined, profile: string): string | undefined {
  if (tags === undefined) return undefined;
  if (tags instanceof Map) return tags.get(profile);
  const record = isProfileTags(tags) ? tags.tags : (tags as Record<string, string>);
  return Object.prototype.hasOwnProperty.call(record, profile) ? record[profile] : undefined;
}

export function isProfileTags(value: unknown): value is ProfileTags {
  return typeof value === 'object' && value !== null && 'entries' in value && 'tags' in value && 'text' in value && Array.isArray((value as ProfileTags).entries);
}
