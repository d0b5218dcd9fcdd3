import { getHost, parseHostConfig } from '@awsmcp/mcp-config-model';
import { ProdGuardError } from '@awsmcp/prod-guard';
import { BUILTIN_KITS, findServer, WORKSPACE_KIT_HOSTS } from '@awsmcp/starter-kits';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CANARY } from '../../__fixtures__/home';
import { useGeneratorSandbox } from '../../__fixtures__/sandbox';
import { changedSince, contents } from '../../__fixtures__/tree';
import { kitGenerator } from './generator';
import type { KitGeneratorSchema } from './schema';

const DEV = { profile: 'dev-sandbox', region: 'eu-west-1', yes: true } as const;

const sb = useGeneratorSandbox();

function json(file: string): Record<string, Record<string, Record<string, unknown>>> {
  return parseHostConfig(sb.tree.read(file, 'utf-8')!, { file: `/w/${file}`, strict: true }).value as Record<string, Record<string, Record<string, unknown>>>;
}

async function run(options: Partial<KitGeneratorSchema> & { name?: string }) {
  await kitGenerator(sb.tree, { name: 'eks-debug', ...options } as KitGeneratorSchema);
}

describe('kit generator: concrete mode', () => {
  it('writes VS Code and Claude Code configs: pinned, stdio, AWS_PROFILE and AWS_REGION, no --region for eks', async () => {
    const before = contents(sb.tree);
    await run(DEV);
    const written = changedSince(sb.tree, before);
    expect(Object.keys(written).sort()).toEqual(['.mcp.json', '.vscode/mcp.json']);
    expect(written).toMatchSnapshot();

    const vscode = json('.vscode/mcp.json');
    expect(Object.keys(vscode)).toEqual(['servers']);
    const claude = json('.mcp.json');
    expect(Object.keys(claude)).toEqual(['mcpServers']);
    for (const [root, servers] of [
      ['servers', vscode.servers!],
      ['mcpServers', claude.mcpServers!],
    ] as const) {
      expect(Object.keys(servers)).toEqual(['eks', 'cloudwatch']);
      for (const [name, entry] of Object.entries(servers)) {
        const server = findServer(name)!;
        expect({ root, name, type: entry.type, args: entry.args, env: entry.env }).toEqual({
          root,
          name,
          type: 'stdio',
          args: [`${server.package}==${server.version}`],
          env: { AWS_PROFILE: 'dev-sandbox', AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-1' },
        });
      }
      expect(servers.eks!.args).not.toContain('--region');
    }
  });

  it('never gives eks a --region, in any kit that has it, on any host', async () => {
    for (const kit of BUILTIN_KITS.filter((k) => k.servers.includes('eks'))) {
      await run({ ...DEV, name: kit.name, hosts: ['vscode', 'claude-code', 'cursor', 'kiro', 'amazonq'] });
    }
    for (const file of ['.vscode/mcp.json', '.mcp.json', '.cursor/mcp.json', '.kiro/settings/mcp.json', '.amazonq/mcp.json']) {
      const doc = parseHostConfig(sb.tree.read(file, 'utf-8')!, { file: `/w/${file}`, strict: true });
      const eks = doc.servers.find((s) => s.name === 'eks')!;
      expect(eks.args!.some((a) => a.startsWith('--region'))).toBe(false);
      expect(eks.env).toMatchObject({ AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-1' });
    }
  });

  it('shows the budget first and refuses an over-budget kit without --yes, naming the flag', async () => {
    const before = contents(sb.tree);
    await expect(run({ profile: 'dev-sandbox', region: 'eu-west-1' })).rejects.toThrow(/over the 5000-token recommendation: nothing was written\. Re-run with --yes/);
    expect(changedSince(sb.tree, before)).toEqual({});
    expect(sb.log.text()).toMatch(/Context budget for kit 'eks-debug'/);
    expect(sb.log.text()).toMatch(/total\s+\d+\s+OVER the 5000-token recommendation/);
    expect(sb.log.text()).toMatch(/aws eks list-clusters --profile dev-sandbox --region eu-west-1/);
  });

  it('--dry-run (NX_DRY_RUN) previews an over-budget kit without --yes, saying what --yes would write', async () => {
    const saved = process.env.NX_DRY_RUN;
    process.env.NX_DRY_RUN = 'true';
    try {
      await run({ profile: 'dev-sandbox', region: 'eu-west-1' });
    } finally {
      if (saved === undefined) delete process.env.NX_DRY_RUN;
      else process.env.NX_DRY_RUN = saved;
    }
    expect(sb.log.text()).toMatch(/over the 5000-token recommendation\. Dry run: the files below are what --yes would write/);
    expect(sb.tree.exists('.vscode/mcp.json')).toBe(true);
  });

  it('writes a kit under the budget without --yes', async () => {
    await run({ name: 'deploy', profile: 'dev-sandbox', region: 'us-east-1', tokenLimit: 20000 });
    const servers = json('.vscode/mcp.json').servers!;
    expect(Object.keys(servers)).toEqual(['aws-mcp', 'serverless']);
    // the managed AWS MCP Server through the pinned proxy, read-only by default, endpoint and metadata in the kit region
    expect(servers['aws-mcp']!.args).toEqual(['mcp-proxy-for-aws==1.6.4', 'https://aws-mcp.us-east-1.api.aws/mcp', '--profile', 'dev-sandbox', '--read-only', '--metadata', 'AWS_REGION=us-east-1']);
    expect(servers['aws-mcp']!.env).toEqual({ AWS_PROFILE: 'dev-sandbox', AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'us-east-1' });
    expect(sb.log.text()).toMatch(/under the 20000-token recommendation/);
  });

  it('prefers the costs `awsmcp tokens` measured, and takes --token-limit', async () => {
    const { version } = findServer('eks')!;
    fs.mkdirSync(path.join(sb.home.home, '.cache', 'awsmcp'), { recursive: true });
    fs.writeFileSync(
      path.join(sb.home.home, '.cache', 'awsmcp', 'measurements.json'),
      JSON.stringify({ measurements: [{ server: 'eks', version, tokens: 2100, toolCount: 16, measuredAt: '2026-11-20T09:00:00Z' }, { server: 'cloudwatch', tokens: 'lots' }] }),
    );
    await run({ profile: 'dev-sandbox', region: 'eu-west-1', tokenLimit: 16000 });
    expect(sb.log.text()).toMatch(/eks\s+2100\s+measured, 16 tools \(measured by awsmcp tokens 2026-11-20\)/);
    expect(sb.log.text()).toMatch(/total\s+15439\s+under the 16000-token recommendation/);
    expect(sb.tree.exists('.vscode/mcp.json')).toBe(true);
  });

  it('lists the valid kits for an unknown kit', async () => {
    await expect(run({ ...DEV, name: 'eks-debgu' })).rejects.toThrow("unknown kit 'eks-debgu'; valid kits: eks-debug, observe, knowledge, deploy, cost");
  });

  it('names the closest configured profiles for a profile that is not in ~/.aws/config', async () => {
    await expect(run({ ...DEV, profile: 'dev-sandbx' })).rejects.toThrow(/profile 'dev-sandbx' is not in .*\.aws\/config; did you mean 'dev-sandbox'\?/);
    await expect(run({ ...DEV, profile: 'dev-sandbx' })).rejects.toThrow(/--no-validate-profile/);
  });

  it('lists the configured profiles when none is close', async () => {
    await expect(run({ ...DEV, profile: 'zzzzzzzz' })).rejects.toThrow(/; configured: ci-keys, default, dev-sandbox, prod-eu, prod-us, staging-eu/);
  });

  it('accepts an unknown profile with --no-validate-profile (CI)', async () => {
    await run({ ...DEV, profile: 'ci-only-profile', validateProfile: false });
    expect(json('.mcp.json').mcpServers!.eks!.env).toEqual({ AWS_PROFILE: 'ci-only-profile', AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-1' });
  });

  it("takes the profile's own region when --region is not given", async () => {
    await run({ profile: 'staging-eu', yes: true, hosts: 'claude-code' });
    expect(json('.mcp.json').mcpServers!.eks!.env).toEqual({ AWS_PROFILE: 'staging-eu', AWS_REGION: 'eu-central-1', AWS_DEFAULT_REGION: 'eu-central-1' });
  });

  it('asks for --profile when none is given and there is nobody to ask', async () => {
    await expect(run({ yes: true })).rejects.toThrow(/needs an AWS profile: pass --profile <name> \(configured: ci-keys, default, dev-sandbox/);
  });

  it('refuses a prod profile without --confirm (prod guard), and writes it with --confirm', async () => {
    const before = contents(sb.tree);
    const err = await run({ ...DEV, profile: 'prod-eu' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProdGuardError);
    expect((err as ProdGuardError).allowFlag).toBe('--confirm');
    expect((err as ProdGuardError).message).toMatch(/profile "prod-eu" is production .* Re-run with --confirm/);
    expect(changedSince(sb.tree, before)).toEqual({});

    await run({ ...DEV, profile: 'prod-eu', confirm: true });
    expect(json('.vscode/mcp.json').servers!.eks!.env).toEqual({ AWS_PROFILE: 'prod-eu', AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-1' });
    expect(sb.log.text()).toMatch(/production profile "prod-eu" in use .*\(confirmed\)/);
  });

  it('--multi-account: one instance per prod-tagged profile, with an _account note', async () => {
    await run({ yes: true, multiAccount: true, confirm: true, hosts: ['claude-code'] });
    const servers = json('.mcp.json').mcpServers!;
    expect(Object.keys(servers)).toEqual(['eks-prod-eu', 'eks-prod-us', 'cloudwatch-prod-eu', 'cloudwatch-prod-us']);
    expect(servers['eks-prod-us']).toMatchObject({ env: { AWS_PROFILE: 'prod-us', AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'us-east-1' }, _account: '333333333333 (prod-us)' });
    expect(servers['eks-prod-eu']!.env).toEqual({ AWS_PROFILE: 'prod-eu', AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-1' });
  });

  it('--multi-account leaves out prod-tagged profiles a server cannot use (MFA), and says why', async () => {
    const aws = path.join(sb.home.home, '.aws');
    fs.appendFileSync(path.join(aws, 'config'), '\n[profile prod-mfa]\nrole_arn = arn:aws:iam::444444444444:role/Admin\nsource_profile = prod-eu\nmfa_serial = arn:aws:iam::444444444444:mfa/me\nregion = eu-west-1\n');
    fs.appendFileSync(path.join(sb.home.home, '.aws-profile-tags.yaml'), 'prod-mfa: prod\n');
    await run({ yes: true, multiAccount: true, confirm: true, hosts: ['claude-code'] });
    expect(Object.keys(json('.mcp.json').mcpServers!)).toEqual(['eks-prod-eu', 'eks-prod-us', 'cloudwatch-prod-eu', 'cloudwatch-prod-us']);
    expect(sb.log.text()).toMatch(/skipped profile prod-mfa: needs MFA/);
  });

  it('--multi-account with explicit profiles, each with its own region', async () => {
    await run({ yes: true, multiAccount: true, profile: 'dev-sandbox,staging-eu', hosts: 'vscode' });
    const servers = json('.vscode/mcp.json').servers!;
    expect(Object.keys(servers)).toEqual(['eks-dev-sandbox', 'eks-staging-eu', 'cloudwatch-dev-sandbox', 'cloudwatch-staging-eu']);
    expect(servers['eks-staging-eu']!.env).toEqual({ AWS_PROFILE: 'staging-eu', AWS_REGION: 'eu-central-1', AWS_DEFAULT_REGION: 'eu-central-1' });
  });

  it('merges into an existing file: comments, other servers and layout kept', async () => {
    const existing = [
      '{',
      '  // team servers: keep this comment',
      '  "servers": {',
      '    "github": { "type": "http", "url": "https://api.githubcopilot.com/mcp/" } // hosted',
      '  },',
      '}',
      '',
    ].join('\n');
    sb.tree.write('.vscode/mcp.json', existing);
    await run({ ...DEV, hosts: 'vscode' });
    const text = sb.tree.read('.vscode/mcp.json', 'utf-8')!;
    expect(text).toContain('// team servers: keep this comment');
    expect(text).toContain('    "github": { "type": "http", "url": "https://api.githubcopilot.com/mcp/" }, // hosted\n');
    expect(Object.keys(json('.vscode/mcp.json').servers!)).toEqual(['github', 'eks', 'cloudwatch']);
    expect(text).toMatchSnapshot();
  });

  it('is idempotent: a second run changes nothing', async () => {
    await run(DEV);
    const first = contents(sb.tree);
    await run(DEV);
    expect(contents(sb.tree)).toEqual(first);
    expect(sb.log.text()).toMatch(/\.vscode\/mcp\.json: unchanged eks, cloudwatch/);
  });

  it('keeps entries of the same name without --replace (as awsmcp kit), and updates them with it', async () => {
    await run(DEV);
    await run({ ...DEV, profile: 'staging-eu', region: 'eu-central-1' });
    expect(json('.mcp.json').mcpServers!.cloudwatch!.env).toEqual({ AWS_PROFILE: 'dev-sandbox', AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-1' });
    expect(sb.log.text()).toMatch(/\.mcp\.json: kept eks, cloudwatch \(--replace to overwrite\)/);
    await run({ ...DEV, profile: 'staging-eu', region: 'eu-central-1', replace: true });
    expect(json('.mcp.json').mcpServers!.cloudwatch!.env).toEqual({ AWS_PROFILE: 'staging-eu', AWS_REGION: 'eu-central-1', AWS_DEFAULT_REGION: 'eu-central-1' });
    expect(sb.log.text()).toMatch(/\.mcp\.json: updated eks, cloudwatch/);
  });

  it('uses the hosts the workspace already has (a host found by its folder only when it is installed)', async () => {
    sb.tree.write('.cursor/rules.md', '# rules\n');
    sb.tree.write('.kiro/steering/x.md', '# x\n');
    sb.tree.write('.amazonq/rules/x.md', '# x\n'); // Amazon Q is not installed in the test home: not used
    for (const marker of ['.cursor', '.kiro']) fs.mkdirSync(path.join(sb.home.home, marker));
    await run(DEV);
    expect(sb.tree.exists('.cursor/mcp.json')).toBe(true);
    expect(sb.tree.exists('.kiro/settings/mcp.json')).toBe(true);
    expect(sb.tree.exists('.vscode/mcp.json')).toBe(false);
    expect(sb.tree.exists('.mcp.json')).toBe(false);
    expect(sb.tree.exists('.amazonq/mcp.json')).toBe(false);
    expect(json('.kiro/settings/mcp.json').mcpServers!.eks!.args).toEqual([`awslabs.eks-mcp-server==${findServer('eks')!.version}`]);
  });

  it('refuses an unknown host and Claude Desktop (no workspace file)', async () => {
    await expect(run({ ...DEV, hosts: 'vscode,zedd' })).rejects.toThrow("unknown host 'zedd'; expected one of vscode, claude-code, cursor, kiro, amazonq");
    await expect(run({ ...DEV, hosts: ['claude-desktop'] })).rejects.toThrow(/Claude Desktop reads no file in a project/);
  });

  it("builds a kit of the workspace's awsmcp-kits.yaml", async () => {
    sb.tree.write('awsmcp-kits.yaml', 'kits:\n  payments-debug:\n    description: EKS and CloudTrail\n    servers: [eks, cloudtrail]\n');
    await run({ ...DEV, name: 'payments-debug', hosts: 'claude-code' });
    expect(Object.keys(json('.mcp.json').mcpServers!)).toEqual(['eks', 'cloudtrail']);
  });

  it('reports a broken awsmcp-kits.yaml at file:line:column', async () => {
    sb.tree.write('awsmcp-kits.yaml', 'kits:\n  ok:\n    servers: [ekss]\n');
    await expect(run({ ...DEV, name: 'ok' })).rejects.toThrow(/awsmcp-kits\.yaml:3:15: unknown server 'ekss'/);
  });

  it('warns when the real config is not git-ignored, and not once it is', async () => {
    await run(DEV);
    expect(sb.log.text()).toMatch(/\.vscode\/mcp\.json holds real profile names and is not in \.gitignore: run nx g @awsmcp\/nx:template/);
    sb.log.lines.length = 0;
    sb.tree.write('.gitignore', '.vscode/mcp.json\n.mcp.json\n');
    await run(DEV);
    expect(sb.log.text()).not.toMatch(/not in \.gitignore/);
  });

  it('never prints or writes a secret from the credentials file', async () => {
    await run({ ...DEV, profile: 'ci-keys', region: 'us-west-2' });
    await run({ ...DEV, profile: 'nope' }).catch(() => undefined);
    const all = sb.log.text() + JSON.stringify(contents(sb.tree));
    expect(all).not.toContain(CANARY);
    expect(all).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });
});

describe('kit generator: inputs mode (safe to commit)', () => {
  it('VS Code inputs and Claude Code ${AWS_PROFILE:-default}, no profile name, no account id', async () => {
    const before = contents(sb.tree);
    await run({ ...DEV, mode: 'inputs' });
    const written = changedSince(sb.tree, before);
    expect(written).toMatchSnapshot();
    const all = Object.values(written).join('\n');
    expect(all).not.toMatch(/dev-sandbox|\d{12}/);

    const vscode = json('.vscode/mcp.json');
    expect(vscode.servers!.eks).toMatchObject({ type: 'stdio', env: { AWS_PROFILE: '${input:awsProfile}', AWS_REGION: '${input:awsRegion}', AWS_DEFAULT_REGION: '${input:awsRegion}' } });
    expect(vscode.inputs).toEqual([
      { type: 'promptString', id: 'awsProfile', description: 'AWS profile name' },
      { type: 'pickString', id: 'awsRegion', description: 'AWS region (e.g. eu-west-1)', options: ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2'], default: 'eu-west-1' },
    ]);
    expect(json('.mcp.json').mcpServers!.cloudwatch!.env).toEqual({ AWS_PROFILE: '${AWS_PROFILE:-default}', AWS_REGION: '${AWS_REGION:-eu-west-1}', AWS_DEFAULT_REGION: '${AWS_REGION:-eu-west-1}' });
  });

  it('needs no profile, but a region', async () => {
    await run({ yes: true, mode: 'inputs', region: 'us-east-1', hosts: 'kiro' });
    // Kiro documents ${NAME} only (no ${NAME:-default}): the plain placeholder
    expect(json('.kiro/settings/mcp.json').mcpServers!.eks!.env).toEqual({ AWS_PROFILE: '${AWS_PROFILE}', AWS_REGION: '${AWS_REGION}', AWS_DEFAULT_REGION: '${AWS_REGION}' });
    await expect(run({ yes: true, mode: 'inputs' })).rejects.toThrow(/--mode inputs: pass --region/);
  });

  it('refuses hosts that expand no variables, and --multi-account', async () => {
    // the hosts whose adapter says they expand nothing (templateStyle 'hydrate'): Cursor and Amazon Q
    // until their ${env:NAME} syntax lands in the model, then none of the workspace hosts
    for (const h of WORKSPACE_KIT_HOSTS.filter((x) => getHost(x).templateStyle === 'hydrate')) {
      await expect(run({ ...DEV, mode: 'inputs', hosts: `vscode,${h}` })).rejects.toThrow(`--mode inputs: ${getHost(h).displayName} expand no variables`);
    }
    await expect(run({ ...DEV, mode: 'inputs', multiAccount: true })).rejects.toThrow(/use --mode concrete for --multi-account/);
  });

  it('warns when the file to commit still holds real values of other servers', async () => {
    sb.tree.write('.mcp.json', JSON.stringify({ mcpServers: { mine: { command: 'uvx', args: ['x==1'], env: { AWS_PROFILE: 'staging-eu' } } } }, null, 2));
    await run({ ...DEV, mode: 'inputs', hosts: 'claude-code' });
    expect(sb.log.text()).toMatch(/\.mcp\.json still holds real values from servers this kit did not write; do not commit it as it is:\n.*server "mine": a real profile name/);
  });

  it('is idempotent', async () => {
    await run({ ...DEV, mode: 'inputs' });
    const first = contents(sb.tree);
    await run({ ...DEV, mode: 'inputs' });
    expect(contents(sb.tree)).toEqual(first);
  });
});

describe('kit generator: schema', () => {
  it('offers every built-in kit in the x-prompt', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'schema.json'), 'utf8'));
    expect(schema.properties.name['x-prompt'].items.map((i: { value: string }) => i.value)).toEqual(BUILTIN_KITS.map((k) => k.name));
    for (const item of schema.properties.name['x-prompt'].items) {
      expect(item.label.startsWith(`${item.value}: `)).toBe(true);
    }
  });
});
