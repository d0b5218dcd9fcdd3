/** The host registry: one adapter per host, and which host a file belongs to. */
import { McpConfigError } from '../errors';
import type { HostId, Scope } from '../model/schema';
import { amazonq } from './amazonq';
import { claudeCode } from './claude-code';
import { claudeDesktop } from './claude-desktop';
import { cursor } from './cursor';
import { kiro } from './kiro';
import { claudeCodeLegacy, vscodeLegacy } from './legacy';
import type { HostAdapter } from './types';
import { vscode } from './vscode';
import { codex, grok } from './codex';
import { goose } from './goose';
import { continueDev, continueJson } from './continue';
import { copilotCli } from './copilot';
import { antigravity, geminiCli } from './gemini';
import { opencode, kilo } from './opencode';
import { cline, clineCli, junie, roo, visualStudio, warp, windsurf, zed } from './editors';
import { amazonqIde, kiroAgents } from './aws-ide';
import { claudeCodeManaged } from './claude-managed';

/** Every adapter, writable hosts first, then the read-only legacy locations. */
export const HOSTS: readonly HostAdapter[] = [
  vscode,
  claudeCode,
  cursor,
  kiro,
  amazonq,
  claudeDesktop,
  copilotCli,
  codex,
  geminiCli,
  antigravity,
  windsurf,
  cline,
  clineCli,
  roo,
  kilo,
  zed,
  opencode,
  goose,
  continueDev,
  continueJson,
  warp,
  visualStudio,
  junie,
  grok,
  amazonqIde,
  kiroAgents,
  claudeCodeManaged,
  vscodeLegacy,
  claudeCodeLegacy,
];

export function getHost(host: HostId | HostAdapter): HostAdapter {
  if (typeof host !== 'string') return host;
  const found = HOSTS.find((h) => h.id === host);
  if (!found) throw new McpConfigError('UNKNOWN_HOST', `unknown host "${host}" (known: ${HOSTS.map((h) => h.id).join(', ')})`);
  return found;
}

const TEMPLATE_SUFFIX = /\.(template|tmpl|example|sample)$/;

/** `.vscode/mcp.json.template` -> `.vscode/mcp.json`. */
export function stripTemplateSuffix(file: string): string {
  return file.replace(TEMPLATE_SUFFIX, '');
}

export interface DetectedHostFile {
  host: HostAdapter;
  scope: Scope;
  /** The name ends in `.template` / `.tmpl` / `.example` / `.sample`: a committed placeholder file. */
  template: boolean;
}

/**
 * Which host reads `file`, and at which scope, from its path alone (a `.template` suffix is looked
 * through). Legacy locations are checked first, so `~/.vscode/mcp.json` is legacy, not workspace.
 */
export function detectHostFile(file: string, home: string): DetectedHostFile | undefined {
  const template = TEMPLATE_SUFFIX.test(file);
  const base = stripTemplateSuffix(file);
  const order = [...HOSTS.filter((h) => h.legacy), ...HOSTS.filter((h) => !h.legacy)];
  for (const host of order) {
    const scope = host.match(base, home);
    if (scope) return { host, scope, template };
  }
  return undefined;
}
