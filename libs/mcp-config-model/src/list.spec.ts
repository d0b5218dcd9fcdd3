import * as fs from 'node:fs';
import * as path from 'node:path';
import { listServers } from './index';
import { tempDir, write } from './__fixtures__/helpers';

describe('listServers', () => {
  const root = tempDir();
  const home = path.join(root, 'home');
  const ws = path.join(root, 'work', 'app');
  const env = {};
  write(path.join(ws, '.vscode', 'mcp.json'), '{\n  // c\n  "servers": { "eks": { "type": "stdio", "command": "uvx", "args": ["awslabs.eks-mcp-server==0.1.37"], "env": { "AWS_PROFILE": "${input:awsProfile}", "AWS_REGION": "eu-west-1" } } }\n}\n');
  write(path.join(ws, '.mcp.json'), '{ "mcpServers": { "broken": ');
  write(path.join(home, '.claude.json'), JSON.stringify({ mcpServers: { api: { command: 'uvx', args: ['awslabs.aws-api-mcp-server==1.0.0'], env: { AWS_API_MCP_PROFILE_NAME: 'dev' } } }, projects: { [ws]: { mcpServers: { cw: { command: 'uvx', args: ['awslabs.cloudwatch-mcp-server==0.1.8', '--profile', 'dev'] } } } } }));
  write(path.join(home, '.cursor', 'mcp.json'), '{"mcpServers": {"ok": {"command": "x"}, "bad": "string"}}');
  fs.mkdirSync(path.join(home, '.kiro', 'settings', 'mcp.json'), { recursive: true }); // a directory
  write(path.join(home, '.vscode', 'mcp.json'), '{"mcpServers": {"old": {"command": "uvx", "args": ["x"]}}}');
  write(path.join(home, '.claude', 'settings.json'), '{"permissions": {}, "mcpServers": {"older": {"command": "npx", "args": ["y@1.0.0"]}}}');

  it('lists every entry of every file, with profile and region, and reports the bad files', async () => {
    const { servers, files } = await listServers(undefined, { home, workspace: ws, platform: 'linux', env });
    expect(servers.map((s) => `${s.location.host}/${s.location.scope}/${s.name}`)).toEqual([
      'vscode/workspace/eks',
      'claude-code/user/api',
      'claude-code/local/cw',
      'cursor/user/ok',
      'vscode-legacy/user/old',
      'claude-code-legacy/user/older',
    ]);
    const byName = Object.fromEntries(servers.map((s) => [s.name, s]));
    expect(byName.eks!.aws.profile!.refs[0]).toMatchObject({ kind: 'input', name: 'awsProfile' });
    expect(byName.api!.aws.profile).toMatchObject({ value: 'dev', source: 'env.AWS_API_MCP_PROFILE_NAME' });
    expect(byName.cw!.aws.profile).toMatchObject({ value: 'dev', source: 'arg --profile' });
    expect(byName.old!.location.legacy).toBe(true);

    const report = (host: string, scope: string) => files.find((f) => f.host === host && f.scope === scope)!;
    expect(report('claude-code', 'workspace')).toMatchObject({ status: 'error', error: { code: 'PARSE_ERROR', line: 1 } });
    expect(report('kiro', 'user')).toMatchObject({ status: 'error', error: { message: expect.stringContaining('is a directory') } });
    expect(report('cursor', 'user')).toMatchObject({ status: 'ok', servers: 1, issues: [expect.objectContaining({ code: 'NOT_AN_OBJECT' })] });
    expect(report('amazonq', 'user').status).toBe('missing');
  });

  it('only the hosts asked for; no workspace means user scope only', async () => {
    const { servers, files } = await listServers(['claude-code'], { home, platform: 'linux', env });
    expect(files.map((f) => f.scope)).toEqual(['user']);
    expect(servers.map((s) => s.name)).toEqual(['api', 'cw']);
  });
});
