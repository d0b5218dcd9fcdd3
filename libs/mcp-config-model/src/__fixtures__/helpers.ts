// Test helpers (not part of the package build).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Catalog } from '../lint/catalog';
import { parseTree } from 'jsonc-parser';
import type { JsonPath } from '../errors';
import { findNode } from '../text/jsonc-edit';

export const CANARY = 'CANARY-SECRET-7f3a9b2c1d';
export const CANARY_KEY_ID = 'AKIAZZZZCANARY7F3A9B';

export function tempDir(prefix = 'mcp-config-model-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function write(file: string, text: string | Buffer): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

/** Offset range of the member at `path` (the property, key included, or the array element). */
export function memberSpan(text: string, jsonPath: JsonPath): { start: number; end: number } {
  const root = parseTree(text, [], { allowTrailingComma: true });
  const node = root && findNode(root, jsonPath);
  if (!node) throw new Error(`no node at ${JSON.stringify(jsonPath)}`);
  const item = node.parent?.type === 'property' ? node.parent : node;
  return { start: item.offset, end: item.offset + item.length };
}

export function memberText(text: string, jsonPath: JsonPath): string {
  const s = memberSpan(text, jsonPath);
  return text.slice(s.start, s.end);
}

/** The region that differs between two texts: [start, endA) in `a` was replaced by [start, endB) in `b`. */
export function changedRegion(a: string, b: string): { start: number; endA: number; endB: number } {
  let s = 0;
  while (s < a.length && s < b.length && a[s] === b[s]) s++;
  let e = 0;
  while (e < a.length - s && e < b.length - s && a[a.length - 1 - e] === b[b.length - 1 - e]) e++;
  return { start: s, endA: a.length - e, endB: b.length - e };
}

export const catalogPath = path.join(__dirname, 'awslabs-mcp-servers.json');
/** Servers whose console script calls argparse `parse_args()` (an unknown flag makes them exit at start). */
const REJECTS_UNKNOWN = ['awslabs.eks-mcp-server', 'awslabs.prometheus-mcp-server', 'awslabs.iam-mcp-server', 'awslabs.aws-serverless-mcp-server', 'awslabs.ccapi-mcp-server'];

/** The fixture facts in the lint `Catalog` shape (the shape `getCatalog()` of @awsmcp/starter-kits has). */
export function loadCatalog(): Catalog {
  const raw = JSON.parse(fs.readFileSync(catalogPath, 'utf8')) as { servers: { package: string; version: string; cliFlags: string[] }[] };
  return {
    servers: raw.servers.map((s) => ({
      package: s.package,
      version: s.version,
      acceptedFlags: s.cliFlags,
      rejectsUnknownFlags: REJECTS_UNKNOWN.includes(s.package),
      ...(s.package === 'awslabs.ccapi-mcp-server' ? { deprecated: 'This server is deprecated', supersededBy: 'iac' } : {}),
    })),
  };
}
