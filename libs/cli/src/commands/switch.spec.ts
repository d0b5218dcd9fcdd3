import * as fs from 'node:fs';
import * as path from 'node:path';
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
    expect(r.stdout).toMatch(/Restart\n {2}VS Code \/ GitHub Copilot: /);
    const backups = fs.readdirSync(path.dirname(file)).filter((f) => f.startsWith('mcp.json.bak-'));
    expect(backups).toHaveLength(1);
    expect(fs.readFileSync(path.join(path.dirname(file), backups[0]), 'utf8')).toBe(HOST_FILE);
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
  });
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
});
