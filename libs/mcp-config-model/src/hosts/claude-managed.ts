/**
 * Claude Code `managed-mcp.json`: an administrator's fixed set of servers (an empty map disables
 * MCP). Read-only: listed and linted, never written. macOS `/Library/Application Support/ClaudeCode/`,
 * Linux / WSL `/etc/claude-code/`, Windows `C:\ProgramData\ClaudeCode\`. Read only for the real
 * user's home (or under `AWSMCP_SYSTEM_ROOT`), so tests and sandboxes never read the machine's files.
 */
import { defineHost, endsWithPath, systemRoot } from './define';
import { pathLib } from './paths';

export const claudeCodeManaged = defineHost({
  id: 'claude-code-managed',
  displayName: 'Claude Code (managed-mcp.json, read-only)',
  format: 'json',
  serversPath: ['mcpServers'],
  transports: ['stdio', 'http', 'sse'],
  writeType: 'always',
  variableSyntax: 'shell',
  templateStyle: 'native',
  readOnly: 'an administrator manages this file (Claude Code managed MCP); ask them to change it',
  files(ctx) {
    const root = systemRoot(ctx);
    if (!root) return [];
    const lib = pathLib(ctx.platform);
    const dir =
      ctx.platform === 'darwin' ? lib.join(root, 'Library', 'Application Support', 'ClaudeCode') : ctx.platform === 'win32' ? lib.join(root, 'ProgramData', 'ClaudeCode') : lib.join(root, 'etc', 'claude-code');
    return [{ scope: 'user', file: lib.join(dir, 'managed-mcp.json') }];
  },
  match: (file) => (endsWithPath(file, 'managed-mcp.json') ? 'user' : undefined),
  restartInstructions: 'Managed servers change only when the administrator changes managed-mcp.json.',
  sources: ['https://code.claude.com/docs/en/managed-mcp'],
});
