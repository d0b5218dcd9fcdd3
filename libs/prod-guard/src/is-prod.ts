/**
 * is-prod: is a profile production? The tag decides when there is one; otherwise the name (and the
 * role name) heuristics; and an account that is also used by a prod profile makes a profile prod.
 */
import { classifyProfile, type Profile, type ProfileSet } from '@awsmcp/aws-config-parser';
import { detectEnv, roleHint, type RoleHint } from './heuristics';
import { tagOf, type ProfileTags } from './tags-file';

export type VerdictSource = 'tag' | 'heuristic' | 'account';

export interface ProdVerdict {
  profile: string;
  prod: boolean;
  /** The environment (a known one or a custom label) when one is known. */
  env?: string;
  /** One sentence: why. */
  reason: string;
  source: VerdictSource;
  accountId?: string;
  roleName?: string;
  /** What the role name says about access (evidence only; never changes the environment). */
  role?: RoleHint;
}

/** A profile as this package needs it: its name and, when known, its account and role. */
export interface ProfileInfo {
  name: string;
  accountId?: string;
  roleName?: string;
}

/** A profile name, a profile from `@awsmcp/aws-config-parser`, or a {@link ProfileInfo}. */
export type ProfileInput = string | ProfileInfo | Profile;
/** Tags from {@link readTags}, or a plain `profile -> env` record or map. */
export type TagsInput = ProfileTags | Record<string, string> | ReadonlyMap<string, string>;
/** The profiles around, for account evidence: a `ProfileSet` from `loadProfiles`, or a list. */
export type ProfilesInput = ProfileSet | readonly ProfileInput[];

export interface IsProdContext {
  profiles?: ProfilesInput;
}

function isProfileSet(value: unknown): value is ProfileSet {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'profiles' in value && 'ssoSessions' in value;
}

function isSection(value: unknown): value is Profile {
  return typeof value === 'object' && value !== null && 'properties' in value && 'name' in value;
}

/** Turn any profile input into {@link ProfileInfo} (classifying a parsed profile for its account and role). */
export function toProfileInfo(input: ProfileInput, set?: Pick<ProfileSet, 'ssoSessions'>): ProfileInfo {
  if (typeof input === 'string') return { name: input };
  if (isSection(input)) {
    const c = classifyProfile(input, set);
    const info: ProfileInfo = { name: input.name };
    if (c.accountId) info.accountId = c.accountId;
    if (c.roleName) info.roleName = c.roleName;
    return info;
  }
  return input;
}

/** Every profile of a ProfileSet or a list, as {@link ProfileInfo}, in order. */
export function listProfiles(profiles: ProfilesInput | undefined): ProfileInfo[] {
  if (profiles === undefined) return [];
  if (isProfileSet(profiles)) return Object.values(profiles.profiles).map((p) => toProfileInfo(p, profiles));
  return profiles.map((p) => toProfileInfo(p));
}

function envIsProd(env: string): boolean {
  return env === 'prod' || detectEnv(env).env === 'prod';
}

interface Direct {
  prod: boolean;
  env?: string;
  reason: string;
  source: 'tag' | 'heuristic';
}

/** A reusable classifier: builds the account index once (use it for many profiles). */
export interface ProdClassifier {
  (profile: ProfileInput): ProdVerdict;
}

/**
 * Build a classifier over the given tags and profiles. `isProd(p, tags, ctx)` is
 * `prodClassifier(tags, ctx)(p)`; build one when classifying many profiles.
 */
export function prodClassifier(tags: TagsInput | undefined, context: IsProdContext = {}): ProdClassifier {
  const known = new Map<string, ProfileInfo>();
  for (const info of listProfiles(context.profiles)) known.set(info.name, info);
  const tagsFile = tags !== undefined && !(tags instanceof Map) && 'entries' in tags && Array.isArray((tags as ProfileTags).entries) ? (tags as ProfileTags).file : undefined;
  const where = tagsFile ? ` in ${tagsFile}` : '';

  // Role names repeat across thousands of profiles: read each once per classifier (pure functions
  // of the name; each verdict still gets its own RoleHint object).
  // What a role name says, as the Direct it gives (a pure function of the role name, never handed
  // out: verdicts copy its fields), or undefined when it names no environment.
  const roleDirects = new Map<string, Direct | null>();
  const byRoleName = (role: string): Direct | undefined => {
    let d = roleDirects.get(role);
    if (d === undefined) {
      const byRole = detectEnv(role);
      d = byRole.env !== undefined ? { prod: byRole.env === 'prod', env: byRole.env, source: 'heuristic', reason: `role name ${role}: ${byRole.reason.replace(/^name /, '')}` } : null;
      roleDirects.set(role, d);
    }
    return d ?? undefined;
  };
  const roleHints = new Map<string, RoleHint>();
  const hintOf = (role: string): RoleHint => {
    let h = roleHints.get(role);
    if (!h) {
      h = roleHint(role);
      roleHints.set(role, h);
    }
    return { role: h.role, access: h.access, note: h.note };
  };

  const directCache = new Map<string, Direct>();
  const direct = (info: ProfileInfo): Direct => {
    const cached = directCache.get(info.name);
    if (cached) return cached;
    let result: Direct;
    const tag = tagOf(tags, info.name);
    if (tag !== undefined) {
      const prod = envIsProd(tag);
      result = {
        prod,
        env: tag,
        source: 'tag',
        reason: tag === 'prod' ? `tagged prod${where}` : prod ? `tagged "${tag}"${where}, a label that names production` : `tagged ${tag}${where}`,
      };
    } else {
      const byName = detectEnv(info.name);
      if (byName.env !== undefined || byName.nonProd || !info.roleName) {
        result = { prod: byName.env === 'prod', source: 'heuristic', reason: byName.reason };
        if (byName.env !== undefined) result.env = byName.env;
      } else {
        result = byRoleName(info.roleName) ?? { prod: false, source: 'heuristic', reason: byName.reason };
      }
    }
    directCache.set(info.name, result);
    return result;
  };

  // account -> its profiles: one ProfileInfo, or a list when several share the account (most
  // accounts have one profile: no array per account)
  const byAccount = new Map<string, ProfileInfo | ProfileInfo[]>();
  for (const info of known.values()) {
    if (!info.accountId) continue;
    const prev = byAccount.get(info.accountId);
    if (prev === undefined) byAccount.set(info.accountId, info);
    else if (Array.isArray(prev)) prev.push(info);
    else byAccount.set(info.accountId, [prev, info]);
  }
  const prodNeighbour = (info: ProfileInfo): { other: ProfileInfo; why: Direct } | undefined => {
    if (!info.accountId) return undefined;
    const same = byAccount.get(info.accountId);
    if (same === undefined) return undefined;
    const n = Array.isArray(same) ? same.length : 1;
    for (let i = 0; i < n; i++) {
      const other = Array.isArray(same) ? same[i] : same;
      if (other.name === info.name) continue;
      const d = direct(other);
      if (d.prod) return { other, why: d };
    }
    return undefined;
  };

  return (input: ProfileInput): ProdVerdict => {
    let info: ProfileInfo;
    if (typeof input === 'string') {
      // a bare name adds nothing to what the profiles say about it
      info = known.get(input) ?? { name: input };
    } else {
      info = toProfileInfo(input);
      const fromSet = known.get(info.name);
      if (fromSet) info = { ...fromSet, ...stripUndefined(info) };
    }
    const d = direct(info);
    const verdict: ProdVerdict = { profile: info.name, prod: d.prod, reason: d.reason, source: d.source };
    if (d.env !== undefined) verdict.env = d.env;
    if (info.accountId) verdict.accountId = info.accountId;
    if (info.roleName) {
      verdict.roleName = info.roleName;
      verdict.role = hintOf(info.roleName);
    }
    if (!d.prod) {
      const n = prodNeighbour(info);
      if (n) {
        const also = `account ${info.accountId} is also used by prod profile "${n.other.name}" (${n.why.reason})`;
        if (d.source === 'tag') {
          verdict.reason = `${d.reason}; note: ${also}`;
        } else {
          verdict.prod = true;
          verdict.env = 'prod';
          verdict.source = 'account';
          verdict.reason = also;
        }
      }
    }
    if (verdict.role && verdict.role.access !== 'unknown') verdict.reason += `; ${verdict.role.note}`;
    return verdict;
  };
}

function stripUndefined(info: ProfileInfo): Partial<ProfileInfo> {
  const out: Partial<ProfileInfo> = { name: info.name };
  if (info.accountId) out.accountId = info.accountId;
  if (info.roleName) out.roleName = info.roleName;
  return out;
}

/**
 * Is this profile production? A tag decides first; without a tag, the name heuristics (then the role
 * name); and a profile whose account is also used by a profile tagged or detected prod is prod
 * (`source: 'account'`). Pass `context.profiles` (a ProfileSet from `loadProfiles`) so a plain
 * name can be matched to its account.
 */
export function isProd(profile: ProfileInput, tags?: TagsInput, context: IsProdContext = {}): ProdVerdict {
  return prodClassifier(tags, context)(profile);
}
