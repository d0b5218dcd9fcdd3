/** list: every entry in every file of every host, where one bad file never hides the others. */
import { ConfigParseError, ConfigReadError, ConfigSchemaError, McpConfigError, type ConfigIssue } from './errors';
import { getHost, HOSTS } from './hosts/index';
import { resolvePathContext, type PathContextInput } from './hosts/paths';
import type { HostAdapter, HostFile } from './hosts/types';
import type { HostId, ServerEntry } from './model/schema';
import { parseHostConfig, readConfigText, type FsApi } from './read';

export interface FileReport extends HostFile {
  status: 'ok' | 'missing' | 'error';
  /** Why the file could not be used (status `error`). */
  error?: { code: string; message: string; line?: number; column?: number };
  /** Problems inside a readable file (bad entries, wrong root key, duplicates...). */
  issues: ConfigIssue[];
  /** Number of valid entries read from it. */
  servers: number;
  /**
   * Every host that reads this file, when more than one does (a repo-root `.mcp.json` is read by
   * Claude Code, Copilot CLI and Visual Studio): the file is read once, under the first of them.
   */
  readBy?: HostId[];
}

export interface ListServersResult {
  servers: ServerEntry[];
  files: FileReport[];
}

export interface ListServersOptions extends PathContextInput {
  fs?: Partial<FsApi>;
  maxBytes?: number;
}

/** The candidate files of the given hosts (default: all, legacy locations included). */
export function hostFiles(hosts: readonly (HostId | HostAdapter)[] = HOSTS, options: PathContextInput = {}): HostFile[] {
  const ctx = resolvePathContext(options);
  return hosts.flatMap((h) => getHost(h).files(ctx));
}

/**
 * Read every candidate file of `hosts` for this home / workspace / platform. Missing files are
 * reported as `missing`; unreadable or broken ones as `error` with file:line:column; the entries
 * of all other files are still returned.
 */
export async function listServers(hosts: readonly (HostId | HostAdapter)[] = HOSTS, options: ListServersOptions = {}): Promise<ListServersResult> {
  const ctx = resolvePathContext(options);
  const result: ListServersResult = { servers: [], files: [] };
  const seen = new Map<string, FileReport>();
  const texts = new Map<string, string>();
  for (const hf of hostFiles(hosts, ctx)) {
    const key = ctx.platform === 'linux' ? hf.file : hf.file.toLowerCase();
    const already = seen.get(key);
    if (already) {
      // a shared file: reported once, with every host that reads it; a host that reads other keys
      // in it (Visual Studio's "servers" in .mcp.json) adds the servers under those keys
      already.readBy ??= [already.host];
      if (!already.readBy.includes(hf.host)) already.readBy.push(hf.host);
      const text = texts.get(key);
      const first = getHost(already.host);
      const other = getHost(hf.host);
      if (text !== undefined && other.serversPath.join('\u0000') !== first.serversPath.join('\u0000')) {
        try {
          const doc = parseHostConfig(text, { file: hf.file, host: other, scope: hf.scope, strict: false, home: ctx.home });
          already.servers += doc.servers.length;
          result.servers.push(...doc.servers);
        } catch {
          // the first reader already reported why the file cannot be read
        }
      }
      continue;
    }
    const report: FileReport = { ...hf, status: 'ok', issues: [], servers: 0 };
    seen.set(key, report);
    result.files.push(report);
    let text: string;
    try {
      text = await readConfigText(hf.file, { ...(options.fs ? { fs: options.fs } : {}), ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}) });
    } catch (e) {
      if (e instanceof ConfigReadError && e.errno === 'ENOENT') report.status = 'missing';
      else {
        report.status = 'error';
        report.error = errorSummary(e);
      }
      continue;
    }
    texts.set(key, text);
    try {
      const doc = parseHostConfig(text, { file: hf.file, host: hf.host, scope: hf.scope, strict: false, home: ctx.home });
      report.issues = doc.issues;
      report.servers = doc.servers.length;
      result.servers.push(...doc.servers);
    } catch (e) {
      report.status = 'error';
      report.error = errorSummary(e);
      if (e instanceof ConfigParseError || e instanceof ConfigSchemaError) report.issues = e.issues;
    }
  }
  return result;
}

function errorSummary(e: unknown): FileReport['error'] {
  if (e instanceof ConfigParseError || e instanceof ConfigSchemaError) return { code: e.code, message: e.message, line: e.line, column: e.column };
  if (e instanceof ConfigReadError) return { code: e.code, message: e.message, ...(e.position ?? {}) };
  if (e instanceof McpConfigError) return { code: e.code, message: e.message };
  return { code: 'UNEXPECTED', message: e instanceof Error ? e.message : String(e) };
}
