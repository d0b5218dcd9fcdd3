/** The catalog's schemas: the single source of truth for its types. */
import { z } from 'zod';

/** Facts read from a server's source (see tools/catalog/data/SOURCE.md): generated, never hand-edited. */
export const ServerFactsSchema = z.object({
  package: z.string().min(1),
  version: z.string().regex(/^\d+(\.\d+)*([.-][0-9A-Za-z.]+)?$/, 'a version such as 1.2.3'),
  scripts: z.array(z.string()),
  cliFlags: z.array(z.string().startsWith('--')),
  envVars: z.array(z.string()),
  readmeEnvVars: z.array(z.string()).optional(),
  tools: z.array(z.string()),
  toolCount: z.number().int().nonnegative(),
  docstringChars: z.number().int().nonnegative(),
  paramDescriptionChars: z.number().int().nonnegative(),
});
export type ServerFacts = z.infer<typeof ServerFactsSchema>;

export const CliHintSchema = z.object({
  /** What the command answers, e.g. "clusters in the region". */
  purpose: z.string(),
  /** The command without profile and region, e.g. `aws eks list-clusters`. */
  command: z.string().startsWith('aws '),
});
export type CliHint = z.infer<typeof CliHintSchema>;

export const ContextCostSchema = z.object({
  tokens: z.number().int().nonnegative(),
  /** `static`: from description sizes by the documented formula; `measured`: from a live tools/list; `assumed`: no facts (remote server). */
  source: z.enum(['static', 'measured', 'assumed']),
  /** How the number was obtained, in words. */
  basis: z.string(),
});
export type ContextCost = z.infer<typeof ContextCostSchema>;

/** One server as the kits use it: facts plus what we know about running it. */
export const CatalogServerSchema = z.object({
  /** Short id used in kits and instance names: `eks`, `cloudwatch`, `aws-api`... */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: z.string(),
  transport: z.enum(['stdio', 'http']),
  /** PyPI package and pinned version (stdio servers). */
  package: z.string().optional(),
  version: z.string().optional(),
  /** The console script to run (when it differs from the package name, `uvx --from pkg==v script`). */
  script: z.string().optional(),
  /** Remote servers: the endpoint. */
  url: z.string().url().optional(),
  /** Every flag the server's argparse accepts; any other flag makes it exit at start. */
  acceptedFlags: z.array(z.string()),
  /** The environment variable the server reads the profile from (`AWS_PROFILE`, or `AWS_API_MCP_PROFILE_NAME`); absent: needs no AWS credentials. */
  profileEnv: z.string().optional(),
  regionEnv: z.string().optional(),
  /** The server also accepts `--profile` / `--region` flags (prometheus). */
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
  /** The AWS CLI commands that answer the usual single-service questions without any server. */
  cliHints: z.array(CliHintSchema),
  /** A read-only IAM probe for `awsmcp doctor`: SDK client, operation and the CLI equivalent. */
  probe: z
    .object({ service: z.string(), operation: z.string(), cli: z.string() })
    .optional(),
});
export type CatalogServer = z.infer<typeof CatalogServerSchema>;

export const CatalogSchema = z.object({
  source: z.object({ source: z.string(), commit: z.string(), commitDate: z.string() }),
  servers: z.array(CatalogServerSchema),
});
export type Catalog = z.infer<typeof CatalogSchema>;
