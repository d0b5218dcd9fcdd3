import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadProfiles, type ProfileSet } from '@awsmcp/aws-config-parser';
import fc from 'fast-check';
import { cacheDirectories, inspectEach, ssoTokenCacheKey, type InspectOptions, type InspectSummary, type ProfileStatus } from './index';
import { cleanupHomes, iso, makeHome, refreshable, ssoToken, writeCache } from './__fixtures__/homes';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { seedDemoCaches } = require('../../../tools/demo/seed-caches') as { seedDemoCaches: (home: string, now?: Date) => { files: string[] } };

afterAll(cleanupHomes);

const SEEDED = Date.UTC(2026, 10, 25, 10, 0, 0);
const MINUTE = 60_000;
const DAY = 86_400_000;

function inspectAll(set: ProfileSet, options: InspectOptions): { statuses: ProfileStatus[]; summary: InspectSummary } {
  const statuses: ProfileStatus[] = [];
  const summary = inspectEach(set, options, (s) => statuses.push(s));
  return { statuses, summary };
}

/** A status as the contract keeps it: the countdowns recomputed for `nowMs`, `reason` left out. */
function at(s: ProfileStatus | NonNullable<ProfileStatus['source']>, nowMs: number): Record<string, unknown> {
  const { reason: _reason, ...rest } = s as ProfileStatus;
  const out: Record<string, unknown> = { ...rest };
  if (s.expiresAt !== undefined) out.ttlSeconds = Math.floor((Date.parse(s.expiresAt) - nowMs) / 1000);
  const full = s as ProfileStatus;
  if (full.source) out.source = at(full.source, nowMs);
  if (full.cacheFiles) out.cacheFiles = full.cacheFiles.map((f) => (f.expiresAt ? { ...f, ttlSeconds: Math.floor((Date.parse(f.expiresAt) - nowMs) / 1000) } : f));
  return out;
}

describe('inspectEach summary: what the statuses were read from and how long they hold', () => {
  const home = makeHome({ demo: true });
  seedDemoCaches(home, new Date(SEEDED));
  const set = loadProfiles({ home });

  it('statuses stay the same (but for countdowns and reasons) until stableUntilMs, for any start time', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2 * DAY, max: 100 * DAY }), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.boolean(), (offset, fraction, cacheFiles) => {
        const t0 = SEEDED + offset;
        const first = inspectAll(set, { home, now: t0, cacheFiles });
        const until = first.summary.stableUntilMs ?? t0 + 400 * DAY;
        expect(until).toBeGreaterThan(t0);
        const t1 = Math.min(t0 + Math.floor((until - t0) * fraction), until - 1);
        const later = inspectAll(set, { home, now: t1, cacheFiles });
        expect(later.statuses.map((s) => at(s, t1))).toEqual(first.statuses.map((s) => at(s, t1)));
      }),
      { numRuns: 150 },
    );
  });

  it('each horizon is a real change, or one second before one (an expiry in whole seconds)', () => {
    let t = SEEDED - 2 * DAY;
    const horizons: number[] = [];
    const changes: number[] = [];
    const visible = (s: ProfileStatus) => `${s.light} ${s.status} ${s.nextStep}`;
    for (;;) {
      const { statuses, summary } = inspectAll(set, { home, now: t, cacheFiles: false });
      if (summary.stableUntilMs === undefined) break;
      const next = summary.stableUntilMs;
      horizons.push(next);
      const after = inspectAll(set, { home, now: next, cacheFiles: false }).statuses;
      if (after.some((s, i) => visible(s) !== visible(statuses[i]))) changes.push(next);
      t = next;
    }
    expect(changes.length).toBeGreaterThan(3);
    // a light that turns red at an expiry `ms` already did at `ms - 999` when the status expired
    for (const h of horizons) expect(changes.some((c) => c === h || c === h - 999)).toBe(true);
  });

  it('lists the cache files read, the folders listed for missing ones, and web identity token files', () => {
    const { summary } = inspectAll(set, { home, now: SEEDED, runtime: 'js-sdk' });
    const dirs = cacheDirectories({ home, env: {} });
    const inputs = new Set(summary.inputs);
    expect(inputs.has(dirs.ssoCache)).toBe(true);
    expect(inputs.has(dirs.cliCache)).toBe(true);
    for (const f of summary.inputs) if (f.startsWith(dirs.ssoCache + path.sep)) expect(fs.existsSync(f)).toBe(true);
    const tokenFiles = Object.values(set.profiles)
      .map((p) => p.properties.web_identity_token_file)
      .filter((f): f is string => !!f);
    expect(tokenFiles.length).toBeGreaterThan(0);
    for (const f of tokenFiles) expect(inputs.has(f)).toBe(true);
  });

  it('a refreshable token holds until its registration nears its end, not its 1-hour access token', () => {
    const h = makeHome({ config: '[sso-session s]\nsso_start_url = https://example.awsapps.com/start\nsso_region = eu-west-1\n[profile p]\nsso_session = s\nsso_account_id = 111111111111\nsso_role_name = R\n' });
    const dirs = cacheDirectories({ home: h, env: {} });
    writeCache(dirs.ssoCache, ssoTokenCacheKey({ ssoSession: 's' }).key, ssoToken(iso(SEEDED + 60 * MINUTE), refreshable(iso(SEEDED + 30 * DAY))));
    const s = loadProfiles({ home: h });
    const { statuses, summary } = inspectAll(s, { home: h, now: SEEDED, cacheFiles: false });
    expect(statuses[0]).toMatchObject({ light: 'green', refreshesItself: true });
    expect(summary.stableUntilMs).toBe(SEEDED + 30 * DAY - 30 * MINUTE);
  });

  it('nothing that expires: no stableUntilMs', () => {
    const h = makeHome({ config: '[profile p]\ncredential_process = /bin/true\n', credentials: '[static]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = x\n' });
    const { summary } = inspectAll(loadProfiles({ home: h }), { home: h, now: SEEDED });
    expect(summary.stableUntilMs).toBeUndefined();
  });
});
