import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadProfiles } from '@awsmcp/aws-config-parser';
import { cacheDirectories, nextCrossing, ssoTokenCacheKey, watch, type ProfileStatus, type WatchChange, type WatchHandle } from './index';
import { CANARY, cleanupHomes, expectNoCanary, iso, makeHome, refreshable, ssoToken } from './__fixtures__/homes';

afterAll(cleanupHomes);

const CONFIG = [
  '[sso-session corp]',
  'sso_start_url = https://corp.awsapps.com/start',
  'sso_region = eu-west-1',
  '[profile dev]',
  'sso_session = corp',
  'sso_account_id = 111111111111',
  'sso_role_name = Dev',
  '',
].join('\n');

/** Collects changes; `next(pred)` resolves with the first change (past or future) matching. */
function recorder() {
  const seen: WatchChange[] = [];
  let waiter: { pred: (c: WatchChange) => boolean; resolve: (c: WatchChange) => void } | undefined;
  return {
    seen,
    onChange(c: WatchChange) {
      seen.push(c);
      if (waiter && waiter.pred(c)) {
        waiter.resolve(c);
        waiter = undefined;
      }
    },
    next(pred: (c: WatchChange) => boolean, timeoutMs = 10_000): Promise<WatchChange> {
      const past = seen.find(pred);
      if (past) return Promise.resolve(past);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no matching change within ${timeoutMs} ms; saw ${JSON.stringify(seen.map((c) => [c.cause, c.changed.map((s) => [s.profile, s.light])]))}`)), timeoutMs);
        waiter = {
          pred,
          resolve: (c) => {
            clearTimeout(t);
            resolve(c);
          },
        };
      });
    },
  };
}

const light = (c: WatchChange, profile: string) => c.statuses.find((s) => s.profile === profile)?.light;

describe('watch', () => {
  let handle: WatchHandle | undefined;
  afterEach(() => {
    handle?.close();
    handle = undefined;
  });

  it('a new cache file flips a profile from red to green (the cache folder does not exist yet)', async () => {
    const home = makeHome({ config: CONFIG });
    const dirs = cacheDirectories({ home, env: {} });
    expect(fs.existsSync(dirs.ssoCache)).toBe(false);
    const rec = recorder();
    handle = watch(home, rec.onChange, { env: { HOME: home }, debounceMs: 50 });
    expect(handle.current().find((s) => s.profile === 'dev')).toMatchObject({ light: 'red', status: 'missing' });
    // the nearest existing parent is watched until the folder appears
    expect(handle.watchedPaths()).toEqual([path.join(home, '.aws')]);

    // what `aws sso login` does: create the folder, write a temp file, rename it into place
    fs.mkdirSync(dirs.ssoCache, { recursive: true });
    const file = path.join(dirs.ssoCache, `${ssoTokenCacheKey({ ssoSession: 'corp' }).key}.json`);
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(ssoToken(iso(Date.now() + 8 * 3600_000), refreshable(iso(Date.now() + 90 * 86400_000)))));
    fs.renameSync(`${file}.tmp`, file);

    const change = await rec.next((c) => light(c, 'dev') === 'green');
    expect(change.cause).toBe('files');
    expect(change.changed.map((s) => s.profile)).toEqual(['dev']);
    expect(change.changed[0]).toMatchObject({ status: 'valid', refreshesItself: true });
    expect(handle.watchedPaths()).toContain(dirs.ssoCache);
    expectNoCanary(rec.seen);
  }, 20_000);

  it('follows a cache folder that is deleted and created again', async () => {
    const home = makeHome({ config: CONFIG });
    const dirs = cacheDirectories({ home, env: {} });
    fs.mkdirSync(dirs.ssoCache, { recursive: true });
    const file = path.join(dirs.ssoCache, `${ssoTokenCacheKey({ ssoSession: 'corp' }).key}.json`);
    fs.writeFileSync(file, JSON.stringify(ssoToken(iso(Date.now() + 3600_000))));
    const rec = recorder();
    handle = watch(home, rec.onChange, { env: { HOME: home }, debounceMs: 50 });
    expect(light({ cause: 'refresh', statuses: handle.current(), changed: [], removed: [] }, 'dev')).toBe('green');

    fs.rmSync(path.join(home, '.aws/sso'), { recursive: true });
    await rec.next((c) => light(c, 'dev') === 'red');

    fs.mkdirSync(dirs.ssoCache, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(ssoToken(iso(Date.now() + 3600_000))));
    await rec.next((c) => light(c, 'dev') === 'green');
  }, 20_000);

  it('picks up a profile added to the config', async () => {
    const home = makeHome({ config: CONFIG });
    const rec = recorder();
    handle = watch(home, rec.onChange, { env: { HOME: home }, debounceMs: 50 });
    fs.appendFileSync(path.join(home, '.aws/config'), `[profile keys]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = ${CANARY}\n`);
    const change = await rec.next((c) => c.statuses.some((s) => s.profile === 'keys'));
    expect(change.changed.map((s) => s.profile)).toEqual(['keys']);
    expectNoCanary(change);
  }, 20_000);

  it('a timer, not file events, turns amber into red when the threshold is crossed', async () => {
    const home = makeHome({ config: CONFIG });
    const dirs = cacheDirectories({ home, env: {} });
    fs.mkdirSync(dirs.ssoCache, { recursive: true });
    // 600 s (the red threshold) + 1.5 s left: amber now, red 1.5 s from now
    fs.writeFileSync(path.join(dirs.ssoCache, `${ssoTokenCacheKey({ ssoSession: 'corp' }).key}.json`), JSON.stringify(ssoToken(new Date(Date.now() + 601_500).toISOString())));
    const rec = recorder();
    handle = watch(home, rec.onChange, { env: { HOME: home } });
    expect(handle.current()[0]).toMatchObject({ profile: 'dev', light: 'amber' });
    const change = await rec.next((c) => light(c, 'dev') === 'red', 8000);
    expect(change.cause).toBe('timer');
  }, 20_000);

  it('emits the initial state when asked, and nothing after close()', async () => {
    const home = makeHome({ config: CONFIG });
    const rec = recorder();
    const h = watch(home, rec.onChange, { env: { HOME: home }, emitInitial: true, debounceMs: 20 });
    const initial = await rec.next((c) => c.cause === 'initial');
    expect(initial.changed.map((s) => s.profile)).toEqual(['dev']);
    h.close();
    h.close(); // idempotent
    expect(h.watchedPaths()).toEqual([]);
    fs.mkdirSync(path.join(home, '.aws/sso/cache'), { recursive: true });
    fs.writeFileSync(path.join(home, '.aws/sso/cache', `${ssoTokenCacheKey({ ssoSession: 'corp' }).key}.json`), JSON.stringify(ssoToken(iso(Date.now() + 3600_000))));
    await new Promise((r) => setTimeout(r, 300));
    expect(rec.seen).toHaveLength(1);
  }, 20_000);

  it('reports a failing reload to onError and keeps the last state', () => {
    const home = makeHome({ config: CONFIG });
    const errors: unknown[] = [];
    let fail = false;
    handle = watch(home, () => undefined, {
      env: { HOME: home },
      onError: (e) => errors.push(e),
      loadProfileSet: () => {
        if (fail) throw new Error('config went away');
        return loadProfiles({ home });
      },
    });
    const before = handle.current();
    fail = true;
    expect(handle.refresh()).toBe(before);
    expect(errors).toHaveLength(1);
  });
});

describe('nextCrossing', () => {
  const T = Date.UTC(2026, 10, 25, 10, 0, 0);
  const status = (over: Partial<ProfileStatus>): ProfileStatus => ({ profile: 'p', kind: 'sso', status: 'valid', cacheFiles: [], light: 'green', refreshesItself: false, reason: '', nextStep: '', runtime: 'botocore', provider: 'sso', ...over }) as ProfileStatus;

  it('is the next green->amber, amber->red or expiry moment of any profile', () => {
    const in1h = iso(T + 3600_000);
    expect(nextCrossing([status({ expiresAt: in1h })], T)).toBe(T + 1800_000);
    expect(nextCrossing([status({ expiresAt: in1h })], T + 1800_000)).toBe(T + 3000_000);
    expect(nextCrossing([status({ expiresAt: in1h })], T + 3000_000)).toBe(T + 3600_000);
    expect(nextCrossing([status({ expiresAt: in1h })], T + 3600_000)).toBeUndefined();
    expect(nextCrossing([status({ expiresAt: in1h }), status({ expiresAt: iso(T + 1000_000) })], T)).toBe(T + 400_000);
  });

  it('uses the refresh limit for profiles that refresh themselves, and ignores light none', () => {
    expect(nextCrossing([status({ refreshesItself: true, expiresAt: iso(T + 60_000), refreshableUntil: iso(T + 7200_000) })], T)).toBe(T + 5400_000);
    expect(nextCrossing([status({ refreshesItself: true, expiresAt: iso(T + 60_000) })], T)).toBeUndefined();
    expect(nextCrossing([status({ light: 'none', expiresAt: iso(T + 60_000) })], T)).toBeUndefined();
  });

  it('honours custom thresholds', () => {
    expect(nextCrossing([status({ expiresAt: iso(T + 3600_000) })], T, { thresholds: { greenAboveSeconds: 3000, redBelowSeconds: 100 } })).toBe(T + 600_000);
  });
});
