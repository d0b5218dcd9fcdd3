/** `awsmcp discover`: one row per profile, optional chain trees, starter tags file. */
import { classifyProfile, loadProfiles, resolveChain, ChainError, type Profile, type ProfileClassification, type ProfileSet } from '@awsmcp/aws-config-parser';
import { inspectEach, type ProfileStatus } from '@awsmcp/credential-cache-inspector';
import {
  defaultTagsPath,
  prodClassifier,
  readTags,
  suggestTags,
  parseTags,
  writeTags,
  tagOf,
  type ProfileInfo,
  type ProfilesInput,
  type ProfileTags,
  type VerdictSource,
} from '@awsmcp/prod-guard';
import type { CliContext } from '../context';
import { CliError, EXIT } from '../errors';
import { printJson } from '../output/json';
import { style } from '../output/style';
import { renderTable } from '../output/table';
import { formatExpiry, formatTtl, reportDiagnostics } from './shared';

export interface DiscoverRow {
  profile: string;
  type: string;
  accountId?: string;
  env?: string;
  envSource?: 'tag' | 'heuristic' | 'account';
  role?: string;
  region?: string;
  expiresAt?: string;
  ttlSeconds?: number;
  light: 'green' | 'amber' | 'red' | 'none';
  status: string;
  refreshesItself: boolean;
  nextStep: string;
  command?: string;
}

export interface ChainNode {
  profile: string;
  accountId?: string;
  role?: string;
  kind: string;
  problem?: string;
}

/**
 * Load tags; when the file is missing, write the suggested starter (unless told not to).
 * `profiles` (default: the set) is what the suggestions are made from: pass the set's profiles as
 * `ProfileInfo`s when they are already classified.
 */
export function loadOrSeedTags(ctx: CliContext, set: ProfileSet, write: boolean, profiles: ProfilesInput = set): { tags: ProfileTags; written?: string } {
  const file = defaultTagsPath(ctx.libEnv);
  const tags = readTags(file);
  if (tags.exists || !write || Object.keys(set.profiles).length === 0) return { tags };
  const suggestion = suggestTags(profiles);
  const seeded = parseTags(suggestion.text, file);
  writeTags(seeded, { file });
  return { tags: readTags(file), written: file };
}

function chainOf(set: ProfileSet, name: string, classes: ReadonlyMap<string, ProfileClassification>): ChainNode[] {
  const classify = (p: Profile) => classes.get(p.name) ?? classifyProfile(p, set);
  try {
    const chain = resolveChain(set, name);
    const base = chain.base;
    const baseProfile = set.profiles[base.profile];
    const c = baseProfile && base.kind !== 'credential-source' ? classify(baseProfile) : undefined;
    const nodes: ChainNode[] = [
      {
        profile: base.kind === 'credential-source' ? `(${base.source})` : base.profile,
        kind: base.kind,
        ...(c?.accountId ? { accountId: c.accountId } : {}),
        ...(c?.roleName && base.kind !== 'credential-source' ? { role: c.roleName } : {}),
      },
    ];
    for (const r of chain.roles) nodes.push({ profile: r.profile, kind: 'assume-role', ...(r.accountId ? { accountId: r.accountId } : {}), ...(r.roleName ? { role: r.roleName } : {}) });
    return nodes;
  } catch (e) {
    if (!(e instanceof ChainError)) throw e;
    const label = e.code === 'CHAIN_LOOP' ? 'loop' : e.code === 'SOURCE_PROFILE_NOT_FOUND' || e.code === 'PROFILE_NOT_FOUND' ? 'missing' : 'error';
    return [...e.profiles].reverse().map((p, i) => ({
      profile: p,
      kind: set.profiles[p] ? classify(set.profiles[p]).kind : 'missing',
      ...(i === 0 ? { problem: `${label}: ${e.message}` } : {}),
    }));
  }
}

/** A profile that passed the filters known before inspection, with what its row needs. */
interface Candidate {
  profile: Profile;
  c: ProfileClassification;
  env: string | undefined;
  envSource: VerdictSource;
}

export async function discover(ctx: CliContext, options: Record<string, unknown>): Promise<number> {
  const set = loadProfiles({ env: ctx.libEnv, tolerant: true, platform: ctx.platform });
  reportDiagnostics(ctx, set.diagnostics);
  // Classify every profile once: the prod classifier's account index, the inspection, the rows and
  // the chains all use these (each used to classify every profile again).
  const profiles = Object.values(set.profiles);
  const classes = new Map<string, ProfileClassification>();
  const infos: ProfileInfo[] = [];
  for (const p of profiles) {
    const c = classifyProfile(p, set);
    classes.set(p.name, c);
    const info: ProfileInfo = { name: p.name };
    if (c.accountId) info.accountId = c.accountId;
    if (c.roleName) info.roleName = c.roleName;
    infos.push(info);
  }
  const { tags, written } = loadOrSeedTags(ctx, set, options.writeTags !== false, infos);
  const classify = prodClassifier(tags, { profiles: infos });

  // --type, --env and --account (when the config names the account) are known before inspection:
  // filter first, inspect only what is left.
  const type = options.type as string | undefined;
  const envFilter = options.env as string | undefined;
  const account = options.account as string | undefined;
  const candidates: Candidate[] = [];
  for (const p of profiles) {
    const c = classes.get(p.name) as ProfileClassification;
    if (type && c.kind !== type) continue;
    if (account && c.accountId !== undefined && c.accountId !== account) continue;
    const verdict = classify(p.name);
    const env = tagOf(tags, p.name) ?? verdict.env;
    if (envFilter && env !== envFilter) continue;
    candidates.push({ profile: p, c, env, envSource: verdict.source });
  }
  // Each status is reduced to its row as soon as it is known (thousands of full statuses are never
  // held at once); the rows show no cache files, so none are listed (cacheFiles: false skips the
  // files only that list would show: an SSO profile's role credentials).
  const rows: DiscoverRow[] = [];
  const inspected = { home: ctx.home, env: ctx.libEnv, now: ctx.now, profiles: candidates.map((k) => k.profile.name), classifications: classes, cacheFiles: false };
  inspectEach(set, inspected, (s: ProfileStatus, i: number) => {
    const { profile: p, c, env, envSource } = candidates[i];
    // the keys in the order of the documented output
    const row = { profile: p.name, type: c.kind } as DiscoverRow;
    const accountId = c.accountId ?? s.accountId;
    if (accountId) row.accountId = accountId;
    if (env) {
      row.env = env;
      row.envSource = envSource;
    }
    if (c.roleName) row.role = c.roleName;
    if (c.region) row.region = c.region;
    if (s.expiresAt) row.expiresAt = s.expiresAt;
    if (s.ttlSeconds !== undefined) row.ttlSeconds = s.ttlSeconds;
    row.light = s.light;
    row.status = s.status;
    row.refreshesItself = s.refreshesItself;
    row.nextStep = s.nextStep;
    if (s.command) row.command = s.command;
    if (account && row.accountId !== account) return;
    if (options.expired && row.light !== 'red') return;
    rows.push(row);
  });

  const chains = options.chain
    ? rows
        .filter((r) => set.profiles[r.profile]?.properties.role_arn)
        .map((r) => ({ profile: r.profile, chain: chainOf(set, r.profile, classes) }))
        .filter((c) => c.chain.length > 1 || c.chain.some((n) => n.problem))
    : undefined;

  if (ctx.json) {
    printJson(ctx, 'discover', {
      home: ctx.home,
      files: set.files,
      tagsFile: { path: tags.file, exists: tags.exists, ...(written ? { written: true } : {}) },
      profiles: rows,
      ...(chains ? { chains } : {}),
      diagnostics: set.diagnostics,
    });
    return EXIT.OK;
  }

  const st = style(ctx);
  if (written) ctx.err(st.dim(`wrote a starter tags file: ${written} (review the # detected lines; --no-write-tags skips this)`));
  if (rows.length === 0) {
    ctx.out(Object.keys(set.profiles).length === 0 ? `no profiles in ${set.files.config} or ${set.files.credentials}` : 'no profile matches the filters');
    return EXIT.OK;
  }
  const lines = renderTable(
    rows,
    [
      { header: 'PROFILE', value: (r) => r.profile },
      { header: 'TYPE', value: (r) => r.type },
      { header: 'ACCOUNT', value: (r) => r.accountId ?? '' },
      { header: 'ENV', value: (r) => (r.env === 'prod' ? st.red(r.env) : (r.env ?? '')) + (r.env && r.envSource !== 'tag' ? st.dim('?') : '') },
      { header: 'ROLE', value: (r) => r.role ?? '' },
      { header: 'EXPIRES', value: (r) => formatExpiry(r.expiresAt) },
      { header: 'TTL', value: (r) => `${st.light(r.light, { none: r.status === 'long-lived' ? 'long-lived' : r.refreshesItself ? 'external' : 'none' })} ${formatTtl(r.ttlSeconds, r.refreshesItself)}`.trimEnd() },
    ],
    st.bold,
  );
  for (const l of lines) ctx.out(l);
  if (chains && chains.length > 0) {
    ctx.out('');
    ctx.out(st.bold('Role chains'));
    for (const { profile, chain } of chains) {
      ctx.out(profile);
      chain.forEach((n, i) => {
        const indent = '   '.repeat(i);
        const label = `${n.profile}${n.role ? ` ${st.dim('as')} ${n.role}` : ''}${n.accountId ? ` ${st.dim('@')} ${n.accountId}` : ''} ${st.dim(`(${n.kind})`)}`;
        ctx.out(`${indent}└─ ${n.problem ? st.red(`${label}  ✗ ${n.problem}`) : label}`);
      });
    }
  }
  const broken = rows.filter((r) => r.light === 'red' && r.command);
  if (broken.length > 0) {
    ctx.out('');
    for (const r of broken.slice(0, 5)) ctx.out(`${st.light('red')} ${r.profile}: ${r.nextStep}`);
  }
  if (!tags.exists && options.writeTags === false) ctx.err(st.dim(`no tags file at ${tags.file}: env tags are guesses (marked ?)`));
  return EXIT.OK;
}
