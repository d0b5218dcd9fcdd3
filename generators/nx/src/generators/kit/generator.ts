/**
 * `nx g @awsmcp/nx:kit <name>`: a starter kit into the workspace MCP file of each host.
 * Composes @awsmcp/starter-kits (entries, budget), @awsmcp/mcp-config-model (text edits, templates),
 * @awsmcp/prod-guard (production policy) and @awsmcp/aws-config-parser (the engineer's profiles).
 * Every file goes through the Tree, so `--dry-run` shows exactly what would change.
 */
import { unattendedProblem } from '@awsmcp/aws-config-parser';
import { addServers, getHost, inputIdFor, parseHostConfig, toServerSpec, toTemplate, type ServerSpec, type VsCodeInput } from '@awsmcp/mcp-config-model';
import { guard, ProdGuardError, type GuardContext } from '@awsmcp/prod-guard';
import { budget, buildKit, findKit, findServer, KITS_FILE, parseKitsFile, readMeasurements, type Kit, type KitEntry, type KitHost, type KitInstance } from '@awsmcp/starter-kits';
import { formatFiles, logger, type Tree } from '@nx/devkit';
import { formatBudget } from '../../lib/budget-report';
import { detectHosts, parseHosts, workspaceFileOf } from '../../lib/hosts';
import { choose, confirm, isInteractive } from '../../lib/interactive';
import { assertProfileExists, profileAccount, profileNames, profileRegion, readUserAws, type UserAws } from '../../lib/profiles';
import { findLeaks, formatLeaks } from '../../lib/template-safety';
import type { KitGeneratorSchema } from './schema';

/** Stand-ins for the values `toTemplate` turns into each host's placeholders (never written). */
const PROFILE_SENTINEL = 'awsmcp-profile-placeholder';
const REGION_SENTINEL = 'awsmcp-region-placeholder';

interface Ctx {
  tree: Tree;
  schema: KitGeneratorSchema;
  kit: Kit;
  userKits: Kit[];
  hosts: KitHost[];
  aws: UserAws;
  interactive: boolean;
}

export function readUserKits(tree: Tree): Kit[] {
  const text = tree.read(KITS_FILE, 'utf-8');
  return text === null ? [] : parseKitsFile(text, KITS_FILE);
}

function needsCredentials(kit: Kit): boolean {
  return kit.servers.some((id) => findServer(id)?.needsCredentials === true);
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

async function pickProfile(ctx: Ctx): Promise<string> {
  const names = profileNames(ctx.aws.set);
  if (ctx.interactive && names.length > 0) return choose(`Which AWS profile should kit '${ctx.kit.name}' use? (from ${ctx.aws.configFile})`, names);
  throw new Error(`kit '${ctx.kit.name}' needs an AWS profile: pass --profile <name>${names.length ? ` (configured: ${names.slice(0, 10).join(', ')}${names.length > 10 ? ', ...' : ''})` : ''}`);
}

function regionFor(ctx: Ctx, profile: string): string {
  const region = ctx.schema.region?.trim() || profileRegion(ctx.aws.set, profile);
  if (!region) throw new Error(`no region for profile '${profile}': pass --region (the profile sets none in ${ctx.aws.configFile})`);
  return region;
}

/** The profiles (and their regions) a concrete kit runs with. */
async function concreteInstances(ctx: Ctx): Promise<KitInstance[]> {
  if (!needsCredentials(ctx.kit) && !ctx.schema.profile) return [];
  let profiles: string[];
  if (ctx.schema.multiAccount) {
    profiles = splitList(ctx.schema.profile);
    if (profiles.length === 0) {
      profiles = ctx.aws.tags.entries.filter((e) => e.env === 'prod').map((e) => e.profile);
      if (profiles.length === 0) throw new Error(`--multi-account: no profile is tagged prod in ${ctx.aws.tags.file}; pass the profiles with --profile a,b`);
      logger.info(`--multi-account: the profiles tagged prod in ${ctx.aws.tags.file}: ${profiles.join(', ')}`);
      // an MCP server cannot answer an MFA prompt or use a broken profile: leave those out, and say why
      const usable = profiles.filter((p) => {
        const why = unattendedProblem(ctx.aws.set, p);
        if (why) logger.warn(`--multi-account: skipped profile ${p}: ${why}`);
        return !why;
      });
      if (usable.length === 0) throw new Error(`--multi-account: none of the prod-tagged profiles can run an MCP server unattended; fix them, or tag profiles that use SSO or a role without MFA`);
      profiles = usable;
    }
  } else {
    const one = ctx.schema.profile?.trim() || (await pickProfile(ctx));
    if (one.includes(',')) throw new Error(`--profile '${one}' names several profiles: add --multi-account for one instance per profile`);
    profiles = [one];
  }
  if (ctx.schema.validateProfile !== false) for (const p of profiles) assertProfileExists(ctx.aws, p);
  return profiles.map((profile) => {
    const accountId = profileAccount(ctx.aws.set, profile);
    return { profile, region: regionFor(ctx, profile), ...(accountId ? { accountId } : {}) };
  });
}

/** Production: guard every entry (the first host's copy is enough; the others are the same servers). */
async function guardProduction(ctx: Ctx, entries: readonly KitEntry[]): Promise<void> {
  const seen = new Set<string>();
  const context: GuardContext = { tags: ctx.aws.tags, profiles: ctx.aws.set, confirm: ctx.schema.confirm === true, isTTY: ctx.interactive };
  for (const e of entries) {
    if (seen.has(e.name) || !e.profile) continue;
    seen.add(e.name);
    const file = workspaceFileOf(e.host);
    const action = {
      kind: `nx g @awsmcp/nx:kit ${ctx.kit.name}`,
      profile: e.profile,
      server: { name: e.name, command: e.spec.command, args: e.spec.args, env: e.spec.env, scope: 'workspace' as const, file, host: e.host },
    };
    let result;
    try {
      result = guard(action, context);
    } catch (err) {
      if (!(err instanceof ProdGuardError) || err.code !== 'PROD_NEEDS_CONFIRM' || !ctx.interactive) throw err;
      if (!(await confirm(`${err.message}\nUse production profile '${err.profile}'?`))) throw err;
      context.confirm = true;
      result = guard(action, context);
    }
    for (const w of result.warnings) logger.warn(w.message);
    for (const r of result.recommendations.filter((x) => !x.satisfied)) logger.warn(`recommended: ${r.message}`);
  }
}

async function checkBudget(ctx: Ctx, entries: readonly KitEntry[], profile?: string, region?: string): Promise<void> {
  const b = budget(entries, {
    measurements: readMeasurements({ env: process.env }),
    ...(ctx.schema.tokenLimit !== undefined ? { limit: ctx.schema.tokenLimit } : {}),
    ...(profile ? { profile } : {}),
    ...(region ? { region } : {}),
  });
  for (const line of formatBudget(ctx.kit.name, b)) logger.info(line);
  if (b.verdict !== 'over' || ctx.schema.yes) return;
  const why = `kit '${ctx.kit.name}' loads ${b.total} tokens, over the ${b.limit}-token recommendation`;
  // `nx g ... --dry-run` (Nx sets NX_DRY_RUN): nothing is written anyway, so show what --yes would write
  if (process.env.NX_DRY_RUN === 'true') {
    logger.warn(`${why}. Dry run: the files below are what --yes would write.`);
    return;
  }
  if (ctx.interactive) {
    if (await confirm(`${why}. Write it anyway?`)) return;
    throw new Error(`${why}: nothing was written`);
  }
  throw new Error(`${why}: nothing was written. Re-run with --yes to write it anyway (or pick a smaller kit, or raise --token-limit).`);
}

/** `${NAME}` -> `${NAME:-default}` in every string of a spec (Claude Code and Kiro expand it). */
function withShellDefaults(spec: ServerSpec, defaults: Record<string, string>): ServerSpec {
  const fix = (s: string) => s.replace(/\$\{([A-Z_][A-Z0-9_]*)\}/g, (m, name: string) => (defaults[name] !== undefined ? `\${${name}:-${defaults[name]}}` : m));
  const map = (m?: Record<string, string>) => (m ? Object.fromEntries(Object.entries(m).map(([k, v]) => [k, fix(v)])) : undefined);
  const out: ServerSpec = { ...spec };
  if (out.command) out.command = fix(out.command);
  if (out.args) out.args = out.args.map(fix);
  if (out.env) out.env = map(out.env);
  if (out.headers) out.headers = map(out.headers);
  return out;
}

/** The regions offered by the VS Code `pickString`: the chosen one first, then those the profiles use. */
function regionChoices(ctx: Ctx, region: string): string[] {
  const used = Object.values(ctx.aws.set.profiles)
    .map((p) => p.properties.region)
    .filter((r): r is string => typeof r === 'string' && /^[a-z]{2}(-[a-z]+)+-\d$/.test(r));
  return [region, ...[...new Set(used)].filter((r) => r !== region).sort()];
}

/** Entries with placeholders in each host's own syntax (through the model's toTemplate). */
function inputsSpecs(ctx: Ctx, host: KitHost, entries: readonly KitEntry[], region: string | undefined): { specs: ServerSpec[]; inputs: VsCodeInput[]; text: string } {
  const adapter = getHost(host);
  const vars: Record<string, string> = { AWS_PROFILE: PROFILE_SENTINEL, AWS_REGION: REGION_SENTINEL };
  const t = toTemplate(
    entries.filter((e) => e.host === host).map((e) => e.spec),
    vars,
    { host },
  );
  let specs = parseHostConfig(t.text, { file: workspaceFileOf(host), host, strict: false }).servers.map((s) => toServerSpec(s));
  if (adapter.variableSyntax === 'shell') specs = specs.map((s) => withShellDefaults(s, { AWS_PROFILE: 'default', ...(region ? { AWS_REGION: region } : {}) }));
  const regionId = inputIdFor('AWS_REGION');
  const inputs: VsCodeInput[] = t.inputs.map((i) =>
    i.id === regionId && region ? { type: 'pickString', id: i.id, description: i.description ?? 'AWS region', options: regionChoices(ctx, region), default: region } : i,
  );
  return { specs, inputs, text: t.text };
}

function isIgnored(tree: Tree, file: string): boolean {
  const lines = (tree.read('.gitignore', 'utf-8') ?? '').split(/\r?\n/).map((l) => l.trim());
  return lines.includes(file) || lines.includes(`/${file}`);
}

function summarize(r: { added: string[]; replaced: string[]; unchanged: string[]; skipped: string[] }): string {
  const parts = [
    r.added.length ? `added ${r.added.join(', ')}` : '',
    r.replaced.length ? `updated ${r.replaced.join(', ')}` : '',
    r.unchanged.length ? `unchanged ${r.unchanged.join(', ')}` : '',
    r.skipped.length ? `kept ${r.skipped.join(', ')}` : '',
  ].filter(Boolean);
  return parts.join('; ') || 'nothing to do';
}

export async function kitGenerator(tree: Tree, schema: KitGeneratorSchema): Promise<void> {
  const userKits = readUserKits(tree);
  const kit = findKit(schema.name, userKits);
  const hosts = parseHosts(schema.hosts) ?? detectHosts(tree);
  const ctx: Ctx = { tree, schema, kit, userKits, hosts, aws: readUserAws(process.env), interactive: isInteractive() };
  const mode = schema.mode ?? 'concrete';
  if (mode !== 'concrete' && mode !== 'inputs') throw new Error(`--mode must be concrete or inputs, got '${String(mode)}'`);
  const readOnly = schema.readOnly !== false;

  const writes: { host: KitHost; specs: ServerSpec[]; inputs?: VsCodeInput[] }[] = [];
  if (mode === 'concrete') {
    const instances = await concreteInstances(ctx);
    const entries = buildKit(kit, { hosts, instances, readOnly, userKits });
    await checkBudget(ctx, entries, instances.length === 1 ? instances[0]!.profile : undefined, instances.length === 1 ? instances[0]!.region : undefined);
    await guardProduction(ctx, entries);
    for (const host of hosts) writes.push({ host, specs: entries.filter((e) => e.host === host).map((e) => e.spec) });
  } else {
    if (schema.multiAccount) throw new Error('--mode inputs writes a file to commit, and multi-account instance names carry profile names: use --mode concrete for --multi-account');
    const refused = hosts.filter((h) => getHost(h).templateStyle === 'hydrate');
    if (refused.length > 0) {
      throw new Error(
        `--mode inputs: ${refused.map((h) => getHost(h).displayName).join(', ')} expand no variables in their config; leave them out with --hosts, use --mode concrete for them, or commit a template (nx g @awsmcp/nx:template)`,
      );
    }
    const credentials = needsCredentials(kit);
    const region = schema.region?.trim() || (schema.profile ? profileRegion(ctx.aws.set, schema.profile) : undefined);
    if (credentials && !region) throw new Error(`--mode inputs: pass --region (the default region written into the committed config)`);
    if (schema.profile) logger.info(`--mode inputs: the profile is not written; each engineer picks it (VS Code asks, Claude Code and Kiro read AWS_PROFILE)`);
    const entries = buildKit(kit, { hosts, readOnly, userKits, ...(credentials ? { profile: PROFILE_SENTINEL, region: REGION_SENTINEL } : {}) });
    await checkBudget(ctx, entries, undefined, region);
    const profiles = profileNames(ctx.aws.set);
    for (const host of hosts) {
      const { specs, inputs, text } = inputsSpecs(ctx, host, entries, region);
      const leaks = findLeaks(text, workspaceFileOf(host)!, host, profiles, ctx.aws.home);
      if (leaks.length > 0) throw new Error(`refusing to write a config to commit that holds real values:\n${formatLeaks(leaks)}`);
      writes.push({ host, specs, inputs });
    }
  }

  for (const w of writes) {
    const file = workspaceFileOf(w.host)!;
    const before = tree.read(file, 'utf-8') ?? '';
    const result = addServers(before, w.host, w.specs, { file, replace: true, ...(w.inputs?.length ? { inputs: w.inputs } : {}) });
    if (result.changed) tree.write(file, result.text);
    logger.info(`${file}: ${summarize(result)}`);
    if (mode === 'concrete' && !isIgnored(tree, file)) {
      logger.warn(`${file} holds real profile names and is not in .gitignore: run nx g @awsmcp/nx:template to ignore it and write a template to commit`);
    }
    if (mode === 'inputs') {
      const leaks = findLeaks(result.text, file, w.host, profileNames(ctx.aws.set), ctx.aws.home);
      if (leaks.length > 0) logger.warn(`${file} still holds real values from servers this kit did not write; do not commit it as it is:\n${formatLeaks(leaks)}`);
    }
  }
  if (!schema.skipFormat) await formatFiles(tree);
}

export default kitGenerator;
