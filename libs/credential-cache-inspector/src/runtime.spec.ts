/**
 * The verdicts under the server's own SDK (issue 12): the cases users hit, botocore's rules against
 * the JS SDK's on the same home.
 */
import * as path from 'node:path';
import { loadProfiles } from '@awsmcp/aws-config-parser';
import { assumeRoleCacheKey, inspectProfile, loginCacheKey, resolveProvider, runtimeOfCommand, ssoTokenCacheKey } from './index';
import { CANARY, cleanupHomes, iso, loginSession, makeHome, refreshable, ssoToken, writeCache } from './__fixtures__/homes';

afterAll(cleanupHomes);

const NOW = Date.parse('2026-11-25T10:00:00Z');
const MIN = 60_000;
const SESSION = '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n';
const SSO_PROFILE = 'sso_session = corp\nsso_account_id = 111111111111\nsso_role_name = Admin\n';

function home(config: string, credentials = ''): { home: string; inspect: (name: string, options?: Record<string, unknown>) => ReturnType<typeof inspectProfile> } {
  const h = makeHome({ config, credentials });
  return { home: h, inspect: (name, options = {}) => inspectProfile(loadProfiles({ home: h }), name, { home: h, env: { HOME: h }, now: NOW, ...options }) };
}

describe('which provider wins', () => {
  it('the aws-sso-util recipe (SSO settings + credential_process): botocore uses the SSO token, the JS SDK the process', () => {
    const t = home(`${SESSION}[profile recipe]\n${SSO_PROFILE}credential_process = aws-sso-util credential-process --profile recipe\n`);
    writeCache(path.join(t.home, '.aws/sso/cache'), ssoTokenCacheKey({ ssoSession: 'corp' }).key, ssoToken(iso(NOW + 40 * MIN)));
    const py = t.inspect('recipe');
    expect(py).toMatchObject({ runtime: 'botocore', provider: 'sso', status: 'valid', light: 'green', refreshesItself: false, ttlSeconds: 2400 });
    const js = t.inspect('recipe', { runtime: 'js-sdk' });
    expect(js).toMatchObject({ runtime: 'js-sdk', provider: 'custom-process', status: 'external' });
  });

  it('SSO in config + keys in credentials (prod-eu): botocore uses SSO, not the keys', () => {
    const t = home(`${SESSION}[profile prod-eu]\n${SSO_PROFILE}`, `[prod-eu]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = ${CANARY}\n`);
    const py = t.inspect('prod-eu');
    expect(py).toMatchObject({ provider: 'sso', status: 'missing', light: 'red', command: 'aws sso login --sso-session corp' });
    expect(t.inspect('prod-eu', { runtime: 'js-sdk' })).toMatchObject({ provider: 'shared-credentials-file', status: 'long-lived' });
    expect(JSON.stringify(py)).not.toContain(CANARY);
  });

  it('resolveProvider is the data: the chain below an assume-role profile', () => {
    const t = home(`${SESSION}[profile sso]\n${SSO_PROFILE}[profile admin]\nrole_arn = arn:aws:iam::222222222222:role/Admin\nsource_profile = sso\n`);
    const r = resolveProvider(loadProfiles({ home: t.home }), 'admin');
    expect(r).toMatchObject({
      runtime: 'botocore',
      provider: 'assume-role',
      roles: [{ profile: 'admin', roleArn: 'arn:aws:iam::222222222222:role/Admin', accountId: '222222222222', roleName: 'Admin' }],
      source: { profile: 'sso', provider: 'sso', sso: { session: 'corp', startUrl: 'https://corp.awsapps.com/start', region: 'eu-west-1', accountId: '111111111111', roleName: 'Admin' } },
    });
  });
});

describe('works unattended?', () => {
  it('MFA: a green ~/.aws/cli/cache role says nothing; botocore would prompt, a server cannot', () => {
    const t = home('[profile keys]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = x\n[profile mfa]\nrole_arn = arn:aws:iam::123456789012:role/R\nsource_profile = keys\nmfa_serial = arn:aws:iam::123456789012:mfa/me\n');
    const props = loadProfiles({ home: t.home }).profiles.mfa.properties;
    writeCache(path.join(t.home, '.aws/cli/cache'), assumeRoleCacheKey(props).key, { Credentials: { AccessKeyId: CANARY, SecretAccessKey: CANARY, SessionToken: CANARY, Expiration: iso(NOW + 50 * MIN) } });
    expect(t.inspect('mfa', { runtime: 'js-sdk' }).light).toBe('green');
    const py = t.inspect('mfa');
    expect(py).toMatchObject({ provider: 'assume-role', status: 'needs-input', light: 'red', refreshesItself: false, cacheFiles: [] });
    expect(py.reason).toMatch(/MFA code on the terminal; a server has none/);
    expect(py.nextStep).toMatch(/credential_process/);
  });

  it('aws login needs botocore[crt]: red, with the dependency named; with crt the session counts', () => {
    const session = 'arn:aws:iam::123456789012:user/me';
    const t = home(`[profile console]\nlogin_session = ${session}\n`);
    writeCache(path.join(t.home, '.aws/login/cache'), loginCacheKey(session).key, loginSession(iso(NOW + 10 * MIN)));
    const py = t.inspect('console');
    expect(py).toMatchObject({ provider: null, status: 'missing-dependency', light: 'red', failure: { exception: 'MissingDependencyException', key: 'login_session' }, command: 'aws login --profile console' });
    expect(py.nextStep).toMatch(/botocore\[crt\]/);
    expect(t.inspect('console', { crt: true })).toMatchObject({ provider: 'login', status: 'valid', refreshesItself: true });
  });

  it('aws login caches without clientId or dpopKey are not valid to botocore', () => {
    const session = 'arn:aws:iam::123456789012:user/me';
    const t = home(`[profile console]\nlogin_session = ${session}\n`);
    const body = loginSession(iso(NOW + 50 * MIN));
    delete body.dpopKey;
    writeCache(path.join(t.home, '.aws/login/cache'), loginCacheKey(session).key, body);
    const s = t.inspect('console', { crt: true });
    expect(s).toMatchObject({ provider: null, light: 'red', failure: { exception: 'LoginTokenLoadError' } });
    expect(s.reason).toMatch(/missing required fields: dpopKey/);
  });

  it.each([
    ['sso_account_id', `${SESSION}[profile p]\nsso_session = corp\nsso_role_name = Admin\n`],
    ['sso_role_name', `${SESSION}[profile p]\nsso_session = corp\nsso_account_id = 111111111111\n`],
    ['sso_region', '[profile p]\nsso_start_url = https://corp.awsapps.com/start\nsso_account_id = 111111111111\nsso_role_name = Admin\n'],
    ['sso_start_url', '[profile p]\nsso_region = eu-west-1\nsso_account_id = 111111111111\nsso_role_name = Admin\n'],
    ['sso_session', `[profile p]\n${SSO_PROFILE}`],
    ['sso_region', `${SESSION}[profile p]\n${SSO_PROFILE}sso_region = us-east-1\n`],
  ])('invalid SSO settings are red with the key to fix (%s), even with a good token', (key, config) => {
    const t = home(config);
    writeCache(path.join(t.home, '.aws/sso/cache'), ssoTokenCacheKey({ ssoSession: 'corp' }).key, ssoToken(iso(NOW + 8 * 3600_000), refreshable(iso(NOW + 80 * 86_400_000))));
    const s = t.inspect('p');
    expect(s).toMatchObject({ provider: null, status: 'config-error', light: 'red', failure: { exception: 'InvalidConfigError', key } });
    expect(s.nextStep).toContain(key === 'sso_session' ? '[sso-session corp]' : key);
  });
});

describe('renews itself?', () => {
  const t = () => home(`${SESSION}[profile p]\n${SSO_PROFILE}`);
  const write = (h: string, extra: Record<string, unknown>) => writeCache(path.join(h, '.aws/sso/cache'), ssoTokenCacheKey({ ssoSession: 'corp' }).key, ssoToken(iso(NOW + 20 * MIN), extra));

  it('with refreshToken, clientId, clientSecret and a registration ahead: yes', () => {
    const h = t();
    write(h.home, refreshable(iso(NOW + 80 * 86_400_000)));
    expect(h.inspect('p')).toMatchObject({ provider: 'sso', refreshesItself: true, light: 'green' });
  });

  it.each(['clientId', 'clientSecret', 'registrationExpiresAt'])('a refresh token without %s: botocore cannot refresh (the JS SDK rules differ)', (missing) => {
    const h = t();
    const extra = refreshable(iso(NOW + 80 * 86_400_000));
    delete extra[missing];
    write(h.home, extra);
    const s = h.inspect('p');
    expect(s).toMatchObject({ provider: 'sso', refreshesItself: false, light: 'amber', ttlSeconds: 1200 });
    expect(s.reason).toContain(`no ${missing}`);
  });

  it('legacy SSO never refreshes', () => {
    const h = home('[profile p]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\nsso_account_id = 111111111111\nsso_role_name = Admin\n');
    writeCache(path.join(h.home, '.aws/sso/cache'), ssoTokenCacheKey({ startUrl: 'https://corp.awsapps.com/start' }).key, ssoToken(iso(NOW + 90 * MIN), refreshable(iso(NOW + 80 * 86_400_000))));
    expect(h.inspect('p')).toMatchObject({ provider: 'sso', refreshesItself: false, light: 'green' });
  });

  it('a role from SSO renews as its source does; no role cache file is read', () => {
    const h = home(`${SESSION}[profile sso]\n${SSO_PROFILE}[profile admin]\nrole_arn = arn:aws:iam::222222222222:role/Admin\nsource_profile = sso\n`);
    write(h.home, refreshable(iso(NOW + 80 * 86_400_000)));
    const s = h.inspect('admin');
    expect(s).toMatchObject({ provider: 'assume-role', refreshesItself: true, light: 'green', source: { profile: 'sso', kind: 'sso' } });
    expect(s.cacheFiles.map((f) => f.kind)).toEqual(['sso-token']);
  });
});

describe('runtimeOfCommand', () => {
  it.each([
    ['uvx', [], 'botocore'],
    ['/usr/local/bin/python3.12', ['-m', 'awslabs.eks_mcp_server'], 'botocore'],
    ['npx', ['-y', '@modelcontextprotocol/server-everything'], 'js-sdk'],
    ['node.exe', [], 'js-sdk'],
    ['env', ['AWS_PROFILE=dev', 'uvx', 'x'], 'botocore'],
    ['docker', ['run', 'image'], undefined],
  ] as const)('%s %j -> %s', (command, args, expected) => {
    expect(runtimeOfCommand(command, args)).toBe(expected);
  });
});
