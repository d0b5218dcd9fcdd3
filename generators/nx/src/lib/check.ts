/**
 * check: the CI gate over a workspace's MCP host files and templates. The findings come from the
 * model's lint (with the starter-kits catalog for pins and accepted flags) and prod-guard's audit;
 * the plugin adds what only the workspace knows: which files git tracks or would pick up.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadProfiles, resolveHome, type Env, type ProfileSet } from '@awsmcp/aws-config-parser';
import { detectHostFile, lintText, parseHostConfig, type Catalog as LintCatalog, type HostId, type Scope } from '@awsmcp/mcp-config-model';
import { audit, defaultTagsPath, readTags, type ProfileTags } from '@awsmcp/prod-guard';
import { getCatalog } from '@awsmcp/starter-kits';
import { WORKSPACE_HOSTS, workspaceFileOf } from './hosts';
import { findLeaks } from '@awsmcp/starter-kits';

export type Severity = 'error' | 'warning' | 'info';

export interface CheckFinding {
  file: string;
  line?: number;
  column?: number;
  severity: Severity;
  /** The model's lint codes, plus TRACKED_REAL_CONFIG, NOT_IGNORED, PROFILE_NAME_IN_TEMPLATE, SECRET_IN_TEMPLATE, LITERAL_IN_TEMPLATE, PROD_PROFILE, TAGS_FILE. */
  code: string;
  server?: string;
  message: string;
  fix: string;
}

export interface CheckReport {
  ok: boolean;
  errors: number;
  warnings: number;
  /** Files checked, workspace-relative. */
  files: string[];
  /** False when the workspace is not a git work tree (tracking could not be checked). */
  git: boolean;
  findings: CheckFinding[];
}

export interface CheckOptions {
  /** The workspace root. */
  root: string;
  /** HOME etc. for ~/.aws and ~/.aws-profile-tags.yaml (default process.env). */
  env?: Env;
  /** More files to check (workspace-relative or absolute). */
  files?: readonly string[];
  /** Fail on warnings too. */
  failOnWarnings?: boolean;
}

const TEMPLATE_SUFFIXES = ['.template', '.tmpl', '.example', '.sample'];
/** The base names of every host's workspace file (mcp.json, config.toml, settings.json, opencode.json...): a cheap filter before detection. */
const HOST_FILE_NAMES = new Set(WORKSPACE_HOSTS.flatMap((h) => {
  const base = path.posix.basename(workspaceFileOf(h)!);
  return [base, ...TEMPLATE_SUFFIXES.map((s) => base + s)];
}));

/** Lint codes the check fails on although the model reports them as warnings. */
const ELEVATED = new Set(['UNPINNED_VERSION']);

/** The starter-kits catalog: it is the shape the model's lint reads (one `Catalog` type for both packages). */
export function lintCatalog(): LintCatalog {
  return getCatalog();
}

function git(root: string, args: string[]): string[] | undefined {
  const r = spawnSync('git', args, { cwd: root, encoding: 'utf8', timeout: 30_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0 || r.error) return undefined;
  return r.stdout.split('\0').filter(Boolean);
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

interface Candidate {
  rel: string;
  abs: string;
  host: HostId;
  scope: Scope;
  template: boolean;
}

function candidates(root: string, home: string, listed: readonly string[], extra: readonly string[], unknown: string[]): Candidate[] {
  const rels = new Set<string>();
  for (const h of WORKSPACE_HOSTS) {
    const f = workspaceFileOf(h)!;
    for (const name of [f, ...TEMPLATE_SUFFIXES.map((s) => f + s)]) if (fs.existsSync(path.join(root, name))) rels.add(name);
  }
  for (const f of listed) rels.add(f);
  for (const f of extra) rels.add(toPosix(path.isAbsolute(f) ? path.relative(root, f) : f));
  const out: Candidate[] = [];
  for (const rel of [...rels].sort()) {
    const abs = path.join(root, rel);
    const det = detectHostFile(abs, home);
    if (!det || det.host.legacy || det.scope !== 'workspace') {
      if (extra.some((f) => path.resolve(root, f) === abs)) unknown.push(rel);
      continue;
    }
    if (!fs.existsSync(abs)) continue;
    out.push({ rel, abs, host: det.host.id, scope: det.scope, template: det.template });
  }
  return out;
}

function isHostFile(rel: string, home: string, root: string): boolean {
  const det = detectHostFile(path.join(root, rel), home);
  return det !== undefined && !det.host.legacy && det.scope === 'workspace';
}

/** Run the check. Never throws for a bad file: it becomes a finding. */
export async function runCheck(options: CheckOptions): Promise<CheckReport> {
  const root = path.resolve(options.root);
  const env = options.env ?? process.env;
  const home = resolveHome(env) ?? '';
  const findings: CheckFinding[] = [];

  const tracked = git(root, ['ls-files', '-z', '--cached']);
  const inGit = tracked !== undefined;
  const trackedSet = new Set(tracked ?? []);
  const untracked = new Set(inGit ? (git(root, ['ls-files', '-z', '--others', '--exclude-standard']) ?? []) : []);
  // a host file has the base name of one (optionally with a template suffix): a cheap filter before detection
  const listed = [...trackedSet, ...untracked].filter((f) => HOST_FILE_NAMES.has(path.posix.basename(f)) && !f.includes('node_modules/') && isHostFile(f, home, root));

  let tags: ProfileTags | undefined;
  try {
    tags = readTags(defaultTagsPath(env));
  } catch (e) {
    findings.push({ file: defaultTagsPath(env), severity: 'warning', code: 'TAGS_FILE', message: (e as Error).message, fix: 'fix the tags file; until then production is detected from profile names only' });
  }
  let profiles: ProfileSet | undefined;
  try {
    profiles = loadProfiles({ env, tolerant: true });
  } catch {
    profiles = undefined;
  }
  const profileNames = Object.keys(profiles?.profiles ?? {});
  const catalog = lintCatalog();
  const unknown: string[] = [];
  const files = candidates(root, home, listed, options.files ?? [], unknown);
  for (const rel of unknown) {
    findings.push({ file: rel, severity: 'error', code: 'UNKNOWN_FILE', message: `${rel} is not a workspace MCP host file or template`, fix: `pass a host file (${WORKSPACE_HOSTS.map((h) => workspaceFileOf(h)).filter((f, i, a) => a.indexOf(f) === i).join(', ')}) or its .template` });
  }

  for (const c of files) {
    let text: string;
    try {
      text = fs.readFileSync(c.abs, 'utf8');
    } catch (e) {
      findings.push({ file: c.rel, severity: 'error', code: 'READ_ERROR', message: `cannot read ${c.rel}: ${(e as Error).message}`, fix: 'make the file readable' });
      continue;
    }
    const isTracked = trackedSet.has(c.rel);
    const shared = c.template || isTracked || !inGit;
    for (const f of lintText(text, { file: c.rel, host: c.host, scope: c.scope, template: c.template }, { catalog, home, ...(tags ? { tags: tags.tags } : {}) })) {
      findings.push({
        file: c.rel,
        ...(f.line !== undefined ? { line: f.line } : {}),
        ...(f.column !== undefined ? { column: f.column } : {}),
        severity: ELEVATED.has(f.code) ? 'error' : f.severity,
        code: f.code,
        ...(f.server !== undefined ? { server: f.server } : {}),
        message: f.message,
        fix: f.fix,
      });
    }
    const leaks = findLeaks(text, c.rel, c.host, profileNames, home);
    if (c.template) {
      for (const l of leaks.filter((x) => x.code === 'PROFILE_NAME_IN_TEMPLATE' || x.code === 'SECRET_IN_TEMPLATE' || x.code === 'LITERAL_IN_TEMPLATE')) {
        findings.push({
          file: c.rel,
          ...(l.line !== undefined ? { line: l.line, column: l.column ?? 1 } : {}),
          // a literal that may be a credential was kept on purpose (--allow-literal): reported, fails with failOnWarnings
          severity: l.code === 'LITERAL_IN_TEMPLATE' ? 'warning' : 'error',
          code: l.code,
          message: l.message,
          fix: l.code === 'PROFILE_NAME_IN_TEMPLATE' ? 'replace it with a placeholder (nx g @awsmcp/nx:template writes one)' : 'replace the value with a ${NAME} placeholder and rotate the secret if it was ever committed (nx g @awsmcp/nx:template writes placeholders)',
        });
      }
    } else if (isTracked && leaks.some((l) => l.code !== 'LITERAL_IN_TEMPLATE')) {
      const first = leaks.find((l) => l.code !== 'LITERAL_IN_TEMPLATE')!;
      findings.push({
        file: c.rel,
        ...(first.line !== undefined ? { line: first.line, column: first.column ?? 1 } : {}),
        severity: 'error',
        code: 'TRACKED_REAL_CONFIG',
        message: `${c.rel} is tracked by git and holds real values (${leaks.filter((l) => l.code !== 'LITERAL_IN_TEMPLATE').length} found: ${[...new Set(leaks.filter((l) => l.code !== 'LITERAL_IN_TEMPLATE').map((l) => l.code))].join(', ')})`,
        fix: `git rm --cached ${c.rel}, add it to .gitignore and commit ${c.rel}.template instead (nx g @awsmcp/nx:template)`,
      });
    } else if (inGit && untracked.has(c.rel) && leaks.some((l) => l.code !== 'LITERAL_IN_TEMPLATE')) {
      findings.push({
        file: c.rel,
        severity: 'warning',
        code: 'NOT_IGNORED',
        message: `${c.rel} holds real values and is not ignored by git: the next \`git add .\` publishes them`,
        fix: `add ${c.rel} to .gitignore (nx g @awsmcp/nx:template writes the lines)`,
      });
    }
    let servers: ReturnType<typeof parseHostConfig>['servers'] = [];
    try {
      servers = parseHostConfig(text, { file: c.rel, host: c.host, scope: c.scope, strict: false, home }).servers;
    } catch {
      servers = []; // lint reported why
    }
    const prod = audit(
      servers.map((s) => ({ name: s.name, command: s.command, args: s.args, env: s.env, scope: c.scope, file: c.rel, host: c.host })),
      tags,
      profiles,
    );
    for (const p of prod) {
      const entry = servers.find((s) => s.name === p.server);
      const writes = p.canWrite ? `; it can write (${p.writes.map((w) => w.switch).join(', ')})` : '';
      findings.push({
        file: c.rel,
        ...(entry ? { line: entry.location.line, column: entry.location.column } : {}),
        severity: shared ? 'error' : 'warning',
        code: 'PROD_PROFILE',
        server: p.server,
        message: `server "${p.server}": production profile "${p.profile}" (${p.verdict.reason})${writes}${shared ? '' : '; local file only'}`,
        fix: shared
          ? 'use a non-production profile in shared configs; production belongs in a local, git-ignored file written with nx g @awsmcp/nx:kit --confirm'
          : p.changes.map((x) => x.message).join('; ') || 'keep it read-only',
      });
    }
  }

  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  return { ok: errors === 0 && (!options.failOnWarnings || warnings === 0), errors, warnings, files: files.map((f) => f.rel), git: inGit, findings };
}

/** One line per finding (file:line:column, severity, code, message, fix), then a summary line. */
export function formatReport(report: CheckReport): string[] {
  const lines = report.findings.map((f) => {
    const where = f.line !== undefined ? `${f.file}:${f.line}:${f.column ?? 1}` : f.file;
    return `${where}: ${f.severity} ${f.code}: ${f.message}. Fix: ${f.fix}`;
  });
  const checked = report.files.length === 0 ? 'no MCP host files or templates found' : `${report.files.length} file${report.files.length === 1 ? '' : 's'} checked (${report.files.join(', ')})`;
  lines.push(`mcp-check: ${report.ok ? 'ok' : 'FAILED'}: ${report.errors} error${report.errors === 1 ? '' : 's'}, ${report.warnings} warning${report.warnings === 1 ? '' : 's'}; ${checked}${report.git ? '' : '; not a git work tree, so tracking was not checked'}`);
  return lines;
}
