import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiscoverOutputSchema } from '../schemas';
import { CANARY, makeHome, run, runBin, type TempEnv } from '../testing/demo-home';
import fc from 'fast-check';
import { keyHash, RACY_MS } from './discover-cache';

// The demo caches are seeded for NOW; every run uses that clock (or a later one) so outputs compare.
const NOW = new Date(Date.UTC(2026, 10, 25, 10, 0, 0));
const MINUTE = 60_000;

const cacheFile = (t: TempEnv) => path.join(t.home, '.cache/awsmcp/discover.json');
/** Wait until files written before this call are out of the racy window (the cache keeps nothing newer). */
const settle = () => new Promise((resolve) => setTimeout(resolve, RACY_MS + 150));

/** The same command with and without the cache, at the same clock. */
async function both(t: TempEnv, args: string[], at: Date = NOW, env: Record<string, string> = {}) {
  const fresh = await run(t, [...args, '--no-cache'], { now: at, env });
  const cached = await run(t, args, { now: at, env });
  return { fresh, cached };
}

/**
 * Make the next hit visible: rename a profile inside the kept rows, keeping its length (the cuts
 * for the ttlSeconds are offsets; the cache file is not an input of itself, so it stays valid).
 * Output holding `STALE-MARKR` came from the cache.
 */
function markCache(t: TempEnv): void {
  const file = cacheFile(t);
  const text = fs.readFileSync(file, 'utf8');
  const nl = text.indexOf('\n');
  const marked = text.slice(0, nl + 1) + text.slice(nl + 1).replace('"profile": "dev-sandbox"', '"profile": "STALE-MARKR"');
  expect(marked).toContain('"profile": "STALE-MARKR"');
  fs.writeFileSync(file, marked);
}

describe('the discover cache', () => {
  // the homes of the tests below, made and settled once (the changes test makes its own)
  let t: TempEnv;
  const named: Record<string, TempEnv> = {};
  beforeAll(async () => {
    t = makeHome({ now: NOW });
    named.secret = makeHome({ now: NOW });
    named.garbage = makeHome({ now: NOW });
    named.tags = makeHome({ now: NOW, tags: false });
    named.bin = makeHome();
    named.relative = makeHome({ now: NOW });
    fs.appendFileSync(path.join(named.relative.home, '.aws/config'), '\n[profile wi-relative]\nrole_arn = arn:aws:iam::123456789012:role/W\nweb_identity_token_file = token-in-this-folder\n');
    named.unicode = makeHome({ now: NOW });
    // names of several UTF-8 lengths before rows with a ttlSeconds (the cuts are byte offsets)
    fs.writeFileSync(
      path.join(named.unicode.home, '.aws/config'),
      fs.readFileSync(path.join(named.unicode.home, '.aws/config'), 'utf8').replace('[profile dev-sandbox]', '[profile dév-sändbox-日本-🚀]'),
    );
    await settle();
  }, 10_000);

  it('answers exactly as a full run: --json, filters and the table, and again at later times', async () => {
    // first run: a miss that keeps the result
    expect(fs.existsSync(cacheFile(t))).toBe(false);
    const first = await both(t, ['discover', '--json']);
    expect(first.cached.stdout).toBe(first.fresh.stdout);
    expect(fs.existsSync(cacheFile(t))).toBe(true);
    expect(fs.statSync(cacheFile(t)).mode & 0o777).toBe(0o600);
    markCache(t);
    expect((await run(t, ['discover', '--json'], { now: NOW })).stdout).toContain('STALE-MARKR');
    // the marker proves the answers below come from the cache; compare them without it
    const unmark = (s: string) => s.replace(/STALE-MARKR/g, 'dev-sandbox');
    for (const args of [['discover', '--json'], ['discover', '--json', '--type', 'sso'], ['discover', '--json', '--env', 'prod', '--expired'], ['discover', '--json', '--account', '333333333333'], ['discover']]) {
      for (const at of [NOW, new Date(NOW.getTime() + 61_000), new Date(NOW.getTime() + 4 * MINUTE + 59_000)]) {
        const r = await both(t, args, at);
        expect(r.cached.code).toBe(0);
        if (args.length === 1) {
          // the table pads columns to the longest name: compare the rows' words
          const words = (s: string) => s.split('\n').map((l) => l.trim().split(/\s+/).join(' '));
          expect(words(unmark(r.cached.stdout))).toEqual(words(r.fresh.stdout));
        } else {
          expect(unmark(r.cached.stdout)).toBe(r.fresh.stdout);
        }
        expect(r.cached.stderr).toBe(r.fresh.stderr);
      }
    }
    expect((await run(t, ['discover', '--json'], { now: new Date(NOW.getTime() + 2 * MINUTE) })).stdout).toContain('STALE-MARKR');
  });

  it('is not used once a light, a status or a next step can change (the inspector’s stableUntilMs)', async () => {
    markCache(t);
    // the entry holds until the first moment a row can change (under botocore's rules an SSO token
    // or a login session running out; the MFA role is red for good: a server cannot prompt)
    const meta = JSON.parse(fs.readFileSync(cacheFile(t), 'utf8').split('\n', 1)[0]) as { stableUntilMs?: number };
    expect(meta.stableUntilMs).toBeGreaterThan(NOW.getTime());
    const later = new Date(meta.stableUntilMs as number);
    const r = await both(t, ['discover', '--json'], later);
    expect(r.cached.stdout).not.toContain('STALE-MARKR');
    expect(r.cached.stdout).toBe(r.fresh.stdout);
    // a clock before the run that made it: not used either
    markCache(t);
    const earlier = await both(t, ['discover', '--json'], new Date(NOW.getTime() - MINUTE));
    expect(earlier.cached.stdout).toBe(earlier.fresh.stdout);
  });

  const changes: Array<[string, (t: TempEnv) => void | Record<string, string>]> = [
    ['a profile added to the config', (t) => fs.appendFileSync(path.join(t.home, '.aws/config'), '\n[profile added-later]\nregion = eu-west-1\n')],
    ['the credentials file rewritten', (t) => fs.appendFileSync(path.join(t.home, '.aws/credentials'), '\n[more-keys]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = x\n')],
    ['the tags file edited', (t) => fs.appendFileSync(path.join(t.home, '.aws-profile-tags.yaml'), 'security-audit: prod\n')],
    [
      'an SSO token rewritten in place, same size',
      (t) => {
        const file = path.join(t.home, '.aws/sso/cache', `${createHash('sha1').update('acme').digest('hex')}.json`);
        const text = fs.readFileSync(file, 'utf8');
        const next = text.replace(/("expiresAt":\s*"\d{4}-\d\d-\d\dT)(\d\d)/, (_m, date: string, hour: string) => date + String((Number(hour) + 23) % 24).padStart(2, '0'));
        expect(next.length).toBe(text.length);
        expect(next).not.toBe(text);
        fs.writeFileSync(file, next);
      },
    ],
    ['a cache file deleted', (t) => fs.rmSync(path.join(t.home, '.aws/sso/cache', `${createHash('sha1').update('acme').digest('hex')}.json`))],
    ['a web identity token file appearing', (t) => void fs.writeFileSync(path.join(t.home, 'token-appeared'), 'x')],
    ['another config file by AWS_CONFIG_FILE', (t) => ({ AWS_CONFIG_FILE: path.join(t.home, '.aws/config.other') })],
    ['another AWS_* variable', () => ({ AWS_LOGIN_CACHE_DIRECTORY: '/nonexistent/login-cache' })],
  ];

  describe('a change is never answered from the cache', () => {
    // one home per change, all made and settled once
    const homes = new Map<string, TempEnv>();
    beforeAll(async () => {
      for (const [name] of changes) {
        const u = makeHome({ now: NOW });
        // a profile whose web identity token file does not exist yet
        fs.appendFileSync(path.join(u.home, '.aws/config'), `\n[profile wi]\nrole_arn = arn:aws:iam::123456789012:role/W\nweb_identity_token_file = ${path.join(u.home, 'token-appeared')}\n`);
        fs.writeFileSync(path.join(u.home, '.aws/config.other'), '[profile only-other]\nregion = us-east-1\n');
        homes.set(name, u);
      }
      await settle();
    }, 10_000);

    it.each(changes)('%s', async (name, change) => {
      const u = homes.get(name) as TempEnv;
      await run(u, ['discover', '--json'], { now: NOW });
      markCache(u);
      expect((await run(u, ['discover', '--json'], { now: NOW })).stdout).toContain('STALE-MARKR');
      const env = change(u) ?? {};
      const r = await both(u, ['discover', '--json'], NOW, env);
      expect(r.cached.stdout).not.toContain('STALE-MARKR');
      expect(r.cached.stdout).toBe(r.fresh.stdout);
      // changed just now: racy, so nothing new is kept and the marked entry stays unused
      expect((await run(u, ['discover', '--json'], { now: NOW, env })).stdout).toBe(r.fresh.stdout);
    });
  });

  it('keeps nothing while an input changed within the racy window, then keeps it again', async () => {
    const u = makeHome({ now: NOW });
    await run(u, ['discover', '--json'], { now: NOW });
    expect(fs.existsSync(cacheFile(u))).toBe(false);
    await settle();
    await run(u, ['discover', '--json'], { now: NOW });
    expect(fs.existsSync(cacheFile(u))).toBe(true);
  }, 10_000);

  it('holds no secret: none from the files, none from the environment (not even its hash)', async () => {
    const u = named.secret;
    const env = { AWS_SECRET_ACCESS_KEY: CANARY, AWS_SESSION_TOKEN: CANARY };
    const r = await run(u, ['discover', '--json'], { now: NOW, env });
    expect(r.stdout).not.toContain(CANARY);
    const kept = fs.readFileSync(cacheFile(u), 'utf8');
    expect(kept).not.toContain(CANARY);
    expect(kept).not.toContain(createHash('sha256').update(CANARY).digest('hex'));
    // and a different secret in the environment is a different key: not answered from this entry
    markCache(u);
    expect((await run(u, ['discover', '--json'], { now: NOW, env: { ...env, AWS_SESSION_TOKEN: 'other' } })).stdout).not.toContain('STALE-MARKR');
  }, 10_000);

  it('a garbage or unwritable cache never fails a run', async () => {
    const u = named.garbage;
    fs.mkdirSync(path.dirname(cacheFile(u)), { recursive: true });
    for (const garbage of ['', 'not json', '{"format":2}\n', `${JSON.stringify({ format: 2, key: 'x' })}\n[`, '\u0000\u0001']) {
      fs.writeFileSync(cacheFile(u), garbage);
      const r = await both(u, ['discover', '--json']);
      expect(r.cached.code).toBe(0);
      expect(r.cached.stdout).toBe(r.fresh.stdout);
    }
    // XDG_CACHE_HOME is a file: the cache folder cannot be made
    const blocker = path.join(u.home, 'blocker');
    fs.writeFileSync(blocker, '');
    const r = await both(u, ['discover', '--json'], NOW, { XDG_CACHE_HOME: blocker });
    expect(r.cached.code).toBe(0);
    expect(r.cached.stdout).toBe(r.fresh.stdout);
  }, 10_000);

  it('a symlink planted at the cache file is replaced, never followed; no temporary file is left', async () => {
    const u = makeHome({ now: NOW });
    await settle();
    const victim = path.join(u.home, 'victim.txt');
    fs.writeFileSync(victim, 'keep me\n');
    fs.mkdirSync(path.dirname(cacheFile(u)), { recursive: true });
    fs.symlinkSync(victim, cacheFile(u));
    const r = await run(u, ['discover', '--json'], { now: NOW });
    expect(r.code).toBe(0);
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep me\n');
    expect(fs.lstatSync(cacheFile(u)).isSymbolicLink()).toBe(false);
    expect(fs.statSync(cacheFile(u)).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(cacheFile(u))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 10_000);

  it('a missing tags file is still written by a run that asks for it (--write-tags), cache or not', async () => {
    const u = named.tags;
    await run(u, ['discover', '--json', '--no-write-tags'], { now: NOW });
    expect(fs.existsSync(cacheFile(u))).toBe(true);
    const r = await run(u, ['discover', '--json', '--write-tags'], { now: NOW });
    expect(DiscoverOutputSchema.parse(JSON.parse(r.stdout)).tagsFile).toMatchObject({ exists: true, written: true });
    expect(fs.existsSync(path.join(u.home, '.aws-profile-tags.yaml'))).toBe(true);
  }, 10_000);

  it('a relative input path (web_identity_token_file) ties the entry to the working folder', async () => {
    const u = named.relative;
    const other = path.join(u.workspace, 'elsewhere');
    fs.mkdirSync(other);
    await run(u, ['discover', '--json'], { now: NOW });
    const entry = fs.readFileSync(cacheFile(u), 'utf8');
    expect(JSON.parse(entry.slice(0, entry.indexOf('\n')))).toMatchObject({ cwd: u.workspace });
    markCache(u);
    expect((await run(u, ['discover', '--json'], { now: NOW })).stdout).toContain('STALE-MARKR');
    expect((await run(u, ['discover', '--json'], { now: NOW, cwd: other })).stdout).not.toContain('STALE-MARKR');
  });

  it('names in any script: the kept rows are cut at byte offsets', async () => {
    const u = named.unicode;
    await run(u, ['discover', '--json'], { now: NOW });
    const kept = fs.statSync(cacheFile(u)).mtimeMs;
    for (const at of [NOW, new Date(NOW.getTime() + 90_000)]) {
      const r = await both(u, ['discover', '--json'], at);
      expect(r.cached.stdout).toContain('dév-sändbox-日本-🚀');
      expect(r.cached.stdout).toBe(r.fresh.stdout);
    }
    // answered from the cache (a miss would have written it again)
    expect(fs.statSync(cacheFile(u)).mtimeMs).toBe(kept);
  });

  it('the built bin gives the same bytes from the cache as without it', async () => {
    const u = named.bin;
    const miss = runBin(u, ['discover', '--json']);
    const hit = runBin(u, ['discover', '--json']);
    const fresh = runBin(u, ['discover', '--json', '--no-cache']);
    // whole-second ttlSeconds may tick between the runs; everything else is identical
    const steady = (s: string) => s.replace(/"ttlSeconds": -?\d+/g, '"ttlSeconds": 0');
    expect(hit.code).toBe(0);
    expect(steady(hit.stdout)).toBe(steady(miss.stdout));
    expect(steady(hit.stdout)).toBe(steady(fresh.stdout));
    DiscoverOutputSchema.parse(JSON.parse(hit.stdout));
    expect(fs.existsSync(cacheFile(u))).toBe(true);
  }, 20_000);
});

describe('keyHash', () => {
  it('is 28 hex digits, the same for the same text, different for different texts', () => {
    expect(keyHash('')).toMatch(/^[0-9a-f]{28}$/);
    expect(keyHash('AWS_PROFILE=a')).toBe(keyHash('AWS_PROFILE=a'));
    const seen = new Map<string, string>();
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const h = keyHash(text);
        const before = seen.get(h);
        if (before !== undefined) expect(before).toBe(text);
        seen.set(h, text);
        expect(keyHash(text + 'x')).not.toBe(h);
      }),
      { numRuns: 5000 },
    );
  });
});
