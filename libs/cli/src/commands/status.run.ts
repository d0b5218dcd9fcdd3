/** `awsmcp status [--watch] [--all-hosts] [--strict]`: the servers, their credentials, and the audit. */
import { watch, type ProfileStatus } from '@awsmcp/credential-cache-inspector';
import { getHost, hostFiles, type HostId } from '@awsmcp/mcp-config-model';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CliContext } from '../context';
import { EXIT } from '../errors';
import { printJson } from '../output/json';
import { escapeJsonForTerminal, safe } from '../output/safe';
import { style } from '../output/style';
import { renderTable } from '../output/table';
import { defaultTagsPath, readTags } from '@awsmcp/prod-guard';
import { auditStatus, type AuditItem } from './status-audit';
import { collectStatus, type StatusSnapshot } from './status-model';
import { botocoreBanner, botocoreDiagnostics, formatTtl, reportDiagnostics } from './shared';
import { isCurrentProject } from './targets';

const LOUD_SECONDS = 600;

function tilde(ctx: CliContext, file: string): string {
  return file.startsWith(ctx.home + path.sep) ? '~' + file.slice(ctx.home.length) : path.relative(ctx.cwd, file).startsWith('..') ? file : path.relative(ctx.cwd, file) || file;
}

/** The audit lines: one per finding, with where, what and the fix. */
export function renderAudit(ctx: CliContext, items: readonly AuditItem[]): string[] {
  if (items.length === 0) return [];
  const st = style(ctx);
  const lines = ['', st.bold('Audit')];
  for (const i of items) {
    const where = `${tilde(ctx, i.file)}${i.line !== undefined ? `:${i.line}:${i.column ?? 1}` : ''}`;
    lines.push(`${i.severity === 'error' ? st.red('error') : st.yellow('warning')} ${i.code} ${safe(where)}: ${safe(i.message)}`);
    lines.push(`  fix: ${safe(i.fix)}`);
  }
  return lines;
}

/** The audit of a snapshot (tags that cannot be read leave production to the name heuristics). */
async function auditOf(ctx: CliContext, snap: StatusSnapshot): Promise<AuditItem[]> {
  let tags;
  try {
    tags = readTags(defaultTagsPath(ctx.libEnv));
  } catch {
    tags = undefined;
  }
  return auditStatus(ctx, { servers: snap.servers, files: snap.files, ...(tags ? { tags } : {}), profiles: snap.profiles });
}

export function renderStatus(ctx: CliContext, snap: StatusSnapshot, allHosts: boolean): string[] {
  const st = style(ctx);
  const lines: string[] = [];
  const present = snap.files.filter((f) => f.status !== 'missing');
  if (snap.rows.length === 0) {
    lines.push(present.length === 0 ? 'no MCP host config files found (workspace: ' + ctx.cwd + ')' : 'no MCP servers in the host files found');
  } else {
    lines.push(
      ...renderTable(
        snap.rows,
        [
          { header: 'SERVER', value: (r) => safe(r.server) },
          // a shared file (the repo-root .mcp.json): its first reader, and how many more read it (listed below)
          { header: 'HOST', value: (r) => (r.legacy ? st.yellow(r.hostName) : r.hostName) + (r.readBy && r.readBy.length > 1 ? st.dim(` +${r.readBy.length - 1}`) : '') },
          { header: 'SCOPE', value: (r) => safe(scopeLabel(ctx, r)) },
          { header: 'PROFILE', value: (r) => (r.profile !== undefined ? safe(r.profile) : r.profileSetting ? st.dim(safe(r.profileSetting)) : st.dim('-')) },
          { header: 'REGION', value: (r) => safe(r.region ?? '') },
          { header: 'TTL', value: (r) => `${st.light(r.light, r.refreshesItself ? { none: 'external' } : {})} ${formatTtl(r.ttlSeconds)}`.trimEnd() },
          { header: 'REFRESH', value: (r) => (r.refreshesItself ? 'auto' : r.state === 'long-lived' ? 'never' : 'manual') },
          { header: 'SDK', value: (r) => (r.runtime ? `${r.runtime === 'js-sdk' ? 'js' : 'boto'} ${r.provider ?? st.dim('none')}` : '') },
        ],
        st.bold,
      ),
    );
    const todo = snap.rows.filter((r) => r.light === 'red' || r.light === 'amber' || r.legacy || r.state === 'unknown-profile');
    if (todo.length > 0) {
      lines.push('', st.bold('To fix'));
      for (const r of todo) lines.push(`${st.light(r.light)} ${safe(r.server)} (${r.hostName}, ${safe(tilde(ctx, r.file))}:${r.line}): ${safe(r.fix)}`);
    }
    const shared = [...new Map(snap.rows.filter((r) => r.readBy && r.readBy.length > 1).map((r) => [r.file, r.readBy!])).entries()];
    if (shared.length > 0) {
      lines.push('');
      for (const [file, readers] of shared) lines.push(st.dim(`${safe(tilde(ctx, file))} is read by ${readers.map((h) => getHost(h as HostId).displayName).join(', ')}`));
    }
    for (const r of snap.rows.filter((x) => x.shadowedBy === 'local')) {
      lines.push(st.dim(`${safe(r.server)} in ${safe(tilde(ctx, r.file))} is not what Claude Code runs here: this project's local entry of the same name comes first (awsmcp switch edits both)`));
    }
    const deprecated = snap.rows.filter((r) => r.deprecated !== undefined);
    if (deprecated.length > 0) {
      lines.push('', st.bold('Deprecated servers'));
      for (const r of deprecated) lines.push(`${st.yellow('!')} ${r.server} (${r.hostName}, ${tilde(ctx, r.file)}:${r.line}): ${r.supersededBy ? `superseded by ${r.supersededBy}` : 'deprecated'}; ${r.deprecated}`);
    }
  }
  const bad = snap.files.filter((f) => f.status === 'error' || f.issues.length > 0);
  // each warning once: a parse error's issues say it all (its message repeats the first one)
  const warned = new Set<string>();
  const warn = (text: string) => {
    if (warned.has(text)) return;
    warned.add(text);
    lines.push(`${st.yellow('warning')}: ${text}`);
  };
  for (const f of bad) {
    const where = safe(f.error?.line ? `${tilde(ctx, f.file)}:${f.error.line}:${f.error.column ?? 1}` : tilde(ctx, f.file));
    if (f.error && f.issues.length === 0) warn(`${where}: ${safe(f.error.message.startsWith(`${f.file}:`) ? f.error.message.replace(/^.*?:\d+:\d+: /, '') : f.error.message)}`);
    for (const i of f.issues) warn(`${safe(tilde(ctx, f.file))}${i.line ? `:${i.line}:${i.column ?? 1}` : ''}: ${safe(i.message)}`);
  }
  if (allHosts) {
    lines.push('', st.bold('Host files checked'));
    for (const f of snap.files) lines.push(`  ${f.status === 'missing' ? st.dim('missing') : f.status === 'error' ? st.red('error  ') : st.green('ok     ')} ${f.host} ${f.scope}${f.legacy ? ' (legacy)' : ''}: ${tilde(ctx, f.file)}${f.status === 'ok' ? ` (${f.servers} server${f.servers === 1 ? '' : 's'})` : ''}`);
  }
  return lines;
}

/** `local (this project)` / `local (~/src/other)` for Claude Code local-scope rows; the scope otherwise. */
function scopeLabel(ctx: CliContext, r: { scope: string; project?: string }): string {
  if (r.scope !== 'local' || r.project === undefined) return r.scope;
  return isCurrentProject(ctx, r.project) ? 'local (this project)' : `local (${tilde(ctx, r.project)})`;
}

function toJson(snap: StatusSnapshot, allHosts: boolean, auditItems: AuditItem[]) {
  return {
    servers: snap.rows,
    audit: auditItems,
    files: (allHosts ? snap.files : snap.files.filter((f) => f.status !== 'missing')).map((f) => ({
      host: f.host,
      ...(f.readBy && f.readBy.length > 1 ? { readBy: [...f.readBy] } : {}),
      scope: f.scope,
      file: f.file,
      legacy: f.legacy,
      status: f.status,
      servers: f.servers,
      ...(f.error ? { error: f.error } : {}),
      issues: f.issues,
    })),
  };
}

export async function status(ctx: CliContext, options: Record<string, unknown>): Promise<number> {
  const allHosts = options.allHosts === true;
  if (!options.watch) {
    const snap = await collectStatus(ctx);
    reportDiagnostics(ctx, botocoreDiagnostics(snap.profiles));
    const items = await auditOf(ctx, snap);
    if (ctx.json) printJson(ctx, 'status', toJson(snap, allHosts, items));
    else for (const l of [...renderStatus(ctx, snap, allHosts), ...renderAudit(ctx, items)]) ctx.out(l);
    // --strict: any audit finding fails (for CI)
    if (options.strict && items.length > 0) {
      if (!ctx.json) ctx.err(`awsmcp status --strict: ${items.length} audit finding${items.length === 1 ? '' : 's'}`);
      return EXIT.FAILURE;
    }
    return EXIT.OK;
  }
  return watchStatus(ctx, allHosts);
}

/** Redraw on cache / config / host-file changes and on threshold crossings, until Ctrl-C. */
async function watchStatus(ctx: CliContext, allHosts: boolean): Promise<number> {
  const st = style(ctx);
  let drawing = Promise.resolve();
  const draw = (statuses?: ProfileStatus[], cause = 'initial') => {
    drawing = drawing.then(async () => {
      const snap = await collectStatus(ctx, statuses ? { statuses } : {});
      const items = await auditOf(ctx, snap);
      if (ctx.json) {
        ctx.stdout.write(escapeJsonForTerminal(JSON.stringify({ schemaVersion: 1, command: 'status', cause, at: ctx.now().toISOString(), ...toJson(snap, allHosts, items) })) + '\n');
        return;
      }
      const out: string[] = [];
      if (ctx.interactive) out.push('\x1b[2J\x1b[H');
      out.push(st.dim(`awsmcp status --watch  ${ctx.now().toLocaleTimeString()}  (${cause}; Ctrl-C to stop)`), '');
      for (const d of botocoreDiagnostics(snap.profiles)) if (d.fatal) out.push(st.red(st.bold(safe(botocoreBanner(d)))), `    ${safe(d.message)}`, '');
      const urgent = snap.rows.filter((r) => !r.refreshesItself && (r.light === 'red' || (r.ttlSeconds !== undefined && r.ttlSeconds < LOUD_SECONDS)));
      if (urgent.length > 0) {
        const names = urgent.map((r) => `${safe(r.server)} (${safe(r.profile ?? 'no profile')})`).join(', ');
        out.push(st.red(st.bold(`!!! credentials expired, missing, or expiring in under 10 minutes: ${names}`)) + (ctx.interactive ? '\x07' : ''), '');
      }
      out.push(...renderStatus(ctx, snap, allHosts), ...renderAudit(ctx, items));
      ctx.stdout.write(out.join('\n') + '\n');
    });
    return drawing;
  };
  await draw();
  const handle = watch(ctx.home, (change) => void draw(change.statuses, change.cause), { env: ctx.libEnv, now: ctx.now, onError: () => undefined });
  // host files: watch their folders (workspace and user scope) for edits
  const candidates = hostFiles(undefined, { home: ctx.home, workspace: ctx.cwd, env: ctx.libEnv });
  const dirs = new Set(candidates.map((f) => path.dirname(f.file)).filter((d) => fs.existsSync(d)));
  const watchers: fs.FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  for (const d of dirs) {
    try {
      watchers.push(
        fs.watch(d, { persistent: true }, () => {
          clearTimeout(timer);
          timer = setTimeout(() => void draw(handle.current(), 'files'), 150);
        }),
      );
    } catch {
      /* a folder we cannot watch: cache and timer redraws still work */
    }
  }
  // stopped by a signal: 128 + its number, as shells report it (Ctrl-C: 130)
  const signal = await new Promise<'SIGINT' | 'SIGTERM'>((resolve) => {
    const stop = (sig: 'SIGINT' | 'SIGTERM') => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      handle.close();
      for (const w of watchers) w.close();
      clearTimeout(timer);
      resolve(sig);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await drawing;
  if (!ctx.json) ctx.out(st.dim('stopped watching'));
  return signal === 'SIGINT' ? 130 : 143;
}
