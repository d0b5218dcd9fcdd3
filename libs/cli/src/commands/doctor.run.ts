/** `awsmcp doctor`: identity, binary, MCP handshake, permissions; stop at the first failure with the fix. */
import { loadProfiles } from '@awsmcp/aws-config-parser';
import { findServer, type CatalogServer } from '@awsmcp/starter-kits';
import type { CliContext } from '../context';
import { CliError, EXIT } from '../errors';
import { regionFor, withSdkFiles } from '../doctor/aws';
import { checkIdentity } from '../doctor/identity';
import { checkBinary, checkMcp } from '../doctor/layers';
import { withInterruptHandler } from '../doctor/process';
import { checkPermissions } from '../doctor/probes';
import { DoctorJsonSchema, LAYERS, type DoctorJson, type DoctorTarget, type Layer, type LayerName } from '../doctor/schema';
import { displayArgs, fromCatalog, fromEntry, hostServers, pickEntry, type RunnableServer } from '../doctor/target';
import { printJson } from '../output/json';
import { progress } from '../output/progress';
import { safe } from '../output/safe';
import { style, visibleWidth } from '../output/style';
import { botocoreDiagnostics, didYouMean, reportDiagnostics } from './shared';

/** Exit code after Ctrl-C (128 + SIGINT), as shells report it. */
export const EXIT_INTERRUPTED = 130;

export function parseTimeout(value: unknown, fallback = 60): number {
  if (value === undefined) return fallback * 1000;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new CliError(`--timeout must be a positive number of seconds, got '${String(value)}'`, EXIT.USAGE, undefined, 'USAGE');
  return Math.round(n * 1000);
}

function skipped(layer: LayerName, summary: string): Layer {
  return layer === 'permissions' ? { layer, status: 'skipped', summary, probes: [], durationMs: 0 } : ({ layer, status: 'skipped', summary, durationMs: 0 } as Layer);
}

export async function doctor(ctx: CliContext, options: Record<string, unknown>, args: string[]): Promise<number> {
  const name = args[0];
  const profileOpt = options.profile as string | undefined;
  const regionOpt = options.region as string | undefined;
  const timeoutMs = parseTimeout(options.timeout);
  if (!name && !profileOpt) {
    throw new CliError('doctor needs a server name or --profile', EXIT.USAGE, 'e.g. `awsmcp doctor eks` or `awsmcp doctor --profile dev-sandbox --probe eks` (`awsmcp status` lists the servers)', 'USAGE');
  }
  const set = loadProfiles({ env: ctx.libEnv, tolerant: true, platform: ctx.platform });
  reportDiagnostics(ctx, [...botocoreDiagnostics(set), ...set.diagnostics]);

  let server: RunnableServer | undefined;
  let also: string[] = [];
  if (name) {
    const entries = await hostServers(ctx, options.host as string | undefined);
    const { entry, others } = pickEntry(entries, name);
    also = others.map((o) => `${o.location.host} ${o.location.scope}: ${o.location.file}`);
    if (entry) server = fromEntry(ctx, entry);
    else {
      const catalog = findServer(name);
      if (!catalog) {
        const names = [...new Set(entries.map((e) => e.name))];
        throw new CliError(
          `no server named '${name}' in the host files${options.host ? ` of ${String(options.host)}` : ''} or the catalog`,
          EXIT.USAGE,
          names.length > 0 ? `${didYouMean(name, names)}servers found: ${names.join(', ')}` : 'no host file with servers was found for this workspace and home (`awsmcp status` shows where it looks)',
          'UNKNOWN_SERVER',
        );
      }
      server = fromCatalog(catalog, profileOpt, regionOpt);
    }
  }

  // the profile: --profile, else the server's own, else the default chain for servers that need AWS
  let profile = profileOpt ?? server?.profile;
  let profileSource = profileOpt ? '--profile' : server?.profileSource;
  if (profile === undefined && server?.catalog?.needsCredentials) {
    profile = ctx.env.AWS_PROFILE || 'default';
    profileSource = ctx.env.AWS_PROFILE ? 'AWS_PROFILE' : 'default';
  }
  const region = profile !== undefined ? regionFor(ctx, set, profile, regionOpt ?? server?.region) : regionOpt ?? server?.region;
  const target: DoctorTarget = {
    kind: server ? 'server' : 'profile',
    ...(server ? { name: server.name, source: server.source } : {}),
    ...(server?.entry ? { host: server.entry.location.host, scope: server.entry.location.scope, file: server.entry.location.file } : {}),
    ...(server?.catalog ? { catalogId: server.catalog.id } : {}),
    ...(server?.command ? { command: server.command, args: displayArgs(server.args) } : {}),
    ...(profile !== undefined ? { profile, ...(profileSource ? { profileSource } : {}) } : {}),
    ...(region ? { region } : {}),
  };

  // the servers whose IAM probe to run
  const probeIds = String(options.probe ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const probeServers: CatalogServer[] = [];
  for (const id of probeIds) {
    const s = findServer(id);
    if (!s) throw new CliError(`--probe: '${id}' is not a catalog server`, EXIT.USAGE, 'catalog ids: eks, cloudwatch, prometheus, iam, aws-api, ...', 'USAGE');
    probeServers.push(s);
  }
  if (server?.catalog && !probeServers.includes(server.catalog)) probeServers.unshift(server.catalog);

  const st = style(ctx);
  if (!ctx.json) {
    const where = server?.entry ? ` (${server.entry.location.host}, ${server.entry.location.scope}: ${server.entry.location.file})` : server ? ' (catalog, pinned command)' : '';
    ctx.out(st.bold(`awsmcp doctor ${safe(server ? server.name : `--profile ${profile}`)}${safe(where)}`));
    if (profile !== undefined) ctx.out(st.dim(`profile ${safe(profile)}${profileSource && profileSource !== '--profile' ? ` (from ${profileSource})` : ''}, region ${region}`));
    for (const a of also) ctx.out(st.dim(`also defined in ${a} (not checked; use --host to pick)`));
  }

  const layers: Layer[] = [];
  const bar = progress(ctx);
  const label = (l: LayerName) => l.padEnd(12);
  const print = (l: Layer) => {
    if (ctx.json) return;
    const raw = l.status === 'ok' ? st.light('green', { green: 'ok' }) : l.status === 'failed' ? st.light('red', { red: 'FAILED' }) : st.dim(ctx.color ? '-' : '- skipped');
    const mark = raw + ' '.repeat(Math.max(0, (ctx.color ? 1 : 9) - visibleWidth(raw)));
    bar.done(`${mark} ${st.bold(label(l.layer))} ${l.status === 'failed' ? st.red(l.summary) : l.status === 'skipped' ? st.dim(l.summary) : l.summary}`);
    if (l.layer === 'identity' && l.status === 'ok' && l.chain) ctx.out(st.dim(`    via ${l.chain.map(safe).join(' -> ')}`));
    if (l.layer === 'mcp' && l.status === 'failed' && l.stderrTail && l.stderrTail.length > 0) {
      ctx.out(st.dim('  server stderr (last lines):'));
      for (const line of l.stderrTail.slice(-8)) ctx.out(`    ${safe(line)}`);
    }
    if (l.layer === 'permissions') {
      for (const p of l.probes) {
        const m = p.status === 'ok' ? st.light('green', { green: 'ok' }) : p.status === 'not-implemented' ? st.dim(ctx.color ? '?' : '? by hand') : st.light('red', { red: p.status });
        const note = p.status === 'ok' ? p.detail : p.message;
        ctx.out(`    ${m} ${p.action}${note ? st.dim(`  ${note}`) : ''}`);
      }
    }
    if (l.status === 'failed' && l.fix) ctx.out(`  ${st.yellow('fix:')} ${l.fix}`);
  };

  let interruptedRun = false;
  await withInterruptHandler(async (interrupted) => {
    interrupted.then(() => (interruptedRun = true), () => undefined);
    const run = async (layer: LayerName, text: string, fn: () => Promise<Layer> | Layer): Promise<boolean> => {
      bar.start(text);
      let result: Layer;
      try {
        result = await fn();
      } catch (e) {
        bar.stop();
        throw e;
      }
      layers.push(result);
      print(result);
      return result.status !== 'failed';
    };

    let credentials: unknown;
    let arn: string | undefined;
    const steps: Array<[LayerName, string, () => Promise<Layer> | Layer]> = [
      [
        'identity',
        `identity: STS GetCallerIdentity as ${profile ?? '-'}`,
        async () => {
          if (profile === undefined) return skipped('identity', 'this server uses no AWS profile');
          const r = await checkIdentity(ctx, set, { profile, region: region!, timeoutMs });
          credentials = r.credentials;
          arn = r.layer.arn;
          return r.layer;
        },
      ],
      [
        'binary',
        `binary: ${server?.command ?? '-'} on PATH`,
        () => {
          if (!server) return skipped('binary', 'no server given (--profile only)');
          if (server.transport !== 'stdio') return skipped('binary', `remote server (${server.transport}): nothing runs locally`);
          return checkBinary(ctx, server);
        },
      ],
      [
        'mcp',
        'mcp: starting the server',
        async () => {
          if (!server) return skipped('mcp', 'no server given (--profile only)');
          if (server.transport !== 'stdio') return skipped('mcp', `remote server (${server.transport}): use the host to check it`);
          const override: Record<string, string> = {};
          if (profileOpt && server.profileSource?.startsWith('env.')) override[server.profileSource.slice(4)] = profileOpt;
          if (profileOpt && server.source === 'catalog' && server.catalog?.profileEnv) override[server.catalog.profileEnv] = profileOpt;
          const { layer } = await checkMcp(ctx, server, { timeoutMs, interrupted, env: override, onStep: (s) => bar.update(`mcp: ${s} (${server!.command})`) });
          return layer;
        },
      ],
      [
        'permissions',
        'permissions: read-only probes',
        async () => {
          if (profile === undefined) return skipped('permissions', 'no AWS profile');
          if (probeServers.length === 0) return skipped('permissions', server ? 'no catalog probe for this server (--probe eks,cloudwatch adds some)' : 'nothing to probe (--probe eks,cloudwatch)');
          return checkPermissions(ctx, { servers: probeServers, target: { profile, region: region! }, credentials, ...(arn ? { arn } : {}), timeoutMs });
        },
      ],
    ];
    // the SDK's own file lookups (SSO and login caches) use the home and files doctor reads
    await withSdkFiles(ctx, async () => {
      for (const [layer, text, fn] of steps) {
        const ok = await run(layer, text, fn);
        if (!ok) break;
      }
    });
    for (const layer of LAYERS) {
      if (!layers.some((l) => l.layer === layer)) {
        const failed = layers.find((l) => l.status === 'failed');
        const s = skipped(layer, `not run: ${failed?.layer ?? 'a previous layer'} failed`);
        layers.push(s);
        print(s);
      }
    }
  });

  const failed = layers.find((l) => l.status === 'failed');
  const report: DoctorJson = {
    schemaVersion: 1,
    command: 'doctor',
    target,
    ok: !failed,
    ...(failed ? { failedLayer: failed.layer } : {}),
    layers,
  };
  if (ctx.json) {
    const { schemaVersion: _v, command: _c, ...data } = DoctorJsonSchema.parse(report);
    printJson(ctx, 'doctor', data);
  } else if (!failed) {
    ctx.out(st.green('all layers passed'));
  }
  if (interruptedRun) return EXIT_INTERRUPTED;
  return failed ? EXIT.FAILURE : EXIT.OK;
}
