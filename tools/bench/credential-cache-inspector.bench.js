// Benchmark: @awsmcp/credential-cache-inspector on a generated home with 5,000 profiles and 2,000
// cache files (SSO tokens, SSO role credentials, assume-role credentials, aws login sessions).
// Prints the time of inspectProfiles alone (median of repeated runs, each one a fresh inspection
// that reads the files again) and of load + inspect, and checks that each file is read at most once.
// Run through `npm run bench` (which builds first): the packages resolve to their built dist.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const {
  inspectProfiles,
  cacheDirectories,
  ssoTokenCacheKey,
  ssoRoleCredentialsCacheKey,
  assumeRoleCacheKey,
  loginCacheKey,
} = require('@awsmcp/credential-cache-inspector');
const { loadProfiles } = require('@awsmcp/aws-config-parser');

const PROFILES = 5000;
const CACHE_FILES = 2000;

function median(fn, runs = 15, warmup = 3) {
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

function generateHome() {
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

function main() {
  const { home, files, profiles } = generateHome();
  try {
    const set = loadProfiles({ home });
    const count = Object.keys(set.profiles).length;
    if (count !== PROFILES || files !== CACHE_FILES) throw new Error(`generated ${count} profiles (${profiles} written) / ${files} files, expected ${PROFILES} / ${CACHE_FILES}`);

    // the first inspection in a fresh process (cold JIT, cold caches), as a CLI run would see it
    const coldStart = performance.now();
    inspectProfiles(set, { home });
    const coldMs = performance.now() - coldStart;

    const reads = new Map();
    const result = inspectProfiles(set, {
      home,
      readFile: (file) => {
        reads.set(file, (reads.get(file) ?? 0) + 1);
        return fs.readFileSync(file);
      },
    });
    const maxReads = Math.max(...reads.values());
    const lights = result.reduce((acc, s) => ((acc[s.light] = (acc[s.light] ?? 0) + 1), acc), {});

    const inspectMs = median(() => inspectProfiles(set, { home }));
    const endToEndMs = median(() => inspectProfiles(loadProfiles({ home }), { home }), 9, 2);
    const memory = process.memoryUsage().heapUsed / 1024 / 1024;

    console.log(`input: ${count} profiles, ${files} cache files (${reads.size} distinct paths looked up)`);
    console.log(`inspect ${PROFILES} profiles / ${CACHE_FILES} cache files: ${inspectMs.toFixed(1)} ms`);
    console.log(`first inspect in a fresh process (cold): ${coldMs.toFixed(1)} ms`);
    console.log(`load + inspect (parse config too): ${endToEndMs.toFixed(1)} ms`);
    console.log(`reads per cache file: at most ${maxReads} ${maxReads <= 1 ? '(MET: each file read at most once)' : '(NOT MET)'}`);
    console.log(`lights: ${Object.entries(lights).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    console.log(`heap used after the runs: ${memory.toFixed(0)} MB`);
    if (maxReads > 1) process.exitCode = 1;
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

main();
