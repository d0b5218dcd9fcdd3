import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { addServers, backupDirFor, ConfigLockError, ConfigWriteError, parseHostConfig, updateConfigFile, writeConfigFile } from './index';
import { tempDir, write } from './__fixtures__/helpers';

const run = promisify(execFile);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const listTmp = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('writeConfigFile', () => {
  const dir = tempDir();

  it('creates a new file with mode 0600 and its folders', async () => {
    const f = path.join(dir, 'new', 'deep', '.mcp.json');
    const r = await writeConfigFile(f, '{}\n');
    expect(r).toMatchObject({ changed: true, target: f });
    expect(fs.statSync(f).mode & 0o777).toBe(0o600);
  });

  it('keeps the mode of an existing file, writes nothing when the content is the same', async () => {
    const f = write(path.join(dir, 'mode', 'mcp.json'), '{}');
    fs.chmodSync(f, 0o640);
    await writeConfigFile(f, '{"servers": {}}');
    expect(fs.statSync(f).mode & 0o777).toBe(0o640);
    const before = fs.statSync(f).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    expect(await writeConfigFile(f, '{"servers": {}}')).toMatchObject({ changed: false });
    expect(fs.statSync(f).mtimeMs).toBe(before);
    expect(listTmp(path.dirname(f))).toEqual([]);
  });

  it('follows a symlink: the link stays a link, the target changes', async () => {
    const real = write(path.join(dir, 'dotfiles', 'claude.json'), '{"mcpServers": {}}');
    fs.chmodSync(real, 0o600);
    const link = path.join(dir, 'home', '.claude.json');
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(path.relative(path.dirname(link), real), link);
    const r = await writeConfigFile(link, '{"mcpServers": {"a": {"command": "x"}}}');
    expect(r.target).toBe(real);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toContain('"a"');
    expect(fs.statSync(real).mode & 0o777).toBe(0o600);
    // a dangling link is refused: nothing is created where it points
    const dangling = path.join(dir, 'home', 'dangling.json');
    fs.symlinkSync(path.join(dir, 'dotfiles', 'later.json'), dangling);
    await expect(writeConfigFile(dangling, '{}')).rejects.toMatchObject({ errno: 'EDANGLING', message: expect.stringContaining('does not exist') });
    expect(fs.existsSync(path.join(dir, 'dotfiles', 'later.json'))).toBe(false);
  });

  it('keeps a backup in the per-user folder (0700 / 0600), never next to the file', async () => {
    const f = write(path.join(dir, 'bak', 'mcp.json'), '{"old": true}');
    fs.chmodSync(f, 0o644);
    const root = path.join(dir, 'state', 'awsmcp', 'backups');
    const now = new Date('2026-03-01T10:15:00.123Z');
    const r = await writeConfigFile(f, '{"new": true}', { backup: { root }, now: () => now });
    expect(r.backup).toBe(path.join(backupDirFor(f, root), '20260301T101500123Z'));
    expect(fs.readFileSync(r.backup!, 'utf8')).toBe('{"old": true}');
    expect(fs.statSync(r.backup!).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(r.backup!)).mode & 0o777).toBe(0o700);
    expect(fs.readdirSync(path.dirname(f))).toEqual(['mcp.json']);
    expect((await writeConfigFile(f, '{"new": true}', { backup: { root } })).backup).toBeUndefined();
  });

  it('a read-only folder: the write fails cleanly and the original is intact', async () => {
    const ro = path.join(dir, 'ro');
    const f = write(path.join(ro, 'mcp.json'), '{"original": true}');
    fs.chmodSync(ro, 0o555);
    try {
      let realFailure = true;
      try {
        fs.writeFileSync(path.join(ro, 'probe'), 'x'); // root ignores folder permissions
        fs.rmSync(path.join(ro, 'probe'));
        realFailure = false;
      } catch {
        /* not root: the real folder permission applies */
      }
      if (realFailure) {
        await expect(writeConfigFile(f, '{}')).rejects.toThrow(ConfigWriteError);
      } else {
        expect(isRoot).toBe(true);
        // As root the folder permission does not apply, so the failure of creating the temporary
        // file is injected with the errno the kernel would give.
        const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        const err = await writeConfigFile(f, '{}', { fs: { openSync: ((p: string, ...rest: never[]) => { if (String(p).endsWith('.tmp')) throw denied; return (fs.openSync as (...a: unknown[]) => number)(p, ...rest); }) as never } }).catch((e) => e);
        expect(err).toBeInstanceOf(ConfigWriteError);
        expect(err).toMatchObject({ errno: 'EACCES', message: `${f}: permission denied writing in ${ro}; the original file is unchanged` });
      }
      expect(fs.readFileSync(f, 'utf8')).toBe('{"original": true}');
      expect(listTmp(ro)).toEqual([]);
    } finally {
      fs.chmodSync(ro, 0o755);
    }
  });

  it('a failed rename leaves no temporary file and the original intact', async () => {
    const f = write(path.join(dir, 'rename', 'mcp.json'), '{"original": true}');
    const erofs = Object.assign(new Error('EROFS'), { code: 'EROFS' });
    const err = await writeConfigFile(f, '{}', { fs: { renameSync: (() => { throw erofs; }) as never } }).catch((e) => e);
    expect(err).toMatchObject({ errno: 'EROFS', message: expect.stringContaining('read-only file system; the original file is unchanged') });
    expect(fs.readFileSync(f, 'utf8')).toBe('{"original": true}');
    expect(listTmp(path.dirname(f))).toEqual([]);
  });

  it('a path under a file (fails for root too)', async () => {
    const file = write(path.join(dir, 'under', 'afile'), 'x');
    await expect(writeConfigFile(path.join(file, '.mcp.json'), '{}')).rejects.toThrow(ConfigWriteError);
    expect(fs.readFileSync(file, 'utf8')).toBe('x');
  });

  it('a directory in the way', async () => {
    const d = path.join(dir, 'isdir', '.mcp.json');
    fs.mkdirSync(d, { recursive: true });
    await expect(writeConfigFile(d, '{}')).rejects.toThrow('is a directory');
  });
});

describe('updateConfigFile and the lock', () => {
  const dir = tempDir();

  it('read-modify-write; the same result writes nothing; the lock is released', async () => {
    const f = path.join(dir, 'u', '.mcp.json');
    const add = (t: string) => addServers(t, 'claude-code', [{ name: 'a', command: 'x' }]).text;
    expect((await updateConfigFile(f, add)).changed).toBe(true);
    expect((await updateConfigFile(f, add)).changed).toBe(false);
    expect(fs.existsSync(`${f}.lock`)).toBe(false);
  });

  it('the lock is released when the update throws', async () => {
    const f = write(path.join(dir, 'throw', '.mcp.json'), '{}');
    await expect(updateConfigFile(f, () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(fs.existsSync(`${f}.lock`)).toBe(false);
  });

  it('waits for a held lock and gives up with a clear error', async () => {
    const f = write(path.join(dir, 'held', '.mcp.json'), '{}');
    fs.writeFileSync(`${f}.lock`, `${process.pid} ${os.hostname()} held ${new Date().toISOString()}\n`);
    const err = await updateConfigFile(f, (t) => t + ' ', { timeoutMs: 150 }).catch((e) => e);
    expect(err).toBeInstanceOf(ConfigLockError);
    expect(err.message).toMatch(/locked by another writer/);
    expect(fs.readFileSync(f, 'utf8')).toBe('{}');
    fs.rmSync(`${f}.lock`);
  });

  it('takes over a lock whose process is gone, or that is older than staleMs', async () => {
    const f = write(path.join(dir, 'stale', '.mcp.json'), '{}');
    fs.writeFileSync(`${f}.lock`, `2147483646 ${os.hostname()} dead ${new Date().toISOString()}\n`);
    expect((await updateConfigFile(f, () => '{"a": 1}', { timeoutMs: 2000 })).changed).toBe(true);
    fs.writeFileSync(`${f}.lock`, 'garbage');
    const old = new Date(Date.now() - 3600_000);
    fs.utimesSync(`${f}.lock`, old, old);
    expect((await updateConfigFile(f, () => '{"a": 2}', { timeoutMs: 2000 })).changed).toBe(true);
    expect(fs.readdirSync(path.dirname(f)).sort()).toEqual(['.mcp.json']);
  });

  it('two concurrent processes each adding 20 servers: all 40 survive', async () => {
    const f = path.join(dir, 'race', '.mcp.json');
    const script = path.join(__dirname, '__fixtures__', 'concurrent-writer.js');
    await Promise.all([run(process.execPath, [script, f, 'eks', '20']), run(process.execPath, [script, f, 'ecs', '20'])]);
    const doc = parseHostConfig(fs.readFileSync(f, 'utf8'), { file: f, host: 'claude-code' });
    expect(doc.servers).toHaveLength(40);
    expect(new Set(doc.servers.map((s) => s.name)).size).toBe(40);
    expect(fs.readdirSync(path.dirname(f))).toEqual(['.mcp.json']);
  }, 60_000);
});
