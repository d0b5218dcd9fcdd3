/**
 * chain: the credentials chain of a profile as plain data (source credentials first, then each
 * role to assume, in order), following the SDKs' rules (smithy-rs `profile/credentials/repr`):
 * - the first profile's `role_arn` is assumed even when it also holds static keys;
 * - further down the chain, static keys in a profile end the chain (its role_arn is not assumed);
 * - a profile whose `source_profile` is itself uses its own static keys as the source;
 * - `source_profile` together with `credential_source` is an error, as are loops, missing
 *   profiles, a `role_arn` with no source, and half a key pair.
 * Nothing is executed here: the data is for display, `doctor`, and cache-key computation.
 */
import { ChainError } from './errors';
import { classifyProfile, credentialProcessTool, parseRoleArn, type CredentialProcessTool } from './classify';
import type { Profile, ProfileSet } from './normalize';

export type BaseCredentials =
  | { kind: 'static'; profile: string; hasSessionToken: boolean }
  | { kind: 'credential-source'; profile: string; source: 'Environment' | 'Ec2InstanceMetadata' | 'EcsContainer' }
  | { kind: 'web-identity'; profile: string; roleArn: string; tokenFile: string; roleSessionName?: string }
  | { kind: 'sso'; profile: string; ssoSession?: string; startUrl?: string; accountId?: string; roleName?: string }
  | { kind: 'credential-process'; profile: string; tool: CredentialProcessTool }
  | { kind: 'login'; profile: string; loginSession: string };

export interface RoleStep {
  /** The profile whose `role_arn` this is. */
  profile: string;
  roleArn: string;
  accountId?: string;
  roleName?: string;
  externalId?: string;
  roleSessionName?: string;
  mfaSerial?: string;
  durationSeconds?: number;
}

export interface RoleChain {
  /** The profile the chain was resolved for. */
  profile: string;
  base: BaseCredentials;
  /** Roles to assume, in order, after the base credentials. */
  roles: RoleStep[];
  /** Every profile visited, in order from the requested one to the base. */
  profiles: string[];
}

const CREDENTIAL_SOURCES = ['Environment', 'Ec2InstanceMetadata', 'EcsContainer'] as const;

function prop(p: Profile, key: string): string | undefined {
  const v = p.properties[key];
  return v === undefined || v === '' ? undefined : v;
}

function roleStep(p: Profile): RoleStep {
  const roleArn = p.properties.role_arn;
  const step: RoleStep = { profile: p.name, roleArn, ...(parseRoleArn(roleArn) ?? {}) };
  const externalId = prop(p, 'external_id');
  const sessionName = prop(p, 'role_session_name');
  const mfa = prop(p, 'mfa_serial');
  const duration = prop(p, 'duration_seconds');
  if (externalId) step.externalId = externalId;
  if (sessionName) step.roleSessionName = sessionName;
  if (mfa) step.mfaSerial = mfa;
  if (duration && /^\d+$/.test(duration)) step.durationSeconds = Number(duration);
  return step;
}

function staticBase(p: Profile, chain: string[]): BaseCredentials | undefined {
  const id = prop(p, 'aws_access_key_id');
  const secret = prop(p, 'aws_secret_access_key');
  if (!id && !secret) return undefined;
  if (!id || !secret) {
    throw new ChainError(
      'PARTIAL_STATIC_KEYS',
      `profile '${p.name}' has ${id ? 'aws_access_key_id' : 'aws_secret_access_key'} but no ${id ? 'aws_secret_access_key' : 'aws_access_key_id'}`,
      chain,
    );
  }
  return { kind: 'static', profile: p.name, hasSessionToken: prop(p, 'aws_session_token') !== undefined };
}

function baseProvider(p: Profile, set: ProfileSet, chain: string[]): BaseCredentials {
  const statics = staticBase(p, chain);
  if (statics) return statics;
  const tokenFile = prop(p, 'web_identity_token_file');
  if (tokenFile) {
    const roleArn = prop(p, 'role_arn');
    if (!roleArn) {
      throw new ChainError('ROLE_WITHOUT_SOURCE', `profile '${p.name}' has web_identity_token_file but no role_arn`, chain);
    }
    const base: BaseCredentials = { kind: 'web-identity', profile: p.name, roleArn, tokenFile };
    const sessionName = prop(p, 'role_session_name');
    if (sessionName) base.roleSessionName = sessionName;
    return base;
  }
  const process = prop(p, 'credential_process');
  if (process) return { kind: 'credential-process', profile: p.name, tool: credentialProcessTool(process) };
  const c = classifyProfile(p, set);
  if (c.kind === 'sso' || c.kind === 'sso-legacy' || c.kind === 'granted') {
    const base: BaseCredentials = { kind: 'sso', profile: p.name };
    if (c.ssoSession) base.ssoSession = c.ssoSession;
    if (c.ssoStartUrl) base.startUrl = c.ssoStartUrl;
    if (c.accountId) base.accountId = c.accountId;
    if (c.roleName) base.roleName = c.roleName;
    return base;
  }
  const login = prop(p, 'login_session');
  if (login) return { kind: 'login', profile: p.name, loginSession: login };
  throw new ChainError(
    'NO_CREDENTIAL_SOURCE',
    `profile '${p.name}' has no credentials: expected static keys, sso_session, credential_process, web_identity_token_file or login_session`,
    chain,
  );
}

/** Resolve the role chain for profile `name`. Throws {@link ChainError} naming the profiles involved. */
export function resolveChain(set: ProfileSet, name: string): RoleChain {
  const visited: string[] = [];
  const roles: RoleStep[] = [];
  let current = name;
  for (;;) {
    if (visited.includes(current)) {
      const loop = [...visited, current];
      throw new ChainError('CHAIN_LOOP', `profile chain loops: ${loop.join(' -> ')}`, loop);
    }
    const p = set.profiles[current];
    if (!p) {
      if (visited.length === 0) throw new ChainError('PROFILE_NOT_FOUND', `profile '${current}' is not defined`, [current]);
      const from = visited[visited.length - 1];
      throw new ChainError(
        'SOURCE_PROFILE_NOT_FOUND',
        `profile '${from}' has source_profile = ${current}, but profile '${current}' is not defined`,
        [...visited, current],
      );
    }
    visited.push(current);
    const chain = () => [...visited];

    // Below the first profile, static keys end the chain.
    if (visited.length > 1) {
      const statics = staticBase(p, chain());
      if (statics) return done(statics);
    }

    const roleArn = prop(p, 'role_arn');
    if (!roleArn || prop(p, 'web_identity_token_file')) return done(baseProvider(p, set, chain()));

    const source = prop(p, 'source_profile');
    const credentialSource = prop(p, 'credential_source');
    if (source && credentialSource) {
      throw new ChainError(
        'SOURCE_PROFILE_AND_CREDENTIAL_SOURCE',
        `profile '${p.name}' sets both source_profile and credential_source; only one may be set`,
        chain(),
      );
    }
    if (!source && !credentialSource) {
      throw new ChainError(
        'ROLE_WITHOUT_SOURCE',
        `profile '${p.name}' has role_arn but neither source_profile nor credential_source`,
        chain(),
      );
    }
    roles.unshift(roleStep(p));
    if (credentialSource) {
      const known = CREDENTIAL_SOURCES.find((s) => s === credentialSource);
      if (!known) {
        throw new ChainError(
          'INVALID_CREDENTIAL_SOURCE',
          `profile '${p.name}' has credential_source = ${credentialSource}; expected one of ${CREDENTIAL_SOURCES.join(', ')}`,
          chain(),
        );
      }
      return done({ kind: 'credential-source', profile: p.name, source: known });
    }
    if (source === p.name) {
      // self-reference: this profile's own static keys are the source
      const statics = staticBase(p, chain());
      if (!statics) {
        throw new ChainError('NO_CREDENTIAL_SOURCE', `profile '${p.name}' is its own source_profile but has no static keys`, chain());
      }
      return done(statics);
    }
    current = source as string;
  }

  function done(base: BaseCredentials): RoleChain {
    return { profile: name, base, roles, profiles: visited };
  }
}
