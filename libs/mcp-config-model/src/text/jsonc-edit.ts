/**
 * Minimal text edits on JSON / JSONC, built on jsonc-parser's tree, scanner and `applyEdits`.
 *
 * jsonc-parser's own `modify` re-formats every line an insertion touches (a one-line `args` array
 * becomes many lines, a one-line file is re-flowed). These helpers insert and remove with the layout
 * of the surrounding text instead: a new member goes on its own line with its siblings' indentation
 * in a multi-line object, inline with the same separators in a one-line object; a removed member takes
 * its own lines (and only those) with it. Everything outside the edited member keeps its bytes.
 */
import { applyEdits, createScanner, getNodeValue, parseTree, type Edit, type SyntaxKind, type Node, type ParseError } from 'jsonc-parser';
import { ConfigEditError, type JsonPath } from '../errors';
import { Token } from './tokens';
import { nestingDepth } from '../secrets/config-text';
import { renderInline, renderValue, type InlineStyle, type TextFormat } from './format';

const PERMISSIVE = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true };

export function parseForEdit(text: string): Node | undefined {
  const errors: ParseError[] = [];
  if (nestingDepth(text, 256).depth > 256) throw new ConfigEditError('cannot edit: the text is nested more than 256 levels deep');
  const root = parseTree(text, errors, PERMISSIVE);
  if (errors.length > 0) throw new ConfigEditError(`cannot edit: the text does not parse (offset ${errors[0]!.offset})`);
  return root;
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => jsonEqual(v, bb[i]));
  }
  const ak = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bk = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const end = (n: Node) => n.offset + n.length;

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineIndent(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start))![0];
}

function startsLine(text: string, offset: number): boolean {
  return text.slice(lineStart(text, offset), offset).trim() === '';
}

function isMultiline(text: string, node: Node): boolean {
  return text.slice(node.offset, end(node)).includes('\n');
}

/** First token after `from` that is not whitespace, a line break or a comment. */
function nextToken(text: string, from: number): { kind: SyntaxKind; offset: number } {
  const scanner = createScanner(text, true);
  scanner.setPosition(from);
  const kind = scanner.scan();
  return { kind, offset: scanner.getTokenOffset() };
}

/** Offset of the comma right after a member (skipping whitespace and comments), if any. */
function commaAfter(text: string, offset: number): number | undefined {
  const t = nextToken(text, offset);
  return t.kind === Token.CommaToken ? t.offset : undefined;
}

/**
 * Offset of the line break ending the line at `from`, when only whitespace and line comments come
 * before it (so text inserted there lands after a trailing `// comment`, not inside a block comment).
 */
function lineBreakAfter(text: string, from: number): { offset: number; length: number } | undefined {
  const scanner = createScanner(text, false);
  scanner.setPosition(from);
  for (;;) {
    const kind = scanner.scan();
    if (kind === Token.Trivia || kind === Token.LineCommentTrivia) continue;
    if (kind === Token.BlockCommentTrivia && !scanner.getTokenValue().includes('\n')) continue;
    if (kind === Token.LineBreakTrivia) return { offset: scanner.getTokenOffset(), length: scanner.getTokenLength() };
    return undefined;
  }
}

/** Separators used by a one-line object or array, so an inline insertion looks like its neighbours. */
function inlineStyle(text: string, container: Node): InlineStyle {
  const kids = container.children ?? [];
  let colon = ': ';
  const prop = kids.find((k) => k.type === 'property' && k.children?.length === 2);
  if (prop) {
    const between = text.slice(end(prop.children![0]!), prop.children![1]!.offset);
    colon = between.trim() === ':' ? between.replace(/[^: ]/g, '') : ': ';
  }
  let comma = ', ';
  if (kids.length >= 2) {
    const between = text.slice(end(kids[0]!), kids[1]!.offset);
    comma = between.trim() === ',' ? between.replace(/[^, ]/g, '') : ', ';
  } else {
    // One member or none: follow the separators used on the same line, else the spacing after ':'.
    const start = lineStart(text, container.offset);
    const eolAt = text.indexOf('\n', container.offset);
    const line = text.slice(start, eolAt === -1 ? text.length : eolAt);
    if (/,[ \t]/.test(line)) comma = ', ';
    else if (/,[^\s]/.test(line)) comma = ',';
    else if (/":[^\s]/.test(line) && !/": /.test(line)) comma = ',';
  }
  return { colon, comma };
}

/** Is the container that holds `node` laid out over several lines? (The root counts as multi-line.) */
function contextIsMultiline(text: string, node: Node): boolean {
  let p = node.parent;
  if (p?.type === 'property') p = p.parent;
  return p === undefined ? true : isMultiline(text, p);
}

function nest(path: JsonPath, value: unknown): unknown {
  let v = value;
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i]!;
    v = typeof seg === 'number' ? [v] : { [seg]: v };
  }
  return v;
}

function findProperty(obj: Node, key: string): Node | undefined {
  let found: Node | undefined;
  for (const p of obj.children ?? []) if (p.children?.[0]?.value === key) found = p; // last one wins, as in JSON.parse
  return found;
}

function describe(path: JsonPath): string {
  return path.length === 0 ? 'the root' : path.map((s) => (typeof s === 'number' ? `[${s}]` : JSON.stringify(s))).join(' > ');
}

function insertProperty(text: string, obj: Node, key: string, value: unknown, fmt: TextFormat): Edit[] {
  const kids = obj.children ?? [];
  const keyText = JSON.stringify(key);
  if (kids.length === 0) {
    const inner = text.slice(obj.offset + 1, end(obj) - 1);
    if (!contextIsMultiline(text, obj)) {
      return [{ offset: obj.offset, length: obj.length, content: renderInline({ [key]: value }, { colon: ': ', comma: ', ' }) }];
    }
    const base = lineIndent(text, obj.offset);
    const prop = keyText + ': ' + renderValue(value, fmt, base + fmt.indent);
    if (inner.trim() === '') {
      return [{ offset: obj.offset, length: obj.length, content: '{' + fmt.eol + base + fmt.indent + prop + fmt.eol + base + '}' }];
    }
    return [{ offset: obj.offset + 1, length: 0, content: fmt.eol + base + fmt.indent + prop }];
  }
  const last = kids[kids.length - 1]!;
  const trailing = commaAfter(text, end(last));
  if (isMultiline(text, obj)) {
    const indent = startsLine(text, last.offset) ? lineIndent(text, last.offset) : lineIndent(text, obj.offset) + fmt.indent;
    const prop = keyText + ': ' + renderValue(value, fmt, indent) + (trailing !== undefined ? ',' : '');
    const anchor = trailing !== undefined ? trailing + 1 : end(last);
    const edits: Edit[] = trailing === undefined ? [{ offset: end(last), length: 0, content: ',' }] : [];
    const lb = lineBreakAfter(text, anchor);
    if (lb && lb.offset < end(obj) - 1) edits.push({ offset: lb.offset, length: 0, content: fmt.eol + indent + prop });
    else edits.push({ offset: anchor, length: 0, content: fmt.eol + indent + prop });
    return edits;
  }
  const style = inlineStyle(text, obj);
  const prop = keyText + style.colon + renderInline(value, style);
  if (trailing !== undefined) return [{ offset: trailing + 1, length: 0, content: style.comma.slice(1) + prop + ',' }];
  return [{ offset: end(last), length: 0, content: style.comma + prop }];
}

function insertElements(text: string, arr: Node, index: number, values: unknown[], fmt: TextFormat): Edit[] {
  const kids = arr.children ?? [];
  if (kids.length === 0) {
    return [{ offset: arr.offset, length: arr.length, content: renderInline(values, { colon: ': ', comma: ', ' }) }];
  }
  const multiline = isMultiline(text, arr);
  if (index < kids.length) {
    const at = kids[Math.max(0, index)]!;
    if (multiline && startsLine(text, at.offset)) {
      const indent = lineIndent(text, at.offset);
      const content = values.map((v) => renderValue(v, fmt, indent) + ',' + fmt.eol + indent).join('');
      return [{ offset: at.offset, length: 0, content }];
    }
    const style = inlineStyle(text, arr);
    return [{ offset: at.offset, length: 0, content: values.map((v) => renderInline(v, style) + style.comma).join('') }];
  }
  const last = kids[kids.length - 1]!;
  const trailing = commaAfter(text, end(last));
  if (multiline) {
    const indent = startsLine(text, last.offset) ? lineIndent(text, last.offset) : lineIndent(text, arr.offset) + fmt.indent;
    const rendered = values.map((v) => renderValue(v, fmt, indent));
    const anchor = trailing !== undefined ? trailing + 1 : end(last);
    const edits: Edit[] = trailing === undefined ? [{ offset: end(last), length: 0, content: ',' }] : [];
    const content = rendered.map((r) => fmt.eol + indent + r).join(',') + (trailing !== undefined ? ',' : '');
    const lb = lineBreakAfter(text, anchor);
    edits.push({ offset: lb && lb.offset < end(arr) - 1 ? lb.offset : anchor, length: 0, content });
    return edits;
  }
  const style = inlineStyle(text, arr);
  const rendered = values.map((v) => renderInline(v, style)).join(style.comma);
  if (trailing !== undefined) return [{ offset: trailing + 1, length: 0, content: style.comma.slice(1) + rendered + ',' }];
  return [{ offset: end(last), length: 0, content: style.comma + rendered }];
}

/** Text of a whole new document holding `value` at `path`. */
function newDocument(path: JsonPath, value: unknown, fmt: TextFormat): string {
  return renderValue(nest(path, value), fmt, '') + (fmt.finalNewline ? fmt.eol : '');
}

/**
 * Set `value` at `path`, creating missing objects on the way. An equal value already there is left
 * alone (the text is returned unchanged), so the edit is idempotent.
 */
export function setAtPath(text: string, path: JsonPath, value: unknown, fmt: TextFormat): string {
  const root = parseForEdit(text);
  if (!root) return newDocument(path, value, fmt);
  let node = root;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (node.type === 'object' && typeof seg === 'string') {
      const prop = findProperty(node, seg);
      if (!prop || !prop.children?.[1]) return applyEdits(text, insertProperty(text, node, seg, nest(path.slice(i + 1), value), fmt));
      node = prop.children[1];
    } else if (node.type === 'array' && typeof seg === 'number') {
      const kids = node.children ?? [];
      if (seg >= kids.length || seg < 0) return applyEdits(text, insertElements(text, node, kids.length, [nest(path.slice(i + 1), value)], fmt));
      node = kids[seg]!;
    } else {
      throw new ConfigEditError(`cannot set ${describe(path)}: ${describe(path.slice(0, i))} is ${node.type === 'array' ? 'an array' : `a ${node.type}`}`);
    }
  }
  if (jsonEqual(getNodeValue(node), value)) return text;
  let content: string;
  if (value === null || typeof value !== 'object') content = JSON.stringify(value);
  else if (isMultiline(text, node) || contextIsMultiline(text, node)) content = renderValue(value, fmt, lineIndent(text, node.offset));
  else content = renderInline(value, inlineStyle(text, node.parent?.type === 'property' ? node.parent.parent! : node.parent ?? node));
  return applyEdits(text, [{ offset: node.offset, length: node.length, content }]);
}

/** Insert `values` into the array at `arrayPath` before `index` (or at the end when `index` is past it). */
export function insertIntoArray(text: string, arrayPath: JsonPath, index: number, values: unknown[], fmt: TextFormat): string {
  if (values.length === 0) return text;
  const root = parseForEdit(text);
  const arr = root && findNode(root, arrayPath);
  if (!arr) return setAtPath(text, arrayPath, values, fmt);
  if (arr.type !== 'array') throw new ConfigEditError(`cannot insert into ${describe(arrayPath)}: it is not an array`);
  return applyEdits(text, insertElements(text, arr, index, values, fmt));
}

/** The node at `path` (for duplicate keys: the last, which is the one hosts read). */
export function findNode(root: Node, path: JsonPath): Node | undefined {
  let node: Node | undefined = root;
  for (const seg of path) {
    if (!node) return undefined;
    if (node.type === 'object' && typeof seg === 'string') node = findProperty(node, seg)?.children?.[1];
    else if (node.type === 'array' && typeof seg === 'number') node = node.children?.[seg];
    else return undefined;
  }
  return node;
}

/** Removing the last member: `{ "a": 1 }` and `{\n  "a": 1\n}` both become `{}` (comments inside are kept). */
function onlyChildRemoval(text: string, container: Node, item: Node, comma: number | undefined): Edit {
  const itemEnd = comma !== undefined ? comma + 1 : end(item);
  const rest = text.slice(container.offset + 1, item.offset) + text.slice(itemEnd, end(container) - 1);
  if (rest.trim() === '') return { offset: container.offset + 1, length: container.length - 2, content: '' };
  return { offset: item.offset, length: itemEnd - item.offset, content: '' };
}

/** Remove the member at `path` (object property or array element). Absent: the text is returned unchanged. */
export function removeAtPath(text: string, path: JsonPath): string {
  const root = parseForEdit(text);
  if (!root || path.length === 0) return text;
  const target = findNode(root, path);
  if (!target) return text;
  const item = target.parent?.type === 'property' ? target.parent : target;
  const container = item.parent!;
  const kids = container.children ?? [];
  const idx = kids.indexOf(item);
  const prev = idx > 0 ? kids[idx - 1] : undefined;
  const next = kids[idx + 1];
  const comma = commaAfter(text, end(item));
  const edits: Edit[] = [];
  if (isMultiline(text, container) && startsLine(text, item.offset)) {
    const lb = lineBreakAfter(text, comma !== undefined ? comma + 1 : end(item));
    if (lb && (!next || next.offset >= lb.offset) && (next || prev)) {
      edits.push({ offset: lineStart(text, item.offset), length: lb.offset + lb.length - lineStart(text, item.offset), content: '' });
      if (!next && comma === undefined && prev) {
        const prevComma = commaAfter(text, end(prev));
        if (prevComma !== undefined) edits.push({ offset: prevComma, length: 1, content: '' });
      }
      return applyEdits(text, edits);
    }
  }
  if (next) edits.push({ offset: item.offset, length: next.offset - item.offset, content: '' });
  else if (prev) edits.push({ offset: end(prev), length: end(item) - end(prev), content: '' });
  else edits.push(onlyChildRemoval(text, container, item, comma));
  return applyEdits(text, edits);
}
