/**
 * resolve: which credential provider an SDK picks for a profile, as plain data (the `repr`; the
 * inspector executes it against the caches: see chain-exec.ts and evaluate.ts).
 *
 * Two runtimes:
 * - `botocore` (Python: boto3 / botocore; every awslabs MCP server). The order is botocore's
 *   `credentials.create_credential_resolver`: environment keys (skipped: the server is given a
 *   profile), `AssumeRoleProvider` (`role_arn` without `web_identity_token_file`), then
 *   `ProfileProviderBuilder.providers`: web identity, SSO, shared-credentials-file, login,
 *   custom-process, config-file; then container / instance metadata. Presence is botocore's
 *   `key in profile` (an empty value counts). Configuration errors are the exception botocore
 *   raises from `get_credentials()`.
 * - `js-sdk` (Node: AWS SDK for JavaScript v3, `fromNodeProviderChain` -> `fromIni`): a role to
 *   assume, then static keys, web identity, credential_process, SSO, `aws login` (the order
 *   @awsmcp/aws-config-parser's classifyProfile and resolveChain follow).
 */
import { ChainError, classifyProfile, parseRoleArn, resolveChain, type ProfileSet, type RoleStep } from '@awsmcp/aws-config-parser';
import { botocoreView, type BotocoreView, type KeyView } from './botocore-reading';

export type Runtime = 'botocore' | 'js-sdk';
export const RUNTIMES: readonly Runtime[] = ['botocore', 'js-sdk'];

/** Provider names, spelled as botocore's `Credentials.method`. */
export const CREDENTIAL_PROVIDERS = [
  'env',
  'assume-role',
  'assume-role-with-web-identity',
  'sso',
  'shared-credentials-file',
  'login',
  'custom-process',
  'config-file',
  'container-role',
  'iam-role',
] as const;
export type CredentialProvider = (typeof CREDENTIAL_PROVIDERS)[number];

/** Why the SDK gives no credentials: the exception it raises (its class name) and what to change. */
export interface ProviderFailure {
  /** botocore's exception class (`InvalidConfigError`, ...), or the JS SDK's error name. */
  exception: string;
  message: string;
  /** The profile the problem is in (a chain's source, for example). */
  profile: string;
  /** The key to add or fix, when one key is the problem. */
  key?: string;
  /** What to do, in one sentence. */
  fix: string;
  /** Where, when the problem is a file the SDK cannot read. */
  location?: { file: string; line: number; column: number };
}

export interface SsoSettings {
  /** The `[sso-session]` name; absent for the legacy form (sso_start_url in the profile). */
  session?: string;
  startUrl: string;
  region: string;
  accountId: string;
  roleName: string;
}

export type CredentialSourceName = 'Environment' | 'Ec2InstanceMetadata' | 'EcsContainer';

export interface ProviderResolution {
  profile: string;
  runtime: Runtime;
  /** The provider the SDK uses; null when it fails (`failure`) or finds nothing in the profile. */
  provider: CredentialProvider | null;
  failure?: ProviderFailure;
  /** assume-role: the roles in the order they are assumed (the source's side first). */
  roles?: RoleStep[];
  /** assume-role: what the chain starts from (a profile's own providers), unless `credentialSource`. */
  source?: ProviderResolution;
  credentialSource?: CredentialSourceName;
  /** sso: the settings the provider uses (the profile merged with its `[sso-session]`). */
  sso?: SsoSettings;
  /** login: the `login_session` value. */
  loginSession?: string;
  /** assume-role-with-web-identity: the token file the SDK reads. */
  webIdentityTokenFile?: string;
  /** A role in the chain has `mfa_serial`: the SDK asks for a code on the terminal. */
  mfa?: { profile: string; serial: string };
}

export interface ResolveOptions {
  runtime?: Runtime;
  /**
   * botocore only: whether the server's Python environment has `botocore[crt]` (awscrt). The login
   * provider needs it. Default false: `uvx awslabs.<server>` installs plain botocore.
   */
  crt?: boolean;
}

const CREDENTIAL_SOURCES: readonly CredentialSourceName[] = ['Environment', 'EcsContainer', 'Ec2InstanceMetadata'];

/** Thrown inside the botocore walk; becomes the resolution's `failure`. */
class Raise extends Error {
  constructor(readonly failure: ProviderFailure) {
    super(failure.message);
  }
}

function fail(exception: string, profile: string, message: string, fix: string, key?: string): never {
  throw new Raise({ exception, message, profile, fix, ...(key ? { key } : {}) });
}

/** A resolver for one profile set; views and answers are computed once per set. */
export class ProviderResolver {
  private view: BotocoreView | undefined;

  constructor(private readonly set: ProfileSet) {}

  /** botocore's view of the files (kept: the inspector lists its names). */
  botocore(): BotocoreView {
    if (!this.view) this.view = botocoreView(this.set);
    return this.view;
  }

  resolve(name: string, options: ResolveOptions = {}): ProviderResolution {
    return (options.runtime ?? 'botocore') === 'botocore' ? this.resolveBotocore(name, options.crt === true) : this.resolveJs(name);
  }

  // ------------------------------------------------------------------ botocore

  private resolveBotocore(name: string, crt: boolean): ProviderResolution {
    const view = this.botocore();
    const out: ProviderResolution = { profile: name, runtime: 'botocore', provider: null };
    if (view.fatal) {
      const f = view.fatal;
      out.failure = {
        exception: f.exception,
        message: `${f.file}:${f.line}:${f.column}: ${f.message}`,
        profile: name,
        fix: `fix ${f.file} line ${f.line}: botocore cannot read the file, so every Python server fails to start`,
        location: { file: f.file, line: f.line, column: f.column },
      };
      return out;
    }
    try {
      const p = view.profile(name);
      if (!p) fail('ProfileNotFound', name, `The config profile (${name}) could not be found`, `define [profile ${name}] in ~/.aws/config, or pick an existing profile`);
      if (hasAssumeRoleVars(p)) return this.botocoreAssumeRole(name, [name], out, crt);
      return this.profileProviders(name, crt, out);
    } catch (err) {
      if (!(err instanceof Raise)) throw err;
      return { profile: name, runtime: 'botocore', provider: null, failure: err.failure };
    }
  }

  /** AssumeRoleProvider._load_creds_via_assume_role, for `name` (its role config checked first). */
  private botocoreAssumeRole(name: string, visited: string[], out: ProviderResolution, crt: boolean): ProviderResolution {
    const view = this.botocore();
    const roles: RoleStep[] = [];
    let current = name;
    for (;;) {
      const p = view.profile(current) as KeyView;
      const sourceProfile = p.has('source_profile') ? (p.get('source_profile') ?? '') : undefined;
      const credentialSource = p.has('credential_source') ? (p.get('credential_source') ?? '') : undefined;
      if (credentialSource !== undefined && sourceProfile !== undefined) {
        fail('InvalidConfigError', current, `The profile "${current}" contains both source_profile and credential_source.`, `remove source_profile or credential_source from [profile ${current}]`, 'credential_source');
      }
      if (credentialSource === undefined && sourceProfile === undefined) {
        fail('PartialCredentialsError', current, 'Partial credentials found in assume-role, missing: source_profile or credential_source', `add source_profile = <profile> or credential_source = Ec2InstanceMetadata | EcsContainer | Environment to [profile ${current}]`, 'source_profile');
      }
      roles.unshift(roleStepOf(current, p));
      if (credentialSource !== undefined) {
        const known = CREDENTIAL_SOURCES.find((s) => s === credentialSource);
        if (!known) {
          fail('InvalidConfigError', current, `The credential source "${credentialSource}" referenced in profile "${current}" is not valid.`, `set credential_source to Ec2InstanceMetadata, EcsContainer or Environment in [profile ${current}]`, 'credential_source');
        }
        return this.finishRole(out, roles, { credentialSource: known });
      }
      const source = sourceProfile as string;
      const sp = view.profile(source);
      if (!sp) {
        fail('InvalidConfigError', current, `The source_profile "${source}" referenced in the profile "${current}" does not exist.`, `define [profile ${source}], or point source_profile of [profile ${current}] to an existing profile`, 'source_profile');
      }
      if (visited.includes(source)) {
        if (source !== current || !hasStatic(sp)) {
          fail('InfiniteLoopConfigError', current, `Infinite loop in credential configuration detected. Attempting to load from profile ${source} which has already been visited. Visited profiles: ${visited.join(', ')}`, `break the source_profile loop ${[...visited, source].join(' -> ')}`, 'source_profile');
        }
      }
      visited.push(source);
      if (hasStatic(sp) || !hasAssumeRoleVars(sp)) {
        const base = this.profileProviders(source, crt, { profile: source, runtime: 'botocore', provider: null });
        if (base.provider === null) {
          fail('InvalidConfigError', source, `The source profile "${source}" must have credentials.`, `give [profile ${source}] credentials (SSO, keys, credential_process), or change source_profile of [profile ${current}]`);
        }
        return this.finishRole(out, roles, { source: base });
      }
      current = source;
    }
  }

  private finishRole(out: ProviderResolution, roles: RoleStep[], from: { source?: ProviderResolution; credentialSource?: CredentialSourceName }): ProviderResolution {
    out.provider = 'assume-role';
    out.roles = roles;
    if (from.source) out.source = from.source;
    if (from.credentialSource) out.credentialSource = from.credentialSource;
    for (let i = roles.length - 1; i >= 0; i--) {
      const r = roles[i];
      if (r.mfaSerial !== undefined) {
        out.mfa = { profile: r.profile, serial: r.mfaSerial };
        break;
      }
    }
    return out;
  }

  /** ProfileProviderBuilder.providers for `name` (environment variables disabled: a profile is named). */
  private profileProviders(name: string, crt: boolean, out: ProviderResolution): ProviderResolution {
    const view = this.botocore();
    const p = view.profile(name) as KeyView;
    // AssumeRoleWithWebIdentityProvider: a (non-empty) token file makes it the provider
    const tokenFile = p.get('web_identity_token_file');
    if (tokenFile) {
      if (!p.get('role_arn')) {
        fail('InvalidConfigError', name, `The profile "${name}" has web_identity_token_file but no role_arn`, `add role_arn to [profile ${name}]`, 'role_arn');
      }
      out.provider = 'assume-role-with-web-identity';
      out.webIdentityTokenFile = tokenFile;
      return out;
    }
    // SSOProvider: sso_role_name or sso_account_id make it the provider; then every setting is required
    if (p.has('sso_role_name') || p.has('sso_account_id')) {
      out.sso = this.ssoSettings(name, p);
      out.provider = 'sso';
      return out;
    }
    // SharedCredentialProvider: the credentials file's own section
    const creds = view.credentialsSection(name);
    if (creds?.has('aws_access_key_id')) {
      if (!creds.has('aws_secret_access_key')) {
        fail('PartialCredentialsError', name, 'Partial credentials found in shared-credentials-file, missing: aws_secret_access_key', `add aws_secret_access_key to [${name}] in ~/.aws/credentials, or remove aws_access_key_id`, 'aws_secret_access_key');
      }
      out.provider = 'shared-credentials-file';
      return out;
    }
    // LoginProvider
    if (p.has('login_session')) {
      if (!crt) {
        fail('MissingDependencyException', name, 'Missing Dependency: Using the login credential provider requires an additional dependency. You will need to pip install "botocore[crt]" before proceeding.', 'install botocore[crt] in the server\'s Python environment (e.g. uvx --with "botocore[crt]"), or use SSO (aws configure sso)', 'login_session');
      }
      out.provider = 'login';
      out.loginSession = p.get('login_session') ?? '';
      return out;
    }
    // ProcessProvider
    if (p.has('credential_process')) {
      out.provider = 'custom-process';
      return out;
    }
    // ConfigProvider: the config file's own profile
    const config = view.configSection(name);
    if (config?.has('aws_access_key_id')) {
      if (!config.has('aws_secret_access_key')) {
        fail('PartialCredentialsError', name, 'Partial credentials found in config-file, missing: aws_secret_access_key', `add aws_secret_access_key to [profile ${name}] in ~/.aws/config, or remove aws_access_key_id`, 'aws_secret_access_key');
      }
      out.provider = 'config-file';
      return out;
    }
    return out;
  }

  /** SSOProvider._load_sso_config: the profile merged with its session; every key required. */
  private ssoSettings(name: string, p: KeyView): SsoSettings {
    const merged = new Map<string, string>();
    const keys = ['sso_role_name', 'sso_account_id', 'sso_start_url', 'sso_region', 'sso_session'];
    for (const k of keys) if (p.has(k)) merged.set(k, p.get(k) ?? '');
    let sessionName: string | undefined;
    if (p.has('sso_session')) {
      sessionName = p.get('sso_session') ?? '';
      const session = this.botocore().session(sessionName);
      if (!session) {
        fail('InvalidConfigError', name, `The specified sso-session does not exist: "${sessionName}"`, `add [sso-session ${sessionName}] with sso_start_url and sso_region to ~/.aws/config (aws configure sso-session)`, 'sso_session');
      }
      for (const k of Object.keys(session)) {
        const v = session[k];
        if (p.has(k) && (p.get(k) ?? '') !== v) {
          fail('InvalidConfigError', name, `The value for ${k} is inconsistent between profile (${p.get(k) ?? ''}) and sso-session (${v}).`, `remove ${k} from [profile ${name}] (its [sso-session ${sessionName}] sets it), or make the two equal`, k);
        }
        merged.set(k, v);
      }
    }
    const required = ['sso_role_name', 'sso_account_id', 'sso_start_url', 'sso_region', ...(sessionName !== undefined ? ['sso_session'] : [])];
    const missing = required.filter((k) => !merged.has(k));
    if (missing.length > 0) {
      const where = sessionName !== undefined && missing.some((k) => k === 'sso_start_url' || k === 'sso_region') ? ` ([sso-session ${sessionName}] holds sso_start_url and sso_region)` : '';
      fail('InvalidConfigError', name, `The profile "${name}" is configured to use SSO but is missing required configuration: ${missing.join(', ')}`, `add ${missing.join(', ')} to [profile ${name}]${where}`, missing[0]);
    }
    return {
      ...(sessionName !== undefined ? { session: sessionName } : {}),
      startUrl: merged.get('sso_start_url') as string,
      region: merged.get('sso_region') as string,
      accountId: merged.get('sso_account_id') as string,
      roleName: merged.get('sso_role_name') as string,
    };
  }

  // ------------------------------------------------------------------ JavaScript SDK v3

  private resolveJs(name: string): ProviderResolution {
    const out: ProviderResolution = { profile: name, runtime: 'js-sdk', provider: null };
    const p = this.set.profiles[name];
    if (!p) {
      out.failure = { exception: 'CredentialsProviderError', message: `Could not resolve credentials using profile: [${name}] in configuration/credentials file(s).`, profile: name, fix: `define [profile ${name}] in ~/.aws/config, or pick an existing profile` };
      return out;
    }
    const c = classifyProfile(p, this.set);
    try {
      switch (c.kind) {
        case 'assume-role': {
          const chain = resolveChain(this.set, name);
          out.provider = 'assume-role';
          out.roles = chain.roles;
          if (chain.base.kind === 'credential-source') out.credentialSource = chain.base.source;
          else out.source = this.resolveJs(chain.base.profile);
          for (let i = chain.roles.length - 1; i >= 0; i--) {
            const r = chain.roles[i];
            if (r.mfaSerial !== undefined) {
              out.mfa = { profile: r.profile, serial: r.mfaSerial };
              break;
            }
          }
          if (chain.roles.length === 0 && out.source) return { ...out.source, profile: name };
          return out;
        }
        case 'static': {
          const credentialsFile = this.set.files.credentials;
          const inCredentials = credentialsFile !== undefined && p.locations.some((l) => l.file === credentialsFile);
          out.provider = inCredentials ? 'shared-credentials-file' : 'config-file';
          return out;
        }
        case 'web-identity':
          out.provider = 'assume-role-with-web-identity';
          out.webIdentityTokenFile = p.properties.web_identity_token_file;
          return out;
        case 'credential-process':
          out.provider = 'custom-process';
          return out;
        case 'granted':
          if (p.properties.credential_process) out.provider = 'custom-process';
          return out;
        case 'sso':
        case 'sso-legacy': {
          const session = c.ssoSession !== undefined ? this.set.ssoSessions[c.ssoSession] : undefined;
          if (c.ssoSession !== undefined && !session) {
            out.failure = { exception: 'CredentialsProviderError', message: `Sso session "${c.ssoSession}" could not be found`, profile: name, key: 'sso_session', fix: `add [sso-session ${c.ssoSession}] with sso_start_url and sso_region to ~/.aws/config` };
            return out;
          }
          const props: Record<string, string | undefined> = { ...p.properties, ...(session ? { sso_start_url: session.properties.sso_start_url, sso_region: session.properties.sso_region } : {}) };
          const missing = ['sso_account_id', 'sso_region', 'sso_role_name', 'sso_start_url'].filter((k) => !props[k]);
          if (missing.length > 0) {
            out.failure = { exception: 'CredentialsProviderError', message: 'Profile is configured with invalid SSO credentials.', profile: name, key: missing[0], fix: `add ${missing.join(', ')} to [profile ${name}]` };
            return out;
          }
          out.provider = 'sso';
          out.sso = {
            ...(c.ssoSession !== undefined ? { session: c.ssoSession } : {}),
            startUrl: props.sso_start_url as string,
            region: props.sso_region as string,
            accountId: props.sso_account_id as string,
            roleName: props.sso_role_name as string,
          };
          return out;
        }
        case 'login':
          out.provider = 'login';
          out.loginSession = p.properties.login_session;
          return out;
        default:
          if (p.properties.role_arn) {
            out.failure = { exception: 'CredentialsProviderError', message: `Profile ${name} has role_arn but neither source_profile nor credential_source`, profile: name, key: 'source_profile', fix: 'add source_profile = <profile> or credential_source = Ec2InstanceMetadata | EcsContainer | Environment' };
          }
          return out;
      }
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      out.provider = null;
      out.failure = { exception: err instanceof ChainError ? 'CredentialsProviderError' : 'Error', message, profile: name, fix: 'fix the chain in ~/.aws/config' };
      return out;
    }
  }
}

function hasStatic(p: KeyView): boolean {
  return p.has('aws_secret_access_key') || p.has('aws_access_key_id');
}

function hasAssumeRoleVars(p: KeyView): boolean {
  return p.has('role_arn') && !p.has('web_identity_token_file');
}

function roleStepOf(profile: string, p: KeyView): RoleStep {
  const roleArn = p.get('role_arn') ?? '';
  const step: RoleStep = { profile, roleArn, ...(parseRoleArn(roleArn) ?? {}) };
  const externalId = p.get('external_id');
  const sessionName = p.get('role_session_name');
  const duration = p.get('duration_seconds');
  if (externalId) step.externalId = externalId;
  if (sessionName) step.roleSessionName = sessionName;
  if (p.has('mfa_serial')) step.mfaSerial = p.get('mfa_serial') ?? '';
  if (duration && /^\d+$/.test(duration)) step.durationSeconds = Number(duration);
  return step;
}

/** The provider an SDK picks for profile `name` of `set` (default runtime: botocore). */
export function resolveProvider(set: ProfileSet, name: string, options: ResolveOptions = {}): ProviderResolution {
  return new ProviderResolver(set).resolve(name, options);
}
