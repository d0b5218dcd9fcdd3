/**
 * botocore's own cases, translated into homes: tests/unit/test_credentials.py and
 * tests/unit/login/login-provider-test-cases.json of boto/botocore (commit 0e6e2404b). Each case
 * names its source. botocore's unit tests build one provider with a mocked config; here each case
 * is a home and the whole resolver answers (`Session(profile).get_credentials()`), so a few expected
 * answers differ from the unit test's (noted on the case). Every case is checked twice: ours, and
 * botocore itself on the same home (botocore_oracle.py), so a wrong translation fails too.
 */
import * as path from 'node:path';
import { loadProfiles } from '@awsmcp/aws-config-parser';
import { inspectProfile, loginCacheKey } from './index';
import { CANARY, cleanupHomes, makeHome, writeCache } from './__fixtures__/homes';
import { askBotocore, type OracleAnswer } from './__fixtures__/oracle';

afterAll(cleanupHomes);

const SRC = 'boto/botocore@0e6e2404b tests/unit/test_credentials.py';
const LOGIN_SRC = 'boto/botocore@0e6e2404b tests/unit/login/login-provider-test-cases.json';
const NOW = Date.parse('2025-11-19T00:00:00Z');

interface Case {
  source: string;
  config: string;
  credentials?: string;
  profile: string;
  crt?: boolean;
  /** aws login cache for `login_session` = LOGIN: the fields present (canary values). */
  loginCache?: string[];
  expected: { method: string | null } | { error: string };
  /** ours beyond the provider: the status and light a server would see. */
  status?: string;
  light?: string;
}

const ROLE_SETUP =
  '[profile development]\nrole_arn = myrole\nsource_profile = longterm\n' +
  '[profile longterm]\naws_access_key_id = akid\naws_secret_access_key = skid\n' +
  '[profile non-static]\nrole_arn = myrole\ncredential_source = Environment\n' +
  '[profile chained]\nrole_arn = chained-role\nsource_profile = development\n';
const SSO = 'sso_region = us-east-1\nsso_start_url = https://d-92671207e4.awsapps.com/start\nsso_role_name = test-role\nsso_account_id = 1234567890\n';
const LOGIN = 'arn:aws:sts::012345678910:assumed-role/Admin/admin';
const LOGIN_CONFIG = `[profile signin]\nlogin_session = ${LOGIN}\n`;
const ALL_LOGIN_FIELDS = ['accessToken', 'clientId', 'dpopKey', 'idToken', 'refreshToken'];

const CASES: Case[] = [
  { source: `${SRC} TestAssumeRoleCredentialProvider.test_assume_role_with_no_cache`, config: ROLE_SETUP, profile: 'development', expected: { method: 'assume-role' }, status: 'valid' },
  { source: `${SRC} TestAssumeRoleCredentialProvider.test_source_profile_not_provided`, config: '[profile development]\nrole_arn = myrole\n', profile: 'development', expected: { error: 'PartialCredentialsError' }, status: 'config-error', light: 'red' },
  { source: `${SRC} TestAssumeRoleCredentialProvider.test_source_profile_does_not_exist`, config: '[profile development]\nrole_arn = myrole\nsource_profile = does-not-exist\n', profile: 'development', expected: { error: 'InvalidConfigError' }, status: 'config-error', light: 'red' },
  {
    // the unit test (no profile provider builder) expects PartialCredentialsError; the full resolver
    // asks the source's own providers, finds none, and raises InvalidConfigError
    source: `${SRC} TestAssumeRoleCredentialProvider.test_incomplete_source_credentials_raises_error`,
    config: '[profile development]\nrole_arn = myrole\nsource_profile = longterm\n[profile longterm]\naws_secret_access_key = skid\n',
    profile: 'development',
    expected: { error: 'InvalidConfigError' },
  },
  { source: `${SRC} TestAssumeRoleCredentialProvider.test_source_profile_and_credential_source_provided`, config: '[profile development]\nrole_arn = myrole\nsource_profile = longterm\ncredential_source = SomeCredentialProvider\n[profile longterm]\naws_access_key_id = akid\naws_secret_access_key = skid\n', profile: 'development', expected: { error: 'InvalidConfigError' } },
  { source: `${SRC} TestAssumeRoleCredentialProvider.test_credential_source_not_among_providers`, config: '[profile non-static]\nrole_arn = myrole\ncredential_source = CustomInvalidProvider\n', profile: 'non-static', expected: { error: 'InvalidConfigError' } },
  // the platform provides credential_source's credentials (the oracle's assumption, see botocore_oracle.py)
  { source: `${SRC} TestAssumeRoleCredentialProvider.test_assume_role_with_credential_source`, config: ROLE_SETUP, profile: 'non-static', expected: { method: 'assume-role' }, status: 'valid' },
  { source: `${SRC} TestAssumeRoleCredentialProvider.test_source_profile_can_reference_self`, config: '[profile self-referencial]\naws_access_key_id = akid\naws_secret_access_key = skid\nrole_arn = myrole\nsource_profile = self-referencial\n', profile: 'self-referencial', expected: { method: 'assume-role' } },
  { source: `${SRC} TestAssumeRoleCredentialProvider.test_infinite_looping_profiles_raises_error`, config: '[profile first]\nrole_arn = first\nsource_profile = second\n[profile second]\nrole_arn = second\nsource_profile = first\n', profile: 'first', expected: { error: 'InfiniteLoopConfigError' }, light: 'red' },
  { source: `${SRC} TestAssumeRoleCredentialProvider.test_recursive_assume_role`, config: '[profile first]\nrole_arn = first\nsource_profile = second\n[profile second]\nrole_arn = second\nsource_profile = third\n[profile third]\naws_access_key_id = akid\naws_secret_access_key = skid\n', profile: 'first', expected: { method: 'assume-role' } },
  { source: `${SRC} TestAssumeRoleCredentialProvider.test_chain_prefers_cache`, config: ROLE_SETUP, profile: 'chained', expected: { method: 'assume-role' } },
  // botocore defers the MFA prompt: the provider is assume-role, but a server cannot answer it
  { source: `${SRC} TestAssumeRoleCredentialProvider.test_assume_role_with_mfa`, config: ROLE_SETUP.replace('source_profile = longterm\n', 'source_profile = longterm\nmfa_serial = mfa\n'), profile: 'development', expected: { method: 'assume-role' }, status: 'needs-input', light: 'red' },
  { source: `${SRC} TestAssumeRoleCredentialProvider.test_no_config_is_noop`, config: '[profile development]\naws_access_key_id = foo\naws_secret_access_key = bar\n', profile: 'development', expected: { method: 'config-file' } },
  { source: `${SRC} TestCreateCredentialResolver.test_config_file_returns_creds_if_assume_role_not_used`, config: '[profile dev]\naws_access_key_id = a\naws_secret_access_key = b\n', profile: 'dev', expected: { method: 'config-file' }, status: 'long-lived' },
  { source: `${SRC} TestCreateCredentialResolver.test_creds_file_returns_creds_if_assume_role_not_used`, config: '', credentials: '[dev]\naws_access_key_id = a\naws_secret_access_key = b\n', profile: 'dev', expected: { method: 'shared-credentials-file' } },
  { source: `${SRC} TestCreateCredentialResolver.test_assume_role_creds_returned_with_cred_file`, config: '[profile dev]\nrole_arn = myrole\nsource_profile = dev\n', credentials: '[dev]\naws_access_key_id = a\naws_secret_access_key = b\n', profile: 'dev', expected: { method: 'assume-role' } },
  { source: `${SRC} TestProfileProviderBuilder.test_profile_provider_builder_order (SSO before shared-credentials-file)`, config: `[profile p]\n${SSO}`, credentials: '[p]\naws_access_key_id = a\naws_secret_access_key = b\n', profile: 'p', expected: { method: 'sso' } },
  { source: `${SRC} TestProfileProviderBuilder.test_profile_provider_builder_order (SSO before custom-process)`, config: `[profile p]\n${SSO}credential_process = aws-sso-util credential-process --profile p\n`, profile: 'p', expected: { method: 'sso' } },
  { source: `${SRC} TestProfileProviderBuilder.test_profile_provider_builder_order (web identity first)`, config: `[profile p]\nweb_identity_token_file = /some/path/token.jwt\nrole_arn = arn:aws:iam::123:role/role-name\n${SSO}`, profile: 'p', expected: { method: 'assume-role-with-web-identity' }, status: 'missing', light: 'red' },
  { source: `${SRC} TestProfileProviderBuilder.test_profile_provider_builder_order (custom-process before config-file)`, config: '[profile p]\ncredential_process = some-tool\naws_access_key_id = a\naws_secret_access_key = b\n', profile: 'p', expected: { method: 'custom-process' } },
  { source: `${SRC} TestSSOProvider.test_load_sso_credentials_without_cache`, config: `[profile sso-profile]\n${SSO}`, profile: 'sso-profile', expected: { method: 'sso' }, status: 'missing', light: 'red' },
  ...['sso_start_url', 'sso_region', 'sso_role_name', 'sso_account_id'].map(
    (key): Case => ({
      source: `${SRC} TestSSOProvider.test_required_config_not_set (${key})`,
      config: `[profile sso-profile]\n${SSO.replace(new RegExp(`${key} = [^\\n]*\\n`), '')}`,
      profile: 'sso-profile',
      expected: { error: 'InvalidConfigError' },
      status: 'config-error',
      light: 'red',
    }),
  ),
  { source: `${SRC} TestAssumeRoleWithWebIdentityCredentialProvider (no role_arn)`, config: '[profile some-profile]\nweb_identity_token_file = /some/path/token.jwt\n', profile: 'some-profile', expected: { error: 'InvalidConfigError' } },
  { source: `${LOGIN_SRC} (without botocore[crt])`, config: LOGIN_CONFIG, profile: 'signin', loginCache: ALL_LOGIN_FIELDS, expected: { error: 'MissingDependencyException' }, status: 'missing-dependency', light: 'red' },
  { source: `${LOGIN_SRC} "Success - Valid credentials are returned immediately"`, config: LOGIN_CONFIG, profile: 'signin', crt: true, loginCache: ALL_LOGIN_FIELDS, expected: { method: 'login' }, status: 'valid' },
  { source: `${LOGIN_SRC} "Failure - No cache file"`, config: LOGIN_CONFIG, profile: 'signin', crt: true, expected: { error: 'LoginTokenLoadError' }, light: 'red' },
  ...(['accessToken', 'refreshToken', 'clientId', 'dpopKey'] as const).map(
    (field): Case => ({
      source: `${LOGIN_SRC} "Failure - Missing ${field === 'clientId' ? 'clientId in cache' : field}"`,
      config: LOGIN_CONFIG,
      profile: 'signin',
      crt: true,
      loginCache: ALL_LOGIN_FIELDS.filter((f) => f !== field),
      expected: { error: 'LoginTokenLoadError' },
      light: 'red',
    }),
  ),
];

function loginBody(fields: string[]): Record<string, unknown> {
  const all: Record<string, unknown> = {
    accessToken: { accessKeyId: CANARY, secretAccessKey: CANARY, sessionToken: CANARY, accountId: '012345678901', expiresAt: '3025-09-14T04:05:45Z' },
    clientId: 'arn:aws:signin:::devtools/same-device',
    dpopKey: `-----BEGIN PRIVATE KEY-----\n${CANARY}\n-----END PRIVATE KEY-----`,
    idToken: CANARY,
    refreshToken: CANARY,
  };
  return Object.fromEntries(fields.map((f) => [f, all[f]]));
}

const homes = CASES.map((c) => {
  const home = makeHome({ config: c.config, credentials: c.credentials ?? '' });
  if (c.loginCache) writeCache(path.join(home, '.aws/login/cache'), loginCacheKey(LOGIN).key, loginBody(c.loginCache));
  return home;
});
let theirs: Record<string, OracleAnswer>[] = [];
beforeAll(() => {
  theirs = askBotocore(CASES.map((c, i) => ({ home: homes[i], profiles: [c.profile], crt: c.crt })));
});

describe.each(CASES.map((c, i) => [c.source, c, i] as const))('%s', (_source, c, i) => {
  it('botocore itself gives the expected answer on this home', () => {
    const b = theirs[i][c.profile];
    expect('error' in b ? { error: b.error } : { method: b.method }).toEqual(c.expected);
  });

  it('and so do we', () => {
    const home = homes[i];
    const s = inspectProfile(loadProfiles({ home, env: { HOME: home } }), c.profile, { home, env: { HOME: home }, now: NOW, crt: c.crt });
    expect(s.failure ? { error: s.failure.exception } : { method: s.provider }).toEqual(c.expected);
    if (c.status) expect(s.status).toBe(c.status);
    if (c.light) expect(s.light).toBe(c.light);
    expect(JSON.stringify(s)).not.toContain(CANARY);
  });
});
