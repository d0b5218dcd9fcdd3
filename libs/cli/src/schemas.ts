/**
 * The `--json` output of each command, as zod schemas: the documented, versioned contract
 * (`schemaVersion: 1`). Additive changes keep the version; anything else bumps it.
 */
import { z } from 'zod';

const Envelope = <C extends string>(command: C) => z.object({ schemaVersion: z.literal(1), command: z.literal(command) });
const Light = z.enum(['green', 'amber', 'red', 'none']);
const Runtime = z.enum(['botocore', 'js-sdk']);
/** botocore's `Credentials.method` spelling (@awsmcp/credential-cache-inspector CREDENTIAL_PROVIDERS). */
const Provider = z.enum(['env', 'assume-role', 'assume-role-with-web-identity', 'sso', 'shared-credentials-file', 'login', 'custom-process', 'config-file', 'container-role', 'iam-role']);
const Diagnostic = z.object({ file: z.string(), line: z.number(), column: z.number(), severity: z.enum(['error', 'warning']), message: z.string() });

export const DiscoverOutputSchema = Envelope('discover').extend({
  home: z.string(),
  files: z.object({ config: z.string().optional(), credentials: z.string().optional() }),
  tagsFile: z.object({ path: z.string(), exists: z.boolean(), written: z.boolean().optional(), error: z.object({ code: z.string(), message: z.string(), line: z.number().optional(), column: z.number().optional() }).optional() }),
  profiles: z.array(
    z.object({
      profile: z.string(),
      type: z.string(),
      accountId: z.string().optional(),
      env: z.string().optional(),
      envSource: z.enum(['tag', 'heuristic', 'account']).optional(),
      role: z.string().optional(),
      region: z.string().optional(),
      expiresAt: z.string().optional(),
      ttlSeconds: z.number().optional(),
      light: Light,
      status: z.string(),
      runtime: Runtime,
      provider: Provider.nullable(),
      refreshesItself: z.boolean(),
      reason: z.string().optional(),
      nextStep: z.string(),
      command: z.string().optional(),
      exception: z.string().optional(),
      botocoreOnly: z.literal(true).optional(),
    }).strict(),
  ),
  chains: z
    .array(z.object({ profile: z.string(), chain: z.array(z.object({ profile: z.string(), kind: z.string(), accountId: z.string().optional(), role: z.string().optional(), problem: z.string().optional() }).strict()) }))
    .optional(),
  diagnostics: z.array(Diagnostic),
}).strict();

export const StatusOutputSchema = Envelope('status').extend({
  cause: z.string().optional(),
  at: z.string().optional(),
  servers: z.array(
    z.object({
      server: z.string(),
      host: z.string(),
      hostName: z.string(),
      scope: z.string(),
      /** Claude Code local scope: the project the entry belongs to. */
      project: z.string().optional(),
      /** Every host that reads the file, when several do (the repo-root .mcp.json: Claude Code, Copilot CLI, Visual Studio). */
      readBy: z.array(z.string()).optional(),
      /** `local`: Claude Code runs this project's same-named local-scope entry instead. */
      shadowedBy: z.literal('local').optional(),
      file: z.string(),
      line: z.number(),
      legacy: z.boolean(),
      profileSetting: z.string().optional(),
      profile: z.string().optional(),
      region: z.string().optional(),
      runtime: Runtime.optional(),
      provider: Provider.nullable().optional(),
      light: Light,
      state: z.string(),
      expiresAt: z.string().optional(),
      ttlSeconds: z.number().optional(),
      refreshesItself: z.boolean(),
      fix: z.string(),
      command: z.string().optional(),
      deprecated: z.string().optional(),
      supersededBy: z.string().optional(),
    }).strict(),
  ),
  /** What is dangerous in the host files (prod in user scope, write flags on prod, keys in env, unpinned), with the fix. */
  audit: z.array(
    z.object({
      code: z.string(),
      severity: z.enum(['error', 'warning']),
      server: z.string().optional(),
      host: z.string().optional(),
      file: z.string(),
      line: z.number().optional(),
      column: z.number().optional(),
      message: z.string(),
      fix: z.string(),
    }).strict(),
  ),
  files: z.array(z.object({ host: z.string(), readBy: z.array(z.string()).optional(), scope: z.string(), file: z.string(), legacy: z.boolean(), status: z.enum(['ok', 'missing', 'error']), servers: z.number(), error: z.object({ code: z.string(), message: z.string(), line: z.number().optional(), column: z.number().optional() }).optional(), issues: z.array(z.unknown()) }).strict()),
}).strict();

const FileChange = z.object({
  file: z.string(),
  host: z.string(),
  changed: z.boolean(),
  backup: z.string().optional(),
  diff: z.array(z.string()),
});

export const SwitchOutputSchema = Envelope('switch').extend({
  profile: z.string(),
  region: z.string().optional(),
  dryRun: z.boolean(),
  files: z.array(FileChange.extend({ scope: z.string(), project: z.string().optional(), servers: z.array(z.string()), skipped: z.array(z.object({ server: z.string(), reason: z.string() })) }).strict()),
  skipped: z.array(z.object({ server: z.string(), reason: z.string() })).optional(),
  /** Host files that could not be read or parsed, left alone with --skip-broken. */
  broken: z.array(z.object({ file: z.string(), line: z.number().optional(), column: z.number().optional(), message: z.string() }).strict()).optional(),
  restart: z.array(z.object({ host: z.string(), instructions: z.string() })).optional(),
}).strict();

export const LoginOutputSchema = Envelope('login').extend({
  profile: z.string(),
  kind: z.string(),
  loginCommand: z.string().optional(),
  via: z.string().optional(),
  status: z.string(),
  light: Light,
  reason: z.string(),
  nextStep: z.string(),
  exec: z.object({ exitCode: z.number() }).optional(),
  after: z.object({ status: z.string(), light: Light, expiresAt: z.string().optional(), ttlSeconds: z.number().optional(), refreshesItself: z.boolean() }).optional(),
}).strict();

export const HydrateOutputSchema = Envelope('hydrate').extend({
  files: z.array(z.object({ template: z.string(), file: z.string(), host: z.string(), changed: z.boolean(), backup: z.string().optional(), variables: z.array(z.string()), left: z.array(z.string()).optional() }).strict()),
  /** Hosts whose templates were left out because the host is not installed here (--hosts / --all-hosts include them). */
  notInstalled: z.array(z.string()).optional(),
}).strict();

export const KitOutputSchema = Envelope('kit').extend({
  kits: z.array(z.object({ name: z.string(), description: z.string(), servers: z.array(z.string()), deprecated: z.array(z.object({ server: z.string(), notice: z.string().optional(), supersededBy: z.string().optional() })).optional(), caveats: z.array(z.object({ server: z.string(), severity: z.enum(['warning', 'info']), message: z.string(), fix: z.string().optional() })).optional() })).optional(),
  kit: z.string().optional(),
  mode: z.enum(['concrete', 'inputs']).optional(),
  dryRun: z.boolean().optional(),
  budget: z.object({ servers: z.array(z.object({ name: z.string(), server: z.string(), tokens: z.number(), source: z.string(), basis: z.string(), toolCount: z.number().optional() })), total: z.number(), limit: z.number(), verdict: z.enum(['under', 'over']), cliFirst: z.array(z.string()), cliFirstReason: z.string().optional() }).optional(),
  files: z.array(FileChange.extend({ added: z.array(z.string()), replaced: z.array(z.string()), skipped: z.array(z.string()), unchanged: z.array(z.string()) }).strict()).optional(),
  /** --multi-account: prod-tagged profiles left out (MFA, broken, no credentials), with why. */
  skippedProfiles: z.array(z.object({ profile: z.string(), reason: z.string() }).strict()).optional(),
}).strict();

/** `awsmcp remove <server> --json`. */
const RemoveLeft = z.object({ file: z.string(), host: z.string(), scope: z.string(), reason: z.string() }).strict();
export const RemoveOutputSchema = Envelope('remove').extend({
  server: z.string(),
  scope: z.enum(['workspace', 'user', 'all']),
  dryRun: z.boolean(),
  files: z.array(FileChange.extend({ scope: z.string(), projects: z.array(z.string()).optional() }).strict()),
  /** Legacy locations and read-only files that hold the server: never written. */
  refused: z.array(RemoveLeft).optional(),
  /** Files the library could not edit safely (the edit would not read back as expected). */
  unsupported: z.array(RemoveLeft).optional(),
  /** Entries of the same name outside the selected scope, not touched. */
  otherScopes: z.array(z.object({ file: z.string(), host: z.string(), scope: z.string(), project: z.string().optional() }).strict()).optional(),
  broken: z.array(z.object({ file: z.string(), line: z.number().optional(), column: z.number().optional(), message: z.string() }).strict()).optional(),
  restart: z.array(z.object({ host: z.string(), instructions: z.string() })),
}).strict();

/** Printed on stdout with --json when a command fails. */
export const ErrorOutputSchema = z.object({ schemaVersion: z.literal(1), command: z.string().optional(), error: z.object({ code: z.string(), message: z.string(), hint: z.string().optional(), file: z.string().optional(), line: z.number().optional(), column: z.number().optional(), exitCode: z.number().optional() }) });
