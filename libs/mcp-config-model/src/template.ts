/**
 * Templates: real values out, placeholders in (in the host's own syntax where it expands
 * variables), and hydration back: only named variables, values JSON-escaped, every missing
 * variable reported at once, the result validated against the host schema before anything is written.
 */
import { applyEdits, createScanner, modify as jsoncModify, parse as parseJsonc } from 'jsonc-parser';
import { Token } from './text/tokens';
import { ConfigParseError, ConfigSchemaError, HydrateError } from './errors';
import { getHost } from './hosts/index';
import { toCanonical } from './hosts/common';
import type { HostAdapter } from './hosts/types';
import { addServers } from './edit';
import { STATIC_CREDENTIAL_KEYS } from './lint/secrets';
import { envNameKeys, isTemplateSecretName, scrubTemplateArgs, scrubTemplateValue, TemplateSecretError, type TemplateSecretFinding } from './template-secrets';
import { toServerSpec, type HostId, type ServerEntry, type ServerSpec, type VsCodeInput } from './model/schema';
import { hasVariableRef, type VariableSyntax } from './model/variables';
import { parseHostConfig, readConfigText } from './read';
import { splitBom } from './text/position';
import { structuredValueOf, tomlCodec, yamlCodec } from './text/codecs';
import type { JsonPath } from './errors';
import { writeConfigFile, type WriteOptions, type WriteResult } from './write';

export interface TemplateOptions {
  /** Target host; default: the host of the first entry. */
  host?: HostId | HostAdapter;
  /** VS Code: prompt with `${input:id}` (default) or read `${env:NAME}`. */
  vscodeVariables?: 'input' | 'env';
  /**
   * Keep literals that look like credentials but match no secret name or shape (a long random
   * string in an env / header value or a flag's argument). Default: refuse them with a
   * `TemplateSecretError` naming the fields (never the values).
   */
  allowLiteral?: boolean;
}

/** Something of a server the template could not write for this host as it was (never a value). */
export interface TemplateWarning {
  server: string;
  /** Path inside the server entry: `['headers']`, `['env', 'GITHUB_TOKEN']`. */
  path: (string | number)[];
  message: string;
}

export interface TemplateResult {
  host: HostId;
  /** The whole template file in the host's format (2-space JSON, TOML tables or YAML blocks; final newline). */
  text: string;
  /**
   * Fields the host cannot take (headers on a stdio server, env on a remote one, `envFile` where
   * the host has none) and secrets a host that expands no variables would receive literally.
   */
  warnings: TemplateWarning[];
  /** Placeholder names used, e.g. `["AWS_PROFILE", "AWS_REGION"]`. */
  variables: string[];
  /** VS Code input definitions written to `inputs`. */
  inputs: VsCodeInput[];
  /** Secret values replaced by placeholders, by field (never the values). */
  secrets: TemplateSecretFinding[];
  /** Literals kept with `allowLiteral` that may be credentials, by field. */
  literals: TemplateSecretFinding[];
}

const NAME = /^[A-Z_][A-Z0-9_]*$/;

/**
 * A variable reference in each host syntax (the adapter's `variableSyntax` says which): Cursor,
 * Amazon Q and Windsurf read only `${env:NAME}`; Claude Code, Kiro, Copilot CLI, Gemini and Grok
 * `${NAME}`; VS Code `${input:id}` (or `${env:NAME}`); a host that expands nothing gets `${NAME}`
 * for `hydrate` to fill.
 */
const WRITE_VARIABLE: Record<VariableSyntax, (name: string, options: Pick<TemplateOptions, 'vscodeVariables'>) => string> = {
  vscode: (name, o) => (o.vscodeVariables === 'env' ? `\${env:${name}}` : `\${input:${inputIdFor(name)}}`),
  'env-prefixed': (name) => `\${env:${name}}`,
  shell: (name) => `\${${name}}`,
  none: (name) => `\${${name}}`,
};

/** The reference to variable `name` in a template for `host`, in the host's own syntax. */
export function templateVariable(host: HostId | HostAdapter, name: string, options: Pick<TemplateOptions, 'vscodeVariables'> = {}): string {
  return WRITE_VARIABLE[getHost(host).variableSyntax](name, options);
}

/** `${NAME}` alone (a whole value that is one placeholder), or with an auth scheme before it. */
const WHOLE_PLACEHOLDER = /^(?:(Bearer)\s+)?\$\{([A-Z_][A-Z0-9_]*)\}$/;

function present(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

/**
 * A host that expands no variables cannot take a secret as `${NAME}` (it would pass the text on).
 * Codex takes them from the environment by name (`env_vars`, `env_http_headers`,
 * `bearer_token_env_var`): move them there. Anything left is a warning.
 */
function secretsForNonExpandingHost(host: HostAdapter, spec: ServerSpec, secretVars: ReadonlySet<string>, warnings: TemplateWarning[]): void {
  const how = host.secretsFromEnv ?? {};
  const extra: Record<string, unknown> = { ...(spec.extra ?? {}) };
  const literal = (path: (string | number)[], name: string) =>
    warnings.push({
      server: spec.name,
      path,
      message: `${host.displayName} expands no variables: ${formatPath(path)} would reach the server as the text \${${name}} (hydrate never writes a secret). Set it in the hydrated file by hand, or give the server the secret another way`,
    });
  // a whole `${NAME}` env value / header goes to the host's forwarding, when it has one
  for (const [k, v] of Object.entries(spec.env ?? {})) {
    const m = WHOLE_PLACEHOLDER.exec(v);
    if (!m || m[1] || !secretVars.has(m[2]!) || !how.envVars) continue;
    delete spec.env![k];
    const list = Array.isArray(extra[how.envVars]) ? (extra[how.envVars] as unknown[]) : [];
    if (!list.includes(k)) extra[how.envVars] = [...list, k];
    if (m[2] !== k) warnings.push({ server: spec.name, path: ['env', k], message: `${host.displayName} forwards ${k} from the environment (${how.envVars}): export ${k} (the value of ${m[2]})` });
  }
  if (spec.env && Object.keys(spec.env).length === 0) delete spec.env;
  for (const [k, v] of Object.entries(spec.headers ?? {})) {
    const m = WHOLE_PLACEHOLDER.exec(v);
    if (!m || !secretVars.has(m[2]!)) continue;
    if (m[1] && k.toLowerCase() === 'authorization' && how.bearerTokenEnvVar) {
      delete spec.headers![k];
      extra[how.bearerTokenEnvVar] = m[2];
    } else if (!m[1] && how.envHeaders) {
      delete spec.headers![k];
      extra[how.envHeaders] = { ...((extra[how.envHeaders] as Record<string, string> | undefined) ?? {}), [k]: m[2] };
    }
  }
  if (spec.headers && Object.keys(spec.headers).length === 0) delete spec.headers;
  // every secret placeholder left anywhere would reach the server as text: one warning per field
  const left = (path: (string | number)[], v: string) => {
    const m = [...v.matchAll(/\$\{([A-Z_][A-Z0-9_]*)\}/g)].find((x) => secretVars.has(x[1]!));
    if (m) literal(path, m[1]!);
  };
  for (const field of ['env', 'headers'] as const) for (const [k, v] of Object.entries(spec[field] ?? {})) left([field, k], v);
  (spec.args ?? []).forEach((a, i) => left(['args', i], a));
  for (const f of ['command', 'url'] as const) if (spec[f]) left([f], spec[f]!);
  if (Object.keys(extra).length > 0) spec.extra = extra;
}

/** `AWS_PROFILE` -> `awsProfile` (VS Code input ids). */
export function inputIdFor(name: string): string {
  return name
    .toLowerCase()
    .split(/_+/)
    .filter(Boolean)
    .map((p, i) => (i === 0 ? p : p[0]!.toUpperCase() + p.slice(1)))
    .join('');
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function replaceValues(value: string, pairs: readonly [string, string][]): string {
  let out = value;
  for (const [real, placeholder] of pairs) {
    out = out.replace(new RegExp(`(?<![A-Za-z0-9_-])${escapeRegex(real)}(?![A-Za-z0-9_-])`, 'g'), () => placeholder);
  }
  return out;
}

/**
 * Replace real values by placeholders. `vars` maps placeholder names to the real values to hide
 * (`{ AWS_PROFILE: 'dev-sandbox', AWS_REGION: 'eu-west-1' }`); profile and region values found in
 * the entries are hidden even when not listed (as `AWS_PROFILE` / `AWS_REGION`), and so is every
 * secret-looking value (see `template-secrets`): env and header values by name and by shape, flag
 * arguments (`--api-key x`, `--token=x`, docker `-e TOKEN=x`, `-H 'X-Api-Key: x'`), URL passwords
 * and secret query parameters, AWS keys and other credential shapes anywhere. A literal that looks
 * like a credential but cannot be classified is refused (`TemplateSecretError`) unless `allowLiteral`.
 */
export function toTemplate(entries: readonly (ServerEntry | ServerSpec)[], vars: Record<string, string> = {}, options: TemplateOptions = {}): TemplateResult {
  const first = entries[0] as ServerEntry | undefined;
  const host = getHost(options.host ?? first?.location?.host ?? 'claude-code');
  if (host.legacy) throw new HydrateError(`${host.displayName} is a legacy location; pick the host the template is for`, []);
  for (const name of Object.keys(vars)) if (!NAME.test(name)) throw new HydrateError(`invalid variable name "${name}": expected UPPER_SNAKE_CASE`, []);

  const names = new Map<string, string>(); // real value -> variable name
  for (const [name, value] of Object.entries(vars)) if (value !== '') names.set(value, name);
  const used = new Set<string>();
  const secretVars = new Set<string>();
  const addAuto = (value: string, name: string) => {
    if (value === '' || hasVariableRef(value) || names.has(value)) return;
    let candidate = name;
    for (let n = 2; [...names.values()].includes(candidate); n++) candidate = `${name}_${n}`;
    names.set(value, candidate);
  };
  for (const e of entries) {
    const aws = (e as ServerEntry).aws;
    for (const p of aws?.profiles ?? []) addAuto(p.value, 'AWS_PROFILE');
    for (const r of aws?.regions ?? []) addAuto(r.value, 'AWS_REGION');
  }

  const placeholder = (name: string): string => {
    used.add(name);
    return WRITE_VARIABLE[host.variableSyntax](name, options);
  };
  const pairs = () => [...names.entries()].sort((a, b) => b[0].length - a[0].length);

  const specs: ServerSpec[] = [];
  const warnings: TemplateWarning[] = [];
  const secretFindings: TemplateSecretFinding[] = [];
  const literals: TemplateSecretFinding[] = [];
  // a secret is never hydrated into a file: the host reads it from the environment at start, in
  // its own syntax (`${env:NAME}` for Cursor / Amazon Q), or, for a host that expands nothing, it
  // is moved to the host's env forwarding (Codex) or reported in `warnings`
  const secretPlaceholder = (name: string): string => {
    secretVars.add(name);
    return placeholder(name);
  };
  for (const e of entries) {
    const spec = toServerSpec(e);
    const note = (path: (string | number)[], r: { secrets: { reason: string }[]; unknown?: string }) => {
      if (r.secrets.length > 0) secretFindings.push({ server: spec.name, path, kind: 'secret', reason: [...new Set(r.secrets.map((x) => x.reason))].join('; ') });
      if (r.unknown) literals.push({ server: spec.name, path, kind: 'unknown', reason: r.unknown });
    };
    for (const field of ['env', 'headers'] as const) {
      const map = spec[field];
      if (!map) continue;
      for (const [k, v] of Object.entries(map)) {
        const r = scrubTemplateValue(v, { field, key: k }, secretPlaceholder);
        map[k] = r.value;
        note([field, k], r);
      }
    }
    if (spec.args) {
      const r = scrubTemplateArgs(spec.args, secretPlaceholder);
      spec.args = r.args;
      spec.args.forEach((_a, i) => {
        const u = r.unknown.find((x) => x.index === i);
        note(['args', i], { secrets: r.secrets.filter((x) => x.index === i), ...(u ? { unknown: u.reason } : {}) });
      });
    }
    for (const field of ['command', 'url', 'envFile'] as const) {
      const v = spec[field];
      if (typeof v !== 'string') continue;
      const r = scrubTemplateValue(v, { field }, secretPlaceholder);
      spec[field] = r.value;
      note([field], r);
    }
    if (spec.extra) {
      const scrubDeep = (v: unknown, path: (string | number)[]): unknown => {
        if (typeof v === 'string') {
          const last = path[path.length - 1];
          const r = scrubTemplateValue(v, { field: String(path[0]), ...(path.length > 1 && typeof last === 'string' ? { key: last } : {}) }, secretPlaceholder);
          note(path, r);
          return r.value;
        }
        if (Array.isArray(v)) return v.map((x, i) => scrubDeep(x, [...path, i]));
        if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, scrubDeep(x, [...path, k])]));
        return v;
      };
      const envNames = envNameKeys(host); // Codex env_vars / env_http_headers hold env names, not values
      spec.extra = Object.fromEntries(Object.entries(spec.extra).map(([k, v]) => [k, k === '_account' || envNames.has(k) ? v : scrubDeep(v, [k])]));
    }
    const swap = (s: string) => {
      const replaced = replaceValues(s, pairs().map(([real, name]) => [real, `\u0000${name}\u0000`]));
      return replaced.replace(/\u0000([A-Z0-9_]+)\u0000/g, (_m, name: string) => placeholder(name));
    };
    // extra keys: `_account` is a local note (account id and profile name) that never belongs in a
    // template; every other string inside extra values gets the same placeholders
    if (spec.extra) {
      const { _account: _note, ...rest } = spec.extra;
      const swapDeep = (v: unknown): unknown =>
        typeof v === 'string' ? swap(v) : Array.isArray(v) ? v.map(swapDeep) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swapDeep(x)])) : v;
      spec.extra = swapDeep(rest) as Record<string, unknown>;
      if (Object.keys(spec.extra).length === 0) delete spec.extra;
    }
    if (spec.command) spec.command = swap(spec.command);
    if (spec.args) spec.args = spec.args.map(swap);
    if (spec.url) spec.url = swap(spec.url);
    if (spec.envFile) spec.envFile = swap(spec.envFile);
    for (const field of ['env', 'headers'] as const) {
      const map = spec[field];
      if (map) for (const k of Object.keys(map)) map[k] = swap(map[k]!);
    }
    if (host.variableSyntax === 'none') secretsForNonExpandingHost(host, spec, secretVars, warnings);
    // a field the host's entry has no place for (by its field map and transports) is reported, not dropped silently
    const written = toCanonical(host, host.serialize(spec));
    for (const field of ['env', 'headers', 'envFile', 'args'] as const) {
      if (!present(spec[field]) || present(written[field])) continue;
      const transport = spec.transport ?? (spec.url !== undefined && spec.command === undefined ? 'http' : 'stdio');
      warnings.push({ server: spec.name, path: [field], message: `${host.displayName} cannot take "${field}" for a ${transport} server: it was left out of the template` });
    }
    specs.push(spec);
  }
  const variables = [...used].sort();
  const inputs: VsCodeInput[] =
    host.variableSyntax === 'vscode' && options.vscodeVariables !== 'env'
      ? variables.map((name) => ({
          type: 'promptString' as const,
          id: inputIdFor(name),
          description: name === 'AWS_PROFILE' ? 'AWS profile name' : name === 'AWS_REGION' ? 'AWS region (e.g. eu-west-1)' : `Value for ${name}`,
          ...(secretVars.has(name) ? { password: true } : {}),
        }))
      : [];
  if (literals.length > 0 && !options.allowLiteral) {
    throw new TemplateSecretError(
      `refusing to template ${literals.length === 1 ? 'a value' : `${literals.length} values`} that may be credentials: ${literals.map((l) => `server "${l.server}" ${formatPath(l.path)}`).join(', ')}. Replace ${literals.length === 1 ? 'it' : 'them'} with a \${NAME} placeholder, or keep ${literals.length === 1 ? 'it' : 'them'} with --allow-literal (allowLiteral)`,
      literals,
    );
  }
  // the file in the host's own format and shape (TOML tables, YAML blocks, Continue's list,
  // opencode's mcp.servers), written by the same code that adds servers to a real file
  const seed = inputs.length ? JSON.stringify({ inputs }, null, 2) + '\n' : '';
  let text = addServers(seed, host, specs, { file: '<template>' }).text;
  if (text.trim() === '' && (host.format === 'json' || host.format === 'jsonc')) {
    // no server: an empty servers map, so the file still parses as the host's (TOML / YAML: an empty document does)
    text = JSON.stringify(host.serversPath.reduceRight<unknown>((inner, key) => ({ [key]: inner }), host.serversShape === 'list' ? [] : {}), null, 2) + '\n';
  }
  return { host: host.id, text, warnings, variables, inputs, secrets: secretFindings, literals };
}

/** `['env', 'API_TOKEN']` -> `env.API_TOKEN`, `['args', 3]` -> `args[3]`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : /^[A-Za-z_][A-Za-z0-9_]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join('');
}

export interface HydrateOptions {
  /**
   * Fill only these names. Default: the AWS profile and region variables, the names the template
   * declares in its `_hydrate` list, and the names `values` holds. Other `${NAME}` placeholders are
   * left as written (a host that expands variables fills them at start, from its environment).
   */
  variables?: string[];
  /** Name used in messages. */
  file?: string;
}

/** The root key where a template lists the extra variables `hydrate` fills: `"_hydrate": ["CLUSTER"]`. */
export const HYDRATE_KEY = '_hydrate';

/** A variable that holds an AWS profile name (`AWS_PROFILE`, `AWS_API_MCP_PROFILE_NAME`, `PROFILE`, `EKS_PROFILE`, `AWS_PROFILE_2`). */
export function isProfileVariable(name: string): boolean {
  return name === 'AWS_API_MCP_PROFILE_NAME' || /(^|_)PROFILE(_NAME)?(_\d+)?$/.test(name);
}

/** A variable `hydrate` fills without a declaration: the AWS profile and region variables. */
export function isDefaultHydrateVariable(name: string): boolean {
  return isProfileVariable(name) || name === 'AWS_REGION' || name === 'AWS_DEFAULT_REGION' || /^AWS_REGION_\d+$/.test(name);
}

export interface HydrationPlan {
  /** Every `${NAME}` placeholder in the template's strings, sorted. */
  placeholders: string[];
  /** Names the template lists in `_hydrate`. */
  declared: string[];
  /** Placeholders hydrate fills (defaults, declared, extra), sorted. */
  fill: string[];
  /** Placeholders left as written for the host to expand (secrets and undeclared names), sorted. */
  left: string[];
  /** Placeholders with secret names: never filled. */
  secrets: string[];
}

function placeholdersOf(body: string, host?: HostAdapter, file?: string): string[] {
  const names = new Set<string>();
  const add = (text: string) => {
    for (const m of text.matchAll(PLACEHOLDER)) names.add(m[1]!);
  };
  if (isStructured(host)) for (const s of stringLeaves(structuredValue(body, host!, file))) add(s.value);
  else {
    const scanner = createScanner(body, false);
    for (let kind = scanner.scan(); kind !== Token.EOF; kind = scanner.scan()) if (kind === Token.StringLiteral) add(scanner.getTokenValue());
  }
  return [...names].sort();
}

function isStructured(host: HostAdapter | undefined): boolean {
  return host?.format === 'toml' || host?.format === 'yaml';
}

/** The parsed value of a TOML / YAML template (a syntax error is a `ConfigParseError` at file:line:col). */
function structuredValue(body: string, host: HostAdapter, file = '<template>'): unknown {
  try {
    if (host.format === 'yaml' && body.trim() === '') return {};
    return structuredValueOf(host.format as 'toml' | 'yaml', body);
  } catch {
    try {
      parseHostConfig(body, { file, host, strict: false }); // the positioned ConfigParseError
    } catch (e) {
      if (e instanceof ConfigParseError) throw new HydrateError(`the template is not valid ${host.format.toUpperCase()}: ${e.message}`, [], e.issues);
      throw e;
    }
    throw new HydrateError(`${file}: cannot read the template as ${host.format.toUpperCase()}`, []);
  }
}

/** Every string value of a parsed document with its path (keys are names, not values: left out). */
function stringLeaves(v: unknown, path: JsonPath = [], out: { path: JsonPath; value: string }[] = []): { path: JsonPath; value: string }[] {
  if (typeof v === 'string') out.push({ path, value: v });
  else if (Array.isArray(v)) v.forEach((x, i) => stringLeaves(x, [...path, i], out));
  else if (v !== null && typeof v === 'object' && !(v instanceof Date)) for (const [k, x] of Object.entries(v)) stringLeaves(x, [...path, k], out);
  return out;
}

function declaredOf(body: string, file: string, host?: HostAdapter): string[] {
  const root = (isStructured(host) ? structuredValue(body, host!, file) : parseJsonc(body, [], { allowTrailingComma: true })) as unknown;
  if (!root || typeof root !== 'object' || Array.isArray(root) || !(HYDRATE_KEY in root)) return [];
  const list = (root as Record<string, unknown>)[HYDRATE_KEY];
  if (!Array.isArray(list) || list.some((x) => typeof x !== 'string' || !NAME.test(x))) {
    throw new HydrateError(`${file}: "${HYDRATE_KEY}" must be a list of UPPER_SNAKE_CASE variable names`, []);
  }
  return list as string[];
}

/**
 * Which placeholders of a template `hydrate` fills: the AWS profile and region variables, the
 * template's own `_hydrate` list and `extra` names (a `--var` flag). A secret name (a token, key,
 * password, static AWS credential...) is never filled: declaring one, or asking for one, is a
 * `HydrateError`; an undeclared one is left for the host to expand.
 */
export function hydrationPlan(templateText: string, extra: readonly string[] = [], file = '<template>', host?: HostId | HostAdapter): HydrationPlan {
  const { body } = splitBom(templateText);
  const adapter = host === undefined ? undefined : getHost(host);
  const placeholders = placeholdersOf(body, adapter, file);
  const declared = declaredOf(body, file, adapter);
  const asked = [...declared, ...extra];
  const secretAsked = [...new Set(asked.filter((n) => isTemplateSecretName(n)))].sort();
  if (secretAsked.length > 0) {
    throw new HydrateError(
      `${file}: ${secretAsked.join(', ')} ${secretAsked.length > 1 ? 'are secrets' : 'is a secret'}; hydrate never writes a secret into a file. Leave \${${secretAsked[0]}} for the host to read from your environment at start (or use its own secret input)`,
      [],
    );
  }
  const staticAws = placeholders.filter((n) => (STATIC_CREDENTIAL_KEYS as readonly string[]).includes(n));
  if (staticAws.length > 0) {
    throw new HydrateError(
      `${file}: the template asks for ${staticAws.join(', ')}, static AWS credentials; hydrate never puts AWS keys into a host file. Remove ${staticAws.length > 1 ? 'them' : 'it'} and use a profile (\${AWS_PROFILE}) backed by SSO or a role`,
      [],
    );
  }
  const wanted = new Set(asked);
  const secrets = placeholders.filter((n) => isTemplateSecretName(n));
  const fill = placeholders.filter((n) => !secrets.includes(n) && (isDefaultHydrateVariable(n) || wanted.has(n)));
  const left = placeholders.filter((n) => !fill.includes(n));
  return { placeholders, declared, fill, left, secrets };
}

const PLACEHOLDER = /\$\{([A-Z_][A-Z0-9_]*)(?::-([^}]*))?\}/g;

/**
 * Fill `${NAME}` placeholders of a template (inside string values only: JSON strings, TOML and
 * YAML scalars, each edited in place so every other byte stays; comments and VS Code
 * `${input:...}` / `${env:...}` / `${workspaceFolder}` are left alone). Only the names of
 * {@link hydrationPlan} (plus the names `values` holds) are filled; secret names never are
 * (`HydrateError`). A placeholder to fill without a value uses its `${NAME:-default}` default, if
 * it has one; all others are reported together in one `HydrateError`. The `_hydrate` list is
 * dropped. The result must parse and validate for the host, or `HydrateError` is thrown.
 */
export function hydrate(templateText: string, values: Record<string, string>, host: HostId | HostAdapter, options: HydrateOptions = {}): string {
  const adapter = getHost(host);
  const plan = hydrationPlan(templateText, options.variables ?? Object.keys(values), options.file ?? '<template>', adapter);
  const only = new Set(options.variables ?? plan.fill);
  const secret = [...only].filter((n) => isTemplateSecretName(n) && plan.placeholders.includes(n));
  if (secret.length > 0) throw new HydrateError(`${secret.join(', ')}: a secret is never hydrated into a file`, []);
  const { bom, body } = splitBom(templateText);
  const missing = new Set<string>();
  /** One string's text with its placeholders filled; `escape` turns a value into the string's own syntax. */
  const fill = (text: string, escape: (v: string) => string): string =>
    text.replace(PLACEHOLDER, (m, name: string, def: string | undefined) => {
      if (!only.has(name)) return m;
      const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
      if (value !== undefined) return escape(value);
      if (def !== undefined) return def;
      missing.add(name);
      return m;
    });
  let out = '';
  if (isStructured(adapter)) {
    // TOML / YAML: each string that changes is set in place (its quoting kept where it can be)
    const codec = adapter.format === 'toml' ? { set: tomlCodec().tomlSet, remove: tomlCodec().tomlRemove } : { set: yamlCodec().yamlSet, remove: yamlCodec().yamlRemove };
    const root = structuredValue(body, adapter, options.file);
    out = body;
    for (const leaf of stringLeaves(root)) {
      if (leaf.path[0] === HYDRATE_KEY) continue;
      const filled = fill(leaf.value, (v) => v);
      if (filled !== leaf.value) out = codec.set(out, leaf.path, filled);
    }
    if (root && typeof root === 'object' && HYDRATE_KEY in root) out = codec.remove(out, [HYDRATE_KEY]);
  } else {
    const scanner = createScanner(body, false);
    let last = 0;
    for (let kind = scanner.scan(); kind !== Token.EOF; kind = scanner.scan()) {
      if (kind !== Token.StringLiteral) continue;
      const start = scanner.getTokenOffset();
      const raw = body.slice(start, start + scanner.getTokenLength());
      out += body.slice(last, start) + fill(raw, (v) => JSON.stringify(v).slice(1, -1));
      last = start + raw.length;
    }
    out += body.slice(last);
  }
  if (missing.size > 0) {
    const list = [...missing].sort();
    throw new HydrateError(`missing value${list.length > 1 ? 's' : ''} for ${list.join(', ')}: nothing was written`, list);
  }
  if (!isStructured(adapter) && (plan.declared.length > 0 || /"_hydrate"\s*:/.test(out))) {
    const root = parseJsonc(out, [], { allowTrailingComma: true }) as Record<string, unknown> | undefined;
    if (root && typeof root === 'object' && HYDRATE_KEY in root) {
      out = applyEdits(out, jsoncModify(out, [HYDRATE_KEY], undefined, { formattingOptions: { insertSpaces: true, tabSize: 2 } }));
    }
  }
  try {
    parseHostConfig(out, { file: options.file ?? '<hydrated>', host: adapter, strict: true });
  } catch (e) {
    if (e instanceof ConfigParseError || e instanceof ConfigSchemaError) {
      throw new HydrateError(`the hydrated config is not valid for ${adapter.displayName}: ${e.message}`, [], e.issues);
    }
    throw e;
  }
  return bom + out;
}

/**
 * Hydrate `templateFile` into `targetFile` (atomic write, mode / symlink / backup rules of
 * `writeConfigFile`). Nothing is written when a variable is missing or the result is invalid.
 */
export async function hydrateFile(
  templateFile: string,
  targetFile: string,
  values: Record<string, string>,
  host: HostId | HostAdapter,
  options: HydrateOptions & WriteOptions = {},
): Promise<WriteResult> {
  const text = hydrate(await readConfigText(templateFile), values, host, { ...options, file: targetFile });
  return writeConfigFile(targetFile, text, options);
}
