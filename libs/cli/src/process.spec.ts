/** The built `awsmcp` bin as a user runs it: help, colour rules, exit codes, a terminal session. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN, CANARY, makeHome, runBin, writeFile } from './testing/demo-home';

const { seedDemoCaches } = require('../../../tools/demo/seed-caches.js') as { seedDemoCaches(home: string, now?: Date): void };

describe('the awsmcp bin', () => {
  it('--help lists every command; each command has --help with examples', () => {
    const t = makeHome();
    const r = runBin(t, ['--help']);
    expect(r.code).toBe(0);
    for (const c of ['discover', 'status', 'switch', 'login', 'hydrate', 'kit']) expect(r.stdout).toContain(c);
    const sub = runBin(t, ['switch', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('Examples:');
  });

  it('no colour codes in a pipe or with NO_COLOR; FORCE_COLOR brings them back', () => {
    const t = makeHome();
    const plain = runBin(t, ['discover', '--no-write-tags'], { env: { NO_COLOR: '' } });
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toMatch(/\x1b\[/);
    expect(plain.stdout).toContain('✓ green');
    const forced = runBin(t, ['discover', '--no-write-tags'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(/\x1b\[/);
  });

  it('exit codes: 0 ok, 1 failure, 2 usage, 3 refused by the prod guard; no secret in any output', () => {
    const t = makeHome();
    writeFile(t.workspace, '.vscode/mcp.json', JSON.stringify({ servers: { eks: { type: 'stdio', command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37'], env: { AWS_PROFILE: 'dev-sandbox', AWS_REGION: 'eu-west-1' } } } }));
    const results = [
      runBin(t, ['status']),
      runBin(t, ['kit', 'eks-debug', '--profile', 'dev-sandbox', '--region', 'eu-west-1']),
      runBin(t, ['nope']),
      runBin(t, ['switch', 'prod-eu']),
    ];
    expect(results.map((r) => r.code)).toEqual([0, 1, 2, 3]);
    for (const r of results) expect(r.stdout + r.stderr).not.toContain(CANARY);
    for (const args of [['discover', '--json'], ['discover', '--chain'], ['status', '--json', '--all-hosts'], ['login', 'canary-keys']]) {
      const r = runBin(t, args);
      expect(r.stdout + r.stderr).not.toContain(CANARY);
    }
  });
});

function tmux(...args: string[]): string {
  const r = spawnSync('tmux', args, { encoding: 'utf8' });
  if (r.error) throw new Error('tmux is needed for the terminal test of status --watch: apt-get install tmux');
  return r.stdout;
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
}

describe('status --watch in a terminal (tmux)', () => {
  it('turns a light green when a fresh cache file appears, without a restart; Ctrl-C stops it cleanly', async () => {
    const t = makeHome({ caches: false });
    writeFile(t.workspace, '.vscode/mcp.json', JSON.stringify({ servers: { eks: { type: 'stdio', command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37'], env: { AWS_PROFILE: 'dev-sandbox', AWS_REGION: 'eu-west-1' } } } }));
    const session = `awsmcp-watch-${process.pid}`;
    const done = path.join(t.workspace, 'exit-code');
    const cmd = `cd ${t.workspace} && HOME=${t.home} NO_COLOR=1 TZ=UTC ${process.execPath} ${BIN} status --watch; echo $? > ${done}`;
    tmux('new-session', '-d', '-s', session, '-x', '220', '-y', '40', cmd);
    // the latest frame: a terminal redraw clears the screen, but look past any earlier frame anyway
    const screen = () => {
      const text = tmux('capture-pane', '-p', '-t', session);
      const at = text.lastIndexOf('awsmcp status --watch');
      return at >= 0 ? text.slice(at) : text;
    };
    try {
      expect(await waitFor(() => /eks\s+VS Code.*✗ red/.test(screen()), 15_000)).toBe(true);
      expect(screen()).toContain('!!! credentials expired, missing, or expiring in under 10 minutes: eks (dev-sandbox)');
      seedDemoCaches(t.home); // `aws sso login` would write these
      expect(await waitFor(() => /eks\s+VS Code.*✓ green/.test(screen()), 15_000)).toBe(true);
      expect(screen()).not.toContain('!!!');
      tmux('send-keys', '-t', session, 'C-c');
      expect(await waitFor(() => fs.existsSync(done), 10_000)).toBe(true);
      // Ctrl-C: 130, as shells report an interrupted command
      expect(fs.readFileSync(done, 'utf8').trim()).toBe('130');
    } finally {
      spawnSync('tmux', ['kill-session', '-t', session]);
    }
  }, 60_000);
});
