/**
 * `awsmcp discover`: one row per profile, optional chain trees, starter tags file.
 *
 * A run with nothing changed since the last one answers from the discover cache (discover-cache.ts)
 * and loads none of the libraries; otherwise discover-compute.ts does the work and the result is
 * kept for the next run. `--chain` and `--no-cache` always compute.
 */
import type { CliContext } from '../context';
import { CliError, EXIT } from '../errors';
import { printJson } from '../output/json';
import { safe } from '../output/safe';
import { style } from '../output/style';
import type { renderTable as renderTableFn } from '../output/table';
import { discoverCacheFile, discoverCacheKey, keepRows, keptRowsAt, readDiscoverCache, writeDiscoverCache, type DiscoverResult, type DiscoverRow } from './discover-cache';
import type { ChainNode, DiscoverComputed } from './discover-compute';
import { formatExpiry, formatTtl, reportDiagnostics } from './shared';

export type { DiscoverRow } from './discover-cache';
export type { ChainNode } from './discover-compute';

/** The table code, loaded only for a table (a --json answer from the cache needs none of it). */
const renderTable: typeof renderTableFn = (rows, columns, header) => (require('../output/table') as typeof import('../output/table')).renderTable(rows, columns, header);

function compute(): typeof import('./discover-compute') {
  return require('./discover-compute') as typeof import('./discover-compute');
}

/** The members of the --json document before the rows, in their documented order. */
function documentHead(result: Omit<DiscoverResult, 'profiles'>, written?: string): Record<string, unknown> {
  return {
    home: result.home,
    files: result.files,
    tagsFile: { path: result.tagsFile.path, exists: result.tagsFile.exists, ...(written ? { written: true } : {}), ...(result.tagsFile.error ? { error: result.tagsFile.error } : {}) },
  };
}

/**
 * `--type` must be a profile kind (usage error listing them); `--env` takes the tags file's spellings
 * (`production` is `prod`). Loaded only when a filter is given (the fast lane stays light).
 */
export function checkDiscoverFilters(type: string | undefined, env: string | undefined): { type?: string; env?: string } {
  if (type !== undefined) {
    const { PROFILE_KINDS } = require('@awsmcp/aws-config-parser') as typeof import('@awsmcp/aws-config-parser');
    if (!(PROFILE_KINDS as readonly string[]).includes(type)) {
      throw new CliError(`--type '${type}' is not a profile type; valid: ${PROFILE_KINDS.join(', ')}`, EXIT.USAGE, 'e.g. awsmcp discover --type sso', 'USAGE');
    }
  }
  if (env !== undefined) {
    const { TAG_ALIASES } = require('@awsmcp/prod-guard') as typeof import('@awsmcp/prod-guard');
    env = TAG_ALIASES[env.toLowerCase()] ?? env;
  }
  return { ...(type !== undefined ? { type } : {}), ...(env !== undefined ? { env } : {}) };
}

/**
 * A missing tags file is written only when the user asked for it: `--write-tags`, or a yes to the
 * question on a terminal. Without a terminal (or with --json) nothing is written; the run says how to
 * create it. `--no-write-tags` never writes and never asks.
 */
async function mayWriteTags(ctx: CliContext, option: unknown): Promise<boolean> {
  if (option === false) return false;
  if (option === true) return true;
  if (!ctx.canPrompt || ctx.json) return false;
  const fs = require('node:fs') as typeof import('node:fs');
  const { defaultTagsPath } = require('@awsmcp/prod-guard') as typeof import('@awsmcp/prod-guard');
  const file = defaultTagsPath(ctx.libEnv);
  if (fs.existsSync(file)) return false;
  const readline = require('node:readline') as typeof import('node:readline');
  const rl = readline.createInterface({ input: process.stdin, output: ctx.stderr as NodeJS.WritableStream });
  const answer = await new Promise<string>((resolve) => rl.question(`No tags file yet: write a starter ${file} (env tags guessed from the profile names, for you to review)? [y/N] `, resolve));
  rl.close();
  if (/^y(es)?$/i.test(answer.trim())) return true;
  ctx.err(`not written; to create it later run: awsmcp discover --write-tags (or write ${file} by hand, one "profile: env" line each)`);
  return false;
}

export async function discover(ctx: CliContext, options: Record<string, unknown>): Promise<number> {
  const { type, env: envFilter } = checkDiscoverFilters(options.type as string | undefined, options.env as string | undefined);
  const account = options.account as string | undefined;
  const writeTags = await mayWriteTags(ctx, options.writeTags);
  const chain = options.chain === true;
  const runtime = options.runtime === undefined ? 'botocore' : options.runtime;
  if (runtime !== 'botocore' && runtime !== 'js-sdk') {
    throw new CliError(`--runtime must be botocore or js-sdk, got '${String(runtime)}'`, EXIT.USAGE, 'botocore: Python servers (uvx, python; every awslabs MCP server); js-sdk: Node servers (npx, node)', 'USAGE');
  }
  // the cache keeps every profile's row under botocore's rules; --chain needs the profile set itself
  const useCache = options.cache !== false && !chain && runtime === 'botocore';

  let result: Omit<DiscoverResult, 'profiles'>;
  let rows: DiscoverRow[] | undefined;
  /** The rows exactly as --json prints them, when they are at hand as bytes. */
  let printed: Buffer | undefined;
  let computed: DiscoverComputed | undefined;
  const filtered = !!(type || envFilter || account || options.expired);
  if (useCache) {
    const file = discoverCacheFile(ctx);
    const key = discoverCacheKey(ctx);
    let hit = readDiscoverCache(file, key, ctx.now().getTime(), ctx.cwd);
    // a missing tags file is written by a normal run: let it
    if (hit && !hit.head.tagsFile.exists && writeTags) hit = undefined;
    if (hit) {
      result = hit.head;
      printed = hit.profilesJson;
    } else {
      const startedAtMs = Date.now();
      computed = compute().computeDiscover(ctx, { writeTags });
      result = computed.result;
      rows = computed.result.profiles;
      // rendered once: for the entry and, with --json, for stdout
      const kept = keepRows(rows);
      if (kept) {
        if (!computed.written) writeDiscoverCache(file, key, computed, kept, startedAtMs, ctx.cwd);
        printed = keptRowsAt(kept, computed.computedAtMs);
      }
    }
  } else {
    computed = compute().computeDiscover(ctx, { type, env: envFilter, account, chain, writeTags, runtime });
    result = computed.result;
    rows = computed.result.profiles;
  }
  reportDiagnostics(ctx, result.diagnostics);
  if (result.tagsFile.error) ctx.err(`warning: ${safe(result.tagsFile.error.message)} (tags ignored: the ENV column shows guesses until the file is fixed)`);
  const written = computed?.written;
  if (ctx.json && !filtered && printed) {
    // every row, exactly as kept: printed without being parsed or stringified again
    printJson(ctx, 'discover', { ...documentHead(result, written), profiles: undefined, diagnostics: result.diagnostics }, { profiles: printed });
    return EXIT.OK;
  }
  rows ??= JSON.parse((printed as Buffer).toString('utf8')) as DiscoverRow[];
  const total = computed?.profileCount ?? rows.length;

  if (envFilter !== undefined) {
    // an unknown environment is a usage error (it would silently match nothing): the built-in ones,
    // plus any custom label the tags file gives
    const { ENVIRONMENTS } = require('@awsmcp/prod-guard') as typeof import('@awsmcp/prod-guard');
    const valid = [...new Set<string>([...ENVIRONMENTS, ...rows.flatMap((r) => (r.env ? [r.env] : []))])];
    if (!valid.includes(envFilter)) {
      throw new CliError(`--env '${envFilter}' is not an environment here; valid: ${valid.join(', ')}`, EXIT.USAGE, 'e.g. awsmcp discover --env prod (aliases such as production, prd, stage work too)', 'USAGE');
    }
  }
  if (filtered) {
    rows = rows.filter(
      (r) =>
        (!type || r.type === type) &&
        (!envFilter || r.env === envFilter) &&
        (!account || r.accountId === account) &&
        (!options.expired || r.light === 'red'),
    );
  }
  let chains: Array<{ profile: string; chain: ChainNode[] }> | undefined;
  if (computed?.chains) {
    const shown = new Set(rows.map((r) => r.profile));
    chains = computed.chains.filter((c) => shown.has(c.profile));
  }

  if (ctx.json) {
    printJson(ctx, 'discover', {
      ...documentHead(result, written),
      profiles: rows,
      ...(chains ? { chains } : {}),
      diagnostics: result.diagnostics,
    });
    return EXIT.OK;
  }

  const st = style(ctx);
  if (written) ctx.err(st.dim(`wrote a starter tags file: ${written} (review the # detected lines)`));
  if (rows.length === 0) {
    ctx.out(total === 0 ? `no profiles in ${result.files.config} or ${result.files.credentials}` : 'no profile matches the filters');
    return EXIT.OK;
  }
  const lines = renderTable(
    rows,
    [
      { header: 'PROFILE', value: (r) => safe(r.profile) },
      { header: 'TYPE', value: (r) => safe(r.type) },
      { header: 'ACCOUNT', value: (r) => safe(r.accountId ?? '') },
      { header: 'ENV', value: (r) => (r.env === 'prod' ? st.red(r.env) : safe(r.env ?? '')) + (r.env && r.envSource !== 'tag' ? st.dim('?') : '') },
      { header: 'ROLE', value: (r) => safe(r.role ?? '') },
      { header: 'EXPIRES', value: (r) => formatExpiry(r.expiresAt) },
      { header: 'TTL', value: (r) => `${st.light(r.light, { none: r.status === 'long-lived' ? 'long-lived' : r.refreshesItself ? 'external' : 'none' })} ${formatTtl(r.ttlSeconds, r.refreshesItself)}`.trimEnd() },
      { header: 'PROVIDER', value: (r) => (r.provider ?? st.dim(r.exception ?? 'none')) + (r.botocoreOnly ? st.dim(' *') : '') },
    ],
    st.bold,
  );
  // one write for the whole table (a write per line is a system call per line)
  ctx.stdout.write(lines.join('\n') + '\n');
  if (chains && chains.length > 0) {
    ctx.out('');
    ctx.out(st.bold('Role chains'));
    for (const { profile, chain } of chains) {
      ctx.out(safe(profile));
      chain.forEach((n, i) => {
        const indent = '   '.repeat(i);
        const label = `${safe(n.profile)}${n.role ? ` ${st.dim('as')} ${safe(n.role)}` : ''}${n.accountId ? ` ${st.dim('@')} ${safe(n.accountId)}` : ''} ${st.dim(`(${n.kind})`)}`;
        ctx.out(`${indent}└─ ${n.problem ? st.red(`${label}  ✗ ${safe(n.problem)}`) : label}`);
      });
    }
  }
  // every red row, with why and what to do (not only the first few)
  const broken = rows.filter((r) => r.light === 'red');
  if (broken.length > 0) {
    ctx.out('');
    const sdk = (rows[0]?.runtime ?? runtime) === 'js-sdk' ? 'the AWS SDK for JavaScript' : 'botocore (Python servers)';
    ctx.out(st.bold(`Needs attention under ${sdk}`));
    for (const r of broken) {
      const why = r.reason ?? (r.status === 'expired' ? `expired ${formatExpiry(r.expiresAt)}` : `${r.status}, until ${formatExpiry(r.expiresAt)}`);
      ctx.out(`${st.light('red')} ${safe(r.profile)}: ${safe(why)}\n    -> ${safe(r.nextStep)}`);
    }
  }
  if (rows.some((r) => r.botocoreOnly)) ctx.out(st.dim('* botocore reads this profile, but its name is invalid for the other AWS SDKs'));
  for (const d of result.diagnostics) {
    if (d.severity === 'error') continue; // errors were reported above
    ctx.err(`${st.yellow('warning')}: ${safe(d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file)}: ${safe(d.message)}`);
  }
  if (!result.tagsFile.exists && !writeTags && options.writeTags !== false) ctx.err(st.dim(`no tags file at ${result.tagsFile.path}: env tags are guesses (marked ?); awsmcp discover --write-tags writes a starter file to review`));
  else if (!result.tagsFile.exists && !writeTags) ctx.err(st.dim(`no tags file at ${result.tagsFile.path}: env tags are guesses (marked ?)`));
  return EXIT.OK;
}
