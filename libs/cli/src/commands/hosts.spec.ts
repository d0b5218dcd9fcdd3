// `awsmcp hosts`, and status / switch on a home holding one real-looking file per new host (with
// comments where the format has them): every AWS server is found, and a switch changes only the
// profile bytes.
import * as fs from 'node:fs';
import { makeHome, run, writeFile, CANARY } from '../testing/demo-home';

const FILES: [root: 'home' | 'workspace', rel: string, text: string, host: string][] = [
  ['home', '.codex/config.toml', '# Codex\r\nmodel = "o3"  # model\r\n\r\n[mcp_servers.eks]\r\ncommand = "uvx"\r\nargs = ["awslabs.eks-mcp-server@latest"]\r\nenv = { AWS_PROFILE = "dev-sandbox", AWS_REGION = "eu-west-1" }\r\n', 'codex'],
  ['home', '.config/goose/config.yaml', '# goose\nGOOSE_PROVIDER: anthropic   # provider\nextensions:\n  developer: {type: builtin, name: developer, enabled: true}\n  cw:\n    name: cw\n    type: stdio\n    cmd: uvx\n    args: [awslabs.cloudwatch-mcp-server@latest]\n    envs:\n      AWS_PROFILE: dev-sandbox   # switched by awsmcp\n    enabled: true\n', 'goose'],
  ['home', '.config/zed/settings.json', '{\n  // Zed settings\n  "theme": "One Dark",\n  "context_servers": {\n    "api": { "command": "uvx", "args": ["awslabs.aws-api-mcp-server@latest"], "env": { "AWS_API_MCP_PROFILE_NAME": "dev-sandbox" } },\n  },\n}\n', 'zed'],
  ['workspace', 'opencode.json', '{\n  // opencode V2\n  "mcp": { "servers": { "docs": { "type": "local", "command": ["uvx", "awslabs.aws-documentation-mcp-server@latest"], "environment": { "AWS_PROFILE": "dev-sandbox" } } } }\n}\n', 'opencode'],
  ['home', '.codeium/windsurf/mcp_config.json', '{"mcpServers": {"cost": {"command": "uvx", "args": ["awslabs.cost-explorer-mcp-server@latest"], "env": {"AWS_PROFILE": "dev-sandbox"}}}}\n', 'windsurf'],
  ['home', '.copilot/mcp-config.json', '{\n  "mcpServers": {\n    "iam": { "type": "local", "command": "uvx", "args": ["awslabs.iam-mcp-server@latest"], "env": { "AWS_PROFILE": "dev-sandbox" } }\n  }\n}\n', 'copilot-cli'],
  ['home', '.continue/config.yaml', 'name: assistant\nmcpServers:\n  - name: s3\n    command: uvx\n    args: [awslabs.s3-tables-mcp-server@latest]\n    env:\n      AWS_PROFILE: "dev-sandbox"\n', 'continue'],
];

describe('awsmcp hosts', () => {
  it('lists every supported host (22+), its files per OS, whether installed, and its AWS servers; --json too', async () => {
    const t = makeHome();
    for (const [root, rel, text] of FILES) writeFile(t[root], rel, text);
    const j = await run(t, ['hosts', '--json']);
    expect(j.code).toBe(0);
    const doc = JSON.parse(j.stdout) as { command: string; count: number; hosts: { id: string; installed: boolean; awsServers: number; files: Record<string, { file: string }[]>; format: string }[] };
    expect(doc.command).toBe('hosts');
    expect(doc.hosts.length).toBeGreaterThanOrEqual(22);
    const byId = Object.fromEntries(doc.hosts.map((h) => [h.id, h]));
    for (const [, , , host] of FILES) expect(byId[host]).toMatchObject({ installed: true, awsServers: 1 });
    expect(byId.junie!.installed).toBe(false);
    expect(byId.codex!.format).toBe('toml');
    expect(byId.zed!.files.darwin!.map((f) => f.file)).toContain('~/.config/zed/settings.json');
    expect(byId.goose!.files.win32!.map((f) => f.file)).toContain('%APPDATA%\\Block\\goose\\config\\config.yaml');
    const text = await run(t, ['hosts']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/codex\s+OpenAI Codex\s+toml\s+yes\s+1/);
    expect(text.stdout + j.stdout).not.toContain(CANARY);
  });

  it('status finds the AWS server of every new host file; switch changes only the profile bytes', async () => {
    const t = makeHome();
    const paths = FILES.map(([root, rel, text]) => ({ file: writeFile(t[root], rel, text), text }));
    const st = await run(t, ['status', '--json']);
    expect(st.code).toBe(0);
    const servers = (JSON.parse(st.stdout) as { servers: { server: string; host: string; profile?: string }[] }).servers;
    for (const name of ['eks', 'cw', 'api', 'docs', 'cost', 'iam', 's3']) expect(servers.find((s) => s.server === name)).toMatchObject({ profile: 'dev-sandbox' });
    expect(servers.find((s) => s.server === 'developer')).toBeUndefined();
    const sw = await run(t, ['switch', 'staging-eu', '--scope', 'all']);
    expect(sw.code).toBe(0);
    for (const { file, text } of paths) {
      const after = fs.readFileSync(file, 'utf8');
      expect(after).toBe(text.split('dev-sandbox').join('staging-eu'));
    }
  });
});
