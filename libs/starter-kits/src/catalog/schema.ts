/** The catalog's schemas: the single source of truth for its types. */
import type { Catalog as LintCatalog } from '@awsmcp/mcp-config-model';
import { z } from 'zod';

/**
 * Facts read from a server's source by tools/catalog/extract.py at the release tag that set the pinned
 * version (see tools/catalog/README.md): generated, never hand-edited.
 */
export const ServerFactsSchema = z.object({
  package: z.string().min(1),
  version: z.string().regex(/^\d+(\.\d+)*([.-][0-9A-Za-z.]+)?$/, 'a version such as 1.2.3'),
  /** Where it was read: repository, release tag and commit. */
  repository: z.string(),
  tag: z.string(),
  commit: z.string().regex(/^[0-9a-f]{40}$/),
  scripts: z.array(z.string()),
  /** The console script the catalog runs (the first of `scripts`). */
  script: z.string(),
  /** Every flag the console script's own argparse accepts (`--no-...` forms of BooleanOptionalAction included). */
  flags: z.array(z.string().startsWith('-')),
  /** `parse_args()`: any other flag makes the server exit at start; false: extra flags are ignored. */
  rejectsUnknownFlags: z.boolean(),
  /** Environment variables read in code (constants resolved). */
  envVars: z.array(z.string()),
  /** Tools registered in the default configuration. */
  tools: z.array(z.string()),
  toolCount: z.number().int().nonnegative(),
  /** Characters of the tool descriptions the client receives (`description=` or the raw docstring). */
  descriptionChars: z.number().int().nonnegative(),
  paramDescriptionChars: z.number().int().nonnegative(),
  /** o200k_base tokens of `{name, description, input_schema}` per tool, summed (schemas rebuilt as pydantic writes them). */
  estimatedTokens: z.number().int().nonnegative(),
  /** A deprecation / supersession notice (README opening or server instructions). */
  notice: z.string().optional(),
  runtime: z.object({ language: z.string(), framework: z.string(), botocore: z.boolean() }),
  transport: z.array(z.string()),
  /** Prints to stdout before serving (can corrupt the stdio stream). */
  printsToStdout: z.boolean(),
});
export type ServerFacts = z.infer<typeof ServerFactsSchema>;

/** A real `tools/list` result checked into tools/catalog/data/measured, counted as `awsmcp tokens` counts. */
export const MeasuredToolListSchema = z.object({
  file: z.string(),
  package: z.string(),
  version: z.string().optional(),
  /** The server's default configuration (false: a variant, e.g. EKS_AUTH_MODE=kubeconfig). */
  default: z.boolean(),
  toolCount: z.number().int().nonnegative(),
  tokens: z.number().int().nonnegative(),
});
export type MeasuredToolList = z.infer<typeof MeasuredToolListSchema>;

export const CliHintSchema = z.object({
  /** What the command answers, e.g. "clusters in the region". */
  purpose: z.string(),
  /** The command without profile and region, e.g. `aws eks list-clusters`. */
  command: z.string().startsWith('aws '),
});
export type CliHint = z.infer<typeof CliHintSchema>;

/** Something users must know about running a server (lint `SERVER_CAVEAT`, budget lines). */
export const CaveatSchema = z.object({
  severity: z.enum(['warning', 'info']),
  message: z.string(),
  fix: z.string().optional(),
  /** Only when the entry passes this argument (e.g. `--read-only`). */
  whenArg: z.string().optional(),
});
export type Caveat = z.infer<typeof CaveatSchema>;

export const ContextCostSchema = z.object({
  tokens: z.number().int().nonnegative(),
  /** The tools the figure counts, when it differs from the server's `toolCount` (e.g. read-only). */
  toolCount: z.number().int().nonnegative().optional(),
  /**
   * `measured`: a real tools/list of this version, counted (checked in, or `awsmcp tokens`);
   * `estimate`: the static estimate from the source at the release tag, or from a remote server's listed
   * tools (remote.ts); `assumed`: no facts at all (no server uses it now).
   */
  source: z.enum(['measured', 'estimate', 'assumed']),
  /** How the number was obtained, in words. */
  basis: z.string(),
});
export type ContextCost = z.infer<typeof ContextCostSchema>;

/** One server as the kits use it: facts plus what we know about running it. */
export const CatalogServerSchema = z.object({
  /** Short id used in kits and instance names: `eks`, `cloudwatch`, `aws-mcp`... */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: z.string(),
  /** `stdio`: a local process (a server, or the SigV4 proxy to a remote AWS server); `http`: a remote URL entry. */
  transport: z.enum(['stdio', 'http']),
  /** PyPI package and pinned version (stdio servers). */
  package: z.string().optional(),
  version: z.string().optional(),
  /** The console script to run (when it differs from the package name, `uvx --from pkg==v script`). */
  script: z.string().optional(),
  /** Remote servers: the endpoint. */
  url: z.string().url().optional(),
  /**
   * Servers reached through mcp-proxy-for-aws: the endpoint with `{region}` (the proxy's first argument).
   * The region is also passed as `--metadata AWS_REGION=<region>` and in the env.
   */
  endpoint: z.string().optional(),
  /** The regions that have `endpoint`; another region gets a fallback endpoint (`endpointFor`). */
  endpointRegions: z.array(z.string()).optional(),
  /** Every flag the server's argparse accepts. */
  acceptedFlags: z.array(z.string()),
  /** True: any other flag makes it exit at start (`parse_args()`); false: other flags are ignored. */
  rejectsUnknownFlags: z.boolean(),
  /** Environment variables the server reads (from its source). */
  envVars: z.array(z.string()),
  /** The environment variable the server reads the profile from (`AWS_PROFILE`, or `AWS_API_MCP_PROFILE_NAME`); absent: needs no AWS credentials. */
  profileEnv: z.string().optional(),
  /** The region variables every entry sets: botocore reads AWS_DEFAULT_REGION, many servers AWS_REGION. */
  regionEnvs: z.array(z.string()),
  /** The server also takes `--profile` / `--region` flags (prometheus; `--profile` for the proxy). */
  profileFlag: z.boolean(),
  regionFlag: z.boolean(),
  needsCredentials: z.boolean(),
  /** Flags and env that let the server change things (refused for prod by @awsmcp/prod-guard). */
  writeFlags: z.array(z.string()),
  writeEnv: z.record(z.string(), z.string()),
  /** Settings that make the server read-only (added when a kit is built read-only). */
  readOnlyFlags: z.array(z.string()),
  readOnlyEnv: z.record(z.string(), z.string()),
  toolCount: z.number().int().nonnegative().optional(),
  tools: z.array(z.string()),
  cost: ContextCostSchema,
  /** The cost when an entry passes the server's read-only flags, when that changes the tools it lists. */
  readOnlyCost: ContextCostSchema.optional(),
  /** What users must know about running it (shown by lint as `SERVER_CAVEAT` and on budget lines). */
  caveats: z.array(CaveatSchema),
  /** The deprecation / supersession notice, when the server's own README or instructions carry one. */
  deprecated: z.string().optional(),
  /** The catalog id of the server that replaces it. */
  supersededBy: z.string().optional(),
  /** The AWS CLI commands that answer the usual single-service questions without any server. */
  cliHints: z.array(CliHintSchema),
  /** A read-only IAM probe for `awsmcp doctor`: SDK client, operation and the CLI equivalent. */
  probe: z
    .object({ service: z.string(), operation: z.string(), cli: z.string() })
    .optional(),
});
export type CatalogServer = z.infer<typeof CatalogServerSchema>;

export const CatalogSchema = z.object({
  source: z.object({ sources: z.array(z.string()), method: z.string() }),
  servers: z.array(CatalogServerSchema),
});
/**
 * The catalog. It is the `Catalog` of @awsmcp/mcp-config-model (what `lint()` reads: package, version,
 * acceptedFlags, rejectsUnknownFlags, deprecated, supersededBy) with more fields: one shape, so
 * `lint(targets, { catalog: getCatalog() })` works as is (checked below at compile time).
 */
export type Catalog = z.infer<typeof CatalogSchema>;

type Assignable<T extends LintCatalog> = T;
export type CatalogIsLintCatalog = Assignable<Catalog>;
