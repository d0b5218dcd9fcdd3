/**
 * One adapter from a short declaration: the hosts added for issue 14 differ in paths, format,
 * servers path and field names, not in behaviour, so they are data and this builds the rest.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { CANONICAL_FIELDS, entrySchema, serializeWithFields, type EntrySchemaOptions, type SerializeOptions } from './common';
import { isUnderHomeRoot, normalizeSlashes, pathLib } from './paths';
import type { ConfigFormat, FieldMap, HostAdapter, HostFile, PathContext, TemplateStyle } from './types';
import type { HostId, Scope, Transport } from '../model/schema';
import type { VariableSyntax } from '../model/variables';
import type { JsonPath } from '../errors';
import { ConfigEditError } from '../errors';

export interface HostDefinition {
  id: HostId;
  displayName: string;
  format: ConfigFormat;
  /** `jsonc` only: trailing commas allowed too (default true; Gemini CLI strips comments but not commas). */
  trailingCommas?: boolean;
  serversPath: JsonPath;
  serversShape?: 'map' | 'list';
  fields?: FieldMap;
  transports: readonly Transport[];
  typeRequired?: boolean;
  /** Write `type` always, only for remote servers, or never. */
  writeType: SerializeOptions['type'];
  variableSyntax: VariableSyntax;
  templateStyle: TemplateStyle;
  /** Candidate files per scope, for this context. */
  files(ctx: PathContext): { scope: Scope; file: string }[];
  match(file: string, home: string): Scope | undefined;
  /** Keys written into every new entry after the server's own (Goose repeats `name`, adds `enabled`). */
  extraOnWrite?(name: string): Record<string, unknown>;
  restartInstructions: string;
  sources: readonly string[];
  foreignRootKeys?: readonly string[];
  argsRequired?: boolean;
  readOnly?: string;
  installMarkers?(ctx: PathContext): string[];
  sharedWith?: readonly HostId[];
  binaries?: readonly string[];
  decode?(raw: Record<string, unknown>): Record<string, unknown>;
  layout?(root: unknown): JsonPath;
  skipEntry?(raw: unknown): boolean;
  serialize?: HostAdapter['serialize'];
  secretsFromEnv?: HostAdapter['secretsFromEnv'];
  variableApproval?: HostAdapter['variableApproval'];
}

export function defineHost(d: HostDefinition): HostAdapter {
  const fields = d.fields ?? CANONICAL_FIELDS;
  const schemaOpts: EntrySchemaOptions = { typeRequired: d.typeRequired ?? false, transports: d.transports, ...(d.argsRequired ? { argsRequired: true } : {}) };
  const adapter: HostAdapter = {
    id: d.id,
    displayName: d.displayName,
    legacy: false,
    format: d.format,
    serversPath: d.serversPath,
    ...(d.serversShape ? { serversShape: d.serversShape } : {}),
    fields,
    rootKey: String(d.serversPath[0]),
    readRootKeys: d.format === 'json' || d.format === 'jsonc' ? [String(d.serversPath[0])] : [],
    foreignRootKeys: d.foreignRootKeys ?? [],
    allowsComments: d.format !== 'json',
    allowsTrailingCommas: d.format === 'jsonc' && d.trailingCommas !== false,
    toleratesUnknownKeys: true,
    typeRequired: d.typeRequired ?? false,
    transports: d.transports,
    variableSyntax: d.variableSyntax,
    templateStyle: d.templateStyle,
    entrySchema: undefined as unknown as HostAdapter['entrySchema'], // built on first use, below
    files(ctx): HostFile[] {
      return d.files(ctx).map((f) => ({ host: d.id, scope: f.scope, file: f.file, legacy: false }));
    },
    match: d.match,
    serialize:
      d.serialize ??
      ((spec) => {
        if (d.readOnly) throw new ConfigEditError(`${d.displayName} is read-only: ${d.readOnly}`);
        const out = serializeWithFields(spec, { type: d.writeType, transports: d.transports, hostName: d.displayName, ...(d.argsRequired ? { alwaysArgs: true } : {}) }, fields);
        return d.extraOnWrite ? { ...d.extraOnWrite(spec.name), ...out } : out;
      }),
    restartInstructions: d.restartInstructions,
    sources: d.sources,
    ...(d.readOnly ? { readOnly: d.readOnly } : {}),
    ...(d.installMarkers ? { installMarkers: d.installMarkers } : {}),
    ...(d.sharedWith ? { sharedWith: d.sharedWith } : {}),
    ...(d.binaries ? { binaries: d.binaries } : {}),
    ...(d.decode ? { decode: d.decode } : {}),
    ...(d.layout ? { layout: d.layout } : {}),
    ...(d.skipEntry ? { skipEntry: d.skipEntry } : {}),
    ...(d.secretsFromEnv ? { secretsFromEnv: d.secretsFromEnv } : {}),
    ...(d.variableApproval ? { variableApproval: d.variableApproval } : {}),
  };
  // zod schemas cost a few ms each to build: twenty of them would slow every CLI start
  let schema: HostAdapter['entrySchema'] | undefined;
  Object.defineProperty(adapter, 'entrySchema', { enumerable: true, get: () => (schema ??= entrySchema(schemaOpts)) });
  return adapter;
}

// ---- path helpers shared by the adapters -----------------------------------------------------

/** `$VAR` when it is an absolute path, else `fallback`. */
export function envDir(ctx: PathContext, name: string, fallback: string): string {
  const v = ctx.env[name];
  return v && pathLib(ctx.platform).isAbsolute(v) ? v : fallback;
}

/** `$XDG_CONFIG_HOME` (absolute) else `~/.config`: Linux and macOS for the CLI tools that use it. */
export function xdgConfig(ctx: PathContext): string {
  return envDir(ctx, 'XDG_CONFIG_HOME', pathLib(ctx.platform).join(ctx.home, '.config'));
}

/** `<user>/<suffix>` for a file under the home folder, `<project>/<suffix>` for the same in a project. */
export function homeOrProject(file: string, home: string, suffix: string): Scope | undefined {
  const f = normalizeSlashes(file);
  if (!(f.endsWith('/' + suffix) || f === suffix)) return undefined;
  return isUnderHomeRoot(file, suffix, home) ? 'user' : 'workspace';
}

export function endsWithPath(file: string, suffix: string): boolean {
  const f = normalizeSlashes(file);
  return f.endsWith('/' + suffix) || f === suffix;
}

/**
 * Root of system-wide files (Claude Code's managed-mcp.json). Read only for the real user's home or
 * when `AWSMCP_SYSTEM_ROOT` says where: a test or sandbox home never sees the machine's /etc.
 */
export function systemRoot(ctx: PathContext): string | undefined {
  if (ctx.env.AWSMCP_SYSTEM_ROOT) return ctx.env.AWSMCP_SYSTEM_ROOT;
  return normalizeSlashes(ctx.home) === normalizeSlashes(os.homedir()) ? (ctx.platform === 'win32' ? 'C:\\' : '/') : undefined;
}

export function workspaceFiles(ctx: PathContext, ...rel: string[][]): { scope: Scope; file: string }[] {
  if (!ctx.workspace) return [];
  const lib = pathLib(ctx.platform);
  return rel.map((r) => ({ scope: 'workspace' as const, file: lib.join(ctx.workspace!, ...r) }));
}

/**
 * Every file of a folder a host reads whole (Kiro CLI `.kiro/agents/*.json`, Continue
 * `.continue/mcpServers/*.yaml`) whose name matches `name`: regular files and links to them, sorted
 * by name (code-point order), so every run lists them the same way. A missing or unreadable folder
 * has none. In a symbolic context (a home such as `~` that is not an absolute path: `awsmcp hosts`
 * describing the files per OS) the folder is not read and one `<dir>/<pattern>` entry stands for it.
 */
export function folderFiles(ctx: PathContext, scope: Scope, dir: string, name: RegExp, pattern: string): { scope: Scope; file: string }[] {
  const lib = pathLib(ctx.platform);
  if (!lib.isAbsolute(dir)) return [{ scope, file: lib.join(dir, pattern) }];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const names: string[] = [];
  for (const e of entries) {
    if (!name.test(e.name)) continue;
    if (e.isFile()) names.push(e.name);
    else if (e.isSymbolicLink()) {
      try {
        if (fs.statSync(lib.join(dir, e.name)).isFile()) names.push(e.name);
      } catch {
        // a dangling link: nothing to read
      }
    }
  }
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.map((n) => ({ scope, file: lib.join(dir, n) }));
}
