import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { hostInstallation, installedHostIds } from '../index';

describe('hostInstallation / installedHostIds', () => {
  let home: string;
  let ws: string;
  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'awsmcp-installed-'));
    ws = path.join(home, 'project');
    fs.mkdirSync(ws);
  });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));
  const ctx = () => ({ home, workspace: ws, platform: 'linux' as const, env: {} });

  it('nothing on an empty home', () => {
    expect(installedHostIds(ctx())).toEqual([]);
    expect(hostInstallation('codex', ctx())).toEqual({ host: 'codex', installed: false, files: [], markers: [] });
  });

  it('an existing config file (any scope) counts, and is listed', () => {
    fs.mkdirSync(path.join(ws, '.cursor'));
    fs.writeFileSync(path.join(ws, '.cursor', 'mcp.json'), '{}');
    const i = hostInstallation('cursor', ctx());
    expect(i).toMatchObject({ installed: true, files: [path.join(ws, '.cursor', 'mcp.json')] });
    expect(installedHostIds(ctx())).toContain('cursor');
  });

  it('an install marker (app folder) counts', () => {
    fs.mkdirSync(path.join(home, '.codex'));
    expect(hostInstallation('codex', ctx())).toMatchObject({ installed: true, files: [], markers: [path.join(home, '.codex')] });
    expect(installedHostIds(ctx())).toEqual(['codex']);
  });

  it('an executable counts only through the given which (none looked up without it)', () => {
    const which = (name: string) => (name === 'goose' ? '/usr/bin/goose' : undefined);
    expect(hostInstallation('goose', ctx()).installed).toBe(false);
    expect(hostInstallation('goose', ctx(), { which })).toMatchObject({ installed: true, binary: 'goose' });
    expect(installedHostIds(ctx(), { which })).toEqual(['goose']);
  });

  it('a shared file counts for every host that reads it (.mcp.json)', () => {
    fs.writeFileSync(path.join(ws, '.mcp.json'), '{"mcpServers":{}}');
    const ids = installedHostIds(ctx());
    expect(ids).toEqual(expect.arrayContaining(['claude-code', 'copilot-cli']));
  });

  it('can be limited to some hosts, and takes an existence check', () => {
    const exists = (f: string) => f === path.join(home, '.cursor');
    expect(installedHostIds(ctx(), { exists }, ['cursor', 'kiro'])).toEqual(['cursor']);
  });
});
