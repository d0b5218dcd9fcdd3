/**
 * keys: the file names the AWS CLI (botocore) gives its cache files, computed exactly as it does.
 *
 * References (botocore 1.43):
 * - SSO token: `botocore/utils.py` `SSOTokenLoader._generate_cache_key`: sha1 of the sso-session
 *   name when the profile uses `sso_session`, else of `sso_start_url`.
 * - SSO role credentials: `botocore/credentials.py` `SSOCredentialFetcher._create_cache_key`:
 *   sha1 of `json.dumps({accountId, roleName, sessionName | startUrl}, sort_keys=True,
 *   separators=(',', ':'))`.
 * - assume-role and web identity: `BaseAssumeRoleCredentialFetcher._create_cache_key`: sha1 of
 *   `json.dumps(assume_role_kwargs, sort_keys=True)` (default separators `, ` and `: `), where the
 *   kwargs come from `AssumeRoleProvider._load_creds_via_assume_role` (RoleArn, RoleSessionName,
 *   ExternalId, SerialNumber, DurationSeconds as an int) and a generated RoleSessionName is left out.
 * - `aws login`: `botocore/utils.py` `generate_login_cache_key`: sha256 of the `login_session` value.
 * The result is made "file safe" (`:` and `/` become `_`); a hex digest never has either.
 */
import * as crypto from 'node:crypto';
import type { PropertyMap } from '@awsmcp/aws-config-parser';

export interface CacheKey {
  /** The file name without `.json`: a hex digest. */
  key: string;
  /** Exactly the text that was hashed (never a secret: names, ARNs, account ids, a start URL). */
  input: string;
}

/** Node's one-shot `crypto.hash` (Node >= 20.12): ~3x cheaper than a Hash object per key. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

function digest(algorithm: 'sha1' | 'sha256', input: string): CacheKey {
  const key = oneShot ? oneShot(algorithm, input, 'hex') : crypto.createHash(algorithm).update(input, 'utf8').digest('hex');
  return { key, input };
}

/** A Python `int` as its exact decimal text (kept as text: `json.dumps` prints any size exactly). */
export interface PyInt {
  readonly int: string;
}

type PyValue = string | PyInt;

/**
 * Python's `int(text)` for the ASCII forms: surrounding whitespace, a sign, digits with single
 * underscores between them. Returns the canonical decimal text, or undefined where Python raises
 * ValueError.
 */
export function pythonInt(text: string): PyInt | undefined {
  const m = /^\s*([+-]?)(\d+(?:_\d+)*)\s*$/.exec(text);
  if (!m) return undefined;
  const digits = m[2].replace(/_/g, '').replace(/^0+(?=\d)/, '');
  return { int: m[1] === '-' && digits !== '0' ? `-${digits}` : digits };
}

/** A string as Python's `json.dumps` writes it (`ensure_ascii=True`: everything above `~` escaped). */
export function pythonJsonString(s: string): string {
  if (PLAIN.test(s)) return `"${s}"`; // the common case: printable ASCII, no quote or backslash
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const PLAIN = /^[ !#-[\]-~]*$/;
const SURROGATE = /[\ud800-\udfff]/;

/** Python sorts str keys by code point; JavaScript's default sort compares UTF-16 units. */
function compareCodePoints(a: string, b: string): number {
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i].codePointAt(0) as number) - (y[i].codePointAt(0) as number);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** `json.dumps(obj, sort_keys=True)` (compact: `separators=(',', ':')`) for a flat object. */
export function pythonJsonDumps(obj: Record<string, PyValue>, compact = false): string {
  const item = compact ? ',' : ', ';
  const kv = compact ? ':' : ': ';
  const keys = Object.keys(obj);
  // without surrogates, UTF-16 order (the default sort) is code point order
  if (keys.some((k) => SURROGATE.test(k))) keys.sort(compareCodePoints);
  else keys.sort();
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const v = obj[k];
    out += `${i === 0 ? '' : item}${pythonJsonString(k)}${kv}${typeof v === 'string' ? pythonJsonString(v) : v.int}`;
  }
  return out + '}';
}

/** `~/.aws/sso/cache/<key>.json`: sha1 of the sso-session name, or of the start URL for legacy profiles. */
export function ssoTokenCacheKey(ref: { ssoSession: string } | { startUrl: string }): CacheKey {
  return digest('sha1', 'ssoSession' in ref ? ref.ssoSession : ref.startUrl);
}

/** `~/.aws/cli/cache/<key>.json` for SSO role credentials. */
export function ssoRoleCredentialsCacheKey(
  ref: { accountId: string; roleName: string } & ({ ssoSession: string } | { startUrl: string }),
): CacheKey {
  // pythonJsonDumps({ accountId, roleName, sessionName | startUrl }, compact), its keys already in order
  const session = 'ssoSession' in ref && ref.ssoSession;
  const last = session ? `"sessionName":${pythonJsonString(ref.ssoSession)}` : `"startUrl":${pythonJsonString('startUrl' in ref ? ref.startUrl : '')}`;
  return digest('sha1', `{"accountId":${pythonJsonString(ref.accountId)},"roleName":${pythonJsonString(ref.roleName)},${last}}`);
}

/** The AssumeRole arguments botocore hashes, from a profile's properties (botocore's own rules). */
export function assumeRoleCacheArgs(properties: PropertyMap): Record<string, PyValue> {
  const has = (k: string) => Object.prototype.hasOwnProperty.call(properties, k);
  const args: Record<string, PyValue> = { RoleArn: properties.role_arn ?? '' };
  // An empty role_session_name makes botocore generate one, which is then left out of the key.
  if (has('role_session_name') && properties.role_session_name !== '') args.RoleSessionName = properties.role_session_name;
  if (has('external_id')) args.ExternalId = properties.external_id;
  if (has('mfa_serial')) args.SerialNumber = properties.mfa_serial;
  if (has('duration_seconds')) {
    const n = pythonInt(properties.duration_seconds);
    if (n) args.DurationSeconds = n; // botocore drops a value int() cannot read
  }
  return args;
}

/** `~/.aws/cli/cache/<key>.json` for the credentials of a profile's `role_arn` (AssumeRole). */
export function assumeRoleCacheKey(properties: PropertyMap): CacheKey {
  const args = assumeRoleCacheArgs(properties);
  // pythonJsonDumps(args): its only possible keys, already in sorted order
  let out = '{';
  for (let i = 0; i < ASSUME_ROLE_KEYS.length; i++) {
    const k = ASSUME_ROLE_KEYS[i];
    if (!Object.prototype.hasOwnProperty.call(args, k)) continue;
    const v = args[k];
    out += `${out.length > 1 ? ', ' : ''}"${k}": ${typeof v === 'string' ? pythonJsonString(v) : v.int}`;
  }
  return digest('sha1', out + '}');
}

/** The keys {@link assumeRoleCacheArgs} can set, in code point order. */
const ASSUME_ROLE_KEYS = ['DurationSeconds', 'ExternalId', 'RoleArn', 'RoleSessionName', 'SerialNumber'] as const;

/** `~/.aws/cli/cache/<key>.json` for AssumeRoleWithWebIdentity credentials (RoleArn, RoleSessionName). */
export function webIdentityCacheKey(properties: PropertyMap): CacheKey {
  const args: Record<string, PyValue> = { RoleArn: properties.role_arn ?? '' };
  const name = properties.role_session_name;
  if (name !== undefined && name !== '') args.RoleSessionName = name;
  return digest('sha1', pythonJsonDumps(args));
}

/** `~/.aws/login/cache/<key>.json`: sha256 of the `login_session` value. */
export function loginCacheKey(loginSession: string): CacheKey {
  return digest('sha256', loginSession);
}
