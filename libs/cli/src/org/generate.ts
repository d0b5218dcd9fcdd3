/**
 * --generate-profiles: sso-session style stanzas for the accounts that have no profile yet, using
 * the start URL and SSO region of an existing SSO profile; profile names from account names, made
 * valid (the SDKs' identifier characters) and unique. --write appends them with the parser's
 * lossless editor (atomic, backup, lock).
 */
import { classifyProfile, editProfileFile, isValidIdentifier, type ProfileSet } from '@awsmcp/aws-config-parser';
import { updateConfigFile } from '@awsmcp/mcp-config-model';
import { CliError, EXIT } from '../errors';
import type { Generated, OrgAccount } from './schema';

export interface GenerateOptions {
  /** Permission set / role name for the new profiles (default: the most used sso_role_name, else ReadOnlyAccess). */
  roleName?: string;
  /** Which sso-session (or SSO profile) to take the start URL from, when there are several. */
  ssoSession?: string;
  /** Region for the new profiles (default: the base profile's region, else the SSO region). */
  region?: string;
  /** Explicit start URL / SSO region when no SSO profile exists. */
  startUrl?: string;
  ssoRegion?: string;
  /** Name prefix for the new profiles (`org-`). */
  prefix?: string;
}

/** `Team Payments (EU)` -> `team-payments-eu`; empty -> `account-<id>`. */
export function profileNameFor(accountName: string, accountId: string, prefix = ''): string {
  const slug = accountName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const name = `${prefix}${slug || `account-${accountId}`}`;
  return isValidIdentifier(name) ? name : `${prefix}account-${accountId}`;
}

/** Names that are unique among themselves and the existing profiles: `-<last 4 of the id>`, then `-2`, `-3`... */
export function uniqueNames(wanted: ReadonlyArray<{ name: string; accountId: string }>, taken: Iterable<string>): string[] {
  const used = new Set(taken);
  const counts = new Map<string, number>();
  for (const w of wanted) counts.set(w.name, (counts.get(w.name) ?? 0) + 1);
  return wanted.map((w) => {
    let name = counts.get(w.name)! > 1 || used.has(w.name) ? `${w.name}-${w.accountId.slice(-4)}` : w.name;
    for (let i = 2; used.has(name); i++) name = `${w.name}-${w.accountId.slice(-4)}-${i}`;
    used.add(name);
    return name;
  });
}

interface SsoBase {
  session: string;
  startUrl: string;
  ssoRegion: string;
  newSession: boolean;
  basedOn?: string;
  region?: string;
  roles: string[];
}

/** The session to generate against: an existing sso-session, or one derived from a legacy SSO profile. */
function ssoBase(set: ProfileSet, options: GenerateOptions): SsoBase {
  const ssoProfiles = Object.values(set.profiles)
    .map((p) => ({ p, c: classifyProfile(p, set) }))
    .filter(({ c }) => c.kind === 'sso' || c.kind === 'sso-legacy');
  const roles = ssoProfiles.map(({ p }) => p.properties.sso_role_name).filter((r): r is string => !!r);

  if (options.startUrl) {
    if (!options.ssoRegion) throw new CliError('--sso-start-url needs --sso-region', EXIT.USAGE, undefined, 'USAGE');
    const existing = Object.values(set.ssoSessions).find((s) => s.properties.sso_start_url === options.startUrl);
    const session = options.ssoSession ?? existing?.name ?? sessionNameFromUrl(options.startUrl, set);
    return { session, startUrl: options.startUrl, ssoRegion: options.ssoRegion, newSession: !set.ssoSessions[session], roles };
  }

  if (options.ssoSession && set.ssoSessions[options.ssoSession]) {
    const s = set.ssoSessions[options.ssoSession];
    const based = ssoProfiles.find(({ p }) => p.properties.sso_session === s.name);
    return {
      session: s.name,
      startUrl: s.properties.sso_start_url ?? '',
      ssoRegion: s.properties.sso_region ?? '',
      newSession: false,
      ...(based ? { basedOn: based.p.name, ...(based.p.properties.region ? { region: based.p.properties.region } : {}) } : {}),
      roles,
    };
  }
  const candidates = options.ssoSession ? ssoProfiles.filter(({ p }) => p.name === options.ssoSession || p.properties.sso_session === options.ssoSession) : ssoProfiles;
  const modern = candidates.find(({ p }) => p.properties.sso_session && set.ssoSessions[p.properties.sso_session]?.properties.sso_start_url);
  if (modern) {
    const s = set.ssoSessions[modern.p.properties.sso_session];
    return {
      session: s.name,
      startUrl: s.properties.sso_start_url,
      ssoRegion: s.properties.sso_region ?? modern.p.properties.sso_region ?? '',
      newSession: false,
      basedOn: modern.p.name,
      ...(modern.p.properties.region ? { region: modern.p.properties.region } : {}),
      roles,
    };
  }
  const legacy = candidates.find(({ p }) => p.properties.sso_start_url);
  if (legacy) {
    const url = legacy.p.properties.sso_start_url;
    const existing = Object.values(set.ssoSessions).find((s) => s.properties.sso_start_url === url);
    const session = existing?.name ?? sessionNameFromUrl(url, set);
    return {
      session,
      startUrl: url,
      ssoRegion: legacy.p.properties.sso_region ?? existing?.properties.sso_region ?? '',
      newSession: !existing,
      basedOn: legacy.p.name,
      ...(legacy.p.properties.region ? { region: legacy.p.properties.region } : {}),
      roles,
    };
  }
  throw new CliError(
    options.ssoSession ? `no SSO profile or sso-session named '${options.ssoSession}'` : 'no SSO profile to take the start URL and region from',
    EXIT.USAGE,
    'add one with `aws configure sso`, or pass --sso-start-url URL --sso-region REGION',
    'NO_SSO_PROFILE',
  );
}

/** `https://acme.awsapps.com/start` -> `acme` (unique among the sessions). */
function sessionNameFromUrl(url: string, set: ProfileSet): string {
  const host = /^https?:\/\/([^./]+)/.exec(url)?.[1] ?? 'sso';
  let name = isValidIdentifier(host) ? host : 'sso';
  for (let i = 2; set.ssoSessions[name] && set.ssoSessions[name].properties.sso_start_url !== url; i++) name = `${host}-${i}`;
  return name;
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/** Stanzas for every ACTIVE account without a profile. */
export function generateProfiles(accounts: readonly OrgAccount[], set: ProfileSet, options: GenerateOptions = {}): Generated {
  const base = ssoBase(set, options);
  const roleName = options.roleName ?? mostCommon(base.roles) ?? 'ReadOnlyAccess';
  const region = options.region ?? base.region ?? base.ssoRegion;
  const todo = accounts.filter((a) => a.profiles.length === 0 && a.status === 'ACTIVE');
  const names = uniqueNames(
    todo.map((a) => ({ name: profileNameFor(a.name, a.id, options.prefix ?? ''), accountId: a.id })),
    Object.keys(set.profiles),
  );
  const profiles = todo.map((a, i) => ({
    profile: names[i],
    accountId: a.id,
    accountName: a.name,
    properties: { sso_session: base.session, sso_account_id: a.id, sso_role_name: roleName, ...(region ? { region } : {}) },
  }));
  const doc = editProfileFile('');
  if (base.newSession) doc.addProfile(base.session, { sso_start_url: base.startUrl, sso_region: base.ssoRegion, sso_registration_scopes: 'sso:account:access' }, 'sso-session');
  for (const p of profiles) doc.addProfile(p.profile, p.properties);
  return {
    ssoSession: base.session,
    startUrl: base.startUrl,
    ssoRegion: base.ssoRegion,
    roleName,
    ...(region ? { region } : {}),
    ...(base.basedOn ? { basedOn: base.basedOn } : {}),
    newSession: base.newSession,
    profiles,
    text: doc.toString(),
  };
}

export interface WriteResult {
  file: string;
  backup?: string;
  profiles: string[];
  changed: boolean;
}

/**
 * Append the generated stanzas to the config file through the lossless editor, under the lock,
 * atomically, with a backup. Profiles that appeared meanwhile are left alone (idempotent).
 */
export async function appendProfiles(file: string, generated: Generated, backupRootDir?: string): Promise<WriteResult> {
  const added: string[] = [];
  const result = await updateConfigFile(
    file,
    (text) => {
      const doc = editProfileFile(text);
      if (generated.newSession && !doc.has(generated.ssoSession, 'sso-session')) {
        doc.addProfile(generated.ssoSession, { sso_start_url: generated.startUrl, sso_region: generated.ssoRegion, sso_registration_scopes: 'sso:account:access' }, 'sso-session');
      }
      for (const p of generated.profiles) {
        if (doc.has(p.profile)) continue;
        doc.addProfile(p.profile, p.properties);
        added.push(p.profile);
      }
      return doc.toString();
    },
    { backup: backupRootDir ? { root: backupRootDir } : true, mode: 0o600 },
  );
  return { file, ...(result.backup ? { backup: result.backup } : {}), profiles: added, changed: result.changed };
}
