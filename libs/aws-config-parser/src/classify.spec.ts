import * as fs from 'node:fs';
import * as path from 'node:path';
import { classifyProfile, credentialProcessTool, parseRoleArn } from './classify';
import { parseProfileFiles } from './load';

const demo = path.join(__dirname, '../../../tools/demo/home/.aws');
const set = parseProfileFiles({
  configText: fs.readFileSync(path.join(demo, 'config'), 'utf8'),
  credentialsText: fs.readFileSync(path.join(demo, 'credentials'), 'utf8'),
});
const classify = (name: string) => classifyProfile(set.profiles[name], set);

describe('classifyProfile on the demo home', () => {
  it.each([
    ['dev-sandbox', 'sso', '111111111111', 'PowerUserAccess'],
    ['prod-us', 'sso', '333333333333', 'ReadOnlyAccess'],
    ['legacy-analytics', 'sso-legacy', '444444444444', 'DataScientist'],
    ['security-audit', 'assume-role', '555555555555', 'SecurityAudit'],
    ['prod-deployer', 'assume-role', '333333333333', 'Deployer'],
    ['from-instance', 'assume-role', '777777777777', 'InstanceHop'],
    ['granted-dev', 'credential-process', undefined, undefined],
    ['vault-staging', 'credential-process', undefined, undefined],
    ['granted-prod', 'granted', '333333333333', 'ReadOnlyAccess'],
    ['github-oidc', 'web-identity', '888888888888', 'GitHubActions'],
    ['console-login', 'login', '999999999999', undefined],
    ['ci-bot', 'static', undefined, undefined],
    ['legacy-keys', 'static', undefined, undefined],
    ['default', 'unknown', undefined, undefined],
  ])('%s is %s', (name, kind, accountId, roleName) => {
    const c = classify(name);
    expect(c.kind).toBe(kind);
    expect(c.accountId).toBe(accountId);
    expect(c.roleName).toBe(roleName);
    if (kind !== 'unknown') expect(c.evidence.length).toBeGreaterThan(0);
  });

  it('names the tool behind credential_process', () => {
    expect(classify('granted-dev').credentialProcessTool).toBe('granted');
    expect(classify('vault-staging').credentialProcessTool).toBe('aws-vault');
    expect(classify('granted-prod').credentialProcessTool).toBe('granted');
    expect(credentialProcessTool('/usr/local/bin/aws-vault export x')).toBe('aws-vault');
    expect(credentialProcessTool('"C:\\Program Files\\granted\\granted.exe" credential-process')).toBe('granted');
    expect(credentialProcessTool('my-granted-wrapper --x')).toBe('other');
  });

  it('picks up the sso-session start URL and the profile region', () => {
    expect(classify('dev-sandbox')).toMatchObject({ ssoSession: 'acme', ssoStartUrl: 'https://acme-demo.awsapps.com/start', region: 'eu-west-1' });
    expect(classify('tabbed-name').region).toBe('ap-southeast-2');
  });

  it('evidence never contains secret values', () => {
    expect(JSON.stringify(classify('ci-bot'))).not.toContain('DEMO-FAKE-SECRET');
  });
});

describe('classification agrees with the chain resolver', () => {
  it('role_arn + source_profile + web_identity_token_file is web identity (as botocore and resolveChain say)', () => {
    const s = parseProfileFiles({ configText: '[profile w]\nrole_arn = arn:aws:iam::123456789012:role/W\nsource_profile = x\nweb_identity_token_file = /t\n[profile x]\naws_access_key_id = A\naws_secret_access_key = B' });
    expect(classifyProfile(s.profiles.w, s).kind).toBe('web-identity');
  });
});

describe('parseRoleArn', () => {
  it('reads account and role name, with paths and partitions', () => {
    expect(parseRoleArn('arn:aws:iam::123456789012:role/Admin')).toEqual({ accountId: '123456789012', roleName: 'Admin' });
    expect(parseRoleArn('arn:aws-cn:iam::123456789012:role/team/a/Dev')).toEqual({ accountId: '123456789012', roleName: 'Dev' });
    expect(parseRoleArn('arn:aws:iam::123:role/x')).toBeUndefined();
  });
});
