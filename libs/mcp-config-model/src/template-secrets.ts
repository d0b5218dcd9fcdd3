/**
 * template-secrets: what may go into a file meant for git, value by value. Used by `toTemplate`
 * (to replace every secret-looking value by a placeholder), by `hydrate` (never to fill a secret
 * name), and by the Nx `mcp-check` (to fail on the same patterns in a committed template).
 *
 * This is the template side of the one secret policy (secrets/policy.ts): names are judged by the
 * policy's `classifySecretName` (its `secret` verdicts), values by its `isSecretValue` plus the shapes
 * below, which also name the variable a placeholder gets. Values are never echoed: findings name
 * the field only.
 */
import { McpConfigError } from './errors';
import { hasVariableRef } from './model/variables';
import { isSecretValue as isSecretValueByPolicy, isTemplateSecretName, variableNameFor } from './secrets/policy';

/** Where a value sits in a server entry. */
export interface ValuePlace {
  /** `env`, `headers`, `args`, `url`, `command`, `envFile` or an extra key. */
  field: string;
  /** The env / header name, or the flag an argument belongs to (`--api-key`). */
  key?: string;
}

export type TemplateValueKind = 'safe' | 'secret' | 'unknown';

export interface TemplateValueVerdict {
  kind: TemplateValueKind;
  /** Why (never the value itself). */
  reason: string;
}

/** One secret part replaced (or to replace) by a placeholder. */
export interface SecretPart {
  /** The variable the placeholder names (`GITHUB_TOKEN`). */
  variable: string;
  /** Why it is a secret (never the value). */
  reason: string;
}

export interface ScrubResult {
  /** The value with every secret part replaced by `placeholder(variable)`. */
  value: string;
  secrets: SecretPart[];
  /** Set when what is left looks like a credential we cannot classify: refuse it without --allow-literal. */
  unknown?: string;
}

/** The name rule is the one secret policy's (`secret` verdicts: see classifySecretName there). */
export { isTemplateSecretName, variableNameFor } from './secrets/policy';

/** Value shapes that are credentials wherever they appear, with the variable to name them by. */
const SECRET_SHAPES: { re: RegExp; variable: string; reason: string }[] = [
  { re: /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])/g, variable: 'AWS_ACCESS_KEY_ID', reason: 'an AWS access key id' },
  { re: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g, variable: 'GITHUB_TOKEN', reason: 'a GitHub token' },
  { re: /(?<![A-Za-z0-9])glpat-[A-Za-z0-9_-]{16,}/g, variable: 'GITLAB_TOKEN', reason: 'a GitLab token' },
  { re: /(?<![A-Za-z0-9])xox[abposr]-[A-Za-z0-9-]{10,}/g, variable: 'SLACK_TOKEN', reason: 'a Slack token' },
  { re: /(?<![A-Za-z0-9])(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,}/g, variable: 'STRIPE_KEY', reason: 'a Stripe key' },
  { re: /(?<![A-Za-z0-9])sk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}/g, variable: 'API_KEY', reason: 'an API secret key (sk-...)' },
  { re: /(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{35}/g, variable: 'GOOGLE_API_KEY', reason: 'a Google API key' },
  { re: /(?<![A-Za-z0-9])npm_[A-Za-z0-9]{30,}/g, variable: 'NPM_TOKEN', reason: 'an npm token' },
  { re: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, variable: 'TOKEN', reason: 'a JSON Web Token' },
  { re: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g, variable: 'PRIVATE_KEY', reason: 'a private key' },
];

/** A 40-character AWS secret access key shape (mixed case and digits; a hex hash is not one). */
const AWS_SECRET_SHAPE = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;

function isAwsSecretShape(s: string): boolean {
  return /[a-z]/.test(s) && /[A-Z]/.test(s) && /[0-9]/.test(s) && !/^[0-9a-fA-F]+$/.test(s);
}

/** Does the value hold a credential by its shape alone (AWS key id or secret key, GitHub / Slack / npm token, JWT, private key...)? */
export function isSecretValue(value: string): boolean {
  if (isSecretValueByPolicy(value)) return true; // the one secret policy; then the shapes templates name a variable by
  for (const s of SECRET_SHAPES) {
    s.re.lastIndex = 0;
    if (s.re.test(value)) return true;
  }
  for (const m of value.matchAll(AWS_SECRET_SHAPE)) if (isAwsSecretShape(m[0])) return true;
  return false;
}

/** Query parameters whose values are secrets. */
function isSecretParam(name: string): boolean {
  const n = name.toLowerCase();
  if (/^x-amz-(signature|security-token|credential)$/.test(n)) return true;
  return /^(token|access_token|id_token|refresh_token|auth|auth_token|authorization|key|api_key|apikey|api-key|app_key|secret|client_secret|password|pass|pwd|sig|signature|code|sas|sv_sig)$/.test(n) || isTemplateSecretName(name);
}

/**
 * A long random-looking string (no spaces; letters and digits mixed with many changes between
 * character classes, like a key or token, unlike words, versions, dates, images and paths): in an
 * env or header value or a flag's argument, something we cannot tell from a credential.
 */
export function looksRandom(value: string): boolean {
  const v = value.trim();
  if (v.length < 16 || /\s/.test(v)) return false;
  if (!/^[A-Za-z0-9+/=_\-.~:]+$/.test(v)) return false;
  if (/^(arn:|[a-z][a-z0-9+.-]*:\/\/|\.{0,2}\/|~)/.test(v)) return false;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) return false; // a UUID: an id, not a key
  if (/^[a-z]{1,12}-[0-9a-f]{8}([0-9a-f]{9})?$/.test(v)) return false; // an AWS resource id (vpc-0a1b2c3d4e5f67890, sg-, i-, ami-...)
  if (!/[A-Za-z]/.test(v) || !/[0-9]/.test(v)) return false;
  // changes between lower case, upper case and digits inside each alphanumeric run: a key has many
  // (`x7Kq2mP9`), names, versions and dates have few (`cluster01`, `ReadOnlyAccess`, `0.1.37`)
  const kind = (c: string) => (c >= 'a' && c <= 'z' ? 1 : c >= 'A' && c <= 'Z' ? 2 : 3);
  let changes = 0;
  let alnum = 0;
  let longest = 0;
  for (const run of v.split(/[^A-Za-z0-9]+/)) {
    alnum += run.length;
    longest = Math.max(longest, run.length);
    for (let i = 1; i < run.length; i++) if (kind(run[i]!) !== kind(run[i - 1]!)) changes++;
  }
  const counts = new Map<string, number>();
  for (const c of v) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / v.length) * Math.log2(n / v.length);
  return longest >= 12 && changes / alnum >= 0.3 && h >= 3;
}

/** Placeholder maker: variable name -> the text to put in the template. */
export type PlaceholderFn = (variable: string) => string;

const AUTH_SCHEME = /^(Bearer|Basic|Token|Digest|Bot|ApiKey|Api-Key)(\s+)(\S.*)$/i;
const URL_RE = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#"'<>]*)([^\s"'<>]*)/gi;

function scrubUrls(value: string, base: string, placeholder: PlaceholderFn, secrets: SecretPart[]): string {
  return value.replace(URL_RE, (_m, scheme: string, authority: string, rest: string) => {
    let auth = authority;
    const at = auth.lastIndexOf('@');
    if (at >= 0) {
      const userinfo = auth.slice(0, at);
      const colon = userinfo.indexOf(':');
      if (colon >= 0 && !hasVariableRef(userinfo.slice(colon + 1)) && userinfo.slice(colon + 1) !== '') {
        const variable = `${base}_PASSWORD`;
        secrets.push({ variable, reason: 'a password in a URL (user:password@host)' });
        auth = `${userinfo.slice(0, colon + 1)}${placeholder(variable)}${auth.slice(at)}`;
      } else if (colon < 0 && userinfo !== '' && !hasVariableRef(userinfo) && (looksRandom(userinfo) || isSecretValue(userinfo))) {
        const variable = `${base}_TOKEN`;
        secrets.push({ variable, reason: 'a token as the user of a URL (token@host)' });
        auth = `${placeholder(variable)}${auth.slice(at)}`;
      }
    }
    const q = rest.search(/[?#]/);
    let tail = rest;
    if (q >= 0) {
      const head = rest.slice(0, q + 1);
      const query = rest.slice(q + 1);
      tail =
        head +
        query.replace(/([^&=#;]+)=([^&#;]*)/g, (pair, name: string, v: string) => {
          if (v === '' || hasVariableRef(v) || !isSecretParam(decodeURIComponentSafe(name))) return pair;
          const variable = variableNameFor(decodeURIComponentSafe(name));
          secrets.push({ variable, reason: `a secret query parameter (${name})` });
          return `${name}=${placeholder(variable)}`;
        });
    }
    return scheme + auth + tail;
  });
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function scrubShapes(value: string, placeholder: PlaceholderFn, secrets: SecretPart[], variableHint?: string): string {
  let out = value;
  for (const s of SECRET_SHAPES) {
    out = out.replace(s.re, () => {
      const variable = s.variable === 'AWS_ACCESS_KEY_ID' ? s.variable : (variableHint ?? s.variable);
      secrets.push({ variable, reason: s.reason });
      return placeholder(variable);
    });
  }
  out = out.replace(AWS_SECRET_SHAPE, (m) => {
    if (!isAwsSecretShape(m) || hasVariableRef(m)) return m;
    const variable = variableHint ?? 'AWS_SECRET_ACCESS_KEY';
    secrets.push({ variable, reason: 'a 40-character secret key' });
    return placeholder(variable);
  });
  return out;
}

/**
 * Replace every secret part of one value by a placeholder: the whole value when its name marks a
 * secret (keeping an auth scheme: `Bearer ${AUTHORIZATION}`), URL passwords and secret query
 * parameters, and credential shapes anywhere (AWS keys, GitHub tokens, JWTs...). What is left is
 * checked: a long random string where a secret could be (an env or header value, a flag's argument)
 * is `unknown`. Values that are already placeholders are left alone.
 */
export function scrubTemplateValue(value: string, place: ValuePlace, placeholder: PlaceholderFn): ScrubResult {
  const secrets: SecretPart[] = [];
  if (value === '') return { value, secrets };
  const key = place.key;
  if (key !== undefined && isTemplateSecretName(key) && !isPlaceholderOnly(value) && !/^(true|false|yes|no|on|off|0|1)$/i.test(value.trim())) {
    const variable = variableNameFor(key);
    const scheme = AUTH_SCHEME.exec(value);
    if (scheme && !hasVariableRef(scheme[3]!)) {
      secrets.push({ variable, reason: `${place.field} ${key} names a secret` });
      return { value: `${scheme[1]}${scheme[2]}${placeholder(variable)}`, secrets };
    }
    if (!hasVariableRef(value)) {
      secrets.push({ variable, reason: `${place.field} ${key} names a secret` });
      return { value: placeholder(variable), secrets };
    }
  }
  const base = (key !== undefined ? variableNameFor(key).replace(/_(URL|URI|ENDPOINT)$/, '') : '') || 'URL';
  let out = scrubUrls(value, base, placeholder, secrets);
  out = scrubShapes(out, placeholder, secrets);
  // an `Authorization: Bearer x` / `X-Api-Key: x` header given as an argument (`-H`, `--header`)
  out = out.replace(/^([A-Za-z0-9-]+)(\s*:\s*)(.+)$/, (m, name: string, sep: string, v: string) => {
    if (!isTemplateSecretName(name) || hasVariableRef(v)) return m;
    const variable = variableNameFor(name);
    secrets.push({ variable, reason: `header ${name} names a secret` });
    const scheme = AUTH_SCHEME.exec(v);
    return `${name}${sep}${scheme ? `${scheme[1]}${scheme[2]}` : ''}${placeholder(variable)}`;
  });
  const result: ScrubResult = { value: out, secrets };
  // an identifier by its name (`VPC_ID`, `CLIENT_ID`, `CLUSTER_NAME`, `ROLE_ARN`) is not a credential
  const identifier = key !== undefined && /(^|_)(ID|IDS|NAME|ARN|ACCOUNT|REGION)$/.test(variableNameFor(key));
  const suspicious = !identifier && (place.field === 'env' || place.field === 'headers' || (place.field === 'args' && key !== undefined));
  if (suspicious && !hasVariableRef(out)) {
    const rest = AUTH_SCHEME.exec(out)?.[3] ?? out;
    if (looksRandom(rest)) result.unknown = `${describe(place)} holds a long random-looking literal that may be a credential`;
  }
  return result;
}

function isPlaceholderOnly(value: string): boolean {
  return /^\s*((Bearer|Basic|Token|Digest|Bot|ApiKey|Api-Key)\s+)?\$\{[^{}]+\}\s*$/i.test(value);
}

function describe(place: ValuePlace): string {
  if (place.field === 'args') return place.key ? `the argument of ${place.key}` : 'an argument';
  return place.key !== undefined ? `${place.field}.${place.key}` : place.field;
}

/** Is this flag one whose value is a secret (`--api-key`, `--token`, `--password`, `--client-secret`)? */
export function isSecretFlag(flag: string): boolean {
  return /^--?[A-Za-z]/.test(flag) && isTemplateSecretName(flag);
}

/** Flags that take `NAME=VALUE` env assignments (docker / podman / finch `-e`, `--env`). */
const ENV_FLAGS = new Set(['-e', '--env', '--set-env', '--build-arg']);
/** Flags that take a `Name: value` header. */
const HEADER_FLAGS = new Set(['-H', '--header']);

export interface ArgsScrub {
  args: string[];
  secrets: (SecretPart & { index: number })[];
  /** Arguments left literal that look like credentials (refuse without --allow-literal). */
  unknown: { index: number; reason: string }[];
}

/**
 * Scrub an argument list: `--api-key x` / `--token=x` (by the flag's name), docker `-e TOKEN=x` /
 * `--env=TOKEN=x` (by the env name), `-H 'X-Api-Key: x'`, URLs with credentials and credential
 * shapes anywhere. `-e KEY` without a value (passed through from the environment) is left alone.
 */
export function scrubTemplateArgs(args: readonly string[], placeholder: PlaceholderFn): ArgsScrub {
  const out: string[] = [...args];
  const secrets: ArgsScrub['secrets'] = [];
  const unknown: ArgsScrub['unknown'] = [];
  const take = (index: number, r: ScrubResult) => {
    out[index] = r.value;
    for (const s of r.secrets) secrets.push({ ...s, index });
    if (r.unknown) unknown.push({ index, reason: r.unknown });
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const prev = i > 0 ? args[i - 1]! : undefined;
    const eq = a.indexOf('=');
    if (prev !== undefined && ENV_FLAGS.has(prev) && eq > 0) {
      const name = a.slice(0, eq);
      const r = scrubTemplateValue(a.slice(eq + 1), { field: 'env', key: name }, placeholder);
      take(i, { ...r, value: `${name}=${r.value}` });
      continue;
    }
    if (prev !== undefined && HEADER_FLAGS.has(prev)) {
      take(i, scrubTemplateValue(a, { field: 'args' }, placeholder));
      continue;
    }
    if (a.startsWith('-') && eq > 0) {
      const flag = a.slice(0, eq);
      const value = a.slice(eq + 1);
      if (ENV_FLAGS.has(flag) && value.indexOf('=') > 0) {
        const e = value.indexOf('=');
        const name = value.slice(0, e);
        const r = scrubTemplateValue(value.slice(e + 1), { field: 'env', key: name }, placeholder);
        take(i, { ...r, value: `${flag}=${name}=${r.value}` });
        continue;
      }
      const r = scrubTemplateValue(value, { field: 'args', key: flag }, placeholder);
      take(i, { ...r, value: `${flag}=${r.value}` });
      continue;
    }
    if (prev !== undefined && /^--?[A-Za-z]/.test(prev) && !prev.includes('=') && !a.startsWith('-')) {
      take(i, scrubTemplateValue(a, { field: 'args', key: prev }, placeholder));
      continue;
    }
    take(i, scrubTemplateValue(a, { field: 'args' }, placeholder));
  }
  return { args: out, secrets, unknown };
}

/**
 * One value's verdict for a template: `secret` (it would be replaced by a placeholder, or a
 * committed template holds it literally), `unknown` (a literal we cannot tell from a credential, in
 * a place where one could be), or `safe`.
 */
export function classifyTemplateValue(value: string, place: ValuePlace): TemplateValueVerdict {
  const one = scrubTemplateValue(value, place, (v) => `\${${v}}`);
  if (one.secrets.length > 0) return { kind: 'secret', reason: [...new Set(one.secrets.map((s) => s.reason))].join('; ') };
  if (one.unknown) return { kind: 'unknown', reason: one.unknown };
  return { kind: 'safe', reason: 'no secret name or shape' };
}

export interface TemplateSecretFinding {
  server: string;
  /** JSON path inside the server entry: `['env', 'GITHUB_TOKEN']`, `['args', 3]`, `['url']`. */
  path: (string | number)[];
  kind: 'secret' | 'unknown';
  /** What it is (never the value). */
  reason: string;
}

/** The fields of a server entry the template checks and scrubs. */
export interface TemplateEntryLike {
  name: string;
  command?: string;
  args?: string[];
  env?: Record<string, string>;
  url?: string;
  headers?: Record<string, string>;
  envFile?: string;
  extra?: Record<string, unknown>;
}

/**
 * Every secret and every unclassifiable literal in a server entry, by field (never the value).
 * `mcp-check` fails on `secret` findings in a committed template and reports `unknown` ones; the
 * template generator replaces the secrets and refuses `unknown` ones without --allow-literal.
 */
export function findTemplateSecrets(entry: TemplateEntryLike, host?: { secretsFromEnv?: Record<string, string | undefined> }): TemplateSecretFinding[] {
  const envNames = envNameKeys(host);
  const out: TemplateSecretFinding[] = [];
  const id = (v: string) => `\${${v}}`;
  const add = (path: (string | number)[], r: { secrets: SecretPart[]; unknown?: string }) => {
    if (r.secrets.length > 0) out.push({ server: entry.name, path, kind: 'secret', reason: [...new Set(r.secrets.map((s) => s.reason))].join('; ') });
    else if (r.unknown) out.push({ server: entry.name, path, kind: 'unknown', reason: r.unknown });
  };
  for (const field of ['env', 'headers'] as const) {
    for (const [k, v] of Object.entries(entry[field] ?? {})) add([field, k], scrubTemplateValue(v, { field, key: k }, id));
  }
  if (entry.args) {
    const r = scrubTemplateArgs(entry.args, id);
    entry.args.forEach((_a, i) => add(['args', i], { secrets: r.secrets.filter((s) => s.index === i), ...(r.unknown.find((u) => u.index === i) ? { unknown: r.unknown.find((u) => u.index === i)!.reason } : {}) }));
  }
  for (const field of ['command', 'url', 'envFile'] as const) {
    const v = entry[field];
    if (typeof v === 'string') add([field], scrubTemplateValue(v, { field }, id));
  }
  const walk = (v: unknown, path: (string | number)[]) => {
    if (typeof v === 'string') add(path, scrubTemplateValue(v, { field: String(path[0]), ...(typeof path[path.length - 1] === 'string' && path.length > 1 ? { key: String(path[path.length - 1]) } : {}) }, id));
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  for (const [k, v] of Object.entries(entry.extra ?? {})) {
    if (k === '_account' || envNames.has(k)) continue;
    walk(v, [k]);
  }
  return out;
}

/**
 * Keys whose values are environment variable names, not values (Codex `env_vars`,
 * `env_http_headers`, `bearer_token_env_var`: the adapter's `secretsFromEnv`): never secrets.
 */
export function envNameKeys(host?: { secretsFromEnv?: Record<string, string | undefined> }): Set<string> {
  return new Set(Object.values(host?.secretsFromEnv ?? {}).filter((k): k is string => typeof k === 'string'));
}

/** A template would hold literals that may be credentials (`fields` name where; values are never included). */
export class TemplateSecretError extends McpConfigError {
  constructor(
    message: string,
    readonly fields: TemplateSecretFinding[],
  ) {
    super('TEMPLATE_LITERAL', message);
  }
}
