/**
 * Differential test: the cache file names we compute must be exactly botocore's. botocore itself
 * (python3) computes the keys through its real providers (AssumeRoleProvider, SSOProvider,
 * AssumeRoleWithWebIdentityProvider) from the same config; we compare with ours, end to end.
 * Needs python3 with botocore: when either is missing the test FAILS and says what to install.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadProfiles } from '@awsmcp/aws-config-parser';
import { inspectProfiles, type ProfileStatus } from './index';
import { CANARY, cleanupHomes, makeHome } from './__fixtures__/homes';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { requireBotocore } = require('../../../tools/jest/botocore-python') as { requireBotocore: (env?: NodeJS.ProcessEnv) => string };

afterAll(cleanupHomes);

const PYTHON = `
import json, sys
import botocore.session
from botocore import credentials as bc
from botocore.utils import SSOTokenLoader, generate_login_cache_key

recorded = []
def record(cls, kind):
    original = cls._create_cache_key
    def wrapper(self):
        key = original(self)
        recorded.append((kind, key))
        return key
    cls._create_cache_key = wrapper
record(bc.BaseAssumeRoleCredentialFetcher, 'role')
record(bc.SSOCredentialFetcher, 'sso')

out = {}
for name in json.loads(sys.argv[1]):
    recorded.clear()
    result = {}
    try:
        session = botocore.session.Session(profile=name)
        resolver = session.get_component('credential_provider')
        profile = session.full_config['profiles'][name]
        for method in ('assume-role', 'assume-role-with-web-identity', 'sso'):
            provider = resolver.get_provider(method)
            if provider.load() is not None:
                result['provider'] = method
                if method == 'sso':
                    cfg = provider._load_sso_config()
                    result['ssoToken'] = SSOTokenLoader()._generate_cache_key(cfg['sso_start_url'], cfg.get('sso_session'))
                break
        if 'login_session' in profile:
            result['login'] = generate_login_cache_key(profile['login_session'])
    except Exception as e:
        result['error'] = type(e).__name__
    result['roles'] = [k for kind, k in recorded if kind == 'role']
    sso = [k for kind, k in recorded if kind == 'sso']
    if sso:
        result['ssoRole'] = sso[-1]
    out[name] = result
print(json.dumps(out))
`;

interface BotocoreKeys {
  provider?: string;
  error?: string;
  ssoToken?: string;
  ssoRole?: string;
  roles: string[];
  login?: string;
}


function botocoreKeys(home: string, profiles: string[]): Record<string, BotocoreKeys> {
  const python = requireBotocore();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    PYTHONUTF8: '1',
    AWS_CONFIG_FILE: path.join(home, '.aws/config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, '.aws/credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  const r = spawnSync(python, ['-c', PYTHON, JSON.stringify(profiles)], { encoding: 'utf8', env, timeout: 60_000 });
  if (r.status !== 0) throw new Error(`botocore key script failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function ours(status: ProfileStatus) {
  const files = (kind: string) => status.cacheFiles.filter((f) => f.kind === kind).map((f) => f.key);
  return {
    ssoToken: files('sso-token')[0],
    ssoRole: files('sso-role-credentials')[0],
    roles: [...files('assume-role-credentials'), ...files('web-identity-credentials')],
    login: files('login-session')[0],
  };
}

function compare(home: string, names: string[]): Record<string, BotocoreKeys> {
  const theirs = botocoreKeys(home, names);
  const set = loadProfiles({ home });
  const statuses = inspectProfiles(set, { home, profiles: names, runtime: 'js-sdk' });
  for (const s of statuses) {
    const b = theirs[s.profile];
    expect({ profile: s.profile, error: b.error }).toEqual({ profile: s.profile, error: undefined });
    const o = ours(s);
    // chains: ours lists the source's SSO files first; only role keys are compared in order
    expect({ profile: s.profile, roles: o.roles }).toEqual({ profile: s.profile, roles: b.roles });
    if (b.provider === 'sso') {
      expect({ profile: s.profile, ssoToken: o.ssoToken, ssoRole: o.ssoRole }).toEqual({ profile: s.profile, ssoToken: b.ssoToken, ssoRole: b.ssoRole });
    }
    if (b.login) expect({ profile: s.profile, login: o.login }).toEqual({ profile: s.profile, login: b.login });
  }
  return theirs;
}

describe('cache keys match botocore', () => {
  it('fails (not skips) with what to install when python3 is missing', () => {
    expect(() => requireBotocore({ PATH: '/nonexistent' })).toThrow(/python3 is not installed.*pip install botocore/);
  });

  it('fails with what to install when python3 has no botocore', () => {
    if (process.platform === 'win32') return;
    const dir = makeHome();
    fs.writeFileSync(path.join(dir, 'python3'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    expect(() => requireBotocore({ PATH: dir })).toThrow(/no python3 on PATH can import botocore .*pip install botocore/);
  });

  it('for the demo home (sso-session, legacy SSO, role chains 2 and 3 deep, web identity, aws login)', () => {
    const home = makeHome({ demo: true });
    const names = ['dev-sandbox', 'staging-eu', 'prod-eu', 'prod-us', 'legacy-analytics', 'security-audit', 'shared-services', 'prod-deployer', 'github-oidc', 'console-login'];
    const theirs = compare(home, names);
    // make sure botocore really took the path we think it did
    expect(theirs['dev-sandbox'].provider).toBe('sso');
    expect(theirs['legacy-analytics'].provider).toBe('sso');
    expect(theirs['security-audit'].roles).toHaveLength(1);
    expect(theirs['prod-deployer'].roles).toHaveLength(2);
    expect(theirs['github-oidc'].provider).toBe('assume-role-with-web-identity');
    expect(theirs['console-login'].login).toMatch(/^[0-9a-f]{64}$/);
  });

  it('for assume-role with and without external_id / duration_seconds / mfa_serial / role_session_name, and odd values', () => {
    const roles: Record<string, string> = {
      'ar-plain': '',
      'ar-external-id': 'external_id = ext-123',
      'ar-duration': 'duration_seconds = 900',
      'ar-mfa': 'mfa_serial = arn:aws:iam::123456789012:mfa/me',
      'ar-session-name': 'role_session_name = my-session',
      'ar-all': 'external_id = ext-9\nduration_seconds = 43200\nmfa_serial = arn:aws:iam::123456789012:mfa/me\nrole_session_name = all-of-them',
      'ar-empty-session-name': 'role_session_name =',
      'ar-empty-external-id': 'external_id =',
      'ar-empty-mfa': 'mfa_serial =',
      'ar-duration-leading-zero': 'duration_seconds = 0900',
      'ar-duration-underscore': 'duration_seconds = 1_800',
      'ar-duration-signed': 'duration_seconds = +3600',
      'ar-duration-not-a-number': 'duration_seconds = one hour',
      'ar-duration-huge': 'duration_seconds = 123456789012345678901234567890',
      'ar-unicode': 'external_id = ünïcødé-€-😀\nrole_session_name = sess',
      'ar-escapes': 'external_id = quote"back\\slash/tab\there',
      'ar-path': '',
    };
    const lines = ['[sso-session corp]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = eu-west-1', ''];
    for (const [name, extra] of Object.entries(roles)) {
      const arn = name === 'ar-path' ? 'arn:aws:iam::123456789012:role/team/sub/PathRole' : `arn:aws:iam::123456789012:role/${name}`;
      lines.push(`[profile ${name}]`, `role_arn = ${arn}`, 'source_profile = keys', ...(extra ? [extra] : []), '');
    }
    lines.push(
      '[profile ar-chain-3]',
      'role_arn = arn:aws:iam::210987654321:role/Third',
      'source_profile = ar-all',
      '',
      '[profile ar-from-sso]',
      'role_arn = arn:aws:iam::210987654321:role/FromSso',
      'source_profile = sso-a',
      'duration_seconds = 3600',
      '',
      '[profile sso-a]',
      'sso_session = corp',
      'sso_account_id = 111111111111',
      'sso_role_name = AdministratorAccess',
      '',
      '[profile sso-b]',
      'sso_session = corp',
      'sso_account_id = 011111111111',
      'sso_role_name = Read.Only+Access@x',
      '',
      '[profile legacy]',
      'sso_start_url = https://legacy.awsapps.com/start#/',
      'sso_region = us-east-1',
      'sso_account_id = 222222222222',
      'sso_role_name = Dev',
      '',
      '[profile wi]',
      'role_arn = arn:aws:iam::123456789012:role/WI',
      'web_identity_token_file = /nonexistent/token',
      '',
      '[profile wi-named]',
      'role_arn = arn:aws:iam::123456789012:role/WI',
      'web_identity_token_file = /nonexistent/token',
      'role_session_name = wi-session',
      '',
      '[profile login-a]',
      'login_session = arn:aws:iam::999999999999:user/ünï',
      '',
    );
    const home = makeHome({ config: lines.join('\n'), credentials: `[keys]\naws_access_key_id = AKIAEXAMPLEKEY000001\naws_secret_access_key = ${CANARY}\n` });
    const names = [...Object.keys(roles), 'ar-chain-3', 'ar-from-sso', 'sso-a', 'sso-b', 'legacy', 'wi', 'wi-named', 'login-a'];
    const theirs = compare(home, names);
    expect(theirs['ar-chain-3'].roles).toHaveLength(2);
    expect(theirs['sso-b'].provider).toBe('sso');
    expect(fs.existsSync(path.join(home, '.aws/cli/cache'))).toBe(false); // nothing was written
  });
});
