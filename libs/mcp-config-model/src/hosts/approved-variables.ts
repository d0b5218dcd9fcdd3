/**
 * Kiro expands `${NAME}` in its MCP files only for variables on its approved list ("Mcp Approved
 * Env Vars", setting `kiroAgent.mcpApprovedEnvVars`); any other reference reaches the server as the
 * literal text (kiro.dev/docs/mcp/security; the Kiro CLI keeps the list in
 * `~/.kiro/settings/cli.json` since v2.4.0). This reads the list where it is kept, so that lint and
 * `status` can say which variables a server will really get.
 *
 * Read from: the Kiro CLI settings `~/.kiro/settings/cli.json` and the Kiro IDE user settings
 * (`<config dir>/Kiro/User/settings.json`, the VS Code layout Kiro is built on). Both are JSON with
 * comments; the key is written flat (`"kiroAgent.mcpApprovedEnvVars": [...]`) or nested.
 */
import * as fs from 'node:fs';
import { parse, type ParseError } from 'jsonc-parser';
import { appDataDir, pathLib, resolvePathContext, type PathContextInput } from './paths';

export const APPROVED_VARIABLES_SETTING = 'kiroAgent.mcpApprovedEnvVars';

export interface ApprovedVariables {
  /** Every approved name found, sorted. */
  variables: string[];
  /** The settings files that hold the setting. */
  files: string[];
}

/** The settings files that may hold Kiro's approved list, for this home, platform and environment. */
export function approvedVariablesFiles(paths: PathContextInput): string[] {
  const ctx = resolvePathContext(paths);
  const lib = pathLib(ctx.platform);
  return [lib.join(ctx.home, '.kiro', 'settings', 'cli.json'), lib.join(appDataDir(ctx), 'Kiro', 'User', 'settings.json')];
}

function listIn(root: unknown): string[] | undefined {
  if (!root || typeof root !== 'object' || Array.isArray(root)) return undefined;
  const o = root as Record<string, unknown>;
  const flat = o[APPROVED_VARIABLES_SETTING];
  const nested = o.kiroAgent && typeof o.kiroAgent === 'object' ? (o.kiroAgent as Record<string, unknown>).mcpApprovedEnvVars : undefined;
  const value = flat ?? nested;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

/**
 * Kiro's approved variables, or undefined when no settings file holds the setting (then nobody
 * can tell: lint reports each variable as a reminder). A file that cannot be read or parsed is
 * skipped (it is Kiro's, not ours to report).
 */
export function readApprovedVariables(paths: PathContextInput): ApprovedVariables | undefined {
  const variables = new Set<string>();
  const files: string[] = [];
  for (const file of approvedVariablesFiles(paths)) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const errors: ParseError[] = [];
    const root = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
    if (errors.length > 0) continue;
    const list = listIn(root);
    if (list === undefined) continue;
    files.push(file);
    for (const v of list) variables.add(v);
  }
  return files.length > 0 ? { variables: [...variables].sort(), files } : undefined;
}
