import { parseProfileFiles } from '@awsmcp/aws-config-parser';
import { parseTags } from '@awsmcp/prod-guard';
import { getHost } from '@awsmcp/mcp-config-model';
import { hostEvidencePaths, planKit, WORKSPACE_KIT_HOSTS, type PlanKitInput } from './index';

const CONFIG = `[default]
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

[profile prod-mfa]
role_arn = arn:aws:iam::444444444444:role/Admin
source_profile = prod-eu
mfa_serial = arn:aws:iam::444444444444:mfa/me
region = eu-west-1
`;

const profiles = parseProfileFiles({ configText: CONFIG, configPath: '/home/me/.aws/config' });
const tags = parseTags('dev-sandbox: dev\nprod-eu: prod\nprod-mfa: prod\n', '/home/me/.aws-profile-tags.yaml');
const base: PlanKitInput = { kit: 'eks-debug', profiles, tags, yes: true, home: '/home/me' };

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe('planKit: inputs', () => {
  it('bad input is a KitError with a code, naming the valid choices', () => {
    expect(() => planKit({ ...base, kit: 'eks-debgu' })).toThrow("unknown kit 'eks-debgu'; valid kits: eks-debug, observe, knowledge, deploy, cost");
    expect(codeOf(() => planKit({ ...base, profile: 'dev-sandbox', mode: 'template' }))).toBe('INVALID_OPTION');
    expect(() => planKit({ ...base, profile: 'dev-sandbox', hosts: 'vscode,zedd' })).toThrow("unknown host 'zedd'; expected one of vscode, claude-code, cursor, kiro, amazonq");
    expect(() => planKit({ ...base, profile: 'dev-sandbox', hosts: 'claude-desktop' })).toThrow(/Claude Desktop reads no file in a project/);
    expect(codeOf(() => planKit({ ...base }))).toBe('MISSING_PROFILE');
    expect(() => planKit({ ...base, profile: 'dev-sandbx' })).toThrow("profile 'dev-sandbx' is not in /home/me/.aws/config; did you mean 'dev-sandbox'?");
    expect(codeOf(() => planKit({ ...base, mode: 'inputs' }))).toBe('MISSING_REGION');
    expect(codeOf(() => planKit({ ...base, mode: 'inputs', multiAccount: true }))).toBe('INVALID_OPTION');
    // hosts that expand no variables (templateStyle 'hydrate' in the model's adapters) are refused
    for (const h of WORKSPACE_KIT_HOSTS.filter((x) => getHost(x).templateStyle === 'hydrate')) {
      expect(() => planKit({ ...base, mode: 'inputs', region: 'eu-west-1', hosts: ['vscode', h] })).toThrow(`--mode inputs: ${getHost(h).displayName} expand no variables`);
    }
  });

  it('--profile, else AWS_PROFILE; --region, else the profile region, else AWS_REGION', () => {
    expect(planKit({ ...base, env: { AWS_PROFILE: 'staging-eu' }, hosts: 'claude-code' })).toMatchObject({ profile: 'staging-eu', region: 'eu-central-1' });
    expect(planKit({ ...base, profile: 'dev-sandbox', env: { AWS_PROFILE: 'staging-eu' }, hosts: 'claude-code' })).toMatchObject({ profile: 'dev-sandbox', region: 'eu-west-1' });
    expect(planKit({ ...base, profile: 'ci', validateProfile: false, env: { AWS_REGION: 'us-west-2' }, hosts: 'claude-code' })).toMatchObject({ profile: 'ci', region: 'us-west-2' });
    expect(planKit({ ...base, profile: 'dev-sandbox', region: 'us-east-1', hosts: 'claude-code' }).entries[0]!.spec.env).toEqual({ AWS_PROFILE: 'dev-sandbox', AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'us-east-1' });
  });

  it('hosts: as given, else those the workspace uses, else VS Code and Claude Code', () => {
    expect(hostEvidencePaths()).toEqual(expect.arrayContaining(['.vscode/mcp.json', '.vscode', '.mcp.json.template', 'CLAUDE.md', '.cursor']));
    expect(planKit({ ...base, profile: 'dev-sandbox' }).hosts).toEqual(['vscode', 'claude-code']);
    const found = planKit({ ...base, profile: 'dev-sandbox', existing: ['.cursor', '.kiro/settings/mcp.json'] });
    expect(found.hosts).toEqual(['cursor', 'kiro']);
    expect(found.hostReasons).toEqual(['cursor: .cursor exists in the workspace', 'kiro: .kiro/settings/mcp.json exists in the workspace']);
    // with the installed hosts known, a stray folder of a host that is not installed does not count
    expect(planKit({ ...base, profile: 'dev-sandbox', existing: ['.cursor', 'CLAUDE.md'], installed: ['claude-code'] }).hosts).toEqual(['claude-code']);
  });
});

describe('planKit: files', () => {
  it('merges into the current text; same-named entries are kept unless replace', () => {
    const mine = '{\n  "mcpServers": {\n    "eks": { "command": "uvx", "args": ["awslabs.eks-mcp-server==0.1.0"] }\n  }\n}\n';
    const kept = planKit({ ...base, profile: 'dev-sandbox', hosts: 'claude-code', files: { '.mcp.json': mine } });
    expect(kept.files[0]).toMatchObject({ host: 'claude-code', file: '.mcp.json', before: mine, added: ['cloudwatch'], skipped: ['eks'], changed: true });
    expect(kept.files[0]!.after).toContain('awslabs.eks-mcp-server==0.1.0');
    const replaced = planKit({ ...base, profile: 'dev-sandbox', hosts: 'claude-code', files: { '.mcp.json': mine }, replace: true });
    expect(replaced.files[0]).toMatchObject({ added: ['cloudwatch'], replaced: ['eks'] });
    // planned again on its own output: nothing changes
    const again = planKit({ ...base, profile: 'dev-sandbox', hosts: 'claude-code', files: { '.mcp.json': replaced.files[0]!.after } });
    expect(again.files[0]).toMatchObject({ changed: false, unchanged: ['eks', 'cloudwatch'] });
  });

  it('TOML and JSONC hosts too: Codex and Zed get the kit in their own file and format, comments kept', () => {
    const codex = '# my Codex project settings\nmodel = "o3"  # keep\n';
    const plan = planKit({ ...base, profile: 'dev-sandbox', region: 'eu-west-1', hosts: 'codex,zed', files: { '.codex/config.toml': codex } });
    expect(plan.files.map((f) => [f.host, f.file, f.added])).toEqual([
      ['codex', '.codex/config.toml', ['eks', 'cloudwatch']],
      ['zed', '.zed/settings.json', ['eks', 'cloudwatch']],
    ]);
    const toml = plan.files[0]!.after;
    expect(toml.startsWith(codex)).toBe(true);
    expect(toml).toMatch(/\[mcp_servers\.eks\]/);
    expect(toml).toContain('AWS_DEFAULT_REGION = "eu-west-1"');
    expect(plan.files[1]!.after).toContain('"context_servers"');
  });

  it('inputs mode: each host its own placeholders, no real profile, account or region', () => {
    const p = planKit({ ...base, profile: 'dev-sandbox', mode: 'inputs', hosts: 'vscode,claude-code,kiro' });
    const [vscode, claude, kiro] = p.files.map((f) => f.after);
    expect(vscode).toContain('"AWS_PROFILE": "${input:awsProfile}"');
    expect(vscode).toContain('"type": "pickString"');
    expect(claude).toContain('"AWS_PROFILE": "${AWS_PROFILE:-default}"');
    expect(claude).toContain('"AWS_DEFAULT_REGION": "${AWS_REGION:-eu-west-1}"');
    expect(kiro).toContain('"AWS_PROFILE": "${AWS_PROFILE}"');
    for (const text of [vscode, claude, kiro]) expect(text).not.toMatch(/dev-sandbox|111111111111/);
    expect(p.warnings[0]).toMatch(/the profile is not written/);
  });

  it('inputs mode for VS Code alone: a warning that ${input:} servers do not reach Copilot agent sessions', () => {
    const only = planKit({ ...base, mode: 'inputs', region: 'eu-west-1', hosts: 'vscode' });
    expect(only.warnings.join('\n')).toMatch(/not forwarded to Copilot agent sessions; for those, add the portable \.mcp\.json too \(--hosts vscode,copilot-cli\)/);
    const both = planKit({ ...base, mode: 'inputs', region: 'eu-west-1', hosts: 'vscode,claude-code' });
    expect(both.warnings.join('\n')).not.toMatch(/Copilot agent sessions/);
  });

  it('inputs mode for Kiro: names the variables still to approve (Kiro expands only approved ones)', () => {
    const none = planKit({ ...base, mode: 'inputs', region: 'eu-west-1', hosts: 'kiro' });
    expect(none.warnings.join('\n')).toMatch(/expands only approved variables: approve AWS_PROFILE and AWS_REGION in .*kiroAgent\.mcpApprovedEnvVars/);
    const half = planKit({ ...base, mode: 'inputs', region: 'eu-west-1', hosts: 'kiro', approvedVariables: ['AWS_REGION'] });
    expect(half.warnings.join('\n')).toMatch(/approve AWS_PROFILE in /);
    const all = planKit({ ...base, mode: 'inputs', region: 'eu-west-1', hosts: 'kiro', approvedVariables: ['AWS_PROFILE', 'AWS_REGION'] });
    expect(all.warnings.join('\n')).not.toMatch(/approved variables/);
  });

  it('inputs mode: real values from other servers in the file are leak findings and a warning', () => {
    const other = JSON.stringify({ mcpServers: { mine: { command: 'uvx', args: ['x==1'], env: { AWS_PROFILE: 'staging-eu' } } } }, null, 2);
    const p = planKit({ ...base, mode: 'inputs', region: 'eu-west-1', hosts: 'claude-code', files: { '.mcp.json': other } });
    expect(p.leaks.map((l) => l.code)).toContain('REAL_PROFILE_IN_TEMPLATE');
    expect(p.warnings.join('\n')).toMatch(/\.mcp\.json still holds real values from servers this kit did not write/);
  });
});

describe('planKit: budget and production', () => {
  it('the budget comes with the plan; overBudget unless yes', () => {
    const p = planKit({ ...base, yes: false, profile: 'dev-sandbox', hosts: 'claude-code' });
    expect(p.budget.verdict).toBe('over');
    expect(p.overBudget).toBe(true);
    expect(planKit({ ...base, profile: 'dev-sandbox', hosts: 'claude-code', tokenLimit: 100000 }).overBudget).toBe(false);
  });

  it('a prod profile: a confirmation with a terminal, a refusal without, fine with --confirm or once confirmed', () => {
    const tty = planKit({ ...base, profile: 'prod-eu', hosts: 'vscode,claude-code', isTTY: true });
    expect(tty.prod.confirmations.map((c) => c.profile)).toEqual(['prod-eu']);
    expect(tty.prod.refusals).toEqual([]);
    const none = planKit({ ...base, profile: 'prod-eu', hosts: 'claude-code' });
    expect(none.prod.refusals.map((r) => [r.code, r.server])).toEqual([['PROD_NO_TTY', 'eks'], ['PROD_NO_TTY', 'cloudwatch']]);
    for (const ok of [planKit({ ...base, profile: 'prod-eu', hosts: 'claude-code', confirm: true }), planKit({ ...base, profile: 'prod-eu', hosts: 'claude-code', isTTY: true, confirmedProfiles: ['prod-eu'] })]) {
      expect([ok.prod.confirmations, ok.prod.refusals]).toEqual([[], []]);
      expect(ok.prod.warnings.join('\n')).toMatch(/production profile "prod-eu" in use .*\(confirmed\)/);
    }
    // a workspace file linked to a user file is user scope: no confirmation lifts that
    expect(planKit({ ...base, profile: 'prod-eu', hosts: 'claude-code', confirm: true, scopes: { '.mcp.json': 'user' } }).prod.refusals.map((r) => r.code)).toEqual(['PROD_IN_USER_SCOPE', 'PROD_IN_USER_SCOPE']);
    // inputs mode writes no profile: nothing to guard
    expect(planKit({ ...base, profile: 'prod-eu', mode: 'inputs', hosts: 'claude-code' }).prod).toEqual({ confirmations: [], refusals: [], warnings: [], recommendations: [] });
  });

  it('--multi-account: the prod-tagged profiles, leaving out those a server cannot use, with the reason', () => {
    const p = planKit({ ...base, multiAccount: true, confirm: true, hosts: 'claude-code' });
    expect(p.instances.map((i) => [i.profile, i.region, i.accountId])).toEqual([['prod-eu', 'eu-west-1', '333333333333']]);
    expect(p.skippedProfiles).toEqual([{ profile: 'prod-mfa', reason: expect.stringMatching(/^needs MFA/) }]);
    expect(codeOf(() => planKit({ ...base, multiAccount: true, tags: parseTags('prod-mfa: prod\n', '/t.yaml') }))).toBe('NO_USABLE_PROFILE');
    expect(codeOf(() => planKit({ ...base, multiAccount: true, tags: parseTags('dev-sandbox: dev\n', '/t.yaml') }))).toBe('NO_TAGGED_PROFILE');
  });
});
