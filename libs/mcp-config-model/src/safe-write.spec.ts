import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { backupDirFor, backupRoot, cleanStaleTemps, ConfigLockError, listBackups, lockFileSync, planWrites, realPathOf, safeUpdateFileSync, safeWriteFileSync, writeFileAtomicSync } from './index';
import { tempDir, write } from './__fixtures__/helpers';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe('safe-write', () => {
  const dir = tempDir('safe-write-');
  const root = path.join(dir, 'state', 'awsmcp', 'backups');

  it('backupRoot: $XDG_STATE_HOME/awsmcp/backups, else ~/.local/state/awsmcp/backups', () => {
    expect(backupRoot({ env: { XDG_STATE_HOME: '/x/state' }, home: '/h' })).toBe('/x/state/awsmcp/backups');
    expect(backupRoot({ env: { XDG_STATE_HOME: 'relative' }, home: '/h' })).toBe('/h/.local/state/awsmcp/backups');
    expect(backupRoot({ env: {}, home: '/h' })).toBe('/h/.local/state/awsmcp/backups');
  });

  it('a read-only (0444) file is refused with a clear error unless forced; it keeps 0444', () => {
    const f = write(path.join(dir, 'ro', 'mcp.json'), '{"a": 1}');
    fs.chmodSync(f, 0o444);
    expect(() => safeWriteFileSync(f, '{"a": 2}')).toThrow(/is read-only \(mode 0444\)/);
    expect(fs.readFileSync(f, 'utf8')).toBe('{"a": 1}');
    expect(safeWriteFileSync(f, '{"a": 2}', { force: true }).changed).toBe(true);
    expect(fs.readFileSync(f, 'utf8')).toBe('{"a": 2}');
    expect(fs.statSync(f).mode & 0o777).toBe(0o444);
    // no change: no write, no error
    expect(safeWriteFileSync(f, '{"a": 2}').changed).toBe(false);
  });

  it('a dangling symlink is refused; a link to a file is followed and realPathOf names the target', () => {
    const target = write(path.join(dir, 'home', '.claude.json'), '{}');
    const ws = path.join(dir, 'ws');
    fs.mkdirSync(ws, { recursive: true });
    fs.symlinkSync(target, path.join(ws, '.mcp.json'));
    expect(realPathOf(path.join(ws, '.mcp.json'))).toBe(fs.realpathSync(target));
    safeWriteFileSync(path.join(ws, '.mcp.json'), '{"mcpServers": {}}');
    expect(fs.lstatSync(path.join(ws, '.mcp.json')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe('{"mcpServers": {}}');
    fs.symlinkSync(path.join(dir, 'nowhere', 'x.json'), path.join(ws, 'dangling.json'));
    expect(() => safeWriteFileSync(path.join(ws, 'dangling.json'), '{}')).toThrow(/dangling|does not exist/);
    expect(fs.existsSync(path.join(dir, 'nowhere'))).toBe(false);
  });

  it('backups: outside the folder, 0600, pruned to the last N, none when nothing changes', () => {
    const f = write(path.join(dir, 'prune', '.mcp.json'), 'v0');
    let t = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 1; i <= 6; i++) safeWriteFileSync(f, `v${i}`, { backup: { root, keep: 3 }, now: () => new Date((t += 1000)) });
    safeWriteFileSync(f, 'v6', { backup: { root, keep: 3 } });
    const kept = listBackups(f, { root });
    expect(kept.map((b) => fs.readFileSync(b, 'utf8'))).toEqual(['v3', 'v4', 'v5']);
    for (const b of kept) expect(fs.statSync(b).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(backupDirFor(f, root), 'ORIGIN'), 'utf8').trim()).toBe(fs.realpathSync(f));
    expect(fs.readdirSync(path.dirname(f))).toEqual(['.mcp.json']);
  });

  it('temporary files of a killed writer (0600, pid gone) are removed by the next write', async () => {
    const f = write(path.join(dir, 'killed', '.mcp.json'), '{}');
    const dead = await new Promise<number>((resolve) => {
      const c = spawn(process.execPath, ['-e', '0']);
      c.on('exit', () => resolve(c.pid!));
    });
    const left = path.join(dir, 'killed', `..mcp.json.awsmcp-${dead}-0123456789abcdef.tmp`);
    fs.writeFileSync(left, '{"secret": "x"}', { mode: 0o600 });
    const mine = path.join(dir, 'killed', `..mcp.json.awsmcp-${process.pid}-00.tmp`);
    fs.writeFileSync(mine, '', { mode: 0o600 });
    safeWriteFileSync(f, '{"a": 1}');
    expect(fs.existsSync(left)).toBe(false);
    expect(fs.existsSync(mine)).toBe(true); // a live writer's file is left alone
    fs.rmSync(mine);
    expect(cleanStaleTemps(f)).toEqual([]);
  });

  it('kill -9 during a write leaves no readable copy for others and the next run cleans up', async () => {
    const f = write(path.join(dir, 'kill9', '.mcp.json'), '{}');
    // a real writer, stopped between writing its temporary copy and the rename, then killed
    const writer = spawn(process.execPath, ['-r', '@swc-node/register', '-e', `
      const fs = require('fs');
      fs.renameSync = () => { process.stdout.write('ready'); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60000); };
      require(${JSON.stringify(require.resolve('./safe-write'))}).safeWriteFileSync(${JSON.stringify(f)}, '{"token": "x"}');
    `], { stdio: ['ignore', 'pipe', 'inherit'], cwd: path.resolve(__dirname, '../../..') });
    await new Promise((r) => writer.stdout.once('data', r));
    expect(fs.readdirSync(path.dirname(f)).filter((n) => n.endsWith('.tmp'))).toHaveLength(1);
    writer.kill('SIGKILL');
    await new Promise((r) => writer.on('exit', r));
    writer.stdout.destroy();
    // whatever it left is 0600 and goes away on the next write
    for (const n of fs.readdirSync(path.dirname(f)).filter((n) => n.endsWith('.tmp'))) expect(fs.statSync(path.join(path.dirname(f), n)).mode & 0o777).toBe(0o600);
    safeWriteFileSync(f, '{"b": 1}');
    expect(fs.readdirSync(path.dirname(f)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('the lock of a live holder is never broken, however old; a dead holder`s lock is', () => {
    const f = write(path.join(dir, 'lock', 'tags.yaml'), 'a');
    const held = lockFileSync(f);
    const old = new Date(Date.now() - 3600_000);
    fs.utimesSync(`${f}.lock`, old, old);
    expect(() => safeWriteFileSync(f, 'b', { timeoutMs: 200, staleMs: 10 })).toThrow(ConfigLockError);
    expect(fs.readFileSync(f, 'utf8')).toBe('a');
    held.release();
    expect(fs.existsSync(`${f}.lock`)).toBe(false);
    fs.writeFileSync(`${f}.lock`, `2147483646 ${os.hostname()} dead 1 2026-01-01T00:00:00Z\n`);
    expect(safeWriteFileSync(f, 'b', { timeoutMs: 2000 }).changed).toBe(true);
    expect(fs.readdirSync(path.dirname(f)).sort()).toEqual(['tags.yaml']);
    // a holder's release never removes a lock that is no longer its own
    const mine = lockFileSync(f);
    fs.writeFileSync(`${f}.lock`, `${process.pid} ${os.hostname()} someone-else - now\n`);
    mine.release();
    expect(fs.existsSync(`${f}.lock`)).toBe(true);
    fs.rmSync(`${f}.lock`);
  });

  it('planWrites: everything is planned first; an error in planning writes nothing', () => {
    const a = write(path.join(dir, 'tx1', 'a.json'), 'A');
    const b = write(path.join(dir, 'tx1', 'b.json'), 'B');
    expect(() =>
      planWrites([
        { file: a, update: () => 'A2' },
        { file: b, update: () => { throw new Error('guard refused'); } },
      ]),
    ).toThrow('guard refused');
    expect(fs.readFileSync(a, 'utf8')).toBe('A');
    const plan = planWrites([{ file: a, update: (t) => t + '2' }, { file: b, update: (t) => t }]);
    expect(plan.files.map((f) => f.changed)).toEqual([true, false]);
    expect(fs.readFileSync(a, 'utf8')).toBe('A');
    const done = plan.commitAllSync();
    expect(done.map((d) => d.changed)).toEqual([true, false]);
    expect(fs.readFileSync(a, 'utf8')).toBe('A2');
  });

  it('commitAll: when the third write fails, the first two are restored', async () => {
    const d = path.join(dir, 'tx2');
    const a = write(path.join(d, 'a', 'mcp.json'), 'A');
    const b = path.join(d, 'b', 'new.json');
    const c = write(path.join(d, 'c', 'mcp.json'), 'C');
    fs.mkdirSync(path.dirname(b), { recursive: true });
    const plan = planWrites([
      { file: a, update: () => 'A2' },
      { file: b, update: () => 'B2' },
      { file: c, update: () => 'C2' },
    ], { backup: { root } });
    const realRename = fs.renameSync;
    const failing = (from: fs.PathLike, to: fs.PathLike) => {
      if (String(to) === c) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
      return realRename(from, to);
    };
    const plan2 = planWrites([
      { file: a, update: () => 'A2' },
      { file: b, update: () => 'B2' },
      { file: c, update: () => 'C2' },
    ], { backup: { root }, fs: { renameSync: failing as never } });
    await expect(plan2.commitAll()).rejects.toThrow(/no space left.*restored/);
    expect(fs.readFileSync(a, 'utf8')).toBe('A');
    expect(fs.existsSync(b)).toBe(false);
    expect(fs.readFileSync(c, 'utf8')).toBe('C');
    expect(fs.readdirSync(d).flatMap((x) => fs.readdirSync(path.join(d, x))).filter((n) => n.endsWith('.lock') || n.endsWith('.tmp'))).toEqual([]);
    await plan.commitAll();
    expect([a, b, c].map((f) => fs.readFileSync(f, 'utf8'))).toEqual(['A2', 'B2', 'C2']);
  });

  it('the temporary file has an unpredictable name and is opened O_EXCL | O_NOFOLLOW, 0600 (writeFileAtomicSync too)', () => {
    const opened: Array<{ p: string; flags: unknown; mode: unknown }> = [];
    const spy = ((p: string, flags: unknown, mode: unknown) => {
      opened.push({ p: String(p), flags, mode });
      return (fs.openSync as (...a: unknown[]) => number)(p, flags, mode);
    }) as never;
    const f = path.join(dir, 'tmpname', 'discover.json');
    writeFileAtomicSync(f, Buffer.from('{}'), { fs: { openSync: spy } });
    safeWriteFileSync(f, '{"a":1}', { fs: { openSync: spy } });
    const temps = opened.filter((o) => o.p.endsWith('.tmp'));
    expect(temps).toHaveLength(2);
    for (const t of temps) {
      expect(path.basename(t.p)).toMatch(new RegExp(`^\\.discover\\.json\\.awsmcp-${process.pid}-[0-9a-f]{16}\\.tmp$`));
      expect(Number(t.flags) & fs.constants.O_EXCL).toBe(fs.constants.O_EXCL);
      expect(Number(t.flags) & fs.constants.O_NOFOLLOW).toBe(fs.constants.O_NOFOLLOW);
      expect(t.mode).toBe(0o600);
    }
    expect(new Set(temps.map((t) => t.p)).size).toBe(2);
  });

  it('safeUpdateFileSync: read-modify-write under the lock; new files get 0600 and 0700 folders', () => {
    const f = path.join(dir, 'upd', 'deep', 'records.json');
    expect(safeUpdateFileSync(f, (t, exists) => (exists ? t : '{}')).changed).toBe(true);
    expect(fs.statSync(f).mode & 0o777).toBe(0o600);
    expect(safeUpdateFileSync(f, (t) => t).changed).toBe(false);
    if (!isRoot) expect(fs.statSync(path.dirname(f)).mode & 0o777).toBe(0o700);
  });
});
