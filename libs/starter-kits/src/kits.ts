/** The built-in kits and user-defined kits from a YAML file in the workspace. */
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { findServer, getCatalog } from './catalog/catalog';
import type { Catalog } from './catalog/schema';
import { KitError } from './errors';
import { didYouMean } from './suggest';

export const KitSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
  description: z.string(),
  /** Catalog server ids, in the order they are written. */
  servers: z.array(z.string().min(1)).min(1, 'a kit needs at least one server'),
});
export type Kit = z.infer<typeof KitSchema>;

export const BUILTIN_KITS: readonly Kit[] = [
  { name: 'eks-debug', description: 'Debug EKS workloads: cluster, pods, events, logs and metrics', servers: ['eks', 'cloudwatch'] },
  { name: 'observe', description: 'Alarms, logs, metrics and PromQL', servers: ['cloudwatch', 'prometheus'] },
  { name: 'knowledge', description: 'AWS documentation, your Bedrock knowledge bases and the remote, credential-free aws-knowledge server', servers: ['aws-documentation', 'bedrock-kb', 'aws-knowledge'] },
  { name: 'deploy', description: 'Any AWS API call (the managed AWS MCP Server through mcp-proxy-for-aws), SAM and Lambda', servers: ['aws-mcp', 'serverless'] },
  { name: 'cost', description: 'Cost Explorer, budgets and billing', servers: ['billing-cost-management'] },
];

/** The YAML file teams use to define their own kits, at the workspace root. */
export const KITS_FILE = 'awsmcp-kits.yaml';

const KitsFileSchema = z.object({
  kits: z.record(
    z.string().regex(/^[a-z][a-z0-9-]*$/, 'kit names use lower-case letters, digits and dashes'),
    z
      .object({
        description: z.string({ error: 'description: a line of text' }).default(''),
        servers: z
          .array(z.string({ error: 'a server id, e.g. eks' }).min(1), { error: 'servers: a list of catalog server ids, e.g. [eks, cloudwatch]' })
          .min(1, 'a kit needs at least one server'),
      }, { error: 'a kit: { description, servers }' })
      .strict(),
    { error: 'kits: a map of kit names to { description, servers }' },
  ),
}, { error: 'the file holds one key, kits: a map of kit names to { description, servers }' }).strict();

/** The keys the kits file knows, per level: a mistyped key is named with the closest known one. */
const FILE_KEYS = ['kits'];
const KIT_KEYS = ['description', 'servers'];

/**
 * Parse a kits file. Errors (YAML syntax, schema, unknown server ids) are a {@link KitError} naming
 * `file:line:column` and what was expected.
 */
export function parseKitsFile(text: string, file = KITS_FILE, catalog: Catalog = getCatalog()): Kit[] {
  if (text.trim() === '') return [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number | undefined): string => {
    const pos = lineCounter.linePos(offset ?? 0);
    return `${file}:${pos.line}:${pos.col}`;
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new KitError('KITS_FILE_SYNTAX', `${at(e.pos[0])}: ${e.message.split('\n')[0]}`);
  }
  // a mistyped key (`server:`, `kit:`, `descripton:`): name it, the keys expected there and the closest one
  const unknownKey = (map: unknown, known: readonly string[], where: string): void => {
    if (!isMap(map)) return;
    for (const pair of map.items) {
      if (!isScalar(pair.key) || known.includes(String(pair.key.value))) continue;
      const key = String(pair.key.value);
      throw new KitError('KITS_FILE_INVALID', `${at(pair.key.range?.[0])}: unknown key '${key}'${where}; expected ${known.join(', ')}${didYouMean(key, known)}`);
    }
  };
  unknownKey(doc.contents, FILE_KEYS, '');
  const kitsNode = isMap(doc.contents) ? doc.contents.get('kits', true) : undefined;
  if (isMap(kitsNode)) {
    for (const pair of kitsNode.items) if (isScalar(pair.key)) unknownKey(pair.value, KIT_KEYS, ` in kit '${String(pair.key.value)}'`);
  }
  const parsed = KitsFileSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path as (string | number)[];
    let range: number[] | undefined;
    let message = issue.message;
    if (issue.code === 'invalid_key') {
      // a bad key: point at the key itself, with the key schema's own message
      const parent = doc.getIn(path.slice(0, -1), true);
      const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]) : undefined;
      range = isScalar(pair?.key) ? pair.key.range ?? undefined : undefined;
      message = issue.issues[0]?.message ?? message;
    } else {
      // the offending node, or (for a missing or unknown key) its parent
      const node = path.length ? doc.getIn(path, true) : doc.contents;
      const fallback = doc.getIn(path.slice(0, -1), true);
      range = (node as { range?: number[] } | undefined)?.range ?? (fallback as { range?: number[] } | undefined)?.range;
    }
    const where = path.length ? ` (${path.join('.')})` : '';
    throw new KitError('KITS_FILE_INVALID', `${at(range?.[0])}: ${message}${where}`);
  }
  const kits: Kit[] = [];
  for (const [name, def] of Object.entries(parsed.data.kits)) {
    def.servers.forEach((id, i) => {
      if (!findServer(id, catalog)) {
        const node = doc.getIn(['kits', name, 'servers', i], true) as { range?: number[] } | undefined;
        const ids = catalog.servers.map((s) => s.id);
        throw new KitError('UNKNOWN_SERVER', `${at(node?.range?.[0])}: unknown server '${id}' in kit '${name}'; expected one of ${ids.join(', ')}${didYouMean(id, ids)}`);
      }
    });
    kits.push({ name, description: def.description, servers: def.servers });
  }
  return kits;
}

/** A kit by name, from the built-ins and the given user kits (user kits win). */
export function findKit(name: string, userKits: readonly Kit[] = []): Kit {
  const kit = userKits.find((k) => k.name === name) ?? BUILTIN_KITS.find((k) => k.name === name);
  if (!kit) {
    const names = [...new Set([...BUILTIN_KITS, ...userKits].map((k) => k.name))];
    throw new KitError('UNKNOWN_KIT', `unknown kit '${name}'; valid kits: ${names.join(', ')}${didYouMean(name, names)}`);
  }
  return kit;
}
