/**
 * classify: what kind of credentials a profile yields, and the keys that decided it.
 *
 * Precedence follows the AWS SDK for JavaScript v3 (`fromIni`): a role to assume first, then static
 * keys, web identity, credential_process, SSO, then `aws login`. Granted profiles (`granted_sso_*`)
 * are reported as `granted` whatever else they hold, since Granted's own tooling drives them.
 */
import type { Profile, ProfileSet } from './normalize';

export const PROFILE_KINDS = [
  'sso',
  'sso-legacy',
  'assume-role',
  'web-identity',
  'credential-process',
  'granted',
  'login',
  'static',
  'unknown',
] as const;
export type ProfileKind = (typeof PROFILE_KINDS)[number];

export type CredentialProcessTool = 'granted' | 'aws-vault' | 'other';

export interface ProfileClassification {
  kind: ProfileKind;
  /** The properties that decided the kind, e.g. `["sso_session = corp", "sso_account_id", ...]`. */
  evidence: string[];
  accountId?: string;
  roleName?: string;
  region?: string;
  ssoSession?: string;
  ssoStartUrl?: string;
  credentialProcessTool?: CredentialProcessTool;
  sourceProfile?: string;
  credentialSource?: string;
  roleArn?: string;
}

/** Granted's profile keys, in the order evidence lists them. */
const GRANTED_KEYS = ['granted_sso_account_id', 'granted_sso_region', 'granted_sso_role_name', 'granted_sso_start_url'] as const;

const ROLE_ARN = /^arn:[a-z0-9-]+:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;

/** Account id and role name from `arn:aws:iam::123456789012:role/path/Name`. */
export function parseRoleArn(arn: string): { accountId: string; roleName: string } | undefined {
  const m = ROLE_ARN.exec(arn.trim());
  return m ? { accountId: m[1], roleName: m[2] } : undefined;
}

/** Which tool a `credential_process` command runs (by its program name, not a substring). */
export function credentialProcessTool(command: string): CredentialProcessTool {
  const trimmed = command.trim();
  const quote = trimmed[0] === '"' || trimmed[0] === "'" ? trimmed[0] : undefined;
  const first = quote ? trimmed.slice(1, trimmed.indexOf(quote, 1) >>> 0) : trimmed.split(/\s+/)[0];
  const program = first.split(/[\\/]/).pop()?.toLowerCase() ?? '';
  const bare = program.replace(/\.exe$/, '');
  if (bare === 'granted' || bare === 'assume' || bare === 'assumego') return 'granted';
  if (bare === 'aws-vault') return 'aws-vault';
  return 'other';
}

function has(p: Profile, key: string): boolean {
  const v = p.properties[key];
  return v !== undefined && v !== '';
}

/** Classify one profile. `set` lets SSO profiles pick up their sso-session's start URL and region. */
export function classifyProfile(profile: Profile, set?: Pick<ProfileSet, 'ssoSessions'>): ProfileClassification {
  const p = profile.properties;
  const evidence: string[] = [];
  const result: ProfileClassification = { kind: 'unknown', evidence };
  if (has(profile, 'region')) result.region = p.region;

  const arn = has(profile, 'role_arn') ? parseRoleArn(p.role_arn) : undefined;
  if (has(profile, 'role_arn')) result.roleArn = p.role_arn;

  // Granted's keys: looked up by name (no Object.keys scan: this runs for every profile, often)
  let granted = false;
  for (const k of GRANTED_KEYS) {
    if (p[k] !== undefined) {
      granted = true;
      evidence.push(k);
    }
  }
  if (granted) {
    result.kind = 'granted';
    if (has(profile, 'granted_sso_account_id')) result.accountId = p.granted_sso_account_id;
    if (has(profile, 'granted_sso_role_name')) result.roleName = p.granted_sso_role_name;
    if (has(profile, 'granted_sso_start_url')) result.ssoStartUrl = p.granted_sso_start_url;
    if (has(profile, 'credential_process')) {
      evidence.push('credential_process');
      result.credentialProcessTool = credentialProcessTool(p.credential_process);
    }
    return result;
  }

  // like botocore and the chain resolver: a web identity token file makes role_arn part of web identity
  if (has(profile, 'role_arn') && !has(profile, 'web_identity_token_file') && (has(profile, 'source_profile') || has(profile, 'credential_source'))) {
    result.kind = 'assume-role';
    evidence.push('role_arn');
    if (has(profile, 'source_profile')) {
      evidence.push(`source_profile = ${p.source_profile}`);
      result.sourceProfile = p.source_profile;
    }
    if (has(profile, 'credential_source')) {
      evidence.push(`credential_source = ${p.credential_source}`);
      result.credentialSource = p.credential_source;
    }
    if (arn) Object.assign(result, arn);
    return result;
  }

  if (has(profile, 'aws_access_key_id') || has(profile, 'aws_secret_access_key')) {
    result.kind = 'static';
    for (const k of ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token']) if (has(profile, k)) evidence.push(k);
    return result;
  }

  if (has(profile, 'web_identity_token_file')) {
    result.kind = 'web-identity';
    evidence.push('web_identity_token_file');
    if (has(profile, 'role_arn')) evidence.push('role_arn');
    if (arn) Object.assign(result, arn);
    return result;
  }

  if (has(profile, 'credential_process')) {
    result.kind = 'credential-process';
    result.credentialProcessTool = credentialProcessTool(p.credential_process);
    evidence.push(`credential_process (${result.credentialProcessTool})`);
    return result;
  }

  if (has(profile, 'sso_session')) {
    result.kind = 'sso';
    result.ssoSession = p.sso_session;
    evidence.push(`sso_session = ${p.sso_session}`);
    const session = set?.ssoSessions[p.sso_session];
    if (session?.properties.sso_start_url) result.ssoStartUrl = session.properties.sso_start_url;
  } else if (has(profile, 'sso_start_url')) {
    result.kind = 'sso-legacy';
    result.ssoStartUrl = p.sso_start_url;
    evidence.push('sso_start_url');
  }
  if (result.kind === 'sso' || result.kind === 'sso-legacy') {
    if (has(profile, 'sso_account_id')) {
      result.accountId = p.sso_account_id;
      evidence.push('sso_account_id');
    }
    if (has(profile, 'sso_role_name')) {
      result.roleName = p.sso_role_name;
      evidence.push('sso_role_name');
    }
    return result;
  }

  if (has(profile, 'login_session')) {
    result.kind = 'login';
    evidence.push('login_session');
    const account = /^arn:[^:]+:[^:]+:[^:]*:(\d{12}):/.exec(p.login_session);
    if (account) result.accountId = account[1];
    return result;
  }

  if (has(profile, 'role_arn')) {
    evidence.push('role_arn without source_profile or credential_source');
    if (arn) Object.assign(result, arn);
  }
  return result;
}
