import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiscoverOutputSchema, ErrorOutputSchema } from '../schemas';
import { CANARY, makeHome, run } from '../testing/demo-home';

describe('awsmcp discover', () => {
  it('lists every demo profile with type, account, env, role and a TTL light', async () => {
    const t = makeHome();
    const r = await run(t, ['discover', '--no-write-tags']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^PROFILE\s+TYPE\s+ACCOUNT\s+ENV\s+ROLE\s+EXPIRES\s+TTL/);
    expect(r.stdout).toMatch(/dev-sandbox\s+sso\s+111111111111\s+dev\s+PowerUserAccess\s+\S+ \S+ \(\d\d:\d\d UTC\)\s+✓ green/);
    expect(r.stdout).toMatch(/granted-prod\s+granted\s+333333333333\s+prod/);
    expect(r.stdout).toMatch(/ci-bot\s+static.*· long-lived/);
    expect(r.stdout).not.toMatch(/\x1b\[/); // NO_COLOR and not a TTY: no colour codes
    expect(r.stdout + r.stderr).not.toContain(CANARY);
  });

  it('--json follows the documented schema and never holds a secret', async () => {
    const t = makeHome();
    const r = await run(t, ['discover', '--json']);
    expect(r.code).toBe(0);
    const doc = DiscoverOutputSchema.parse(JSON.parse(r.stdout));
    expect(doc.profiles.find((p) => p.profile === 'security-audit')).toMatchObject({ type: 'assume-role', accountId: '555555555555', role: 'SecurityAudit' });
    expect(doc.profiles.find((p) => p.profile === 'prod-eu')).toMatchObject({ env: 'prod', envSource: 'tag' });
    expect(r.stdout).not.toContain(CANARY);
  });

  it('rows say the provider botocore picks (runtime botocore), why a null one fails, and every red row in the table', async () => {
    const t = makeHome();
    fs.appendFileSync(
      path.join(t.home, '.aws/config'),
      '\n[profile recipe]\nsso_session = acme\nsso_account_id = 111111111111\nsso_role_name = PowerUserAccess\ncredential_process = aws-sso-util credential-process --profile recipe\n' +
        '[profile half-sso]\nsso_session = acme\nsso_role_name = PowerUserAccess\n',
    );
    const doc = DiscoverOutputSchema.parse(JSON.parse((await run(t, ['discover', '--json'])).stdout));
    const row = (name: string) => doc.profiles.find((p) => p.profile === name);
    expect(row('recipe')).toMatchObject({ runtime: 'botocore', provider: 'sso' });
    expect(row('ci-bot')).toMatchObject({ provider: 'shared-credentials-file' });
    expect(row('half-sso')).toMatchObject({ provider: null, light: 'red', exception: 'InvalidConfigError' });
    expect(row('half-sso')?.reason).toMatch(/missing required configuration: sso_account_id/);
    const js = DiscoverOutputSchema.parse(JSON.parse((await run(t, ['discover', '--json', '--runtime', 'js-sdk'])).stdout));
    expect(js.profiles.find((p) => p.profile === 'recipe')).toMatchObject({ runtime: 'js-sdk', provider: 'custom-process' });
    const table = await run(t, ['discover']);
    expect(table.stdout).toMatch(/^PROFILE\s+.*\s+TTL\s+PROVIDER/);
    expect(table.stdout).toMatch(/Needs attention under botocore \(Python servers\)/);
    expect(table.stdout).toMatch(/✗ red half-sso: the SDK raises InvalidConfigError .*\n    -> add sso_account_id to \[profile half-sso\]/);
    expect((await run(t, ['discover', '--runtime', 'perl'])).code).toBe(2);
  });

  it('filters by type, env, account and expired', async () => {
    const t = makeHome();
    const names = async (...args: string[]) => DiscoverOutputSchema.parse(JSON.parse((await run(t, ['discover', '--json', ...args])).stdout)).profiles.map((p) => p.profile);
    expect(await names('--type', 'sso')).toEqual(['dev-sandbox', 'staging-eu', 'prod-eu', 'prod-us']);
    expect(await names('--env', 'prod')).toEqual(['prod-eu', 'prod-us', 'prod-deployer', 'granted-prod']);
    expect(await names('--account', '333333333333')).toEqual(['prod-eu', 'prod-us', 'prod-deployer', 'granted-prod']);
    expect(await names('--expired')).toEqual(expect.arrayContaining(['granted-prod']));
  });

  it('--chain draws role chains with account ids and marks loops and missing profiles', async () => {
    const t = makeHome();
    fs.appendFileSync(
      path.join(t.home, '.aws/config'),
      '\n[profile loop-a]\nrole_arn = arn:aws:iam::123456789012:role/A\nsource_profile = loop-b\n[profile loop-b]\nrole_arn = arn:aws:iam::123456789012:role/B\nsource_profile = loop-a\n[profile orphan]\nrole_arn = arn:aws:iam::123456789012:role/O\nsource_profile = gone\n',
    );
    const r = await run(t, ['discover', '--chain']);
    expect(r.stdout).toContain('prod-deployer\n└─ ci-bot (static)\n   └─ shared-services as OrganizationAccountAccessRole @ 666666666666 (assume-role)\n      └─ prod-deployer as Deployer @ 333333333333 (assume-role)');
    expect(r.stdout).toMatch(/loop-a\n└─ .*✗ loop: profile chain loops: loop-a -> loop-b -> loop-a/);
    expect(r.stdout).toMatch(/orphan\n└─ gone \(missing\)\s+✗ missing: profile 'orphan' has source_profile = gone/);
  });

  it('a file botocore refuses: a loud banner (every Python server fails) with file:line:col, also from the cache and in --json', async () => {
    const t = makeHome();
    const config = path.join(t.home, '.aws/config');
    const lines = fs.readFileSync(config, 'utf8').split('\n').length;
    fs.appendFileSync(config, '\n[profile dev-sandbox]\nregion = eu-west-1 # duplicate of the first one\n');
    const banner = `!!! every Python MCP server on this machine fails to start: ${config}:${lines + 1}:1 DuplicateSectionError`;
    const first = await run(t, ['discover', '--no-write-tags']);
    expect(first.code).toBe(0);
    expect(first.stderr.split('\n')[0]).toBe(banner);
    expect(first.stderr).toContain('ConfigParseError');
    const cached = await run(t, ['discover', '--no-write-tags']);
    expect(cached.stderr.split('\n')[0]).toBe(banner);
    const json = JSON.parse((await run(t, ['discover', '--json', '--no-write-tags'])).stdout) as { diagnostics: Array<Record<string, unknown>> };
    expect(json.diagnostics[0]).toMatchObject({ file: config, line: lines + 1, column: 1, severity: 'error', runtime: 'botocore', fatal: true, exception: 'DuplicateSectionError' });
    expect(first.stdout + first.stderr).not.toContain(CANARY);
  });

  it('without a terminal, writes no tags file unless asked (--write-tags), and says how to create it', async () => {
    const none = makeHome({ tags: false });
    const quiet = await run(none, ['discover']);
    expect(fs.existsSync(path.join(none.home, '.aws-profile-tags.yaml'))).toBe(false);
    expect(quiet.stderr).toContain('awsmcp discover --write-tags writes a starter file');
    const asJson = await run(none, ['discover', '--json']);
    expect(asJson.code).toBe(0);
    expect(fs.existsSync(path.join(none.home, '.aws-profile-tags.yaml'))).toBe(false);
    const t = makeHome({ tags: false });
    const r = await run(t, ['discover', '--write-tags']);
    const file = path.join(t.home, '.aws-profile-tags.yaml');
    expect(r.stderr).toContain(`wrote a starter tags file: ${file}`);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/prod-eu: prod +# detected: /);
    const skip = makeHome({ tags: false });
    await run(skip, ['discover', '--no-write-tags']);
    expect(fs.existsSync(path.join(skip.home, '.aws-profile-tags.yaml'))).toBe(false);
  });

  it('a malformed config names the line and still reports the good profiles and the credentials file', async () => {
    const t = makeHome();
    const config = path.join(t.home, '.aws/config');
    fs.writeFileSync(config, '[profile ok]\nregion = eu-west-1\n[profile broken\nregion = x\nthis line is wrong\n');
    const r = await run(t, ['discover', '--no-write-tags']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${config}:3:16: Profile definition must end with ']'`);
    expect(r.stdout).toMatch(/^ok\s+unknown/m);
    expect(r.stdout).toMatch(/^ci-bot\s+static/m);
  });

  it('a garbage cache file is reported for its profile only', async () => {
    const t = makeHome();
    const dir = path.join(t.home, '.aws/sso/cache');
    for (const f of fs.readdirSync(dir)) fs.writeFileSync(path.join(dir, f), '{not json' + CANARY);
    const r = await run(t, ['discover', '--json']);
    const doc = DiscoverOutputSchema.parse(JSON.parse(r.stdout));
    expect(doc.profiles.find((p) => p.profile === 'dev-sandbox')!.light).toBe('red');
    expect(doc.profiles.find((p) => p.profile === 'ci-bot')!.status).toBe('long-lived');
    expect(r.stdout).not.toContain(CANARY);
  });

  it('follows a symlinked ~/.aws/config', async () => {
    const t = makeHome();
    const real = path.join(t.home, 'dotfiles-config');
    fs.renameSync(path.join(t.home, '.aws/config'), real);
    fs.symlinkSync(real, path.join(t.home, '.aws/config'));
    const doc = DiscoverOutputSchema.parse(JSON.parse((await run(t, ['discover', '--json'])).stdout));
    expect(doc.profiles.some((p) => p.profile === 'dev-sandbox')).toBe(true);
  });

  it('--home wins over HOME, and AWS_CONFIG_FILE is honoured', async () => {
    const t = makeHome();
    const other = path.join(t.workspace, 'alt-config');
    fs.writeFileSync(other, '[profile only-this]\nregion = eu-west-1\n');
    const r = await run(t, ['--home', t.home, 'discover', '--json'], { env: { HOME: '/nonexistent', AWS_CONFIG_FILE: other } });
    const doc = DiscoverOutputSchema.parse(JSON.parse(r.stdout));
    expect(doc.profiles.map((p) => p.profile)).toEqual(expect.arrayContaining(['only-this', 'ci-bot']));
    expect(doc.profiles.some((p) => p.profile === 'dev-sandbox')).toBe(false);
  });

  it('usage errors exit 2; --json errors follow the error schema', async () => {
    const t = makeHome();
    expect((await run(t, ['discover', '--bogus'])).code).toBe(2);
    const r = await run(t, ['switch', 'nope', '--json']);
    expect(r.code).toBe(2);
    expect(ErrorOutputSchema.parse(JSON.parse(r.stdout)).error.message).toContain("profile 'nope' is not in");
  });
});
