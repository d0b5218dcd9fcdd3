/**
 * status-audit: what is dangerous in the host files `status` shows, from what the libraries already
 * know: the model's `lint()` (static keys and session tokens in `env`, unpinned packages, flags a
 * server rejects, region mismatches) and prod-guard's `audit()` (production in a user-scope file,
 * write flags on a production account, servers that write by default). Each finding has its fix.
 * Values are never included: findings name keys, flags and profiles only.
 */
import { getHost, lint, readApprovedVariables, type Catalog, type FileReport, type LintFinding, type LintTarget, type ServerEntry } from '@awsmcp/mcp-config-model';
import { audit, type ProfilesInput, type TagsInput } from '@awsmcp/prod-guard';
import { getCatalog } from '@awsmcp/starter-kits';
import type { CliContext } from '../context';

export interface AuditItem {
  code: string;
  severity: 'error' | 'warning';
  server?: string;
  host?: string;
  file: string;
  line?: number;
  column?: number;
  message: string;
  fix: string;
}

/** Lint codes `status` reports (the rest is shown elsewhere: broken files, legacy locations, profiles without a region). */
const LINT_CODES = new Set(['STATIC_CREDENTIALS', 'UNPINNED_VERSION', 'UNKNOWN_FLAG', 'REGION_MISMATCH', 'UNAPPROVED_VARIABLE']);

/** The starter-kits catalog is the shape lint reads (one `Catalog` type for both packages). */
function lintCatalog(): Catalog {
  return getCatalog();
}

export async function auditStatus(
  ctx: CliContext,
  input: { servers: readonly ServerEntry[]; files: readonly FileReport[]; tags?: TagsInput; tagMap?: Record<string, string>; profiles?: ProfilesInput },
): Promise<AuditItem[]> {
  const items: AuditItem[] = [];
  // a file several hosts read (the repo-root .mcp.json) is linted for each of them: what one host
  // accepts another may not; the same finding for several readers is reported once, for the first.
  // Round k lints each file as its k-th reader sees it (one round for files a single host reads).
  const readable = input.files.filter((f) => f.status === 'ok' && f.servers > 0 && !f.legacy);
  const readersOf = (f: FileReport) => (f.readBy && f.readBy.length > 1 ? f.readBy : [f.host]);
  const rounds = Math.max(1, ...readable.map((f) => readersOf(f).length));
  // Kiro expands only approved variables: with its list at hand, an unapproved one is a warning
  // (the server gets the literal text); without it, lint's reminder is not shown here
  const approved = readable.some((f) => getHost(f.host).variableApproval) ? readApprovedVariables({ home: ctx.home, env: ctx.libEnv, platform: ctx.platform }) : undefined;
  const findings: { finding: LintFinding; host: string }[] = [];
  for (let k = 0; k < rounds; k++) {
    const round = readable.filter((f) => readersOf(f).length > k);
    const targets: LintTarget[] = round.map((f) => ({ file: f.file, host: readersOf(f)[k]!, scope: f.scope }));
    const hostOf = new Map(targets.map((t) => [t.file, t.host!]));
    for (const finding of await lint(targets, { catalog: lintCatalog(), home: ctx.home, ...(approved ? { approvedVariables: approved.variables } : {}) })) findings.push({ finding, host: hostOf.get(finding.file) ?? '' });
  }
  const seen = new Set<string>();
  for (const { finding: f, host } of findings) {
    if (!LINT_CODES.has(f.code) || f.severity === 'info') continue;
    const key = [f.code, f.file, f.line, f.column, f.server, f.message].join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({
      code: f.code,
      severity: f.code === 'UNPINNED_VERSION' || f.code === 'UNAPPROVED_VARIABLE' ? 'warning' : 'error',
      ...(f.server !== undefined ? { server: f.server } : {}),
      ...(host ? { host } : {}),
      file: f.file,
      ...(f.line !== undefined ? { line: f.line, column: f.column ?? 1 } : {}),
      message: f.message,
      fix: f.fix,
    });
  }
  const servers = input.servers.filter((s) => !s.location.legacy);
  const prod = audit(
    servers.map((s) => ({ name: s.name, command: s.command, args: s.args, env: s.env, scope: s.location.scope, file: s.location.file, host: s.location.host })),
    input.tags,
    input.profiles,
  );
  for (const p of prod) {
    const entry = servers.find((s) => s.name === p.server && s.location.file === p.file);
    const where = entry ? { line: entry.location.line, column: entry.location.column } : {};
    const base = { server: p.server, ...(p.host ? { host: p.host } : {}), file: p.file ?? '', ...where };
    const why = `production profile "${p.profile}" (${p.verdict.reason})`;
    if (p.problems.includes('PROD_IN_USER_SCOPE')) {
      items.push({ ...base, code: 'PROD_IN_USER_SCOPE', severity: 'error', message: `server "${p.server}": ${why} in a ${p.scope}-scope file, so every project's AI session can reach production`, fix: 'move it to the one workspace that needs it (awsmcp switch <non-prod profile> --scope user, then awsmcp kit ... in that workspace), and keep it read-only' });
    }
    const explicit = p.writes.filter((w) => w.explicit);
    if (explicit.length > 0) {
      const switches = explicit.map((w) => w.switch).join(', ');
      items.push({ ...base, code: 'PROD_WRITE_ENABLED', severity: 'error', message: `server "${p.server}": ${why} with writes enabled (${switches})`, fix: `remove ${switches} from this entry` });
    }
    const implicit = p.writes.filter((w) => !w.explicit);
    if (implicit.length > 0) {
      const recs = p.changes.filter((c) => c.code === 'READ_OPERATIONS_ONLY' || c.code === 'CCAPI_READONLY').map((c) => c.message);
      items.push({ ...base, code: 'PROD_DEFAULT_WRITABLE', severity: 'warning', message: `server "${p.server}": ${why}, and it can write by default (${implicit.map((w) => w.description).join('; ')})`, fix: recs.join('; ') || 'make it read-only' });
    }
  }
  const rank = (i: AuditItem) => (i.severity === 'error' ? 0 : 1);
  return items.sort((a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}
