/** `awsmcp kit`: the starter kits for repositories without Nx, through the same library calls. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classifyProfile, loadProfiles, unattendedProblem } from '@awsmcp/aws-config-parser';
import { addServers, backupRoot, getHost, parseHostConfig, planWrites, resolveWriteTargetSync, toServerSpec, toTemplate, type VsCodeInput } from '@awsmcp/mcp-config-model';
import { defaultTagsPath, readTags } from '@awsmcp/prod-guard';
import { BUILTIN_KITS, budget, buildKit, findServer, readMeasurements, DEFAULT_HOSTS, findKit, KITS_FILE, parseKitsFile, WRITABLE_HOSTS, type Kit, type KitEntry, type KitHost, type KitInstance } from '@awsmcp/starter-kits';
import type { CliContext } from '../context';
import { CliError, EXIT } from '../errors';
import { formatDiff } from '../output/diff';
import { printJson } from '../output/json';
import { style } from '../output/style';
import { confirmGuard, prodConfirmation } from './prod-confirm';
import { scopeJudge, unknownProfileMessage } from './shared';

function userKits(ctx: CliContext): Kit[] {
  const file = path.join(ctx.cwd, KITS_FILE);
  return fs.existsSync(file) ? parseKitsFile(fs.readFileSync(file, 'utf8'), file) : [];
}

/** The workspace file of `host` in the current folder. */
function workspaceFile(ctx: CliContext, host: KitHost): string {
  const f = getHost(host).files({ home: ctx.home, workspace: ctx.cwd, platform: ctx.platform as 'linux', env: ctx.libEnv }).find((x) => x.scope === 'workspace');
  if (!f) throw new CliError(`${getHost(host).displayName} has no workspace-scope file`, EXIT.USAGE, 'pick another host', 'NO_WORKSPACE_FILE');
  return f.file;
}

/** Hosts whose workspace files (or folders) exist here; else VS Code and Claude Code. */
function detectHosts(ctx: CliContext): KitHost[] {
  const found = WRITABLE_HOSTS.filter((h) => {
    try {
      const f = workspaceFile(ctx, h);
      return fs.existsSync(f) || fs.existsSync(f + '.template');
    } catch {
      return false;
    }
  });
  return found.length > 0 ? found : [...DEFAULT_HOSTS];
}

async function ask(ctx: CliContext, question: string): Promise<boolean> {
  return /^y(es)?$/i.test(((await ctx.ask(question)) ?? '').trim());
}

export async function kit(ctx: CliContext, options: Record<string, unknown>, args: string[]): Promise<number> {
  const st = style(ctx);
  const kits = userKits(ctx);
  if (options.list || !args[0]) {
    const all = [...kits, ...BUILTIN_KITS.filter((b) => !kits.some((k) => k.name === b.name))].map((k) => {
      const deprecated = k.servers.flatMap((id) => {
        const s = findServer(id);
        return s && (s.deprecated || s.supersededBy) ? [{ server: id, ...(s.deprecated ? { notice: s.deprecated } : {}), ...(s.supersededBy ? { supersededBy: s.supersededBy } : {}) }] : [];
      });
      return { ...k, ...(deprecated.length > 0 ? { deprecated } : {}) };
    });
    if (ctx.json) printJson(ctx, 'kit', { kits: all });
    else {
      for (const k of all) {
        ctx.out(`${st.bold(k.name.padEnd(16))} ${k.servers.join(', ').padEnd(34)} ${st.dim(k.description)}`);
        for (const d of k.deprecated ?? []) ctx.out(st.yellow(`${''.padEnd(17)}! ${d.server} is deprecated${d.supersededBy ? `: use ${d.supersededBy}` : ''}`));
      }
    }
    return args[0] || options.list ? EXIT.OK : EXIT.USAGE;
  }
  let k: Kit;
  try {
    k = findKit(args[0], kits);
  } catch (e) {
    throw new CliError((e as Error).message, EXIT.USAGE, 'awsmcp kit --list shows them', 'UNKNOWN_KIT');
  }
  const mode = String(options.mode ?? 'concrete');
  if (mode !== 'concrete' && mode !== 'inputs') throw new CliError(`--mode must be concrete or inputs (got '${mode}')`, EXIT.USAGE, undefined, 'USAGE');
  const hosts = options.hosts ? (String(options.hosts).split(',').map((h) => h.trim()).filter(Boolean) as KitHost[]) : detectHosts(ctx);
  for (const h of hosts) {
    if (!(WRITABLE_HOSTS as readonly string[]).includes(h)) throw new CliError(`unknown host '${h}'`, EXIT.USAGE, `expected ${WRITABLE_HOSTS.join(', ')}`, 'UNKNOWN_HOST');
  }
  const profiles = loadProfiles({ env: ctx.libEnv, tolerant: true, platform: ctx.platform });
  const tags = readTags(defaultTagsPath(ctx.libEnv));
  // as the aws CLI: --profile, else AWS_PROFILE; --region, else the profile's region, else AWS_REGION
  const profile = (options.profile as string | undefined) ?? (ctx.env.AWS_PROFILE || undefined);
  const explicitRegion = options.region as string | undefined;
  const region = explicitRegion ?? (profile ? profiles.profiles[profile]?.properties.region : undefined) ?? (ctx.env.AWS_REGION || undefined);
  const accountOf = (p: string) => (profiles.profiles[p] ? classifyProfile(profiles.profiles[p], profiles).accountId : undefined);
  let instances: KitInstance[] | undefined;
  const skippedProfiles: { profile: string; reason: string }[] = [];
  if (options.multiAccount) {
    const tagged = Object.entries(tags.tags).filter(([, env]) => env === 'prod').map(([p]) => p);
    if (tagged.length === 0) throw new CliError(`--multi-account needs prod-tagged profiles in ${tags.file}`, EXIT.USAGE, 'awsmcp discover writes a starter tags file', 'NO_TAGGED_PROFILE');
    // an MCP server cannot answer an MFA prompt or use a broken profile: leave those out, and say why
    const prod = tagged.filter((p) => {
      const why = unattendedProblem(profiles, p);
      if (why) skippedProfiles.push({ profile: p, reason: why });
      return !why;
    });
    if (prod.length === 0) {
      throw new CliError(`--multi-account: none of the prod-tagged profiles can run an MCP server (${skippedProfiles.map((x) => `${x.profile}: ${x.reason}`).join('; ')})`, EXIT.FAILURE, 'fix the profiles, or tag profiles that use SSO or a role without MFA', 'NO_USABLE_PROFILE');
    }
    instances = prod.map((p) => {
      const r = explicitRegion ?? profiles.profiles[p]?.properties.region ?? (ctx.env.AWS_REGION || undefined);
      if (!r) throw new CliError(`profile ${p} has no region`, EXIT.USAGE, 'pass --region or set region in the profile', 'MISSING_REGION');
      const account = accountOf(p);
      return { profile: p, region: r, ...(account && mode === 'concrete' ? { accountId: account } : {}) };
    });
  }
  const checkProfiles = instances ? instances.map((i) => i.profile) : profile ? [profile] : [];
  if (options.validateProfile !== false) {
    for (const p of checkProfiles) {
      if (!Object.prototype.hasOwnProperty.call(profiles.profiles, p)) {
        const { message, hint } = unknownProfileMessage(p, Object.keys(profiles.profiles), profiles.files.config);
        throw new CliError(message, EXIT.USAGE, `${hint}; --no-validate-profile skips this check`, 'UNKNOWN_PROFILE');
      }
    }
  }
  let entries: KitEntry[];
  try {
    // the _account note names the account: only in concrete files, never in a committed template
    const account = profile && mode === 'concrete' ? accountOf(profile) : undefined;
    entries = buildKit(k, { hosts, userKits: kits, ...(instances ? { instances } : { profile, region, ...(account ? { accountId: account } : {}) }) });
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new CliError((e as Error).message, EXIT.USAGE, code === 'MISSING_PROFILE' ? 'pass --profile P' : code === 'MISSING_REGION' ? 'pass --region R' : undefined, code ?? 'KIT_FAILED');
  }
  // budget first
  const b = budget(entries, { measurements: readMeasurements({ env: ctx.env, home: ctx.home }), profile, region });
  if (!ctx.json) {
    ctx.out(st.bold(`${k.name}: context budget`));
    for (const s of b.servers) ctx.out(`  ${s.name.padEnd(24)} ${String(s.tokens).padStart(6)} tokens  ${st.dim(`${s.source}${s.toolCount !== undefined ? `, ${s.toolCount} tools` : ''}`)}`);
    ctx.out(`  ${'total'.padEnd(24)} ${String(b.total).padStart(6)} tokens  ${b.verdict === 'over' ? st.red(`over the ${b.limit} recommendation`) : st.green(`under the ${b.limit} recommendation`)}`);
    if (b.cliFirst.length > 0) {
      ctx.out(st.dim(`  CLI first (${b.cliFirstReason}):`));
      for (const c of b.cliFirst) ctx.out(st.dim(`    ${c}`));
    }
  }
  if (b.verdict === 'over' && !options.yes && !options.dryRun) {
    if (!ctx.canPrompt || ctx.json) throw new CliError(`${k.name} is ${b.total} tokens, over the ${b.limit}-token recommendation`, EXIT.FAILURE, 'pass --yes to write it anyway, or use the CLI commands above', 'OVER_BUDGET');
    if (!(await ask(ctx, `Write ${k.name} anyway (${b.total} tokens)? [y/N] `))) return EXIT.FAILURE;
  }
  if (!ctx.json) for (const x of skippedProfiles) ctx.err(`skipped profile ${x.profile}: ${x.reason}`);
  // prod guard for every entry, in the scope its file really is (a workspace link to a user file is
  // user scope); a terminal asks once per profile
  const confirmation = prodConfirmation();
  const judge = scopeJudge(ctx);
  for (const e of entries) {
    if (!e.profile) continue;
    const scope = judge(workspaceFile(ctx, e.host), 'workspace') as 'workspace';
    await confirmGuard(
      ctx,
      { kind: 'kit', profile: e.profile, server: { name: e.name, command: e.spec.command, args: e.spec.args, env: e.spec.env, scope, host: e.host } },
      { tags, profiles, confirm: options.confirm === true, isTTY: ctx.canPrompt },
      confirmation,
    );
  }
  // per host: concrete specs, or template specs with the host's own variables
  const edits = hosts.map((host) => {
    const hostEntries = entries.filter((e) => e.host === host);
    let specs = hostEntries.map((e) => e.spec);
    let inputs: VsCodeInput[] = [];
    if (mode === 'inputs') {
      const vars: Record<string, string> = {};
      if (profile) vars.AWS_PROFILE = profile;
      if (region) vars.AWS_REGION = region;
      const t = toTemplate(specs, vars, { host });
      specs = parseHostConfig(t.text, { host, file: 'template' }).servers.map(toServerSpec);
      inputs = t.inputs;
    }
    const file = workspaceFile(ctx, host);
    return { host, file, edit: (text: string) => addServers(text, host, specs, { replace: options.replace === true, inputs, file }) };
  });
  // every file planned (read, edited; a dangling link or a read-only file refused) before any is
  // written; then all are written, or, when one fails, the others are restored
  const plan = planWrites(edits.map((e) => ({ file: e.file, update: (text: string) => e.edit(text).text })), { backup: { root: backupRoot({ env: ctx.libEnv, home: ctx.home }) } });
  const committed = options.dryRun ? [] : await plan.commitAll();
  const results = edits.map((e) => {
    const target = resolveWriteTargetSync(e.file);
    const planned = plan.files.find((f) => f.target === target)!;
    const preview = e.edit(planned.before);
    const backup = committed.find((c) => c.target === planned.target)?.backup;
    return { host: e.host, file: e.file, added: preview.added, replaced: preview.replaced, skipped: preview.skipped, unchanged: preview.unchanged, changed: preview.changed, ...(backup ? { backup } : {}), diff: formatDiff(planned.before, preview.text) };
  });
  if (ctx.json) {
    printJson(ctx, 'kit', { kit: k.name, mode, dryRun: options.dryRun === true, budget: b, files: results, ...(skippedProfiles.length ? { skippedProfiles } : {}) });
    return EXIT.OK;
  }
  for (const r of results) {
    const rel = path.relative(ctx.cwd, r.file) || r.file;
    ctx.out('');
    ctx.out(`${st.bold(rel)} ${st.dim(`(${getHost(r.host).displayName})`)}: ${r.added.length ? `added ${r.added.join(', ')}` : 'nothing added'}${r.replaced.length ? `; replaced ${r.replaced.join(', ')}` : ''}${r.skipped.length ? `; kept existing ${r.skipped.join(', ')} (--replace to overwrite)` : ''}`);
    if (options.dryRun) for (const l of r.diff) ctx.out('  ' + (l.startsWith('-') ? st.red(l) : l.startsWith('+') ? st.green(l) : st.dim(l)));
  }
  if (options.dryRun) ctx.out(st.yellow('\ndry run: nothing was written'));
  else if (mode === 'concrete' && results.some((r) => r.changed)) ctx.out(st.dim('\nthese files hold your profile name: keep them out of git (awsmcp status; nx g @awsmcp/nx:template writes the templates and .gitignore lines)'));
  return EXIT.OK;
}
