/** Version pins: which catalog pins are older than a newer facts file (for a renovate-style update). */
import { compare, valid } from '@renovatebot/pep440';
import { z } from 'zod';
import { getCatalog } from './catalog/catalog';
import type { Catalog } from './catalog/schema';

/**
 * Compare two package versions as PyPI orders them (PEP 440, by @renovatebot/pep440):
 * `0.1.10` > `0.1.9`, `0.1.10rc1` < `0.1.10`, `1.0.0.post1` > `1.0.0`, `1.0.0rc10` > `1.0.0rc9`,
 * `1.0` = `1.0.0`; npm-style `1.0.0-rc.1` reads as `1.0.0rc1`. Returns -1, 0 or 1.
 * A version PEP 440 cannot read throws an Error naming it.
 */
export function compareVersions(a: string, b: string): number {
  for (const v of [a, b]) if (valid(v) === null) throw new Error(`compareVersions: '${v}' is not a PEP 440 version (expected e.g. 1.2.3, 1.2.3rc1, 1.2.3.post1)`);
  return Math.sign(compare(a, b));
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
