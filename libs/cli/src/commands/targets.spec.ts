// --scope / --hosts / --all-hosts on switch and hydrate: one selector, installed hosts by default,
// usage errors that name the flag, the value and the valid ones.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HydrateOutputSchema, SwitchOutputSchema } from '../schemas';
import { CANARY, makeHome, markInstalled, run, writeFile } from '../testing/demo-home';

jest.setTimeout(60_000);

const TEMPLATE = (root: string) => `{
  "${root}": {
    "eks": { "command": "uvx", "args": ["awslabs.eks-mcp-server==0.1.37"], "env": { "AWS_PROFILE": "\${AWS_PROFILE}", "AWS_REGION": "\${AWS_REGION}" } }
  }
}
`;
const HOST = (root: string, profile: string) => `{${root === 'servers' ? '\n  // keep me (VS Code reads JSONC)' : ''}
  "${root}": {
    "eks": { "command": "uvx", "args": ["awslabs.eks-mcp-server==0.1.37"], "env": { "AWS_PROFILE": "${profile}" } }
  }
}
`;

describe('hydrate: installed hosts by default, --hosts / --all-hosts / --scope', () => {
  it('hydrates only the templates of installed hosts and says which were skipped and how to include them', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.vscode/mcp.json.template', TEMPLATE('servers'));
    writeFile(t.workspace, '.cursor/mcp.json.template', TEMPLATE('mcpServers'));
    markInstalled(t, 'cursor');
    const r = await run(t, ['hydrate', '--profile', 'dev-sandbox', '--region', 'eu-west-1']);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(t.workspace, '.cursor/mcp.json'))).toBe(true);
    expect(fs.existsSync(path.join(t.workspace, '.vscode/mcp.json'))).toBe(false);
    expect(r.stdout).toContain('skipped (not installed here): vscode; include them with --hosts vscode or --all-hosts');
    const j = await run(t, ['hydrate', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--json']);
    const doc = HydrateOutputSchema.parse(JSON.parse(j.stdout));
    expect(doc.notInstalled).toEqual(['vscode']);
    expect(doc.files.map((f) => f.host)).toEqual(['cursor']);
  });

  it('--hosts names the hosts (installed or not); --all-hosts takes every one', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.vscode/mcp.json.template', TEMPLATE('servers'));
    writeFile(t.workspace, '.cursor/mcp.json.template', TEMPLATE('mcpServers'));
    expect((await run(t, ['hydrate', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--hosts', 'vscode'])).code).toBe(0);
    expect(fs.existsSync(path.join(t.workspace, '.vscode/mcp.json'))).toBe(true);
    expect(fs.existsSync(path.join(t.workspace, '.cursor/mcp.json'))).toBe(false);
    expect((await run(t, ['hydrate', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--all-hosts'])).code).toBe(0);
    expect(fs.existsSync(path.join(t.workspace, '.cursor/mcp.json'))).toBe(true);
  });

  it('nothing installed: writes nothing, exit 0, and says how to include the hosts', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.vscode/mcp.json.template', TEMPLATE('servers'));
    const r = await run(t, ['hydrate', '--profile', 'dev-sandbox', '--region', 'eu-west-1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('nothing hydrated');
    expect(r.stdout).toContain('--hosts vscode or --all-hosts');
    expect(fs.existsSync(path.join(t.workspace, '.vscode/mcp.json'))).toBe(false);
  });

  it('an existing target file makes its host installed', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.vscode/mcp.json.template', TEMPLATE('servers'));
    const hydrated = (await run(t, ['hydrate', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--hosts', 'vscode'])).code;
    expect(hydrated).toBe(0);
    const again = await run(t, ['hydrate', '--profile', 'staging-eu', '--region', 'eu-west-1']);
    expect(again.code).toBe(0);
    expect(fs.readFileSync(path.join(t.workspace, '.vscode/mcp.json'), 'utf8')).toContain('"AWS_PROFILE": "staging-eu"');
  });

  it('--scope user hydrates a user-scope template, workspace ones are left', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.cursor/mcp.json.template', TEMPLATE('mcpServers'));
    writeFile(t.home, '.cursor/mcp.json.template', TEMPLATE('mcpServers'));
    const r = await run(t, ['hydrate', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--scope', 'user']);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(t.home, '.cursor/mcp.json'))).toBe(true);
    expect(fs.existsSync(path.join(t.workspace, '.cursor/mcp.json'))).toBe(false);
  });
});

describe('switch: --hosts and --scope through the same selector', () => {
  it('--hosts cursor changes only the Cursor file (every other byte identical)', async () => {
    const t = makeHome();
    const vs = writeFile(t.workspace, '.vscode/mcp.json', HOST('servers', 'dev-sandbox'));
    const cur = writeFile(t.workspace, '.cursor/mcp.json', HOST('mcpServers', 'dev-sandbox'));
    const before = fs.readFileSync(vs);
    const r = await run(t, ['switch', 'staging-eu', '--hosts', 'cursor', '--json']);
    expect(r.code).toBe(0);
    const doc = SwitchOutputSchema.parse(JSON.parse(r.stdout));
    expect(doc.files.map((f) => f.host)).toEqual(['cursor']);
    expect(fs.readFileSync(vs).equals(before)).toBe(true);
    expect(fs.readFileSync(cur, 'utf8')).toBe(HOST('mcpServers', 'staging-eu'));
  });

  it('by default every existing host file is switched (a file that exists makes its host installed)', async () => {
    const t = makeHome();
    const vs = writeFile(t.workspace, '.vscode/mcp.json', HOST('servers', 'dev-sandbox'));
    const r = await run(t, ['switch', 'staging-eu']);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(vs, 'utf8')).toBe(HOST('servers', 'staging-eu'));
    expect(r.stdout).not.toContain('not installed');
  });
});

describe('usage errors (exit 2) name the flag, the value and the valid ones', () => {
  it.each([
    ['switch', ['switch', 'staging-eu', '--scope', 'global'], ['--scope', "'global'", 'workspace, user, all']],
    ['hydrate', ['hydrate', '--scope', 'wrkspace'], ['--scope', "'wrkspace'", 'workspace, user, all', "did you mean 'workspace'"]],
    ['switch --hosts', ['switch', 'staging-eu', '--hosts', 'vscdoe'], ['--hosts', "'vscdoe'", "did you mean 'vscode'", 'claude-code']],
    ['hydrate --hosts', ['hydrate', '--hosts', 'cursor,nope'], ['--hosts', "'nope'", 'valid: vscode']],
  ])('%s', async (_what, argv, expected) => {
    const t = makeHome();
    const r = await run(t, argv);
    expect(r.code).toBe(2);
    for (const e of expected) expect(r.stderr).toContain(e);
    const j = await run(t, [...argv, '--json']);
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout).error.message).toContain(expected[1]);
    expect(r.stdout + r.stderr + j.stdout).not.toContain(CANARY);
  });

  it('--hosts with --all-hosts is a usage error', async () => {
    const t = makeHome();
    const r = await run(t, ['switch', 'staging-eu', '--hosts', 'cursor', '--all-hosts']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--hosts and --all-hosts');
  });
});
