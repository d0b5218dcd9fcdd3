/** What a host adapter says about one AI host: where its files are and what they look like. */
import type { z } from 'zod';
import type { JsonPath } from '../errors';
import type { HostId, Scope, ServerSpec, Transport } from '../model/schema';
import type { VariableSyntax } from '../model/variables';

export type Platform = 'linux' | 'darwin' | 'win32';
export type Env = Record<string, string | undefined>;

/** Everything a path depends on. Tests pass their own; nothing here reads the real home by itself. */
export interface PathContext {
  home: string;
  /** The project folder, for workspace-scope files. */
  workspace?: string;
  platform: Platform;
  env: Env;
}

/** One config file a host reads (or, for legacy hosts, that is detected and reported). */
export interface HostFile {
  host: HostId;
  scope: Scope;
  file: string;
  legacy: boolean;
}

/**
 * How placeholders are written in templates for this host: `native` = in the host's own syntax
 * (`variableSyntax`: `${NAME}` for Claude Code / Kiro, `${env:NAME}` for Cursor / Amazon Q /
 * Windsurf), which the host itself expands; `vscode` = `${input:id}` (or `${env:NAME}`); `hydrate` =
 * `${NAME}`, which the host does not expand (Codex, Goose, Zed, opencode...), so the file has to be
 * hydrated before use.
 */
export type TemplateStyle = 'native' | 'vscode' | 'hydrate';

/** The syntax of a host's config file. `jsonc` allows comments and trailing commas. */
export type ConfigFormat = 'json' | 'jsonc' | 'toml' | 'yaml';

/**
 * Where each field of the canonical entry (`type`, `command`, `args`, `env`, `url`, `headers`,
 * `envFile`) lives in this host's entry: Goose `cmd` / `envs` / `uri`, Codex `http_headers`,
 * Windsurf `serverUrl`, opencode a `command` array (`[cmd, ...args]`) and `environment`.
 */
export interface FieldMap {
  /** `null`: the host has no transport field. */
  type: string | null;
  command: string;
  /** Ignored when `commandArray` is set (the args are the command array's tail). */
  args: string;
  env: string;
  url: string;
  headers: string;
  envFile?: string;
  /** opencode / Kilo: `command` is an array, `[cmd, ...args]`. */
  commandArray?: boolean;
  /** Transport names this host writes in `type` (default: the canonical `stdio` / `http` / `sse`). */
  typeNames?: Partial<Record<Transport, string>>;
  /** Other `type` spellings the host reads, mapped to the canonical transport. */
  typeAliases?: Record<string, Transport>;
}

export interface HostAdapter {
  id: HostId;
  displayName: string;
  /** Syntax of the file (JSON hosts also say it with `allowsComments` / `allowsTrailingCommas`). */
  format: ConfigFormat;
  /** Path of the servers map (or list) from the root: `['servers']`, `['mcp_servers']`, `['mcp', 'servers']`. */
  serversPath: JsonPath;
  /** `map` (name -> entry, the default) or `list` (Continue: entries with a `name`, matched by it). */
  serversShape?: 'map' | 'list';
  /** Where the canonical fields are in this host's entries (identity for the first six hosts). */
  fields: FieldMap;
  /** Host entry -> canonical entry, when the field map alone cannot say it (Gemini `httpUrl` vs `url`). */
  decode?(raw: Record<string, unknown>): Record<string, unknown>;
  /** Pick the servers path from the file itself (opencode: V2 `mcp.servers` when present, else V1 `mcp`). */
  layout?(root: unknown): JsonPath;
  /** Entries that are not MCP servers awsmcp manages (Goose `builtin` extensions): not read, not reported. */
  skipEntry?(raw: unknown): boolean;
  /** Read-only for another reason than being legacy (an admin's managed file): why. */
  readOnly?: string;
  /** Folders or files whose presence means the host is installed (for `awsmcp hosts`). */
  installMarkers?(ctx: PathContext): string[];
  /** Executables on PATH whose presence means the host is installed (`codex`, `goose`...). */
  binaries?: readonly string[];
  /** Other hosts that read the same files (a repo-root `.mcp.json` is read by several). */
  sharedWith?: readonly HostId[];
  /** Read-only legacy location: detected and reported, never written. */
  legacy: boolean;
  /** The key that holds the servers map (the first segment of `serversPath`). */
  rootKey: string;
  /** Keys read as server maps (legacy locations accept what the copied guidance wrote). */
  readRootKeys: readonly string[];
  /** Root keys other hosts use: seeing one of these instead of `rootKey` is the "wrong root key" mistake. */
  foreignRootKeys: readonly string[];
  /** `//` and block comments allowed (JSONC). */
  allowsComments: boolean;
  allowsTrailingCommas: boolean;
  /** Unknown keys on an entry (`_account`, `disabled`...) are tolerated by the host; the model keeps them either way. */
  toleratesUnknownKeys: boolean;
  /** Entries must say `type`. */
  typeRequired: boolean;
  transports: readonly Transport[];
  variableSyntax: VariableSyntax;
  templateStyle: TemplateStyle;
  /**
   * A host that expands no variables but takes secrets from the environment by name (Codex): the
   * keys that hold env names forwarded to the server (`env_vars`), header -> env name
   * (`env_http_headers`) and the env var holding a bearer token (`bearer_token_env_var`). A template
   * moves secrets there instead of leaving a `${NAME}` the host would pass on literally.
   */
  secretsFromEnv?: { envVars?: string; envHeaders?: string; bearerTokenEnvVar?: string };
  /**
   * Kiro: only variables on an approved list are expanded (others reach the server as the literal
   * text); `setting` names the list and `where` says where it is kept. Lint reports the others.
   */
  variableApproval?: { setting: string; where: string };
  /** Claude Code only: `projects["<abs path>"].mcpServers` in the user file holds local-scope entries. */
  localScopeKey?: 'projects';
  /** Schema of one server entry as this host reads it (unknown keys pass through). */
  entrySchema: z.ZodType;
  /** Candidate files for this context (workspace scope only when `ctx.workspace` is set). */
  files(ctx: PathContext): HostFile[];
  /** The scope of `file` when it is one of this host's files, by its path. */
  match(file: string, home: string): Scope | undefined;
  /** The entry object to write for a spec, in this host's shape. */
  serialize(spec: ServerSpec): Record<string, unknown>;
  /** What a user does so the host picks up a change. */
  restartInstructions: string;
  /** Where the facts above come from (see docs/hosts.md). */
  sources: readonly string[];
  /** For legacy hosts: the host and file that should hold these servers instead. */
  movedTo?: string;
}
