/**
 * `awsmcp remove <server>`: remove one MCP server from every host file (of the selected hosts and
 * scope) that holds it, through the library's `removeServer` (minimal text edit in each format),
 * every file planned first and then written together (`planWrites` / `commitAll`, backups).
 */
import * as fs from 'node:fs';
import {
  backupRoot,
  getHost,
  listServers,
  McpConfigError,
  parseHostConfig,
  planWrites,
  removeServer,
  type FileReport,
  type HostAdapter,
  type HostId,
  type ServerEntry,
} from '@awsmcp/mcp-config-model';
import type { CliContext } from '../context';
import { CliError, EXIT } from '../errors';
import { formatDiff, paintDiff } from '../output/diff';
import { printJson } from '../output/json';
import { style } from '../output/style';
import { didYouMean } from './shared';
import { selectTargets } from './targets';

interface Group {
  file: string;
  host: HostAdapter;
  scope: string;
  project?: string;
  /** Other servers this edit must leave in place (checked on the edited text). */
  others: number;
}

interface Refused {
  file: string;
  host: HostId;
  scope: string;
  reason: string;
}

/** The entries `host` reads from `text` under the map `project` selects (undefined: the top-level map). */
function namesIn(text: string, group: Group): string[] {
  const doc = parseHostConfig(text, { file: group.file, host: group.host, scope: group.scope === 'workspace' ? 'workspace' : 'user', strict: false });
  return doc.servers.filter((s) => (group.project === undefined ? s.location.project === undefined : s.location.project === group.project)).map((s) => s.name);
}

/**
 * Remove `server` from `text` and check the result: it parses, the server is gone, every other
 * server is still there. A format the library cannot edit throws (reported as not supported).
 */
function removeChecked(text: string, group: Group, server: string): string {
  const out = removeServer(text, group.host, server, { file: group.file, ...(group.project !== undefined ? { project: group.project } : {}) }).text;
  if (out === text) return out;
  const left = namesIn(out, group);
  if (left.includes(server) || left.length !== group.others) {
    throw new McpConfigError('REMOVE_UNCHECKED', `the edited file would not read back as expected (${left.includes(server) ? 'the server is still there' : 'other servers changed'})`);
  }
  return out;
}

function where(f: FileReport): string {
  return f.error?.line !== undefined ? `${f.file}:${f.error.line}:${f.error.column ?? 1}` : f.file;
}

export async function removeCommand(ctx: CliContext, options: Record<string, unknown>, args: string[]): Promise<number> {
  const st = style(ctx);
  const server = args[0];
  if (!server) throw new CliError('which server? give its name', EXIT.USAGE, 'awsmcp remove <server> (awsmcp status lists the servers)', 'USAGE');
  const targets = selectTargets(ctx, options, { scope: 'workspace' });
  const { servers, files } = await listServers(undefined, { home: ctx.home, workspace: ctx.cwd, env: ctx.libEnv });
  const readers = new Map(files.map((f) => [f.file, f.readBy ?? [f.host]]));
  // legacy and read-only files are never written, but one holding the server is named with the reason
  const neverWritten = (h: HostId) => Boolean(getHost(h).legacy || getHost(h).readOnly);
  const ofHosts = (s: ServerEntry) => targets.selects(readers.get(s.location.file) ?? [s.location.host]) || (targets.by !== 'hosts' && neverWritten(s.location.host));
  const candidates = servers.filter(ofHosts);
  const named = candidates.filter((s) => s.name === server);
  const matches = named.filter((s) => targets.entryInScope(s.location));
  const elsewhere = named.filter((s) => !targets.entryInScope(s.location));
  const elsewhereJson = elsewhere.map((s) => ({ file: s.location.file, host: s.location.host, scope: s.location.scope, ...(s.location.project ? { project: s.location.project } : {}) }));
  // a file that cannot be read may hold the server: said, never silently passed over
  const broken = files.filter((f) => f.status === 'error' && targets.fileInScope(f) && targets.selects(f.readBy ?? [f.host]));
  for (const b of broken) ctx.err(`${st.yellow('warning')}: ${where(b)}: not searched: ${b.error?.message ?? 'cannot be read'}`);
  const brokenJson = broken.map((b) => ({ file: b.file, ...(b.error?.line !== undefined ? { line: b.error.line, column: b.error.column ?? 1 } : {}), message: b.error?.message ?? 'cannot be read' }));

  if (matches.length === 0) {
    if (elsewhere.length > 0) {
      const list = [...new Set(elsewhere.map((s) => `${s.location.file} (${s.location.scope}${s.location.project ? `, project ${s.location.project}` : ''})`))].join(', ');
      throw new CliError(
        `no server named '${server}' in ${targets.scope} scope host files; it is in ${list}`,
        EXIT.USAGE,
        `--scope ${elsewhere.every((s) => s.location.scope !== 'workspace') ? 'user' : 'workspace'} or --scope all removes it there`,
        'UNKNOWN_SERVER',
      );
    }
    const scopeNote = targets.scope !== 'all' ? '; --scope all looks in every file' : '';
    throw new CliError(
      `no server named '${server}' in the host files${targets.by === 'hosts' ? ` of ${targets.hosts.map((h) => h.id).join(', ')}` : ''}`,
      EXIT.USAGE,
      `${didYouMean(server, [...new Set(candidates.map((s) => s.name))])}awsmcp status lists the servers${scopeNote}`,
      'UNKNOWN_SERVER',
    );
  }

  // group by the edit: one per (file, host map, project); refuse legacy and read-only files
  const refused: Refused[] = [];
  const groups = new Map<string, Group>();
  for (const s of matches) {
    const host = getHost(s.location.host);
    if (host.legacy || host.readOnly) {
      const reason = host.legacy
        ? `a legacy location ${host.displayName} does not read: awsmcp never writes it (remove the entry by hand${host.movedTo ? `; servers belong in ${host.movedTo}` : ''})`
        : `read-only: ${host.readOnly}`;
      if (!refused.some((r) => r.file === s.location.file && r.host === host.id)) refused.push({ file: s.location.file, host: host.id, scope: s.location.scope, reason });
      continue;
    }
    const key = `${s.location.file}\u0000${host.id}\u0000${s.location.project ?? ''}`;
    if (!groups.has(key)) {
      const same = servers.filter((o) => o.location.file === s.location.file && o.location.host === host.id && o.location.project === s.location.project);
      groups.set(key, { file: s.location.file, host, scope: s.location.scope, ...(s.location.project !== undefined ? { project: s.location.project } : {}), others: same.filter((o) => o.name !== server).length });
    }
  }

  // try each edit now: a format or layout the library cannot edit is reported, never half-done
  const unsupported: Refused[] = [];
  const ready: Group[] = [];
  for (const g of groups.values()) {
    try {
      removeChecked(fs.readFileSync(g.file, 'utf8'), g, server);
      ready.push(g);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      unsupported.push({ file: g.file, host: g.host.id, scope: g.scope, reason: `not supported: ${message.startsWith(g.file) ? message.slice(g.file.length).replace(/^[:\s]+/, '') : message}` });
    }
  }

  const writePlan = planWrites(
    ready.map((g) => ({ file: g.file, update: (text: string) => removeChecked(text, g, server) })),
    { backup: options.backup === false ? false : { root: backupRoot({ env: ctx.libEnv, home: ctx.home }) } },
  );
  const committed = options.dryRun || ready.length === 0 ? undefined : await writePlan.commitAll();
  const seen = new Set<string>();
  const results = ready.flatMap((g) => {
    // several edits of one file (two projects of ~/.claude.json) are one write: shown once
    const planned = writePlan.files.find((f) => f.file === g.file);
    if (!planned || seen.has(planned.target)) return [];
    seen.add(planned.target);
    const done = committed?.find((c) => c.target === planned.target);
    const before = done?.before ?? planned.before;
    const after = done?.after ?? planned.after;
    const projects = ready.filter((o) => o.file === g.file && o.project !== undefined).map((o) => o.project!);
    return [{ file: g.file, host: g.host.id, scope: g.scope, ...(projects.length ? { projects } : {}), changed: done ? done.changed : planned.changed, ...(done?.backup ? { backup: done.backup } : {}), diff: formatDiff(before, after) }];
  });
  const restart = [...new Set(results.filter((r) => r.changed).map((r) => r.host))].map((h) => ({ host: h, instructions: getHost(h).restartInstructions }));

  if (ctx.json) {
    printJson(ctx, 'remove', {
      server,
      scope: targets.scope,
      dryRun: options.dryRun === true,
      files: results,
      ...(refused.length ? { refused } : {}),
      ...(unsupported.length ? { unsupported } : {}),
      ...(elsewhereJson.length ? { otherScopes: elsewhereJson } : {}),
      ...(brokenJson.length ? { broken: brokenJson } : {}),
      restart,
    });
    return results.length === 0 ? EXIT.FAILURE : EXIT.OK;
  }
  for (const r of results) {
    ctx.out(st.bold(r.file) + st.dim(` (${getHost(r.host).displayName}, ${r.scope}${r.projects ? `, project ${r.projects.join(', ')}` : ''})`));
    for (const l of paintDiff(r.diff, st)) ctx.out(l);
    if (r.backup) ctx.out(st.dim(`  backup: ${r.backup}`));
  }
  for (const r of [...refused, ...unsupported]) ctx.out(`${st.yellow('left alone')} ${r.file} (${getHost(r.host).displayName}): ${r.reason}`);
  if (elsewhere.length > 0) ctx.out(st.dim(`also in ${elsewhere.length} entr${elsewhere.length > 1 ? 'ies' : 'y'} outside ${targets.scope} scope, not touched: ${[...new Set(elsewhere.map((s) => s.location.file))].join(', ')} (--scope all removes ${elsewhere.length > 1 ? 'them' : 'it'} too)`));
  if (results.length === 0) {
    ctx.err(`awsmcp: '${server}' was not removed: every file that holds it was left alone (above)`);
    return EXIT.FAILURE;
  }
  if (options.dryRun) ctx.out(st.yellow('dry run: nothing was written'));
  else if (restart.length > 0) {
    ctx.out('');
    ctx.out(st.bold('Restart'));
    for (const r of restart) ctx.out(`  ${getHost(r.host).displayName}: ${r.instructions}`);
  }
  return EXIT.OK;
}
