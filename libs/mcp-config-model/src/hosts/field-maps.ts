/**
 * The field maps of the adapters, one row per entry shape: where each canonical field (`type`,
 * `command`, `args`, `env`, `url`, `headers`, `envFile`) lives in a host's entry, and the host's
 * transport names. Adapters name a row (`fields: FIELD_MAPS.serverUrl`) instead of declaring it
 * again. Sources per host in docs/hosts.md.
 */
import { CANONICAL_FIELDS } from './common';
import type { FieldMap } from './types';

/** `streamable-http` for HTTP (Roo Code, Continue). */
const DASHED_HTTP = { stdio: 'stdio', http: 'streamable-http', sse: 'sse' } as const;

export const FIELD_MAPS = {
  /** VS Code, Claude Code, Cursor, Kiro, Amazon Q, Claude Desktop, Warp, Visual Studio, Junie...: as is. */
  canonical: CANONICAL_FIELDS,
  /** Zed: no transport field (stdio = `command`, remote = `url`). */
  untyped: { ...CANONICAL_FIELDS, type: null },
  /** Windsurf, Antigravity: remote `serverUrl`, no transport field. */
  serverUrl: { ...CANONICAL_FIELDS, type: null, url: 'serverUrl' },
  /** Gemini CLI: streamable HTTP in `httpUrl` (`url` is SSE, see its `decode`), no transport field. */
  httpUrl: { ...CANONICAL_FIELDS, type: null, url: 'httpUrl' },
  /** GitHub Copilot CLI: `type: "local"` is stdio. */
  copilot: { ...CANONICAL_FIELDS, typeAliases: { local: 'stdio' } },
  /** Cline (extension and CLI): `type: "streamableHttp"`. */
  cline: { ...CANONICAL_FIELDS, typeNames: { stdio: 'stdio', http: 'streamableHttp', sse: 'sse' } },
  /** Roo Code: `type: "streamable-http"`. */
  roo: { ...CANONICAL_FIELDS, typeNames: DASHED_HTTP },
  /** Continue: `type: streamable-http`, no `envFile`. */
  continue: { type: 'type', command: 'command', args: 'args', env: 'env', url: 'url', headers: 'headers', typeNames: DASHED_HTTP },
  /** Continue's JSON files (copied from Claude, Cursor or Cline): as Claude writes them; Continue's and Cline's HTTP spellings read too. */
  continueJson: { ...CANONICAL_FIELDS, typeAliases: { 'streamable-http': 'http', streamableHttp: 'http' } },
  /** Codex: headers in `http_headers`, no transport field. */
  codex: { type: null, command: 'command', args: 'args', env: 'env', url: 'url', headers: 'http_headers' },
  /** Goose: `cmd`, `envs`, `uri`; `streamable_http`. */
  goose: { type: 'type', command: 'cmd', args: 'args', env: 'envs', url: 'uri', headers: 'headers', typeNames: { stdio: 'stdio', http: 'streamable_http', sse: 'sse' } },
  /** opencode and Kilo: a `command` array `[cmd, ...args]`, `environment`, `type: local | remote`. */
  opencode: { type: 'type', command: 'command', args: 'args', env: 'environment', url: 'url', headers: 'headers', commandArray: true, typeNames: { stdio: 'local', http: 'remote' }, typeAliases: { sse: 'sse' } },
} satisfies Record<string, FieldMap>;

/** Windsurf / Antigravity entry -> canonical: `serverUrl` (or a plain `url`) is the remote URL. */
export function decodeServerUrl(raw: Record<string, unknown>): Record<string, unknown> {
  const { serverUrl, url, ...rest } = raw;
  const u = serverUrl ?? url;
  return u !== undefined ? { ...rest, url: u } : rest;
}
