/**
 * read: text -> tree (jsonc-parser, with the host's rules on comments and trailing commas) ->
 * server entries, each validated by the host's zod schema, with every problem positioned at
 * file:line:column.
 */
import * as fsp from 'node:fs/promises';
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { ConfigParseError, ConfigReadError, ConfigSchemaError, McpConfigError, type ConfigIssue, type JsonPath } from './errors';
import { detectHostFile, getHost, stripTemplateSuffix } from './hosts/index';
import { inferTransport, toCanonical, toHostPath } from './hosts/common';
import { resolvePathContext } from './hosts/paths';
import type { HostAdapter } from './hosts/types';
import { detectAws } from './model/aws';
import type { HostId, Scope, ServerEntry, VsCodeInput } from './model/schema';
import { inferFormat, type TextFormat } from './text/format';
import { findNode } from './text/jsonc-edit';
import { decodeUtf8, LineIndex, splitBom } from './text/position';
import { nestingDepth } from './secrets/config-text';

/** Deeper nesting is a parse error (no host file comes close; jsonc-parser would overflow the stack). */
const MAX_NESTING = 256;
import { tomlCodec, yamlCodec } from './text/codecs';

/** Files larger than this are refused with a clear error (a real `~/.claude.json` can reach several MB). */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export interface HostConfigDocument {
  file: string;
  host: HostId;
  scope: Scope;
  legacy: boolean;
  /** The text without a leading byte-order mark. */
  text: string;
  bom: boolean;
  format: TextFormat;
  /** The parsed root value (comments dropped); computed on first access. */
  readonly value: unknown;
  /** Valid entries, in file order (for a duplicated name: the last one, which is the one hosts use). */
  servers: ServerEntry[];
  /** VS Code `inputs`, as written. */
  inputs: VsCodeInput[];
  /** Problems that did not stop the read (schema errors when `strict: false`, warnings). */
  issues: ConfigIssue[];
}

export interface ParseHostConfigOptions {
  /** Name used in messages and locations. */
  file?: string;
  /** The host; detected from `file` when omitted. */
  host?: HostId | HostAdapter;
  /** Scope of the file; detected from `file` when omitted (else `workspace`). */
  scope?: Scope;
  /** Throw `ConfigSchemaError` on schema errors (default). With `false` they are returned in `issues`. */
  strict?: boolean;
  /** Home folder used to tell `~/.vscode/mcp.json` (legacy) from a project's `.vscode/mcp.json`. */
  home?: string;
}

const PARSE_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character: expected a JSON value',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value (string, number, object, array, true, false or null)',
  ColonExpected: "expected ':' after the property name",
  CommaExpected: "expected ',' between members",
  CloseBraceExpected: "expected '}' to close the object",
  CloseBracketExpected: "expected ']' to close the array",
  EndOfFileExpected: 'expected the end of the file after the root value',
  UnexpectedEndOfComment: "the block comment is not closed: expected '*/'",
  UnexpectedEndOfString: 'the string is not closed: expected \'"\'',
  UnexpectedEndOfNumber: 'the number is cut off',
  InvalidUnicode: 'invalid \\u escape in a string',
  InvalidEscapeCharacter: 'invalid escape character in a string',
  InvalidCharacter: 'invalid character in a string (control characters must be escaped)',
};

function parseMessage(err: ParseError, text: string, host: HostAdapter): string {
  const code = printParseErrorCode(err.error);
  if (code === 'InvalidCommentToken') return `comments are not allowed: ${host.displayName} reads this file as strict JSON`;
  if (code === 'PropertyNameExpected' || code === 'ValueExpected') {
    const before = text.slice(0, err.offset).replace(/\s+$/, '');
    if (before.endsWith(',') && /^[}\]]/.test(text.slice(err.offset))) {
      return `trailing comma: ${host.displayName} reads this file as strict JSON (remove the ',' before '${text[err.offset]}')`;
    }
  }
  return PARSE_MESSAGES[code] ?? code;
}

function kindOf(node: Node | undefined): string {
  if (!node) return 'nothing';
  if (node.type === 'array') return 'an array';
  if (node.type === 'object') return 'an object';
  return `a ${node.type}`;
}

class IssueCollector {
  readonly issues: ConfigIssue[] = [];
  constructor(
    private readonly file: string,
    private readonly lines: LineIndex,
  ) {}
  add(code: string, severity: ConfigIssue['severity'], offset: number, jsonPath: JsonPath, message: string): void {
    this.issues.push({ file: this.file, ...this.lines.position(offset), code, severity, jsonPath, message });
  }
}

function pathLabel(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
}

const ARTICLE: Record<string, string> = { string: 'a string', number: 'a number', boolean: 'a boolean', object: 'an object', array: 'an array' };

/** What is at a path inside an entry: where (for the position) and, when present, what kind of value. */
interface Located {
  offset: number;
  present: boolean;
  kind: string;
}

function kindOfValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'a null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return ARTICLE[typeof v] ?? `a ${typeof v}`;
}

function zodMessage(issue: z.core.$ZodIssue, at: Located): string {
  const found = at.present ? `, found ${at.kind}` : ' (missing)';
  if (issue.code === 'invalid_type') {
    if (issue.message && !issue.message.startsWith('Invalid input')) return `${issue.message}${found}`;
    return `expected ${ARTICLE[issue.expected] ?? issue.expected}${found}`;
  }
  if (issue.code === 'invalid_value' && !at.present) return `${issue.message}${found}`;
  return issue.message;
}

/**
 * Validate one entry (as the canonical entry, through the host's field map) and report each problem
 * at the host's own key: `locate` turns a path inside the host entry into a position.
 */
function validateValue(
  host: HostAdapter,
  value: unknown,
  name: string,
  jsonPath: JsonPath,
  issues: IssueCollector,
  locate: (hostSegs: (string | number)[]) => Located,
): Record<string, unknown> | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const at = locate([]);
    issues.add('NOT_AN_OBJECT', 'error', at.offset, jsonPath, `server "${name}": expected ${host.format === 'toml' ? 'a table' : host.format === 'yaml' ? 'a mapping' : 'an object'} describing the server, found ${kindOfValue(value)}`);
    return undefined;
  }
  const raw = value as Record<string, unknown>;
  const result = host.entrySchema.safeParse(toCanonical(host, raw));
  if (result.success) return raw;
  for (const issue of result.error.issues) {
    const segs = toHostPath(host, issue.path.filter((p): p is string | number => typeof p !== 'symbol'));
    const at = locate(segs);
    const label = segs.length ? ` (${pathLabel(segs)})` : '';
    issues.add('SCHEMA', 'error', at.offset, [...jsonPath, ...segs], `server "${name}"${label}: ${zodMessage(issue, at)}`);
  }
  return undefined;
}

function validateEntry(
  host: HostAdapter,
  valueNode: Node,
  name: string,
  jsonPath: JsonPath,
  issues: IssueCollector,
): Record<string, unknown> | undefined {
  if (valueNode.type !== 'object') {
    issues.add('NOT_AN_OBJECT', 'error', valueNode.offset, jsonPath, `server "${name}": expected an object describing the server, found ${kindOf(valueNode)}`);
    return undefined;
  }
  return validateValue(host, getNodeValue(valueNode), name, jsonPath, issues, (segs) => {
    const node = findNode(valueNode, segs);
    return { offset: (node ?? valueNode).offset, present: node !== undefined, kind: kindOf(node) };
  });
}

/** Env values VS Code accepts besides strings (numbers, null): as strings for the model; null drops the key. */
function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (typeof x === 'string') out[k] = x;
    else if (typeof x === 'number' || typeof x === 'boolean') out[k] = String(x);
  }
  return out;
}

function toEntry(
  host: HostAdapter,
  hostRaw: Record<string, unknown>,
  name: string,
  location: Omit<ServerEntry['location'], 'line' | 'column'>,
  lines: LineIndex,
  keyOffset: number,
): ServerEntry {
  const raw = toCanonical(host, hostRaw);
  const { type: _type, command, args, env, envFile, url, headers, ...extra } = raw;
  void _type;
  const entry: ServerEntry = {
    name,
    transport: inferTransport(raw),
    extra,
    location: { ...location, ...lines.position(keyOffset) },
    aws: { profiles: [], regions: [] },
  };
  if (typeof command === 'string') entry.command = command;
  if (Array.isArray(args)) entry.args = args as string[];
  if (env && typeof env === 'object') entry.env = Object.values(env).every((x) => typeof x === 'string') ? (env as Record<string, string>) : stringMap(env);
  if (typeof envFile === 'string') entry.envFile = envFile;
  if (typeof url === 'string') entry.url = url;
  if (headers && typeof headers === 'object') entry.headers = headers as Record<string, string>;
  entry.aws = detectAws(entry, host.variableSyntax, location.jsonPath);
  if (host.fields.type !== 'type' || host.fields.env !== 'env' || host.fields.commandArray) {
    // AWS values point at the host's own keys (Goose `envs`, opencode `command[i + 1]`)
    const n = location.jsonPath.length;
    for (const v of [...entry.aws.profiles, ...entry.aws.regions]) v.jsonPath = [...location.jsonPath, ...toHostPath(host, v.jsonPath.slice(n))];
  }
  return entry;
}

/** Read one servers map (`servers`, `mcpServers`, or a project's `mcpServers`). */
function readServerMap(
  host: HostAdapter,
  mapNode: Node,
  mapPath: JsonPath,
  base: { file: string; scope: Scope; project?: string },
  lines: LineIndex,
  issues: IssueCollector,
): ServerEntry[] {
  if (mapNode.type !== 'object') {
    issues.add('NOT_AN_OBJECT', 'error', mapNode.offset, mapPath, `"${String(mapPath[mapPath.length - 1])}": expected an object mapping server names to servers, found ${kindOf(mapNode)}`);
    return [];
  }
  const firstSeen = new Map<string, Node>();
  const byName = new Map<string, ServerEntry>();
  for (const prop of mapNode.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode || !valueNode) continue;
    const name = String(keyNode.value);
    const jsonPath = [...mapPath, name];
    const seen = firstSeen.get(name);
    if (seen) {
      issues.add('DUPLICATE_SERVER', 'error', keyNode.offset, jsonPath, `server "${name}" is defined twice (first at line ${lines.position(seen.offset).line}); hosts keep only the last one`);
      byName.delete(name);
    } else firstSeen.set(name, keyNode);
    if (name.trim() === '') {
      issues.add('SCHEMA', 'error', keyNode.offset, jsonPath, 'expected a non-empty server name');
      continue;
    }
    if (host.skipEntry?.(getNodeValue(valueNode))) continue;
    const raw = validateEntry(host, valueNode, name, jsonPath, issues);
    if (!raw) continue;
    const location = { host: host.id, scope: base.scope, file: base.file, jsonPath, legacy: host.legacy, ...(base.project !== undefined ? { project: base.project } : {}) };
    byName.set(name, toEntry(host, raw, name, location, lines, keyNode.offset));
  }
  return [...byName.values()];
}

function rootProperties(root: Node, key: string): Node[] {
  return (root.children ?? []).filter((p) => p.children?.[0]?.value === key);
}

/**
 * Parse the text of a host config file. Syntax errors throw `ConfigParseError`; schema errors throw
 * `ConfigSchemaError` (or, with `strict: false`, come back in `issues` while the valid entries are
 * returned). Unknown keys are kept in each entry's `extra`.
 */
export function parseHostConfig(rawText: string, options: ParseHostConfigOptions = {}): HostConfigDocument {
  const file = options.file ?? '<text>';
  const home = options.home ?? resolvePathContext().home;
  let host: HostAdapter;
  if (options.host !== undefined) host = getHost(options.host);
  else {
    const detected = detectHostFile(file, home);
    if (!detected) throw new McpConfigError('UNKNOWN_HOST', `${file}: cannot tell which host reads this file from its path; pass the host`);
    host = detected.host;
  }
  const scope = options.scope ?? host.match(stripTemplateSuffix(file), home) ?? (host.id === 'claude-desktop' ? 'user' : 'workspace');
  const { bom, body: text } = splitBom(rawText);
  const lines = new LineIndex(text);
  const issues = new IssueCollector(file, lines);
  if (host.format === 'toml' || host.format === 'yaml') return parseStructured(text, bom !== '', { file, host, scope, lines, issues, strict: options.strict ?? true });

  if (text.trim() === '') {
    issues.add('EMPTY', 'error', 0, [], `the file is empty: expected a JSON object such as { "${host.rootKey}": {} }`);
    throw new ConfigParseError(issues.issues);
  }
  // jsonc-parser recurses: a file nested deeper than any host file is refused before it can overflow the stack
  const nesting = nestingDepth(text, MAX_NESTING);
  if (nesting.depth > MAX_NESTING) {
    issues.add('TOO_DEEP', 'error', nesting.offset, [], `nested more than ${MAX_NESTING} levels deep: expected an MCP host file (objects and arrays a few levels deep)`);
    throw new ConfigParseError(issues.issues);
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: !host.allowsComments, allowTrailingComma: host.allowsTrailingCommas, allowEmptyContent: false });
  if (errors.length > 0 || !root) {
    // jsonc-parser may report one mistake twice (same place, same words): each once
    const seen = new Set<string>();
    for (const err of errors) {
      const message = parseMessage(err, text, host);
      if (seen.has(`${err.offset}\u0000${message}`)) continue;
      seen.add(`${err.offset}\u0000${message}`);
      issues.add('SYNTAX', 'error', err.offset, [], message);
    }
    if (issues.issues.length === 0) issues.add('SYNTAX', 'error', 0, [], 'expected a JSON object');
    throw new ConfigParseError(issues.issues);
  }

  const doc: HostConfigDocument = {
    file,
    host: host.id,
    scope,
    legacy: host.legacy,
    text,
    bom: bom !== '',
    format: inferFormat(text),
    value: undefined,
    servers: [],
    inputs: [],
    issues: issues.issues,
  };

  let value: unknown;
  Object.defineProperty(doc, 'value', { enumerable: true, get: () => (value ??= getNodeValue(root)) });
  if (root.type !== 'object') {
    issues.add('NOT_AN_OBJECT', 'error', root.offset, [], `expected a JSON object at the root (with "${host.rootKey}"), found ${kindOf(root)}`);
  } else {
    let sawOwnKey = false;
    for (const key of host.readRootKeys) {
      const props = rootProperties(root, key);
      if (props.length === 0) continue;
      sawOwnKey = true;
      if (props.length > 1) {
        issues.add('DUPLICATE_KEY', 'error', props[1]!.offset, [key], `"${key}" appears ${props.length} times at the root; hosts keep only the last one`);
      }
      const valueNode = props[props.length - 1]!.children?.[1];
      if (!valueNode) continue;
      // a servers path deeper than one key (Zed has one, opencode V2 `mcp.servers`): walk down to it
      const path = host.layout ? host.layout(getNodeValue(root)) : host.serversPath;
      if (path.length > 1 && path[0] === key) {
        let node: Node | undefined = valueNode;
        for (const seg of path.slice(1)) node = node?.type === 'object' ? rootProperties(node, String(seg)).pop()?.children?.[1] : undefined;
        if (node) doc.servers.push(...readServerMap(host, node, path, { file, scope }, lines, issues));
        continue;
      }
      doc.servers.push(...readServerMap(host, valueNode, [key], { file, scope }, lines, issues));
    }
    for (const key of host.foreignRootKeys) {
      const prop = rootProperties(root, key)[0];
      if (!prop) continue;
      const otherHosts = key === 'servers' ? 'VS Code' : key === 'mcp' ? 'VS Code settings.json' : 'Claude Code, Cursor, Kiro, Amazon Q and Claude Desktop';
      // a shared file (a repo-root .mcp.json): another host that reads it may use this key (Visual Studio: "servers")
      const reader = (host.sharedWith ?? []).map((id) => getHost(id)).find((h) => h.rootKey === key);
      issues.add(
        'WRONG_ROOT_KEY',
        sawOwnKey || reader ? 'warning' : 'error',
        prop.offset,
        [key],
        `wrong root key "${key}" (the ${otherHosts} key): ${host.displayName} reads servers from "${host.rootKey}", so these servers are ignored${reader ? ` by it (${reader.displayName} reads "${key}" in this file)` : ''}`,
      );
    }
    if (host.localScopeKey && scope === 'user') {
      const projects = rootProperties(root, host.localScopeKey).pop()?.children?.[1];
      if (projects?.type === 'object') {
        for (const p of projects.children ?? []) {
          const [keyNode, valueNode] = p.children ?? [];
          if (!keyNode || valueNode?.type !== 'object') continue;
          const project = String(keyNode.value);
          const map = rootProperties(valueNode, host.rootKey).pop()?.children?.[1];
          if (map) doc.servers.push(...readServerMap(host, map, [host.localScopeKey, project, host.rootKey], { file, scope: 'local', project }, lines, issues));
        }
      }
    }
    if (host.id === 'vscode' || host.id === 'vscode-legacy') {
      const inputs = rootProperties(root, 'inputs').pop()?.children?.[1];
      if (inputs && inputs.type !== 'array') issues.add('NOT_AN_ARRAY', 'error', inputs.offset, ['inputs'], `"inputs": expected an array of input definitions, found ${kindOf(inputs)}`);
      else if (inputs) doc.inputs = getNodeValue(inputs) as VsCodeInput[];
    }
  }
  if ((options.strict ?? true) && doc.issues.some((i) => i.severity === 'error')) {
    throw new ConfigSchemaError(doc.issues.filter((i) => i.severity === 'error'));
  }
  return doc;
}

interface StructuredContext {
  file: string;
  host: HostAdapter;
  scope: Scope;
  lines: LineIndex;
  issues: IssueCollector;
  strict: boolean;
}

/** TOML (Codex, Grok) and YAML (Goose, Continue) files: the same entries, issues and positions as for JSON. */
function parseStructured(text: string, bom: boolean, c: StructuredContext): HostConfigDocument {
  const { host, issues } = c;
  let value: unknown;
  let keyOffset: (path: JsonPath) => number | undefined;
  let valueOffset: (path: JsonPath) => number | undefined;
  const T = host.format === 'toml' ? tomlCodec() : undefined;
  const Y = host.format === 'yaml' ? yamlCodec() : undefined;
  try {
    if (T) {
      const { parseToml, tomlKeyOffset, tomlValue, tomlValueOffset } = T;
      const program = parseToml(text);
      value = tomlValue(program);
      keyOffset = (p) => tomlKeyOffset(program, p);
      valueOffset = (p) => tomlValueOffset(program, p);
    } else {
      const { parseYaml, yamlKeyOffset, yamlValue, yamlValueOffset } = Y!;
      const ydoc = parseYaml(text);
      value = yamlValue(ydoc) ?? {};
      keyOffset = (p) => yamlKeyOffset(ydoc, p);
      valueOffset = (p) => yamlValueOffset(ydoc, p);
    }
  } catch (e) {
    if (T && e instanceof T.TomlSyntaxError) issues.add('SYNTAX', 'error', e.problem.offset, [], e.problem.message);
    else if (Y && e instanceof Y.YamlSyntaxError) for (const p of e.problems) issues.add('SYNTAX', 'error', p.offset, [], p.message);
    else throw e;
    throw new ConfigParseError(issues.issues);
  }
  const doc: HostConfigDocument = { file: c.file, host: host.id, scope: c.scope, legacy: host.legacy, text, bom, format: inferFormat(text), value, servers: [], inputs: [], issues: issues.issues };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    issues.add('NOT_AN_OBJECT', 'error', 0, [], `expected a ${host.format === 'toml' ? 'TOML table' : 'YAML mapping'} at the root (with "${host.serversPath.join('.')}"), found ${kindOfValue(value)}`);
  } else {
    const mapPath = host.layout ? host.layout(value) : host.serversPath;
    const map = getAt(value, mapPath);
    const list = host.serversShape === 'list';
    if (map !== undefined && map !== null) {
      if (list ? !Array.isArray(map) : typeof map !== 'object' || Array.isArray(map)) {
        issues.add(list ? 'NOT_AN_ARRAY' : 'NOT_AN_OBJECT', 'error', valueOffset(mapPath) ?? 0, mapPath, `"${mapPath.join('.')}": expected ${list ? 'a list of servers' : 'a mapping of server names to servers'}, found ${kindOfValue(map)}`);
      } else {
        const byName = new Map<string, ServerEntry>();
        const items: [string | number, unknown][] = list ? (map as unknown[]).map((v, i) => [i, v]) : Object.entries(map as Record<string, unknown>);
        for (const [k, v] of items) {
          const jsonPath = [...mapPath, k];
          const name = list ? String((v as { name?: unknown } | null)?.name ?? '') : String(k);
          const entryOffset = keyOffset(jsonPath) ?? 0;
          if (name.trim() === '') {
            issues.add('SCHEMA', 'error', entryOffset, jsonPath, list ? `server [${k}]: expected a "name"` : 'expected a non-empty server name');
            continue;
          }
          if (host.skipEntry?.(v)) continue;
          if (list && byName.has(name)) issues.add('DUPLICATE_SERVER', 'error', entryOffset, jsonPath, `server "${name}" is listed twice; remove one`);
          const raw = validateValue(host, v, name, jsonPath, issues, (segs) => {
            const at = getAt(v, segs);
            return { offset: (at !== undefined ? valueOffset([...jsonPath, ...segs]) : undefined) ?? entryOffset, present: at !== undefined, kind: kindOfValue(at) };
          });
          if (!raw) continue;
          const location = { host: host.id, scope: c.scope, file: c.file, jsonPath, legacy: host.legacy };
          byName.set(name, toEntry(host, raw, name, location, c.lines, entryOffset));
        }
        doc.servers.push(...byName.values());
      }
    }
  }
  if (c.strict && doc.issues.some((i) => i.severity === 'error')) throw new ConfigSchemaError(doc.issues.filter((i) => i.severity === 'error'));
  return doc;
}

function getAt(value: unknown, path: JsonPath): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/** The subset of `node:fs/promises` this package uses; pass your own to test failures. */
export type FsApi = Pick<typeof fsp, 'readFile' | 'writeFile' | 'open' | 'rename' | 'unlink' | 'stat' | 'lstat' | 'realpath' | 'readlink' | 'chmod' | 'chown' | 'copyFile' | 'mkdir' | 'link'>;

export function fsApi(override?: Partial<FsApi>): FsApi {
  return { ...(fsp as unknown as FsApi), ...override };
}

export interface ReadHostConfigOptions extends Omit<ParseHostConfigOptions, 'file' | 'host'> {
  /** Refuse larger files (default 64 MiB). */
  maxBytes?: number;
  fs?: Partial<FsApi>;
}

const ERRNO_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, expected a JSON file',
  EACCES: 'permission denied: cannot read the file',
  EPERM: 'operation not permitted: cannot read the file',
  ENOTDIR: 'a parent of this path is not a directory',
  ELOOP: 'too many levels of symbolic links',
};

/** Read raw bytes as strict UTF-8 text, with clear errors for directories, permissions, size and bad bytes. */
export async function readConfigText(file: string, options: { maxBytes?: number; fs?: Partial<FsApi> } = {}): Promise<string> {
  const fs = fsApi(options.fs);
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let buf: Buffer;
  try {
    const st = await fs.stat(file);
    if (st.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (st.size > max) throw new ConfigReadError(file, `the file is ${st.size} bytes, more than the ${max} byte limit`, 'EFBIG');
    buf = await fs.readFile(file);
  } catch (e) {
    if (e instanceof ConfigReadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ConfigReadError(file, (code && ERRNO_REASONS[code]) ?? `cannot read: ${(e as Error).message}`, code);
  }
  const decoded = decodeUtf8(buf);
  if ('invalidAt' in decoded) {
    const { line, column, byte } = decoded.invalidAt;
    throw new ConfigReadError(file, `invalid UTF-8 (byte 0x${buf[byte]!.toString(16).padStart(2, '0')} at offset ${byte}): expected UTF-8 text`, 'EILSEQ', { line, column });
  }
  return decoded.text;
}

/**
 * Read and parse a host config file. The host is detected from the path when not given
 * (`.vscode/mcp.json` -> vscode, `.mcp.json` -> claude-code, ...).
 */
export async function readHostConfig(file: string, host?: HostId | HostAdapter, options: ReadHostConfigOptions = {}): Promise<HostConfigDocument> {
  const text = await readConfigText(file, options);
  return parseHostConfig(text, { ...options, file, ...(host !== undefined ? { host } : {}) });
}
