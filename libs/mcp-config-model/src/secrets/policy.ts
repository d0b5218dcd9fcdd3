/**
 * The secret policy: ONE place that decides what is secret-looking in an MCP entry, a host file,
 * a command line or a line of free text, and how it is masked. Every output path (tables, diffs,
 * --json, errors, stderr excerpts, templates, audits) calls these predicates; nothing else keeps
 * its own list. No imports: the CLI loads this file on its hottest paths.
 *
 * The rules, in short:
 * - a NAME (env variable, header, JSON key, command-line flag) is secret when one of its words is
 *   TOKEN, SECRET, PASSWORD/PASSWD/PASS/PWD, KEY (API_KEY, APIKEY, PRIVATE_KEY, DD_APP_KEY...),
 *   CREDENTIAL(S), AUTH/AUTHORIZATION, COOKIE, DSN, SIGNATURE/SIG, SESSION, or it is DATABASE_URL /
 *   a *_CONNECTION_STRING; the AWS profile and region names (AWS_PROFILE, AWS_REGION, *_PROFILE,
 *   *_REGION...) never are.
 * - a VALUE is secret when it looks like a credential whatever its name: AWS access key ids
 *   (AKIA/ASIA...), a 40-character AWS secret key, GitHub (`ghp_`, `gho_`, `github_pat_`...),
 *   Slack (`xox?-`), GitLab, npm, OpenAI / Anthropic keys, JWTs, `Bearer` / `Basic` credentials,
 *   PEM private keys, a URL with a password or a secret query parameter.
 * - in an ARGUMENT LIST, the value after a secret flag (`--api-key x`), the value of `--token=x`,
 *   docker's `-e KEY=VALUE` / `--env KEY=VALUE` with a secret KEY, and any secret-looking value.
 */

/** What a masked value is shown as. */
export const SECRET_MASK = '••••';

/** Names that are never secret although a word in them might look so (the AWS profile and region settings). */
const NEVER_SECRET = /^(AWS_(DEFAULT_)?(PROFILE|REGION)|AWS_API_MCP_PROFILE_NAME|AWS_SDK_LOAD_CONFIG|AWS_CONFIG_FILE|AWS_SHARED_CREDENTIALS_FILE|AWS_ROLE_ARN|AWS_ROLE_SESSION_NAME|CREDENTIAL_PROCESS|CREDENTIAL_SOURCE|AWS_ENDPOINT_URL(_[A-Z0-9_]+)?|.*_(PROFILE|PROFILE_NAME|REGION|REGIONS|FILE|PATH|DIR|ENDPOINT|URL_HOST|ID_TYPE))$/;

/** Words (between `_`, `-`, `.`, spaces or case changes) that make a name secret. */
const SECRET_WORDS = new Set([
  'TOKEN',
  'TOKENS',
  'SECRET',
  'SECRETS',
  'PASSWORD',
  'PASSWD',
  'PASS',
  'PWD',
  'PASSPHRASE',
  'KEY',
  'APIKEY',
  'PRIVATEKEY',
  'ACCESSKEY',
  'CREDENTIAL',
  'CREDENTIALS',
  'CREDS',
  'AUTH',
  'AUTHORIZATION',
  'OAUTH',
  'COOKIE',
  'DSN',
  'SIG',
  'SIGNATURE',
  'SESSION',
  'BEARER',
  'JWT',
  'PAT',
  'OTP',
  'SALT',
]);

/** Whole-name patterns (glued words: `APIKEY`, `GITHUBTOKEN`, `DATABASE_URL`, `X-Api-Key`...). */
const SECRET_GLUED = /(TOKEN|SECRET|PASSW(OR)?D|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL|AUTHORIZATION|DATABASE_?URL|CONNECTION_?STRING|CONN_?STR|_DSN$|^DSN$|COOKIE)/;

/** The words of a name: `X-Api-Key` -> X, API, KEY; `githubToken` -> GITHUB, TOKEN. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
}

function normalName(name: string): string {
  return name.replace(/^-+/, '').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

/** Static AWS credentials (env names). */
const STATIC_AWS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN'];

/**
 * Names whose values are certainly secrets (env names, header names, flag names without dashes,
 * query parameters): tokens, passwords, API / app / private keys, credentials, auth headers,
 * cookies, connection strings (`DATABASE_URL`, `*_DSN`) and every `*_KEY` (`DD_APP_KEY`, `X-Api-Key`).
 */
const SECRET_NAME =
  /(SECRET|TOKEN|PASSWORD|PASSWD|PASSPHRASE|(^|_)PASS(_|$)|(^|_)PWD(_|$)|API_?KEY|APP_?KEY|ACCESS_?KEY|PRIVATE_?KEY|SIGNING_?KEY|(^|_)KEY$|CREDENTIAL|(^|_)AUTH(_|$)|AUTHORIZATION|COOKIE|SIGNATURE|(^|_)SIG$|CONNECTION_?STRING|CONN_?STR|CLIENT_?SECRET|LICENSE_?KEY)/;
/** Connection strings and hooks whose whole value is a secret although they end in `_URL`. */
const SECRET_URL_NAME = /^(DATABASE_URL|DB_URL|[A-Z0-9_]*_DSN|DSN|[A-Z0-9_]*WEBHOOK_URL|[A-Z0-9_]*(POSTGRES|MYSQL|MONGO|MONGODB|REDIS|AMQP|RABBITMQ)_URL)$/;
/** Endings of names that hold no secret themselves (a file or id of one, a URL checked for credentials). */
const SAFE_SUFFIX = /_(FILE|PATH|DIR|ID|NAME|TYPE|MODE|METHOD|HEADER|REGION|ENDPOINT|HOST|PORT|USER|USERNAME|URL|URI|ENABLED|DISABLED|TTL|TIMEOUT|EXPIRY|EXPIRES)$/;
const SAFE_NAMES = new Set(['PWD', 'AUTHOR', 'AUTHORS']);

/** `X-Api-Key` / `--api-key` / `dd.app.key` -> `X_API_KEY` / `API_KEY` / `DD_APP_KEY`. */
export function variableNameFor(name: string): string {
  const v = name
    .replace(/^-+/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .replace(/[^A-Z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return v === '' ? 'SECRET' : /^[0-9]/.test(v) ? `_${v}` : v;
}

/**
 * How sure the policy is that the value named `name` is a secret:
 * - `secret`: certainly (`GITHUB_TOKEN`, `X-Api-Key`, `DATABASE_URL`, `DD_APP_KEY`, the static AWS
 *   keys): templates replace the value by a placeholder, hydrate never fills it from a flag;
 * - `possible`: a word of the name suggests one, but the name also reads as an id, a file, a URL or
 *   a setting (`KMS_KEY_ID`, `AUTH_URL`, `SESSION_TTL`, `PWD`): output masks it (masking too much
 *   costs nothing), templates keep it (a placeholder for a non-secret would break the config);
 * - `none`.
 * One rule, two thresholds: {@link isSecretName} (output) is `secret` or `possible`,
 * {@link isTemplateSecretName} (files meant for git) is `secret` only.
 */
export function classifySecretName(name: string): 'secret' | 'possible' | 'none' {
  if (!name) return 'none';
  const known = nameVerdicts.get(name);
  if (known !== undefined) return known;
  const t = variableNameFor(name);
  const n = normalName(name);
  let verdict: 'secret' | 'possible' | 'none';
  if (NEVER_SECRET.test(n)) verdict = 'none';
  else if (STATIC_AWS.includes(t) || SECRET_URL_NAME.test(t)) verdict = 'secret';
  else if (!SAFE_NAMES.has(t) && !SAFE_SUFFIX.test(t) && SECRET_NAME.test(t)) verdict = 'secret';
  else verdict = SECRET_GLUED.test(n) || words(name.replace(/^-+/, '')).some((w) => SECRET_WORDS.has(w)) ? 'possible' : 'none';
  // names repeat (every entry has AWS_PROFILE, args, env...): remember a bounded number of verdicts
  if (nameVerdicts.size >= 10_000) nameVerdicts.clear();
  nameVerdicts.set(name, verdict);
  return verdict;
}

/**
 * Whether output must mask the value of a key / env variable / header / flag with this name
 * (`GITHUB_TOKEN`, `X-Api-Key`, `Authorization`, `--api-key`, `DATABASE_URL`, `DD_APP_KEY`...).
 * `AWS_PROFILE`, `AWS_REGION` and other profile / region names are not secret.
 */
export function isSecretName(name: string): boolean {
  return classifySecretName(name) !== 'none';
}

/** Whether a file meant for git must not hold this name's value (see {@link classifySecretName}). */
export function isTemplateSecretName(name: string): boolean {
  return classifySecretName(name) === 'secret';
}

const nameVerdicts = new Map<string, 'secret' | 'possible' | 'none'>();

/** Token shapes that are secret wherever they appear (free text included). Global, for replacing. */
const TOKEN_PATTERNS: readonly RegExp[] = [
  // AWS access key ids
  /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|AIDA|AROA|AGPA|ANPA|ANVA|APKA|ASCA)[A-Z0-9]{16}(?![A-Za-z0-9])/g,
  // GitHub tokens (classic, fine-grained, OAuth, user-to-server, server-to-server, refresh)
  /\b(?:gh[pousr]_[A-Za-z0-9_]{8,}|github_pat_[A-Za-z0-9_]{8,})/g,
  // GitLab, npm, Slack, OpenAI / Anthropic, Stripe, Google API keys, SendGrid, Hugging Face, Datadog-ish
  /\b(?:glpat-[A-Za-z0-9_-]{8,}|npm_[A-Za-z0-9]{16,}|xox[a-z]-[A-Za-z0-9-]{6,}|sk-(?:ant-|proj-)?[A-Za-z0-9_-]{12,}|[rs]k_(?:live|test)_[A-Za-z0-9]{8,}|AIza[0-9A-Za-z_-]{20,}|SG\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}|hf_[A-Za-z0-9]{16,})/g,
  // JSON Web Tokens
  /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g,
  // session tokens and other long base64 blobs (AWS session tokens are hundreds of characters)
  /(?<![A-Za-z0-9/+=_-])(?=[A-Za-z0-9/+]*[0-9/+])(?=[A-Za-z0-9/+]*[a-z])(?=[A-Za-z0-9/+]*[A-Z])[A-Za-z0-9/+]{80,}={0,2}(?![A-Za-z0-9/+=_-])/g,
  // PEM private keys (the whole block when it is there, else the header line)
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
];

/** A 40-character AWS secret access key (base64 alphabet, mixed case and a digit or / or +). */
const AWS_SECRET_KEY = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;

function looksLikeAwsSecretKey(s: string): boolean {
  return /[a-z]/.test(s) && /[A-Z]/.test(s) && /[0-9/+]/.test(s) && !/^[0-9a-f]{40}$/i.test(s);
}

/** `Bearer x`, `Basic x`, `token x` credentials (an Authorization header's value). */
const AUTH_SCHEME = /\b(Bearer|Basic|Digest|Token|Bot|ApiKey)(\s+)([^\s"',;]+)/gi;

/** `scheme://user:password@host`. */
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@"'<>]*:)([^\s@/"'<>]+)(@)/gi;

/** Query / fragment parameters that carry secrets (`?token=`, `&key=`, `&sig=`, presigned URLs...). */
const SECRET_PARAM = /([?&#;](?:[A-Za-z0-9_.-]*(?:token|secret|password|passwd|pwd|key|sig|signature|auth|credential|session|code)[A-Za-z0-9_.-]*)=)([^&#\s"'<>]+)/gi;

/** `NAME=value` (env dumps, `-e KEY=VALUE`, `--token=value`): masked when NAME is secret. */
const ASSIGNMENT = /(^|[\s"'(\[,;{])(-{0,2}[A-Za-z_][A-Za-z0-9_.-]*)(=)("[^"]*"|'[^']*'|[^\s"',;)\]}]+)/g;

/** `"name": "value"` (JSON) and `name: value` (YAML, headers, log lines): masked when name is secret. */
const JSON_PAIR = /("((?:[^"\\\n]|\\.)*)"\s*:\s*")((?:[^"\\\n]|\\.)*)(")/g;
const COLON_PAIR = /(^|[\s{,;(])([A-Za-z_][A-Za-z0-9_.-]*)(:[ \t]*)(?![\s"]|\/\/)([^\s,;}{)]+)/g;

/** `--api-key value` / `-p value` on a command line in free text: the word after a secret flag. */
const FLAG_SPACE = /(^|\s)(--?[A-Za-z][A-Za-z0-9_-]*)([ \t]+)(?!-)("[^"]*"|'[^']*'|[^\s"']+)/g;

/** Whether a value looks like a credential whatever the name it is stored under. */
export function isSecretValue(value: string): boolean {
  if (!value) return false;
  for (const re of TOKEN_PATTERNS) {
    re.lastIndex = 0;
    if (re.test(value)) return true;
  }
  AWS_SECRET_KEY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = AWS_SECRET_KEY.exec(value))) if (looksLikeAwsSecretKey(m[0])) return true;
  if (/^\s*(Bearer|Basic|Digest)\s+\S+/i.test(value)) return true;
  URL_PASSWORD.lastIndex = 0;
  if (URL_PASSWORD.test(value)) return true;
  SECRET_PARAM.lastIndex = 0;
  if (/[a-z]:\/\//i.test(value) && SECRET_PARAM.test(value)) return true;
  return false;
}

/** `value` masked when it is secret by `name` or by its look; else unchanged. */
export function maskValue(name: string | undefined, value: string): string {
  if (value === '') return value;
  if (name !== undefined && isSecretName(name)) return isPlaceholder(value) ? value : SECRET_MASK;
  return maskSecretsInText(value);
}

/** `${VAR}`, `${input:x}`, `${env:X}`, `{{x}}`: a reference, not a secret. */
function isPlaceholder(value: string): boolean {
  return /^\s*(\$\{[^}]+\}|\{\{[^}]+\}\}|\$[A-Z_][A-Z0-9_]*)\s*$/.test(value);
}

function maskUnlessPlaceholder(value: string): string {
  const unquoted = value.replace(/^(["'])([\s\S]*)\1$/, '$2');
  if (unquoted === '' || isPlaceholder(unquoted) || unquoted === SECRET_MASK) return value;
  const q = value !== unquoted ? value[0] : '';
  return `${q}${SECRET_MASK}${q}`;
}

/** `Command failed: prog args...` (Node's child_process error, which the AWS SDK passes on for a credential_process). */
const FAILED_COMMAND = /(Command failed: )(\S*)([^\n]*)/g;

/** Where a token shape can start (see TOKEN_PATTERNS). */
const TOKEN_HINT = /A[A-Z]{3}[A-Z0-9]{16}|gh[pousr]_|github_pat_|glpat-|npm_|xox[a-z]-|sk-|[rs]k_(?:live|test)|AIza|SG\.|hf_|eyJ|BEGIN|[A-Za-z0-9/+]{80}/;
/** A run of 40 base64 characters (an AWS secret key candidate). */
const LONG_RUN = /[A-Za-z0-9/+]{40}/;
const SCHEME_HINT = /bearer|basic|digest|token|bot|apikey/i;

/** Quick test: can this text hold anything {@link maskSecretsInText} would change? */
const MAYBE_SECRET = /[=:@]|\s-|gh|xox|eyJ|sk[-_]|glpat|npm_|AIza|SG\.|hf_|BEGIN|A[A-Z]{3}[A-Z0-9]{16}|[A-Za-z0-9/+]{40}|bearer|basic|digest|token|apikey/i;

/**
 * Free text (a log line, an error message, a server's stderr, a command line, a JSON or YAML line)
 * with every secret-looking value replaced by {@link SECRET_MASK}: known token shapes, AWS keys,
 * `Authorization: Bearer x`, `user:pass@` in URLs, `?token=` parameters, `NAME=value` /
 * `"name": "value"` / `name: value` pairs with a secret name, and `--api-key value` flags.
 */
export function maskSecretsInText(text: string): string {
  if (!text || !MAYBE_SECRET.test(text)) return text;
  let out = text;
  // each rule only where its marker character occurs (diffs mask thousands of lines)
  if (TOKEN_HINT.test(out)) for (const re of TOKEN_PATTERNS) out = out.replace(re, SECRET_MASK);
  // a failed command's line (Node's exec error, a credential_process): the program name only
  if (out.includes('Command failed: ')) out = out.replace(FAILED_COMMAND, (_m, head: string, program: string, rest: string) => `${head}${program}${rest.trim() ? ` ${SECRET_MASK}` : ''}`);
  if (LONG_RUN.test(out)) out = out.replace(AWS_SECRET_KEY, (m) => (looksLikeAwsSecretKey(m) ? SECRET_MASK : m));
  if (SCHEME_HINT.test(out)) out = out.replace(AUTH_SCHEME, (m, scheme: string, gap: string, cred: string) => (cred === SECRET_MASK || isPlaceholder(cred) ? m : `${scheme}${gap}${SECRET_MASK}`));
  if (out.includes('@')) out = out.replace(URL_PASSWORD, (_m, head: string, pass: string, at: string) => `${head}${isPlaceholder(pass) ? pass : SECRET_MASK}${at}`);
  const eq = out.includes('=');
  if (eq) out = out.replace(SECRET_PARAM, (m, head: string, value: string) => (isPlaceholder(value) ? m : `${head}${SECRET_MASK}`));
  if (out.includes('":')) out = out.replace(JSON_PAIR, (m, head: string, name: string, value: string, tail: string) => (isSecretName(name) && value !== '' && !isPlaceholder(value) ? `${head}${SECRET_MASK}${tail}` : m));
  if (eq) out = out.replace(ASSIGNMENT, (m, pre: string, name: string, eq: string, value: string) => (isSecretName(name) ? `${pre}${name}${eq}${maskUnlessPlaceholder(value)}` : m));
  if (out.includes(':')) out = out.replace(COLON_PAIR, (m, pre: string, name: string, sep: string, value: string) => {
    if (!isSecretName(name) || value === SECRET_MASK) return m;
    // `Authorization: Bearer x` was masked above: keep the scheme word
    if (/^(Bearer|Basic|Digest|Token)$/i.test(value)) return m;
    return `${pre}${name}${sep}${maskUnlessPlaceholder(value)}`;
  });
  if (out.includes('-')) out = out.replace(FLAG_SPACE, (m, pre: string, flag: string, gap: string, value: string) => (isSecretName(flag) && value !== SECRET_MASK ? `${pre}${flag}${gap}${maskUnlessPlaceholder(value)}` : m));
  return out;
}

/** Docker / podman style flags whose next argument is `KEY=VALUE`. */
const ENV_FLAGS = new Set(['-e', '--env', '--build-arg', '--secret', '--set-env-vars', '--set', '--var']);

/** Flags whose next argument is a secret although the flag's name does not say so. */
const VALUE_SECRET_FLAGS = new Set(['-p', '--pass', '--password', '-u', '--user', '--header', '-H', '--cookie', '-b']);

/** What about an argument is secret: the whole element, or only the part after `=`. */
export interface SecretArg {
  index: number;
  /** `value`: the whole element is the secret; `after-equals`: only what follows the first `=`. */
  part: 'value' | 'after-equals';
}

/**
 * The arguments of a command line that hold secrets: the value after a secret flag (`--api-key x`,
 * `--token x`), the value part of `--token=x` and of `-e KEY=VALUE` / `--env KEY=VALUE` with a
 * secret KEY, a `KEY=VALUE` with a secret KEY, and every secret-looking value.
 */
export function secretArgs(args: readonly string[]): SecretArg[] {
  const out: SecretArg[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (typeof a !== 'string') continue;
    const prev = i > 0 ? args[i - 1] : undefined;
    const eq = a.indexOf('=');
    // the value of a secret flag given as the next element
    if (prev !== undefined && /^--?[A-Za-z]/.test(prev) && !prev.includes('=') && !a.startsWith('-')) {
      if (isSecretName(prev) || prev === '-p' || prev === '--pass' || prev === '--password') {
        if (!isPlaceholder(a)) out.push({ index: i, part: 'value' });
        continue;
      }
      if (ENV_FLAGS.has(prev) && eq > 0) {
        const key = a.slice(0, eq);
        const value = a.slice(eq + 1);
        if ((isSecretName(key) || isSecretValue(value)) && value !== '' && !isPlaceholder(value)) out.push({ index: i, part: 'after-equals' });
        continue;
      }
      if (VALUE_SECRET_FLAGS.has(prev) && (/^(authorization|cookie|x-api-key|proxy-authorization)\s*:/i.test(a) || isSecretValue(a))) {
        out.push({ index: i, part: 'value' });
        continue;
      }
    }
    if (eq > 0) {
      // --token=x, -eTOKEN=x, KEY=VALUE
      const name = a.slice(0, eq).replace(/^-e(?=[A-Za-z_])/, '');
      const value = a.slice(eq + 1);
      if (value !== '' && !isPlaceholder(value) && (isSecretName(name) || isSecretValue(value))) {
        out.push({ index: i, part: 'after-equals' });
        continue;
      }
    }
    if (isSecretValue(a)) out.push({ index: i, part: 'value' });
  }
  return out;
}

/** The indexes of {@link secretArgs} (the elements that hold a secret, whole or after `=`). */
export function secretArgIndexes(args: readonly string[]): number[] {
  return secretArgs(args).map((s) => s.index);
}

/** `args` with every secret masked (`--api-key ••••`, `--token=••••`, `-e GITHUB_TOKEN=••••`). */
export function redactArgs(args: readonly string[]): string[] {
  const out = args.map((a) => (typeof a === 'string' ? a : a));
  for (const s of secretArgs(args)) {
    const a = args[s.index];
    if (s.part === 'value') out[s.index] = isSecretValue(a) && /[a-z]:\/\//i.test(a) ? maskSecretsInText(a) : SECRET_MASK;
    else out[s.index] = `${a.slice(0, a.indexOf('=') + 1)}${SECRET_MASK}`;
  }
  return out;
}

/** A URL with its password and secret query parameters masked. */
export function redactUrl(url: string): string {
  return maskSecretsInText(url);
}

/** The parts of an MCP entry that can hold secrets (a ServerSpec / ServerEntry, or a raw host entry). */
export interface RedactableEntry {
  command?: string;
  args?: readonly string[];
  env?: Readonly<Record<string, string | null | undefined>>;
  headers?: Readonly<Record<string, string | null | undefined>>;
  url?: string;
  [key: string]: unknown;
}

function redactMap<T extends Readonly<Record<string, string | null | undefined>>>(map: T): T {
  const out: Record<string, string | null | undefined> = {};
  for (const [k, v] of Object.entries(map)) out[k] = typeof v === 'string' ? maskValue(k, v) : v;
  return out as T;
}

/**
 * A copy of an MCP entry safe to show: env and header values masked by name or look, args by
 * {@link redactArgs}, the URL by {@link redactUrl}, the command by {@link maskSecretsInText}.
 * Profile and region values stay visible.
 */
export function redactEntry<T extends RedactableEntry>(entry: T): T {
  const out: RedactableEntry = { ...entry };
  if (typeof entry.command === 'string') out.command = maskSecretsInText(entry.command);
  if (Array.isArray(entry.args)) out.args = redactArgs(entry.args);
  if (entry.env && typeof entry.env === 'object') out.env = redactMap(entry.env);
  if (entry.headers && typeof entry.headers === 'object') out.headers = redactMap(entry.headers);
  if (typeof entry.url === 'string') out.url = redactUrl(entry.url);
  return out as T;
}

/**
 * Any JSON value (a parsed host file, a template) with every secret masked: values under secret
 * keys, secret arguments in string arrays, secret-looking strings anywhere. Profile and region
 * values stay visible.
 */
export function redactJsonValue(value: unknown, key?: string): unknown {
  if (typeof value === 'string') return maskValue(key, value);
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) return redactArgs(value as string[]).map((v) => maskSecretsInText(v));
    return value.map((v) => redactJsonValue(v));
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      // a secret key with an object value (e.g. "auth": {...}): mask its strings too
      out[k] = isSecretName(k) && v && typeof v === 'object' ? redactSecretTree(v) : redactJsonValue(v, k);
    }
    return out;
  }
  return value;
}

function redactSecretTree(value: unknown): unknown {
  if (typeof value === 'string') return value === '' || isPlaceholder(value) ? value : SECRET_MASK;
  if (Array.isArray(value)) return value.map(redactSecretTree);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactSecretTree(v)]));
  return value;
}

/**
 * Every string in a JSON value that the policy masks, with what it is shown as (`"ghp_x"` ->
 * `"••••"`, `"--token=x"` -> `"--token=••••"`): for masking the same strings in the file's text,
 * where a line alone does not tell (an argument after `"--api-key",` on the line before).
 */
export function secretStrings(value: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (raw: unknown, safe: unknown) => {
    if (typeof raw === 'string') {
      if (typeof safe === 'string' && safe !== raw) out.set(raw, safe);
      return;
    }
    if (Array.isArray(raw) && Array.isArray(safe)) raw.forEach((v, i) => walk(v, safe[i]));
    else if (raw && typeof raw === 'object' && safe && typeof safe === 'object') for (const [k, v] of Object.entries(raw as Record<string, unknown>)) walk(v, (safe as Record<string, unknown>)[k]);
  };
  walk(value, redactJsonValue(value));
  return out;
}

/**
 * The secret values an entry holds (what {@link redactEntry} masks: env and header values, secret
 * arguments, URL passwords), for masking them wherever they turn up again: a server's stderr that
 * echoes its token, an error message quoting an argument.
 */
export function entrySecretValues(entry: RedactableEntry): string[] {
  const out = new Set<string>();
  const add = (v: string | null | undefined) => {
    if (typeof v === 'string' && v.length >= 3 && v !== SECRET_MASK && !isPlaceholder(v)) out.add(v);
  };
  for (const map of [entry.env, entry.headers]) {
    if (!map || typeof map !== 'object') continue;
    for (const [k, v] of Object.entries(map)) {
      if (typeof v !== 'string') continue;
      if (isSecretName(k) || isSecretValue(v)) add(v);
      // `Authorization: Bearer x`: the credential alone turns up too
      const scheme = /^\s*(?:Bearer|Basic|Digest|Token)\s+(\S+)/i.exec(v);
      if (scheme) add(scheme[1]);
    }
  }
  if (Array.isArray(entry.args)) {
    for (const sa of secretArgs(entry.args)) {
      const a = entry.args[sa.index];
      add(sa.part === 'value' ? a : a.slice(a.indexOf('=') + 1));
    }
  }
  if (typeof entry.url === 'string') {
    URL_PASSWORD.lastIndex = 0;
    for (const m of entry.url.matchAll(URL_PASSWORD)) add(m[2]);
  }
  // longest first: a secret holding another is masked whole
  return [...out].sort((a, b) => b.length - a.length);
}

/** `text` with every one of these exact values masked, then the free-text rules of {@link maskSecretsInText}. */
export function maskKnownSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s && out.includes(s)) out = out.split(s).join(SECRET_MASK);
  return maskSecretsInText(out);
}
