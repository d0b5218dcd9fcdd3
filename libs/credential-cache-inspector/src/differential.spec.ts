/**
 * Differential test against botocore: fast-check generates homes and cache states; botocore itself
 * (python3, botocore_oracle.py: no process run, no network) gives, for each profile, the provider
 * (`Credentials.method`) or the exception class; the inspector's `provider` / `failure` must agree.
 * At least 1,000 homes per run (AWSMCP_DIFF_HOMES raises it), 0 disagreements. Deliberate
 * differences are named in DIFFERENCES (docs/credential-cache-inspector.md) with their own tests.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { loadProfiles } from '@awsmcp/aws-config-parser';
import { inspectProfiles, loginCacheKey } from './index';
import { cleanupHomes, makeHome, writeCache, CANARY } from './__fixtures__/homes';
import { homeArbitrary, homeFiles, loginCacheBody, type GeneratedHome } from './__fixtures__/generated-homes';
import { askBotocore, type OracleAnswer } from './__fixtures__/oracle';

afterAll(cleanupHomes);

const NOW = Date.parse('2026-11-25T09:00:00Z');
const HOMES = Math.max(1000, Number(process.env.AWSMCP_DIFF_HOMES ?? 0) || 0);
const BATCH = 250;

interface Written {
  home: string;
  generated: GeneratedHome;
  names: string[];
}

function write(generated: GeneratedHome): Written {
  const files = homeFiles(generated);
  const home = makeHome({ config: files.config, credentials: files.credentials });
  for (const [session, state] of Object.entries(generated.loginCaches)) {
    const body = loginCacheBody(state, '2026-11-25T10:00:00Z');
    if (body) writeCache(path.join(home, '.aws/login/cache'), loginCacheKey(session).key, body);
  }
  return { home, generated, names: generated.profiles.map((p) => p.name) };
}

/** Ours, in the oracle's vocabulary. */
function ours(w: Written): Record<string, OracleAnswer> {
  const set = loadProfiles({ home: w.home, env: { HOME: w.home } });
  const out: Record<string, OracleAnswer> = {};
  for (const s of inspectProfiles(set, { home: w.home, env: { HOME: w.home }, now: NOW, profiles: w.names, runtime: 'botocore', crt: w.generated.crt })) {
    out[s.profile] = s.failure ? { error: s.failure.exception, message: s.failure.message } : { method: s.provider ?? null };
  }
  return out;
}

const comparable = (a: OracleAnswer) => ('error' in a ? { error: a.error } : { method: a.method });

describe('differential: the provider botocore picks, on generated homes', () => {
  it(`agrees with botocore on ${HOMES} generated homes`, () => {
    const samples = fc.sample(homeArbitrary, { numRuns: HOMES, seed: Number(process.env.AWSMCP_DIFF_SEED ?? 20261202) });
    const disagreements: string[] = [];
    let profiles = 0;
    for (let i = 0; i < samples.length; i += BATCH) {
      const written = samples.slice(i, i + BATCH).map(write);
      const theirs = askBotocore(written.map((w) => ({ home: w.home, profiles: w.names, crt: w.generated.crt })));
      written.forEach((w, j) => {
        const mine = ours(w);
        for (const name of w.names) {
          profiles++;
          const a = comparable(mine[name]);
          const b = comparable(theirs[j][name]);
          if (JSON.stringify(a) !== JSON.stringify(b)) {
            const files = homeFiles(w.generated);
            disagreements.push(`profile ${name} (crt ${w.generated.crt}): ours ${JSON.stringify(mine[name])}, botocore ${JSON.stringify(theirs[j][name])}\n--- config\n${files.config}\n--- credentials\n${files.credentials}`);
          }
        }
      });
      cleanupHomes();
    }
    expect(disagreements.slice(0, 3)).toEqual([]);
    expect(profiles).toBeGreaterThan(HOMES);
  });

  it('no secret reaches any status', () => {
    const [sample] = fc.sample(homeArbitrary, { numRuns: 1, seed: 7 });
    const w = write(sample);
    const set = loadProfiles({ home: w.home, env: { HOME: w.home } });
    const text = JSON.stringify(inspectProfiles(set, { home: w.home, env: { HOME: w.home }, now: NOW, crt: true }));
    expect(text).not.toContain(CANARY);
    expect(fs.existsSync(w.home)).toBe(true);
  });
});
