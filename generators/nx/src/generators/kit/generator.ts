/**
 * `nx g @awsmcp/nx:kit <name>`: a starter kit into the workspace MCP file of each host. A
 * front-end over `planKit` (@awsmcp/starter-kits), the same workflow as `awsmcp kit`: it reads the
 * Tree and the engineer's AWS files, asks where the plan needs a person (a terminal only), prints
 * the plan and writes `files[].after` through the Tree, so `--dry-run` shows exactly what would change.
 */
import { loadProfiles, resolveHome } from '@awsmcp/aws-config-parser';
import { installedHostIds, readApprovedVariables } from '@awsmcp/mcp-config-model';
import { defaultTagsPath, readTags } from '@awsmcp/prod-guard';
import { hostEvidencePaths, KitError, KITS_FILE, kitWorkspaceFile, parseKitsFile, planKit, readMeasurements, WORKSPACE_KIT_HOSTS, type Kit, type KitPlan, type PlanKitInput } from '@awsmcp/starter-kits';
import { formatFiles, logger, type Tree } from '@nx/devkit';
import * as os from 'node:os';
import { formatBudget } from '../../lib/budget-report';
import { choose, confirm, isInteractive } from '../../lib/interactive';
import type { KitGeneratorSchema } from './schema';

export function readUserKits(tree: Tree): Kit[] {
  const text = tree.read(KITS_FILE, 'utf-8');
  return text === null ? [] : parseKitsFile(text, KITS_FILE);
}

function isIgnored(tree: Tree, file: string): boolean {
  const lines = (tree.read('.gitignore', 'utf-8') ?? '').split(/\r?\n/).map((l: string) => l.trim());
  return lines.includes(file) || lines.includes(`/${file}`);
}

function summarize(r: { added: string[]; replaced: string[]; unchanged: string[]; skipped: string[] }): string {
  const parts = [
    r.added.length ? `added ${r.added.join(', ')}` : '',
    r.replaced.length ? `updated ${r.replaced.join(', ')}` : '',
    r.unchanged.length ? `unchanged ${r.unchanged.join(', ')}` : '',
    r.skipped.length ? `kept ${r.skipped.join(', ')} (--replace to overwrite)` : '',
  ].filter(Boolean);
  return parts.join('; ') || 'nothing to do';
}

/** Nx prints only the message: a KitError's hint (the flag to pass) goes into it. */
function withHint(e: unknown): unknown {
  if (!(e instanceof KitError) || !e.hint) return e;
  // one sentence end: a message that ends in '?' or '.' gets no extra '.'
  const message = /[.?!]$/.test(e.message) ? e.message : `${e.message}.`;
  const hint = /[.?!]$/.test(e.hint) ? e.hint : `${e.hint}.`;
  return new KitError(e.code, `${message} ${hint[0]!.toUpperCase()}${hint.slice(1)}`);
}

export async function kitGenerator(tree: Tree, schema: KitGeneratorSchema): Promise<void> {
  const env = process.env;
  const interactive = isInteractive();
  const profiles = loadProfiles({ env, tolerant: true });
  const home = resolveHome(env) ?? os.homedir();
  const files: Record<string, string> = {};
  for (const h of WORKSPACE_KIT_HOSTS) {
    const rel = kitWorkspaceFile(h)!;
    const text = tree.read(rel, 'utf-8');
    if (text !== null) files[rel] = text;
  }
  const base: PlanKitInput = {
    kit: schema.name,
    userKits: readUserKits(tree),
    mode: schema.mode ?? 'concrete',
    ...(schema.hosts !== undefined ? { hosts: schema.hosts } : {}),
    existing: hostEvidencePaths().filter((p) => tree.exists(p)),
    // a host found only by its folder counts when it is installed here (the model's rule; the
    // plugin has no PATH resolver of its own, so files and install markers only)
    ...(schema.hosts !== undefined ? {} : { installed: installedHostIds({ home, workspace: tree.root, env, platform: process.platform }, {}, WORKSPACE_KIT_HOSTS) }),
    ...(schema.profile !== undefined ? { profile: schema.profile } : {}),
    ...(schema.region !== undefined ? { region: schema.region } : {}),
    multiAccount: schema.multiAccount === true,
    env,
    profiles,
    tags: readTags(defaultTagsPath(env)),
    files,
    home,
    measurements: readMeasurements({ env }),
    ...(schema.tokenLimit !== undefined ? { tokenLimit: schema.tokenLimit } : {}),
    readOnly: schema.readOnly !== false,
    replace: schema.replace === true,
    yes: schema.yes === true,
    confirm: schema.confirm === true,
    isTTY: interactive,
    validateProfile: schema.validateProfile !== false,
    action: `nx g @awsmcp/nx:kit ${schema.name}`,
    ...(() => {
      const approved = readApprovedVariables({ home, env, platform: process.platform });
      return approved ? { approvedVariables: approved.variables } : {};
    })(),
  };
  let plan: KitPlan;
  try {
    plan = planKit(base);
  } catch (e) {
    // no profile given and a person at the terminal: offer the configured ones
    const names = Object.keys(profiles.profiles).sort();
    if (!(e instanceof KitError) || e.code !== 'MISSING_PROFILE' || !interactive || names.length === 0) throw withHint(e);
    base.profile = await choose(`Which AWS profile should kit '${schema.name}' use? (from ${profiles.files.config ?? '~/.aws/config'})`, names);
    plan = planKit(base);
  }
  for (const line of formatBudget(plan.kit.name, plan.budget)) logger.info(line);
  if (plan.overBudget) {
    const why = `kit '${plan.kit.name}' loads ${plan.budget.total} tokens, over the ${plan.budget.limit}-token recommendation`;
    // `nx g ... --dry-run` (Nx sets NX_DRY_RUN): nothing is written anyway, so show what --yes would write
    if (process.env.NX_DRY_RUN === 'true') logger.warn(`${why}. Dry run: the files below are what --yes would write.`);
    else if (interactive) {
      if (!(await confirm(`${why}. Write it anyway?`))) throw new Error(`${why}: nothing was written`);
    } else throw new Error(`${why}: nothing was written. Re-run with --yes to write it anyway (or pick a smaller kit, or raise --token-limit).`);
  }
  for (const x of plan.skippedProfiles) logger.warn(`--multi-account: skipped profile ${x.profile}: ${x.reason}`);
  if (plan.prod.refusals[0]) throw plan.prod.refusals[0];
  if (plan.prod.confirmations.length > 0) {
    const confirmed: string[] = [];
    for (const c of plan.prod.confirmations) {
      if (!(await confirm(`${c.message}\nUse production profile '${c.profile}'?`))) throw c.error;
      confirmed.push(c.profile);
    }
    plan = planKit({ ...base, confirmedProfiles: confirmed });
    if (plan.prod.refusals[0]) throw plan.prod.refusals[0];
  }
  for (const w of plan.prod.warnings) logger.warn(w);
  for (const r of plan.prod.recommendations) logger.warn(`recommended: ${r}`);
  for (const w of plan.warnings) logger.warn(w);
  for (const f of plan.files) {
    if (f.changed) tree.write(f.file, f.after);
    logger.info(`${f.file}: ${summarize(f)}`);
    if (plan.mode === 'concrete' && !isIgnored(tree, f.file)) {
      logger.warn(`${f.file} holds real profile names and is not in .gitignore: run nx g @awsmcp/nx:template to ignore it and write a template to commit`);
    }
  }
  if (!schema.skipFormat) await formatFiles(tree);
}

export default kitGenerator;
