// Hosts that read every file of a folder: Kiro CLI agent files (`.kiro/agents/*.json`, user and
// project) and Continue block files (`.continue/mcpServers/*.yaml`, workspace and ~/.continue).
// files() lists them sorted and deterministic, so list / status / switch find their servers. And
// Gemini CLI settings.json, which allows comments.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectHostFile, hostFiles, listServers, parseHostConfig, patchServer } from '../index';
import { tempDir, write } from '../__fixtures__/helpers';

const agent = (server: string, profile: string) =>
  `{\n  "name": "${server}-agent",\n  "description": "AWS helper",\n  "mcpServers": {\n    "${server}": { "command": "uvx", "args": ["awslabs.${server}-mcp-server@latest"], "env": { "AWS_PROFILE": "${profile}" } }\n  },\n  "tools": ["@${server}"]\n}\n`;
const block = (server: string, profile: string) =>
  `name: ${server} block\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: ${server}\n    command: uvx\n    args: [awslabs.${server}-mcp-server@latest]\n    env:\n      AWS_PROFILE: ${profile} # switched by awsmcp\n`;

function setup() {
  const base = tempDir('folder-files-');
  const home = path.join(base, 'home');
  const workspace = path.join(base, 'work');
  fs.mkdirSync(home, { recursive: true });
  fs.mkdirSync(workspace, { recursive: true });
  return { base, home, workspace };
}

describe('Kiro CLI agent files: every .kiro/agents/*.json, project then user', () => {
  it('lists them sorted by name, skips other files, hidden files, folders and dangling links; follows links to files', () => {
    const { home, workspace } = setup();
    write(path.join(home, '.kiro/agents/zeta.json'), agent('zeta', 'dev'));
    write(path.join(home, '.kiro/agents/Alpha.json'), agent('alpha', 'dev'));
    write(path.join(home, '.kiro/agents/beta.json'), agent('beta', 'dev'));
    write(path.join(home, '.kiro/agents/notes.md'), '# not an agent\n');
    write(path.join(home, '.kiro/agents/.hidden.json'), agent('hidden', 'dev'));
    fs.mkdirSync(path.join(home, '.kiro/agents/folder.json'));
    fs.symlinkSync(path.join(home, 'nowhere.json'), path.join(home, '.kiro/agents/dangling.json'));
    write(path.join(workspace, '.kiro/agents/project.json'), agent('project', 'dev'));
    fs.symlinkSync(path.join(workspace, '.kiro/agents/project.json'), path.join(workspace, '.kiro/agents/linked.json'));
    const files = hostFiles(['kiro-agents'], { home, workspace, platform: 'linux', env: {} }).map((f) => `${f.scope}:${path.relative(path.dirname(home), f.file)}`);
    expect(files).toEqual(['workspace:work/.kiro/agents/linked.json', 'workspace:work/.kiro/agents/project.json', 'user:home/.kiro/agents/Alpha.json', 'user:home/.kiro/agents/beta.json', 'user:home/.kiro/agents/zeta.json']);
    // the same again (deterministic), and no workspace files without a workspace
    expect(hostFiles(['kiro-agents'], { home, workspace, platform: 'linux', env: {} }).map((f) => f.file)).toEqual(hostFiles(['kiro-agents'], { home, workspace, platform: 'linux', env: {} }).map((f) => f.file));
    expect(hostFiles(['kiro-agents'], { home, platform: 'linux', env: {} }).every((f) => f.scope === 'user')).toBe(true);
  });

  it('no folder, no files; a symbolic home (awsmcp hosts per OS) gives the folder pattern', () => {
    const { home, workspace } = setup();
    expect(hostFiles(['kiro-agents'], { home, workspace, platform: 'linux', env: {} })).toEqual([]);
    expect(hostFiles(['kiro-agents'], { home: '~', workspace: '<project>', platform: 'linux', env: {} }).map((f) => `${f.scope}:${f.file}`)).toEqual(['workspace:<project>/.kiro/agents/*.json', 'user:~/.kiro/agents/*.json']);
    expect(hostFiles(['kiro-agents'], { home: '%USERPROFILE%', platform: 'win32', env: {} }).map((f) => f.file)).toEqual(['%USERPROFILE%\\.kiro\\agents\\*.json']);
  });

  it('listServers reads every agent file; a broken one is reported with line:column and hides nothing; patch edits only the value', async () => {
    const { home, workspace } = setup();
    write(path.join(home, '.kiro/agents/a.json'), agent('eks', 'dev-sandbox'));
    const broken = write(path.join(home, '.kiro/agents/b.json'), '{\n  "mcpServers": {\n    "x": { "command": "uvx" \n  }\n');
    const good = write(path.join(workspace, '.kiro/agents/c.json'), agent('cloudwatch', 'dev-sandbox'));
    const r = await listServers(['kiro-agents'], { home, workspace, platform: 'linux', env: {} });
    expect(r.servers.map((s) => `${s.location.scope}:${s.name}:${s.aws.profiles.map((p) => p.value).join()}`).sort()).toEqual(['user:eks:dev-sandbox', 'workspace:cloudwatch:dev-sandbox']);
    const bad = r.files.find((f) => f.file === broken)!;
    expect(bad.status).toBe('error');
    expect(bad.error).toMatchObject({ code: 'PARSE_ERROR', line: expect.any(Number), column: expect.any(Number) });
    const before = fs.readFileSync(good, 'utf8');
    expect(patchServer(before, 'kiro-agents', 'cloudwatch', { env: { AWS_PROFILE: 'staging-eu' } }, { file: good }).text).toBe(before.replace('"AWS_PROFILE": "dev-sandbox"', '"AWS_PROFILE": "staging-eu"'));
  });
});

describe('Continue block files: .continue/mcpServers/*.yaml in the workspace and ~/.continue', () => {
  it('lists workspace blocks, then config.yaml, then the user blocks, each folder sorted; .json files are not read', () => {
    const { home, workspace } = setup();
    write(path.join(workspace, '.continue/mcpServers/b.yml'), block('b', 'dev'));
    write(path.join(workspace, '.continue/mcpServers/a.yaml'), block('a', 'dev'));
    write(path.join(workspace, '.continue/mcpServers/claude.json'), '{"mcpServers": {}}');
    write(path.join(home, '.continue/mcpServers/u.yaml'), block('u', 'dev'));
    const files = hostFiles(['continue'], { home, workspace, platform: 'linux', env: {} }).map((f) => `${f.scope}:${path.relative(path.dirname(home), f.file)}`);
    expect(files).toEqual(['workspace:work/.continue/mcpServers/a.yaml', 'workspace:work/.continue/mcpServers/b.yml', 'user:home/.continue/config.yaml', 'user:home/.continue/mcpServers/u.yaml']);
  });

  it('detectHostFile: a block under ~/.continue is user scope, one in a project is workspace scope', () => {
    expect(detectHostFile('/home/dev/.continue/mcpServers/aws.yaml', '/home/dev')).toMatchObject({ scope: 'user' });
    expect(detectHostFile('/src/app/.continue/mcpServers/aws.yml', '/home/dev')).toMatchObject({ scope: 'workspace' });
  });

  it('listServers finds the servers of every block file; a switch-style patch keeps every other byte and the comment', async () => {
    const { home, workspace } = setup();
    const ws = write(path.join(workspace, '.continue/mcpServers/eks.yaml'), block('eks', 'dev-sandbox').replace(/\n/g, '\r\n'));
    write(path.join(home, '.continue/mcpServers/s3.yaml'), block('s3', 'dev-sandbox'));
    const r = await listServers(['continue'], { home, workspace, platform: 'linux', env: {} });
    expect(r.servers.map((s) => `${s.location.scope}:${s.name}:${s.aws.profiles.map((p) => p.value).join()}`)).toEqual(['workspace:eks:dev-sandbox', 'user:s3:dev-sandbox']);
    const before = fs.readFileSync(ws, 'utf8');
    expect(patchServer(before, 'continue', 'eks', { env: { AWS_PROFILE: 'staging-eu' } }, { file: ws }).text).toBe(before.replace('AWS_PROFILE: dev-sandbox', 'AWS_PROFILE: staging-eu'));
  });
});

describe('Gemini CLI settings.json: comments allowed (strip-json-comments), trailing commas not', () => {
  it('reads a commented file and reports a trailing comma with line:column', () => {
    const { home } = setup();
    const file = path.join(home, '.gemini/settings.json');
    const ok = parseHostConfig('{\n  // MCP servers\n  "mcpServers": { /* AWS */ "eks": { "command": "uvx", "args": ["awslabs.eks-mcp-server@latest"] } }\n}\n', { host: 'gemini-cli', file, home });
    expect(ok.servers.map((s) => s.name)).toEqual(['eks']);
    expect(() => parseHostConfig('{\n  "mcpServers": { "eks": { "command": "uvx", }, }\n}\n', { host: 'gemini-cli', file, home })).toThrow(/settings\.json:2:\d+/);
  });
});

describe("Continue's JSON files in .continue/mcpServers/ (copied from Claude, Cursor or Cline)", () => {
  it('are read as Claude-style mcpServers maps (continue-json), next to the YAML blocks; switch patches only the value', async () => {
    const { home, workspace } = setup();
    const claudeStyle = `{\n  "mcpServers": {\n    "eks": { "command": "uvx", "args": ["awslabs.eks-mcp-server==0.1.37"], "env": { "AWS_PROFILE": "dev", "AWS_REGION": "eu-west-1" } }\n  }\n}\n`;
    const json = write(path.join(workspace, '.continue/mcpServers/from-claude.json'), claudeStyle);
    write(path.join(workspace, '.continue/mcpServers/cw.yaml'), block('cloudwatch', 'dev'));
    write(path.join(home, '.continue/mcpServers/cline.json'), `{ "mcpServers": { "docs": { "type": "streamableHttp", "url": "https://knowledge-mcp.global.api.aws" } } }`);
    expect(hostFiles(['continue-json'], { home, workspace, platform: 'linux', env: {} }).map((f) => [f.scope, path.basename(f.file)])).toEqual([['workspace', 'from-claude.json'], ['user', 'cline.json']]);
    expect(detectHostFile(json, home)).toMatchObject({ host: { id: 'continue-json' }, scope: 'workspace' });
    const { servers } = await listServers(undefined, { home, workspace, platform: 'linux', env: {} });
    expect(servers.filter((s) => s.location.host === 'continue-json').map((s) => [s.name, s.transport])).toEqual([['eks', 'stdio'], ['docs', 'http']]);
    expect(servers.find((s) => s.name === 'cloudwatch')?.location.host).toBe('continue');
    const patched = patchServer(claudeStyle, 'continue-json', 'eks', { env: { AWS_PROFILE: 'staging' } }).text;
    expect(patched).toBe(claudeStyle.replace('"AWS_PROFILE": "dev"', '"AWS_PROFILE": "staging"'));
    expect(parseHostConfig(patched, { host: 'continue-json', file: json }).servers[0]!.env).toMatchObject({ AWS_PROFILE: 'staging' });
  });
});
