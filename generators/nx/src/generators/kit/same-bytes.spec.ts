/**
 * One kit workflow (issue 13 point 3): `awsmcp kit` (run in-process on a temp workspace folder) and
 * `nx g @awsmcp/nx:kit` (on a Tree holding the same files) write the same bytes for the same inputs,
 * with the same temp home (profiles, tags).
 */
import { main } from '@awsmcp/cli';
import { getHost } from '@awsmcp/mcp-config-model';
import { kitWorkspaceFile, WORKSPACE_KIT_HOSTS, type KitHost } from '@awsmcp/starter-kits';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { useGeneratorSandbox } from '../../__fixtures__/sandbox';
import { kitGenerator } from './generator';
import type { KitGeneratorSchema } from './schema';

const sb = useGeneratorSandbox();

/** A VS Code file of the team's, with comments and a server of its own. */
const EXISTING_VSCODE = ['{', '  // team servers: keep this comment', '  "servers": {', '    "github": { "type": "http", "url": "https://api.githubcopilot.com/mcp/" } // hosted', '  },', '}', ''].join('\n');
/** A Claude Code file with a same-named entry the kit must keep (no --replace). */
const EXISTING_CLAUDE = JSON.stringify({ mcpServers: { eks: { command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.0'] } } }, null, 2) + '\n';

interface Case {
  kit: string;
  mode: 'concrete' | 'inputs';
  hosts: KitHost[];
  existing?: Partial<Record<string, string>>;
  replace?: boolean;
  multiAccount?: boolean;
}

const CASES: Case[] = [
  { kit: 'eks-debug', mode: 'concrete', hosts: ['vscode', 'claude-code', 'cursor', 'kiro', 'amazonq'], existing: { '.vscode/mcp.json': EXISTING_VSCODE, '.mcp.json': EXISTING_CLAUDE } },
  { kit: 'eks-debug', mode: 'concrete', hosts: ['vscode', 'claude-code'], existing: { '.mcp.json': EXISTING_CLAUDE }, replace: true },
  { kit: 'eks-debug', mode: 'inputs', hosts: ['vscode', 'claude-code', 'kiro'], existing: { '.vscode/mcp.json': EXISTING_VSCODE } },
  { kit: 'observe', mode: 'concrete', hosts: ['claude-code', 'kiro'] },
  { kit: 'observe', mode: 'inputs', hosts: ['vscode', 'claude-code'] },
  { kit: 'knowledge', mode: 'concrete', hosts: ['vscode', 'cursor'] },
  { kit: 'cost', mode: 'inputs', hosts: ['vscode', 'claude-code', 'kiro'], existing: { '.vscode/mcp.json': EXISTING_VSCODE } },
  { kit: 'deploy', mode: 'concrete', hosts: ['vscode', 'claude-code', 'amazonq'] },
  { kit: 'eks-debug', mode: 'concrete', hosts: ['claude-code', 'vscode'], multiAccount: true },
  // inputs mode on every workspace host that expands variables (the adapters say which)
  { kit: 'observe', mode: 'inputs', hosts: WORKSPACE_KIT_HOSTS.filter((h) => getHost(h).templateStyle !== 'hydrate') },
];

async function viaCli(c: Case): Promise<Record<string, string>> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'awsmcp-same-bytes-'));
  try {
    for (const [rel, text] of Object.entries(c.existing ?? {})) {
      fs.mkdirSync(path.dirname(path.join(workspace, rel)), { recursive: true });
      fs.writeFileSync(path.join(workspace, rel), text!);
    }
    const argv = ['kit', c.kit, '--mode', c.mode, '--hosts', c.hosts.join(','), '--yes', '--confirm'];
    argv.push(...(c.multiAccount ? ['--multi-account'] : ['--profile', 'dev-sandbox', '--region', 'eu-west-1']));
    if (c.replace) argv.push('--replace');
    let stderr = '';
    const code = await main(argv, {
      env: { HOME: sb.home.home, PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      cwd: workspace,
      io: { stdout: { write: () => true, isTTY: false }, stderr: { write: (s: string) => ((stderr += s), true), isTTY: false }, stdinIsTTY: false },
    });
    if (code !== 0) throw new Error(`awsmcp ${argv.join(' ')} exited ${code}: ${stderr}`);
    const out: Record<string, string> = {};
    for (const h of c.hosts) {
      const rel = kitWorkspaceFile(h)!;
      out[rel] = fs.readFileSync(path.join(workspace, rel), 'utf8');
    }
    return out;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

async function viaGenerator(c: Case): Promise<Record<string, string>> {
  for (const [rel, text] of Object.entries(c.existing ?? {})) sb.tree.write(rel, text!);
  const schema: KitGeneratorSchema = {
    name: c.kit,
    mode: c.mode,
    hosts: c.hosts,
    yes: true,
    confirm: true,
    skipFormat: true,
    ...(c.multiAccount ? { multiAccount: true } : { profile: 'dev-sandbox', region: 'eu-west-1' }),
    ...(c.replace ? { replace: true } : {}),
  };
  await kitGenerator(sb.tree, schema);
  return Object.fromEntries(c.hosts.map((h) => [kitWorkspaceFile(h)!, sb.tree.read(kitWorkspaceFile(h)!, 'utf-8')!]));
}

describe('awsmcp kit and nx g @awsmcp/nx:kit write the same bytes', () => {
  it.each(CASES.map((c) => [`${c.kit} --mode ${c.mode} --hosts ${c.hosts.join(',')}${c.existing ? ' (existing files)' : ''}${c.replace ? ' --replace' : ''}${c.multiAccount ? ' --multi-account' : ''}`, c] as const))(
    '%s',
    async (_name, c) => {
      const cli = await viaCli(c);
      const nx = await viaGenerator(c);
      expect(Object.keys(nx).sort()).toEqual(Object.keys(cli).sort());
      for (const file of Object.keys(cli)) expect({ file, text: nx[file] }).toEqual({ file, text: cli[file] });
      // the cases really exercise something: each file holds the kit
      for (const text of Object.values(cli)) expect(text.length).toBeGreaterThan(40);
      if (c.existing?.['.vscode/mcp.json'] && c.hosts.includes('vscode')) expect(cli['.vscode/mcp.json']).toContain('// team servers: keep this comment');
      if (c.mode === 'inputs') for (const text of Object.values(cli)) expect(text).not.toMatch(/dev-sandbox|111111111111/);
    },
  );
});
