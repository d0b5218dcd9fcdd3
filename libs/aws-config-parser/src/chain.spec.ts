import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveChain } from './chain';
import { ChainError } from './errors';
import { parseProfileFiles } from './load';

const demo = path.join(__dirname, '../../../tools/demo/home/.aws');
const demoSet = parseProfileFiles({
  configText: fs.readFileSync(path.join(demo, 'config'), 'utf8'),
  credentialsText: fs.readFileSync(path.join(demo, 'credentials'), 'utf8'),
});
const set = (configText: string, credentialsText = '') => parseProfileFiles({ configText, credentialsText });

function chainError(fn: () => unknown): ChainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ChainError) return e;
    throw e;
  }
  throw new Error('expected a ChainError');
}

describe('resolveChain', () => {
  it('two deep: SSO source, then one role', () => {
    const chain = resolveChain(demoSet, 'security-audit');
    expect(chain.base).toMatchObject({ kind: 'sso', profile: 'dev-sandbox', ssoSession: 'acme', accountId: '111111111111' });
    expect(chain.roles).toEqual([
      { profile: 'security-audit', roleArn: 'arn:aws:iam::555555555555:role/SecurityAudit', accountId: '555555555555', roleName: 'SecurityAudit', roleSessionName: 'demo-auditor' },
    ]);
    expect(chain.profiles).toEqual(['security-audit', 'dev-sandbox']);
  });

  it('three deep: static keys, then roles in the order they are assumed', () => {
    const chain = resolveChain(demoSet, 'prod-deployer');
    expect(chain.base).toEqual({ kind: 'static', profile: 'ci-bot', hasSessionToken: false });
    expect(chain.roles.map((r) => r.profile)).toEqual(['shared-services', 'prod-deployer']);
    expect(chain.roles[0]).toMatchObject({ externalId: 'demo-external-id', durationSeconds: 3600 });
    expect(chain.roles[1]).toMatchObject({ mfaSerial: 'arn:aws:iam::666666666666:mfa/demo-user' });
    expect(JSON.stringify(chain)).not.toContain('DEMO-FAKE-SECRET');
  });

  it('credential_source ends the chain', () => {
    expect(resolveChain(demoSet, 'from-instance').base).toEqual({ kind: 'credential-source', profile: 'from-instance', source: 'Ec2InstanceMetadata' });
  });

  it('base kinds: web identity, credential_process, login, sso', () => {
    expect(resolveChain(demoSet, 'github-oidc').base).toMatchObject({ kind: 'web-identity', roleArn: 'arn:aws:iam::888888888888:role/GitHubActions' });
    expect(resolveChain(demoSet, 'granted-dev').base).toEqual({ kind: 'credential-process', profile: 'granted-dev', tool: 'granted' });
    expect(resolveChain(demoSet, 'console-login').base).toMatchObject({ kind: 'login' });
    expect(resolveChain(demoSet, 'granted-prod').base).toMatchObject({ kind: 'credential-process', tool: 'granted' });
    expect(resolveChain(demoSet, 'prod-eu').roles).toEqual([]);
  });

  it('the first profile assumes its role even when it has static keys', () => {
    const s = set('[profile a]\nrole_arn = arn:aws:iam::123456789012:role/A\nsource_profile = b\naws_access_key_id = K\naws_secret_access_key = S\n[profile b]\naws_access_key_id = K2\naws_secret_access_key = S2');
    const chain = resolveChain(s, 'a');
    expect(chain.roles.map((r) => r.profile)).toEqual(['a']);
    expect(chain.base).toMatchObject({ kind: 'static', profile: 'b' });
  });

  it('static keys further down end the chain (their role_arn is ignored)', () => {
    const s = set('[profile a]\nrole_arn = arn:aws:iam::123456789012:role/A\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::123456789012:role/B\nsource_profile = c\naws_access_key_id = K\naws_secret_access_key = S');
    const chain = resolveChain(s, 'a');
    expect(chain.roles.map((r) => r.profile)).toEqual(['a']);
    expect(chain.base).toMatchObject({ kind: 'static', profile: 'b' });
  });

  it('a profile that is its own source uses its own keys', () => {
    const s = set('[profile a]\nrole_arn = arn:aws:iam::123456789012:role/A\nsource_profile = a\naws_access_key_id = K\naws_secret_access_key = S');
    const chain = resolveChain(s, 'a');
    expect(chain.base).toMatchObject({ kind: 'static', profile: 'a' });
    expect(chain.roles).toHaveLength(1);
  });

  it.each([
    ['loop', '[profile a]\nrole_arn = arn:aws:iam::123456789012:role/A\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::123456789012:role/B\nsource_profile = a', 'a', 'CHAIN_LOOP', ['a', 'b', 'a']],
    ['missing source', '[profile a]\nrole_arn = arn:aws:iam::123456789012:role/A\nsource_profile = nope', 'a', 'SOURCE_PROFILE_NOT_FOUND', ['a', 'nope']],
    ['missing profile', '', 'ghost', 'PROFILE_NOT_FOUND', ['ghost']],
    ['both sources', '[profile a]\nrole_arn = arn:aws:iam::123456789012:role/A\nsource_profile = b\ncredential_source = Environment\n[profile b]\naws_access_key_id = K\naws_secret_access_key = S', 'a', 'SOURCE_PROFILE_AND_CREDENTIAL_SOURCE', ['a']],
    ['role without source', '[profile a]\nrole_arn = arn:aws:iam::123456789012:role/A', 'a', 'ROLE_WITHOUT_SOURCE', ['a']],
    ['partial keys', '[profile a]\nrole_arn = arn:aws:iam::123456789012:role/A\nsource_profile = b\n[profile b]\naws_access_key_id = K', 'a', 'PARTIAL_STATIC_KEYS', ['a', 'b']],
    ['nothing at all', '[profile a]\nregion = x', 'a', 'NO_CREDENTIAL_SOURCE', ['a']],
    ['bad credential_source', '[profile a]\nrole_arn = arn:aws:iam::123456789012:role/A\ncredential_source = Laptop', 'a', 'INVALID_CREDENTIAL_SOURCE', ['a']],
  ])('%s is a typed error naming the profiles', (_label, config, name, code, profiles) => {
    const err = chainError(() => resolveChain(set(config), name));
    expect(err.code).toBe(code);
    expect(err.profiles).toEqual(profiles);
    for (const p of profiles) expect(err.message).toContain(p);
  });
});
