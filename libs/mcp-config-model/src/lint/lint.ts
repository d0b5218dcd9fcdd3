/**
 * lint: findings with file, JSON path, line:column, severity and a fix. Secrets are reported by
 * key name only; their values never appear in a finding.
 */
import { parseTree, type ParseError } from 'jsonc-parser';
import { ConfigParseError, ConfigReadError, ConfigSchemaError, McpConfigError, type JsonPath } from '../errors';
import { detectHostFile, getHost } from '../hosts/index';
import { resolvePathContext } from '../hosts/paths';
import type { HostAdapter } from '../hosts/types';
import type { HostId, Scope, ServerEntry } from '../model/schema';
import { findVariableRefs, hasVariableRef } from '../model/variables';
import { toHostPath } from '../hosts/common';
import { tomlCodec, yamlCodec } from '../text/codecs';
import { templateVariable } from '../template';
import { parseHostConfig, readConfigText, type FsApi, type HostConfigDocument } from '../read';
import { findNode } from '../text/jsonc-edit';
import { LineIndex } from '../text/position';
import { detectServerPackage, findCatalogServer, type Catalog } from './catalog';
import { containsAccessKeyId, isStaticCredentialKey } from './secrets';

export type LintCode =
  | 'READ_ERROR'
  | 'INVALID_CONFIG'
  | 'WRONG_ROOT_KEY'
  | 'LEGACY_LOCATION'
  | 'UNPINNED_VERSION'
  | 'UNKNOWN_FLAG'
  | 'DEPRECATED_SERVER'
  | 'SERVER_CAVEAT'
  | 'PROFILE_WITHOUT_REGION'
  | 'REGION_MISMATCH'
  | 'STATIC_CREDENTIALS'
  | 'REAL_PROFILE_IN_TEMPLATE'
  | 'ACCOUNT_ID_IN_TEMPLATE'
  | 'PROD_PROFILE_IN_USER_SCOPE'
  | 'UNAPPROVED_VARIABLE';

export interface LintFinding {
  file: string;
  jsonPath: JsonPath;
  line?: number;
  column?: number;
  severity: 'error' | 'warning' | 'info';
  code: LintCode;
  /** The server concerned, when the finding is about one. */
  server?: string;
  message: string;
  /** What to change. */
  fix: string;
}

export interface LintTarget {
  file: string;
  /** Detected from the path when omitted. */
  host?: HostId;
  scope?: Scope;
  /** A committed placeholder file (detected from a `.template` / `.tmpl` / `.example` suffix when omitted). */
  template?: boolean;
}

export interface LintOptions {
  /** Catalog facts (`getCatalog()` of @awsmcp/starter-kits fits): pinned versions, accepted flags, deprecations. */
  catalog?: Catalog;
  /** Profile name -> environment tag, e.g. `{ "acme-prod-admin": "prod" }`. */
  tags?: Record<string, string>;
  /** Tags that mean production (default `prod`, `production`, `prd`; case-insensitive). */
  prodTags?: string[];
  /** Home folder for host detection (default: HOME). */
  home?: string;
  /**
   * Variables the user approved for expansion, for hosts that expand only approved ones (Kiro's
   * "Mcp Approved Env Vars"). A variable not listed is a warning; without a list, each variable
   * such a host uses is reported as `info` (approve it, or the server gets the literal text).
   */
  approvedVariables?: readonly string[];
  fs?: Partial<FsApi>;
}

const ACCOUNT_ID = /(?<!\d)\d{12}(?!\d)/;

interface Ctx {
  file: string;
  host: HostAdapter;
  doc: HostConfigDocument;
  template: boolean;
  positions: (path: JsonPath) => { line?: number; column?: number };
  out: LintFinding[];
}

function add(ctx: Ctx, f: Omit<LintFinding, 'file' | 'line' | 'column'>): void {
  ctx.out.push({ file: ctx.file, ...ctx.positions(f.jsonPath), ...f });
}

/** Every string of an entry with its path in the host's own entry (Goose `envs`, opencode `command[i + 1]`). */
function stringsOf(host: HostAdapter, entry: ServerEntry): { path: JsonPath; value: string }[] {
  const base = entry.location.jsonPath;
  const out: { path: JsonPath; value: string }[] = [];
  const walk = (v: unknown, rel: JsonPath) => {
    if (typeof v === 'string') out.push({ path: [...base, ...toHostPath(host, rel)], value: v });
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...rel, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...rel, k]);
  };
  for (const k of ['command', 'args', 'env', 'envFile', 'url', 'headers'] as const) walk(entry[k], [k]);
  for (const [k, v] of Object.entries(entry.extra)) walk(v, [k]);
  return out;
}

function lintEntry(ctx: Ctx, entry: ServerEntry, options: LintOptions): void {
  const base = entry.location.jsonPath;
  /** A canonical path inside the entry as the path in the host's file. */
  const at = (...segs: (string | number)[]): JsonPath => [...base, ...toHostPath(ctx.host, segs)];
  const server = entry.name;
  const args = entry.args ?? [];
  const pkg = detectServerPackage(entry.command, args);
  const facts = pkg && findCatalogServer(options.catalog, pkg.package);
  if (pkg && !pkg.pinned) {
    const how = pkg.runner === 'uvx' ? `${pkg.package}==${facts?.version ?? '<x.y.z>'}` : `${pkg.package}@${facts?.version ?? '<x.y.z>'}`;
    add(ctx, {
      jsonPath: at('args', pkg.specIndex),
      severity: 'warning',
      code: 'UNPINNED_VERSION',
      server,
      message: `server "${server}": ${pkg.package} is not pinned (${pkg.latest ? '@latest' : pkg.version ? `range ${pkg.version}` : 'no version'}), so every start may run a different release`,
      fix: `pin an exact version: ${how}`,
    });
  }
  if (pkg && facts) {
    const exits = facts.rejectsUnknownFlags !== false;
    const accepts = facts.acceptedFlags.length ? facts.acceptedFlags.join(', ') : 'no flags';
    for (let i = pkg.serverArgsStart; i < args.length; i++) {
      const a = args[i]!;
      if (!a.startsWith('-') || a === '-' || a === '--') continue;
      const flag = a.split('=')[0]!;
      if (facts.acceptedFlags.includes(flag)) continue;
      const fix =
        flag === '--region'
          ? 'remove --region (and its value) and set env AWS_REGION and AWS_DEFAULT_REGION instead'
          : flag === '--profile'
            ? 'remove --profile (and its value) and set env AWS_PROFILE instead'
            : `remove ${flag}; ${facts.package} accepts ${accepts}`;
      add(ctx, {
        jsonPath: at('args', i),
        severity: exits ? 'error' : 'warning',
        code: 'UNKNOWN_FLAG',
        server,
        message: exits
          ? `server "${server}": ${facts.package} does not accept ${flag}; the server exits at start`
          : `server "${server}": ${facts.package} does not read ${flag}; it ignores the flag, so the setting has no effect`,
        fix,
      });
    }
    if (facts.deprecated || facts.supersededBy) {
      add(ctx, {
        jsonPath: at('args', pkg.specIndex),
        severity: 'warning',
        code: 'DEPRECATED_SERVER',
        server,
        message: `server "${server}": ${facts.package} is deprecated${facts.supersededBy ? ` (superseded by ${facts.supersededBy})` : ''}${facts.deprecated ? `: ${facts.deprecated}` : ''}`,
        fix: facts.supersededBy ? `replace it with ${facts.supersededBy} (awsmcp kit --list shows the kits that use it)` : 'plan a replacement: the server gets no more updates',
      });
    }
    for (const c of facts.caveats ?? []) {
      if (c.whenArg && !args.includes(c.whenArg)) continue;
      add(ctx, {
        jsonPath: [...base, 'args', pkg.specIndex],
        severity: c.severity,
        code: 'SERVER_CAVEAT',
        server,
        message: `server "${server}": ${facts.package} ${c.message}`,
        fix: c.fix ?? 'nothing to change; know it when the server misbehaves',
      });
    }
  }
  const { aws } = entry;
  if (aws.profile && !aws.region) {
    add(ctx, {
      jsonPath: aws.profile.jsonPath,
      severity: 'warning',
      code: 'PROFILE_WITHOUT_REGION',
      server,
      message: `server "${server}": sets an AWS profile but no region, so the region depends on the profile or the machine`,
      fix: 'set env AWS_REGION next to the profile',
    });
  }
  const argRegion = aws.regions.find((r) => r.source === 'arg --region');
  const envRegion = aws.regions.find((r) => r.source === 'env.AWS_REGION');
  if (argRegion && envRegion && argRegion.value !== envRegion.value) {
    add(ctx, {
      jsonPath: argRegion.jsonPath,
      severity: 'error',
      code: 'REGION_MISMATCH',
      server,
      message: `server "${server}": --region ${argRegion.value} disagrees with env AWS_REGION ${envRegion.value}`,
      fix: 'keep one region: remove --region and keep AWS_REGION',
    });
  }
  for (const [key, value] of Object.entries(entry.env ?? {})) {
    const literal = value !== '' && !hasVariableRef(value);
    if ((isStaticCredentialKey(key) && literal) || containsAccessKeyId(value)) {
      add(ctx, {
        jsonPath: at('env', key),
        severity: 'error',
        code: 'STATIC_CREDENTIALS',
        server,
        message: `server "${server}": env.${key} holds a static AWS key or session token`,
        fix: `remove env.${key}; use a profile (AWS_PROFILE) backed by SSO or a role instead of keys in the config`,
      });
    }
  }
  args.forEach((a, i) => {
    if (containsAccessKeyId(a)) {
      add(ctx, {
        jsonPath: at('args', i),
        severity: 'error',
        code: 'STATIC_CREDENTIALS',
        server,
        message: `server "${server}": args[${i}] holds a static AWS access key id`,
        fix: 'remove the key from the arguments; use a profile (AWS_PROFILE)',
      });
    }
  });
  if (ctx.template) {
    for (const p of aws.profiles) {
      if (p.refs.length > 0) continue;
      add(ctx, {
        jsonPath: p.jsonPath,
        severity: 'error',
        code: 'REAL_PROFILE_IN_TEMPLATE',
        server,
        message: `server "${server}": a real profile name (${p.source}) in a committed template`,
        fix: ctx.host.variableSyntax === 'vscode' ? 'use ${input:awsProfile} (or ${env:AWS_PROFILE})' : `use the placeholder ${templateVariable(ctx.host, 'AWS_PROFILE')}`,
      });
    }
    for (const s of stringsOf(ctx.host, entry)) {
      if (!ACCOUNT_ID.test(s.value)) continue;
      add(ctx, {
        jsonPath: s.path,
        severity: 'error',
        code: 'ACCOUNT_ID_IN_TEMPLATE',
        server,
        message: `server "${server}": a 12-digit AWS account id in a committed template`,
        fix: 'replace the account id with a placeholder (e.g. ${AWS_ACCOUNT_ID})',
      });
    }
  }
  const approval = ctx.host.variableApproval;
  if (approval) {
    const approved = options.approvedVariables ? new Set(options.approvedVariables) : undefined;
    const seen = new Set<string>();
    for (const s of stringsOf(ctx.host, entry)) {
      for (const ref of findVariableRefs(s.value, ctx.host.variableSyntax)) {
        if (ref.kind !== 'env' || approved?.has(ref.name) || seen.has(ref.name)) continue;
        seen.add(ref.name);
        add(ctx, {
          jsonPath: s.path,
          severity: approved ? 'warning' : 'info',
          code: 'UNAPPROVED_VARIABLE',
          server,
          message: approved
            ? `server "${server}": ${ref.text} is not an approved variable; ${ctx.host.displayName} expands only approved ones, so the server gets the literal text ${ref.text}`
            : `server "${server}": ${ctx.host.displayName} expands ${ref.text} only when ${ref.name} is approved; otherwise the server gets the literal text`,
          fix: `approve ${ref.name} in ${approval.setting} (${approval.where})`,
        });
      }
    }
  }
  if (entry.location.scope !== 'workspace' && options.tags) {
    const prod = new Set((options.prodTags ?? ['prod', 'production', 'prd']).map((t) => t.toLowerCase()));
    for (const p of aws.profiles) {
      const tag = options.tags[p.value];
      if (tag === undefined || !prod.has(tag.toLowerCase())) continue;
      add(ctx, {
        jsonPath: p.jsonPath,
        severity: 'error',
        code: 'PROD_PROFILE_IN_USER_SCOPE',
        server,
        message: `server "${server}": a ${tag}-tagged profile in a ${entry.location.scope}-scope file, so every project's AI session can reach production`,
        fix: 'use a non-production profile here, or move this server to the one workspace that needs it (and keep it read-only)',
      });
    }
  }
}

/** line:column of a path in the file: the key of a member (the item of a list), else its nearest parent. */
function positionsFor(text: string, host: HostAdapter): (path: JsonPath) => { line?: number; column?: number } {
  const lines = new LineIndex(text);
  let offsetOf: (path: JsonPath, exact: boolean) => number | undefined;
  if (host.format === 'toml') {
    const t = tomlCodec();
    const program = t.parseToml(text);
    offsetOf = (p) => t.tomlKeyOffset(program, p);
  } else if (host.format === 'yaml') {
    const y = yamlCodec();
    const doc = y.parseYaml(text);
    offsetOf = (p) => (p.length === 0 ? 0 : y.yamlKeyOffset(doc, p));
  } else {
    const errors: ParseError[] = [];
    const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    offsetOf = (p, exact) => {
      const node = root && findNode(root, p);
      if (!node) return undefined;
      return node.parent?.type === 'property' && exact && typeof p[p.length - 1] === 'string' ? node.parent.offset : node.offset;
    };
  }
  return (path) => {
    for (let n = path.length; n >= 0; n--) {
      const offset = offsetOf(path.slice(0, n), n === path.length);
      if (offset !== undefined) return lines.position(offset);
    }
    return {};
  };
}

const FORMAT_NAME = { json: 'JSON', jsonc: 'JSON', toml: 'TOML', yaml: 'YAML' } as const;

/** Lint the text of one file (no I/O). */
export function lintText(text: string, target: LintTarget, options: LintOptions = {}): LintFinding[] {
  const home = options.home ?? resolvePathContext().home;
  const detected = detectHostFile(target.file, home);
  const out: LintFinding[] = [];
  if (!target.host && !detected) {
    out.push({ file: target.file, jsonPath: [], severity: 'error', code: 'READ_ERROR', message: `${target.file}: not a known MCP config location; pass its host`, fix: 'lint it with an explicit host' });
    return out;
  }
  const host = getHost(target.host ?? detected!.host.id);
  let doc: HostConfigDocument;
  try {
    doc = parseHostConfig(text, { file: target.file, host, ...(target.scope ? { scope: target.scope } : {}), strict: false, home });
  } catch (e) {
    const issues = e instanceof ConfigParseError || e instanceof ConfigSchemaError ? e.issues : [];
    for (const i of issues) out.push({ file: i.file, jsonPath: i.jsonPath, line: i.line, column: i.column, severity: 'error', code: 'INVALID_CONFIG', message: i.message, fix: `fix the ${FORMAT_NAME[host.format]} syntax` });
    if (issues.length === 0) out.push({ file: target.file, jsonPath: [], severity: 'error', code: 'INVALID_CONFIG', message: e instanceof Error ? e.message : String(e), fix: 'fix the file' });
    return out;
  }
  const ctx: Ctx = { file: target.file, host, doc, template: target.template ?? detected?.template ?? false, positions: positionsFor(doc.text, host), out };
  for (const i of doc.issues) {
    if (i.code === 'WRONG_ROOT_KEY') {
      out.push({ file: i.file, jsonPath: i.jsonPath, line: i.line, column: i.column, severity: i.severity, code: 'WRONG_ROOT_KEY', message: i.message, fix: `rename "${String(i.jsonPath[0])}" to "${host.rootKey}"` });
    } else {
      out.push({ file: i.file, jsonPath: i.jsonPath, line: i.line, column: i.column, severity: i.severity, code: 'INVALID_CONFIG', message: i.message, fix: 'correct the entry so the host can read it' });
    }
  }
  if (host.legacy && doc.servers.length > 0) {
    add(ctx, {
      jsonPath: [doc.servers[0]!.location.jsonPath[0]!],
      severity: 'warning',
      code: 'LEGACY_LOCATION',
      message: `${host.displayName}: the host does not read MCP servers from this file (${doc.servers.length} server(s) here are ignored)`,
      fix: `move the servers to ${host.movedTo}`,
    });
  }
  for (const entry of doc.servers) lintEntry(ctx, entry, options);
  return out;
}

/** Lint files: every file is reported on its own; an unreadable one becomes a `READ_ERROR` finding. */
export async function lint(files: readonly (string | LintTarget)[], options: LintOptions = {}): Promise<LintFinding[]> {
  const out: LintFinding[] = [];
  for (const f of files) {
    const target = typeof f === 'string' ? { file: f } : f;
    let text: string;
    try {
      text = await readConfigText(target.file, options.fs ? { fs: options.fs } : {});
    } catch (e) {
      const pos = e instanceof ConfigReadError && e.position ? e.position : {};
      out.push({ file: target.file, jsonPath: [], ...pos, severity: 'error', code: 'READ_ERROR', message: e instanceof McpConfigError ? e.message : String(e), fix: 'make the file readable' });
      continue;
    }
    out.push(...lintText(text, target, options));
  }
  return out;
}
