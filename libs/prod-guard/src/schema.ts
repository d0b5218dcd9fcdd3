/**
 * schema: the zod schemas every other module builds on. The types are inferred from them, never
 * written twice.
 *
 * zod is loaded, and each schema built, on first use (a schema is a lazy stand-in for the real one
 * until a property of it is read): loading zod costs ~40 ms, and the hot paths (reading a tags file,
 * classifying profiles) validate with {@link parseTagValue} instead, which gives the same result.
 */
import type { z } from 'zod';

type Zod = typeof import('zod');
let zodModule: Zod | undefined;
function zod(): Zod['z'] {
  zodModule ??= require('zod') as Zod;
  return zodModule.z;
}

/**
 * A stand-in that builds the real value on first use and then forwards every operation to it
 * (zod's methods are closures over their schema, so calling them through the stand-in is exact).
 */
function lazy<T extends object>(build: () => T): T {
  let real: T | undefined;
  const get = (): T => (real ??= build());
  return new Proxy(Object.create(null) as T, {
    get: (_t, key) => Reflect.get(get(), key),
    set: (_t, key, value) => Reflect.set(get(), key, value),
    has: (_t, key) => Reflect.has(get(), key),
    ownKeys: () => Reflect.ownKeys(get()),
    getOwnPropertyDescriptor: (_t, key) => {
      const d = Reflect.getOwnPropertyDescriptor(get(), key);
      // the stand-in's own target has no such property: report it configurable (a Proxy invariant)
      if (d) d.configurable = true;
      return d;
    },
    defineProperty: (_t, key, d) => Reflect.defineProperty(get(), key, d),
    deleteProperty: (_t, key) => Reflect.deleteProperty(get(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(get()),
  });
}

/** The environments the guard knows. Anything else in the tags file is a custom label. */
export const ENVIRONMENTS = ['prod', 'staging', 'dev', 'sandbox', 'shared-services'] as const;
export const EnvironmentSchema = lazy(() => zod().enum(ENVIRONMENTS));
export type Environment = z.infer<typeof EnvironmentSchema>;

/**
 * Spellings accepted in the tags file for the known environments (compared lower-cased), so that
 * `production` or `Prod` in the file means `prod` and can never slip through as a custom label.
 */
export const TAG_ALIASES: Readonly<Record<string, Environment>> = Object.freeze(
  // no prototype: a word like `constructor` or `toString` is not an environment
  Object.assign(Object.create(null) as Record<string, Environment>, {
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
}),
);

const TAG_VALUE_EMPTY = 'expected an environment (prod, staging, dev, sandbox, shared-services) or a custom label, got an empty string';
const TAG_VALUE_BAD_LABEL = 'a custom label uses only letters, digits, "-", "_", ".", "/" and ":" (at most 64 characters)';

/** A custom label: starts with a letter or digit, then letters, digits, `-`, `_`, `.`, `/` or `:`; at most 64. */
export const CUSTOM_LABEL = /^[A-Za-z0-9][A-Za-z0-9._/:-]{0,63}$/;

/**
 * One tag value as written in the file -> the stored value: a known environment (aliases and case
 * folded) or the custom label exactly as written.
 */
export const TagValueSchema = lazy(() =>
  zod()
    .string()
    .trim()
    .min(1, { error: TAG_VALUE_EMPTY })
    .refine((v) => TAG_ALIASES[v.toLowerCase()] !== undefined || CUSTOM_LABEL.test(v), { error: TAG_VALUE_BAD_LABEL })
    .transform((v) => TAG_ALIASES[v.toLowerCase()] ?? v),
);
export type TagValue = z.output<typeof TagValueSchema>;

/**
 * `TagValueSchema.safeParse(value)` without zod, for a string: the same stored value, or the same
 * first issue message (a test checks both agree on any string). The tags file reads every value
 * through this.
 */
export function parseTagValue(value: string): { success: true; data: TagValue } | { success: false; message: string } {
  const v = value.trim();
  if (v.length < 1) return { success: false, message: TAG_VALUE_EMPTY };
  if (!(TAG_ALIASES[v.toLowerCase()] !== undefined || CUSTOM_LABEL.test(v))) return { success: false, message: TAG_VALUE_BAD_LABEL };
  return { success: true, data: TAG_ALIASES[v.toLowerCase()] ?? v };
}

/** Where a host file applies: one workspace, every workspace of the user, or one project in a user file (Claude Code `local`). */
export const HostScopeSchema = lazy(() => zod().enum(['workspace', 'user', 'local']));
export type HostScope = z.infer<typeof HostScopeSchema>;

/**
 * An MCP server entry as this package needs to see it. Structural on purpose: an entry from
 * `@awsmcp/mcp-config-model` (or any object with these fields) fits, extra fields are kept.
 */
export const McpServerSchema = lazy(() => {
  const z = zod();
  return z.looseObject({
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
});
export type McpServerLike = z.infer<typeof McpServerSchema>;
