/**
 * Templates: real values out, placeholders in (in the host's own syntax where it expands
 * variables), and hydration back: only named variables, values JSON-escaped, every missing
 * variable reported at once, the result validated against the host schema before anything is written.
 */
import { createScanner } from 'jsonc-parser';
import { Token } from './text/tokens';
import { ConfigParseError, ConfigSchemaError, HydrateError } from './errors';
import { getHost } from './hosts/index';
import type { HostAdapter } from './hosts/types';
import { isSecretName } from './lint/secrets';
import { toServerSpec, type HostId, type ServerEntry, type ServerSpec, type VsCodeInput } from './model/schema';
import { hasVariableRef } from './model/variables';
import { parseHostConfig, readConfigText } from './read';
import { splitBom } from './text/position';
import { writeConfigFile, type WriteOptions, type WriteResult } from './write';

export interface TemplateOptions {
  /** Target host; default: the host of the first entry. */
  host?: HostId | HostAdapter;
  /** VS Code: prompt with `${input:id}` (default) or read `${env:NAME}`. */
  vscodeVariables?: 'input' | 'env';
}

export interface TemplateResult {
  host: HostId;
  /** The whole template file (2-space JSON, final newline). */
  text: string;
  /** Placeholder names used, e.g. `["AWS_PROFILE", "AWS_REGION"]`. */
  variables: string[];
  /** VS Code input definitions written to `inputs`. */
  inputs: VsCodeInput[];
}

const NAME = /^[A-Z_][A-Z0-9_]*$/;

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
 * env or header value whose name marks a secret (as `${<ITS NAME>}`).
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
    if (host.templateStyle !== 'vscode') return `\${${name}}`;
    return options.vscodeVariables === 'env' ? `\${env:${name}}` : `\${input:${inputIdFor(name)}}`;
  };
  const pairs = () => [...names.entries()].sort((a, b) => b[0].length - a[0].length);

  const servers: Record<string, unknown> = {};
  for (const e of entries) {
    const spec = toServerSpec(e);
    for (const field of ['env', 'headers'] as const) {
      const map = spec[field];
      if (!map) continue;
      for (const [k, v] of Object.entries(map)) {
        if (isSecretName(k) && v !== '' && !hasVariableRef(v)) {
          const name = k.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
          secretVars.add(name);
          const scheme = /^(Bearer|Basic|Token)\s+\S/i.exec(v)?.[1];
          map[k] = scheme ? `${scheme} ${placeholder(name)}` : placeholder(name);
        }
      }
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
    servers[spec.name] = host.serialize(spec);
  }
  const variables = [...used].sort();
  const inputs: VsCodeInput[] =
    host.templateStyle === 'vscode' && options.vscodeVariables !== 'env'
      ? variables.map((name) => ({
          type: 'promptString' as const,
          id: inputIdFor(name),
          description: name === 'AWS_PROFILE' ? 'AWS profile name' : name === 'AWS_REGION' ? 'AWS region (e.g. eu-west-1)' : `Value for ${name}`,
          ...(secretVars.has(name) ? { password: true } : {}),
        }))
      : [];
  const root: Record<string, unknown> = {};
  if (inputs.length) root.inputs = inputs;
  root[host.rootKey] = servers;
  return { host: host.id, text: JSON.stringify(root, null, 2) + '\n', variables, inputs };
}

export interface HydrateOptions {
  /** Hydrate only these names; other `${NAME}` placeholders are left as written. Default: every `${UPPER_NAME}`. */
  variables?: string[];
  /** Name used in messages. */
  file?: string;
}

const PLACEHOLDER = /\$\{([A-Z_][A-Z0-9_]*)(?::-([^}]*))?\}/g;

/**
 * Fill `${NAME}` placeholders of a template (inside JSON strings only; comments and VS Code
 * `${input:...}` / `${env:...}` / `${workspaceFolder}` are left alone). A placeholder without a
 * value uses its `${NAME:-default}` default, if it has one; all others are reported together in
 * one `HydrateError`. The result must parse and validate for the host, or `HydrateError` is thrown.
 */
export function hydrate(templateText: string, values: Record<string, string>, host: HostId | HostAdapter, options: HydrateOptions = {}): string {
  const adapter = getHost(host);
  const only = options.variables ? new Set(options.variables) : undefined;
  const { bom, body } = splitBom(templateText);
  const missing = new Set<string>();
  const scanner = createScanner(body, false);
  let out = '';
  let last = 0;
  for (let kind = scanner.scan(); kind !== Token.EOF; kind = scanner.scan()) {
    if (kind !== Token.StringLiteral) continue;
    const start = scanner.getTokenOffset();
    const raw = body.slice(start, start + scanner.getTokenLength());
    const replaced = raw.replace(PLACEHOLDER, (m, name: string, def: string | undefined) => {
      if (only && !only.has(name)) return m;
      const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
      if (value !== undefined) return JSON.stringify(value).slice(1, -1);
      if (def !== undefined) return def;
      missing.add(name);
      return m;
    });
    out += body.slice(last, start) + replaced;
    last = start + raw.length;
  }
  out += body.slice(last);
  if (missing.size > 0) {
    const list = [...missing].sort();
    throw new HydrateError(`missing value${list.length > 1 ? 's' : ''} for ${list.join(', ')}: nothing was written`, list);
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
