/** `awsmcp org-scan` against moto Organizations: 26 accounts over 3 pages, joins, generated profiles, --write, AccessDenied. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadProfiles, parseProfileFiles } from '@awsmcp/aws-config-parser';
import { OrgScanJsonSchema, type OrgScanJson } from '../org/schema';
import { createLimitedUser, seedOrganization, startMoto, MOTO_KEYS, type Moto } from '../testing/moto';
import { CANARY, makeTestHome, runCli, startBin, type TestHome } from '../testing/home';

const NAMES = [
  'Team Payments',
  'Payments Prod',
  'Shared Ops',
  'prod-eu',
  'Sandbox',
  'Sandbox',
  'Data Lake (EU)',
  'Ünïcode Team',
  'staging',
  'log-archive',
];
let moto: Moto;
let ids: string[];
let config: string;
let credentials: string;

beforeAll(async () => {
  moto = await startMoto();
  ids = await seedOrganization(moto.endpoint, 25, (i) => NAMES[i] ?? `Workload ${String(i).padStart(2, '0')}`);
  const limited = await createLimitedUser(moto.endpoint, 'not-an-admin', ['sts:GetCallerIdentity']);
  config = [
    '# team config: comments and layout must survive --write',
    '[profile org-management]',
    'region = us-east-1',
    '',
    '[profile payments-dev]',
    'sso_session = corp',
    `sso_account_id = ${ids[0]}`,
    'sso_role_name = Developer',
    'region = eu-west-1',
    '',
    '[profile granted-payments]',
    `granted_sso_account_id = ${ids[1]}`,
    'granted_sso_role_name = Admin',
    'granted_sso_start_url = https://corp.awsapps.com/start',
    'granted_sso_region = eu-west-1',
    'credential_process = granted credential-process --profile granted-payments',
    '',
    '[profile ops]',
    `role_arn = arn:aws:iam::${ids[2]}:role/Ops`,
    'source_profile = org-management',
    '',
    '[profile stray]',
    'sso_session = corp',
    'sso_account_id = 999999999999',
    'sso_role_name = Developer',
    '',
    '[profile limited]',
    'region = us-east-1',
    '',
    '[sso-session corp]',
    'sso_start_url = https://corp.awsapps.com/start',
    'sso_region = eu-west-1',
    '',
  ].join('\n');
  credentials = `[org-management]\naws_access_key_id = ${MOTO_KEYS.accessKeyId}\naws_secret_access_key = ${CANARY}\n\n[limited]\naws_access_key_id = ${limited.accessKeyId}\naws_secret_access_key = ${limited.secretAccessKey}\n`;
}, 60_000);

afterAll(async () => {
  await moto?.stop();
});

function home(): TestHome {
  const t = makeTestHome({ endpoint: moto.endpoint, config, credentials });
  t.write('.aws-profile-tags.yaml', '# tags\ngranted-payments: prod\npayments-dev: dev\n');
  return t;
}

const parse = (stdout: string): OrgScanJson => OrgScanJsonSchema.parse(JSON.parse(stdout));

describe('awsmcp org-scan', () => {
  it('every page of ListAccounts, joined with profiles (three ways) and env tags; JSON matches its schema', async () => {
    const t = home();
    try {
      const r = await runCli(t, ['org-scan', '--profile', 'org-management', '--page-size', '10', '--json']);
      expect(r.stdout + r.stderr).not.toContain(CANARY);
      expect(r.code).toBe(0);
      const doc = parse(r.stdout);
      expect(doc.pages).toBe(3);
      expect(doc.accounts).toHaveLength(26); // the management account + 25
      const byId = new Map(doc.accounts.map((a) => [a.id, a]));
      expect(byId.get(ids[0])!.profiles).toEqual([{ name: 'payments-dev', kind: 'sso', matchedBy: 'sso_account_id', role: 'Developer', env: 'dev', envSource: 'tag' }]);
      expect(byId.get(ids[1])).toMatchObject({ name: 'Payments Prod', prod: true, env: 'prod', envSource: 'tag', profiles: [{ name: 'granted-payments', matchedBy: 'granted_sso_account_id', role: 'Admin' }] });
      expect(byId.get(ids[2])!.profiles).toMatchObject([{ name: 'ops', kind: 'assume-role', matchedBy: 'role_arn', role: 'Ops' }]);
      expect(byId.get(ids[3])).toMatchObject({ name: 'prod-eu', prod: true, env: 'prod', envSource: 'account-name', profiles: [] });
      expect(byId.get(ids[8])).toMatchObject({ name: 'staging', env: 'staging', prod: false });
      expect(doc.summary).toEqual({ accounts: 26, withProfile: 3, withoutProfile: 23, prod: 2 });
      expect(doc.strayProfiles).toEqual([{ profile: 'stray', accountId: '999999999999' }]);
    } finally {
      t.cleanup();
    }
  }, 30_000);

  it('the table: one row per account, profiles and env, and a summary', async () => {
    const t = home();
    try {
      const r = await runCli(t, ['org-scan', '--profile', 'org-management']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^ACCOUNT +NAME +STATUS +ENV +PROFILES$/m);
      expect(r.stdout).toMatch(new RegExp(`^${ids[1]} +Payments Prod +ACTIVE +prod +granted-payments$`, 'm'));
      expect(r.stdout).toMatch(new RegExp(`^${ids[3]} +prod-eu +ACTIVE +prod\\? +-$`, 'm'));
      expect(r.stdout).toContain('26 accounts (2 pages): 3 with a profile, 23 without, 2 prod');
      expect(r.stdout).toContain('profile stray names account 999999999999, which is not in this organization');
      expect(r.stdout).not.toMatch(/\x1b\[/);
    } finally {
      t.cleanup();
    }
  }, 30_000);

  it('--generate-profiles prints only ready stanzas: sso-session style, valid unique names, the usual role', async () => {
    const t = home();
    try {
      const r = await runCli(t, ['org-scan', '--profile', 'org-management', '--generate-profiles']);
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n')[0]).toBe('# generated by awsmcp org-scan: 23 accounts without a profile, sso-session corp (as in profile payments-dev), role Developer');
      const set = parseProfileFiles({ configText: r.stdout });
      const names = Object.keys(set.profiles);
      expect(names).toHaveLength(23);
      expect(names).toEqual(expect.arrayContaining(['prod-eu', 'data-lake-eu', 'unicode-team', 'log-archive', 'master', `sandbox-${ids[4].slice(-4)}`, `sandbox-${ids[5].slice(-4)}`]));
      expect(set.profiles['data-lake-eu'].properties).toEqual({ sso_session: 'corp', sso_account_id: ids[6], sso_role_name: 'Developer', region: 'eu-west-1' });
      expect(r.stdout).toContain(`[profile data-lake-eu]\nsso_session = corp\nsso_account_id = ${ids[6]}\nsso_role_name = Developer\nregion = eu-west-1\n`);
      expect(r.stderr).toContain('26 accounts (2 pages): 3 with a profile, 23 without');
      const json = parse((await runCli(t, ['org-scan', '--profile', 'org-management', '--generate-profiles', '--role', 'ReadOnly', '--json'])).stdout);
      expect(json.generated).toMatchObject({ ssoSession: 'corp', startUrl: 'https://corp.awsapps.com/start', ssoRegion: 'eu-west-1', roleName: 'ReadOnly', newSession: false, basedOn: 'payments-dev' });
      expect(json.generated!.profiles).toHaveLength(23);
    } finally {
      t.cleanup();
    }
  }, 30_000);

  it('--write: refused without a terminal or --yes; with --yes appended losslessly with a backup; a second run changes nothing', async () => {
    const t = home();
    try {
      const file = path.join(t.home, '.aws/config');
      const refused = await runCli(t, ['org-scan', '--profile', 'org-management', '--write']);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('--write would append 23 profiles to');
      expect(refused.stderr).toContain('confirm with --yes');
      expect(fs.readFileSync(file, 'utf8')).toBe(config);

      const r = await runCli(t, ['org-scan', '--profile', 'org-management', '--write', '--yes', '--json']);
      expect(r.code).toBe(0);
      const doc = parse(r.stdout);
      expect(doc.written).toMatchObject({ file, changed: true });
      expect(doc.written!.profiles).toHaveLength(23);
      const after = fs.readFileSync(file, 'utf8');
      expect(after.startsWith(config)).toBe(true); // every byte before is kept
      expect(fs.readFileSync(doc.written!.backup!, 'utf8')).toBe(config);
      // the backup is in the per-user state folder, 0600 (it holds the config), never next to it
      expect(doc.written!.backup!.startsWith(path.join(t.home, '.local/state/awsmcp/backups'))).toBe(true);
      expect((fs.statSync(doc.written!.backup!).mode & 0o777).toString(8)).toBe('600');
      const set = loadProfiles({ home: t.home });
      expect(set.profiles['prod-eu'].properties.sso_account_id).toBe(ids[3]);

      const again = await runCli(t, ['org-scan', '--profile', 'org-management', '--write', '--yes']);
      expect(again.code).toBe(0);
      expect(again.stderr).toContain('every ACTIVE account already has a profile: nothing to generate');
      expect(fs.readFileSync(file, 'utf8')).toBe(after);
    } finally {
      t.cleanup();
    }
  }, 30_000);

  it('AccessDenied: this needs the management or a delegated admin account', async () => {
    const t = home();
    await moto.setAuth(true);
    try {
      const r = await runCli(t, ['org-scan', '--profile', 'limited']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("ListAccounts was denied for profile 'limited': this needs the management or a delegated admin account");
      const j = await runCli(t, ['org-scan', '--profile', 'limited', '--json']);
      expect(JSON.parse(j.stdout)).toMatchObject({ schemaVersion: 1, error: { code: 'ACCESS_DENIED' } });
    } finally {
      await moto.setAuth(false);
      t.cleanup();
    }
  }, 30_000);

  it('the built bin: the scan as a process; --help with examples', async () => {
    const t = home();
    try {
      const r = await startBin(t, ['org-scan', '--profile', 'org-management', '--page-size', '5']);
      expect(r.stdout + r.stderr).not.toContain(CANARY);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('26 accounts (6 pages)');
      const help = await startBin(t, ['org-scan', '--help']);
      expect(help.stdout).toContain('Examples:');
    } finally {
      t.cleanup();
    }
  }, 30_000);
});
