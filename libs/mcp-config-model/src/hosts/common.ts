/** Pieces shared by the host adapters: entry schemas and serialization. */
import { z } from 'zod';
import { ConfigEditError } from '../errors';
import { TransportSchema, type ServerSpec, type Transport } from '../model/schema';
import type { FieldMap } from './types';

const StringArray = z.array(z.string(), { error: 'expected an array of strings' });
const StringMap = z.record(z.string(), z.string(), { error: 'expected an object whose values are strings' });
/** VS Code: "env values can be strings, numbers, or null". */
const LenientEnv = z.record(z.string(), z.union([z.string(), z.number(), z.null()]), { error: 'expected an object whose values are strings, numbers or null' });

export interface EntrySchemaOptions {
  typeRequired: boolean;
  transports: readonly Transport[];
  /** Kiro documents `args` as required for local servers. */
  argsRequired?: boolean;
  envFile?: boolean;
  /** Env values may also be numbers or null (VS Code). */
  lenientEnv?: boolean;
}

/** Schema of one server entry: stdio needs `command`, http / sse need `url`; unknown keys pass. */
export function entrySchema(opts: EntrySchemaOptions): z.ZodType {
  const type = z.enum(opts.transports as [Transport, ...Transport[]], {
    error: `expected "type" to be one of ${opts.transports.map((t) => `"${t}"`).join(', ')}`,
  });
  return z
    .object({
      type: opts.typeRequired ? type : type.optional(),
      command: z.string({ error: 'expected "command" to be a string' }).min(1, 'expected a non-empty "command"').optional(),
      args: StringArray.optional(),
      env: (opts.lenientEnv ? LenientEnv : StringMap).optional(),
      envFile: opts.envFile ? z.string({ error: 'expected "envFile" to be a string' }).optional() : z.unknown().optional(),
      url: z.string({ error: 'expected "url" to be a string' }).min(1, 'expected a non-empty "url"').optional(),
      headers: StringMap.optional(),
    })
    .loose()
    .superRefine((v, ctx) => {
      const transport = inferTransport(v);
      if (!opts.transports.includes(transport)) {
        ctx.addIssue({ code: 'custom', path: [], message: `expected a ${opts.transports.join(' or ')} server: this host does not run ${transport} servers` });
      } else if (transport === 'stdio') {
        if (v.command === undefined) {
          ctx.addIssue({ code: 'custom', path: [], message: opts.transports.includes('http') ? 'expected "command" (a local stdio server) or "url" (a remote server)' : 'expected "command": this host only runs local (stdio) servers' });
        } else if (opts.argsRequired && v.args === undefined) {
          ctx.addIssue({ code: 'custom', path: [], message: 'expected "args" (an array of strings): this host requires it for local servers' });
        }
      } else if (v.url === undefined) {
        ctx.addIssue({ code: 'custom', path: [], message: `expected "url" for a ${transport} server` });
      }
    });
}

/** `type` when given (any known transport), else `http` with a url, else `stdio`. */
export function inferTransport(v: { type?: unknown; url?: unknown }): Transport {
  const parsed = TransportSchema.safeParse(v.type);
  if (parsed.success) return parsed.data;
  return typeof v.url === 'string' ? 'http' : 'stdio';
}

export interface SerializeOptions {
  /** Write `type` always, only for non-stdio entries, or never. */
  type: 'always' | 'remote' | 'never';
  transports: readonly Transport[];
  hostName: string;
  /** Always write `args` for stdio entries (Kiro requires it). */
  alwaysArgs?: boolean;
}

export function serializeEntry(spec: ServerSpec, opts: SerializeOptions): Record<string, unknown> {
  const transport = spec.transport ?? (spec.url !== undefined && spec.command === undefined ? 'http' : 'stdio');
  if (!opts.transports.includes(transport)) {
    throw new ConfigEditError(`${opts.hostName} does not support ${transport} servers (server "${spec.name}")`);
  }
  const out: Record<string, unknown> = {};
  if (opts.type === 'always' || (opts.type === 'remote' && transport !== 'stdio')) out.type = transport;
  if (transport === 'stdio') {
    out.command = spec.command;
    if (spec.args !== undefined || opts.alwaysArgs) out.args = spec.args ?? [];
    if (spec.env !== undefined) out.env = spec.env;
    if (spec.envFile !== undefined) out.envFile = spec.envFile;
  } else {
    out.url = spec.url;
    if (spec.headers !== undefined) out.headers = spec.headers;
  }
  for (const [k, v] of Object.entries(spec.extra ?? {})) if (!(k in out)) out[k] = v;
  return out;
}

// ---- field maps: the host's entry shape <-> the canonical entry ------------------------------

/** The canonical shape (VS Code, Claude Code, Cursor, Kiro, Amazon Q, Claude Desktop use it as is). */
export const CANONICAL_FIELDS: FieldMap = { type: 'type', command: 'command', args: 'args', env: 'env', url: 'url', headers: 'headers', envFile: 'envFile' };

type CanonicalField = 'type' | 'command' | 'args' | 'env' | 'url' | 'headers' | 'envFile';
const CANONICAL_KEYS: readonly CanonicalField[] = ['type', 'command', 'args', 'env', 'url', 'headers', 'envFile'];

function canonicalTransport(fields: FieldMap, name: string): string {
  for (const [t, n] of Object.entries(fields.typeNames ?? {})) if (n === name) return t;
  return fields.typeAliases?.[name] ?? name;
}

/**
 * A host entry as the canonical entry: fields renamed per the field map, an opencode command
 * array split into `command` + `args`, the host's transport names mapped to `stdio` / `http` /
 * `sse`. Keys the map does not name are kept under their own names.
 */
export function toCanonical(host: { fields: FieldMap; decode?: (raw: Record<string, unknown>) => Record<string, unknown> }, raw: Record<string, unknown>): Record<string, unknown> {
  if (host.decode) return host.decode(raw);
  const f = host.fields;
  if (f === CANONICAL_FIELDS) return raw;
  const out: Record<string, unknown> = {};
  const used = new Set<string>();
  const take = (hostKey: string | null | undefined, canon: CanonicalField) => {
    if (hostKey && Object.prototype.hasOwnProperty.call(raw, hostKey)) {
      used.add(hostKey);
      out[canon] = raw[hostKey];
    }
  };
  take(f.type, 'type');
  if (f.commandArray) {
    if (Object.prototype.hasOwnProperty.call(raw, f.command)) {
      used.add(f.command);
      const c = raw[f.command];
      if (Array.isArray(c)) {
        out.command = c[0];
        out.args = c.slice(1);
      } else out.command = c;
    }
  } else {
    take(f.command, 'command');
    take(f.args, 'args');
  }
  take(f.env, 'env');
  take(f.url, 'url');
  take(f.headers, 'headers');
  take(f.envFile, 'envFile');
  if (typeof out.type === 'string') out.type = canonicalTransport(f, out.type);
  for (const [k, v] of Object.entries(raw)) if (!used.has(k) && !(k in out)) out[k] = v;
  return out;
}

/** The path inside a host entry of a canonical path (`['env', 'AWS_PROFILE']` -> Goose `['envs', 'AWS_PROFILE']`). */
export function toHostPath(host: { fields: FieldMap }, segs: readonly (string | number)[]): (string | number)[] {
  const f = host.fields;
  if (f === CANONICAL_FIELDS || segs.length === 0) return [...segs];
  const [first, ...rest] = segs;
  if (!CANONICAL_KEYS.includes(first as CanonicalField)) return [...segs];
  if (first === 'args' && f.commandArray) return [f.command, ...(typeof rest[0] === 'number' ? [rest[0] + 1, ...rest.slice(1)] : rest)];
  if (first === 'command' && f.commandArray) return [f.command, 0, ...rest];
  const key = f[first as CanonicalField];
  return [typeof key === 'string' ? key : String(first), ...rest];
}

/** Serialize a spec in the canonical shape, then rename it into the host's shape. */
export function serializeWithFields(spec: ServerSpec, opts: SerializeOptions, fields: FieldMap): Record<string, unknown> {
  const canon = serializeEntry(spec, opts);
  if (fields === CANONICAL_FIELDS) return canon;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(canon)) {
    if (k === 'type') {
      if (fields.type) out[fields.type] = fields.typeNames?.[v as Transport] ?? v;
    } else if (k === 'command' && fields.commandArray) out[fields.command] = [v, ...((canon.args as string[] | undefined) ?? [])];
    else if (k === 'args' && fields.commandArray) continue;
    else if (CANONICAL_KEYS.includes(k as CanonicalField)) {
      const key = fields[k as CanonicalField];
      if (typeof key === 'string') out[key] = v;
    } else out[k] = v;
  }
  return out;
}
