// `awsmcp remove <server>` across hosts: only the entry's bytes go, every file planned then written
// together with backups, legacy files refused, "did you mean", no secret printed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listBackups, parseHostConfig } from '@awsmcp/mcp-config-model';
import { RemoveOutputSchema } from '../schemas';
import { CANARY, makeHome, run, writeFile } from '../testing/demo-home';

jest.setTimeout(60_000);

const VSCODE = [
  '{',
  '  // team servers: keep this comment',
  '  "servers": {',
  '    "eks": {',
  '      "type": "stdio",',
  '      "command": "uvx",',
  '      "args": ["awslabs.eks-mcp-server==0.1.37"],',
  `      "env": { "AWS_PROFILE": "dev-sandbox", "GITHUB_TOKEN": "${CANARY}" }`,
  '    },',
  '    "cw": { "type": "stdio", "command": "uvx", "args": ["awslabs.cloudwatch-mcp-server@latest"] } // keep',
  '  }',
  '}',
  '',
].join('\r\n');
const VSCODE_AFTER = [
  '{',
  '  // team servers: keep this comment',
  '  "servers": {',
  '    "cw": { "type": "stdio", "command": "uvx", "args": ["awslabs.cloudwatch-mcp-server@latest"] } // keep',
  '  }',
  '}',
  '',
].join('\r\n');
const CURSOR = '{"mcpServers": {"docs": {"command": "uvx", "args": ["awslabs.aws-documentation-mcp-server@latest"]}, "eks": {"command": "uvx", "args": ["awslabs.eks-mcp-server@latest"], "env": {"AWS_PROFILE": "dev-sandbox"}}}}\n';
const CURSOR_AFTER = '{"mcpServers": {"docs": {"command": "uvx", "args": ["awslabs.aws-documentation-mcp-server@latest"]}}}\n';
const CODEX = `# Codex\nmodel = "o3"  # model\n\n[mcp_servers.eks]\ncommand = "uvx"\nargs = ["awslabs.eks-mcp-server@latest"]\nenv = { AWS_PROFILE = "dev-sandbox", GITHUB_TOKEN = "${CANARY}" }\n\n# the docs server\n[mcp_servers.docs]\ncommand = "uvx"\nargs = ["awslabs.aws-documentation-mcp-server@latest"]\n`;
const GOOSE = `# goose\nGOOSE_PROVIDER: anthropic   # provider\nextensions:\n  eks:\n    name: eks\n    type: stdio\n    cmd: uvx\n    args: [awslabs.eks-mcp-server@latest]\n    envs:\n      GITHUB_TOKEN: ${CANARY}\n    enabled: true\n  cw:   # cloudwatch\n    name: cw\n    type: stdio\n    cmd: uvx\n    args: [awslabs.cloudwatch-mcp-server@latest]\n    enabled: true\n`;

const names = (file: string, host: string) => parseHostConfig(fs.readFileSync(file, 'utf8'), { file, host: host as never, strict: false, scope: 'user' }).servers.map((s) => s.name);

describe('awsmcp remove', () => {
  it('removes the server from every workspace file holding it: only its bytes, backups, restart steps, no secret shown', async () => {
    const t = makeHome();
    const vs = writeFile(t.workspace, '.vscode/mcp.json', VSCODE);
    const cur = writeFile(t.workspace, '.cursor/mcp.json', CURSOR);
    const r = await run(t, ['remove', 'eks']);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(vs, 'utf8')).toBe(VSCODE_AFTER);
    expect(fs.readFileSync(cur, 'utf8')).toBe(CURSOR_AFTER);
    expect(r.stdout).toContain('-     "eks": {');
    expect(r.stdout).toMatch(/backup: /);
    expect(r.stdout).toContain('Restart');
    expect(listBackups(vs, { root: path.join(t.home, '.local/state/awsmcp/backups') }).length).toBe(1);
    expect(r.stdout + r.stderr).not.toContain(CANARY);
  });

  it('--dry-run shows the diff and writes nothing; --json has the same plan', async () => {
    const t = makeHome();
    const vs = writeFile(t.workspace, '.vscode/mcp.json', VSCODE);
    const r = await run(t, ['remove', 'eks', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('dry run: nothing was written');
    expect(r.stdout).toContain('-     "eks": {');
    expect(fs.readFileSync(vs, 'utf8')).toBe(VSCODE);
    const j = await run(t, ['remove', 'eks', '--dry-run', '--json']);
    const doc = RemoveOutputSchema.parse(JSON.parse(j.stdout));
    expect(doc).toMatchObject({ server: 'eks', scope: 'workspace', dryRun: true });
    expect(doc.files).toHaveLength(1);
    expect(doc.files[0]).toMatchObject({ file: vs, host: 'vscode', changed: true });
    expect(fs.readFileSync(vs, 'utf8')).toBe(VSCODE);
    expect(r.stdout + j.stdout).not.toContain(CANARY);
  });

  it('TOML (Codex) and YAML (Goose) in user scope: the entry goes, comments and the other servers stay', async () => {
    const t = makeHome();
    const codex = writeFile(t.home, '.codex/config.toml', CODEX);
    const goose = writeFile(t.home, '.config/goose/config.yaml', GOOSE);
    const dry = await run(t, ['remove', 'eks', '--scope', 'user', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('-       GITHUB_TOKEN: ••••');
    expect(dry.stdout).toContain('GITHUB_TOKEN = "••••"');
    const r = await run(t, ['remove', 'eks', '--scope', 'user', '--json']);
    expect(r.code).toBe(0);
    expect(dry.stdout + dry.stderr + r.stdout + r.stderr).not.toContain(CANARY);
    const doc = RemoveOutputSchema.parse(JSON.parse(r.stdout));
    expect(doc.files.map((f) => f.host).sort()).toEqual(['codex', 'goose']);
    const c = fs.readFileSync(codex, 'utf8');
    expect(names(codex, 'codex')).toEqual(['docs']);
    expect(c).toContain('# Codex\nmodel = "o3"  # model\n');
    expect(c).toContain('# the docs server\n[mcp_servers.docs]\ncommand = "uvx"\nargs = ["awslabs.aws-documentation-mcp-server@latest"]\n');
    expect(c).not.toContain('eks');
    const g = fs.readFileSync(goose, 'utf8');
    expect(names(goose, 'goose')).toEqual(['cw']);
    expect(g).toContain('# goose\nGOOSE_PROVIDER: anthropic   # provider\nextensions:\n');
    expect(g).toContain('  cw:   # cloudwatch\n    name: cw\n');
    expect(g).not.toContain('eks');
  });

  it('a name in no file: exit 2 with "did you mean"; a name only in user files: says which and how', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.vscode/mcp.json', VSCODE);
    writeFile(t.home, '.cursor/mcp.json', CURSOR);
    const typo = await run(t, ['remove', 'ekss']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("no server named 'ekss'");
    expect(typo.stderr).toContain("did you mean 'eks'");
    const docs = await run(t, ['remove', 'docs', '--json']);
    expect(docs.code).toBe(2);
    const err = JSON.parse(docs.stdout).error;
    expect(err.code).toBe('UNKNOWN_SERVER');
    expect(err.message).toContain(path.join(t.home, '.cursor/mcp.json'));
    expect(err.hint).toContain('--scope user or --scope all');
    expect(typo.stdout + typo.stderr + docs.stdout).not.toContain(CANARY);
  });

  it('a legacy location holding the server is left alone with the reason; the others are removed', async () => {
    const t = makeHome();
    const legacy = writeFile(t.home, '.vscode/mcp.json', '{"servers": {"eks": {"type": "stdio", "command": "uvx", "args": ["awslabs.eks-mcp-server@latest"]}}}\n');
    const cur = writeFile(t.home, '.cursor/mcp.json', CURSOR);
    const r = await run(t, ['remove', 'eks', '--scope', 'user']);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(cur, 'utf8')).toBe(CURSOR_AFTER);
    expect(fs.readFileSync(legacy, 'utf8')).toContain('"eks"');
    expect(r.stdout).toMatch(/left alone .*\.vscode\/mcp\.json .*legacy location/);
    const only = await run(t, ['remove', 'eks', '--scope', 'user', '--json']);
    // only the legacy file still holds it: nothing removed, exit 1, the reason in refused
    expect(only.code).toBe(1);
    const doc = RemoveOutputSchema.parse(JSON.parse(only.stdout));
    expect(doc.files).toEqual([]);
    expect(doc.refused?.[0]).toMatchObject({ file: legacy, host: 'vscode-legacy' });
  });

  it('a broken file in scope is named (not searched); the other files are still edited', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.cursor/mcp.json', '{"mcpServers": {"eks": ');
    const vs = writeFile(t.workspace, '.vscode/mcp.json', VSCODE);
    const r = await run(t, ['remove', 'eks']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\.cursor\/mcp\.json:1:\d+: not searched/);
    expect(fs.readFileSync(vs, 'utf8')).toBe(VSCODE_AFTER);
  });

  it('--hosts limits the files; a bad --hosts / --scope value is a usage error', async () => {
    const t = makeHome();
    const vs = writeFile(t.workspace, '.vscode/mcp.json', VSCODE);
    const cur = writeFile(t.workspace, '.cursor/mcp.json', CURSOR);
    expect((await run(t, ['remove', 'eks', '--hosts', 'cursor'])).code).toBe(0);
    expect(fs.readFileSync(cur, 'utf8')).toBe(CURSOR_AFTER);
    expect(fs.readFileSync(vs, 'utf8')).toBe(VSCODE);
    const bad = await run(t, ['remove', 'eks', '--scope', 'everywhere']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--scope 'everywhere' is not a scope: expected one of workspace, user, all");
  });
  it('a file the edit cannot be made in safely (the name defined twice) is left alone with the reason, byte for byte', async () => {
    const t = makeHome();
    const text = '{"mcpServers": {"eks": {"command": "uvx", "args": ["a"]}, "eks": {"command": "uvx", "args": ["b"]}}}\n';
    const cur = writeFile(t.workspace, '.cursor/mcp.json', text);
    const vs = writeFile(t.workspace, '.vscode/mcp.json', VSCODE);
    const r = await run(t, ['remove', 'eks', '--json']);
    expect(r.code).toBe(0);
    const doc = RemoveOutputSchema.parse(JSON.parse(r.stdout));
    expect(doc.unsupported?.[0]).toMatchObject({ file: cur, host: 'cursor' });
    expect(doc.unsupported?.[0]!.reason).toMatch(/2 times/);
    expect(fs.readFileSync(cur, 'utf8')).toBe(text);
    expect(fs.readFileSync(vs, 'utf8')).toBe(VSCODE_AFTER);
  });
});
