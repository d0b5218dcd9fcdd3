/**
 * A temp HOME with its own ~/.aws for the tests (the real ~/.aws is never read): SSO profiles for
 * dev, staging and two prod accounts, a static-key profile whose secret is a canary that must never
 * appear in any output, and a tags file marking the prod profiles.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const CANARY = 'CANARY-SECRET-nx-plugin-0b7d1e';

export const CONFIG = `# test home
[default]
region = eu-west-1

[sso-session acme]
sso_start_url = https://acme-test.awsapps.com/start
sso_region = eu-west-1

[profile dev-sandbox]
sso_session = acme
sso_account_id = 111111111111
sso_role_name = PowerUserAccess
region = eu-west-1

[profile staging-eu]
sso_session = acme
sso_account_id = 222222222222
sso_role_name = ReadOnlyAccess
region = eu-central-1

[profile prod-eu]
sso_session = acme
sso_account_id = 333333333333
sso_role_name = ReadOnlyAccess
region = eu-west-1

[profile prod-us]
sso_session = acme
sso_account_id = 333333333333
sso_role_name = ReadOnlyAccess
region = us-east-1

[profile ci-keys]
region = us-west-2
`;

export const CREDENTIALS = `[ci-keys]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = ${CANARY}
`;

export const TAGS = `# environments
dev-sandbox: dev
staging-eu: staging
prod-eu: prod
prod-us: prod
`;

export interface TestHome {
  home: string;
  env: NodeJS.ProcessEnv;
  /** Put HOME and friends into process.env; returns the function that restores them. */
  activate(): () => void;
  remove(): void;
}

export function makeHome(options: { tags?: string | null; config?: string } = {}): TestHome {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'awsmcp-nx-home-'));
  fs.mkdirSync(path.join(home, '.aws'));
  fs.writeFileSync(path.join(home, '.aws', 'config'), options.config ?? CONFIG);
  fs.writeFileSync(path.join(home, '.aws', 'credentials'), CREDENTIALS);
  if (options.tags !== null) fs.writeFileSync(path.join(home, '.aws-profile-tags.yaml'), options.tags ?? TAGS);
  const env = { HOME: home, USERPROFILE: home, NX_INTERACTIVE: 'false' };
  return {
    home,
    env,
    activate() {
      const keys = ['HOME', 'USERPROFILE', 'NX_INTERACTIVE', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE'] as const;
      const saved = Object.fromEntries(keys.map((k) => [k, process.env[k]]));
      for (const k of keys) delete process.env[k];
      Object.assign(process.env, env);
      return () => {
        for (const k of keys) {
          if (saved[k] === undefined) delete process.env[k];
          else process.env[k] = saved[k];
        }
      };
    },
    remove() {
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
