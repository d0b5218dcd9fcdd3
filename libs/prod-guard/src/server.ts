/**
 * server: what an MCP server entry points at (its profiles) and what it may change (its
 * write-enabling switches), from the facts in tools/catalog/data (copied from shared/catalog):
 * - `--allow-write` (eks, serverless, iam) and `ALLOW_WRITE` (ecs) enable writes;
 * - `--allow-sensitive-data-access` (eks, serverless) and `ALLOW_SENSITIVE_DATA` (ecs) expose logs,
 *   secrets in resource specs and the like, but do not write;
 * - aws-api-mcp-server writes unless `READ_OPERATIONS_ONLY=true` (`REQUIRE_MUTATION_CONSENT=true`
 *   asks before each mutation);
 * - ccapi-mcp-server writes unless started with `--readonly` (`--no-readonly` is explicit);
 * - mcp-proxy-for-aws (the managed AWS MCP Server) exposes write tools unless started with `--read-only`.
 */
import { McpServerSchema, type McpServerLike } from './schema';

export type ProfileSource = 'action' | 'env.AWS_PROFILE' | 'env.AWS_API_MCP_PROFILE_NAME' | '--profile';

export interface ServerProfileRef {
  name: string;
  from: ProfileSource;
  /** True for `${AWS_PROFILE}`, `${input:profile}`, `$AWS_PROFILE`: the real name is only known later. */
  placeholder: boolean;
}

/** Is this value a placeholder (`${VAR}`, `${input:x}`, `${env:X}`, `$VAR`) rather than a real name? */
export function isPlaceholder(value: string): boolean {
  return /\$\{[^}]*\}|^\$[A-Za-z_]/.test(value);
}

/** Every profile a server entry names: env AWS_PROFILE, env AWS_API_MCP_PROFILE_NAME, `--profile x` / `--profile=x`. */
export function serverProfiles(server: McpServerLike): ServerProfileRef[] {
  const refs: ServerProfileRef[] = [];
  const add = (name: string | undefined, from: ProfileSource) => {
    if (name === undefined) return;
    const trimmed = name.trim();
    if (trimmed === '') return;
    if (!refs.some((r) => r.name === trimmed && r.from === from)) refs.push({ name: trimmed, from, placeholder: isPlaceholder(trimmed) });
  };
  const env = server.env ?? {};
  if (Object.prototype.hasOwnProperty.call(env, 'AWS_PROFILE')) add(env.AWS_PROFILE, 'env.AWS_PROFILE');
  if (Object.prototype.hasOwnProperty.call(env, 'AWS_API_MCP_PROFILE_NAME')) add(env.AWS_API_MCP_PROFILE_NAME, 'env.AWS_API_MCP_PROFILE_NAME');
  const args = server.args ?? [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--profile') add(args[i + 1], '--profile');
    else if (a.startsWith('--profile=')) add(a.slice('--profile='.length), '--profile');
  }
  return refs;
}

const SERVER_NAME = /^(?:awslabs[.-])?([a-z0-9][a-z0-9-]*-mcp-server)(?:(?:==|@|:|\.tar|-\d).*)?$/i;

/**
 * Which awslabs server an entry runs, as its short name (`aws-api-mcp-server`), from `package`,
 * then the command, then the arguments (`uvx awslabs.aws-api-mcp-server@latest`,
 * `uvx --from awslabs.ecs-mcp-server ecs-mcp-server`, a docker image `.../aws-api-mcp-server:tag`).
 */
export function serverKind(server: McpServerLike): string | undefined {
  const candidates = [server.package, server.command, ...(server.args ?? [])];
  for (const c of candidates) {
    if (!c) continue;
    const base = c.split(/[\\/]/).pop() ?? c;
    const m = SERVER_NAME.exec(base);
    if (m) return m[1].toLowerCase();
  }
  return undefined;
}

/** Env values that clearly mean "off". Anything else (including a placeholder) counts as on. */
const OFF_VALUES = new Set(['', 'false', '0', 'no', 'off']);

export function envIsOn(value: string | undefined): boolean {
  return value !== undefined && !OFF_VALUES.has(value.trim().toLowerCase());
}

export interface AccessSwitch {
  /** As it appears in the entry: `--allow-write`, `ALLOW_WRITE=true`, or the missing safe switch. */
  switch: string;
  source: 'flag' | 'env' | 'default';
  /** True when the entry turns it on itself; false when the server does it by default. */
  explicit: boolean;
  description: string;
}

export interface ServerAccess {
  kind?: string;
  /** Ways the server can change resources. */
  writes: AccessSwitch[];
  /** Ways the server can read sensitive data (logs, secrets in specs, ...). */
  sensitive: AccessSwitch[];
  /** aws-api-mcp-server only: REQUIRE_MUTATION_CONSENT=true asks before each mutation. */
  mutationConsent: boolean;
}

function hasFlag(args: readonly string[], flag: string): boolean {
  return args.some((a) => a === flag || a.startsWith(`${flag}=`));
}

/** What a server entry can write or expose, with the switch responsible for each. */
export function serverAccess(server: McpServerLike): ServerAccess {
  const args = server.args ?? [];
  const env = server.env ?? {};
  const kind = serverKind(server);
  const writes: AccessSwitch[] = [];
  const sensitive: AccessSwitch[] = [];
  if (hasFlag(args, '--allow-write')) {
    writes.push({ switch: '--allow-write', source: 'flag', explicit: true, description: 'the --allow-write flag lets the server create, change and delete resources' });
  }
  if (envIsOn(env.ALLOW_WRITE)) {
    writes.push({ switch: `ALLOW_WRITE=${env.ALLOW_WRITE}`, source: 'env', explicit: true, description: 'ALLOW_WRITE in env lets the server create, change and delete resources' });
  }
  if (hasFlag(args, '--allow-sensitive-data-access')) {
    sensitive.push({
      switch: '--allow-sensitive-data-access',
      source: 'flag',
      explicit: true,
      description: 'the --allow-sensitive-data-access flag lets the server read logs, events and resource details that may hold secrets',
    });
  }
  if (envIsOn(env.ALLOW_SENSITIVE_DATA)) {
    sensitive.push({
      switch: `ALLOW_SENSITIVE_DATA=${env.ALLOW_SENSITIVE_DATA}`,
      source: 'env',
      explicit: true,
      description: 'ALLOW_SENSITIVE_DATA in env lets the server read logs and resource details that may hold secrets',
    });
  }
  let mutationConsent = false;
  if (kind === 'aws-api-mcp-server') {
    mutationConsent = (env.REQUIRE_MUTATION_CONSENT ?? '').trim().toLowerCase() === 'true';
    if ((env.READ_OPERATIONS_ONLY ?? '').trim().toLowerCase() !== 'true') {
      writes.push({
        switch: 'READ_OPERATIONS_ONLY not "true"',
        source: 'default',
        explicit: false,
        description: `aws-api-mcp-server runs any AWS CLI command, mutations included, unless READ_OPERATIONS_ONLY=true${mutationConsent ? ' (REQUIRE_MUTATION_CONSENT=true asks before each one)' : ''}`,
      });
    }
  }
  if (kind === 'ccapi-mcp-server' && !hasFlag(args, '--readonly')) {
    const no = hasFlag(args, '--no-readonly');
    writes.push({ switch: no ? '--no-readonly' : '--readonly missing', source: no ? 'flag' : 'default', explicit: no, description: 'ccapi-mcp-server creates, updates and deletes resources unless started with --readonly' });
  }
  const proxy = [server.package, server.command, ...args].some((c) => c !== undefined && /^mcp-proxy-for-aws(?:[=@].*)?$/.test(c.split(/[\\/]/).pop() ?? c));
  if (proxy && !hasFlag(args, '--read-only')) {
    writes.push({ switch: '--read-only missing', source: 'default', explicit: false, description: 'mcp-proxy-for-aws passes on the remote server\'s write tools unless started with --read-only' });
  }
  const access: ServerAccess = { writes, sensitive, mutationConsent };
  if (kind !== undefined) access.kind = kind;
  return access;
}

/** Validate an unknown value as a server entry (for JavaScript callers and host files read at runtime). */
export function toServer(value: unknown): McpServerLike {
  const parsed = McpServerSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TypeError(`invalid MCP server entry${issue.path.length ? ` at ${issue.path.join('.')}` : ''}: ${issue.message}`);
  }
  return parsed.data;
}
