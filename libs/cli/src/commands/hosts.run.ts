/** `awsmcp hosts [--json]`: the host registry, with what is on this machine. */
import { HOSTS, hostInstallation, listServers, resolvePathContext, type HostAdapter, type HostId, type ServerEntry } from '@awsmcp/mcp-config-model';
import type { CliContext } from '../context';
import { EXIT } from '../errors';
import { printJson } from '../output/json';
import { style } from '../output/style';
import { renderTable } from '../output/table';
import { whichFor } from './targets';

const PLATFORMS = ['linux', 'darwin', 'win32'] as const;

/** An AWS server: it names an AWS profile or region, or runs an awslabs package. */
function isAwsServer(s: ServerEntry): boolean {
  return s.aws.profiles.length > 0 || s.aws.regions.length > 0 || /awslabs|aws-/i.test([s.command ?? '', ...(s.args ?? []), s.url ?? ''].join(' '));
}

/** The files of a host on each OS, with symbolic folders (`~`, `<project>`, `%APPDATA%`...). */
function filesPerOs(host: HostAdapter): Record<(typeof PLATFORMS)[number], { scope: string; file: string }[]> {
  const out = {} as Record<(typeof PLATFORMS)[number], { scope: string; file: string }[]>;
  for (const platform of PLATFORMS) {
    const home = platform === 'win32' ? '%USERPROFILE%' : '~';
    const env = platform === 'win32' ? { APPDATA: '%APPDATA%', LOCALAPPDATA: '%LOCALAPPDATA%' } : {};
    const ctx = resolvePathContext({ home, workspace: '<project>', platform, env });
    out[platform] = host.files(ctx).map((f) => ({ scope: f.scope, file: f.file }));
  }
  return out;
}

export async function hosts(ctx: CliContext): Promise<number> {
  const platform = ctx.platform;
  const here = resolvePathContext({ home: ctx.home, workspace: ctx.cwd, env: ctx.libEnv, platform });
  const listed = await listServers(undefined, { home: ctx.home, workspace: ctx.cwd, env: ctx.libEnv, platform });
  const readersOf = new Map<string, HostId[]>(listed.files.map((f) => [f.file, f.readBy ?? [f.host]]));
  const awsByHost = new Map<HostId, number>();
  for (const s of listed.servers) {
    if (!isAwsServer(s)) continue;
    for (const h of readersOf.get(s.location.file) ?? [s.location.host]) awsByHost.set(h, (awsByHost.get(h) ?? 0) + 1);
  }
  const rows = HOSTS.map((h) => {
    const files = listed.files.filter((f) => f.host === h.id || f.readBy?.includes(h.id));
    const { installed, binary } = hostInstallation(h, here, { which: whichFor(ctx) });
    return {
      id: h.id,
      displayName: h.displayName,
      format: h.format,
      serversPath: h.serversPath,
      ...(h.serversShape === 'list' ? { serversShape: 'list' } : {}),
      legacy: h.legacy,
      readOnly: Boolean(h.readOnly || h.legacy),
      variableSyntax: h.variableSyntax,
      files: filesPerOs(h),
      here: files.map((f) => ({ scope: f.scope, file: f.file, status: f.status, servers: f.servers, ...(f.readBy ? { readBy: f.readBy } : {}) })),
      installed,
      ...(binary ? { binary } : {}),
      awsServers: awsByHost.get(h.id) ?? 0,
      sources: h.sources,
    };
  });
  if (ctx.json) {
    printJson(ctx, 'hosts', { count: rows.length, hosts: rows });
    return EXIT.OK;
  }
  const st = style(ctx);
  for (const line of renderTable(
    rows,
    [
      { header: 'HOST', value: (r) => r.id },
      { header: 'NAME', value: (r) => r.displayName },
      { header: 'FORMAT', value: (r) => r.format },
      { header: 'INSTALLED', value: (r) => (r.installed ? st.green('yes') : st.dim('no')) },
      { header: 'AWS SERVERS', value: (r) => String(r.awsServers), align: 'right' },
      { header: 'FILES HERE', value: (r) => r.here.filter((f) => f.status !== 'missing').map((f) => `${f.file}${f.status === 'error' ? ' (error)' : ''}`).join(', ') || '-' },
    ],
    st.bold,
  ))
    ctx.out(line);
  ctx.out();
  ctx.out(st.dim(`${rows.length} hosts (${rows.filter((r) => r.readOnly).length} read-only). Files per OS: awsmcp hosts --json; facts and sources: docs/hosts.md.`));
  return EXIT.OK;
}
