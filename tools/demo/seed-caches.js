// Writes realistic AWS CLI cache files for the demo home's profiles, with expiry times relative
// to `now`, so that the demo shows every light: green, amber, red, expired and none.
//
//   const { seedDemoCaches } = require('./tools/demo/seed-caches');
//   seedDemoCaches('/tmp/demo-home');   // writes <home>/.aws/{sso,cli,login}/cache/*.json
//
// File names are computed with node:crypto exactly as botocore does (see
// docs/credential-cache-inspector.md). Every secret value is an obvious fake. Plain CommonJS with
// no dependency on the awsmcp packages, so the demo and tests can use it as is.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const sha1 = (s) => crypto.createHash('sha1').update(s, 'utf8').digest('hex');
const sha256 = (s) => crypto.createHash('sha256').update(s, 'utf8').digest('hex');

/** A string as Python's json.dumps writes it (ensure_ascii). */
function pyString(s) {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** json.dumps(obj, sort_keys=True) for flat objects; `compact` = separators=(',', ':'). Numbers stay numbers. */
function pyDumps(obj, compact = false) {
  const [item, kv] = compact ? [',', ':'] : [', ', ': '];
  const keys = Object.keys(obj).sort();
  return `{${keys.map((k) => `${pyString(k)}${kv}${typeof obj[k] === 'number' ? String(obj[k]) : pyString(obj[k])}`).join(item)}}`;
}

/** botocore SSOTokenLoader._generate_cache_key: sha1 of the sso-session name, else of the start URL. */
const ssoTokenKey = (sessionOrStartUrl) => sha1(sessionOrStartUrl);
/** botocore SSOCredentialFetcher._create_cache_key. */
const ssoRoleKey = (args) => sha1(pyDumps(args, true));
/** botocore BaseAssumeRoleCredentialFetcher._create_cache_key (AssumeRole arguments). */
const assumeRoleKey = (args) => sha1(pyDumps(args));
/** botocore utils.generate_login_cache_key. */
const loginKey = (session) => sha256(session);

const FAKE = 'DEMO-FAKE';
const iso = (d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
/** Python isoformat() of an aware UTC datetime, as newer CLIs write role credentials. */
const isoOffset = (d) => d.toISOString().replace(/\.\d{3}Z$/, '+00:00');
/** strftime('%Y-%m-%dT%H:%M:%S%Z'), as older CLIs wrote role credentials. */
const isoUtcSuffix = (d) => d.toISOString().replace(/\.\d{3}Z$/, 'UTC');

function writeJson(dir, key, value) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${key}.json`);
  fs.writeFileSync(file, JSON.stringify(value), { mode: 0o600 });
  return file;
}

function roleCredentials(expiration, accountId, extra = {}) {
  return {
    ...extra,
    Credentials: {
      AccessKeyId: `ASIA${FAKE}00000000`.slice(0, 20),
      SecretAccessKey: `${FAKE}-secret-access-key-not-real`,
      SessionToken: `${FAKE}-session-token-not-real`,
      Expiration: expiration,
      ...(accountId ? { AccountId: accountId } : {}),
    },
  };
}

/**
 * Seed the caches of the demo home (tools/demo/home) in `home`.
 * @param {string} home folder holding `.aws/`
 * @param {Date} [now]
 * @returns {{ files: string[] }} the files written
 */
function seedDemoCaches(home, now = new Date()) {
  const at = (minutes) => new Date(now.getTime() + minutes * 60_000);
  const sso = path.join(home, '.aws', 'sso', 'cache');
  const cli = path.join(home, '.aws', 'cli', 'cache');
  const login = path.join(home, '.aws', 'login', 'cache');
  const files = [];

  // sso-session "acme": valid 6 h, with a refresh token -> green, renews itself
  // (dev-sandbox, staging-eu, prod-eu, prod-us, and security-audit through dev-sandbox).
  files.push(
    writeJson(sso, ssoTokenKey('acme'), {
      startUrl: 'https://acme-demo.awsapps.com/start',
      region: 'eu-west-1',
      accessToken: `${FAKE}-sso-access-token-not-real`,
      expiresAt: iso(at(6 * 60)),
      clientId: `${FAKE}-client-id`,
      clientSecret: `${FAKE}-client-secret-not-real`,
      registrationExpiresAt: iso(at(60 * 24 * 60)),
      refreshToken: `${FAKE}-refresh-token-not-real`,
    }),
  );
  for (const [accountId, roleName, minutes] of [
    ['111111111111', 'PowerUserAccess', 50],
    ['222222222222', 'ReadOnlyAccess', 20],
    ['333333333333', 'ReadOnlyAccess', -30],
  ]) {
    files.push(
      writeJson(cli, ssoRoleKey({ accountId, roleName, sessionName: 'acme' }), {
        ProviderType: 'sso',
        ...roleCredentials(iso(at(minutes)), accountId),
      }),
    );
  }

  // legacy SSO (start URL in the profile): 20 min left, no refresh token -> amber.
  files.push(
    writeJson(sso, ssoTokenKey('https://acme-legacy.awsapps.com/start'), {
      startUrl: 'https://acme-legacy.awsapps.com/start',
      region: 'us-east-1',
      accessToken: `${FAKE}-legacy-access-token-not-real`,
      expiresAt: iso(at(20)).replace('Z', 'UTC'), // the older CLI format
    }),
  );
  files.push(
    writeJson(cli, ssoRoleKey({ accountId: '444444444444', roleName: 'DataScientist', startUrl: 'https://acme-legacy.awsapps.com/start' }), {
      ProviderType: 'sso',
      ...roleCredentials(iso(at(15)), '444444444444'),
    }),
  );

  // Granted's SSO token for granted-prod: expired 2 h ago, no refresh token -> expired.
  files.push(
    writeJson(sso, ssoTokenKey('https://acme-demo.awsapps.com/start'), {
      startUrl: 'https://acme-demo.awsapps.com/start',
      region: 'eu-west-1',
      accessToken: `${FAKE}-granted-access-token-not-real`,
      expiresAt: new Date(at(-120)).toISOString(), // with milliseconds
    }),
  );

  // security-audit (role_session_name) from dev-sandbox: cached role credentials, 45 min.
  files.push(
    writeJson(
      cli,
      assumeRoleKey({ RoleArn: 'arn:aws:iam::555555555555:role/SecurityAudit', RoleSessionName: 'demo-auditor' }),
      roleCredentials(isoOffset(at(45)), '555555555555', { AssumedRoleUser: { Arn: 'arn:aws:sts::555555555555:assumed-role/SecurityAudit/demo-auditor' } }),
    ),
  );
  // shared-services (external_id, duration_seconds) from ci-bot's static keys: 55 min (renews itself).
  files.push(
    writeJson(
      cli,
      assumeRoleKey({ RoleArn: 'arn:aws:iam::666666666666:role/OrganizationAccountAccessRole', ExternalId: 'demo-external-id', DurationSeconds: 3600 }),
      roleCredentials(isoUtcSuffix(at(55)), '666666666666'),
    ),
  );
  // prod-deployer (mfa_serial): 7 min left and renewing needs an MFA code -> red.
  files.push(
    writeJson(
      cli,
      assumeRoleKey({ RoleArn: 'arn:aws:iam::333333333333:role/Deployer', SerialNumber: 'arn:aws:iam::666666666666:mfa/demo-user' }),
      roleCredentials(iso(at(7)), '333333333333'),
    ),
  );

  // aws login (console-login): 45 min left with a refresh token -> green, renews itself.
  files.push(
    writeJson(login, loginKey('arn:aws:iam::999999999999:user/demo-engineer'), {
      accessToken: {
        accessKeyId: `ASIA${FAKE}LOGIN0000`.slice(0, 20),
        secretAccessKey: `${FAKE}-login-secret-not-real`,
        sessionToken: `${FAKE}-login-session-token-not-real`,
        accountId: '999999999999',
        expiresAt: iso(at(45)),
      },
      tokenType: 'aws_sigv4',
      clientId: 'arn:aws:signin:::devtools/same-device',
      refreshToken: `${FAKE}-login-refresh-token-not-real`,
      idToken: `${FAKE}-id-token-not-real`,
      dpopKey: `-----BEGIN EC PRIVATE KEY-----\n${FAKE}-dpop-key-not-real\n-----END EC PRIVATE KEY-----\n`,
    }),
  );

  return { files };
}

module.exports = { seedDemoCaches };
