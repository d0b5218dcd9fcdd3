/** What a host adapter says about one AI host: where its files are and what they look like. */
import type { z } from 'zod';
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
 * How placeholders are written in templates for this host: `native` = `${NAME}`, which the host
 * itself expands; `vscode` = `${input:id}` (or `${env:NAME}`); `hydrate` = `${NAME}`, which the host
 * does not expand, so the file has to be hydrated before use.
 */
export type TemplateStyle = 'native' | 'vscode' | 'hydrate';

export interface HostAdapter {
  id: HostId;
  displayName: string;
  /** Read-only legacy location: detected and reported, never written. */
  legacy: boolean;
  /** The key that holds the servers map. */
  rootKey: 'servers' | 'mcpServers';
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
