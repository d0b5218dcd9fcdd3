/**
 * `awsmcp discover`'s work: load the profile files, classify, tag, inspect the caches, and say what
 * the result was read from (for the discover cache). Loaded only when the cache cannot answer.
 */
import { classifyProfile, loadProfiles, resolveChain, ChainError, type Profile, type ProfileClassification, type ProfileSet } from '@awsmcp/aws-config-parser';
import { botocoreOnlyProfiles, inspectEach, type ProfileStatus, type Runtime } from '@awsmcp/credential-cache-inspector';
import {
  defaultTagsPath,
  emptyTags,
  prodClassifier,
  TagsFileError,
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
import type { DiscoverComputation, DiscoverRow } from './discover-cache';
import { botocoreDiagnostics } from './shared';

export interface ChainNode {
  profile: string;
  accountId?: string;
  role?: string;
  kind: string;
  problem?: string;
}

export interface DiscoverFilters {
  type?: string;
  env?: string;
  account?: string;
  /** Draw the assume-role chains of the rows. */
  chain?: boolean;
  /** Write the starter tags file when there is none (default true). */
  writeTags?: boolean;
  /** Whose rules decide the verdicts (default botocore: every awslabs MCP server is Python). */
  runtime?: Runtime;
}

export interface DiscoverComputed extends DiscoverComputation {
  /** How many profiles the files define (rows: only those passing the filters). */
  profileCount: number;
  /** The tags file this run wrote (it was missing). */
  written?: string;
  chains?: Array<{ profile: string; chain: ChainNode[] }>;
}

/** A tags file that could not be read or parsed. */
export interface TagsProblem {
  code: string;
  message: string;
  line?: number;
  column?: number;
}

/**
 * Load tags; when the file is missing, write the suggested starter (unless told not to).
 * `profiles` (default: the set) is what the suggestions are made from: pass the set's profiles as
 * `ProfileInfo`s when they are already classified.
 */
export function loadOrSeedTags(ctx: CliContext, set: ProfileSet, write: boolean, profiles: ProfilesInput = set): { tags: ProfileTags; written?: string; error?: TagsProblem } {
  const file = defaultTagsPath(ctx.libEnv);
  let tags: ProfileTags;
  try {
    tags = readTags(file);
  } catch (e) {
    // a typo in the tags file: warn (file:line:column) and go on with guesses, never overwrite it
    if (!(e instanceof TagsFileError)) throw e;
    return { tags: { ...emptyTags(file), exists: true }, error: { code: e.code, message: e.message, ...(e.line !== undefined ? { line: e.line, column: e.column } : {}) } };
  }
  if (tags.exists || !write || Object.keys(set.profiles).length === 0) return { tags };
  const suggestion = suggestTags(profiles);
  const seeded = parseTags(suggestion.text, file);
  const { backupRoot } = require('@awsmcp/mcp-config-model/safe-write') as typeof import('@awsmcp/mcp-config-model/safe-write');
  writeTags(seeded, { file, backupDir: backupRoot({ env: ctx.libEnv, home: ctx.home }) });
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

/**
 * One row per profile that passes `filters` (type, env and account are known before inspection:
 * only what is left is inspected; `--expired` and accounts found only in cache files are for the
 * caller to apply). No filters: every profile, which is what the discover cache keeps.
 */
export function computeDiscover(ctx: CliContext, filters: DiscoverFilters): DiscoverComputed {
  const computedAtMs = ctx.now().getTime();
  const set = loadProfiles({ env: ctx.libEnv, tolerant: true, platform: ctx.platform });
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
  const { tags, written, error: tagsError } = loadOrSeedTags(ctx, set, filters.writeTags !== false, infos);
  const classify = prodClassifier(tags, { profiles: infos });

  const { type, env: envFilter, account } = filters;
  const runtime = filters.runtime ?? 'botocore';
  const candidates: Candidate[] = [];
  // names botocore lists that the cross-SDK rules reject get a row too (marked botocoreOnly)
  const listed = runtime === 'botocore' ? [...profiles, ...botocoreOnlyProfiles(set)] : profiles;
  for (const p of listed) {
    const c = classes.get(p.name) ?? classifyProfile(p, set);
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
  const inspected = { home: ctx.home, env: ctx.libEnv, now: computedAtMs, profiles: candidates.map((k) => k.profile.name), classifications: classes, cacheFiles: false, runtime };
  const summary = inspectEach(set, inspected, (s: ProfileStatus, i: number) => {
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
    row.runtime = s.runtime;
    row.provider = s.provider;
    row.refreshesItself = s.refreshesItself;
    // why, for a row the SDK fails on or that is red for a reason the clock does not change (an expired
    // or running-out row's reason counts down: the table says it from expiresAt; the discover cache
    // keeps rows whose only clock-dependent member is ttlSeconds)
    if (s.provider === null || (s.light === 'red' && s.status !== 'expired' && s.status !== 'valid')) row.reason = s.reason;
    row.nextStep = s.nextStep;
    if (s.command) row.command = s.command;
    if (s.failure) row.exception = s.failure.exception;
    if (s.botocoreOnly) row.botocoreOnly = true;
    rows.push(row);
  });

  const chains = filters.chain
    ? rows
        .filter((r) => set.profiles[r.profile]?.properties.role_arn)
        .map((r) => ({ profile: r.profile, chain: chainOf(set, r.profile, classes) }))
        .filter((c) => c.chain.length > 1 || c.chain.some((n) => n.problem))
    : undefined;

  const inputs = [set.files.config, set.files.credentials, tags.file, ...summary.inputs].filter((f): f is string => typeof f === 'string');
  return {
    result: {
      home: ctx.home,
      files: set.files,
      tagsFile: { path: tags.file, exists: tags.exists, ...(tagsError ? { error: tagsError } : {}) },
      profiles: rows,
      diagnostics: [...botocoreDiagnostics(set), ...set.diagnostics],
    },
    computedAtMs,
    profileCount: profiles.length,
    ...(summary.stableUntilMs !== undefined ? { stableUntilMs: summary.stableUntilMs } : {}),
    inputs,
    ...(written ? { written } : {}),
    ...(chains ? { chains } : {}),
  };
}
