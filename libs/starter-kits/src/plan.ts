/**
 * planKit: the one kit workflow. Data in, data out: no file is read or written, nobody is asked.
 * `awsmcp kit` and `nx g @awsmcp/nx:kit` read their files (disk / Nx Tree), call planKit, ask
 * where the plan says a confirmation is needed, print the plan, and write `files[].after`.
 *
 * Order: kit -> hosts -> profiles and regions -> entries (buildKit) -> budget -> prod guard ->
 * per file: the kit's entries in the host's own syntax, merged into the file's current text.
 */
import { unattendedProblem, closestNames, classifyProfile, type ProfileSet } from '@awsmcp/aws-config-parser';
import { addServers, getHost, inputIdFor, parseHostConfig, toServerSpec, toTemplate, type HostId, type PathContextInput, type ServerSpec, type VsCodeInput } from '@awsmcp/mcp-config-model';
import { evaluateGuard, type ProdGuardError, type ProfileTags } from '@awsmcp/prod-guard';
import { budget, type Budget, type Measurement } from './budget';
import { buildKit, type KitEntry, type KitHost, type KitInstance } from './build';
import { findServer } from './catalog/catalog';
import { KitError } from './errors';
import { detectKitHosts, kitUserFile, kitWorkspaceFile, oneHostPerFile, parseKitHosts, WORKSPACE_KIT_HOSTS } from './hosts';
import { findKit, type Kit } from './kits';
import { findLeaks, formatLeaks, type Leak } from './leaks';

/** Stand-ins for the values `toTemplate` turns into each host's placeholders (never written). */
const PROFILE_SENTINEL = 'awsmcp-profile-placeholder';
const REGION_SENTINEL = 'awsmcp-region-placeholder';

/**
 * Hosts whose docs say `${NAME:-default}` is expanded: Claude Code ("Environment variable
 * expansion in .mcp.json": `${VAR}` and `${VAR:-default}`; a variable without a default that is
 * not set fails the config). Kiro documents `${NAME}` only, so it gets the plain placeholder.
 */
const SHELL_DEFAULT_HOSTS: readonly HostId[] = ['claude-code'];

export type KitMode = 'concrete' | 'inputs';

export interface PlanKitInput {
  /** A built-in kit or one of `userKits` (awsmcp-kits.yaml). */
  kit: string;
  userKits?: readonly Kit[];
  /** concrete (real values, a git-ignored file) or inputs (placeholders, safe to commit). Default concrete. */
  mode?: string;
  /** `--hosts`: a list or a comma-separated string. Absent: detected from `existing` (and `installed`). */
  hosts?: string | readonly string[];
  /** Workspace-relative paths that exist (of `hostEvidencePaths()`), for host detection. */
  existing?: Iterable<string>;
  /** Hosts installed on this machine, when the front-end knows (host detection then ignores a stray folder). */
  installed?: readonly HostId[];
  /**
   * `workspace` (default): each host's file in the project. `user`: each host's own user file
   * (`~/.cursor/mcp.json`, `~/.codex/config.toml`, Goose's `config.yaml`...), for every project; then
   * `paths` says where home is, and without `hosts` the installed hosts that have a user file are used.
   */
  scope?: 'workspace' | 'user';
  /** Home, platform and environment for the user-scope files (`scope: 'user'`). */
  paths?: PathContextInput;
  /** A production profile in a user-scope file (every project's AI session reaches it): allowed only with this. */
  allowGlobalProd?: boolean;
  /** Kiro's approved variables (`readApprovedVariables` of @awsmcp/mcp-config-model), when known: inputs mode names the ones still to approve. */
  approvedVariables?: readonly string[];
  /** `--profile` (comma-separated with multiAccount). Default: AWS_PROFILE of `env`. */
  profile?: string;
  /** `--region`. Default: the profile's region, else AWS_REGION, else AWS_DEFAULT_REGION of `env`. */
  region?: string;
  multiAccount?: boolean;
  /** The environment for the AWS_PROFILE / AWS_REGION defaults (the CLI's env; the generator's process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  /** The engineer's profiles (`loadProfiles`), for regions, accounts, validation and leak checks. */
  profiles?: ProfileSet;
  /** The production tags (`readTags`). */
  tags?: ProfileTags;
  /** Current text of each host file, by workspace-relative path, or by absolute path in user scope (absent: the file does not exist). */
  files?: Readonly<Record<string, string | undefined>>;
  /** Scope of a host file when it is not its own (a workspace file linked to a user file is `user`). */
  scopes?: Readonly<Record<string, 'workspace' | 'user'>>;
  /** The workspace folder, only to name files in messages (`/repo/.cursor/mcp.json:1:5`). */
  workspaceRoot?: string;
  /** The home folder, for the leak check (a home path in a file to commit). */
  home?: string;
  measurements?: readonly Measurement[];
  tokenLimit?: number;
  /** Read-only settings where the server has them. Default true. */
  readOnly?: boolean;
  /** Replace entries of the same name already in the files. Default false: they are kept (`skipped`). */
  replace?: boolean;
  /** Write even when the budget is over the limit (`--yes`). */
  yes?: boolean;
  /** `--confirm`: production confirmed. */
  confirm?: boolean;
  /** Production profiles confirmed at a prompt (the front-end asked, then plans again). */
  confirmedProfiles?: readonly string[];
  /** A person can be asked (a terminal): a production profile then needs a confirmation instead of being refused. */
  isTTY?: boolean;
  /** Check that each profile exists in the config files. Default true. */
  validateProfile?: boolean;
  /** What runs, for the prod guard's messages (`kit`, `nx g @awsmcp/nx:kit eks-debug`). */
  action?: string;
}

export interface KitFilePlan {
  host: KitHost;
  /** Workspace-relative path (`.vscode/mcp.json`); in user scope the absolute path of the user file. */
  file: string;
  scope: 'workspace' | 'user';
  before: string;
  after: string;
  added: string[];
  replaced: string[];
  skipped: string[];
  unchanged: string[];
  changed: boolean;
}

export interface ProdConfirmationNeeded {
  profile: string;
  /** The guard's message, without the "answer the prompt" tail. */
  message: string;
  error: ProdGuardError;
}

export interface KitPlan {
  kit: Kit;
  mode: KitMode;
  hosts: KitHost[];
  /** Why these hosts (`--hosts`, or what was found in the workspace). */
  hostReasons: string[];
  /** The single profile and region (undefined with multiAccount, or a kit without AWS servers). */
  profile?: string;
  region?: string;
  instances: KitInstance[];
  entries: KitEntry[];
  /** Shown before anything is written. */
  budget: Budget;
  /** Over the limit and no `yes`: the front-end asks (terminal) or refuses. */
  overBudget: boolean;
  prod: {
    /** Production profiles a person must confirm (a terminal, no --confirm). */
    confirmations: ProdConfirmationNeeded[];
    /** Refusals nothing lifts here (no terminal, writes enabled, a user-scope file): throw the first. */
    refusals: ProdGuardError[];
    warnings: string[];
    recommendations: string[];
  };
  files: KitFilePlan[];
  /** Inputs mode: real values in a file to commit that come from servers the kit did not write. */
  leaks: Leak[];
  /** Prod-tagged profiles left out of --multi-account (an MCP server cannot use them unattended). */
  skippedProfiles: { profile: string; reason: string }[];
  warnings: string[];
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function nonEmpty(v: string | undefined): string | undefined {
  return v !== undefined && v.trim() !== '' ? v.trim() : undefined;
}

/** `${NAME}` -> `${NAME:-default}` in every string of a spec. */
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
function regionChoices(profiles: ProfileSet | undefined, region: string): string[] {
  const used = Object.values(profiles?.profiles ?? {})
    .map((p) => p.properties.region)
    .filter((r): r is string => typeof r === 'string' && /^[a-z]{2}(-[a-z]+)+-\d$/.test(r));
  return [region, ...[...new Set(used)].filter((r) => r !== region).sort()];
}

/** Plan a kit: see {@link PlanKitInput} and {@link KitPlan}. Throws {@link KitError} for bad input. */
export function planKit(input: PlanKitInput): KitPlan {
  const userKits = input.userKits ?? [];
  const kit = findKit(input.kit, userKits);
  const mode = (input.mode ?? 'concrete') as KitMode;
  if (mode !== 'concrete' && mode !== 'inputs') throw new KitError('INVALID_OPTION', `--mode must be concrete or inputs (got '${String(input.mode)}')`, { hint: 'concrete: real values in a git-ignored file; inputs: placeholders, safe to commit' });
  const env = input.env ?? {};
  const set = input.profiles;
  const names = set ? Object.keys(set.profiles).sort() : [];
  const configFile = set?.files.config ?? '~/.aws/config';
  const warnings: string[] = [];

  // hosts: as asked, else the ones the workspace uses
  const userScope = input.scope === 'user';
  if (input.scope !== undefined && input.scope !== 'workspace' && input.scope !== 'user') {
    throw new KitError('INVALID_OPTION', `--scope must be workspace or user for a kit (got '${String(input.scope)}'): a kit is added in one scope, since a server in both files is loaded twice by some hosts`);
  }
  if (userScope && input.mode === 'inputs') throw new KitError('INVALID_OPTION', '--mode inputs writes a file to commit: a user-scope file is not committed; use --mode concrete with --scope user');
  const paths = input.paths ?? { home: input.home ?? '/nonexistent-home', env: input.env ?? {} };
  const explicit = parseKitHosts(input.hosts);
  const selection = explicit
    ? { hosts: explicit, reasons: explicit.map((h) => `${h}: --hosts`) }
    : userScope
      ? (() => {
          const picked = (input.installed ?? []).filter((h) => kitUserFile(h, paths) !== undefined);
          if (picked.length === 0) throw new KitError('UNKNOWN_HOST', 'no installed host with a user-scope file was found here: name them with --hosts', { hint: 'awsmcp hosts lists them and where their files are' });
          return { hosts: picked, reasons: picked.map((h) => `${h}: installed here`) };
        })()
      : detectKitHosts(input.existing ?? [], input.installed);
  // a file several hosts read (the repo-root .mcp.json: Claude Code, Copilot CLI...) is written once,
  // for the first of them; the others read the same entries
  const once = oneHostPerFile(selection.hosts, userScope ? (h) => kitUserFile(h, paths) : kitWorkspaceFile);
  for (const d of once.dropped) selection.reasons.push(`${d.host}: reads ${d.file} too (written once, for ${d.first})`);
  const hosts = once.hosts;

  // profiles and regions: --profile, else AWS_PROFILE; --region, else the profile's region, else AWS_REGION
  const credentials = kit.servers.some((id) => findServer(id)?.needsCredentials === true);
  const regionOf = (p: string | undefined) =>
    nonEmpty(input.region) ?? (p ? set?.profiles[p]?.properties.region : undefined) ?? nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION);
  const accountOf = (p: string) => (set?.profiles[p] ? classifyProfile(set.profiles[p]!, set).accountId : undefined);
  const skippedProfiles: { profile: string; reason: string }[] = [];
  let chosen: string[] = [];
  if (input.multiAccount) {
    if (mode === 'inputs') throw new KitError('INVALID_OPTION', '--mode inputs writes a file to commit, and multi-account instance names carry profile names: use --mode concrete for --multi-account');
    chosen = splitList(input.profile);
    if (chosen.length === 0) {
      const tagsFile = input.tags?.file ?? '~/.aws-profile-tags.yaml';
      const tagged = [...new Set((input.tags?.entries ?? []).filter((e) => e.env === 'prod').map((e) => e.profile))];
      if (tagged.length === 0) throw new KitError('NO_TAGGED_PROFILE', `--multi-account needs prod-tagged profiles in ${tagsFile}`, { hint: 'pass the profiles with --profile a,b, or tag them (awsmcp discover writes a starter tags file)' });
      // an MCP server cannot answer an MFA prompt or use a broken profile: leave those out, and say why
      chosen = tagged.filter((p) => {
        const why = set ? unattendedProblem(set, p) : undefined;
        if (why) skippedProfiles.push({ profile: p, reason: why });
        return !why;
      });
      if (chosen.length === 0) {
        throw new KitError('NO_USABLE_PROFILE', `--multi-account: none of the prod-tagged profiles can run an MCP server (${skippedProfiles.map((x) => `${x.profile}: ${x.reason}`).join('; ')})`, {
          hint: 'fix the profiles, or tag profiles that use SSO or a role without MFA',
        });
      }
    }
  } else {
    const one = nonEmpty(input.profile) ?? nonEmpty(env.AWS_PROFILE);
    if (one?.includes(',')) throw new KitError('INVALID_OPTION', `--profile '${one}' names several profiles: add --multi-account for one instance per profile`);
    if (one) chosen = [one];
    else if (credentials && mode === 'concrete') {
      throw new KitError('MISSING_PROFILE', `kit '${kit.name}' needs an AWS profile: pass --profile <name>${names.length ? ` (configured: ${names.slice(0, 10).join(', ')}${names.length > 10 ? ', ...' : ''})` : ''}`, {
        hint: 'pass --profile P (or set AWS_PROFILE)',
      });
    }
  }
  if (input.validateProfile !== false && set) {
    for (const p of chosen) {
      if (Object.prototype.hasOwnProperty.call(set.profiles, p)) continue;
      const near = closestNames(p, names);
      throw new KitError('UNKNOWN_PROFILE', `profile '${p}' is not in ${configFile}${near.length ? `; did you mean ${near.map((n) => `'${n}'`).join(', ')}?` : names.length ? `; configured: ${names.slice(0, 10).join(', ')}${names.length > 10 ? ', ...' : ''}` : '; no profiles are configured there'}`, {
        hint: 'pass an existing --profile, or --no-validate-profile when the profile only exists elsewhere (CI)',
      });
    }
  }
  const instances: KitInstance[] = [];
  if (mode === 'concrete' && (credentials || chosen.length > 0)) {
    for (const p of chosen) {
      const r = regionOf(p);
      if (!r) throw new KitError('MISSING_REGION', `no region for profile '${p}': pass --region (the profile sets none in ${configFile}, and AWS_REGION is not set)`, { hint: 'pass --region R' });
      const accountId = accountOf(p);
      instances.push({ profile: p, region: r, ...(accountId ? { accountId } : {}) });
    }
  }
  const single = input.multiAccount ? undefined : chosen[0];
  const region = input.multiAccount ? undefined : regionOf(single);

  // entries
  const readOnly = input.readOnly !== false;
  let entries: KitEntry[];
  if (mode === 'concrete') {
    entries = buildKit(kit, { hosts, userKits, readOnly, ...(instances.length ? { instances } : {}) });
  } else {
    if (credentials && !region) throw new KitError('MISSING_REGION', '--mode inputs: pass --region (the default region written into the committed config)', { hint: 'pass --region R' });
    entries = buildKit(kit, { hosts, userKits, readOnly, ...(credentials ? { profile: PROFILE_SENTINEL, region: REGION_SENTINEL } : {}) });
    const refused = hosts.filter((h) => getHost(h).templateStyle === 'hydrate');
    if (refused.length > 0) {
      throw new KitError(
        'UNSUPPORTED_HOST',
        `--mode inputs: ${refused.map((h) => getHost(h).displayName).join(', ')} expand no variables in their config; leave them out with --hosts, use --mode concrete for them, or commit a template (nx g @awsmcp/nx:template)`,
      );
    }
    if (single) warnings.push(`--mode inputs: the profile is not written; each engineer picks it (VS Code asks, hosts that expand variables read AWS_PROFILE)`);
  }
  const fileOf = (h: KitHost): string => {
    if (userScope) {
      const u = kitUserFile(h, paths);
      if (!u) throw new KitError('NO_USER_FILE', `${getHost(h).displayName} has no user-scope file awsmcp can write (a folder of files, or project files only): use --scope workspace for it`, { hint: 'awsmcp hosts lists each host\'s files' });
      return u;
    }
    const f = kitWorkspaceFile(h);
    if (!f) {
      throw new KitError('NO_WORKSPACE_FILE', `unknown host '${h}' for a workspace kit (${getHost(h).displayName} reads no file in a project, and a kit is written into the project's files); expected one of ${WORKSPACE_KIT_HOSTS.join(', ')}`, {
        hint: `pick one of ${WORKSPACE_KIT_HOSTS.join(', ')}`,
      });
    }
    return f;
  };
  for (const h of hosts) fileOf(h);

  // budget: shown first
  const b = budget(entries, {
    ...(input.measurements ? { measurements: input.measurements } : {}),
    ...(input.tokenLimit !== undefined ? { limit: input.tokenLimit } : {}),
    ...(single ? { profile: single } : {}),
    ...(region ? { region } : {}),
  });

  // production: every entry, in the scope its file really is (inputs mode writes no profile)
  const prod: KitPlan['prod'] = { confirmations: [], refusals: [], warnings: [], recommendations: [] };
  if (mode === 'concrete') {
    const confirmed = new Set(input.confirmedProfiles ?? []);
    for (const e of entries) {
      if (!e.profile) continue;
      const file = fileOf(e.host);
      const scope = userScope ? 'user' : (input.scopes?.[file] ?? 'workspace');
      const action = {
        kind: input.action ?? `kit ${kit.name}`,
        profile: e.profile,
        server: { name: e.name, command: e.spec.command, args: e.spec.args, env: e.spec.env, scope, file, host: e.host },
      };
      const r = evaluateGuard(action, { ...(input.tags ? { tags: input.tags } : {}), ...(set ? { profiles: set } : {}), confirm: input.confirm === true || confirmed.has(e.profile), isTTY: input.isTTY === true, ...(input.allowGlobalProd ? { allowGlobalProd: true } : {}) });
      const first = r.refusals[0];
      if (first?.code === 'PROD_NEEDS_CONFIRM' && r.refusals.length === 1) {
        if (!prod.confirmations.some((c) => c.profile === first.profile)) {
          prod.confirmations.push({ profile: first.profile, message: first.message.replace(/\s*Confirm that you mean production:.*$/, '').replace(/\.$/, ''), error: first });
        }
      } else if (first && !prod.refusals.some((x) => x.message === first.message)) prod.refusals.push(first);
      for (const w of r.warnings) if (!prod.warnings.includes(w.message)) prod.warnings.push(w.message);
      for (const x of r.recommendations) if (!x.satisfied && !prod.recommendations.includes(x.message)) prod.recommendations.push(x.message);
    }
  }

  // per host file: the kit's entries (placeholders in the host's own syntax in inputs mode), merged
  const files: KitFilePlan[] = [];
  const leaks: Leak[] = [];
  const home = input.home ?? '/nonexistent-home';
  const shown = (rel: string) => (userScope ? rel : input.workspaceRoot ? `${input.workspaceRoot.replace(/[\\/]+$/, '')}/${rel}` : rel);
  for (const host of hosts) {
    const rel = fileOf(host);
    const file = shown(rel);
    let specs = entries.filter((e) => e.host === host).map((e) => e.spec);
    let inputs: VsCodeInput[] = [];
    if (mode === 'inputs') {
      const t = toTemplate(specs, { AWS_PROFILE: PROFILE_SENTINEL, AWS_REGION: REGION_SENTINEL }, { host });
      specs = parseHostConfig(t.text, { file, host, strict: false }).servers.map((s) => toServerSpec(s));
      if (SHELL_DEFAULT_HOSTS.includes(host)) specs = specs.map((s) => withShellDefaults(s, { AWS_PROFILE: 'default', ...(region ? { AWS_REGION: region } : {}) }));
      const regionId = inputIdFor('AWS_REGION');
      inputs = t.inputs.map((i) => (i.id === regionId && region ? { type: 'pickString', id: i.id, description: i.description ?? 'AWS region', options: regionChoices(set, region), default: region } : i));
      // Kiro expands only approved variables: any other reaches the server as literal text
      const approval = getHost(host).variableApproval;
      if (approval) {
        const used = ['AWS_PROFILE', 'AWS_REGION'].filter((n) => t.text.includes(`\${${n}`));
        const missing = used.filter((n) => !(input.approvedVariables ?? []).includes(n));
        if (missing.length > 0) warnings.push(`${file}: ${getHost(host).displayName} expands only approved variables: approve ${missing.join(' and ')} in ${approval.setting} (${approval.where}), or the servers get the literal text`);
      }
      // VS Code forwards its servers to Copilot agent sessions "except servers that require interactive
      // input, such as ${input:...}" (VS Code's MCP configuration reference)
      if (inputs.length > 0 && getHost(host).variableSyntax === 'vscode' && !hosts.some((h) => kitWorkspaceFile(h) === '.mcp.json')) {
        warnings.push(
          `${file}: VS Code asks each engineer for the profile (\${input:...}), and servers that ask are not forwarded to Copilot agent sessions; for those, add the portable .mcp.json too (--hosts ${hosts.join(',')},copilot-cli), which reads AWS_PROFILE from the environment`,
        );
      }
      // what the kit writes into a file to commit holds no real profile, account or home path
      const own = findLeaks(t.text, file, host, names, home);
      if (own.length > 0) throw new KitError('TEMPLATE_LEAK', `refusing to write a config to commit that holds real values:\n${formatLeaks(own)}`);
    }
    const before = input.files?.[rel] ?? '';
    const r = addServers(before, host, specs, { file, replace: input.replace === true, ...(inputs.length ? { inputs } : {}) });
    files.push({
      host,
      file: rel,
      scope: userScope ? 'user' : (input.scopes?.[rel] ?? 'workspace'),
      before,
      after: r.text,
      added: r.added,
      replaced: r.replaced,
      skipped: r.skipped,
      unchanged: r.unchanged,
      changed: r.changed,
    });
    if (mode === 'inputs') {
      const other = findLeaks(r.text, file, host, names, home);
      if (other.length > 0) {
        leaks.push(...other);
        warnings.push(`${file} still holds real values from servers this kit did not write; do not commit it as it is:\n${formatLeaks(other)}`);
      }
    }
  }
  return {
    kit,
    mode,
    hosts,
    hostReasons: selection.reasons,
    ...(single ? { profile: single } : {}),
    ...(region ? { region } : {}),
    instances,
    entries,
    budget: b,
    overBudget: b.verdict === 'over' && input.yes !== true,
    prod,
    files,
    leaks,
    skippedProfiles,
    warnings,
  };
}
