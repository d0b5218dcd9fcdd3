// The field-map table (hosts/field-maps.ts) changed no adapter: every host's field map, and the
// Windsurf / Antigravity decode, are what the adapters declared before (values copied from them).
import { getHost, HOSTS } from '../index';
import { CANONICAL_FIELDS } from './common';
import { decodeServerUrl, FIELD_MAPS } from './field-maps';

const BEFORE: [hosts: string[], fields: Record<string, unknown>][] = [
  [["vscode", "claude-code", "cursor", "kiro", "amazonq", "claude-desktop", "warp", "visual-studio", "junie", "grok", "amazonq-ide", "kiro-agents", "claude-code-managed", "vscode-legacy", "claude-code-legacy"], {"args": "args", "command": "command", "env": "env", "envFile": "envFile", "headers": "headers", "type": "type", "url": "url"}],
  [["copilot-cli"], {"args": "args", "command": "command", "env": "env", "envFile": "envFile", "headers": "headers", "type": "type", "typeAliases": {"local": "stdio"}, "url": "url"}],
  [["codex"], {"args": "args", "command": "command", "env": "env", "headers": "http_headers", "type": null, "url": "url"}],
  [["gemini-cli"], {"args": "args", "command": "command", "env": "env", "envFile": "envFile", "headers": "headers", "type": null, "url": "httpUrl"}],
  [["antigravity", "windsurf"], {"args": "args", "command": "command", "env": "env", "envFile": "envFile", "headers": "headers", "type": null, "url": "serverUrl"}],
  [["cline", "cline-cli"], {"args": "args", "command": "command", "env": "env", "envFile": "envFile", "headers": "headers", "type": "type", "typeNames": {"http": "streamableHttp", "sse": "sse", "stdio": "stdio"}, "url": "url"}],
  [["roo"], {"args": "args", "command": "command", "env": "env", "envFile": "envFile", "headers": "headers", "type": "type", "typeNames": {"http": "streamable-http", "sse": "sse", "stdio": "stdio"}, "url": "url"}],
  [["kilo", "opencode"], {"args": "args", "command": "command", "commandArray": true, "env": "environment", "headers": "headers", "type": "type", "typeAliases": {"sse": "sse"}, "typeNames": {"http": "remote", "stdio": "local"}, "url": "url"}],
  [["zed"], {"args": "args", "command": "command", "env": "env", "envFile": "envFile", "headers": "headers", "type": null, "url": "url"}],
  [["goose"], {"args": "args", "command": "cmd", "env": "envs", "headers": "headers", "type": "type", "typeNames": {"http": "streamable_http", "sse": "sse", "stdio": "stdio"}, "url": "uri"}],
  [["continue"], {"args": "args", "command": "command", "env": "env", "headers": "headers", "type": "type", "typeNames": {"http": "streamable-http", "sse": "sse", "stdio": "stdio"}, "url": "url"}],
  // added after the table: Continue's JSON files, as Claude / Cursor / Cline write them
  [["continue-json"], {"args": "args", "command": "command", "env": "env", "envFile": "envFile", "headers": "headers", "type": "type", "typeAliases": {"streamable-http": "http", "streamableHttp": "http"}, "url": "url"}],
];

describe('FIELD_MAPS', () => {
  it('every adapter has the field map it declared before the table', () => {
    const covered = BEFORE.flatMap(([hosts]) => hosts);
    expect([...covered].sort()).toEqual(HOSTS.map((h) => h.id).sort());
    for (const [hosts, fields] of BEFORE) for (const id of hosts) expect({ id, fields: JSON.parse(JSON.stringify(getHost(id as never).fields)) }).toEqual({ id, fields });
  });

  it('the canonical row is the canonical object itself (toCanonical and serialize take a fast path on it)', () => {
    expect(FIELD_MAPS.canonical).toBe(CANONICAL_FIELDS);
    expect(getHost('warp').fields).toBe(CANONICAL_FIELDS);
  });

  it('decodeServerUrl: serverUrl wins over url, either becomes url, other keys kept', () => {
    expect([decodeServerUrl({ serverUrl: 'x', url: 'y', a: 1 }), decodeServerUrl({ url: 'y' }), decodeServerUrl({ command: 'c' }), decodeServerUrl({ serverUrl: 'x' })]).toEqual([{"a": 1, "url": "x"}, {"url": "y"}, {"command": "c"}, {"url": "x"}]);
    expect(getHost('windsurf').decode).toBe(decodeServerUrl);
    expect(getHost('antigravity').decode).toBe(decodeServerUrl);
  });
});
