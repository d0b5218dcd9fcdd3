/**
 * `awsmcp doctor --json`: the versioned document (schemaVersion 1). The zod schema is the single
 * source of truth; the types below are inferred from it and the tests validate real output with it.
 */
import { z } from 'zod';

export const LAYERS = ['identity', 'binary', 'mcp', 'permissions'] as const;
export const LayerNameSchema = z.enum(LAYERS);
export type LayerName = z.infer<typeof LayerNameSchema>;

export const LayerStatusSchema = z.enum(['ok', 'failed', 'skipped']);
export type LayerStatus = z.infer<typeof LayerStatusSchema>;

const common = {
  status: LayerStatusSchema,
  /** One line: what was found (or why the layer was skipped). */
  summary: z.string(),
  /** The exact fix, when the layer failed. */
  fix: z.string().optional(),
  durationMs: z.number().int().nonnegative(),
};

export const AwsErrorSchema = z.object({ kind: z.string(), code: z.string(), message: z.string() });

export const IdentityLayerSchema = z.object({
  layer: z.literal('identity'),
  ...common,
  profile: z.string().optional(),
  region: z.string().optional(),
  account: z.string().optional(),
  arn: z.string().optional(),
  /** The profiles the credentials pass through, base first (`base -> mid -> top`). */
  chain: z.array(z.string()).optional(),
  /** The login command when the credentials are expired (`aws sso login --sso-session corp`). */
  command: z.string().optional(),
  error: AwsErrorSchema.optional(),
});

export const BinaryLayerSchema = z.object({
  layer: z.literal('binary'),
  ...common,
  command: z.string().optional(),
  /** Where the command resolved on PATH. */
  path: z.string().optional(),
});

export const McpLayerSchema = z.object({
  layer: z.literal('mcp'),
  ...common,
  server: z.object({ name: z.string(), version: z.string() }).optional(),
  protocolVersion: z.string().optional(),
  toolCount: z.number().int().nonnegative().optional(),
  tools: z.array(z.string()).optional(),
  /** Failure: spawn-error, exited, timeout, protocol-error, interrupted, output-limit (over 10 MB without a newline). */
  reason: z.enum(['spawn-error', 'exited', 'timeout', 'protocol-error', 'interrupted', 'output-limit']).optional(),
  step: z.enum(['spawn', 'initialize', 'tools/list']).optional(),
  exitCode: z.number().int().nullable().optional(),
  signal: z.string().nullable().optional(),
  /** The last lines the server wrote to stderr. */
  stderrTail: z.array(z.string()).optional(),
});

export const ProbeSchema = z.object({
  /** Catalog server id the probe belongs to. */
  server: z.string(),
  service: z.string(),
  operation: z.string(),
  /** The IAM action the probe needs (`eks:ListClusters`). */
  action: z.string(),
  /** The same check with the AWS CLI. */
  cli: z.string(),
  status: z.enum(['ok', 'denied', 'error', 'not-implemented']),
  /** What an allowed call saw (`1 cluster: demo`). */
  detail: z.string().optional(),
  message: z.string().optional(),
  fix: z.string().optional(),
});
export type Probe = z.infer<typeof ProbeSchema>;

export const PermissionsLayerSchema = z.object({
  layer: z.literal('permissions'),
  ...common,
  probes: z.array(ProbeSchema),
});

export const LayerSchema = z.discriminatedUnion('layer', [IdentityLayerSchema, BinaryLayerSchema, McpLayerSchema, PermissionsLayerSchema]);
export type Layer = z.infer<typeof LayerSchema>;
export type IdentityLayer = z.infer<typeof IdentityLayerSchema>;
export type BinaryLayer = z.infer<typeof BinaryLayerSchema>;
export type McpLayer = z.infer<typeof McpLayerSchema>;
export type PermissionsLayer = z.infer<typeof PermissionsLayerSchema>;

export const DoctorTargetSchema = z.object({
  /** `server`: an entry of a host file or a catalog server; `profile`: only a profile (`--profile`). */
  kind: z.enum(['server', 'profile']),
  name: z.string().optional(),
  /** Where the server came from. */
  source: z.enum(['host-file', 'catalog']).optional(),
  host: z.string().optional(),
  scope: z.string().optional(),
  file: z.string().optional(),
  /** The catalog server it runs, when known (`eks`). */
  catalogId: z.string().optional(),
  command: z.string().optional(),
  /** Arguments as written (values of secret-looking flags redacted). */
  args: z.array(z.string()).optional(),
  profile: z.string().optional(),
  /** Where the profile came from: `--profile`, `env.AWS_PROFILE`, `arg --profile`, `AWS_PROFILE`, `default`. */
  profileSource: z.string().optional(),
  region: z.string().optional(),
});
export type DoctorTarget = z.infer<typeof DoctorTargetSchema>;

export const DoctorJsonSchema = z.object({
  schemaVersion: z.literal(1),
  command: z.literal('doctor'),
  target: DoctorTargetSchema,
  /** Every layer passed or was skipped. */
  ok: z.boolean(),
  /** The first layer that failed (the ones after it are `skipped`). */
  failedLayer: LayerNameSchema.optional(),
  layers: z.array(LayerSchema).length(4),
});
export type DoctorJson = z.infer<typeof DoctorJsonSchema>;
