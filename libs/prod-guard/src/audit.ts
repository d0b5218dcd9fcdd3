/**
 * audit: every MCP server entry that touches a production profile, what it can change, and what to
 * change in it. Works on plain server entries (from any host file reader).
 */
import type { GuardErrorCode } from './errors';
import { readOnlyRecommendations, type Recommendation } from './guard';
import { prodClassifier, type ProdVerdict, type ProfilesInput, type TagsInput } from './is-prod';
import type { HostScope, McpServerLike } from './schema';
import { serverAccess, serverProfiles, toServer, type AccessSwitch, type ProfileSource } from './server';

export interface AuditProfileRef {
  name: string;
  from: ProfileSource;
  verdict: ProdVerdict;
}

export interface AuditFinding {
  server: string;
  host?: string;
  file?: string;
  scope?: HostScope;
  /** The awslabs server it runs (`eks-mcp-server`), when recognised. */
  kind?: string;
  /** The production profile (the first one, when several). */
  profile: string;
  /** Where the entry names it: env.AWS_PROFILE, env.AWS_API_MCP_PROFILE_NAME or --profile. */
  profileFrom: ProfileSource;
  verdict: ProdVerdict;
  /** Every profile the entry names (prod or not). */
  profiles: AuditProfileRef[];
  /** True when the server can change resources with this entry as written. */
  canWrite: boolean;
  writes: AccessSwitch[];
  sensitive: AccessSwitch[];
  /** The guard refusals this entry would hit even with --confirm (PROD_WRITE_ENABLED, PROD_IN_USER_SCOPE). */
  problems: GuardErrorCode[];
  /** What to change (the unsatisfied recommendations). */
  changes: Recommendation[];
  /** One line for a report. */
  summary: string;
}

/**
 * Audit server entries against the tags (and the profiles, for account evidence). Returns one
 * finding per entry that names a production profile, in input order; entries that touch no prod
 * profile are not listed.
 */
export function audit(servers: readonly McpServerLike[], tags?: TagsInput, profiles?: ProfilesInput): AuditFinding[] {
  const classify = prodClassifier(tags, { profiles });
  const findings: AuditFinding[] = [];
  for (const input of servers) {
    const server = toServer(input);
    const refs: AuditProfileRef[] = serverProfiles(server)
      .filter((r) => !r.placeholder)
      .map((r) => ({ name: r.name, from: r.from, verdict: classify(r.name) }));
    const prod = refs.find((r) => r.verdict.prod);
    if (!prod) continue;
    const access = serverAccess(server);
    const problems: GuardErrorCode[] = [];
    if (access.writes.some((w) => w.explicit)) problems.push('PROD_WRITE_ENABLED');
    if (server.scope === 'user') problems.push('PROD_IN_USER_SCOPE');
    const changes = readOnlyRecommendations(prod.verdict, server, access).filter((r) => !r.satisfied);
    if (server.scope === 'user') changes.push({ code: 'WORKSPACE_SCOPE', satisfied: false, message: 'move this entry to a workspace-scope host file (or keep it with --allow-global-prod)' });
    const canWrite = access.writes.length > 0;
    const writeText = canWrite ? `can write (${access.writes.map((w) => w.switch).join(', ')})` : 'read-only as configured';
    const finding: AuditFinding = {
      server: server.name,
      profile: prod.name,
      profileFrom: prod.from,
      verdict: prod.verdict,
      profiles: refs,
      canWrite,
      writes: access.writes,
      sensitive: access.sensitive,
      problems,
      changes,
      summary: `${server.name}${server.file ? ` (${server.file})` : ''}: prod profile "${prod.name}" via ${prod.from}; ${writeText}${
        access.sensitive.length ? `; sensitive data (${access.sensitive.map((s) => s.switch).join(', ')})` : ''
      }; ${changes.length} change${changes.length === 1 ? '' : 's'} recommended`,
    };
    if (server.host !== undefined) finding.host = server.host;
    if (server.file !== undefined) finding.file = server.file;
    if (server.scope !== undefined) finding.scope = server.scope;
    if (access.kind !== undefined) finding.kind = access.kind;
    findings.push(finding);
  }
  return findings;
}
