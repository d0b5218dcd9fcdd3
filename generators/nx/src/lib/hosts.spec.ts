import { emptyWorkspace } from '../__fixtures__/tree';
import { detectHosts, parseHosts, WORKSPACE_HOSTS, workspaceFileOf } from './hosts';
import { closestNames, levenshtein } from '@awsmcp/aws-config-parser';

describe('hosts', () => {
  it("knows each host's workspace file from the model's adapters", () => {
    expect(WORKSPACE_HOSTS.map((h) => [h, workspaceFileOf(h)])).toEqual([
      ['vscode', '.vscode/mcp.json'],
      ['claude-code', '.mcp.json'],
      ['cursor', '.cursor/mcp.json'],
      ['kiro', '.kiro/settings/mcp.json'],
      ['amazonq', '.amazonq/mcp.json'],
      ['copilot-cli', '.mcp.json'],
      ['codex', '.codex/config.toml'],
      ['gemini-cli', '.gemini/settings.json'],
      ['roo', '.roo/mcp.json'],
      ['kilo', 'kilo.json'],
      ['zed', '.zed/settings.json'],
      ['opencode', 'opencode.json'],
      ['warp', '.warp/.mcp.json'],
      ['visual-studio', '.vs/mcp.json'],
      ['junie', '.junie/mcp/mcp.json'],
      ['grok', '.grok/config.toml'],
      ['amazonq-ide', '.amazonq/default.json'],
    ]);
    expect(workspaceFileOf('claude-desktop')).toBeUndefined();
    expect(workspaceFileOf('goose')).toBeUndefined();
  });

  it('parses --hosts as a list or a comma-separated string', () => {
    expect(parseHosts(undefined)).toBeUndefined();
    expect(parseHosts('vscode, kiro,vscode')).toEqual(['vscode', 'kiro']);
    expect(parseHosts(['cursor', 'amazonq'])).toEqual(['cursor', 'amazonq']);
    expect(parseHosts([])).toBeUndefined();
  });

  it('detects the hosts a workspace uses, else VS Code and Claude Code', () => {
    const tree = emptyWorkspace();
    expect(detectHosts(tree)).toEqual(['vscode', 'claude-code']);
    tree.write('CLAUDE.md', '# notes\n');
    expect(detectHosts(tree)).toEqual(['claude-code']);
    tree.write('.amazonq/mcp.json.template', '{}');
    // the .amazonq folder is also the Amazon Q IDE plugin's (default.json): without the installed-hosts
    // data (the CLI passes it) a folder is enough
    expect(detectHosts(tree)).toEqual(['claude-code', 'amazonq', 'amazonq-ide']);
    // the repo-root .mcp.json is read by Claude Code, Copilot CLI, ...: written once, for Claude Code
    tree.write('.mcp.json', '{}');
    expect(detectHosts(tree)).toEqual(['claude-code', 'amazonq', 'amazonq-ide']);
  });
});

describe('closest profile names', () => {
  it('Levenshtein distance', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('same', 'same')).toBe(0);
  });

  it('ranks by distance, then by name, case-insensitively', () => {
    expect(closestNames('Prod-EU', ['prod-us', 'prod-eu', 'dev', 'staging-eu'])).toEqual(['prod-eu', 'prod-us']);
    expect(closestNames('dev-sandbx', ['dev-sandbox', 'staging-eu', 'prod-eu', 'prod-us', 'default'])).toEqual(['dev-sandbox']);
    expect(closestNames('x', [])).toEqual([]);
  });
});
