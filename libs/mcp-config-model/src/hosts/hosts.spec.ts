import { detectHostFile, getHost, hostFiles, HOSTS, resolvePathContext } from '../index';

const FIRST_SIX = new Set(['vscode', 'claude-code', 'cursor', 'kiro', 'amazonq', 'claude-desktop', 'vscode-legacy', 'claude-code-legacy']);
const paths = (platform: 'linux' | 'darwin' | 'win32', home: string, env: Record<string, string> = {}, workspace?: string) =>
  Object.fromEntries(
    hostFiles(HOSTS.filter((h) => FIRST_SIX.has(h.id)), { home, platform, env, ...(workspace ? { workspace } : {}) }).map((f) => [`${f.host}:${f.scope}${f.file.endsWith('local.json') ? ':local' : ''}`, f.file]),
  );

describe('host files per OS', () => {
  it('Linux (XDG_CONFIG_HOME honoured for Electron apps)', () => {
    expect(paths('linux', '/home/dev', {}, '/src/app')).toEqual({
      'vscode:workspace': '/src/app/.vscode/mcp.json',
      'vscode:user': '/home/dev/.config/Code/User/mcp.json',
      'claude-code:workspace': '/src/app/.mcp.json',
      'claude-code:user': '/home/dev/.claude.json',
      'cursor:workspace': '/src/app/.cursor/mcp.json',
      'cursor:user': '/home/dev/.cursor/mcp.json',
      'kiro:workspace': '/src/app/.kiro/settings/mcp.json',
      'kiro:user': '/home/dev/.kiro/settings/mcp.json',
      'amazonq:workspace': '/src/app/.amazonq/mcp.json',
      'amazonq:user': '/home/dev/.aws/amazonq/mcp.json',
      'claude-desktop:user': '/home/dev/.config/Claude/claude_desktop_config.json',
      'vscode-legacy:user': '/home/dev/.vscode/mcp.json',
      'claude-code-legacy:user': '/home/dev/.claude/settings.json',
      'claude-code-legacy:workspace': '/src/app/.claude/settings.json',
      'claude-code-legacy:workspace:local': '/src/app/.claude/settings.local.json',
    });
    expect(paths('linux', '/home/dev', { XDG_CONFIG_HOME: '/xdg' })['vscode:user']).toBe('/xdg/Code/User/mcp.json');
    expect(paths('linux', '/home/dev', { XDG_CONFIG_HOME: 'relative' })['vscode:user']).toBe('/home/dev/.config/Code/User/mcp.json');
  });

  it('macOS', () => {
    const p = paths('darwin', '/Users/dev');
    expect(p['vscode:user']).toBe('/Users/dev/Library/Application Support/Code/User/mcp.json');
    expect(p['claude-desktop:user']).toBe('/Users/dev/Library/Application Support/Claude/claude_desktop_config.json');
    expect(p['claude-code:user']).toBe('/Users/dev/.claude.json');
    expect(p['vscode:workspace']).toBeUndefined();
  });

  it('Windows (APPDATA, with a fallback)', () => {
    const p = paths('win32', 'C:\\Users\\dev', { APPDATA: 'D:\\Roaming' }, 'C:\\src\\app');
    expect(p['vscode:user']).toBe('D:\\Roaming\\Code\\User\\mcp.json');
    expect(p['claude-desktop:user']).toBe('D:\\Roaming\\Claude\\claude_desktop_config.json');
    expect(p['vscode:workspace']).toBe('C:\\src\\app\\.vscode\\mcp.json');
    expect(p['amazonq:user']).toBe('C:\\Users\\dev\\.aws\\amazonq\\mcp.json');
    expect(paths('win32', 'C:\\Users\\dev')['vscode:user']).toBe('C:\\Users\\dev\\AppData\\Roaming\\Code\\User\\mcp.json');
  });

  it('resolvePathContext takes home from the env, USERPROFILE on Windows', () => {
    expect(resolvePathContext({ env: { HOME: '/h' }, platform: 'linux' }).home).toBe('/h');
    expect(resolvePathContext({ env: { USERPROFILE: 'C:\\Users\\x' }, platform: 'win32' }).home).toBe('C:\\Users\\x');
  });
});

describe('detectHostFile', () => {
  const home = '/home/dev';
  const cases: [string, string | undefined, string | undefined, boolean?][] = [
    ['/src/app/.vscode/mcp.json', 'vscode', 'workspace'],
    ['/home/dev/.config/Code/User/mcp.json', 'vscode', 'user'],
    ['/home/dev/.config/Code/User/profiles/1a2b/mcp.json', 'vscode', 'user'],
    ['C:\\Users\\dev\\AppData\\Roaming\\Code - Insiders\\User\\mcp.json', 'vscode', 'user'],
    ['/home/dev/.vscode/mcp.json', 'vscode-legacy', 'user'],
    ['/src/app/.mcp.json', 'claude-code', 'workspace'],
    ['/home/dev/.claude.json', 'claude-code', 'user'],
    ['/home/dev/.claude/settings.json', 'claude-code-legacy', 'user'],
    ['/src/app/.claude/settings.local.json', 'claude-code-legacy', 'workspace'],
    ['/home/dev/.cursor/mcp.json', 'cursor', 'user'],
    ['/src/app/.cursor/mcp.json', 'cursor', 'workspace'],
    ['/src/app/.kiro/settings/mcp.json', 'kiro', 'workspace'],
    ['/home/dev/.kiro/settings/mcp.json', 'kiro', 'user'],
    ['/home/dev/.aws/amazonq/mcp.json', 'amazonq', 'user'],
    ['/src/app/.amazonq/mcp.json', 'amazonq', 'workspace'],
    ['/x/Claude/claude_desktop_config.json', 'claude-desktop', 'user'],
    ['/src/app/.vscode/mcp.json.template', 'vscode', 'workspace', true],
    ['/src/app/.mcp.json.tmpl', 'claude-code', 'workspace', true],
    ['/src/app/package.json', undefined, undefined],
  ];
  it.each(cases)('%s', (file, host, scope, template = false) => {
    const d = detectHostFile(file, home);
    if (!host) expect(d).toBeUndefined();
    else expect({ host: d?.host.id, scope: d?.scope, template: d?.template }).toEqual({ host, scope, template });
  });
});

describe('adapters', () => {
  it('every adapter states its facts', () => {
    for (const h of HOSTS) {
      expect(h.sources.length).toBeGreaterThan(0);
      expect(h.restartInstructions.length).toBeGreaterThan(10);
      if (h.format === 'json' || h.format === 'jsonc') expect(h.readRootKeys).toContain(h.rootKey);
      expect(h.serversPath[0]).toBe(h.rootKey);
    }
    expect(getHost('vscode')).toMatchObject({ rootKey: 'servers', typeRequired: false, allowsComments: true, variableSyntax: 'vscode' });
    expect(getHost('claude-code')).toMatchObject({ rootKey: 'mcpServers', allowsComments: false, variableSyntax: 'shell', localScopeKey: 'projects' });
    expect(() => getHost('emacs' as never)).toThrow(/unknown host "emacs"/);
  });
});
