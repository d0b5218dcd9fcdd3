/** `awsmcp hydrate`: template -> real host file, refusing to clobber local edits. */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadProfiles } from '@awsmcp/aws-config-parser';
import { backupRoot, detectHostFile, getHost, hydrate, HydrateError, HOSTS, safeUpdateFileSync, writeConfigFile, type HostAdapter } from '@awsmcp/mcp-config-model';
import { defaultTagsPath, guard, readTags } from '@awsmcp/prod-guard';
import { awsmcpCacheDir } from '../cache-dir';
import type { CliContext } from '../context';
import { CliError, EXIT } from '../errors';
import { formatDiff } from '../output/diff';
import { printJson } from '../output/json';
import { style } from '../output/style';
import { unknownProfileMessage } from './shared';

const TEMPLATE = /\.(template|tmpl|example|sample)$/;
const PLACEHOLDER = /\$\{([A-Z_][A-Z0-9_]*)(?::-[^}]*)?\}/g;

/** Where the hash of each file this command wrote is kept, to tell hand edits from our own output. */
function recordFile(ctx: CliContext): string {
  return path.join(awsmcpCacheDir(ctx), 'hydrated.json');
}

function readRecords(file: string): Record<string, string> {
  try {
    return parseRecords(fs.readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}

function parseRecords(text: string): Record<string, string> {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** Template files of the workspace: each host's workspace file with a template suffix. */
function findTemplates(ctx: CliContext): string[] {
  const found: string[] = [];
  for (const host of HOSTS) {
    if (host.legacy) continue;
    for (const f of host.files({ home: ctx.home, workspace: ctx.cwd, platform: ctx.platform as 'linux', env: ctx.libEnv })) {
      if (f.scope !== 'workspace') continue;
      for (const suffix of ['.template', '.tmpl', '.example', '.sample']) if (fs.existsSync(f.file + suffix)) found.push(f.file + suffix);
    }
  }
  return [...new Set(found)];
}

export async function hydrateCommand(ctx: CliContext, options: Record<string, unknown>): Promise<number> {
  const st = style(ctx);
  const templates = options.template ? [path.resolve(ctx.cwd, String(options.template))] : findTemplates(ctx);
  if (templates.length === 0) {
    throw new CliError(`no MCP config template in ${ctx.cwd}`, EXIT.USAGE, 'expected e.g. .vscode/mcp.json.template (nx g @awsmcp/nx:template writes them), or pass --template FILE', 'NO_TEMPLATE');
  }
  const values: Record<string, string> = {};
  const profile = (options.profile as string | undefined) ?? ctx.env.AWS_PROFILE;
  const region = (options.region as string | undefined) ?? ctx.env.AWS_REGION;
  for (const pair of (options.set as string[] | undefined) ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new CliError(`--set needs NAME=VALUE (got '${pair}')`, EXIT.USAGE, undefined, 'USAGE');
    values[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  if (profile) {
    values.AWS_PROFILE ??= profile;
    values.AWS_API_MCP_PROFILE_NAME ??= profile;
    const profiles = loadProfiles({ env: ctx.libEnv, tolerant: true, platform: ctx.platform });
    if (!Object.prototype.hasOwnProperty.call(profiles.profiles, profile)) {
      const { message, hint } = unknownProfileMessage(profile, Object.keys(profiles.profiles), profiles.files.config);
      throw new CliError(message, EXIT.USAGE, hint, 'UNKNOWN_PROFILE');
    }
    guard({ kind: 'hydrate', profile, scope: 'workspace' }, { tags: readTags(defaultTagsPath(ctx.libEnv)), profiles, confirm: options.confirm === true, isTTY: ctx.canPrompt });
  }
  if (region) values.AWS_REGION ??= region;

  const records = readRecords(recordFile(ctx));
  const mine: Record<string, string> = {};
  const results = [];
  for (const template of templates) {
    const target = template.replace(TEMPLATE, '');
    if (target === template) throw new CliError(`${template} is not a template (expected a .template suffix)`, EXIT.USAGE, undefined, 'NOT_A_TEMPLATE');
    let host: HostAdapter | undefined = options.host ? getHost(String(options.host) as never) : detectHostFile(template, ctx.home)?.host;
    if (!host) throw new CliError(`cannot tell which host reads ${target}`, EXIT.USAGE, 'pass --host vscode|cursor|kiro|amazonq|claude-code', 'UNKNOWN_HOST');
    const text = fs.readFileSync(template, 'utf8');
    // values from the environment for any other placeholder the template names
    const local = { ...values };
    for (const m of text.matchAll(PLACEHOLDER)) if (local[m[1]] === undefined && ctx.env[m[1]] !== undefined) local[m[1]] = ctx.env[m[1]]!;
    let out: string;
    try {
      out = hydrate(text, local, host, { file: target });
    } catch (e) {
      if (e instanceof HydrateError) {
        const missing = e.missing;
        const flags = missing.map((n) => (n === 'AWS_PROFILE' ? '--profile P' : n === 'AWS_REGION' ? '--region R' : `--set ${n}=...`));
        throw new CliError(`${path.relative(ctx.cwd, template) || template}: ${e.message}`, EXIT.USAGE, missing.length ? `pass ${[...new Set(flags)].join(' ')} (or set the variables in the environment)` : undefined, 'HYDRATE_FAILED');
      }
      throw e;
    }
    const existing = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
    const handEdited = existing !== undefined && existing !== out && records[target] !== sha(existing);
    if (handEdited && !options.force) {
      throw new CliError(
        `${path.relative(ctx.cwd, target)} has changes that did not come from its template (edited by hand, or written by another tool)`,
        EXIT.FAILURE,
        `keep them by moving them into ${path.basename(template)}, or overwrite with --force (a .bak copy is kept)`,
        'LOCAL_CHANGES',
      );
    }
    const written = await writeConfigFile(target, out, { backup: existing !== undefined && existing !== out ? { root: backupRoot({ env: ctx.libEnv, home: ctx.home }) } : false });
    records[target] = sha(out);
    mine[target] = records[target];
    results.push({
      template,
      file: target,
      host: host.id,
      changed: written.changed,
      ...(written.backup ? { backup: written.backup } : {}),
      variables: [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort(),
      diff: existing !== undefined ? formatDiff(existing, out) : [],
    });
  }
  // merged under the lock (two hydrates at once keep both records), atomic, 0600
  safeUpdateFileSync(recordFile(ctx), (text) => JSON.stringify({ ...parseRecords(text), ...mine }, null, 2) + '\n');

  if (ctx.json) {
    printJson(ctx, 'hydrate', { files: results.map(({ diff: _diff, ...r }) => r) });
    return EXIT.OK;
  }
  for (const r of results) {
    const rel = path.relative(ctx.cwd, r.file) || r.file;
    ctx.out(`${r.changed ? st.green('wrote') : st.dim('unchanged')} ${rel} ${st.dim(`(${getHost(r.host).displayName}, from ${path.basename(r.template)}; ${r.variables.join(', ') || 'no placeholders'})`)}`);
    for (const l of r.diff) ctx.out('  ' + (l.startsWith('-') ? st.red(l) : l.startsWith('+') ? st.green(l) : st.dim(l)));
    if (r.backup) ctx.out(st.dim(`  backup: ${r.backup}`));
  }
  return EXIT.OK;
}
