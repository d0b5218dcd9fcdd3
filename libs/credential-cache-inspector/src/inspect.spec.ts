import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadProfiles, parseProfileFiles, type ProfileSet } from '@awsmcp/aws-config-parser';
import {
  assumeRoleCacheKey,
  cacheDirectories,
  inspectProfile,
  inspectProfiles,
  lightFor,
  loginCacheKey,
  resolveThresholds,
  ssoRoleCredentialsCacheKey,
  ssoTokenCacheKey,
  type ProfileStatus,
} from './index';
import { CANARY, cleanupHomes, expectNoCanary, iso, loginSession, makeHome, refreshable, roleCreds, ssoToken, writeCache } from './__fixtures__/homes';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { seedDemoCaches } = require('../../../tools/demo/seed-caches') as { seedDemoCaches: (home: string, now?: Date) => { files: string[] } };

afterAll(cleanupHomes);

const NOW = Date.UTC(2026, 10, 25, 10, 0, 0);
const min = (m: number) => iso(NOW + m * 60_000);

function byName(statuses: ProfileStatus[]): Record<string, ProfileStatus> {
  return Object.fromEntries(statuses.map((s) => [s.profile, s]));
}

/** A demo home with seeded caches, plus the canary planted into every secret field of every file. */
function demo(): { home: string; set: ProfileSet; seeded: string[] } {
  const home = makeHome({ demo: true });
  const { files } = seedDemoCaches(home, new Date(NOW));
  for (const file of files) fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/DEMO-FAKE[^"]*/g, CANARY));
  return { home, set: loadProfiles({ home }), seeded: files };
}

describe('the demo home: every profile kind', () => {
  const { home, set, seeded } = demo();
  const result = inspectProfiles(set, { home, now: NOW, runtime: 'js-sdk' });
  const s = byName(result);

  it('finds every file tools/demo/seed-caches.js wrote (its node:crypto keys agree with ours), each readable', () => {
    const used = new Set(result.flatMap((r) => r.cacheFiles.filter((f) => f.state === 'ok').map((f) => f.path)));
    expect(seeded.length).toBeGreaterThanOrEqual(10);
    for (const file of seeded) expect({ file, used: used.has(file) }).toEqual({ file, used: true });
  });

  it('covers every profile, in order, with no secret anywhere', () => {
    expect(result.map((r) => r.profile)).toEqual(Object.keys(set.profiles));
    expectNoCanary(result);
    for (const r of result) expectNoCanary([r.reason, r.nextStep, r.command, ...r.cacheFiles.map((f) => f.detail)]);
  });

  it('sso via sso-session: token + role credentials files, green, renews itself', () => {
    const dirs = cacheDirectories({ home });
    expect(s['dev-sandbox']).toMatchObject({
      kind: 'sso',
      status: 'valid',
      light: 'green',
      refreshesItself: true,
      expiresAt: min(360),
      ttlSeconds: 360 * 60,
      refreshableUntil: iso(NOW + 60 * 86400_000),
      command: 'aws sso login --sso-session acme',
      accountId: '111111111111',
      nextStep: 'nothing to do: renews itself',
    });
    expect(s['dev-sandbox'].cacheFiles.map((f) => [f.kind, f.path, f.state])).toEqual([
      ['sso-token', path.join(dirs.ssoCache, `${ssoTokenCacheKey({ ssoSession: 'acme' }).key}.json`), 'ok'],
      ['sso-role-credentials', path.join(dirs.cliCache, `${ssoRoleCredentialsCacheKey({ accountId: '111111111111', roleName: 'PowerUserAccess', ssoSession: 'acme' }).key}.json`), 'ok'],
    ]);
    for (const p of ['staging-eu', 'prod-eu', 'prod-us']) expect(s[p]).toMatchObject({ kind: 'sso', light: 'green', refreshesItself: true });
  });

  it('legacy SSO: 20 minutes left, no refresh -> amber', () => {
    expect(s['legacy-analytics']).toMatchObject({
      kind: 'sso-legacy',
      status: 'valid',
      light: 'amber',
      refreshesItself: false,
      ttlSeconds: 1200,
      command: 'aws sso login --profile legacy-analytics',
      nextStep: 'run aws sso login --profile legacy-analytics soon',
    });
    expect(s['legacy-analytics'].cacheFiles[0].keyInput).toBe('https://acme-legacy.awsapps.com/start');
  });

  it('assume-role 2 deep from SSO: the source decides; its cache files are listed too', () => {
    expect(s['security-audit']).toMatchObject({ kind: 'assume-role', status: 'valid', light: 'green', refreshesItself: true, accountId: '555555555555' });
    expect(s['security-audit'].source).toMatchObject({ profile: 'dev-sandbox', kind: 'sso', status: 'valid', light: 'green' });
    expect(s['security-audit'].cacheFiles.map((f) => `${f.kind}:${f.profile}:${f.state}`)).toEqual([
      'sso-token:dev-sandbox:ok',
      'sso-role-credentials:dev-sandbox:ok',
      'assume-role-credentials:security-audit:ok',
    ]);
  });

  it('assume-role from static keys renews itself; 3 deep with MFA needs a person -> red at 7 minutes', () => {
    expect(s['shared-services']).toMatchObject({ status: 'valid', light: 'none', refreshesItself: true });
    expect(s['shared-services'].source).toMatchObject({ profile: 'ci-bot', kind: 'static', status: 'long-lived' });
    expect(s['prod-deployer']).toMatchObject({
      status: 'valid',
      light: 'red',
      refreshesItself: false,
      ttlSeconds: 420,
      command: 'aws sts get-caller-identity --profile prod-deployer',
      nextStep: 'run aws sts get-caller-identity --profile prod-deployer and enter the MFA code',
    });
    expect(s['prod-deployer'].cacheFiles.map((f) => f.profile)).toEqual(['shared-services', 'prod-deployer']);
  });

  it('credential_source and credential_process: external, renew themselves', () => {
    expect(s['from-instance']).toMatchObject({ kind: 'assume-role', status: 'valid', light: 'none', refreshesItself: true });
    expect(s['from-instance'].source).toMatchObject({ kind: 'credential-source', status: 'external' });
    expect(s['granted-dev']).toMatchObject({ kind: 'credential-process', status: 'external', light: 'none', refreshesItself: true, cacheFiles: [] });
    expect(s['vault-staging'].reason).toMatch(/aws-vault/);
  });

  it("Granted's SSO token expired 2 h ago -> expired", () => {
    expect(s['granted-prod']).toMatchObject({ kind: 'granted', status: 'expired', light: 'red', ttlSeconds: -7200, command: 'assume granted-prod', accountId: '333333333333' });
  });

  it('web identity without its token file -> red; aws login with a refresh token -> green', () => {
    expect(s['github-oidc']).toMatchObject({ kind: 'web-identity', status: 'missing', light: 'red', refreshesItself: false });
    expect(s['console-login']).toMatchObject({ kind: 'login', status: 'valid', light: 'green', refreshesItself: true, ttlSeconds: 2700, accountId: '999999999999' });
    expect(s['console-login'].cacheFiles[0]).toMatchObject({ kind: 'login-session', key: loginCacheKey('arn:aws:iam::999999999999:user/demo-engineer').key, hasRefreshToken: true });
  });

  it('static keys: light none, "long-lived keys: rotate to SSO"; settings-only profiles: none', () => {
    expect(s['ci-bot']).toMatchObject({ kind: 'static', status: 'long-lived', light: 'none', refreshesItself: false, nextStep: 'long-lived keys: rotate to SSO (aws configure sso)' });
    expect(s['ci-bot'].reason).toBe('static access keys in ~/.aws/credentials: long-lived, no expiry');
    expect(s['legacy-keys']).toMatchObject({ status: 'long-lived', light: 'none' });
    expect(s.default).toMatchObject({ kind: 'unknown', status: 'no-credentials', light: 'none' });
    expect(s['tabbed-name']).toMatchObject({ status: 'no-credentials' });
  });

  it('shows every light', () => {
    expect(new Set(result.map((r) => r.light))).toEqual(new Set(['green', 'amber', 'red', 'none']));
    expect(result.some((r) => r.status === 'expired')).toBe(true);
  });

  it('without any cache: SSO, login and MFA profiles are red with the command to run', () => {
    const bare = makeHome({ demo: true });
    const r = byName(inspectProfiles(loadProfiles({ home: bare }), { home: bare, now: NOW, runtime: 'js-sdk' }));
    expect(r['dev-sandbox']).toMatchObject({ status: 'missing', light: 'red', nextStep: 'run aws sso login --sso-session acme' });
    expect(r['dev-sandbox'].reason).toMatch(/^no SSO token of sso-session acme cached \(~\/\.aws\/sso\/cache\/[0-9a-f]{40}\.json does not exist\)$/);
    expect(r['security-audit']).toMatchObject({ status: 'missing', light: 'red', nextStep: 'source dev-sandbox: run aws sso login --sso-session acme', command: 'aws sso login --sso-session acme' });
    expect(r['prod-deployer']).toMatchObject({ status: 'missing', light: 'red', command: 'aws sts get-caller-identity --profile prod-deployer' });
    expect(r['console-login']).toMatchObject({ status: 'missing', light: 'red', command: 'aws login --profile console-login' });
    expect(r['granted-prod']).toMatchObject({ status: 'external', light: 'none', refreshesItself: true });
  });
});

describe('thresholds and clock', () => {
  const config = '[sso-session s]\nsso_start_url = https://s.awsapps.com/start\nsso_region = eu-west-1\n[profile p]\nsso_session = s\nsso_account_id = 111111111111\nsso_role_name = R\n';

  function at(minutesLeft: number, options: Parameters<typeof inspectProfile>[2] = {}) {
    const home = makeHome({ config });
    writeCache(cacheDirectories({ home }).ssoCache, ssoTokenCacheKey({ ssoSession: 's' }).key, ssoToken(min(minutesLeft)));
    return inspectProfile(loadProfiles({ home }), 'p', { home, now: NOW, runtime: 'js-sdk', ...options });
  }

  it.each([
    [31, 'green'],
    [30.5, 'green'],
    [30, 'amber'],
    [20, 'amber'],
    [10, 'amber'],
    [9.9, 'red'],
    [1, 'red'],
  ])('%d minutes left -> %s', (m, light) => expect(at(m).light).toBe(light));

  it('expired -> red, status expired', () => {
    expect(at(-1)).toMatchObject({ light: 'red', status: 'expired', ttlSeconds: -60, nextStep: 'run aws sso login --sso-session s' });
  });

  it('thresholds are configurable', () => {
    const thresholds = { greenAboveSeconds: 3600, redBelowSeconds: 1800 };
    expect(at(45, { thresholds }).light).toBe('amber');
    expect(at(20, { thresholds }).light).toBe('red');
    expect(at(61, { thresholds }).light).toBe('green');
    expect(() => resolveThresholds({ greenAboveSeconds: 60, redBelowSeconds: 120 })).toThrow(TypeError);
    expect(() => resolveThresholds({ greenAboveSeconds: -1 })).toThrow(TypeError);
    expect(lightFor(0)).toBe('red');
    expect(lightFor(100, { redBelowSeconds: 50, greenAboveSeconds: 99 })).toBe('green');
  });

  it('the clock is injectable as a Date, a number or a function', () => {
    expect(at(20, { now: new Date(NOW) }).ttlSeconds).toBe(1200);
    expect(at(20, { now: () => NOW + 60_000 }).ttlSeconds).toBe(1140);
    expect(at(20, { now: () => new Date(NOW + 15 * 60_000) }).light).toBe('red');
  });
});

describe('bad cache files: a clear per-profile status, the other profiles unaffected', () => {
  const config = [
    '[sso-session bad]',
    'sso_start_url = https://bad.awsapps.com/start',
    'sso_region = eu-west-1',
    '[sso-session good]',
    'sso_start_url = https://good.awsapps.com/start',
    'sso_region = eu-west-1',
    '[profile victim]',
    'sso_session = bad',
    'sso_account_id = 111111111111',
    'sso_role_name = R',
    '[profile bystander]',
    'sso_session = good',
    'sso_account_id = 222222222222',
    'sso_role_name = R',
    '[profile role-on-victim]',
    'role_arn = arn:aws:iam::333333333333:role/X',
    'source_profile = victim',
  ].join('\n');

  function withBadToken(write: (file: string) => void, options: Parameters<typeof inspectProfiles>[1] = {}) {
    const home = makeHome({ config });
    const dirs = cacheDirectories({ home });
    writeCache(dirs.ssoCache, ssoTokenCacheKey({ ssoSession: 'good' }).key, ssoToken(min(120)));
    const file = path.join(dirs.ssoCache, `${ssoTokenCacheKey({ ssoSession: 'bad' }).key}.json`);
    write(file);
    const r = byName(inspectProfiles(loadProfiles({ home }), { home, now: NOW, runtime: 'js-sdk', ...options }));
    expect(r.bystander).toMatchObject({ status: 'valid', light: 'green' });
    expectNoCanary(r);
    expect(r['role-on-victim'].status).toBe(r.victim.status);
    expect(r['role-on-victim'].light).toBe('red');
    return { victim: r.victim, file };
  }

  const full = JSON.stringify(ssoToken(min(120), refreshable(min(9000))));

  it.each([
    ['malformed JSON', (f: string) => fs.writeFileSync(f, `{"accessToken": ${CANARY}}`), 'malformed', /is not valid JSON: expected a value at line 1, column 17$/],
    ['truncated JSON', (f: string) => fs.writeFileSync(f, full.slice(0, full.indexOf(CANARY) + 5)), 'truncated', /ends early at line 1, column \d+, expected a closing quote \(an interrupted write\?\)$/],
    ['an empty file', (f: string) => fs.writeFileSync(f, ''), 'empty', /is empty \(0 bytes\)$/],
    ['a directory', (f: string) => fs.mkdirSync(f), 'not-a-file', /is a directory, not a file$/],
    ['an odd expiresAt', (f: string) => fs.writeFileSync(f, JSON.stringify(ssoToken('next tuesday'))), 'invalid-time', /expiresAt is not an ISO 8601 time/],
    ['no expiresAt', (f: string) => fs.writeFileSync(f, JSON.stringify({ accessToken: CANARY })), 'malformed', /has no expiresAt$/],
    ['a JSON array', (f: string) => fs.writeFileSync(f, `["${CANARY}"]`), 'malformed', /holds an array, not a JSON object$/],
  ])('%s', (_label, write, status, reason) => {
    const { victim, file } = withBadToken(write);
    expect(victim).toMatchObject({ status, light: 'red', refreshesItself: false, command: 'aws sso login --sso-session bad' });
    expect(victim.reason).toMatch(reason);
    expect(victim.nextStep).toMatch(/^(delete|remove) ~\/\.aws\/sso\/cache\/[0-9a-f]{40}\.json, then run aws sso login --sso-session bad$/);
    expect(victim.cacheFiles[0]).toMatchObject({ path: file, state: status });
  });

  it('unreadable (EACCES through the injectable reader: tests run as root, where chmod 000 still reads)', () => {
    const { victim } = withBadToken((f) => fs.writeFileSync(f, full), {
      readFile: (file) => {
        if (file.includes(ssoTokenCacheKey({ ssoSession: 'bad' }).key)) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
        return fs.readFileSync(file);
      },
    });
    expect(victim).toMatchObject({ status: 'unreadable', light: 'red' });
    expect(victim.reason).toMatch(/cannot be read: permission denied \(EACCES\)$/);
    expect(victim.nextStep).toMatch(/^make ~\/\.aws\/sso\/cache\/[0-9a-f]{40}\.json readable by you \(chmod 600\) or delete it, then run aws sso login --sso-session bad$/);
  });

  it('unreadable with real permissions when not root', () => {
    if (process.getuid?.() === 0) return; // root bypasses file permissions: covered by the injected reader above
    const { victim } = withBadToken((f) => {
      fs.writeFileSync(f, full);
      fs.chmodSync(f, 0o000);
    });
    expect(victim.status).toBe('unreadable');
  });

  it.each([
    ['2026-11-25T12:00:00Z'],
    ['2026-11-25T12:00:00.000Z'],
    ['2026-11-25T12:00:00.000456+00:00'],
    ['2026-11-25T12:00:00UTC'],
    ['2026-11-25T12:00:00.000UTC'],
    ['2026-11-25T14:00:00+02:00'],
  ])('odd but valid expiresAt %s is read as 12:00 UTC', (expiresAt) => {
    const { victim } = (() => {
      const home = makeHome({ config });
      writeCache(cacheDirectories({ home }).ssoCache, ssoTokenCacheKey({ ssoSession: 'bad' }).key, ssoToken(expiresAt));
      return { victim: inspectProfile(loadProfiles({ home }), 'victim', { home, now: NOW, runtime: 'js-sdk' }) };
    })();
    expect(victim).toMatchObject({ status: 'valid', light: 'green', expiresAt: '2026-11-25T12:00:00Z', ttlSeconds: 7200 });
  });

  it('a bad role credentials file beside a good token does not matter (the CLI fetches new ones)', () => {
    const home = makeHome({ config });
    const dirs = cacheDirectories({ home });
    writeCache(dirs.ssoCache, ssoTokenCacheKey({ ssoSession: 'bad' }).key, ssoToken(min(120)));
    writeCache(dirs.cliCache, ssoRoleCredentialsCacheKey({ accountId: '111111111111', roleName: 'R', ssoSession: 'bad' }).key, '{"Credentials": {');
    const r = inspectProfile(loadProfiles({ home }), 'victim', { home, now: NOW, runtime: 'js-sdk' });
    expect(r).toMatchObject({ status: 'valid', light: 'green' });
    expect(r.cacheFiles[1]).toMatchObject({ kind: 'sso-role-credentials', state: 'truncated' });
  });
});

describe('SSO refresh rules', () => {
  const config = '[sso-session s]\nsso_start_url = https://s.awsapps.com/start\nsso_region = eu-west-1\n[profile p]\nsso_session = s\n[profile legacy]\nsso_start_url = https://s.awsapps.com/start\nsso_region = eu-west-1\n';
  function run(profile: string, token: Record<string, unknown>) {
    const home = makeHome({ config });
    const dirs = cacheDirectories({ home });
    writeCache(dirs.ssoCache, ssoTokenCacheKey({ ssoSession: 's' }).key, token);
    writeCache(dirs.ssoCache, ssoTokenCacheKey({ startUrl: 'https://s.awsapps.com/start' }).key, token);
    const r = inspectProfile(loadProfiles({ home }), profile, { home, now: NOW, runtime: 'js-sdk' });
    expectNoCanary(r);
    return r;
  }

  it('an expired access token with a valid refresh token still renews itself (green)', () => {
    expect(run('p', ssoToken(min(-30), refreshable(min(90 * 24 * 60))))).toMatchObject({ status: 'valid', light: 'green', refreshesItself: true, ttlSeconds: -1800 });
  });

  it('the light follows the client registration expiry when refreshing', () => {
    expect(run('p', ssoToken(min(60), refreshable(min(15))))).toMatchObject({ light: 'amber', refreshesItself: true, refreshableUntil: min(15), nextStep: `the refresh stops at ${min(15)}: run aws sso login --sso-session s soon` });
  });

  it('an expired registration cannot refresh', () => {
    const r = run('p', ssoToken(min(-5), refreshable(min(-1))));
    expect(r).toMatchObject({ status: 'expired', light: 'red', refreshesItself: false });
    expect(r.reason).toMatch(/client registration expired too/);
  });

  it('a refresh token without a registration expiry is trusted', () => {
    expect(run('p', ssoToken(min(5), { refreshToken: CANARY }))).toMatchObject({ light: 'green', refreshesItself: true });
  });

  it('legacy SSO never refreshes, even with a refresh token in the file', () => {
    expect(run('legacy', ssoToken(min(5), refreshable(min(9000))))).toMatchObject({ light: 'red', refreshesItself: false });
  });
});

describe('other profile shapes', () => {
  it('aws login: without a refresh token the JS SDK refuses the cache; AWS_LOGIN_CACHE_DIRECTORY moves the cache', () => {
    const home = makeHome({ config: '[profile l]\nlogin_session = arn:aws:iam::999999999999:user/me\n' });
    const moved = path.join(home, 'elsewhere');
    writeCache(moved, loginCacheKey('arn:aws:iam::999999999999:user/me').key, loginSession(min(5), false));
    const env = { HOME: home, AWS_LOGIN_CACHE_DIRECTORY: '~/elsewhere' };
    const r = inspectProfile(loadProfiles({ home }), 'l', { env, now: NOW, runtime: 'js-sdk' });
    // @aws-sdk/credential-provider-login: "Token validation failed, missing fields: refreshToken"
    expect(r).toMatchObject({ provider: null, status: 'config-error', light: 'red', refreshesItself: false, failure: { exception: 'CredentialsProviderError' }, accountId: '999999999999' });
    expect(r.reason).toContain('missing fields: refreshToken');
    expect(r.cacheFiles[0].path.startsWith(moved)).toBe(true);
    expectNoCanary(r);
  });

  it('web identity with its token file present renews itself (the file is never read)', () => {
    const home = makeHome();
    const token = path.join(home, 'token');
    fs.writeFileSync(token, CANARY);
    const set = parseProfileFiles({ configText: `[profile w]\nrole_arn = arn:aws:iam::123456789012:role/W\nweb_identity_token_file = ${token}\n` });
    const r = inspectProfile(set, 'w', { home, now: NOW, runtime: 'js-sdk' });
    expect(r).toMatchObject({ kind: 'web-identity', status: 'valid', light: 'none', refreshesItself: true });
    expectNoCanary(r);
  });

  it('web identity with cached credentials but no token file: works until they expire', () => {
    const home = makeHome();
    const set = parseProfileFiles({ configText: '[profile w]\nrole_arn = arn:aws:iam::123456789012:role/W\nweb_identity_token_file = /nonexistent/t\n' });
    writeCache(cacheDirectories({ home }).cliCache, assumeRoleCacheKey({ role_arn: 'arn:aws:iam::123456789012:role/W' }).key, roleCreds(min(45)));
    expect(inspectProfile(set, 'w', { home, now: NOW, runtime: 'js-sdk' })).toMatchObject({ status: 'valid', light: 'green', refreshesItself: false, ttlSeconds: 2700 });
  });

  it('static temporary keys with a recorded expiry are timed; without one they are external', () => {
    const creds = `[t]\naws_access_key_id = ASIAEXAMPLE\naws_secret_access_key = ${CANARY}\naws_session_token = ${CANARY}\nx_security_token_expires = ${min(25)}\n[u]\naws_access_key_id = ASIAEXAMPLE\naws_secret_access_key = ${CANARY}\naws_session_token = ${CANARY}\n[v]\naws_access_key_id = ASIAEXAMPLE\naws_secret_access_key = ${CANARY}\naws_session_token = ${CANARY}\nexpiration = never\n[half]\naws_access_key_id = AKIAEXAMPLE\n`;
    const home = makeHome({ credentials: creds });
    const r = byName(inspectProfiles(loadProfiles({ home }), { home, now: NOW, runtime: 'js-sdk' }));
    expect(r.t).toMatchObject({ kind: 'static', status: 'valid', light: 'amber', ttlSeconds: 1500 });
    expect(r.u).toMatchObject({ status: 'external', light: 'none' });
    expect(r.v).toMatchObject({ status: 'invalid-time', light: 'red' });
    expect(r.half).toMatchObject({ status: 'config-error', light: 'red' });
    expectNoCanary(r);
  });

  it('config errors: a broken chain, a missing sso-session, granted_sso_* without credential_process, role_arn without a source', () => {
    const set = parseProfileFiles({
      configText: [
        '[profile loop-a]',
        'role_arn = arn:aws:iam::1:role/A',
        'source_profile = loop-b',
        '[profile loop-b]',
        'role_arn = arn:aws:iam::1:role/B',
        'source_profile = loop-a',
        '[profile dangling]',
        'role_arn = arn:aws:iam::1:role/D',
        'source_profile = nowhere',
        '[profile no-session]',
        'sso_session = ghost',
        '[profile granted-only]',
        'granted_sso_start_url = https://g.awsapps.com/start',
        'granted_sso_account_id = 123456789012',
        '[profile sourceless]',
        'role_arn = arn:aws:iam::1:role/S',
      ].join('\n'),
    });
    const r = byName(inspectProfiles(set, { home: makeHome(), now: NOW, runtime: 'js-sdk' }));
    expect(r['loop-a']).toMatchObject({ status: 'config-error', light: 'red', reason: 'profile chain loops: loop-a -> loop-b -> loop-a' });
    expect(r.dangling.reason).toMatch(/nowhere/);
    expect(r['no-session']).toMatchObject({ status: 'config-error', reason: 'sso_session = ghost, but there is no [sso-session ghost] section' });
    expect(r['granted-only']).toMatchObject({ kind: 'granted', status: 'config-error' });
    expect(r.sourceless).toMatchObject({ status: 'config-error' });
  });

  it('an undefined profile is a status, not a throw', () => {
    expect(inspectProfile(parseProfileFiles({ configText: '' }), 'ghost', { home: makeHome(), runtime: 'js-sdk' })).toMatchObject({ status: 'config-error', light: 'red' });
  });

  it('assume-role whose SSO source expired, with role credentials still cached: timed by the cache', () => {
    const home = makeHome({ demo: true });
    const dirs = cacheDirectories({ home });
    writeCache(dirs.ssoCache, ssoTokenCacheKey({ ssoSession: 'acme' }).key, ssoToken(min(-10)));
    writeCache(dirs.cliCache, assumeRoleCacheKey({ role_arn: 'arn:aws:iam::555555555555:role/SecurityAudit', role_session_name: 'demo-auditor' }).key, roleCreds(min(40)));
    const r = inspectProfile(loadProfiles({ home }), 'security-audit', { home, now: NOW, runtime: 'js-sdk' });
    expect(r).toMatchObject({ status: 'valid', light: 'green', refreshesItself: false, ttlSeconds: 2400, nextStep: 'source dev-sandbox: run aws sso login --sso-session acme' });
    expect(r.source).toMatchObject({ status: 'expired', light: 'red' });
  });

  it('MFA chain with an expired source: log in to the source first, then enter the MFA code', () => {
    const config = '[sso-session s]\nsso_start_url = https://s.awsapps.com/start\nsso_region = eu-west-1\n[profile base]\nsso_session = s\nsso_account_id = 111111111111\nsso_role_name = R\n[profile m]\nrole_arn = arn:aws:iam::222222222222:role/M\nsource_profile = base\nmfa_serial = arn:aws:iam::111111111111:mfa/me\n';
    const home = makeHome({ config });
    writeCache(cacheDirectories({ home }).cliCache, assumeRoleCacheKey({ role_arn: 'arn:aws:iam::222222222222:role/M', mfa_serial: 'arn:aws:iam::111111111111:mfa/me' }).key, roleCreds(min(-1)));
    const r = inspectProfile(loadProfiles({ home }), 'm', { home, now: NOW, runtime: 'js-sdk' });
    expect(r).toMatchObject({ status: 'expired', light: 'red', nextStep: 'run aws sso login --sso-session s (source base), then run aws sts get-caller-identity --profile m and enter the MFA code' });
    expect(r.reason).toMatch(/needs MFA: arn:aws:iam::111111111111:mfa\/me/);
  });
});

describe('options.profiles', () => {
  it('inspects only the named profiles, in the given order', () => {
    const home = makeHome({ demo: true });
    expect(inspectProfiles(loadProfiles({ home }), { home, profiles: ['ci-bot', 'dev-sandbox'], runtime: 'js-sdk' }).map((s) => s.profile)).toEqual(['ci-bot', 'dev-sandbox']);
  });
});

describe('scale: 5,000 profiles against 2,000 cache files', () => {
  it('reads each cache file at most once', () => {
    const home = makeHome();
    const dirs = cacheDirectories({ home });
    const lines = ['[sso-session corp]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = eu-west-1'];
    for (let i = 0; i < 10; i++) lines.push(`[sso-session s${i}]`, `sso_start_url = https://s${i}.awsapps.com/start`, 'sso_region = eu-west-1');
    writeCache(dirs.ssoCache, ssoTokenCacheKey({ ssoSession: 'corp' }).key, ssoToken(min(120)));
    let files = 1;
    for (let i = 0; i < 4000; i++) {
      const account = String(100000000000 + i);
      lines.push(`[profile sso-${i}]`, `sso_session = ${i % 2 ? 'corp' : `s${i % 10}`}`, `sso_account_id = ${account}`, `sso_role_name = Role${i % 3}`);
      if (i < 1500) {
        writeCache(dirs.cliCache, ssoRoleCredentialsCacheKey({ accountId: account, roleName: `Role${i % 3}`, ssoSession: i % 2 ? 'corp' : `s${i % 10}` }).key, roleCreds(min(30)));
        files++;
      }
    }
    for (let i = 0; i < 1000; i++) {
      const arn = `arn:aws:iam::${200000000000 + i}:role/Deployer`;
      lines.push(`[profile role-${i}]`, `role_arn = ${arn}`, `source_profile = sso-${(i * 2 + 1) % 4000}`);
      if (i < 499) {
        writeCache(dirs.cliCache, assumeRoleCacheKey({ role_arn: arn }).key, roleCreds(min(50)));
        files++;
      }
    }
    expect(files).toBe(2000);
    const set = parseProfileFiles({ configText: lines.join('\n') });
    expect(Object.keys(set.profiles)).toHaveLength(5000);

    const reads = new Map<string, number>();
    const result = inspectProfiles(set, {
      home,
      now: NOW, runtime: 'js-sdk',
      readFile: (file) => {
        reads.set(file, (reads.get(file) ?? 0) + 1);
        return fs.readFileSync(file);
      },
    });
    expect(result).toHaveLength(5000);
    expect(Math.max(...reads.values())).toBe(1);
    // every existing cache file was looked at, once
    const existing = [...fs.readdirSync(dirs.cliCache).map((f) => path.join(dirs.cliCache, f)), ...fs.readdirSync(dirs.ssoCache).map((f) => path.join(dirs.ssoCache, f))];
    expect(existing).toHaveLength(2000);
    for (const file of existing) expect(reads.get(file)).toBe(1);
    const s = byName(result);
    expect(s['sso-1']).toMatchObject({ light: 'green' });
    expect(s['sso-0']).toMatchObject({ light: 'red', status: 'missing' });
    expect(s['role-0']).toMatchObject({ light: 'green', source: { profile: 'sso-1' } });
  });
});
