/**
 * edit: add / patch / remove servers as minimal text edits. Every byte outside the edited member
 * stays as it was (comments, key order, indentation, CRLF, a missing final newline, a BOM), and
 * applying the same edit twice changes nothing the second time.
 */
import { getNodeValue, type Node } from 'jsonc-parser';
import { ConfigEditError, type JsonPath } from './errors';
import { getHost } from './hosts/index';
import { toCanonical, toHostPath } from './hosts/common';
import type { HostAdapter } from './hosts/types';
import { findArgValues } from './model/aws';
import { ServerSpecSchema, VsCodeInputSchema, type HostId, type ServerSpec, type VsCodeInput } from './model/schema';
import { parseHostConfig } from './read';
import { inferFormat, type TextFormat } from './text/format';
import { findNode, insertIntoArray, jsonEqual, parseForEdit, removeAtPath, setAtPath } from './text/jsonc-edit';
import { splitBom } from './text/position';
import { tomlCodec, yamlCodec } from './text/codecs';

/** Minimal text edits on one format: the JSON ones are jsonc-edit, TOML and YAML their splice modules. */
interface TextOps {
  set(text: string, path: JsonPath, value: unknown, fmt: TextFormat): string;
  remove(text: string, path: JsonPath): string;
  insert(text: string, arrayPath: JsonPath, index: number, values: unknown[], fmt: TextFormat): string;
  get(text: string, path: JsonPath): unknown;
}

const JSON_OPS: TextOps = { set: setAtPath, remove: removeAtPath, insert: insertIntoArray, get: (text, path) => currentValue(text, path) };
let TOML_OPS: TextOps | undefined;
let YAML_OPS: TextOps | undefined;

function opsFor(host: HostAdapter): TextOps {
  if (host.format === 'toml') {
    const t = tomlCodec();
    return (TOML_OPS ??= { set: t.tomlSet, remove: t.tomlRemove, insert: t.tomlInsert, get: (text, path) => t.getAt(t.tomlValue(t.parseToml(text)), path) });
  }
  if (host.format === 'yaml') {
    const y = yamlCodec();
    return (YAML_OPS ??= { set: y.yamlSet, remove: y.yamlRemove, insert: y.yamlInsert, get: (text, path) => y.getAt(text.trim() === '' ? undefined : y.yamlValue(y.parseYaml(text)), path) });
  }
  return JSON_OPS;
}

export interface EditOptions {
  /** Claude Code local scope: edit `projects["<project>"].mcpServers` of `~/.claude.json`. */
  project?: string;
  /** Name used in error messages. */
  file?: string;
}

export interface AddServersOptions extends EditOptions {
  /** Replace an existing server of the same name (default: keep it and report it in `skipped`). */
  replace?: boolean;
  /** VS Code: input definitions to add to `inputs` (an id already there is left alone). */
  inputs?: VsCodeInput[];
}

export interface EditResult {
  text: string;
  changed: boolean;
  /** Names added, replaced, kept because they existed (no `replace`), or already identical. */
  added: string[];
  replaced: string[];
  skipped: string[];
  unchanged: string[];
  removed: string[];
}

/** A change to one server. Env / header values set to `null` are removed. */
export interface ServerPatch {
  env?: Record<string, string | null>;
  headers?: Record<string, string | null>;
  /** Flag -> value: `--x v` or `--x=v` keeps its form; a missing flag is appended as `--x`, `v`. */
  setArgs?: Record<string, string>;
  /**
   * Flags removed with their value: `--x=v`, or `--x` plus the next argument when that one does
   * not start with `-`. A bare boolean flag is removed alone.
   */
  removeArgs?: string[];
  /** Boolean flags appended when absent. */
  addFlags?: string[];
  /** Exact argument -> replacement, for positional values (a proxy's endpoint URL, `KEY=value` metadata). */
  replaceArgs?: Record<string, string>;
  command?: string;
  url?: string;
  envFile?: string | null;
}

interface Prepared {
  host: HostAdapter;
  ops: TextOps;
  bom: string;
  text: string;
  fmt: TextFormat;
  mapPath: JsonPath;
}

function prepare(rawText: string, hostId: HostId | HostAdapter, options: EditOptions): Prepared {
  const host = getHost(hostId);
  const file = options.file ?? '<text>';
  if (host.legacy) throw new ConfigEditError(`${file}: ${host.displayName} is a legacy location the host does not read; it is never written (move the servers to ${host.movedTo})`);
  if (host.readOnly) throw new ConfigEditError(`${file}: ${host.displayName} is read-only: ${host.readOnly}`);
  if (options.project !== undefined && !host.localScopeKey) throw new ConfigEditError(`${host.displayName} has no per-project (local) scope`);
  const { bom, body } = splitBom(rawText);
  const ops = opsFor(host);
  let mapPath: JsonPath = options.project !== undefined ? [host.localScopeKey!, options.project, host.rootKey] : host.serversPath;
  if (body.trim() !== '') {
    // Refuse to edit a file the host cannot read (syntax errors throw here); entry-level schema
    // problems elsewhere in the file do not block editing other entries.
    const doc = parseHostConfig(body, { file, host, scope: options.project !== undefined ? 'user' : 'workspace', strict: false });
    if (host.layout && options.project === undefined) mapPath = host.layout(doc.value);
    if (host.format === 'toml' || host.format === 'yaml') {
      const map = ops.get(body, mapPath);
      const list = host.serversShape === 'list';
      if (map !== undefined && map !== null && (list ? !Array.isArray(map) : typeof map !== 'object' || Array.isArray(map))) {
        throw new ConfigEditError(`${file}: ${mapPath.map(String).join(' > ')} is not ${list ? 'a list' : 'a mapping'}; fix the file first`);
      }
    } else {
      const root = parseForEdit(body)!;
      if (root.type !== 'object') throw new ConfigEditError(`${file}: the root is not a JSON object; fix the file first`);
      let node = root;
      for (let i = 0; i < mapPath.length; i++) {
        const next = findNode(node, [mapPath[i]!]);
        if (!next) break;
        if (next.type !== 'object') throw new ConfigEditError(`${file}: ${mapPath.slice(0, i + 1).map(String).join(' > ')} is not an object; fix the file first`);
        node = next;
      }
    }
  }
  return { host, ops, bom, text: body, fmt: inferFormat(body), mapPath };
}

/** The path of server `name` in the current text (Continue's list: by its `name`, else past the end). */
function entryPath(p: Prepared, text: string, name: string): { path: JsonPath; exists: boolean } {
  if (p.host.serversShape !== 'list') return { path: [...p.mapPath, name], exists: p.ops.get(text, [...p.mapPath, name]) !== undefined };
  const list = p.ops.get(text, p.mapPath);
  const items = Array.isArray(list) ? list : [];
  const i = items.findIndex((x) => (x as { name?: unknown } | null)?.name === name);
  return i === -1 ? { path: [...p.mapPath, items.length], exists: false } : { path: [...p.mapPath, i], exists: true };
}

function duplicateCheck(p: Prepared, name: string, file: string): void {
  if (p.ops !== JSON_OPS) {
    if (p.host.serversShape === 'list') {
      const list = p.ops.get(p.text, p.mapPath);
      const count = Array.isArray(list) ? list.filter((x) => (x as { name?: unknown } | null)?.name === name).length : 0;
      if (count > 1) throw new ConfigEditError(`${file}: server "${name}" is listed ${count} times; remove the duplicates before editing it`);
    }
    return; // TOML and YAML refuse duplicate keys when parsing
  }
  const root = parseForEdit(p.text);
  const map = root && findNode(root, p.mapPath);
  if (!map || map.type !== 'object') return;
  const count = (map.children ?? []).filter((c) => c.children?.[0]?.value === name).length;
  if (count > 1) throw new ConfigEditError(`${file}: server "${name}" is defined ${count} times; remove the duplicates before editing it`);
}

function currentValue(text: string, path: JsonPath): unknown {
  const root = parseForEdit(text);
  const node = root && findNode(root, path);
  return node ? getNodeValue(node) : undefined;
}

function finish(p: Prepared, original: string, text: string, partial: Partial<EditResult>): EditResult {
  return {
    text: p.bom + text,
    changed: text !== original,
    added: [],
    replaced: [],
    skipped: [],
    unchanged: [],
    removed: [],
    ...partial,
  };
}

/**
 * Add servers in the host's shape. A name that exists is kept (reported in `skipped`) unless
 * `replace` is set; an identical one is reported in `unchanged` and not touched.
 */
export function addServers(text: string, host: HostId | HostAdapter, servers: readonly ServerSpec[], options: AddServersOptions = {}): EditResult {
  const p = prepare(text, host, options);
  const file = options.file ?? '<text>';
  let out = p.text;
  const result: Partial<EditResult> = { added: [], replaced: [], skipped: [], unchanged: [] };
  for (const spec of servers) {
    const checked = ServerSpecSchema.safeParse(spec);
    if (!checked.success) throw new ConfigEditError(`server "${spec.name}": ${checked.error.issues[0]!.message}`);
    const value = p.host.serialize(spec);
    const valid = p.host.entrySchema.safeParse(toCanonical(p.host, value));
    if (!valid.success) throw new ConfigEditError(`server "${spec.name}" is not valid for ${p.host.displayName}: ${valid.error.issues[0]!.message}`);
    duplicateCheck({ ...p, text: out }, spec.name, file);
    const { path, exists } = entryPath(p, out, spec.name);
    if (exists) {
      const existing = p.ops.get(out, path);
      if (jsonEqual(existing, value)) result.unchanged!.push(spec.name);
      else if (options.replace) {
        out = p.ops.set(out, path, value, p.fmt);
        result.replaced!.push(spec.name);
      } else result.skipped!.push(spec.name);
      continue;
    }
    out = p.host.serversShape === 'list' ? p.ops.insert(out, p.mapPath, Number(path[path.length - 1]), [value], p.fmt) : p.ops.set(out, path, value, p.fmt);
    result.added!.push(spec.name);
  }
  if (options.inputs?.length) {
    if (p.host.id !== 'vscode') throw new ConfigEditError(`${p.host.displayName} has no "inputs"`);
    const have = currentValue(out, ['inputs']);
    const ids = new Set(Array.isArray(have) ? have.map((i) => (i as { id?: unknown })?.id) : []);
    const missing = options.inputs.filter((i) => !ids.has(i.id));
    for (const i of missing) VsCodeInputSchema.parse(i);
    if (missing.length) out = Array.isArray(have) ? insertIntoArray(out, ['inputs'], Number.MAX_SAFE_INTEGER, missing, p.fmt) : setAtPath(out, ['inputs'], missing, p.fmt);
  }
  return finish(p, p.text, out, result);
}

/** Set env vars / headers / args of one server, or its command / url / envFile. */
export function patchServer(text: string, host: HostId | HostAdapter, name: string, patch: ServerPatch, options: EditOptions = {}): EditResult {
  return patchServers(text, host, [{ name, patch }], options);
}

/**
 * Patch many servers in one pass: the file is parsed once, each server's member is edited on its
 * own (as a small document holding only that member, so the cost does not grow with the file),
 * and the edited members are spliced back. Linear in the size of the file plus the patches.
 * The result is the same as applying `patchServer` once per entry, in order.
 */
export function patchServers(text: string, host: HostId | HostAdapter, patches: ReadonlyArray<{ name: string; patch: ServerPatch }>, options: EditOptions = {}): EditResult {
  const p = prepare(text, host, options);
  const file = options.file ?? '<text>';
  if (patches.length === 0) return finish(p, p.text, p.text, {});
  // JSON maps: parse once, edit each server's member on its own, splice back (linear in the file).
  // TOML / YAML tables and list-shaped hosts are patched in place, one server after the other.
  if (p.ops !== JSON_OPS || p.host.serversShape === 'list') {
    let out = p.text;
    for (const { name, patch } of patches) {
      duplicateCheck({ ...p, text: out }, name, file);
      const { path: base, exists } = entryPath(p, out, name);
      if (!exists) throw new ConfigEditError(`${file}: no server "${name}" in ${p.mapPath.map(String).join(' > ')}`);
      out = patchMember(out, base, name, patch, p, file);
    }
    return finish(p, p.text, out, {});
  }
  const root = parseForEdit(p.text);
  const map = root && findNode(root, p.mapPath);
  const members = new Map<string, Node[]>();
  if (map && map.type === 'object') {
    for (const prop of map.children ?? []) {
      const key = prop.children?.[0]?.value;
      const value = prop.children?.[1];
      if (typeof key !== 'string' || !value) continue;
      const list = members.get(key) ?? [];
      list.push(value);
      members.set(key, list);
    }
  }
  // name -> its member's current text (a small document with the member's own indentation)
  const edited = new Map<string, { node: Node; indent: string; text: string }>();
  for (const { name, patch } of patches) {
    const nodes = members.get(name) ?? [];
    if (nodes.length > 1) throw new ConfigEditError(`${file}: server "${name}" is defined ${nodes.length} times; remove the duplicates before editing it`);
    const node = nodes[0];
    if (!node) throw new ConfigEditError(`${file}: no server "${name}" in ${p.mapPath.map(String).join(' > ')}`);
    let member = edited.get(name);
    if (!member) {
      const lineAt = p.text.lastIndexOf('\n', node.offset - 1) + 1;
      const indent = /^[ \t]*/.exec(p.text.slice(lineAt, node.offset))![0];
      member = { node, indent, text: indent + p.text.slice(node.offset, node.offset + node.length) };
      edited.set(name, member);
    }
    member.text = patchMember(member.text, [], name, patch, p, file);
  }
  // splice the edited members back, in file order
  const spans = [...edited.values()].sort((a, b) => a.node.offset - b.node.offset);
  const parts: string[] = [];
  let at = 0;
  for (const m of spans) {
    parts.push(p.text.slice(at, m.node.offset), m.text.slice(m.indent.length));
    at = m.node.offset + m.node.length;
  }
  parts.push(p.text.slice(at));
  return finish(p, p.text, parts.join(''), {});
}

/** Apply `patch` to the server at `base` of `text` (the whole file, or a JSON member on its own). */
function patchMember(text: string, base: JsonPath, name: string, patch: ServerPatch, p: Prepared, file: string): string {
  const at = (...segs: (string | number)[]): JsonPath => [...base, ...toHostPath(p.host, segs)];
  const { ops, fmt } = p;
  let out = text;
  for (const key of ['command', 'url'] as const) if (patch[key] !== undefined) out = ops.set(out, at(key), patch[key], fmt);
  if (patch.envFile !== undefined) out = patch.envFile === null ? ops.remove(out, at('envFile')) : ops.set(out, at('envFile'), patch.envFile, fmt);
  for (const field of ['env', 'headers'] as const) {
    for (const [k, v] of Object.entries(patch[field] ?? {})) {
      out = v === null ? ops.remove(out, at(field, k)) : ops.set(out, at(field, k), v, fmt);
    }
  }
  // opencode keeps the args in the command array after the command: index i of args is i + 1 there
  const argsPath = p.host.fields.commandArray ? at('command').slice(0, -1) : at('args');
  const offset = p.host.fields.commandArray ? 1 : 0;
  const args = (): string[] => {
    const v = ops.get(out, argsPath);
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new ConfigEditError(`${file}: server "${name}" has "${String(argsPath[argsPath.length - 1])}" that is not an array of strings; fix it first`);
    return (v as string[]).slice(offset);
  };
  const argAt = (i: number): JsonPath => [...argsPath, i + offset];
  for (const flag of patch.removeArgs ?? []) {
    for (;;) {
      const a = args();
      const i = a.findIndex((x) => x === flag || x.startsWith(flag + '='));
      if (i === -1) break;
      const withValue = a[i] === flag && i + 1 < a.length && !a[i + 1]!.startsWith('-');
      if (withValue) out = ops.remove(out, argAt(i + 1));
      out = ops.remove(out, argAt(i));
    }
  }
  for (const [flag, value] of Object.entries(patch.setArgs ?? {})) {
    const a = args();
    const found = findArgValues(a, flag)[0];
    if (found) {
      const want = found.form === 'joined' ? `${flag}=${value}` : value;
      out = ops.set(out, argAt(found.valueIndex), want, fmt);
    } else if (a[a.length - 1] === flag) {
      out = ops.insert(out, argsPath, a.length + offset, [value], fmt);
    } else {
      out = ops.insert(out, argsPath, a.length + offset, [flag, value], fmt);
    }
  }
  for (const flag of patch.addFlags ?? []) {
    const a = args();
    if (!a.some((x) => x === flag || x.startsWith(flag + '='))) out = ops.insert(out, argsPath, a.length + offset, [flag], fmt);
  }
  for (const [from, to] of Object.entries(patch.replaceArgs ?? {})) {
    args().forEach((x, i) => {
      if (x === from) out = ops.set(out, argAt(i), to, fmt);
    });
  }
  const after = ops.get(out, base);
  const valid = p.host.entrySchema.safeParse(after && typeof after === 'object' ? toCanonical(p.host, after as Record<string, unknown>) : after);
  if (!valid.success) throw new ConfigEditError(`the patched server "${name}" would not be valid for ${p.host.displayName}: ${valid.error.issues[0]!.message}`);
  return out;
}

/** Remove one server. An absent name is not an error: the text comes back unchanged. */
export function removeServer(text: string, host: HostId | HostAdapter, name: string, options: EditOptions = {}): EditResult {
  const p = prepare(text, host, options);
  if (p.text.trim() === '') return finish(p, p.text, p.text, {});
  duplicateCheck(p, name, options.file ?? '<text>');
  const { path, exists } = entryPath(p, p.text, name);
  const out = exists ? p.ops.remove(p.text, path) : p.text;
  return finish(p, p.text, out, out !== p.text ? { removed: [name] } : {});
}
