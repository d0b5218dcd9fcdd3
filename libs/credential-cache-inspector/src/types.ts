/** The shapes returned by the inspector. Everything here is plain JSON-safe data with no secret in it. */
import type { BaseCredentials, Env, ProfileClassification, ProfileKind } from '@awsmcp/aws-config-parser';
import type { Light, Thresholds } from './light';
import type { CacheFileReader, ReadState } from './read';
import type { CredentialProvider, ProviderFailure, Runtime } from './resolve';

export type CacheFileKind =
  | 'sso-token'
  | 'sso-role-credentials'
  | 'assume-role-credentials'
  | 'web-identity-credentials'
  | 'login-session';

/** `ok`, or why the file gives nothing usable. */
export type CacheFileState = ReadState | 'invalid-time';

export interface CacheFileStatus {
  kind: CacheFileKind;
  /** The profile whose settings name this file (for a role chain: the step's profile). */
  profile: string;
  path: string;
  /** The file name without `.json` (a sha1 / sha256 hex digest). */
  key: string;
  /** Exactly what was hashed into `key`, e.g. `{"accountId":"111111111111","roleName":"Admin","sessionName":"acme"}`. */
  keyInput: string;
  state: CacheFileState;
  /** For a problem: what is wrong (never file content). */
  detail?: string;
  /** ISO 8601 UTC (`2026-11-25T10:00:00Z`; milliseconds only when the file has them). */
  expiresAt?: string;
  /** Seconds left at inspection time; negative once expired. */
  ttlSeconds?: number;
  /** SSO tokens and `aws login` sessions: a refresh token is present (its value is never read out). */
  hasRefreshToken?: boolean;
  /** SSO tokens: when the OIDC client registration (and so the refresh) ends. */
  registrationExpiresAt?: string;
  accountId?: string;
}

/**
 * - `valid`: works now (see `light` for how long)
 * - `expired`: the cached credentials expired and nothing renews them
 * - `missing`: nothing cached (never logged in, logged out, or a web identity token file is absent)
 * - `not-a-file` / `unreadable` / `empty` / `truncated` / `malformed` / `invalid-time`: the cache file is bad
 * - `long-lived`: static access keys (no expiry)
 * - `external`: credentials come from outside any cache we can see (credential_process, instance role)
 * - `config-error`: the profile cannot work as configured (broken chain, missing sso-session, ...)
 * - `no-credentials`: the profile holds settings only (region, output...)
 * - `needs-input`: the SDK would ask for something on a terminal (an MFA code): a server cannot answer
 * - `missing-dependency`: the SDK needs a package the server's environment lacks (`botocore[crt]` for aws login)
 * - `unparseable-config`: the SDK cannot read the config or credentials file at all (every profile fails)
 */
export type ProfileState =
  | 'valid'
  | 'expired'
  | 'missing'
  | 'not-a-file'
  | 'unreadable'
  | 'empty'
  | 'truncated'
  | 'malformed'
  | 'invalid-time'
  | 'long-lived'
  | 'external'
  | 'config-error'
  | 'no-credentials'
  | 'needs-input'
  | 'missing-dependency'
  | 'unparseable-config';

/** The state of the credentials an assume-role chain starts from. */
export interface SourceStatus {
  profile: string;
  kind: BaseCredentials['kind'];
  status: ProfileState;
  light: Light;
  expiresAt?: string;
  ttlSeconds?: number;
  refreshesItself: boolean;
  reason: string;
  command?: string;
}

export interface ProfileStatus {
  profile: string;
  /** The kind from `classifyProfile` (@awsmcp/aws-config-parser). */
  kind: ProfileKind;
  status: ProfileState;
  /** The cache files this profile uses, each with its own state, in the order they matter. */
  cacheFiles: CacheFileStatus[];
  /** When the credentials that decide the light expire (before any self-refresh). ISO 8601 UTC. */
  expiresAt?: string;
  /** Seconds left until `expiresAt`; negative once expired. */
  ttlSeconds?: number;
  /** green > 30 min, amber 10-30 min, red < 10 min / expired / broken, none: no expiry applies. */
  light: Light;
  /** Renews without anyone running a command (credential_process, a valid SSO refresh token...). */
  refreshesItself: boolean;
  /** When self-refresh ends, when known (an SSO token's client registration expiry). */
  refreshableUntil?: string;
  /** Why, in one sentence. */
  reason: string;
  /** What to do now, in one sentence ("nothing to do ..." when nothing is needed). */
  nextStep: string;
  /** The command that renews these credentials, e.g. `aws sso login --sso-session acme`. */
  command?: string;
  accountId?: string;
  /** assume-role: the state of the credentials the chain starts from. */
  source?: SourceStatus;
  /** The SDK whose rules decided this status (`InspectOptions.runtime`). */
  runtime: Runtime;
  /**
   * The provider that SDK uses, spelled as botocore's `Credentials.method` (`sso`, `assume-role`,
   * `shared-credentials-file`, ...); null when it fails (`failure` says why) or finds nothing.
   */
  provider: CredentialProvider | null;
  /** Why the SDK gives no credentials: the exception it raises and the key to fix. */
  failure?: ProviderFailure;
  /** botocore lists this profile, but the cross-SDK rules do not (e.g. a name with a space). */
  botocoreOnly?: true;
}

export interface InspectOptions {
  /** Home folder holding `.aws/`; defaults to HOME from `env`, then `os.homedir()`. */
  home?: string;
  /** Environment (AWS_LOGIN_CACHE_DIRECTORY, HOME); defaults to `process.env`. */
  env?: Env;
  /** The clock: a Date, epoch milliseconds, or a function returning either. Defaults to now. */
  now?: Date | number | (() => Date | number);
  /** Light thresholds in seconds; defaults: green above 1800, red below 600. */
  thresholds?: Partial<Thresholds>;
  /** How cache files are read (tests inject one); must throw Node-style errors (`code`). */
  readFile?: CacheFileReader;
  /** Inspect only these profiles (default: all, in the profile set's order). */
  profiles?: readonly string[];
  /**
   * The profiles' classifications when the caller already has them: `classifyProfile(profile, set)`
   * for this same set, by profile name. Profiles missing from the map are classified here.
   */
  classifications?: ReadonlyMap<string, ProfileClassification>;
  /**
   * `false`: every status has an empty `cacheFiles`, and cache files that only that list would
   * show are not looked at (an SSO profile's role credentials: the SSO token decides its state).
   * Every other field is the same. For callers that show the verdict (light, expiry, next step)
   * and not the files. Default true.
   */
  cacheFiles?: boolean;
  /**
   * Whose rules decide: `botocore` (default; Python servers, every awslabs MCP server) or `js-sdk`
   * (Node servers). The provider, light, status, next step and self-refresh follow that SDK.
   */
  runtime?: Runtime;
  /** botocore: the server's Python environment has `botocore[crt]` (needed by aws login profiles). Default false. */
  crt?: boolean;
}

/**
 * What an inspection ({@link inspectEach}) was read from and how long its answers hold: for callers
 * that keep results between runs (`awsmcp discover` does). While no path in `inputs` changes
 * (existence, size, modification or change time) and the clock is before `stableUntilMs`, inspecting
 * again gives the same statuses except for the countdowns: each `ttlSeconds` is
 * `Math.floor((Date.parse(expiresAt) - now) / 1000)` and the durations in `reason` move with the clock.
 */
export interface InspectSummary {
  /**
   * Every file and folder the statuses depend on: cache files read (or tried), cache folders listed
   * (a file appearing in one changes the folder), web identity token files checked. Not the
   * profile files themselves: the caller loaded those.
   */
  inputs: string[];
  /** Epoch milliseconds of the earliest moment a status can change with no input changing; absent: never. */
  stableUntilMs?: number;
}
