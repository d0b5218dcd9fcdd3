/**
 * fast-check homes for the differential test against botocore: profiles mixing SSO (sessions and
 * legacy), roles and chains, web identity, credential_process, aws login, static keys in either
 * file (or half a pair), MFA, the aws-sso-util recipe (SSO settings + credential_process), SSO in
 * config + keys in credentials, broken references; plus aws login cache states.
 */
import * as fc from 'fast-check';

export const NAMES = ['default', 'dev', 'prod', 'ci', 'base', 'hub'] as const;

export interface GeneratedProfile {
  name: string;
  config: [string, string][];
  credentials: [string, string][];
}

export type LoginCacheState = 'absent' | 'complete' | 'no-dpop-key' | 'no-client-id';

export interface GeneratedHome {
  profiles: GeneratedProfile[];
  sessions: { name: string; props: [string, string][] }[];
  /** login_session value -> the state of its cache file. */
  loginCaches: Record<string, LoginCacheState>;
  crt: boolean;
}

const START = 'https://corp.awsapps.com/start';
const ROLE = 'arn:aws:iam::123456789012:role/Admin';

/** `a` in one draw out of `1 + absent` (undefined otherwise). */
const opt = <T>(a: fc.Arbitrary<T>, absent = 1): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: absent }, { arbitrary: a, weight: 1 });

const sso = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 2 },
  {
    arbitrary: fc.record({
      session: fc.constantFrom('corp', 'corp', 'dev', 'ghost'),
      account: fc.constantFrom(true, true, true, false),
      role: fc.constantFrom(true, true, true, false),
      conflictRegion: fc.constantFrom(false, false, false, true),
      sameStartUrl: fc.constantFrom(false, false, true),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      legacy: fc.constant(true),
      startUrl: fc.constantFrom(true, true, true, false),
      region: fc.constantFrom(true, true, true, false),
      account: fc.constantFrom(true, true, true, false),
      role: fc.constantFrom(true, true, true, false),
    }),
    weight: 1,
  },
);

const profileFeatures = fc.record({
  sso,
  role: opt(
    fc.record({
      source: fc.oneof({ arbitrary: fc.constantFrom<string>(...NAMES), weight: 8 }, { arbitrary: fc.constantFrom('missing', 'SELF'), weight: 1 }),
      credentialSource: opt(fc.constantFrom('Ec2InstanceMetadata', 'EcsContainer', 'Environment', 'Bogus'), 5),
      noSource: fc.constantFrom(false, false, false, false, false, true),
      mfa: fc.constantFrom(false, false, false, true),
    }),
    2,
  ),
  webIdentity: opt(fc.record({ roleArn: fc.constantFrom(true, true, true, false) }), 8),
  process: opt(fc.constant(true), 3),
  login: opt(fc.constantFrom('arn:aws:iam::123456789012:user/alice', 'arn:aws:iam::123456789012:user/bob'), 3),
  keys: opt(fc.record({ file: fc.constantFrom('config', 'credentials', 'both'), partial: fc.constantFrom(false, false, false, false, true), token: fc.boolean() }), 2),
  region: fc.boolean(),
  credentialsOnly: fc.constantFrom(false, false, false, false, true),
});

type Features = typeof profileFeatures extends fc.Arbitrary<infer T> ? T : never;

function build(name: string, f: Features): GeneratedProfile {
  const config: [string, string][] = [];
  const credentials: [string, string][] = [];
  if (f.region) config.push(['region', 'eu-west-1']);
  const s = f.sso;
  if (s && 'session' in s) {
    config.push(['sso_session', s.session]);
    if (s.account) config.push(['sso_account_id', '111111111111']);
    if (s.role) config.push(['sso_role_name', 'Admin']);
    if (s.conflictRegion) config.push(['sso_region', 'us-east-1']);
    if (s.sameStartUrl) config.push(['sso_start_url', START]);
  } else if (s && 'legacy' in s) {
    if (s.startUrl) config.push(['sso_start_url', START]);
    if (s.region) config.push(['sso_region', 'eu-west-1']);
    if (s.account) config.push(['sso_account_id', '111111111111']);
    if (s.role) config.push(['sso_role_name', 'Admin']);
  }
  if (f.role) {
    config.push(['role_arn', ROLE]);
    if (!f.role.noSource) {
      config.push(['source_profile', f.role.source === 'SELF' ? name : f.role.source]);
      if (f.role.credentialSource) config.push(['credential_source', f.role.credentialSource]);
    } else if (f.role.credentialSource) {
      config.push(['credential_source', f.role.credentialSource]);
    }
    if (f.role.mfa) config.push(['mfa_serial', 'arn:aws:iam::123456789012:mfa/alice']);
  }
  if (f.webIdentity) {
    config.push(['web_identity_token_file', '/nonexistent/token']);
    if (f.webIdentity.roleArn && !f.role) config.push(['role_arn', ROLE]);
  }
  if (f.process) config.push(['credential_process', 'aws-sso-util credential-process --profile ' + name]);
  if (f.login) config.push(['login_session', f.login]);
  if (f.keys) {
    const pairs: [string, string][] = [['aws_access_key_id', 'AKIDEXAMPLE']];
    if (!f.keys.partial) pairs.push(['aws_secret_access_key', 'CANARY-SECRET-7f3a']);
    if (f.keys.token) pairs.push(['aws_session_token', 'CANARY-SECRET-7f3a']);
    if (f.keys.file !== 'credentials') config.push(...pairs);
    if (f.keys.file !== 'config') credentials.push(...pairs);
  }
  if (f.credentialsOnly) {
    // the whole profile lives in the credentials file
    return { name, config: [], credentials: [...config, ...credentials.filter(([k]) => !config.some(([c]) => c === k))] };
  }
  return { name, config, credentials };
}

export const homeArbitrary: fc.Arbitrary<GeneratedHome> = fc
  .record({
    names: fc.subarray([...NAMES], { minLength: 1 }),
    features: fc.array(profileFeatures, { minLength: NAMES.length, maxLength: NAMES.length }),
    corp: fc.record({ startUrl: fc.constantFrom(true, true, true, true, false), region: fc.constantFrom(true, true, true, true, false) }),
    dev: opt(fc.constant(true)),
    loginStates: fc.array(fc.constantFrom<LoginCacheState>('absent', 'complete', 'no-dpop-key', 'no-client-id'), { minLength: 2, maxLength: 2 }),
    crt: fc.boolean(),
  })
  .map(({ names, features, corp, dev, loginStates, crt }) => {
    const sessions: GeneratedHome['sessions'] = [];
    const corpProps: [string, string][] = [];
    if (corp.startUrl) corpProps.push(['sso_start_url', START]);
    if (corp.region) corpProps.push(['sso_region', 'eu-west-1']);
    sessions.push({ name: 'corp', props: corpProps });
    if (dev) sessions.push({ name: 'dev', props: [['sso_start_url', 'https://dev.awsapps.com/start'], ['sso_region', 'us-east-1']] });
    return {
      profiles: names.map((n, i) => build(n, features[i])),
      sessions,
      loginCaches: { 'arn:aws:iam::123456789012:user/alice': loginStates[0], 'arn:aws:iam::123456789012:user/bob': loginStates[1] },
      crt,
    };
  });

/** The home's `config` and `credentials` file texts. */
export function homeFiles(home: GeneratedHome): { config: string; credentials: string } {
  const config: string[] = [];
  const credentials: string[] = [];
  for (const p of home.profiles) {
    if (p.config.length > 0 || p.credentials.length === 0) {
      config.push(p.name === 'default' ? '[default]' : `[profile ${p.name}]`);
      for (const [k, v] of p.config) config.push(`${k} = ${v}`);
      config.push('');
    }
    if (p.credentials.length > 0) {
      credentials.push(`[${p.name}]`);
      for (const [k, v] of p.credentials) credentials.push(`${k} = ${v}`);
      credentials.push('');
    }
  }
  for (const s of home.sessions) {
    config.push(`[sso-session ${s.name}]`);
    for (const [k, v] of s.props) config.push(`${k} = ${v}`);
    config.push('');
  }
  return { config: config.join('\n'), credentials: credentials.join('\n') };
}

/** An aws login cache file body for `state` (undefined: no file). Canary values in secret fields. */
export function loginCacheBody(state: LoginCacheState, expiresAt: string): Record<string, unknown> | undefined {
  if (state === 'absent') return undefined;
  const body: Record<string, unknown> = {
    accessToken: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'CANARY-SECRET-7f3a', sessionToken: 'CANARY-SECRET-7f3a', accountId: '123456789012', expiresAt },
    tokenType: 'aws_sigv4',
    refreshToken: 'CANARY-SECRET-7f3a',
    idToken: 'CANARY-SECRET-7f3a',
    clientId: 'arn:aws:signin:::devtools/same-device',
    dpopKey: '-----BEGIN EC PRIVATE KEY-----\nCANARY-SECRET-7f3a\n-----END EC PRIVATE KEY-----\n',
  };
  if (state === 'no-dpop-key') delete body.dpopKey;
  if (state === 'no-client-id') delete body.clientId;
  return body;
}
