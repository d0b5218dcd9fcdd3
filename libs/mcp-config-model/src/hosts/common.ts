/** Pieces shared by the host adapters: entry schemas and serialization. */
import { z } from 'zod';
import { ConfigEditError } from '../errors';
import { TransportSchema, type ServerSpec, type Transport } from '../model/schema';

const StringArray = z.array(z.string(), { error: 'expected an array of strings' });
const StringMap = z.record(z.string(), z.string(), { error: 'expected an object whose values are strings' });

export interface EntrySchemaOptions {
  typeRequired: boolean;
  transports: readonly Transport[];
  /** Kiro documents `args` as required for local servers. */
  argsRequired?: boolean;
  envFile?: boolean;
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
      env: StringMap.optional(),
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
