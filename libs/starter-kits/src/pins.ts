/** Version pins: which catalog pins are older than a newer facts file (for a renovate-style update). */
import { z } from 'zod';
import { getCatalog } from './catalog/catalog';
import type { Catalog } from './catalog/schema';

/** Numeric comparison of dotted versions (`0.1.10` > `0.1.9`); a pre-release suffix sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const split = (v: string) => {
    const [main, pre] = v.split(/-(.*)/s);
    return { nums: main.split('.').map((n) => Number.parseInt(n, 10) || 0), pre };
  };
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < Math.max(x.nums.length, y.nums.length); i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}

const FactsFileSchema = z.object({ servers: z.array(z.object({ package: z.string(), version: z.string() }).loose()) }).loose();

export interface OutdatedPin {
  id: string;
  package: string;
  pinned: string;
  available: string;
}

/** Catalog pins older than the versions in `facts` (the shape of awslabs-mcp-servers.json). */
export function outdatedPins(facts: unknown, catalog: Catalog = getCatalog()): OutdatedPin[] {
  const parsed = FactsFileSchema.parse(facts);
  const out: OutdatedPin[] = [];
  for (const s of catalog.servers) {
    if (!s.package || !s.version) continue;
    const newer = parsed.servers.find((f) => f.package === s.package);
    if (newer && compareVersions(newer.version, s.version) > 0) out.push({ id: s.id, package: s.package, pinned: s.version, available: newer.version });
  }
  return out;
}
