/**
 * YAML: parse with positions (the `yaml` package's node ranges) and make minimal text edits
 * (splices) for Goose's `config.yaml` and Continue's `config.yaml` / block files: set a scalar, add
 * a mapping entry or a list item, remove an entry or an item. `yaml`'s own `Document.toString()`
 * keeps comments but re-prints the whole file (spacing before comments, flow collections), so it
 * is used to parse and locate only; every byte outside the edited node stays as it was.
 * See docs/decisions/0010-toml-yaml-edits.md.
 */
import { isMap, isScalar, isSeq, parse as parseYamlValue, parseDocument, type Document, type Node as YamlNode, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { ConfigEditError, type JsonPath } from '../errors';
import type { TextFormat } from './format';
import { getAt } from './value-path';

export interface YamlSyntaxProblem {
  offset: number;
  message: string;
}

export class YamlSyntaxError extends Error {
  constructor(readonly problems: YamlSyntaxProblem[]) {
    super(problems[0]!.message);
  }
}

const MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: 'this key is already defined in the same mapping: YAML allows each key once',
  BAD_INDENT: 'bad indentation: expected this line to be indented like its siblings (or a closing bracket)',
  MISSING_CHAR: 'a closing character is missing',
  MULTIPLE_DOCS: 'expected one YAML document, found several',
  TAB_AS_INDENT: 'tabs are not allowed for indentation in YAML: expected spaces',
  BLOCK_AS_IMPLICIT_KEY: 'expected a key: a block value cannot be used as a key',
  UNEXPECTED_TOKEN: 'unexpected text here',
};

export function parseYaml(text: string): Document.Parsed {
  const doc = parseDocument(text, { keepSourceTokens: false, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    throw new YamlSyntaxError(
      doc.errors.map((e) => ({ offset: e.pos[0], message: MESSAGES[e.code] ?? `invalid YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}` })),
    );
  }
  return doc;
}

export function yamlValue(doc: Document.Parsed): unknown {
  return doc.toJS({ maxAliasCount: 100 });
}

type Found = { node: YamlNode | null; pair?: Pair; parent?: YAMLMap | YAMLSeq };

function keyString(p: Pair): string | undefined {
  const k = p.key;
  if (isScalar(k)) return String(k.value);
  return undefined;
}

function find(doc: Document.Parsed, path: JsonPath): Found | undefined {
  let node: YamlNode | null = doc.contents as YamlNode | null;
  let found: Found = { node };
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => keyString(p) === String(seg)) as Pair | undefined;
      if (!pair) return undefined;
      found = { node: (pair.value as YamlNode | null) ?? null, pair, parent: node };
      node = found.node;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as YamlNode | undefined;
      if (item === undefined) return undefined;
      found = { node: item, parent: node };
      node = item;
    } else return undefined;
  }
  return found;
}

/** Offset of the key (map entries) or the item (list items) at `path`. */
export function yamlKeyOffset(doc: Document.Parsed, path: JsonPath): number | undefined {
  const f = find(doc, path);
  if (!f) return undefined;
  const k = f.pair?.key as YamlNode | undefined;
  return k?.range?.[0] ?? f.node?.range?.[0];
}

export function yamlValueOffset(doc: Document.Parsed, path: JsonPath): number | undefined {
  const f = find(doc, path);
  if (!f) return undefined;
  return f.node?.range?.[0] ?? (f.pair?.key as YamlNode | undefined)?.range?.[0];
}

// ---- rendering -------------------------------------------------------------------------------

const PLAIN_SAFE = /^[A-Za-z0-9_./@$~+=-][A-Za-z0-9_./@$~+= :-]*$/;

function plainOk(s: string, flow: boolean): boolean {
  if (!PLAIN_SAFE.test(s) || s.endsWith(' ') || s.endsWith(':') || s.includes(': ') || s.includes(' #')) return false;
  if (flow && /[,[\]{}]/.test(s)) return false;
  try {
    return parseYamlValue(s) === s;
  } catch {
    return false;
  }
}

function renderString(s: string, flow: boolean, like?: Scalar): string {
  if (like?.type === 'QUOTE_SINGLE' && !/[\u0000-\u001f\u007f]/.test(s)) return `'${s.replace(/'/g, "''")}'`;
  if (like?.type !== 'QUOTE_DOUBLE' && like?.type !== 'QUOTE_SINGLE' && plainOk(s, flow)) return s;
  return JSON.stringify(s);
}

export function renderYamlKey(k: string): string {
  return plainOk(k, true) ? k : JSON.stringify(k);
}

/** A value in flow style (one line). */
export function renderYamlFlow(value: unknown, like?: Scalar): string {
  if (typeof value === 'string') return renderString(value, true, like);
  if (typeof value === 'number' || typeof value === 'boolean') {
    if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
    return String(value);
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return '[' + value.map((v) => renderYamlFlow(v)).join(', ') + ']';
  if (typeof value === 'object') {
    const members = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (!members.length) return '{}';
    return '{ ' + members.map(([k, v]) => `${renderYamlKey(k)}: ${renderYamlFlow(v)}`).join(', ') + ' }';
  }
  throw new ConfigEditError(`cannot write a ${typeof value} to YAML`);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isEmptyCollection(v: unknown): boolean {
  return (Array.isArray(v) && v.length === 0) || (isPlainObject(v) && Object.values(v).every((x) => x === undefined));
}

/** A value in block style: lines (without a final line break), each starting with `indent`. */
export function renderYamlBlock(value: unknown, indent: string, unit: string, eol: string): string {
  if (Array.isArray(value)) {
    return value
      .map((v) => {
        if ((isPlainObject(v) || Array.isArray(v)) && !isEmptyCollection(v)) {
          const inner = renderYamlBlock(v, indent + '  ', unit, eol);
          return indent + '- ' + inner.slice(indent.length + 2);
        }
        return `${indent}- ${renderYamlFlow(v)}`;
      })
      .join(eol);
  }
  if (isPlainObject(value)) {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => {
        if ((isPlainObject(v) || Array.isArray(v)) && !isEmptyCollection(v)) return `${indent}${renderYamlKey(k)}:${eol}${renderYamlBlock(v, indent + unit, unit, eol)}`;
        return `${indent}${renderYamlKey(k)}: ${renderYamlFlow(v)}`;
      })
      .join(eol);
  }
  return indent + renderYamlFlow(value);
}

// ---- text helpers ----------------------------------------------------------------------------

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function nextLineStart(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

/** Offset of the line break ending the line at `offset` (before `\r\n`), or the end of the text. */
function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl === -1) return text.length;
  return text[nl - 1] === '\r' ? nl - 1 : nl;
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

function eolOf(text: string, fmt?: Pick<TextFormat, 'eol'>): string {
  if (fmt) return fmt.eol;
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function column(text: string, offset: number): string {
  return ' '.repeat(offset - lineStart(text, offset));
}

/** The indentation step of a file: the smallest non-zero indentation of a line, else two spaces. */
function indentUnit(text: string): string {
  let min = Infinity;
  for (const line of text.split('\n')) {
    const m = /^( +)[^ #\r]/.exec(line);
    if (m) min = Math.min(min, m[1]!.length);
  }
  return min === Infinity || min > 8 ? '  ' : ' '.repeat(min);
}

function endOf(node: YamlNode | null | undefined, pair?: Pair): number {
  if (node?.range) return node.range[1];
  return (pair?.key as YamlNode | undefined)?.range?.[1] ?? 0;
}

function insertLinesAt(text: string, at: number, lines: string, eol: string): string {
  // after a last line without a line break: the file keeps ending without one
  if (at === text.length && text.length > 0 && !text.endsWith('\n')) return text + eol + lines;
  return splice(text, at, at, lines + eol);
}

function isEmptyValue(node: YamlNode | null): boolean {
  return node === null || (isScalar(node) && node.value === null && (node.range?.[0] ?? 0) === (node.range?.[1] ?? 0));
}

// ---- edits -----------------------------------------------------------------------------------

export function yamlSet(text: string, path: JsonPath, value: unknown, fmt?: TextFormat): string {
  const doc = parseYaml(text);
  const eol = eolOf(text, fmt);
  const unit = indentUnit(text);
  if (path.length === 0) {
    if (doc.contents === null || isEmptyValue(doc.contents as YamlNode)) {
      if (!isPlainObject(value) && !Array.isArray(value)) throw new ConfigEditError('the YAML document must be a mapping');
      return insertLinesAt(text.replace(/\s*$/, (m) => (text.trim() === '' ? '' : m)), text.trim() === '' ? 0 : text.length, renderYamlBlock(value, '', unit, eol), eol);
    }
    return mergeInto(text, path, value, fmt);
  }
  const f = find(doc, path);
  if (f) {
    const node = f.node;
    if ((isMap(node) && isPlainObject(value)) || (isSeq(node) && Array.isArray(value))) return mergeInto(text, path, value, fmt);
    if (isEmptyValue(node) && f.pair && (isPlainObject(value) || Array.isArray(value)) && !isEmptyCollection(value)) {
      const keyNode = f.pair.key as YamlNode;
      const at = lineEnd(text, keyNode.range![1]);
      const ind = column(text, keyNode.range![0]) + unit;
      return splice(text, at, at, eol + renderYamlBlock(value, ind, unit, eol));
    }
    if (node?.range) {
      if ((isPlainObject(value) || Array.isArray(value)) && !isEmptyCollection(value) && !(isMap(node) || isSeq(node) ? node.flow : true)) {
        throw new ConfigEditError(`${path.join('.')}: cannot replace a block collection with a different kind of value`);
      }
      const rendered = typeof value === 'string' || !(isPlainObject(value) || Array.isArray(value)) ? renderYamlFlow(value, isScalar(node) ? node : undefined) : renderYamlFlow(value);
      if (isEmptyValue(node) && f.pair) {
        const keyEnd = (f.pair.key as YamlNode).range![1];
        const colon = text.indexOf(':', keyEnd);
        return splice(text, colon + 1, colon + 1, ' ' + rendered);
      }
      return splice(text, node.range[0], node.range[1], rendered);
    }
  }
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1]!;
  const parent = find(doc, parentPath);
  if (!parent || (parent.node !== null && !isMap(parent.node) && !isSeq(parent.node) && !isEmptyValue(parent.node))) {
    if (parent && !isEmptyValue(parent.node)) throw new ConfigEditError(`${parentPath.join('.')} is not a mapping or a list in the YAML file`);
    return yamlSet(text, parentPath, typeof key === 'number' ? [value] : { [key]: value }, fmt);
  }
  const pnode = parent.node;
  if (pnode === null || isEmptyValue(pnode)) return yamlSet(text, parentPath, typeof key === 'number' ? [value] : { [key]: value }, fmt);
  if (isSeq(pnode)) return yamlInsert(text, parentPath, typeof key === 'number' ? key : pnode.items.length, [value], fmt);
  const map = pnode as YAMLMap;
  if (typeof key === 'number') throw new ConfigEditError(`${parentPath.join('.')} is a mapping in the YAML file, not a list`);
  if (map.flow) {
    const member = `${renderYamlKey(key)}: ${renderYamlFlow(value)}`;
    if (map.items.length === 0) return splice(text, map.range![0], map.range![1], `{ ${member} }`);
    const last = map.items[map.items.length - 1] as Pair;
    return splice(text, endOf(last.value as YamlNode, last), endOf(last.value as YamlNode, last), `, ${member}`);
  }
  const first = map.items[0] as Pair;
  const ind = column(text, (first.key as YamlNode).range![0]);
  const last = map.items[map.items.length - 1] as Pair;
  const at = nextLineStart(text, endOf(last.value as YamlNode, last));
  const entry = renderYamlBlock({ [key]: value }, ind, unit, eol);
  return insertLinesAt(text, at, entry, eol);
}

function jsonLike(v: unknown): string {
  return JSON.stringify(v);
}

function mergeInto(text: string, path: JsonPath, value: unknown, fmt?: TextFormat): string {
  let out = text;
  const current = getAt(yamlValue(parseYaml(out)), path);
  if (Array.isArray(value)) {
    const have = Array.isArray(current) ? current : [];
    for (let i = have.length - 1; i >= value.length; i--) out = yamlRemove(out, [...path, i]);
    value.forEach((v, i) => {
      if (i < have.length) {
        if (jsonLike(have[i]) !== jsonLike(v)) out = yamlSet(out, [...path, i], v, fmt);
      } else out = yamlInsert(out, path, i, [v], fmt);
    });
    return out;
  }
  const obj = value as Record<string, unknown>;
  const have = isPlainObject(current) ? current : {};
  for (const k of Object.keys(have)) if (!(k in obj) || obj[k] === undefined) out = yamlRemove(out, [...path, k]);
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    const now = getAt(yamlValue(parseYaml(out)), [...path, k]);
    if (now !== undefined && jsonLike(now) === jsonLike(v)) continue;
    const kinds = (x: unknown) => (Array.isArray(x) ? 'a' : isPlainObject(x) ? 'o' : 's');
    if (now !== undefined && now !== null && kinds(now) !== kinds(v)) out = yamlRemove(out, [...path, k]);
    out = yamlSet(out, [...path, k], v, fmt);
  }
  return out;
}

export { getAt };

/** Remove the entry or item at `path`; an absent path changes nothing. */
export function yamlRemove(text: string, path: JsonPath): string {
  if (path.length === 0) throw new ConfigEditError('cannot remove the whole YAML document');
  const doc = parseYaml(text);
  const f = find(doc, path);
  if (!f || !f.parent) return text;
  const parent = f.parent;
  const items = parent.items as (Pair | YamlNode)[];
  const index = f.pair ? items.indexOf(f.pair) : items.indexOf(f.node as YamlNode);
  const startOf = (it: Pair | YamlNode): number => ('key' in it && it.key !== undefined ? ((it.key as YamlNode).range?.[0] ?? 0) : ((it as YamlNode).range?.[0] ?? 0));
  const endOfItem = (it: Pair | YamlNode): number => ('key' in it && it.key !== undefined ? endOf(it.value as YamlNode, it as Pair) : ((it as YamlNode).range?.[1] ?? 0));
  if (parent.flow) return removeFlowItem(text, items.map((it) => [startOf(it), endOfItem(it)] as [number, number]), index, parent.range! as unknown as [number, number]);
  const s = startOf(items[index]!);
  const start = lineStart(text, s);
  const end = nextLineStart(text, endOfItem(items[index]!));
  let out = splice(text, start, end, '');
  if (items.length === 1 && path.length > 1) {
    // the collection is now empty: write `{}` / `[]` after its key so it keeps its kind
    out = yamlSet(out, path.slice(0, -1), isSeq(parent) ? [] : {});
  }
  return out;
}

function removeFlowItem(text: string, ranges: [number, number][], i: number, outer: [number, number]): string {
  const [s, e] = ranges[i]!;
  const skip = (from: number) => {
    let k = from;
    while (k < text.length && /[ \t\r\n]/.test(text[k]!)) k++;
    return k;
  };
  const after = skip(e);
  if (text[after] === ',') return splice(text, s, i < ranges.length - 1 ? skip(after + 1) : after + 1, '');
  if (i > 0) return splice(text, ranges[i - 1]![1], e, '');
  return splice(text, outer[0], outer[1], text[outer[0]] === '{' ? '{}' : '[]');
}

/** Insert `values` into the list at `path` before `index` (past the end appends); creates the list when absent. */
export function yamlInsert(text: string, path: JsonPath, index: number, values: unknown[], fmt?: TextFormat): string {
  if (!values.length) return text;
  const doc = parseYaml(text);
  const f = find(doc, path);
  if (!f || isEmptyValue(f.node)) return yamlSet(text, path, values, fmt);
  const seq = f.node;
  if (!isSeq(seq)) throw new ConfigEditError(`${path.join('.')} is not a list in the YAML file`);
  const eol = eolOf(text, fmt);
  const unit = indentUnit(text);
  const items = seq.items as YamlNode[];
  const at = Math.max(0, Math.min(index, items.length));
  if (seq.flow) {
    const rendered = values.map((v) => renderYamlFlow(v));
    if (!items.length) return splice(text, seq.range![0], seq.range![1], `[${rendered.join(', ')}]`);
    if (at < items.length) return splice(text, items[at]!.range![0], items[at]!.range![0], rendered.map((r) => r + ', ').join(''));
    const end = items[items.length - 1]!.range![1];
    return splice(text, end, end, rendered.map((r) => ', ' + r).join(''));
  }
  // the `- ` of the first item starts its line (after the indentation); the item itself may start with `-`
  const first = lineStart(text, items[0]!.range![0]);
  const ind = /^[ ]*/.exec(text.slice(first))![0];
  const block = renderYamlBlock(values, ind, unit, eol);
  if (at < items.length) {
    const s = lineStart(text, items[at]!.range![0]);
    return splice(text, s, s, block + eol);
  }
  const endAt = nextLineStart(text, items[items.length - 1]!.range![1]);
  return insertLinesAt(text, endAt, block, eol);
}
