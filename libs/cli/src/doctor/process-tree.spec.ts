/**
 * Server process trees: a grandchild that double-forks into its own session (setsid) dies with its
 * server; SIGHUP (a closed terminal) to awsmcp kills every server tree, for doctor and tokens.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { alive, BIN, FIXTURES, makeTestHome, type TestHome } from '../testing/home';
import { ServerProcess } from './process';

const SCRIPT = path.join(FIXTURES, 'double-fork-server.sh');

function readPids(file: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n') : []) {
    const [role, pid] = line.trim().split(' ');
    if (role && pid) out[role] = Number(pid);
  }
  return out;
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

const killLeft = (pids: Record<string, number>) => {
  for (const pid of Object.values(pids)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
};

describe('server process trees', () => {
  let t: TestHome;
  beforeAll(() => {
    t = makeTestHome({ config: '[profile dev]\nregion = eu-west-1\n' });
    t.env.PATH = process.env.PATH ?? '/usr/bin:/bin';
  });
  afterAll(() => t?.cleanup());

  it('kill() also ends a grandchild that left the group and the session (double fork + setsid)', async () => {
    const pidsFile = path.join(t.base, 'unit-pids');
    const proc = ServerProcess.start({ command: 'sh', args: [SCRIPT], env: { PATH: t.env.PATH!, PIDS_FILE: pidsFile }, cwd: t.workspace });
    expect(await waitFor(() => readPids(pidsFile).server !== undefined, 10_000)).toBe(true);
    const pids = readPids(pidsFile);
    try {
      // the escaped one really is outside: another session, not a descendant any more
      expect(await waitFor(() => !fs.readFileSync(`/proc/${pids.escaped}/stat`, 'utf8').includes(` ${pids.server} `), 5000)).toBe(true);
      await proc.kill(500);
      expect(await waitFor(() => !alive(pids.server) && !alive(pids.child) && !alive(pids.escaped), 5000)).toBe(true);
    } finally {
      killLeft(pids);
      for (const stream of [proc.child.stdin, proc.child.stdout, proc.child.stderr]) stream.destroy();
    }
  }, 30_000);

  it.each([
    ['doctor', ['doctor', 'forker', '--timeout', '60']],
    ['tokens', ['tokens', 'forker', '--timeout', '60', '--no-save']],
  ])('SIGHUP to awsmcp %s: no process of the server tree survives', async (_name, argv) => {
    const pidsFile = path.join(t.base, `${_name}-pids`);
    t.write('.mcp.json', JSON.stringify({ mcpServers: { forker: { command: 'sh', args: [SCRIPT], env: { PIDS_FILE: pidsFile } } } }), 'workspace');
    const child = spawn(process.execPath, [BIN, ...argv], { cwd: t.workspace, env: t.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    let pids: Record<string, number> = {};
    try {
      expect(await waitFor(() => readPids(pidsFile).server !== undefined, 20_000)).toBe(true);
      pids = readPids(pidsFile);
      child.kill('SIGHUP');
      const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('still running'), 15_000))]);
      expect([code, output]).toEqual([130, expect.any(String)]);
      expect(await waitFor(() => Object.values(pids).every((p) => !alive(p)), 5000)).toBe(true);
    } finally {
      child.kill('SIGKILL');
      killLeft(pids);
    }
  }, 60_000);
});
