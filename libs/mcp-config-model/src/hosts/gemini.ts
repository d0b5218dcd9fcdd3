/**
 * Gemini CLI (`~/.gemini/settings.json`, `.gemini/settings.json`; remote `httpUrl` for streamable
 * HTTP, `url` for SSE) and Antigravity (`~/.gemini/config/mcp_config.json`, older IDE builds
 * `~/.gemini/antigravity/mcp_config.json`; remote `serverUrl`).
 */
import { serializeEntry } from './common';
import { decodeServerUrl, FIELD_MAPS } from './field-maps';
import { defineHost, endsWithPath, homeOrProject, workspaceFiles } from './define';
import { pathLib } from './paths';

export const geminiCli = defineHost({
  id: 'gemini-cli',
  binaries: ['gemini'],
  displayName: 'Gemini CLI',
  // settings.json is read through strip-json-comments: comments yes, trailing commas no
  format: 'jsonc',
  trailingCommas: false,
  serversPath: ['mcpServers'],
  fields: FIELD_MAPS.httpUrl,
  transports: ['stdio', 'http', 'sse'],
  writeType: 'never',
  variableSyntax: 'shell',
  templateStyle: 'native',
  files(ctx) {
    const lib = pathLib(ctx.platform);
    return [...workspaceFiles(ctx, ['.gemini', 'settings.json']), { scope: 'user', file: lib.join(ctx.home, '.gemini', 'settings.json') }];
  },
  match: (file, home) => homeOrProject(file, home, '.gemini/settings.json'),
  decode(raw) {
    const { httpUrl, url, ...rest } = raw;
    if (httpUrl !== undefined) return { ...rest, url: httpUrl, type: 'http' };
    if (url !== undefined) return { ...rest, url, type: 'sse' };
    return rest;
  },
  serialize(spec) {
    const out = serializeEntry(spec, { type: 'never', transports: ['stdio', 'http', 'sse'], hostName: 'Gemini CLI' });
    const transport = spec.transport ?? (spec.url !== undefined && spec.command === undefined ? 'http' : 'stdio');
    if (transport === 'http' && out.url !== undefined) {
      const { url, ...rest } = out;
      return { httpUrl: url, ...rest };
    }
    return out;
  },
  installMarkers: (ctx) => [pathLib(ctx.platform).join(ctx.home, '.gemini')],
  restartInstructions: 'Restart `gemini`; `/mcp` lists the servers.',
  sources: ['https://github.com/google-gemini/gemini-cli/blob/main/docs/tools/mcp-server.md', 'https://github.com/google-gemini/gemini-cli/blob/main/packages/cli/src/config/settings.ts'],
});

export const antigravity = defineHost({
  id: 'antigravity',
  binaries: ['agy', 'antigravity'],
  displayName: 'Antigravity (IDE and agy CLI)',
  format: 'json',
  serversPath: ['mcpServers'],
  fields: FIELD_MAPS.serverUrl,
  transports: ['stdio', 'http'],
  writeType: 'never',
  variableSyntax: 'none',
  templateStyle: 'hydrate',
  files(ctx) {
    const lib = pathLib(ctx.platform);
    return [
      { scope: 'user', file: lib.join(ctx.home, '.gemini', 'config', 'mcp_config.json') },
      { scope: 'user', file: lib.join(ctx.home, '.gemini', 'antigravity', 'mcp_config.json') },
    ];
  },
  match: (file) => (endsWithPath(file, '.gemini/config/mcp_config.json') || endsWithPath(file, '.gemini/antigravity/mcp_config.json') ? 'user' : undefined),
  decode: decodeServerUrl,
  installMarkers: (ctx) => [pathLib(ctx.platform).join(ctx.home, '.gemini', 'antigravity'), pathLib(ctx.platform).join(ctx.home, '.gemini', 'config')],
  restartInstructions: 'Refresh the MCP servers in the Antigravity agent panel (or restart `agy`).',
  sources: ['https://developer.mescius.com/mcp/docs/configure-your-ai-client/command-line-clients/google-antigravity-cli', 'https://antigravity.google/docs/get-started'],
});

