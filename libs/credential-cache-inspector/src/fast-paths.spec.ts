import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classifyProfile, loadProfiles } from '@awsmcp/aws-config-parser';
import fc from 'fast-check';
import { assumeRoleCacheArgs, assumeRoleCacheKey, inspectEach, inspectProfiles, pythonJsonDumps, ssoRoleCredentialsCacheKey, type ProfileStatus } from './index';
import { pythonJsonString, type PyInt } from './keys';
import { CacheFileStore, defaultReader, MAX_CACHE_FILE_BYTES } from './read';
import { CANARY, cleanupHomes, makeHome, roleCreds } from './__fixtures__/homes';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { seedDemoCaches } = require('../../../tools/demo/seed-caches') as { seedDemoCaches: (home: string, now?: Date) => { files: string[] } };

afterAll(cleanupHomes);

/** The original `json.dumps(obj, sort_keys=True)`: sort with a code point comparator, then join. */
function dumpsReference(obj: Record<string, string | PyInt>, compact = false): string {
  const [item, kv] = compact ? [',', ':'] : [', ', ': '];
  const cmp = (a: string, b: string) => {
    const x = Array.from(a);
    const y = Array.from(b);
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const d = (x[i].codePointAt(0) as number) - (y[i].codePointAt(0) as number);
      if (d !== 0) return d;
    }
    return x.length - y.length;
  };
  const parts = Object.keys(obj)
    .sort(cmp)
    .map((k) => {
      const v = obj[k];
      return `${pythonJsonString(k)}${kv}${typeof v === 'string' ? pythonJsonString(v) : v.int}`;
    });
  return `{${parts.join(item)}}`;
}

const anyText = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 6 }));

describe('cache keys: the fast formulas give the reference results', () => {
  it('pythonJsonDumps sorts keys by code point, with and without surrogates', () => {
    fc.assert(
      fc.property(fc.dictionary(anyText, fc.oneof(anyText, fc.bigInt().map((n) => ({ int: String(n) }))), { maxKeys: 6 }), fc.boolean(), (obj, compact) => {
        expect(pythonJsonDumps(obj, compact)).toBe(dumpsReference(obj, compact));
      }),
      { numRuns: 2000 },
    );
  });

  it('ssoRoleCredentialsCacheKey hashes the compact sorted JSON of its arguments', () => {
    fc.assert(
      fc.property(anyText, anyText, anyText, fc.boolean(), (accountId, roleName, other, bySession) => {
        const args: Record<string, string> = { roleName, accountId };
        const ref = bySession ? { accountId, roleName, ssoSession: other } : { accountId, roleName, startUrl: other };
        if (bySession && other) args.sessionName = other;
        else args.startUrl = bySession ? '' : other;
        const input = dumpsReference(args, true);
        expect(ssoRoleCredentialsCacheKey(ref)).toEqual({ key: createHash('sha1').update(input, 'utf8').digest('hex'), input });
      }),
      { numRuns: 1000 },
    );
  });

  it('assumeRoleCacheKey hashes the sorted JSON of assumeRoleCacheArgs', () => {
    const props = fc.dictionary(
      fc.constantFrom('role_arn', 'role_session_name', 'external_id', 'mfa_serial', 'duration_seconds', 'source_profile', 'region'),
      fc.oneof(anyText, fc.constantFrom('', '3600', ' 0_900 ', '-0', '1e3')),
    );
    fc.assert(
      fc.property(props, (p) => {
        const input = dumpsReference(assumeRoleCacheArgs(p));
        expect(assumeRoleCacheKey(p)).toEqual({ key: createHash('sha1').update(input, 'utf8').digest('hex'), input });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('CacheFileStore: listed regular files read on the fast path', () => {
  it('gives exactly what the checked reader gives, for every kind of entry', () => {
    const dir = path.join(makeHome(), 'cache');
    fs.mkdirSync(dir);
    const put = (name: string, content: string | Buffer) => fs.writeFileSync(path.join(dir, name), content);
    put('ok.json', JSON.stringify(roleCreds('2026-11-25T11:00:00Z')));
    put('empty.json', '');
    put('blank.json', ' \n\t');
    put('bom.json', '\ufeff{}');
    put('truncated.json', '{"Credentials": {"AccessKeyId": "');
    put('array.json', '[1]');
    put('latin1.json', Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]));
    put('big.json', JSON.stringify({ ...roleCreds('2026-11-25T11:00:00Z'), pad: 'x'.repeat(40 * 1024) }));
    put('exactly-16k.json', `{"pad": "${'x'.repeat(16 * 1024 - 11)}"}`);
    put('huge.json', `{"pad": "${'x'.repeat(MAX_CACHE_FILE_BYTES)}"}`);
    fs.mkdirSync(path.join(dir, 'dir.json'));
    fs.symlinkSync(path.join(dir, 'ok.json'), path.join(dir, 'link.json'));
    fs.symlinkSync(path.join(dir, 'dir.json'), path.join(dir, 'link-dir.json'));
    fs.symlinkSync(path.join(dir, 'nowhere.json'), path.join(dir, 'dangling.json'));
    const fifo = spawnSync('mkfifo', [path.join(dir, 'fifo.json')]).status === 0;
    const names = [...fs.readdirSync(dir), 'absent.json'];
    expect(fs.statSync(path.join(dir, 'exactly-16k.json')).size).toBe(16 * 1024);

    const fast = new CacheFileStore();
    // the same reader and lister, but not the default functions: every file through defaultReader
    const checked = new CacheFileStore(
      (f) => defaultReader(f),
      (d) => fs.readdirSync(d),
    );
    for (const name of names) expect({ name, raw: fast.get(dir, name) }).toEqual({ name, raw: checked.get(dir, name) });
    expect(fast.get(dir, 'ok.json').state).toBe('ok');
    expect(fast.get(dir, 'big.json').state).toBe('ok');
    expect(fast.get(dir, 'huge.json')).toMatchObject({ state: 'malformed', errno: 'EFBIG' });
    if (fifo) expect(fast.get(dir, 'fifo.json').state).toBe('not-a-file');
    expect(JSON.stringify(fast.get(dir, 'ok.json'))).not.toContain(CANARY);
    expect(fast.reads).toBe(checked.reads);
  });
});

describe.each(['botocore', 'js-sdk'] as const)('inspectEach and passed-in classifications (%s)', (runtime) => {
  it('give exactly the statuses of inspectProfiles, in order (duplicates and unknown names too)', () => {
    const home = makeHome({ demo: true });
    const now = Date.UTC(2026, 10, 25, 10, 0, 0);
    seedDemoCaches(home, new Date(now));
    const set = loadProfiles({ home });
    const names = [...Object.keys(set.profiles), 'no-such-profile', Object.keys(set.profiles)[0]];
    const expected = inspectProfiles(set, { home, now, profiles: names, runtime });
    const seen: ProfileStatus[] = [];
    inspectEach(set, { home, now, profiles: names, runtime }, (s, i) => {
      expect(i).toBe(seen.length);
      seen.push(s);
    });
    expect(seen).toEqual(expected);
    const classifications = new Map(Object.values(set.profiles).map((p) => [p.name, classifyProfile(p, set)]));
    expect(inspectProfiles(set, { home, now, profiles: names, classifications, runtime })).toEqual(expected);
    expect(JSON.stringify(seen)).not.toContain(CANARY);
  });
});

describe.each(['botocore', 'js-sdk'] as const)('cacheFiles: false (%s)', (runtime) => {
  it('gives every other field unchanged, lists no files and reads no more', () => {
    const home = makeHome({ demo: true });
    const now = Date.UTC(2026, 10, 25, 10, 0, 0);
    seedDemoCaches(home, new Date(now));
    const set = loadProfiles({ home });
    const counting = () => {
      const reads = { n: 0 };
      return { reads, readFile: (f: string) => (reads.n++, defaultReader(f)) };
    };
    const full = counting();
    const slim = counting();
    const expected = inspectProfiles(set, { home, now, readFile: full.readFile, runtime }).map((s) => ({ ...s, cacheFiles: [] }));
    const statuses = inspectProfiles(set, { home, now, readFile: slim.readFile, cacheFiles: false, runtime });
    expect(statuses).toEqual(expected);
    // the JS runtime lists the AWS CLI's SSO role credentials files; botocore never reads them
    if (runtime === 'js-sdk') expect(slim.reads.n).toBeLessThan(full.reads.n);
    else expect(slim.reads.n).toBeLessThanOrEqual(full.reads.n);
    // each status has its own (empty) list
    expect(new Set(statuses.map((s) => s.cacheFiles)).size).toBe(statuses.length);
    for (const at of [now - 86_400_000, now + 3_600_000, now + 86_400_000 * 60]) {
      expect(inspectProfiles(set, { home, now: at, cacheFiles: false, runtime })).toEqual(inspectProfiles(set, { home, now: at, runtime }).map((s) => ({ ...s, cacheFiles: [] })));
    }
  });
});
