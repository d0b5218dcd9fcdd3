/**
 * schema: the zod schemas every other module builds on. The types are inferred from them, never
 * written twice.
 */
import { z } from 'zod';

/** The environments the guard knows. Anything else in the tags file is a custom label. */
export const ENVIRONMENTS = ['prod', 'staging', 'dev', 'sandbox', 'shared-services'] as const;
export const EnvironmentSchema = z.enum(ENVIRONMENTS);
export type Environment = z.infer<typeof EnvironmentSchema>;

/**
 * Spellings accepted in the tags file for the known environments (compared lower-cased), so that
 * `production` or `Prod` in the file means `prod` and can never slip through as a custom label.
 */
export const TAG_ALIASES: Readonly<Record<string, Environment>> = Object.freeze({
  prod: 'prod',
  production: 'prod',
  prd: 'prod',
  live: 'prod',
  staging: 'staging',
  stage: 'staging',
  stg: 'staging',
  preprod: 'staging',
  'pre-prod': 'staging',
  uat: 'staging',
  dev: 'dev',
  development: 'dev',
  sandbox: 'sandbox',
  sbx: 'sandbox',
  playground: 'sandbox',
  'shared-services': 'shared-services',
  shared_services: 'shared-services',
  sharedservices: 'shared-services',
  shared: 'shared-services',
});

/** A custom label: starts with a letter or digit, then letters, digits, `-`, `_`, `.`, `/` or `:`; at most 64. */
export const CUSTOM_LABEL = /^[A-Za-z0-9][A-Za-z0-9._/:-]{0,63}$/;

/**
 * One tag value as written in the file -> the stored value: a known environment (aliases and case
 * folded) or the custom label exactly as written.
 */
export const TagValueSchema = z
  .string()
  .trim()
  .min(1, { error: 'expected an environment (prod, staging, dev, sandbox, shared-services) or a custom label, got an empty string' })
  .refine((v) => TAG_ALIASES[v.toLowerCase()] !== undefined || CUSTOM_LABEL.test(v), {
    error: 'a custom label uses only letters, digits, "-", "_", ".", "/" and ":" (at most 64 characters)',
  })
  .transform((v) => TAG_ALIASES[v.toLowerCase()] ?? v);
export type TagValue = z.output<typeof TagValueSchema>;

/** Where a host file applies: one workspace, every workspace of the user, or one project in a user file (Claude Code `local`). */
export const HostScopeSchema = z.enum(['workspace', 'user', 'local']);
export type HostScope = z.infer<typeof HostScopeSchema>;

/**
 * An MCP server entry as this package needs to see it. Structural on purpose: an entry from
 * `@awsmcp/mcp-config-model` (or any object with these fields) fits, extra fields are kept.
 */
export const McpServerSchema = z.looseObject({
  /** The entry's key in the host file, e.g. `eks` or `aws-api-prod`. */
  name: z.string().min(1),
  command: z.string().optional(),
  args: z.array(z.string()).optional(),
  env: z.record(z.string(), z.string()).optional(),
  scope: HostScopeSchema.optional(),
  /** The host file the entry lives in. */
  file: z.string().optional(),
  /** The host, e.g. `vscode`, `claude-code`, `cursor`. */
  host: z.string().optional(),
  /** The server's package when known, e.g. `awslabs.aws-api-mcp-server`. */
  package: z.string().optional(),
});
export type McpServerLike = z.infer<typeof McpServerSchema>;
