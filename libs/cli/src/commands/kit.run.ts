/** `awsmcp kit`: the starter kits for repositories without Nx, through the same library calls. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadProfiles } from '@awsmcp/aws-config-parser';
import { backupRoot, getHost, installedHostIds, planWrites, readApprovedVariables, readConfigText, resolveWriteTargetSync } from '@awsmcp/mcp-config-model';
import { defaultTagsPath, ProdGuardError, readTags } from '@awsmcp/prod-guard';
import { BUILTIN_KITS, findServer, hostEvidencePaths, KitError, KITS_FILE, kitUserFile, kitWorkspaceFile, parseKitsFile, planKit, readMeasurements, WORKSPACE_KIT_HOSTS, WRITABLE_HOSTS, type Kit, type KitPlan, type PlanKitInput } from '@awsmcp/starter-kits';
import type { CliContext } from '../context';
import { CliError, EXIT } from '../errors';
import { formatDiff, paintDiff } from '../output/diff';
import { printJson } from '../output/json';
import { style } from '../output/style';
import { scopeJudge } from './shared';
import { whichFor } from './targets';

function userKits(ctx: CliContext): Kit[] {
  const file = path.join(ctx.cwd, KITS_FILE);
  try {
    return fs.existsSync(file) ? parseKitsFile(fs.readFileSync(file, 'utf8'), file) : [];
  } catch (e) {
    // a typo in the workspace's kits file is bad input (exit 2), named at file:line:column
    if (e instanceof KitError) throw new CliError(e.message, EXIT.USAGE, e.hint ?? `fix ${KITS_FILE}`, e.code);
    throw e;
  }
}

/** `~/x` for a file under the home folder (user-scope files), else the path as given. */
function homeRelative(ctx: CliContext, file: string): string {
  const rel = path.relative(ctx.home, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? `~/${rel.split(path.sep).join('/')}` : file;
}

/** planKit, its bad-input errors as usage errors (exit 2) with the hint. */
function plan(input: PlanKitInput): KitPlan {
  try {
    return planKit(input);
  } catch (e) {
    if (!(e instanceof KitError)) throw e;
    const hint = e.code === 'UNKNOWN_KIT' ? 'awsmcp kit --list shows them' : e.hint;
    const exit = e.code === 'NO_USABLE_PROFILE' || e.code === 'TEMPLATE_LEAK' ? EXIT.FAILURE : EXIT.USAGE;
    throw new CliError(e.message, exit, hint, e.code);
  }
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
      // what a server does that the user should know before choosing (kits write --read-only where a server has it)
      const caveats = k.servers.flatMap((id) => (findServer(id)?.caveats ?? []).filter((c) => !c.whenArg || c.whenArg === '--read-only').map((c) => ({ server: id, severity: c.severity, message: c.message, ...(c.fix ? { fix: c.fix } : {}) })));
      return { ...k, ...(deprecated.length > 0 ? { deprecated } : {}), ...(caveats.length > 0 ? { caveats } : {}) };
    });
    if (ctx.json) printJson(ctx, 'kit', { kits: all });
    else {
      for (const k of all) {
        ctx.out(`${st.bold(k.name.padEnd(16))} ${k.servers.join(', ').padEnd(34)} ${st.dim(k.description)}`);
        for (const d of k.deprecated ?? []) ctx.out(st.yellow(`${''.padEnd(17)}! ${d.server} is deprecated${d.supersededBy ? `: use ${d.supersededBy}` : ''}`));
        for (const c of k.caveats ?? []) ctx.out(st.dim(`${''.padEnd(17)}! ${c.server}: ${c.message}`));
      }
    }
    return args[0] || options.list ? EXIT.OK : EXIT.USAGE;
  }
  if (options.mode !== undefined && options.mode !== 'concrete' && options.mode !== 'inputs') {
    throw new CliError(`--mode must be concrete or inputs (got '${String(options.mode)}')`, EXIT.USAGE, undefined, 'USAGE');
  }
  const scope = options.scope === undefined ? 'workspace' : String(options.scope);
  if (scope !== 'workspace' && scope !== 'user') {
    throw new CliError(
      `--scope must be workspace or user for a kit (got '${scope}')`,
      EXIT.USAGE,
      scope === 'all' ? 'a kit is added in one scope (a server in both files is loaded twice by some hosts): run it once per scope' : 'workspace: the project\'s files (default); user: your own files, for every project',
      'USAGE',
    );
  }
  const userScope = scope === 'user';
  const paths = { home: ctx.home, workspace: ctx.cwd, env: ctx.libEnv, platform: ctx.platform };
  const base: PlanKitInput = {
    kit: args[0],
    userKits: kits,
    mode: String(options.mode ?? 'concrete'),
    ...(options.hosts ? { hosts: String(options.hosts) } : {}),
    scope,
    paths,
    existing: hostEvidencePaths().filter((p) => fs.existsSync(path.join(ctx.cwd, p))),
    // a host found only by its folder counts when it is installed here (one rule: installedHostIds);
    // in user scope, the installed hosts are the ones written
    ...(options.hosts ? {} : { installed: installedHostIds(paths, { which: whichFor(ctx) }, userScope ? WRITABLE_HOSTS : WORKSPACE_KIT_HOSTS) }),
    ...(options.allowGlobalProd === true ? { allowGlobalProd: true } : {}),
    ...(() => {
      const approved = readApprovedVariables(paths);
      return approved ? { approvedVariables: approved.variables } : {};
    })(),
    ...(options.profile !== undefined ? { profile: String(options.profile) } : {}),
    ...(options.region !== undefined ? { region: String(options.region) } : {}),
    multiAccount: options.multiAccount === true,
    env: ctx.env,
    profiles: loadProfiles({ env: ctx.libEnv, tolerant: true, platform: ctx.platform }),
    tags: readTags(defaultTagsPath(ctx.libEnv)),
    files: {},
    scopes: {},
    workspaceRoot: ctx.cwd,
    home: ctx.home,
    measurements: readMeasurements({ env: ctx.env, home: ctx.home }),
    replace: options.replace === true,
    yes: options.yes === true || options.dryRun === true,
    confirm: options.confirm === true,
    isTTY: ctx.canPrompt && !ctx.json,
    validateProfile: options.validateProfile !== false,
    action: 'kit',
  };
  // the host files as they are now (a workspace file linked to a user file is user scope)
  const judge = scopeJudge(ctx);
  if (userScope) {
    for (const abs of new Set(WRITABLE_HOSTS.map((h) => kitUserFile(h, paths)).filter((f): f is string => f !== undefined))) {
      if (fs.existsSync(abs)) (base.files as Record<string, string>)[abs] = await readConfigText(abs);
    }
  } else {
    for (const rel of WORKSPACE_KIT_HOSTS.map((h) => kitWorkspaceFile(h)!)) {
      const abs = path.join(ctx.cwd, rel);
      // read as safe-write reads it (strict UTF-8, clear errors), so the plan's `before` is what it replaces
      if (fs.existsSync(abs)) (base.files as Record<string, string>)[rel] = await readConfigText(abs);
      if (judge(abs, 'workspace') === 'user') (base.scopes as Record<string, 'user'>)[rel] = 'user';
    }
  }
  let p = plan(base);
  const k = p.kit;
  const mode = p.mode;
  const b = p.budget;
  if (!ctx.json) {
    ctx.out(st.bold(`${k.name}: context budget`));
    for (const s of b.servers) {
      ctx.out(`  ${s.name.padEnd(24)} ${String(s.tokens).padStart(6)} tokens  ${st.dim(`${s.source}${s.toolCount !== undefined ? `, ${s.toolCount} tools` : ''}`)}`);
      // what the server really does that the user should know (prints to stdout at start, needs the network, ...)
      for (const c of s.caveats ?? []) ctx.out(st.yellow(`    ! ${c}`));
    }
    ctx.out(`  ${'total'.padEnd(24)} ${String(b.total).padStart(6)} tokens  ${b.verdict === 'over' ? st.red(`over the ${b.limit} recommendation`) : st.green(`under the ${b.limit} recommendation`)}`);
    if (b.cliFirst.length > 0) {
      ctx.out(st.dim(`  CLI first (${b.cliFirstReason}):`));
      for (const c of b.cliFirst) ctx.out(st.dim(`    ${c}`));
    }
  }
  if (p.overBudget) {
    if (!ctx.canPrompt || ctx.json) throw new CliError(`${k.name} is ${b.total} tokens, over the ${b.limit}-token recommendation`, EXIT.FAILURE, 'pass --yes to write it anyway, or use the CLI commands above', 'OVER_BUDGET');
    if (!(await ask(ctx, `Write ${k.name} anyway (${b.total} tokens)? [y/N] `))) return EXIT.FAILURE;
  }
  if (!ctx.json) for (const x of p.skippedProfiles) ctx.err(`skipped profile ${x.profile}: ${x.reason}`);
  // production: refusals nothing lifts first; then a terminal asks once per profile (type its name)
  if (p.prod.refusals[0]) throw p.prod.refusals[0];
  if (p.prod.confirmations.length > 0) {
    const confirmed: string[] = [];
    for (const c of p.prod.confirmations) {
      const answer = await ctx.ask(`${c.message}.\nType the profile name (${c.profile}) to confirm production, or press Enter to cancel: `);
      if (answer === undefined || answer.trim() !== c.profile) {
        throw new ProdGuardError('PROD_NEEDS_CONFIRM', `${c.message}: not confirmed${answer === undefined ? ' (no answer)' : ''}. Nothing was written.`, {
          profile: c.profile,
          reason: c.error.reason,
          fix: 'type the profile name at the prompt, or re-run with --confirm',
          ...(c.error.server !== undefined ? { server: c.error.server } : {}),
        });
      }
      confirmed.push(c.profile);
    }
    p = plan({ ...base, confirmedProfiles: confirmed });
    if (p.prod.refusals[0]) throw p.prod.refusals[0];
  }
  if (!ctx.json) for (const w of [...p.prod.warnings, ...p.prod.recommendations.map((r) => `recommended: ${r}`), ...p.warnings]) ctx.err(st.yellow(w));
  const edits = p.files.map((f) => ({ host: f.host, file: path.resolve(ctx.cwd, f.file), plan: f }));
  // every file planned (read, edited; a dangling link or a read-only file refused) before any is
  // written; then all are written, or, when one fails, the others are restored
  const writes = planWrites(
    edits.map((e) => ({
      file: e.file,
      update: (text: string) => {
        if (text !== e.plan.before) throw new CliError(`${e.file} changed while awsmcp kit ran`, EXIT.FAILURE, 'run awsmcp kit again', 'FILE_CHANGED');
        return e.plan.after;
      },
    })),
    { backup: { root: backupRoot({ env: ctx.libEnv, home: ctx.home }) } },
  );
  const committed = options.dryRun ? [] : await writes.commitAll();
  const results = edits.map((e) => {
    const target = resolveWriteTargetSync(e.file);
    const planned = writes.files.find((f) => f.target === target)!;
    const backup = committed.find((c) => c.target === planned.target)?.backup;
    const f = e.plan;
    return { host: e.host, file: e.file, added: f.added, replaced: f.replaced, skipped: f.skipped, unchanged: f.unchanged, changed: f.changed, ...(backup ? { backup } : {}), diff: formatDiff(f.before, f.after) };
  });
  if (ctx.json) {
    printJson(ctx, 'kit', { kit: k.name, mode, dryRun: options.dryRun === true, budget: b, files: results, ...(p.skippedProfiles.length ? { skippedProfiles: p.skippedProfiles } : {}) });
    return EXIT.OK;
  }
  for (const r of results) {
    const rel = userScope ? homeRelative(ctx, r.file) : path.relative(ctx.cwd, r.file) || r.file;
    ctx.out('');
    ctx.out(`${st.bold(rel)} ${st.dim(`(${getHost(r.host).displayName})`)}: ${r.added.length ? `added ${r.added.join(', ')}` : 'nothing added'}${r.replaced.length ? `; replaced ${r.replaced.join(', ')}` : ''}${r.skipped.length ? `; kept existing ${r.skipped.join(', ')} (--replace to overwrite)` : ''}`);
    if (options.dryRun) for (const l of paintDiff(r.diff, st)) ctx.out(l);
  }
  if (options.dryRun) ctx.out(st.yellow('\ndry run: nothing was written'));
  else if (mode === 'concrete' && !userScope && results.some((r) => r.changed)) ctx.out(st.dim('\nthese files hold your profile name: keep them out of git (awsmcp status; nx g @awsmcp/nx:template writes the templates and .gitignore lines)'));
  return EXIT.OK;
}
