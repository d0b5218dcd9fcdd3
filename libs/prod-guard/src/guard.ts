/**
 * guard: the production policy, as one function every caller uses.
 *
 * For a production profile, in this order (the first that applies is thrown):
 * 1. PROD_WRITE_ENABLED: the server entry enables writes (`--allow-write`, `ALLOW_WRITE`). Never
 *    allowed, not even with `--confirm`.
 * 2. PROD_IN_USER_SCOPE: the entry goes to a user-scope (global) host file. `--allow-global-prod`.
 * 3. PROD_NO_TTY: no terminal to confirm on, and no `--confirm`.
 * 4. PROD_NEEDS_CONFIRM: a terminal, but no confirmation yet. `--confirm` (or an interactive yes).
 * `--allow-sensitive-data-access` / `ALLOW_SENSITIVE_DATA`, and servers that write by default
 * (aws-api-mcp-server without READ_OPERATIONS_ONLY=true, ccapi-mcp-server without --readonly) are
 * warnings. A success returns the warnings and the read-only recommendations.
 */
import { ProdGuardError, type GuardErrorCode } from './errors';
import { prodClassifier, type ProdVerdict, type ProfilesInput, type TagsInput } from './is-prod';
import { HostScopeSchema, type HostScope, type McpServerLike } from './schema';
import { serverAccess, serverProfiles, toServer, type ProfileSource, type ServerAccess } from './server';

export interface GuardAction {
  /** What is about to happen, for messages: `switch`, `write config`, `start server`, ... */
  kind?: string;
  /** The profile the action uses (in addition to any the server entry names). */
  profile?: string;
  /** The server entry about to be written or started. */
  server?: McpServerLike;
  /** Where the entry goes; defaults to `server.scope`. */
  scope?: HostScope;
  /** The host file, for messages; defaults to `server.file`. */
  file?: string;
}

export interface GuardContext {
  tags?: TagsInput;
  /** The profiles (a ProfileSet from `loadProfiles`) for account evidence. */
  profiles?: ProfilesInput;
  /** The user confirmed production (`--confirm`, or yes at a prompt). */
  confirm?: boolean;
  /** A terminal is attached (pass `process.stdin.isTTY && process.stdout.isTTY`). Unknown counts as no terminal. */
  isTTY?: boolean;
  /** `--allow-global-prod`: a prod profile may go into a user-scope host file. */
  allowGlobalProd?: boolean;
}

export type GuardWarningCode =
  | 'PROD_SENSITIVE_DATA'
  | 'PROD_DEFAULT_WRITABLE'
  | 'PROD_GLOBAL_ALLOWED'
  | 'PROD_CONFIRMED'
  | 'PROFILE_UNRESOLVED';

export interface GuardWarning {
  code: GuardWarningCode;
  message: string;
}

export type RecommendationCode =
  | 'READ_ONLY_PERMISSION_SET'
  | 'READ_OPERATIONS_ONLY'
  | 'CCAPI_READONLY'
  | 'REMOVE_WRITE_SWITCH'
  | 'REMOVE_SENSITIVE_DATA_ACCESS'
  | 'WORKSPACE_SCOPE';

export interface Recommendation {
  code: RecommendationCode;
  message: string;
  /** True when the entry or profile already follows it. */
  satisfied: boolean;
  /** The server (short name) it applies to, when it is server-specific. */
  appliesTo?: string;
  /** Env to set, args to add or remove, env to remove. */
  env?: Record<string, string>;
  addArgs?: string[];
  removeArgs?: string[];
  removeEnv?: string[];
  /** The permission set / managed policy to use. */
  permissionSet?: string;
}

export interface GuardProfileRef {
  name: string;
  from: ProfileSource;
  verdict: ProdVerdict;
}

export interface GuardResult {
  /** True when the action touches a production profile. */
  prod: boolean;
  /** Every profile the action touches, with its verdict. */
  profiles: GuardProfileRef[];
  warnings: GuardWarning[];
  /** For production: the read-only setup (empty otherwise). */
  recommendations: Recommendation[];
}

export interface GuardEvaluation extends GuardResult {
  /** Every refusal that applies, in policy order; `guard` throws the first. */
  refusals: ProdGuardError[];
}

const READ_ONLY_POLICIES = 'ReadOnlyAccess (or ViewOnlyAccess)';

/** Collect the profiles an action touches (placeholders are reported, not classified). */
function collectProfiles(action: GuardAction, classify: (name: string) => ProdVerdict, warnings: GuardWarning[]): GuardProfileRef[] {
  const refs: GuardProfileRef[] = [];
  const raw: { name: string; from: ProfileSource; placeholder: boolean }[] = [];
  if (action.profile !== undefined && action.profile.trim() !== '') raw.push({ name: action.profile.trim(), from: 'action', placeholder: false });
  if (action.server) raw.push(...serverProfiles(action.server));
  for (const r of raw) {
    if (r.placeholder) {
      warnings.push({ code: 'PROFILE_UNRESOLVED', message: `${r.from} is a placeholder (${r.name}): the profile is only known when it is filled in; check it again then` });
      continue;
    }
    if (refs.some((x) => x.name === r.name)) continue;
    refs.push({ name: r.name, from: r.from, verdict: classify(r.name) });
  }
  return refs;
}

function quote(s: string): string {
  return `"${s}"`;
}

/** The read-only recommendations for a prod profile (and its server, when there is one). */
export function readOnlyRecommendations(verdict: ProdVerdict, server?: McpServerLike, access?: ServerAccess): Recommendation[] {
  const recs: Recommendation[] = [];
  const readOnlyRole = verdict.role?.access === 'read-only';
  recs.push({
    code: 'READ_ONLY_PERMISSION_SET',
    satisfied: readOnlyRole,
    permissionSet: 'ReadOnlyAccess',
    message: readOnlyRole
      ? `profile ${quote(verdict.profile)} already uses a read-only role (${verdict.roleName}): keep it that way for MCP servers`
      : `give MCP servers on ${quote(verdict.profile)} a read-only role: an IAM Identity Center permission set with the AWS managed policy ${READ_ONLY_POLICIES}${verdict.roleName ? ` instead of ${verdict.roleName}` : ''}, in a profile of its own`,
  });
  const kind = access?.kind;
  if (!server || kind === 'aws-api-mcp-server') {
    const env = server?.env ?? {};
    const satisfied = (env.READ_OPERATIONS_ONLY ?? '').trim().toLowerCase() === 'true';
    recs.push({
      code: 'READ_OPERATIONS_ONLY',
      satisfied,
      appliesTo: 'aws-api-mcp-server',
      env: { READ_OPERATIONS_ONLY: 'true' },
      message: satisfied
        ? 'aws-api-mcp-server runs with READ_OPERATIONS_ONLY=true: read-only operations only'
        : 'set READ_OPERATIONS_ONLY=true in the env of aws-api-mcp-server so it runs read-only operations only',
    });
  }
  if (kind === 'ccapi-mcp-server') {
    const satisfied = !access?.writes.some((w) => w.switch === '--readonly missing');
    recs.push({
      code: 'CCAPI_READONLY',
      satisfied,
      appliesTo: 'ccapi-mcp-server',
      addArgs: ['--readonly'],
      message: satisfied ? 'ccapi-mcp-server runs with --readonly' : 'start ccapi-mcp-server with --readonly',
    });
  }
  for (const w of access?.writes ?? []) {
    if (!w.explicit) continue;
    const rec: Recommendation = { code: 'REMOVE_WRITE_SWITCH', satisfied: false, message: `remove ${w.switch} from this production entry` };
    if (w.source === 'flag') rec.removeArgs = [w.switch];
    else rec.removeEnv = [w.switch.split('=')[0]];
    recs.push(rec);
  }
  for (const s of access?.sensitive ?? []) {
    const rec: Recommendation = { code: 'REMOVE_SENSITIVE_DATA_ACCESS', satisfied: false, message: `remove ${s.switch} unless this production entry really needs to read logs and secrets` };
    if (s.source === 'flag') rec.removeArgs = [s.switch];
    else rec.removeEnv = [s.switch.split('=')[0]];
    recs.push(rec);
  }
  return recs;
}

/** Every refusal, warning and recommendation for an action, without throwing. */
export function evaluateGuard(action: GuardAction, context: GuardContext = {}): GuardEvaluation {
  const server = action.server ? toServer(action.server) : undefined;
  let scope = server?.scope;
  if (action.scope !== undefined) {
    const parsed = HostScopeSchema.safeParse(action.scope);
    if (!parsed.success) throw new TypeError(`invalid scope ${JSON.stringify(action.scope)}: expected workspace, user or local`);
    scope = parsed.data;
  }
  const file = action.file ?? server?.file;
  const warnings: GuardWarning[] = [];
  const classify = prodClassifier(context.tags, { profiles: context.profiles });
  const profiles = collectProfiles({ ...action, server }, (name) => classify(name), warnings);
  const prodRef = profiles.find((p) => p.verdict.prod);
  if (!prodRef) return { prod: false, profiles, warnings, recommendations: [], refusals: [] };

  const v = prodRef.verdict;
  const profile = v.profile;
  const serverName = server?.name;
  const what = action.kind ? `${action.kind}: ` : '';
  const subject = `${what}profile ${quote(profile)} is production (${v.reason})`;
  const onServer = serverName ? ` for MCP server ${quote(serverName)}` : '';
  const access = server ? serverAccess(server) : undefined;
  const refusals: ProdGuardError[] = [];
  const refuse = (code: GuardErrorCode, message: string, fix: string) => {
    const details = { profile, reason: v.reason, fix, ...(serverName !== undefined ? { server: serverName } : {}) };
    refusals.push(new ProdGuardError(code, message, details));
  };

  const explicitWrites = access?.writes.filter((w) => w.explicit) ?? [];
  if (explicitWrites.length > 0) {
    const switches = explicitWrites.map((w) => w.switch).join(', ');
    refuse(
      'PROD_WRITE_ENABLED',
      `${subject}, and the entry${onServer} enables writes (${switches}). Write access is never enabled for production, and no flag allows it: remove ${switches}.`,
      `remove ${switches}`,
    );
  }
  if (scope === 'user') {
    if (context.allowGlobalProd) {
      warnings.push({ code: 'PROD_GLOBAL_ALLOWED', message: `production profile ${quote(profile)} goes into a user-scope host file${file ? ` (${file})` : ''}, allowed by --allow-global-prod: every workspace will see it` });
    } else {
      refuse(
        'PROD_IN_USER_SCOPE',
        `${subject}; it would go into a user-scope (global) host file${file ? ` (${file})` : ''}${onServer}, where every workspace and every chat would use it. Put it in the workspace file instead, or pass --allow-global-prod if you really want it everywhere.`,
        'use a workspace-scope host file',
      );
    }
  }
  if (!context.confirm) {
    if (context.isTTY === true) {
      refuse('PROD_NEEDS_CONFIRM', `${subject}${onServer}. Confirm that you mean production: answer the prompt, or re-run with --confirm.`, 'confirm (prompt or --confirm)');
    } else {
      refuse('PROD_NO_TTY', `${subject}${onServer}, and there is no terminal to confirm it on. Re-run with --confirm if you really mean production.`, 'pass --confirm');
    }
  } else {
    warnings.push({ code: 'PROD_CONFIRMED', message: `production profile ${quote(profile)} in use${onServer} (confirmed)` });
  }

  for (const s of access?.sensitive ?? []) {
    warnings.push({ code: 'PROD_SENSITIVE_DATA', message: `${s.description}, on production profile ${quote(profile)}${onServer}: only if you really need it` });
  }
  for (const w of access?.writes ?? []) {
    if (w.explicit) continue;
    warnings.push({ code: 'PROD_DEFAULT_WRITABLE', message: `${w.description}: on production profile ${quote(profile)}${onServer} it can change resources` });
  }
  const recommendations = readOnlyRecommendations(v, server, access);
  if (scope === 'user') {
    recommendations.push({ code: 'WORKSPACE_SCOPE', satisfied: false, message: 'keep production entries in a workspace-scope host file, not a user-scope one' });
  }
  return { prod: true, profiles, warnings, recommendations, refusals };
}

/**
 * Check an action against the production policy. Throws the first {@link ProdGuardError} that
 * applies; otherwise returns the warnings and, for production, the read-only recommendations.
 */
export function guard(action: GuardAction, context: GuardContext = {}): GuardResult {
  const { refusals, ...result } = evaluateGuard(action, context);
  if (refusals.length > 0) throw refusals[0];
  return result;
}
