/**
 * The model: an MCP server entry, where it lives, and the AWS profile / region it uses. The zod
 * schemas are the single source of truth; every type below is inferred from them.
 */
import { z } from 'zod';

export const TRANSPORTS = ['stdio', 'http', 'sse'] as const;
export const TransportSchema = z.enum(TRANSPORTS);
export type Transport = z.infer<typeof TransportSchema>;

/** `workspace` = a file in the project (Claude Code calls it project scope); `local` = Claude Code's per-project entries in `~/.claude.json`. */
export const SCOPES = ['workspace', 'user', 'local'] as const;
export const ScopeSchema = z.enum(SCOPES);
export type Scope = z.infer<typeof ScopeSchema>;

/**
 * Every host id, in the registry's order (`HOSTS` in hosts/index.ts; a test checks both agree). The
 * list is spelled out here because zod needs the literal ids for the `HostId` type and the adapters
 * import this module; CLI help texts are built from `HOSTS`, not from this list.
 */
export const HOST_IDS = [
  'vscode',
  'claude-code',
  'cursor',
  'kiro',
  'amazonq',
  'claude-desktop',
  'copilot-cli',
  'codex',
  'gemini-cli',
  'antigravity',
  'windsurf',
  'cline',
  'cline-cli',
  'roo',
  'kilo',
  'zed',
  'opencode',
  'goose',
  'continue',
  'continue-json',
  'warp',
  'visual-studio',
  'junie',
  'grok',
  'amazonq-ide',
  'kiro-agents',
  'claude-code-managed',
  'vscode-legacy',
  'claude-code-legacy',
] as const;
export const HostIdSchema = z.enum(HOST_IDS);
export type HostId = z.infer<typeof HostIdSchema>;

export const JsonPathSchema = z.array(z.union([z.string(), z.number()]));
export const StringMapSchema = z.record(z.string(), z.string());

/** A `${...}` reference inside a value, classified by the host's variable syntax. */
export const VariableRefSchema = z.object({
  /**
   * `input`: VS Code `${input:id}` (prompted); `env`: expanded by the host from its environment
   * (`${env:NAME}`, Claude Code / Kiro `${NAME}`); `predefined`: `${workspaceFolder}` and friends;
   * `placeholder`: not expanded by this host, so it must be hydrated before use.
   */
  kind: z.enum(['input', 'env', 'predefined', 'placeholder']),
  name: z.string(),
  /** Claude Code `${NAME:-default}`. */
  default: z.string().optional(),
  /** The reference as written, e.g. `${input:awsProfile}`. */
  text: z.string(),
});
export type VariableRef = z.infer<typeof VariableRefSchema>;

export const AWS_SOURCES = [
  'arg --profile',
  'env.AWS_API_MCP_PROFILE_NAME',
  'env.AWS_PROFILE',
  'arg --region',
  'env.AWS_REGION',
  'env.AWS_DEFAULT_REGION',
] as const;

/** One place a profile or region is set. */
export const AwsValueSchema = z.object({
  value: z.string(),
  source: z.enum(AWS_SOURCES),
  /** JSON path of the string holding it (for `--x=v`, the whole argument). */
  jsonPath: JsonPathSchema,
  /** Variable references inside the value; empty when the value is literal. */
  refs: z.array(VariableRefSchema),
});
export type AwsValue = z.infer<typeof AwsValueSchema>;

/**
 * The AWS profile and region an entry runs with. `profile` / `region` are the effective ones
 * (`--profile` arg, then `AWS_API_MCP_PROFILE_NAME`, then `AWS_PROFILE`; `--region` arg, then
 * `AWS_REGION`, then `AWS_DEFAULT_REGION`); `profiles` / `regions` list every place either is set.
 */
export const AwsSettingsSchema = z.object({
  profile: AwsValueSchema.optional(),
  region: AwsValueSchema.optional(),
  profiles: z.array(AwsValueSchema),
  regions: z.array(AwsValueSchema),
});
export type AwsSettings = z.infer<typeof AwsSettingsSchema>;

/** Where an entry lives. */
export const ServerLocationSchema = z.object({
  host: HostIdSchema,
  scope: ScopeSchema,
  file: z.string(),
  /** JSON path of the entry, e.g. `["servers", "eks"]` or `["projects", "/abs/app", "mcpServers", "eks"]`. */
  jsonPath: JsonPathSchema,
  /** A legacy location the host does not read (reported, never written). */
  legacy: z.boolean(),
  /** Claude Code local scope: the project path the entry belongs to. */
  project: z.string().optional(),
  line: z.number().int(),
  column: z.number().int(),
});
export type ServerLocation = z.infer<typeof ServerLocationSchema>;

const serverFields = {
  name: z.string().min(1),
  command: z.string().optional(),
  args: z.array(z.string()).optional(),
  env: StringMapSchema.optional(),
  envFile: z.string().optional(),
  url: z.string().optional(),
  headers: StringMapSchema.optional(),
};

/**
 * A server to write: what `addServers` takes. `transport` defaults to `stdio` with a command and
 * `http` with a url; `extra` holds host-specific keys (`disabled`, `autoApprove`, `_account`...).
 */
export const ServerSpecSchema = z
  .object({
    ...serverFields,
    transport: TransportSchema.optional(),
    extra: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((s) => s.command !== undefined || s.url !== undefined, {
    message: 'a server needs a command (stdio) or a url (http / sse)',
  });
export type ServerSpec = z.infer<typeof ServerSpecSchema>;

/** A server as read from a host file: what `readHostConfig` and `listServers` return. */
export const ServerEntrySchema = z.object({
  ...serverFields,
  transport: TransportSchema,
  /** Keys the model does not name, kept as they were (never dropped). */
  extra: z.record(z.string(), z.unknown()),
  location: ServerLocationSchema,
  aws: AwsSettingsSchema,
});
export type ServerEntry = z.infer<typeof ServerEntrySchema>;

/** A VS Code `inputs` entry (`promptString`, `pickString`, or `command`: the value a command returns). */
export const VsCodeInputSchema = z
  .object({
    type: z.enum(['promptString', 'pickString', 'command']),
    id: z.string().min(1),
    description: z.string().optional(),
    password: z.boolean().optional(),
    default: z.string().optional(),
    options: z.array(z.string()).optional(),
  })
  .loose();
export type VsCodeInput = z.infer<typeof VsCodeInputSchema>;

/** Deep copy of JSON data (plain objects and arrays), in the caller's realm. */
function cloneJson<T>(v: T): T {
  if (Array.isArray(v)) return v.map(cloneJson) as T;
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cloneJson(x)])) as T;
  return v;
}

/** The spec part of an entry (no location, no derived AWS facts), ready to write elsewhere. */
export function toServerSpec(entry: ServerEntry | ServerSpec): ServerSpec {
  const spec: ServerSpec = { name: entry.name };
  if (entry.transport !== undefined) spec.transport = entry.transport;
  for (const k of ['command', 'args', 'env', 'envFile', 'url', 'headers'] as const) {
    if (entry[k] !== undefined) (spec as Record<string, unknown>)[k] = cloneJson(entry[k]);
  }
  if (entry.extra && Object.keys(entry.extra).length > 0) spec.extra = cloneJson(entry.extra);
  return spec;
}
