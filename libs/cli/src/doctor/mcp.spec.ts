/** MCP sessions against real servers: server-everything over stdio, a broken one, a silent one. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runMcpSession } from './mcp';
import { liveProcesses } from './process';
import { alive, everythingServer, FIXTURES, waitFor } from '../testing/home';

const env = (): Record<string, string> => ({ PATH: process.env.PATH ?? '', HOME: os.tmpdir() });

describe('runMcpSession', () => {
  it('initialize + tools/list against @modelcontextprotocol/server-everything', async () => {
    const r = await runMcpSession({ command: process.execPath, args: [everythingServer(), 'stdio'], env: env(), cwd: os.tmpdir() }, { timeoutMs: 20_000 });
    if (!r.ok) throw new Error(`${r.message}\n${r.stderrTail.join('\n')}`);
    expect(r.serverInfo.name).toMatch(/everything/i);
    expect(r.tools.length).toBeGreaterThan(5);
    expect(r.tools.map((t) => t.name)).toContain('echo');
    expect(r.protocolVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(liveProcesses().size).toBe(0);
  }, 30_000);

  it('a server that exits at start: the exit code and its stderr tail', async () => {
    const r = await runMcpSession({ command: process.execPath, args: [path.join(FIXTURES, 'broken-server.js'), '--region', 'eu-west-1'], env: env(), cwd: os.tmpdir() }, { timeoutMs: 10_000 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('exited');
    expect(r.exitCode).toBe(2);
    expect(r.stderrTail.join('\n')).toContain('error: unrecognized arguments: --region eu-west-1');
  }, 20_000);

  it('a server that never answers: timeout, and the process tree (also a SIGTERM-proof server) is gone', async () => {
    const pidsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'awsmcp-pids-')), 'pids.json');
    const r = await runMcpSession(
      { command: process.execPath, args: [path.join(FIXTURES, 'silent-server.js')], env: { ...env(), PIDS_FILE: pidsFile }, cwd: os.tmpdir() },
      { timeoutMs: 1500 },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('timeout');
    expect(r.step).toBe('initialize');
    expect(r.message).toContain('no answer to initialize within 1.5 s');
    const pids = JSON.parse(fs.readFileSync(pidsFile, 'utf8')) as { server: number; grandchild: number };
    expect(await waitFor(() => !alive(pids.server) && !alive(pids.grandchild), 3000)).toBe(true);
    expect(liveProcesses().size).toBe(0);
  }, 20_000);

  it('a command that does not exist: spawn-error', async () => {
    const r = await runMcpSession({ command: 'awsmcp-no-such-binary', args: [], env: env(), cwd: os.tmpdir() }, { timeoutMs: 5000 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe('spawn-error');
      expect(r.message).toContain('awsmcp-no-such-binary was not found on PATH');
    }
  });

  it('a server that logs to stdout: protocol-error, not a hang', async () => {
    const r = await runMcpSession({ command: process.execPath, args: [path.join(FIXTURES, 'garbage-server.js')], env: env(), cwd: os.tmpdir() }, { timeoutMs: 1500 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('protocol-error');
  }, 10_000);
});
