// Round trip per host: read -> edit -> write keeps every untouched byte. The fixtures are real-shaped
// files with comments (where the host allows them) and unusual layouts: tabs, 3 and 4 spaces,
// CRLF, a BOM, one-line JSON, no final newline.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  addServers,
  patchServer,
  readHostConfig,
  removeServer,
  updateConfigFile,
  type EditOptions,
  type HostId,
  type Scope,
  type ServerPatch,
} from './index';
import { changedRegion, memberSpan, memberText, tempDir } from './__fixtures__/helpers';

interface Case {
  fixture: string;
  /** Where the fixture is installed, relative to a temp root (home = <root>/home). */
  at: string;
  host: HostId;
  scope: Scope;
  servers: string[];
  target: string;
  options?: EditOptions;
  patch: ServerPatch;
}

const cases: Case[] = [
  { fixture: 'vscode.jsonc', at: 'work/app/.vscode/mcp.json', host: 'vscode', scope: 'workspace', servers: ['eks', 'cloudwatch', 'docs'], target: 'cloudwatch', patch: { env: { AWS_REGION: 'eu-central-1' }, setArgs: { '--profile': 'dev' } } },
  { fixture: 'vscode.jsonc', at: 'work/app/.vscode/mcp.json', host: 'vscode', scope: 'workspace', servers: ['eks', 'cloudwatch', 'docs'], target: 'eks', patch: { env: { AWS_REGION: null }, removeArgs: ['--allow-write'] } },
  { fixture: 'claude-code-project.json', at: 'work/app/.mcp.json', host: 'claude-code', scope: 'workspace', servers: ['eks', 'api'], target: 'eks', patch: { env: { AWS_DEFAULT_REGION: '${AWS_REGION}' }, setArgs: { '--log-level': 'ERROR' } } },
  { fixture: 'claude-code-user.json', at: 'home/.claude.json', host: 'claude-code', scope: 'user', servers: ['api', 'eks', 'cw'], target: 'cw', options: { project: '/work/app' }, patch: { env: { AWS_PROFILE: 'dev-sandbox', AWS_REGION: 'eu-west-1' } } },
  { fixture: 'claude-code-user.json', at: 'home/.claude.json', host: 'claude-code', scope: 'user', servers: ['api', 'eks', 'cw'], target: 'api', patch: { env: { AWS_REGION: 'us-east-1' } } },
  { fixture: 'cursor.json', at: 'work/app/.cursor/mcp.json', host: 'cursor', scope: 'workspace', servers: ['eks', 'cw'], target: 'eks', patch: { env: { AWS_REGION: 'eu-west-1' }, setArgs: { '--allow-write': 'x' } } },
  { fixture: 'kiro.json', at: 'home/.kiro/settings/mcp.json', host: 'kiro', scope: 'user', servers: ['eks', 'ecs'], target: 'ecs', patch: { env: { ALLOW_WRITE: null, AWS_REGION: 'eu-west-1' } } },
  { fixture: 'amazonq.json', at: 'home/.aws/amazonq/mcp.json', host: 'amazonq', scope: 'user', servers: ['eks', 'cw'], target: 'cw', patch: { env: { AWS_PROFILE: 'dev' } } },
  { fixture: 'claude-desktop.json', at: 'home/.config/Claude/claude_desktop_config.json', host: 'claude-desktop', scope: 'user', servers: ['eks', 'cw'], target: 'eks', patch: { env: { HOME: null }, setArgs: { '--allow-write': 'true' } } },
];

const comments = (t: string) => t.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g) ?? [];
const eols = (t: string) => ({ crlf: (t.match(/\r\n/g) ?? []).length, lf: (t.match(/(?<!\r)\n/g) ?? []).length });

describe.each(cases)('$host $scope ($fixture): patch "$target"', (c) => {
  const root = tempDir();
  const home = path.join(root, 'home');
  const file = path.join(root, c.at);
  const original = fs.readFileSync(path.join(__dirname, '__fixtures__', 'roundtrip', c.fixture), 'utf8');
  const mapPath = c.options?.project ? ['projects', c.options.project, 'mcpServers'] : [c.host === 'vscode' ? 'servers' : 'mcpServers'];
  // ~/.claude.json holds user-scope servers at the root and local-scope ones under projects
  const mapOf = (name: string) => (c.fixture === 'claude-code-user.json' && name !== 'api' ? ['projects', '/work/app', 'mcpServers'] : c.fixture === 'claude-code-user.json' ? ['mcpServers'] : mapPath);
  beforeAll(() => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, original);
  });

  it('reads every entry, from the path alone', async () => {
    const doc = await readHostConfig(file, undefined, { home });
    expect({ host: doc.host, scope: doc.scope }).toEqual({ host: c.host, scope: c.scope });
    expect(doc.servers.map((s) => s.name)).toEqual(c.servers);
  });

  it('read -> edit -> write keeps every untouched byte, and a second run changes nothing', async () => {
    const edit = (t: string) => patchServer(t, c.host, c.target, c.patch, c.options).text;
    expect((await updateConfigFile(file, edit)).changed).toBe(true);
    const after = fs.readFileSync(file, 'utf8');
    const { start, endA } = changedRegion(original, after);
    const span = memberSpan(original.replace(/^\uFEFF/, ''), [...mapPath, c.target]);
    const bom = original.startsWith('\uFEFF') ? 1 : 0;
    expect(start).toBeGreaterThanOrEqual(span.start + bom);
    expect(endA).toBeLessThanOrEqual(span.end + bom);
    for (const other of c.servers.filter((s) => s !== c.target)) {
      const p = mapOf(other);
      expect(memberText(after.replace(/^\uFEFF/, ''), [...p, other])).toBe(memberText(original.replace(/^\uFEFF/, ''), [...p, other]));
    }
    expect(comments(after)).toEqual(comments(original));
    expect(after.startsWith('\uFEFF')).toBe(original.startsWith('\uFEFF'));
    expect(/\n$/.test(after)).toBe(/\n$/.test(original));
    if (eols(original).crlf > 0) expect(eols(after).lf).toBe(0);
    const doc = await readHostConfig(file, c.host, { home });
    expect(doc.servers.map((s) => s.name)).toEqual(c.servers);
    expect((await updateConfigFile(file, edit)).changed).toBe(false);
  });

  it('adding then removing a server gives back the exact bytes', async () => {
    const before = fs.readFileSync(file, 'utf8');
    const added = addServers(before, c.host, [{ name: 'zz-new', command: 'uvx', args: ['awslabs.iam-mcp-server==1.0.0'], env: { AWS_REGION: 'eu-west-1' } }], c.options);
    expect(added.added).toEqual(['zz-new']);
    expect(removeServer(added.text, c.host, 'zz-new', c.options).text).toBe(before);
  });
});
