/**
 * `awsmcp hydrate`: template -> real host file, refusing to clobber local edits. Fills only the
 * variables the template may have filled (AWS profile and region variables, its `_hydrate` list,
 * `--var` / `--set` names), never a secret name, and runs the prod guard on every profile that lands.
 * Every template is planned (hydrated, validated, guarded) before any file is written.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadProfiles } from '@awsmcp/aws-config-parser';
import { backupRoot, detectHostFile, getHost, hydrate, HydrateError, hydrationPlan, HOSTS, isProfileVariable, isTemplateSecretName, parseHostConfig, safeUpdateFileSync, writeConfigFile, type HostAdapter, type HostId, type HydrationPlan } from '@awsmcp/mcp-config-model';
import { defaultTagsPath, readTags } from '@awsmcp/prod-guard';
import { awsmcpCacheDir } from '../cache-dir';
import type { CliContext } from '../context';
import { CliError, EXIT } from '../errors';
import { formatDiff, paintDiff } from '../output/diff';
import { printJson } from '../output/json';
import { style } from '../output/style';
import { confirmGuard, prodConfirmation } from './prod-confirm';
import { unknownProfileMessage } from './shared';
import { notInstalledNote, parseHostList, selectTargets, type Targets } from './targets';

const TEMPLATE = /\.(template|tmpl|example|sample)$/;
const VAR_NAME = /^[A-Z_][A-Z0-9_]*$/;

/** Where the hash of each file this command wrote is kept, to tell hand edits from our own output. */
function recordFile(ctx: CliContext): string {
  return path.join(awsmcpCacheDir(ctx), 'hydrated.json');
}

function readRecords(file: string): Record<string, string> {
  try {
    return parseRecords(fs.readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}

function parseRecords(text: string): Record<string, string> {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Template files of the selected hosts and scope (default: workspace files of installed hosts):
 * each host file with a template suffix; templates of hosts not installed here are left out and
 * returned as `skipped`. With `only` (--host), that host's templates alone.
 */
function findTemplates(ctx: CliContext, targets: Targets, only?: HostAdapter): { found: string[]; skipped: HostId[] } {
  // template file -> the hosts that read its target (a repo-root .mcp.json has several)
  const readers = new Map<string, HostId[]>();
  // --host: only that host's templates (named on purpose: taken whether installed or not)
  for (const host of only ? [only] : HOSTS) {
    if (host.legacy || host.readOnly) continue;
    for (const f of host.files({ home: ctx.home, workspace: ctx.cwd, platform: ctx.platform as 'linux', env: ctx.libEnv })) {
      if (!targets.inScope(f.scope)) continue;
      for (const suffix of ['.template', '.tmpl', '.example', '.sample']) {
        if (fs.existsSync(f.file + suffix)) readers.set(f.file + suffix, [...(readers.get(f.file + suffix) ?? []), host.id]);
      }
    }
  }
  const found: string[] = [];
  const skipped = new Set<HostId>();
  for (const [template, hosts] of readers) {
    if (targets.selects(hosts)) found.push(template);
    else for (const h of hosts) skipped.add(h);
  }
  return { found, skipped: [...skipped] };
}

/** `--host`: one host id, checked by the selector's host-list rule (usage error with the valid ids). */
function hostOption(value: unknown): HostAdapter {
  const ids = parseHostList(value, '--host')!;
  if (ids.length > 1) throw new CliError(`--host takes one host (got ${ids.join(', ')})`, EXIT.USAGE, '--hosts a,b selects several hosts\' templates', 'USAGE');
  return getHost(ids[0]!);
}

export async function hydrateCommand(ctx: CliContext, options: Record<string, unknown>): Promise<number> {
  const st = style(ctx);
  // --scope / --hosts / --all-hosts: the selector every writing command shares; a named --template is hydrated as asked
  const targets = selectTargets(ctx, options, { scope: 'workspace' });
  const only = options.host === undefined ? undefined : hostOption(options.host);
  const chosen = options.template ? { found: [path.resolve(ctx.cwd, String(options.template))], skipped: [] as HostId[] } : findTemplates(ctx, only ? { ...targets, selects: () => true } : targets, only);
  const templates = chosen.found;
  const skippedNote = notInstalledNote(targets, chosen.skipped);
  if (templates.length === 0 && skippedNote) {
    if (ctx.json) printJson(ctx, 'hydrate', { files: [], notInstalled: chosen.skipped });
    else ctx.out(`nothing hydrated: the templates here are for hosts not installed here; ${skippedNote.replace(/^skipped \(not installed here\): /, '')}`);
    return EXIT.OK;
  }
  if (templates.length === 0) {
    throw new CliError(`no MCP config template in ${ctx.cwd}${targets.scope !== 'workspace' ? ` (scope ${targets.scope})` : ''}`, EXIT.USAGE, 'expected e.g. .vscode/mcp.json.template (nx g @awsmcp/nx:template writes them), or pass --template FILE', 'NO_TEMPLATE');
  }
  const values: Record<string, string> = {};
  const profile = (options.profile as string | undefined) ?? ctx.env.AWS_PROFILE;
  const region = (options.region as string | undefined) ?? ctx.env.AWS_REGION;
  const setNames: string[] = [];
  for (const pair of (options.set as string[] | undefined) ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new CliError(`--set needs NAME=VALUE (got '${pair.slice(0, Math.max(eq, 0)) || '...'}')`, EXIT.USAGE, undefined, 'USAGE');
    const name = pair.slice(0, eq);
    if (!VAR_NAME.test(name)) throw new CliError(`--set ${name}: expected an UPPER_SNAKE_CASE variable name`, EXIT.USAGE, undefined, 'USAGE');
    values[name] = pair.slice(eq + 1);
    setNames.push(name);
  }
  const declaredByFlag = ((options.var as string[] | undefined) ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  for (const name of declaredByFlag) if (!VAR_NAME.test(name)) throw new CliError(`--var ${name}: expected an UPPER_SNAKE_CASE variable name`, EXIT.USAGE, undefined, 'USAGE');
  const secretAsked = [...new Set([...setNames, ...declaredByFlag].filter((n) => isTemplateSecretName(n)))];
  if (secretAsked.length > 0) {
    throw new CliError(
      `${secretAsked.join(', ')} ${secretAsked.length > 1 ? 'are secrets' : 'is a secret'}; hydrate never writes a secret into a file`,
      EXIT.USAGE,
      `leave \${${secretAsked[0]}} in the template for the host to read from your environment at start (or use its own secret input)`,
      'SECRET_NOT_HYDRATED',
    );
  }
  const profiles = loadProfiles({ env: ctx.libEnv, tolerant: true, platform: ctx.platform });
  if (profile) {
    values.AWS_PROFILE ??= profile;
    values.AWS_API_MCP_PROFILE_NAME ??= profile;
    if (!Object.prototype.hasOwnProperty.call(profiles.profiles, profile)) {
      const { message, hint } = unknownProfileMessage(profile, Object.keys(profiles.profiles), profiles.files.config);
      throw new CliError(message, EXIT.USAGE, hint, 'UNKNOWN_PROFILE');
    }
  }
  if (region) {
    values.AWS_REGION ??= region;
    values.AWS_DEFAULT_REGION ??= region;
  }
  const tags = readTags(defaultTagsPath(ctx.libEnv));
  const confirmation = prodConfirmation();

  // plan every file first (hydrate, validate, guard, local-edit check); write only when all passed
  const records = readRecords(recordFile(ctx));
  const mine: Record<string, string> = {};
  const planned = [];
  for (const template of templates) {
    const rel = path.relative(ctx.cwd, template) || template;
    const target = template.replace(TEMPLATE, '');
    if (target === template) throw new CliError(`${template} is not a template (expected a .template suffix)`, EXIT.USAGE, undefined, 'NOT_A_TEMPLATE');
    const host: HostAdapter | undefined = only ?? detectHostFile(template, ctx.home)?.host;
    if (!host) throw new CliError(`cannot tell which host reads ${target}`, EXIT.USAGE, `pass --host ${HOSTS.filter((h) => !h.legacy && !h.readOnly).map((h) => h.id).join('|')}`, 'UNKNOWN_HOST');
    const text = fs.readFileSync(template, 'utf8');
    let plan: HydrationPlan;
    try {
      plan = hydrationPlan(text, [...declaredByFlag, ...setNames], rel, host);
    } catch (e) {
      // a TOML / YAML template that does not parse: file:line:col and what was expected
      if (e instanceof HydrateError && e.issues.length > 0) throw new CliError(e.message, EXIT.FAILURE, undefined, 'HYDRATE_FAILED');
      if (e instanceof HydrateError) throw new CliError(e.message, EXIT.FAILURE, 'remove the secret from the template; the host reads it from the environment at start', 'SECRET_NOT_HYDRATED');
      throw e;
    }
    // values for the variables this template may fill: flags first, then the environment
    const local: Record<string, string> = {};
    for (const name of plan.fill) {
      const v = values[name] ?? ctx.env[name];
      if (v !== undefined) local[name] = v;
    }
    let out: string;
    try {
      out = hydrate(text, local, host, { file: target, variables: plan.fill });
    } catch (e) {
      if (e instanceof HydrateError) {
        const missing = e.missing;
        const flags = missing.map((n) => (n === 'AWS_PROFILE' ? '--profile P' : n === 'AWS_REGION' ? '--region R' : `--set ${n}=...`));
        const message = e.message.replace(/: nothing was written$/, `: nothing was written${planned.length ? ' (no template was hydrated)' : ''}`);
        throw new CliError(`${rel}: ${message}`, EXIT.USAGE, missing.length ? `pass ${[...new Set(flags)].join(' ')} (or set the variables in the environment)` : undefined, 'HYDRATE_FAILED');
      }
      throw e;
    }
    // the prod guard on every profile that lands in the file: AWS_PROFILE / AWS_API_MCP_PROFILE_NAME /
    // --profile of each server (from a flag, a default, a literal or another variable), and every
    // other profile-valued variable filled
    const scope = detectHostFile(target, ctx.home)?.scope ?? 'workspace';
    const hostScope = scope === 'workspace' ? 'workspace' : scope === 'local' ? 'local' : 'user';
    const servers = parseHostConfig(out, { file: target, host, strict: false, home: ctx.home }).servers;
    for (const s of servers) {
      const server = { name: s.name, command: s.command, args: s.args, env: s.env, scope: hostScope as 'workspace' | 'user' | 'local', file: target, host: host.id };
      const extra = Object.entries(s.env ?? {}).filter(([k, v]) => isProfileVariable(k) && k !== 'AWS_PROFILE' && k !== 'AWS_API_MCP_PROFILE_NAME' && v.trim() !== '' && !/\$\{/.test(v));
      await confirmGuard(ctx, { kind: 'hydrate', server }, { tags, profiles, confirm: options.confirm === true, isTTY: ctx.canPrompt }, confirmation);
      for (const [, v] of extra) await confirmGuard(ctx, { kind: 'hydrate', profile: v, server }, { tags, profiles, confirm: options.confirm === true, isTTY: ctx.canPrompt }, confirmation);
    }
    for (const name of plan.fill) {
      if (!isProfileVariable(name) || local[name] === undefined) continue;
      if (!plan.placeholders.includes(name)) continue;
      await confirmGuard(ctx, { kind: 'hydrate', profile: local[name], scope: hostScope as 'workspace' | 'user' | 'local' }, { tags, profiles, confirm: options.confirm === true, isTTY: ctx.canPrompt }, confirmation);
    }
    const existing = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
    const handEdited = existing !== undefined && existing !== out && records[target] !== sha(existing);
    if (handEdited && !options.force) {
      throw new CliError(
        `${path.relative(ctx.cwd, target)} has changes that did not come from its template (edited by hand, or written by another tool)${planned.length || templates.length > 1 ? ': no template was hydrated' : ''}`,
        EXIT.FAILURE,
        `keep them by moving them into ${path.basename(template)}, or overwrite with --force (a .bak copy is kept)`,
        'LOCAL_CHANGES',
      );
    }
    planned.push({ template, target, host, text, out, existing, plan });
  }

  const results = [];
  for (const p of planned) {
    const written = await writeConfigFile(p.target, p.out, { backup: p.existing !== undefined && p.existing !== p.out ? { root: backupRoot({ env: ctx.libEnv, home: ctx.home }) } : false });
    records[p.target] = sha(p.out);
    mine[p.target] = records[p.target];
    results.push({
      template: p.template,
      file: p.target,
      host: p.host.id,
      changed: written.changed,
      ...(written.backup ? { backup: written.backup } : {}),
      variables: p.plan.placeholders,
      ...(p.plan.left.length ? { left: p.plan.left } : {}),
      diff: p.existing !== undefined ? formatDiff(p.existing, p.out) : [],
    });
  }
  // merged under the lock (two hydrates at once keep both records), atomic, 0600
  safeUpdateFileSync(recordFile(ctx), (text) => JSON.stringify({ ...parseRecords(text), ...mine }, null, 2) + '\n');

  if (ctx.json) {
    printJson(ctx, 'hydrate', { files: results.map(({ diff: _diff, ...r }) => r), ...(chosen.skipped.length ? { notInstalled: chosen.skipped } : {}) });
    return EXIT.OK;
  }
  if (skippedNote) ctx.out(st.dim(skippedNote));
  for (const r of results) {
    const rel = path.relative(ctx.cwd, r.file) || r.file;
    ctx.out(`${r.changed ? st.green('wrote') : st.dim('unchanged')} ${rel} ${st.dim(`(${getHost(r.host).displayName}, from ${path.basename(r.template)}; ${r.variables.join(', ') || 'no placeholders'})`)}`);
    for (const l of paintDiff(r.diff, st)) ctx.out(l);
    if (r.left) ctx.out(st.dim(`  left for the host to read from the environment: ${r.left.join(', ')}`));
    if (r.backup) ctx.out(st.dim(`  backup: ${r.backup}`));
  }
  return EXIT.OK;
}
