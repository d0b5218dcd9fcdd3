import * as fs from 'node:fs';
import * as path from 'node:path';
import * as jsonc from 'jsonc-parser';
import { listBackups } from '@awsmcp/mcp-config-model';
import { SwitchOutputSchema } from '../schemas';
import { makeHome, run, startBin, writeFile } from '../testing/demo-home';

const HOST_FILE = `{
  // team servers: keep this comment
  "servers": {
    "eks": {
      "type": "stdio",
      "command": "uvx",
      "args": ["awslabs.eks-mcp-server==0.1.37"],
      "env": { "AWS_PROFILE": "dev-sandbox", "AWS_REGION": "eu-west-1" } // inline note
    },
    "prom": {
      "type": "stdio",
      "command": "uvx",
      "args": ["awslabs.prometheus-mcp-server==0.2.20", "--profile", "dev-sandbox", "--region=eu-west-1"],
      "env": { "AWS_PROFILE": "dev-sandbox", "AWS_REGION": "eu-west-1" }
    },
    "api": {
      "type": "stdio",
      "command": "uvx",
      "args": ["awslabs.aws-api-mcp-server==1.5.1"],
      "env": { "AWS_API_MCP_PROFILE_NAME": "dev-sandbox", "AWS_REGION": "eu-west-1", "READ_OPERATIONS_ONLY": "true" }
    },
    "templated": { "type": "stdio", "command": "uvx", "args": ["awslabs.eks-mcp-server==0.1.37"], "env": { "AWS_PROFILE": "\${input:awsProfile}" } }
  }
}
`;

// each test runs the CLI several times; the machines are shared, so 5 s is not enough
jest.setTimeout(60_000);

describe('awsmcp switch', () => {
  it('patches profile, region and accepted args, keeps comments, prints a diff and restart steps, keeps a backup', async () => {
    const t = makeHome();
    const file = writeFile(t.workspace, '.vscode/mcp.json', HOST_FILE);
    const r = await run(t, ['switch', 'staging-eu', '--region', 'eu-central-1']);
    expect(r.code).toBe(0);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('// team servers: keep this comment');
    expect(text).toContain('"env": { "AWS_PROFILE": "staging-eu", "AWS_REGION": "eu-central-1" } // inline note');
    expect(text).toContain('"args": ["awslabs.prometheus-mcp-server==0.2.20", "--profile", "staging-eu", "--region=eu-central-1"]');
    expect(text).toContain('"AWS_API_MCP_PROFILE_NAME": "staging-eu"');
    expect(text).toContain('"AWS_PROFILE": "${input:awsProfile}"'); // template left alone
    expect(r.stdout).toContain('-       "env": { "AWS_PROFILE": "dev-sandbox", "AWS_REGION": "eu-west-1" } // inline note');
    expect(r.stdout).toContain('+       "env": { "AWS_PROFILE": "staging-eu", "AWS_REGION": "eu-central-1" } // inline note');
    expect(r.stdout).toContain('skipped templated: uses ${input:awsProfile}');
    expect(r.stdout).toMatch(/Restart\n {2}VS Code editor: /);
    // the backup is in the per-user state folder, never in the workspace
    expect(fs.readdirSync(path.dirname(file))).toEqual(['mcp.json']);
    const backups = listBackups(file, { root: path.join(t.home, '.local/state/awsmcp/backups') });
    expect(backups).toHaveLength(1);
    expect(fs.statSync(backups[0]).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(backups[0], 'utf8')).toBe(HOST_FILE);
    expect(r.stdout).toContain(`backup: ${backups[0]}`);
    // idempotent
    const again = await run(t, ['switch', 'staging-eu', '--region', 'eu-central-1', '--json']);
    expect(SwitchOutputSchema.parse(JSON.parse(again.stdout)).files[0].changed).toBe(false);
  });

  it('--dry-run writes nothing; --server limits the change', async () => {
    const t = makeHome();
    const file = writeFile(t.workspace, '.vscode/mcp.json', HOST_FILE);
    const r = await run(t, ['switch', 'staging-eu', '--dry-run', '--json']);
    const doc = SwitchOutputSchema.parse(JSON.parse(r.stdout));
    expect(doc.dryRun).toBe(true);
    expect(doc.files[0].servers).toEqual(['eks', 'prom', 'api']);
    expect(fs.readFileSync(file, 'utf8')).toBe(HOST_FILE);
    await run(t, ['switch', 'staging-eu', '--server', 'eks']);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.match(/staging-eu/g)).toHaveLength(1);
  });

  it('a prod profile needs --confirm: exit 3 and the guard message otherwise', async () => {
    const t = makeHome();
    const file = writeFile(t.workspace, '.vscode/mcp.json', HOST_FILE);
    const refused = await run(t, ['switch', 'prod-eu']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/production/);
    expect(refused.stderr).toContain('--confirm');
    expect(fs.readFileSync(file, 'utf8')).toBe(HOST_FILE);
    const ok = await run(t, ['switch', 'prod-eu', '--confirm']);
    expect(ok.code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toContain('"AWS_PROFILE": "prod-eu"');
  });

  it('--env prod with two prod profiles is an error listing them; with one it picks it', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.vscode/mcp.json', HOST_FILE);
    const r = await run(t, ['switch', '--env', 'prod', '--confirm']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("4 profiles are tagged 'prod': prod-eu, prod-us, granted-prod, prod-deployer");
    const one = makeHome({ tags: 'staging-eu: staging\n' });
    writeFile(one.workspace, '.vscode/mcp.json', HOST_FILE);
    expect((await run(one, ['switch', '--env', 'staging'])).code).toBe(0);
  });

  it('an unknown profile names the closest ones', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.vscode/mcp.json', HOST_FILE);
    const r = await run(t, ['switch', 'dev-sandbx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("did you mean 'dev-sandbox'");
  });

  it('two switch processes at once on one file lose no update', async () => {
    const t = makeHome();
    const file = writeFile(t.workspace, '.vscode/mcp.json', HOST_FILE);
    const [a, b] = await Promise.all([
      startBin(t, ['switch', 'staging-eu', '--server', 'eks', '--no-backup']),
      startBin(t, ['switch', 'dev-sandbox', '--server', 'prom', '--region', 'us-east-1', '--no-backup']),
    ]);
    expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, '', '']);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('"env": { "AWS_PROFILE": "staging-eu", "AWS_REGION": "eu-west-1" } // inline note');
    expect(text).toContain('"--region=us-east-1"');
    expect(text).toContain('// team servers: keep this comment');
  }, 30_000);

  it('a host file that does not parse stops the switch with file:line:col (exit 1) unless --skip-broken', async () => {
    const t = makeHome();
    const good = writeFile(t.workspace, '.vscode/mcp.json', HOST_FILE);
    const bad = writeFile(t.workspace, '.mcp.json', '{\n  "mcpServers": {\n    "eks": { "command": "uvx", "args": ["awslabs.eks-mcp-server"], "env": { "AWS_PROFILE": "prod-eu" } },\n  },\n}\n'.replace('},\n  },', '},,\n  },'));
    const r = await run(t, ['switch', 'staging-eu']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `));
    expect(r.stderr).toContain('--skip-broken');
    expect(fs.readFileSync(good, 'utf8')).toBe(HOST_FILE);
    const json = await run(t, ['switch', 'staging-eu', '--json']);
    expect(json.code).toBe(1);
    const skipped = await run(t, ['switch', 'staging-eu', '--skip-broken', '--json']);
    expect(skipped.code).toBe(0);
    const doc = SwitchOutputSchema.parse(JSON.parse(skipped.stdout));
    expect(doc.broken?.[0]).toMatchObject({ file: bad, line: expect.any(Number), column: expect.any(Number) });
    expect(skipped.stderr).toContain('skipped');
    expect(fs.readFileSync(good, 'utf8')).toContain('"AWS_PROFILE": "staging-eu"');
  });

  it('an unreadable host file (a folder in its place) also stops the switch', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.vscode/mcp.json', HOST_FILE);
    fs.mkdirSync(path.join(t.workspace, '.mcp.json'));
    const r = await run(t, ['switch', 'staging-eu']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(path.join(t.workspace, '.mcp.json'));
  });

  it('a workspace symlink to ~/.claude.json is judged as the user-scope file (prod refused even with --confirm)', async () => {
    const t = makeHome();
    const user = path.join(t.home, '.claude.json');
    fs.writeFileSync(user, JSON.stringify({ mcpServers: { eks: { type: 'stdio', command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37'], env: { AWS_PROFILE: 'dev-sandbox' } } } }, null, 2));
    fs.symlinkSync(user, path.join(t.workspace, '.mcp.json'));
    const r = await run(t, ['switch', 'prod-eu', '--confirm']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/user-scope/);
    expect(fs.readFileSync(user, 'utf8')).toContain('"AWS_PROFILE": "dev-sandbox"');
    expect(fs.lstatSync(path.join(t.workspace, '.mcp.json')).isSymbolicLink()).toBe(true);
    // a non-prod profile goes through the link: the link stays, the user file changes
    expect((await run(t, ['switch', 'staging-eu'])).code).toBe(0);
    expect(fs.readFileSync(user, 'utf8')).toContain('"AWS_PROFILE": "staging-eu"');
    expect(fs.lstatSync(path.join(t.workspace, '.mcp.json')).isSymbolicLink()).toBe(true);
  });

  it('is linear in the number of servers: 2,500 servers, the text parsed stays a small multiple of the file', async () => {
    const t = makeHome();
    const servers: Record<string, unknown> = {};
    for (let i = 0; i < 2500; i++) servers[`eks-${i}`] = { type: 'stdio', command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37', '--profile', 'dev-sandbox'], env: { AWS_PROFILE: 'dev-sandbox', AWS_REGION: 'eu-west-1' } };
    const text = JSON.stringify({ servers }, null, 2) + '\n';
    const file = writeFile(t.workspace, '.vscode/mcp.json', text);
    // count what jsonc-parser is asked to parse / scan (not a timing: the machines are shared)
    let parsedChars = 0;
    const original = jsonc.parseTree;
    const parseTree = jest.spyOn(jsonc, 'parseTree').mockImplementation(((s: string, ...rest: unknown[]) => {
      parsedChars += s.length;
      return original(s, ...(rest as []));
    }) as typeof jsonc.parseTree);
    try {
      const r = await run(t, ['switch', 'staging-eu', '--region', 'eu-central-1', '--no-backup', '--json']);
      expect([r.code, r.stderr]).toEqual([0, '']);
    } finally {
      parseTree.mockRestore();
    }
    const out = fs.readFileSync(file, 'utf8');
    expect(out.match(/"AWS_PROFILE": "staging-eu"/g)).toHaveLength(2500);
    expect(out.match(/"staging-eu"/g)).toHaveLength(5000);
    // before: every server's patch re-parsed the whole file (2,500 x 2-6 parses of ~0.7 MB)
    expect(parsedChars).toBeLessThan(20 * text.length);
  }, 120_000);

  it('two switches at once on two files: both files end on the same profile', async () => {
    const t = makeHome();
    const servers: Record<string, unknown> = {};
    for (let i = 0; i < 200; i++) servers[`eks-${i}`] = { type: 'stdio', command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37'], env: { AWS_PROFILE: 'dev-sandbox' } };
    const a = writeFile(t.workspace, '.vscode/mcp.json', JSON.stringify({ servers }, null, 2));
    const b = writeFile(t.workspace, '.mcp.json', JSON.stringify({ mcpServers: servers }, null, 2));
    for (let round = 0; round < 3; round++) {
      const [x, y] = await Promise.all([startBin(t, ['switch', 'staging-eu', '--no-backup']), startBin(t, ['switch', 'dev-sandbox', '--no-backup'])]);
      expect([x.code, y.code]).toEqual([0, 0]);
      const profiles = [a, b].map((f) => [...new Set(fs.readFileSync(f, 'utf8').match(/"AWS_PROFILE": "[^"]+"/g))]);
      expect(profiles[0]).toHaveLength(1);
      expect(profiles[1]).toEqual(profiles[0]);
    }
  }, 120_000);
});

describe('awsmcp switch: the proxied AWS MCP Server', () => {
  it('--region moves the endpoint region, --metadata AWS_REGION and both env variables together', async () => {
    const t = makeHome();
    const file = writeFile(
      t.workspace,
      '.mcp.json',
      JSON.stringify({
        mcpServers: {
          'aws-mcp': {
            command: 'uvx',
            args: ['mcp-proxy-for-aws==1.6.4', 'https://aws-mcp.eu-west-1.api.aws/mcp', '--profile', 'dev-sandbox', '--read-only', '--metadata', 'AWS_REGION=eu-west-1'],
            env: { AWS_PROFILE: 'dev-sandbox', AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-1' },
          },
        },
      }, null, 2),
    );
    const r = await run(t, ['switch', 'staging-eu', '--region', 'eu-central-1', '--no-backup']);
    expect(r.code).toBe(0);
    const entry = JSON.parse(fs.readFileSync(file, 'utf8')).mcpServers['aws-mcp'];
    expect(entry.args).toEqual(['mcp-proxy-for-aws==1.6.4', 'https://aws-mcp.eu-central-1.api.aws/mcp', '--profile', 'staging-eu', '--read-only', '--metadata', 'AWS_REGION=eu-central-1']);
    expect(entry.env).toEqual({ AWS_PROFILE: 'staging-eu', AWS_REGION: 'eu-central-1', AWS_DEFAULT_REGION: 'eu-central-1' });
  });

  it('a region without an endpoint: the nearest endpoint, the metadata and env keep the region; another partition is a usage error', async () => {
    const t = makeHome();
    const spec = {
      command: 'uvx',
      args: ['mcp-proxy-for-aws==1.6.4', 'https://aws-mcp.eu-west-1.api.aws/mcp', '--profile', 'dev-sandbox', '--metadata', 'AWS_REGION=eu-west-1'],
      env: { AWS_PROFILE: 'dev-sandbox', AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-1' },
    };
    const file = writeFile(t.workspace, '.mcp.json', JSON.stringify({ mcpServers: { 'aws-mcp': spec } }, null, 2));
    const before = fs.readFileSync(file, 'utf8');
    const china = await run(t, ['switch', 'staging-eu', '--region', 'cn-north-1', '--no-backup']);
    expect([china.code, china.stderr]).toEqual([2, expect.stringMatching(/--region cn-north-1: .*no endpoint in cn-north-1.*us-east-1/)]);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    const r = await run(t, ['switch', 'staging-eu', '--region', 'eu-south-1', '--no-backup']);
    expect(r.code).toBe(0);
    const entry = JSON.parse(fs.readFileSync(file, 'utf8')).mcpServers['aws-mcp'];
    expect(entry.args).toEqual(['mcp-proxy-for-aws==1.6.4', 'https://aws-mcp.eu-central-1.api.aws/mcp', '--profile', 'staging-eu', '--metadata', 'AWS_REGION=eu-south-1']);
    expect(entry.env).toEqual({ AWS_PROFILE: 'staging-eu', AWS_REGION: 'eu-south-1', AWS_DEFAULT_REGION: 'eu-south-1' });
  });
});
