/**
 * TOML: parse with positions (toml-eslint-parser) and make minimal text edits (splices) for the
 * few changes awsmcp makes to a Codex / Grok `config.toml`: set a value, add a key or a server table,
 * remove a key or a table (with its sub-tables), insert into an array. Every byte outside the edited
 * key, member, element or table stays as it was: comments, key order, quoting, blank lines, CRLF.
 *
 * A TOML value can be defined in several syntactic places (a `[a.b]` header, dotted keys `b.c = 1`
 * under `[a]`, an inline table `b = { c = 1 }`); the helpers below look in all of them. See
 * docs/decisions/0010-toml-yaml-edits.md for why this is a splice module and not a TOML library's
 * own writer.
 */
import { getStaticTOMLValue, parseTOML, type AST } from 'toml-eslint-parser';
import { ConfigEditError, type JsonPath } from '../errors';
import type { TextFormat } from './format';
import { getAt } from './value-path';

export interface TomlSyntaxProblem {
  offset: number;
  message: string;
}

/** A syntax error from the TOML parser, with its character offset. */
export class TomlSyntaxError extends Error {
  constructor(readonly problem: TomlSyntaxProblem) {
    super(problem.message);
  }
}

const MESSAGES: Record<string, string> = {
  'Unspecified values are invalid': 'expected a value after "="',
  'Defining a key multiple times is invalid': 'this key (or table) is already defined: TOML allows each key once',
  'Unterminated string constant': 'the string is not closed: expected the closing quote on the same line',
  'Unterminated table-key': 'the table header is not closed: expected "]" on the same line',
  'Unterminated array': 'the array is not closed: expected "]"',
  'Unterminated inline table': 'the inline table is not closed: expected "}" on the same line',
  'Expected equal (=) token': 'expected "=" after the key',
  'Expected comma (,) token': 'expected "," between the values',
  'Trailing comma is not permitted in an inline table': 'expected a key after "," (TOML allows no trailing comma in an inline table)',
  'The key, equals sign, and value must be on the same line': 'expected the key, "=" and the value on one line',
};

/**
 * A `[table` header whose `]` is missing makes the parser fail on the next line ("the key, equals
 * sign, and value must be on the same line"): point at the header instead, with what is expected.
 */
function unclosedHeader(text: string, offset: number): TomlSyntaxProblem | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(0, Math.max(0, lineStart - 1)).split('\n');
  let end = Math.max(0, lineStart - 1);
  for (let i = before.length - 1; i >= 0; i--) {
    const line = before[i]!.replace(/\r$/, '');
    const start = end - before[i]!.length;
    const code = line.replace(/#.*$/, '').trim();
    if (code === '') {
      end = start - 1;
      continue;
    }
    if (/^\[\[?[^\]]*$/.test(code)) return { offset: start + line.replace(/\s*(#.*)?$/, '').length, message: `the table header ${JSON.stringify(code)} is not closed: expected "${code.startsWith('[[') ? ']]' : ']'}" at the end of the line` };
    return undefined;
  }
  return undefined;
}

export function parseToml(text: string): AST.TOMLProgram {
  try {
    return parseTOML(text, { tomlVersion: 'latest' } as never);
  } catch (e) {
    const err = e as { index?: number; message?: string };
    if (typeof err.index !== 'number') throw e;
    const raw = String(err.message ?? 'invalid TOML');
    const header = raw === 'The key, equals sign, and value must be on the same line' ? unclosedHeader(text, err.index) : undefined;
    if (header) throw new TomlSyntaxError(header);
    throw new TomlSyntaxError({ offset: err.index, message: MESSAGES[raw] ?? `invalid TOML: ${raw.charAt(0).toLowerCase()}${raw.slice(1)}` });
  }
}

/** The plain value of a parsed file (integers too large for a number stay numbers rounded; dates are Date). */
export function tomlValue(program: AST.TOMLProgram): unknown {
  return getStaticTOMLValue(program);
}

type Key = string | number;

function keyNames(key: AST.TOMLKey): string[] {
  return key.keys.map((k) => (k.type === 'TOMLBare' ? k.name : k.value));
}

function startsWith(a: readonly Key[], prefix: readonly Key[]): boolean {
  return prefix.length <= a.length && prefix.every((p, i) => a[i] === p);
}

function samePath(a: readonly Key[], b: readonly Key[]): boolean {
  return a.length === b.length && startsWith(a, b);
}

function tables(program: AST.TOMLProgram): AST.TOMLTable[] {
  return program.body[0].body.filter((n): n is AST.TOMLTable => n.type === 'TOMLTable');
}

function topKeyValues(program: AST.TOMLProgram): AST.TOMLKeyValue[] {
  return program.body[0].body.filter((n): n is AST.TOMLKeyValue => n.type === 'TOMLKeyValue');
}

/** Each key-value with the path of the table (or inline table) it sits in. */
interface Placed {
  kv: AST.TOMLKeyValue;
  base: Key[];
  full: Key[];
}

function placedKeyValues(program: AST.TOMLProgram): Placed[] {
  const out: Placed[] = [];
  const add = (kv: AST.TOMLKeyValue, base: Key[]) => {
    const full = [...base, ...keyNames(kv.key)];
    out.push({ kv, base, full });
    visitValue(kv.value, full);
  };
  const visitValue = (v: AST.TOMLContentNode, path: Key[]) => {
    if (v.type === 'TOMLInlineTable') for (const kv of v.body) add(kv, path);
    else if (v.type === 'TOMLArray') v.elements.forEach((e, i) => visitValue(e, [...path, i]));
  };
  for (const kv of topKeyValues(program)) add(kv, []);
  for (const t of tables(program)) for (const kv of t.body) add(kv, t.resolvedKey);
  return out;
}

/** The node holding the value at `path`: a key-value's value, an array element, or a table. */
type Found =
  | { kind: 'value'; node: AST.TOMLContentNode; kv?: AST.TOMLKeyValue }
  | { kind: 'table'; table: AST.TOMLTable }
  | { kind: 'implicit' };

function find(program: AST.TOMLProgram, path: readonly Key[]): Found | undefined {
  if (path.length === 0) return { kind: 'implicit' };
  for (const p of placedKeyValues(program)) {
    if (samePath(p.full, path)) return { kind: 'value', node: p.kv.value, kv: p.kv };
    if (startsWith(path, p.full)) {
      // inside an array value
      let node: AST.TOMLContentNode = p.kv.value;
      let ok = true;
      for (const seg of path.slice(p.full.length)) {
        if (node.type === 'TOMLArray' && typeof seg === 'number' && node.elements[seg]) node = node.elements[seg]!;
        else {
          ok = false;
          break;
        }
      }
      if (ok && path.length > p.full.length) return { kind: 'value', node };
    }
  }
  const table = tables(program).find((t) => t.kind === 'standard' && samePath(t.resolvedKey, path));
  if (table) return { kind: 'table', table };
  if (tables(program).some((t) => startsWith(t.resolvedKey, path)) || placedKeyValues(program).some((p) => p.full.length > path.length && startsWith(p.full, path))) {
    return { kind: 'implicit' };
  }
  return undefined;
}

/** Offset of the key that defines `path` (a table header's key, a key-value's key), for locations. */
export function tomlKeyOffset(program: AST.TOMLProgram, path: JsonPath): number | undefined {
  const f = find(program, path);
  if (!f) return undefined;
  // the key part naming the last segment: `aws-api` in `[mcp_servers.aws-api]` or `aws-api.command = ...`
  if (f.kind === 'table') return f.table.key.keys[f.table.key.keys.length - 1]!.range[0];
  if (f.kind === 'value') return f.kv ? f.kv.key.keys[f.kv.key.keys.length - 1]!.range[0] : f.node.range[0];
  const t = tables(program).find((x) => startsWith(x.resolvedKey, path));
  const kv = placedKeyValues(program).find((p) => p.full.length > path.length && startsWith(p.full, path));
  const part = (key: AST.TOMLKey | undefined, base: number) => key?.keys[path.length - 1 - base]?.range[0];
  const offsets = [part(t?.key, 0), kv ? part(kv.kv.key, kv.base.length) : undefined].filter((x): x is number => x !== undefined);
  return offsets.length ? Math.min(...offsets) : undefined;
}

/** Offset of the value at `path` (for a table: its header). */
export function tomlValueOffset(program: AST.TOMLProgram, path: JsonPath): number | undefined {
  const f = find(program, path);
  if (!f) return undefined;
  if (f.kind === 'value') return f.node.range[0];
  return tomlKeyOffset(program, path);
}

// ---- rendering -------------------------------------------------------------------------------

const BARE = /^[A-Za-z0-9_-]+$/;

export function renderTomlKey(k: string): string {
  return BARE.test(k) ? k : renderTomlString(k);
}

function renderTomlString(s: string): string {
  if (/[\uD800-\uDFFF]/.test(s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''))) throw new ConfigEditError('cannot write a string with an unpaired surrogate to TOML');
  return JSON.stringify(s).replace(/\u007f/g, '\\u007F');
}

/** A value on one line (inline tables and arrays included). */
export function renderTomlInline(value: unknown, like?: AST.TOMLContentNode): string {
  if (typeof value === 'string') {
    if (like?.type === 'TOMLValue' && like.kind === 'string' && like.style === 'literal' && !like.multiline && !/['\u0000-\u001f\u007f]/.test(value)) return `'${value}'`;
    return renderTomlString(value);
  }
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'nan';
    if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
    return String(value);
  }
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return '[' + value.map((v) => renderTomlInline(v)).join(', ') + ']';
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (members.length === 0) return '{}';
    return '{ ' + members.map(([k, v]) => `${renderTomlKey(k)} = ${renderTomlInline(v)}`).join(', ') + ' }';
  }
  throw new ConfigEditError(`TOML has no ${value === null ? 'null' : typeof value} value: it cannot be written`);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);
}

/** `[path]` sections for an object: its non-object members as `k = v` lines, nested objects inline. */
function renderSections(path: Key[], value: Record<string, unknown>, eol: string): string {
  const members = Object.entries(value).filter(([, v]) => v !== undefined);
  const scalars = members.filter(([, v]) => !isPlainObject(v));
  const objects = members.filter(([, v]) => isPlainObject(v));
  // A pure namespace ({ eks: {...} }) gets no header of its own: its members become sections.
  if (scalars.length === 0 && objects.length > 0) return objects.map(([k, v]) => renderSections([...path, k], v as Record<string, unknown>, eol)).join(eol);
  const header = `[${path.map((k) => renderTomlKey(String(k))).join('.')}]`;
  return [header, ...members.map(([k, v]) => `${renderTomlKey(k)} = ${renderTomlInline(v)}`)].join(eol) + eol;
}

// ---- text helpers ----------------------------------------------------------------------------

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just after the line break ending the line at `offset` (or the end of the text). */
function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

function eolOf(text: string, fmt?: Pick<TextFormat, 'eol'>): string {
  if (fmt) return fmt.eol;
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Insert whole lines at the start of a line; adds the missing final line break first. */
function insertLines(text: string, at: number, lines: string, eol: string): string {
  if (at === text.length && text.length > 0 && !text.endsWith('\n')) return text + eol + lines;
  return splice(text, at, at, lines);
}

// ---- edits -----------------------------------------------------------------------------------

/** Set the value at `path` (creating the key, inline member, table or parents as needed). */
export function tomlSet(text: string, path: JsonPath, value: unknown, fmt?: TextFormat): string {
  if (path.length === 0) throw new ConfigEditError('cannot replace the whole TOML document');
  const program = parseToml(text);
  const eol = eolOf(text, fmt);
  const f = find(program, path);
  if (f?.kind === 'value') {
    if (isPlainObject(value) && f.node.type !== 'TOMLInlineTable') return mergeObject(text, path, value, fmt);
    if (isPlainObject(value) && f.node.type === 'TOMLInlineTable' && jsonLike(getStaticTOMLValue(f.node as never)) === jsonLike(value)) return text;
    const rendered = renderTomlInline(value, f.node);
    return splice(text, f.node.range[0], f.node.range[1], rendered);
  }
  if (f?.kind === 'table' || f?.kind === 'implicit') {
    if (!isPlainObject(value)) throw new ConfigEditError(`${path.join('.')} is a table in the TOML file: cannot set it to a ${Array.isArray(value) ? 'list' : typeof value}`);
    return mergeObject(text, path, value, fmt);
  }
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1]!;
  if (typeof key === 'number') return tomlInsert(text, parentPath, key, [value], fmt);
  const parent = find(program, parentPath);
  if (!parent) return tomlSet(text, parentPath, { [key]: value }, fmt);
  if (parent.kind === 'value') {
    if (parent.node.type !== 'TOMLInlineTable') throw new ConfigEditError(`${parentPath.join('.')} is not a table in the TOML file`);
    const node = parent.node;
    const member = `${renderTomlKey(key)} = ${renderTomlInline(value)}`;
    if (node.body.length === 0) return splice(text, node.range[0], node.range[1], `{ ${member} }`);
    const last = node.body[node.body.length - 1]!;
    return splice(text, last.range[1], last.range[1], `, ${member}`);
  }
  // A new object directly under the root or a top-level table ([mcp_servers]) becomes a section.
  if (isPlainObject(value) && Object.keys(value).length > 0 && parentPath.length <= 1) return addSection(text, program, [...parentPath, key], value, eol);
  const line = `${renderTomlKey(key)} = ${renderTomlInline(value)}`;
  if (parentPath.length === 0) {
    const kvs = topKeyValues(program);
    const first = tables(program)[0];
    if (kvs.length) return insertLines(text, nextLineStart(text, kvs[kvs.length - 1]!.range[1]), line + eol, eol);
    if (first) return insertLines(text, lineStart(text, first.range[0]), line + eol + eol, eol);
    return insertLines(text, text.length, line + eol, eol);
  }
  if (parent.kind === 'table') {
    const t = parent.table;
    const anchor = t.body.length ? t.body[t.body.length - 1]!.range[1] : t.key.range[1];
    return insertLines(text, nextLineStart(text, anchor), line + eol, eol);
  }
  // Implicit: defined by dotted keys (`eks.command = ...` under [mcp_servers]) or only by sub-tables.
  const dotted = placedKeyValues(program).filter((p) => p.full.length > parentPath.length && startsWith(p.full, parentPath) && p.base.length < parentPath.length);
  if (dotted.length) {
    const lastKv = dotted[dotted.length - 1]!;
    const rel = parentPath.slice(lastKv.base.length).map((k) => renderTomlKey(String(k)));
    const relLine = `${[...rel, renderTomlKey(key)].join('.')} = ${renderTomlInline(value)}`;
    if (lastKv.kv.parent.type === 'TOMLInlineTable') return splice(text, lastKv.kv.range[1], lastKv.kv.range[1], `, ${relLine}`);
    return insertLines(text, nextLineStart(text, lastKv.kv.range[1]), relLine + eol, eol);
  }
  // Only sub-tables define it: give it its own header, before the first sub-table.
  const sub = tables(program).find((t) => startsWith(t.resolvedKey, parentPath))!;
  const header = `[${parentPath.map((k) => renderTomlKey(String(k))).join('.')}]`;
  return insertLines(text, lineStart(text, sub.range[0]), header + eol + line + eol + eol, eol);
}

function jsonLike(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
}

/** Make the object at `path` equal `value` key by key (so comments and layout of kept keys stay). */
function mergeObject(text: string, path: JsonPath, value: Record<string, unknown>, fmt?: TextFormat): string {
  let out = text;
  const current = getAt(tomlValue(parseToml(out)), path);
  const have = isPlainObject(current) ? current : {};
  for (const k of Object.keys(have)) if (!(k in value) || value[k] === undefined) out = tomlRemove(out, [...path, k]);
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const now = getAt(tomlValue(parseToml(out)), [...path, k]);
    if (now !== undefined && jsonLike(now) === jsonLike(v)) continue;
    if (now !== undefined && Array.isArray(v) !== Array.isArray(now)) out = tomlRemove(out, [...path, k]);
    out = tomlSet(out, [...path, k], v, fmt);
  }
  return out;
}

export { getAt };

/** Append `[path]` sections after the last table of the same parent (else at the end). */
function addSection(text: string, program: AST.TOMLProgram, path: Key[], value: Record<string, unknown>, eol: string): string {
  const parent = path.slice(0, -1);
  const siblings = tables(program).filter((t) => parent.length > 0 && startsWith(t.resolvedKey, parent));
  const rendered = renderSections(path, value, eol);
  if (siblings.length) {
    const last = siblings[siblings.length - 1]!;
    const at = nextLineStart(text, last.range[1]);
    if (at === text.length) return insertLines(text, at, eol + rendered, eol);
    return insertLines(text, at, eol + rendered, eol);
  }
  if (text.trim() === '') return rendered;
  const sep = text.endsWith('\n\n') || text.endsWith('\r\n\r\n') ? '' : text.endsWith('\n') ? eol : eol + eol;
  return text + sep + rendered;
}

/** Remove the value at `path` with every definition under it; an absent path changes nothing. */
export function tomlRemove(text: string, path: JsonPath): string {
  if (path.length === 0) throw new ConfigEditError('cannot remove the whole TOML document');
  if (typeof path[path.length - 1] === 'number') return removeOne(text, path) ?? text; // one element
  let out = text;
  for (let guard = 0; guard < 10000; guard++) {
    const next = removeOne(out, path);
    if (next === undefined) return out;
    out = next;
  }
  throw new ConfigEditError(`could not remove ${path.join('.')}`);
}

function removeOne(text: string, path: JsonPath): string | undefined {
  const program = parseToml(text);
  // 1. a table (and so its body) under path
  const table = tables(program).find((t) => startsWith(t.resolvedKey, path));
  if (table) {
    let start = lineStart(text, table.range[0]);
    // comment lines right above the header describe the table: they go with it
    for (;;) {
      if (start === 0) break;
      const prev = lineStart(text, start - 1);
      if (!/^[ \t]*#/.test(text.slice(prev, start))) break;
      start = prev;
    }
    let end = nextLineStart(text, table.range[1]);
    // keep one blank line between the neighbours, not two
    const blankAfter = /^[ \t]*\r?\n/.exec(text.slice(end));
    const before = text.slice(0, start);
    if (blankAfter && (start === 0 || /\n[ \t]*\r?\n$/.test(before))) end += blankAfter[0].length;
    else if (end === text.length) {
      const m = /\r?\n([ \t]*\r?\n)$/.exec(before);
      if (m) start -= m[1]!.length;
    }
    return splice(text, start, end, '');
  }
  // 2. a key-value (or inline member / array element) at or under path
  for (const p of placedKeyValues(program)) {
    if (startsWith(p.full, path)) return removeKeyValue(text, p.kv);
  }
  const f = find(program, path);
  if (f?.kind === 'value' && !f.kv) {
    const arr = f.node.parent;
    if (arr.type === 'TOMLArray') return removeElement(text, arr, arr.elements.indexOf(f.node));
  }
  return undefined;
}

function removeKeyValue(text: string, kv: AST.TOMLKeyValue): string {
  const parent = kv.parent;
  if (parent.type === 'TOMLInlineTable') {
    const i = parent.body.indexOf(kv);
    return removeListItem(text, parent.body.map((b) => b.range), i, parent.range);
  }
  const start = lineStart(text, kv.range[0]);
  const before = text.slice(start, kv.range[0]);
  const end = nextLineStart(text, kv.range[1]);
  if (before.trim() !== '') return splice(text, kv.range[0], kv.range[1], ''); // not alone on its line (unusual)
  return splice(text, start, end, '');
}

function removeElement(text: string, arr: AST.TOMLArray, i: number): string {
  return removeListItem(text, arr.elements.map((e) => e.range), i, arr.range);
}

/** Remove item `i` of a comma-separated list in `[...]` / `{...}` with its separator. */
function removeListItem(text: string, ranges: [number, number][], i: number, outer: [number, number]): string {
  const [s, e] = ranges[i]!;
  const afterEnd = skipTrivia(text, e);
  const multiline = text.slice(outer[0], outer[1]).includes('\n');
  if (multiline && text.slice(lineStart(text, s), s).trim() === '') {
    // the item sits on its own line(s): take those lines, with its comma and trailing comment
    let end = e;
    if (text[afterEnd.offset] === ',') end = afterEnd.offset + 1;
    const lineEnd = nextLineStart(text, end);
    const tail = text.slice(end, lineEnd);
    if (/^[ \t]*(#[^\n]*)?\r?\n$/.test(tail)) {
      if (i === ranges.length - 1 && text[afterEnd.offset] !== ',' && i > 0) {
        // last item without a trailing comma: remove the previous item's comma instead
        const prevEnd = ranges[i - 1]![1];
        const comma = skipTrivia(text, prevEnd);
        const out = splice(text, lineStart(text, s), lineEnd, '');
        return text[comma.offset] === ',' ? splice(out, comma.offset, comma.offset + 1, '') : out;
      }
      return splice(text, lineStart(text, s), lineEnd, '');
    }
  }
  if (text[afterEnd.offset] === ',') {
    const next = skipTrivia(text, afterEnd.offset + 1);
    return splice(text, s, i < ranges.length - 1 ? next.offset : afterEnd.offset + 1, '');
  }
  if (i > 0) {
    const prevEnd = ranges[i - 1]![1];
    return splice(text, prevEnd, e, '');
  }
  // the only item: an empty `[]` / `{}` is left
  return splice(text, outer[0], outer[1], text[outer[0]] === '{' ? '{}' : '[]');
}

/** Next non-space, non-comment offset after `from` (in arrays, comments and newlines are trivia). */
function skipTrivia(text: string, from: number): { offset: number } {
  let i = from;
  for (;;) {
    while (i < text.length && /[ \t\r\n]/.test(text[i]!)) i++;
    if (text[i] === '#') {
      i = nextLineStart(text, i);
      continue;
    }
    return { offset: i };
  }
}

/** Insert `values` into the array at `arrayPath` before `index` (past the end appends); creates the array when absent. */
export function tomlInsert(text: string, arrayPath: JsonPath, index: number, values: unknown[], fmt?: TextFormat): string {
  if (values.length === 0) return text;
  const program = parseToml(text);
  const f = find(program, arrayPath);
  if (!f) return tomlSet(text, arrayPath, values, fmt);
  if (f.kind !== 'value' || f.node.type !== 'TOMLArray') throw new ConfigEditError(`${arrayPath.join('.')} is not an array in the TOML file`);
  const arr = f.node;
  const rendered = values.map((v) => renderTomlInline(v));
  const els = arr.elements;
  if (els.length === 0) return splice(text, arr.range[0], arr.range[1], `[${rendered.join(', ')}]`);
  const multiline = text.slice(arr.range[0], els[0]!.range[0]).includes('\n');
  const at = Math.max(0, Math.min(index, els.length));
  if (multiline) {
    const eol = eolOf(text, fmt);
    const indent = /^[ \t]*/.exec(text.slice(lineStart(text, els[0]!.range[0])))![0];
    if (at < els.length) {
      const s = els[at]!.range[0];
      return splice(text, s, s, rendered.map((r) => r + ',' + eol + indent).join(''));
    }
    const last = els[els.length - 1]!;
    const after = skipTrivia(text, last.range[1]);
    if (text[after.offset] === ',') {
      const lineEnd = nextLineStart(text, after.offset);
      const hasComment = text.slice(after.offset + 1, lineEnd).trim() !== '';
      const pos = hasComment ? lineEnd : after.offset + 1;
      const lines = rendered.map((r) => indent + r + ',').join(eol);
      return hasComment ? splice(text, pos, pos, lines + eol) : splice(text, pos, pos, eol + lines);
    }
    return splice(text, last.range[1], last.range[1], rendered.map((r) => ',' + eol + indent + r).join(''));
  }
  if (at < els.length) {
    const s = els[at]!.range[0];
    return splice(text, s, s, rendered.map((r) => r + ', ').join(''));
  }
  const last = els[els.length - 1]!;
  return splice(text, last.range[1], last.range[1], rendered.map((r) => ', ' + r).join(''));
}
