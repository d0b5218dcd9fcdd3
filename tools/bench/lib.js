// Shared helpers for the benchmarks: timing (median of repeated runs after warm-up) and the
// generated 5,000-profile config used by several benchmarks.
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

module.exports = { measure, measureAsync, generateConfig };
