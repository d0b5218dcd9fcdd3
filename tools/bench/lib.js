// Shared helpers for the benchmarks: timing (median of repeated runs after warm-up) and the
// generated 5,000-profile config used by several benchmarks.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

function measure(fn, { runs = 15, warmup = 3 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function measureAsync(fn, { runs = 15, warmup = 3 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** A realistic config: SSO sessions, SSO, legacy SSO, role chains, processes, comments. ~0.9 MB for 5,000. */
function generateConfig(count = 5000) {
  const out = ['# generated benchmark config', '[default]', 'region = eu-west-1', '', '[sso-session corp]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = eu-west-1', 'sso_registration_scopes = sso:account:access', ''];
  for (let i = 0; i < count; i++) {
    const account = String(100000000000 + i * 7919).slice(0, 12);
    const region = ['eu-west-1', 'us-east-1', 'ap-southeast-2', 'eu-central-1'][i % 4];
    switch (i % 5) {
      case 0:
        out.push(`# team ${i}: developer access`, `[profile team-${i}-dev]`, 'sso_session = corp', `sso_account_id = ${account}`, 'sso_role_name = PowerUserAccess', `region = ${region}`, 'output = json', '');
        break;
      case 1:
        out.push(`[profile team-${i}-prod]`, 'sso_session = corp', `sso_account_id = ${account}`, 'sso_role_name = ReadOnlyAccess', `region = ${region}`, 'cli_pager =', '');
        break;
      case 2:
        out.push(`[profile legacy-${i}]`, 'sso_start_url = https://legacy.awsapps.com/start', 'sso_region = us-east-1', `sso_account_id = ${account}`, 'sso_role_name = Admin', `region = ${region}`, '');
        break;
      case 3:
        out.push(`[profile role-${i}] ; assumed from the dev profile`, `role_arn = arn:aws:iam::${account}:role/Deployer`, `source_profile = team-${i - 3}-dev`, `role_session_name = bench-${i}`, 'duration_seconds = 3600', `region = ${region}`, '');
        break;
      default:
        out.push(`[profile proc-${i}]`, `credential_process = granted credential-process --profile proc-${i}`, `region = ${region}`, 's3 =', '  max_concurrent_requests = 20', '  multipart_threshold = 64MB', '');
    }
  }
  return out.join('\n');
}

/**
 * A home with 5,000 profiles and 2,000 cache files: 3,000 SSO (20 sso-sessions), 500 legacy SSO,
 * 1,000 assume-role chains, 200 `aws login`, 200 credential_process, 100 static; SSO tokens, SSO
 * role credentials, assume-role credentials and login sessions with mixed expiries.
 */
function generateHome() {
  const {
    cacheDirectories,
    ssoTokenCacheKey,
    ssoRoleCredentialsCacheKey,
    assumeRoleCacheKey,
    loginCacheKey,
  } = require('@awsmcp/credential-cache-inspector');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'awsmcp-bench-cci-'));
  const dirs = cacheDirectories({ home, env: {} });
  const now = Date.now();
  const iso = (minutes) => new Date(now + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  let files = 0;
  const write = (dir, key, value) => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${key}.json`), JSON.stringify(value));
    files++;
  };
  const creds = (minutes, accountId) => ({
    Credentials: { AccessKeyId: 'ASIABENCHFAKE', SecretAccessKey: 'bench-fake-secret', SessionToken: 'bench-fake-token', Expiration: iso(minutes), AccountId: accountId },
  });
  const lines = ['[default]', 'region = eu-west-1'];
  const sessions = 20;
  for (let s = 0; s < sessions; s++) {
    lines.push(`[sso-session org${s}]`, `sso_start_url = https://org${s}.awsapps.com/start`, 'sso_region = eu-west-1', 'sso_registration_scopes = sso:account:access');
    write(dirs.ssoCache, ssoTokenCacheKey({ ssoSession: `org${s}` }).key, {
      startUrl: `https://org${s}.awsapps.com/start`,
      region: 'eu-west-1',
      accessToken: 'bench-fake-access-token',
      expiresAt: iso((s % 5) * 20 - 10),
      ...(s % 2 ? { clientId: 'c', clientSecret: 'bench-fake', refreshToken: 'bench-fake-refresh', registrationExpiresAt: iso(60 * 24 * 30) } : {}),
    });
  }
  write(dirs.ssoCache, ssoTokenCacheKey({ startUrl: 'https://legacy.awsapps.com/start' }).key, { startUrl: 'https://legacy.awsapps.com/start', accessToken: 'bench-fake', expiresAt: iso(25) });
  let n = 0;
  const add = (name, props) => {
    lines.push(`[profile ${name}]`, ...props, 'region = eu-west-1');
    n++;
  };
  // 3,000 SSO (sso-session), 500 legacy SSO, 1,000 assume-role chains, 200 aws login, 200 credential_process, 100 static
  for (let i = 0; i < 3000; i++) {
    const accountId = String(100000000000 + i);
    const session = `org${i % sessions}`;
    add(`sso-${i}`, [`sso_session = ${session}`, `sso_account_id = ${accountId}`, `sso_role_name = Role${i % 4}`]);
    if (i < 1000) write(dirs.cliCache, ssoRoleCredentialsCacheKey({ accountId, roleName: `Role${i % 4}`, ssoSession: session }).key, creds(50, accountId));
  }
  for (let i = 0; i < 500; i++) {
    const accountId = String(300000000000 + i);
    add(`legacy-${i}`, ['sso_start_url = https://legacy.awsapps.com/start', 'sso_region = us-east-1', `sso_account_id = ${accountId}`, 'sso_role_name = Dev']);
    if (i < 200) write(dirs.cliCache, ssoRoleCredentialsCacheKey({ accountId, roleName: 'Dev', startUrl: 'https://legacy.awsapps.com/start' }).key, creds(15, accountId));
  }
  for (let i = 0; i < 1000; i++) {
    const props = { role_arn: `arn:aws:iam::${400000000000 + i}:role/Deployer`, role_session_name: `bench-${i}`, duration_seconds: '3600' };
    if (i % 10 === 0) props.mfa_serial = 'arn:aws:iam::400000000000:mfa/bench';
    add(`role-${i}`, [...Object.entries(props).map(([k, v]) => `${k} = ${v}`), `source_profile = ${i % 3 === 0 && i > 0 ? `role-${i - 1}` : `sso-${i}`}`]);
    if (i < 579) write(dirs.cliCache, assumeRoleCacheKey(props).key, creds(i % 60, String(400000000000 + i)));
  }
  for (let i = 0; i < 200; i++) {
    const session = `arn:aws:iam::${500000000000 + i}:user/bench-${i}`;
    add(`login-${i}`, [`login_session = ${session}`]);
    write(dirs.loginCache, loginCacheKey(session).key, {
      accessToken: { accessKeyId: 'ASIABENCH', secretAccessKey: 'bench-fake', sessionToken: 'bench-fake', accountId: String(500000000000 + i), expiresAt: iso(30) },
      ...(i % 2 ? { refreshToken: 'bench-fake-refresh' } : {}),
    });
  }
  for (let i = 0; i < 200; i++) add(`proc-${i}`, [`credential_process = ${i % 2 ? 'granted credential-process' : 'aws-vault export --format=json'} --profile proc-${i}`]);
  const credentials = [];
  for (let i = 0; i < 100 - 1; i++) credentials.push(`[static-${i}]`, 'aws_access_key_id = AKIABENCHFAKE', 'aws_secret_access_key = bench-fake-secret');
  fs.writeFileSync(path.join(home, '.aws', 'config'), lines.join('\n'));
  fs.writeFileSync(path.join(home, '.aws', 'credentials'), credentials.join('\n'));
  return { home, files, profiles: n + 99 + 1 };
}


module.exports = { measure, measureAsync, generateConfig, generateHome };
