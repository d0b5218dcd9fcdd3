/** `awsmcp switch`: patch the profile (and region) of MCP servers in host files. */
import { loadProfiles } from '@awsmcp/aws-config-parser';
import { backupRoot, findArgValues, getHost, listServers, patchServers, planWrites, type FileReport, type ServerEntry, type ServerPatch } from '@awsmcp/mcp-config-model';
import { defaultTagsPath, readTags, TAG_ALIASES } from '@awsmcp/prod-guard';
import type { CliContext } from '../context';
import { CliError, EXIT } from '../errors';
import { formatDiff, paintDiff } from '../output/diff';
import { printJson } from '../output/json';
import { style } from '../output/style';
import { confirmGuard, prodConfirmation } from './prod-confirm';
import { didYouMean, refuseOptionLikeProfile, scopeJudge, unknownProfileMessage } from './shared';
import { selectTargets } from './targets';

const PROFILE_VARS = ['AWS_API_MCP_PROFILE_NAME', 'AWS_PROFILE'] as const;

/** The managed AWS MCP Server's endpoint, as mcp-proxy-for-aws takes it (first positional argument). */
const AWS_MCP_ENDPOINT = /^https:\/\/aws-mcp\.([a-z0-9-]+)\.api\.aws\/mcp$/;

/**
 * The endpoint for `region`, by the catalog's rule (the AWS MCP Server has endpoints in some regions
 * only: another region uses the nearest endpoint, while the metadata and env keep the region; a
 * partition without one is a usage error).
 */
function awsMcpEndpoint(region: string): string {
  const { endpointFor, findServer, KitError } = require('@awsmcp/starter-kits') as typeof import('@awsmcp/starter-kits');
  const server = findServer('aws-mcp');
  try {
    return (server && endpointFor(server, region)) ?? `https://aws-mcp.${region}.api.aws/mcp`;
  } catch (e) {
    if (e instanceof KitError) throw new CliError(`--region ${region}: ${e.message}`, EXIT.USAGE, 'pick a region with an AWS MCP Server endpoint', e.code);
    throw e;
  }
}

/** For the proxy: the endpoint and `--metadata AWS_REGION=...` follow the region, as the env does. */
function proxyRegionArgs(args: readonly string[], region: string): Record<string, string> {
  const replace: Record<string, string> = {};
  args.forEach((a, i) => {
    if (AWS_MCP_ENDPOINT.test(a)) replace[a] = awsMcpEndpoint(region);
    // --metadata takes several KEY=VALUE values: the ones after the flag, up to the next flag
    if (a === '--metadata') {
      for (let j = i + 1; j < args.length && !args[j]!.startsWith('-'); j++) if (args[j]!.startsWith('AWS_REGION=')) replace[args[j]!] = `AWS_REGION=${region}`;
    }
  });
  for (const [from, to] of Object.entries(replace)) if (from === to) delete replace[from];
  return replace;
}

/** The patch that points one entry at `profile` / `region`; undefined when the entry is not an AWS server. */
export function patchFor(entry: ServerEntry, profile: string, region: string | undefined): ServerPatch | undefined {
  const env: Record<string, string> = {};
  const setArgs: Record<string, string> = {};
  const setVars = entry.aws.profiles.filter((p) => p.source.startsWith('env.')).map((p) => p.source.slice(4));
  const awsServer = entry.aws.profiles.length > 0 || entry.aws.regions.length > 0 || /awslabs\.|aws-api-mcp/.test([entry.command, ...(entry.args ?? [])].join(' '));
  if (!awsServer) return undefined;
  const vars = setVars.length > 0 ? setVars : /aws-api-mcp-server/.test((entry.args ?? []).join(' ')) ? ['AWS_API_MCP_PROFILE_NAME'] : ['AWS_PROFILE'];
  for (const v of vars) if ((PROFILE_VARS as readonly string[]).includes(v)) env[v] = profile;
  if (entry.aws.profiles.some((p) => p.source === 'arg --profile')) {
    // the server would read a name starting with '-' as an option of its own
    refuseOptionLikeProfile(profile);
    setArgs['--profile'] = profile;
  }
  let replaceArgs: Record<string, string> = {};
  if (region) {
    const regionVars = entry.aws.regions.filter((r) => r.source.startsWith('env.')).map((r) => r.source.slice(4));
    const proxied = (entry.args ?? []).some((a) => AWS_MCP_ENDPOINT.test(a));
    // a proxied remote server: endpoint region, --metadata AWS_REGION and both env variables move together
    const vars = proxied ? [...new Set([...regionVars, 'AWS_REGION', 'AWS_DEFAULT_REGION'])] : regionVars.length > 0 ? regionVars : ['AWS_REGION'];
    for (const v of vars) env[v] = region;
    if (entry.aws.regions.some((r) => r.source === 'arg --region')) setArgs['--region'] = region;
    if (proxied) replaceArgs = proxyRegionArgs(entry.args ?? [], region);
  }
  return { env, ...(Object.keys(setArgs).length > 0 ? { setArgs } : {}), ...(Object.keys(replaceArgs).length > 0 ? { replaceArgs } : {}) };
}

/** The env and args of `entry` after `patch` (as patchServer writes them: the first occurrence of a flag keeps its form; a missing one is appended). */
export function patchedEntry(entry: Pick<ServerEntry, 'env' | 'args'>, patch: ServerPatch): { env: Record<string, string>; args: string[] } {
  const env: Record<string, string> = { ...(entry.env ?? {}) };
  for (const [k, v] of Object.entries(patch.env ?? {})) {
    if (v === null) delete env[k];
    else env[k] = v;
  }
  const args = [...(entry.args ?? [])];
  for (const [flag, value] of Object.entries(patch.setArgs ?? {})) {
    const found = findArgValues(args, flag)[0];
    if (found) args[found.valueIndex] = found.form === 'joined' ? `${flag}=${value}` : value;
    else if (args[args.length - 1] === flag) args.push(value);
    else args.push(flag, value);
  }
  return { env, args };
}

interface FilePlan {
  file: string;
  host: string;
  scope: string;
  project?: string;
  servers: string[];
  skipped: Array<{ server: string; reason: string }>;
}

export async function switchProfile(ctx: CliContext, options: Record<string, unknown>, args: string[]): Promise<number> {
  const st = style(ctx);
  const profiles = loadProfiles({ env: ctx.libEnv, tolerant: true, platform: ctx.platform });
  const tags = readTags(defaultTagsPath(ctx.libEnv));
  let profile = args[0];
  // the tags file's spellings: `production` is `prod`
  const envTag = options.env === undefined ? undefined : (TAG_ALIASES[String(options.env).toLowerCase()] ?? String(options.env));
  if (!profile && !envTag) throw new CliError('which profile? give a profile name or --env TAG', EXIT.USAGE, 'awsmcp switch <profile> [--region R]', 'USAGE');
  if (envTag) {
    const tagged = Object.entries(tags.tags).filter(([, env]) => env === envTag).map(([p]) => p).filter((p) => !profile || p === profile);
    if (tagged.length === 0) {
      const present = [...new Set(Object.values(tags.tags))].sort();
      throw new CliError(`--env '${envTag}': no profile is tagged '${envTag}' in ${tags.file}; ${present.length ? `tagged environments: ${present.join(', ')}` : 'the file tags no profile'}`, EXIT.USAGE, 'tag a profile in that file (awsmcp discover --write-tags writes a starter one)', 'NO_TAGGED_PROFILE');
    }
    if (tagged.length > 1) throw new CliError(`${tagged.length} profiles are tagged '${envTag}': ${tagged.join(', ')}`, EXIT.USAGE, `name one: awsmcp switch <profile> --env ${envTag}`, 'AMBIGUOUS_ENV');
    profile = tagged[0];
  }
  if (!Object.prototype.hasOwnProperty.call(profiles.profiles, profile)) {
    const { message, hint } = unknownProfileMessage(profile, Object.keys(profiles.profiles), profiles.files.config);
    throw new CliError(message, EXIT.USAGE, hint, 'UNKNOWN_PROFILE');
  }
  const region = options.region as string | undefined;
  // --scope / --hosts / --all-hosts through the selector every writing command shares (a host file
  // that exists makes its host count as installed, so by default every existing file is a candidate)
  const targets = selectTargets(ctx, options, { scope: 'workspace' });
  const scope = targets.scope;

  const { servers, files } = await listServers(undefined, { home: ctx.home, workspace: ctx.cwd, env: ctx.libEnv });
  const readers = new Map(files.map((f) => [f.file, f.readBy ?? [f.host]]));
  // a host file that cannot be read or parsed is never skipped silently: its servers may be on prod
  // (in workspace scope that includes Claude Code's user file: it holds the current project's local entry)
  const broken = files.filter((f) => f.status === 'error' && !f.legacy && targets.fileInScope(f) && targets.selects(readers.get(f.file) ?? [f.host]));
  if (broken.length > 0 && options.skipBroken !== true) {
    const first = broken[0]!;
    throw new CliError(
      `${brokenWhere(first)}: ${brokenReason(first)}${broken.length > 1 ? ` (and ${broken.length - 1} more broken host file${broken.length > 2 ? 's' : ''}: ${broken.slice(1).map(brokenWhere).join(', ')})` : ''}`,
      EXIT.FAILURE,
      'fix the file (its servers were not switched), or pass --skip-broken to switch the other files anyway',
      'BROKEN_HOST_FILE',
    );
  }
  for (const b of broken) ctx.err(`${st.yellow('warning')}: skipped ${brokenWhere(b)}: ${brokenReason(b)} (--skip-broken)`);
  const brokenJson = broken.map((b) => ({ file: b.file, ...(b.error?.line !== undefined ? { line: b.error.line, column: b.error.column ?? 1 } : {}), message: brokenReason(b) }));
  // scope by where a file really is: a workspace link to ~/.claude.json is the user-scope file
  const realScope = scopeJudge(ctx);
  // Claude Code local entries: the current project's is in workspace scope too (it takes precedence
  // over the project's .mcp.json), other projects' only in user scope
  const inScope = servers.filter((s) => !s.location.legacy && targets.entryInScope(s.location) && targets.selects(readers.get(s.location.file) ?? [s.location.host]));
  const selected = options.server ? inScope.filter((s) => s.name === options.server) : inScope;
  if (options.server && selected.length === 0) {
    throw new CliError(`no server named '${String(options.server)}' in ${scope} scope host files`, EXIT.USAGE, `${didYouMean(String(options.server), [...new Set(inScope.map((s) => s.name))])}awsmcp status lists the servers${scope === 'workspace' ? '; --scope all looks in user files too' : ''}`, 'UNKNOWN_SERVER');
  }

  // plan per file, then guard every entry before writing anything
  const confirmation = prodConfirmation();
  const plans = new Map<string, FilePlan & { entries: Array<{ entry: ServerEntry; patch: ServerPatch }> }>();
  for (const entry of selected) {
    const key = `${entry.location.file}\u0000${entry.location.project ?? ''}`;
    let plan = plans.get(key);
    if (!plan) {
      plan = { file: entry.location.file, host: entry.location.host, scope: entry.location.scope, ...(entry.location.project ? { project: entry.location.project } : {}), servers: [], skipped: [], entries: [] };
      plans.set(key, plan);
    }
    const templated = [...entry.aws.profiles, ...entry.aws.regions].find((v) => v.refs.length > 0);
    if (templated) {
      plan.skipped.push({ server: entry.name, reason: `uses ${templated.refs[0].text}: a template value, left alone` });
      continue;
    }
    const patch = patchFor(entry, profile, region);
    if (!patch) {
      plan.skipped.push({ server: entry.name, reason: 'not an AWS server' });
      continue;
    }
    const hostScope = realScope(entry.location.file, entry.location.scope);
    // judge the entry as it will be in the file: the new profile, not the old --profile argument
    const landed = patchedEntry(entry, patch);
    await confirmGuard(
      ctx,
      { kind: 'switch', profile, server: { name: entry.name, command: entry.command, args: landed.args, env: landed.env, scope: hostScope as 'workspace', file: entry.location.file, host: entry.location.host } },
      { tags, profiles, confirm: options.confirm === true, isTTY: ctx.canPrompt, allowGlobalProd: options.allowGlobalProd === true },
      confirmation,
    );
    plan.servers.push(entry.name);
    plan.entries.push({ entry, patch });
  }
  if ([...plans.values()].every((p) => p.entries.length === 0)) {
    const skipped = [...plans.values()].flatMap((p) => p.skipped);
    if (ctx.json) printJson(ctx, 'switch', { profile, ...(region ? { region } : {}), dryRun: options.dryRun === true, files: [], skipped, ...(brokenJson.length ? { broken: brokenJson } : {}) });
    else {
      ctx.out(`no AWS MCP server to switch in ${scope} scope${skipped.length ? ':' : ''}`);
      for (const s of skipped) ctx.out(`  ${s.server}: ${s.reason}`);
      if (scope === 'workspace') ctx.out(st.dim('  (--scope user or --scope all to include user-scope files)'));
    }
    return EXIT.OK;
  }

  // every file planned (parsed, edited, guarded above) first, then all written under their locks,
  // or none: a failure part-way restores the files already written
  const active = [...plans.values()].filter((p) => p.entries.length > 0);
  // one entry per (file, project): several projects of ~/.claude.json are edits of the same file
  const writePlan = planWrites(
    active.map((plan) => ({
      file: plan.file,
      update: (text: string) =>
        patchServers(text, plan.entries[0]!.entry.location.host, plan.entries.map(({ entry, patch }) => ({ name: entry.name, patch })), { file: plan.file, ...(plan.project ? { project: plan.project } : {}) }).text,
    })),
    { backup: options.backup === false ? false : { root: backupRoot({ env: ctx.libEnv, home: ctx.home }) } },
  );
  const committed = options.dryRun ? undefined : await writePlan.commitAll();
  const results = active.map((plan, i) => {
    const planned = writePlan.files.find((f) => f.file === plan.file) ?? writePlan.files[i]!;
    const done = committed?.find((c) => c.target === planned.target);
    const before = done?.before ?? planned.before;
    const after = done?.after ?? planned.after;
    const changed = done ? done.changed : planned.changed;
    const backup = done?.backup;
    return { file: plan.file, host: plan.host, scope: plan.scope, ...(plan.project ? { project: plan.project } : {}), servers: plan.servers, skipped: plan.skipped, changed, ...(backup ? { backup } : {}), diff: formatDiff(before, after) };
  });
  const hosts = [...new Set(results.filter((r) => r.changed).map((r) => r.host))];
  const restart = hosts.map((h) => ({ host: h, instructions: getHost(h as never).restartInstructions }));
  if (ctx.json) {
    printJson(ctx, 'switch', { profile, ...(region ? { region } : {}), dryRun: options.dryRun === true, files: results, restart, ...(brokenJson.length ? { broken: brokenJson } : {}) });
    return EXIT.OK;
  }
  for (const r of results) {
    ctx.out(st.bold(`${r.file}`) + st.dim(` (${getHost(r.host as never).displayName}, ${r.scope}${r.project ? `, project ${r.project}` : ''})`));
    if (!r.changed) ctx.out(st.dim(`  already on ${profile}: nothing to change`));
    for (const l of paintDiff(r.diff, st)) ctx.out(l);
    for (const s of r.skipped) ctx.out(st.dim(`  skipped ${s.server}: ${s.reason}`));
    if (r.backup) ctx.out(st.dim(`  backup: ${r.backup}`));
  }
  if (options.dryRun) ctx.out(st.yellow('dry run: nothing was written'));
  else if (restart.length > 0) {
    ctx.out('');
    ctx.out(st.bold('Restart'));
    for (const r of restart) ctx.out(`  ${getHost(r.host as never).displayName}: ${r.instructions}`);
  }
  return EXIT.OK;
}

function brokenWhere(f: FileReport): string {
  return f.error?.line !== undefined ? `${f.file}:${f.error.line}:${f.error.column ?? 1}` : f.file;
}

/** The reason without the file:line:col prefix the library message may already carry. */
function brokenReason(f: FileReport): string {
  const message = f.error?.message ?? 'cannot be read';
  const prefix = /^.*?:\d+:\d+: /.exec(message);
  if (prefix && message.startsWith(f.file)) return message.slice(prefix[0].length);
  return message.startsWith(`${f.file}: `) ? message.slice(f.file.length + 2) : message;
}
