/** `awsmcp tokens`: start servers, list their tools over MCP, count the tokens of their definitions, store the measurements. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildKit, findServer, KITS_FILE, parseKitsFile, BUILTIN_KITS, type Kit, type KitEntry, type Measurement } from '@awsmcp/starter-kits';
import type { CliContext } from '../context';
import { CliError, EXIT } from '../errors';
import { scrub } from '../doctor/aws';
import { maskSecretsInText, redactArgs, safe } from '../output/safe';
import { checkMcp } from '../doctor/layers';
import { withInterruptHandler } from '../doctor/process';
import { fromCatalog, fromEntry, hostServers, pickEntry, type RunnableServer } from '../doctor/target';
import type { ServerEntry } from '@awsmcp/mcp-config-model';
import { measureTools, TOKENIZER, tokenizerLabel } from '../tokens/measure';
import { TokensJsonSchema, type TokensJson, type TokensServer } from '../tokens/schema';
import { measurementsFile, saveMeasurements } from '@awsmcp/starter-kits';
import { printJson } from '../output/json';
import { progress } from '../output/progress';
import { style, visibleWidth } from '../output/style';
import { EXIT_INTERRUPTED, parseTimeout } from './doctor.run';
import { didYouMean } from './shared';

export const TOKENIZER_NOTE =
  "o200k_base is OpenAI's GPT-4o/GPT-5 tokenizer, used offline as a stand-in: Claude's tokenizer is not public, and Claude usually counts 10-30% more tokens for the same English and JSON text. Read these numbers as a floor.";

interface Planned {
  server: RunnableServer;
  kit?: string;
}

function userKits(ctx: CliContext): Kit[] {
  const file = path.join(ctx.cwd, KITS_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return parseKitsFile(text, file);
}

function fromKitEntry(e: KitEntry): RunnableServer {
  const catalog = findServer(e.server)!;
  const base = fromCatalog(catalog, e.profile, e.region, e.name);
  return { ...base, ...(e.spec.command ? { command: e.spec.command } : {}), args: [...(e.spec.args ?? [])], env: { ...(e.spec.env ?? {}) } };
}

async function plan(ctx: CliContext, names: string[], options: Record<string, unknown>): Promise<Planned[]> {
  const profile = options.profile as string | undefined;
  const region = options.region as string | undefined;
  const entries = await hostServers(ctx, options.host as string | undefined);
  const planned: Planned[] = [];
  const seen = new Set<string>();
  const add = (p: Planned) => {
    if (seen.has(p.server.name)) return;
    seen.add(p.server.name);
    planned.push(p);
  };
  if (names.length === 0) {
    for (const e of entries) {
      if (seen.has(e.name)) continue;
      const { entry } = pickEntry(entries, e.name);
      if (entry) add({ server: fromEntry(ctx, entry) });
    }
    if (planned.length === 0) {
      throw new CliError('no MCP server in the host files of this workspace and home', EXIT.USAGE, 'name servers, a kit or catalog ids: `awsmcp tokens eks-debug`, `awsmcp tokens eks`', 'USAGE');
    }
    await trustWorkspaceCommands(ctx, entries.filter((e) => e.location.scope === 'workspace' && planned.some((p) => p.server.name === e.name)), options);
    return planned;
  }
  const kits = userKits(ctx);
  for (const name of names) {
    const { entry } = pickEntry(entries, name);
    if (entry) {
      add({ server: fromEntry(ctx, entry) });
      continue;
    }
    const kit = kits.find((k) => k.name === name) ?? BUILTIN_KITS.find((k) => k.name === name);
    if (kit) {
      const built = buildKit(kit, { ...(profile ? { profile } : {}), ...(region ? { region } : {}), hosts: ['claude-code'], userKits: kits });
      for (const e of built) add({ server: fromKitEntry(e), kit: kit.name });
      continue;
    }
    const catalog = findServer(name);
    if (catalog) {
      add({ server: fromCatalog(catalog, profile, region) });
      continue;
    }
    const known = [...new Set(entries.map((e) => e.name))];
    throw new CliError(
      `'${name}' is not a server in the host files, a kit or a catalog server`,
      EXIT.USAGE,
      `${didYouMean(name, [...known, ...[...kits, ...BUILTIN_KITS].map((k) => k.name)])}kits: ${[...kits, ...BUILTIN_KITS].map((k) => k.name).join(', ')}${known.length > 0 ? `; servers: ${known.join(', ')}` : ''}`,
      'UNKNOWN_SERVER',
    );
  }
  return planned;
}

/**
 * `awsmcp tokens` with no names would start every command of the workspace's host files: in a
 * freshly cloned repository those are someone else's commands. Run them only when asked: `--trust`,
 * or a yes on a terminal; without a terminal the run is refused (exit 2: a flag is missing).
 */
async function trustWorkspaceCommands(ctx: CliContext, workspace: ServerEntry[], options: Record<string, unknown>): Promise<void> {
  if (workspace.length === 0 || options.trust === true) return;
  const files = [...new Set(workspace.map((e) => path.relative(ctx.cwd, e.location.file) || e.location.file))];
  // what would run, as the user must judge it: every control character visible, secrets masked
  const listing = workspace.map((e) => `  ${safe(e.name)}: ${safe(maskSecretsInText([e.command ?? e.url ?? '', ...redactArgs(e.args ?? [])].join(' ')))}`);
  if (!ctx.canPrompt || ctx.json) {
    throw new CliError(
      `awsmcp tokens with no names would run ${workspace.length} command${workspace.length === 1 ? '' : 's'} from this workspace's host files (${files.join(', ')}); not without your say-so`,
      EXIT.USAGE,
      'read them (awsmcp status), then pass --trust, or name the servers to measure: awsmcp tokens <server>...',
      'UNTRUSTED_WORKSPACE',
    );
  }
  ctx.err(`These commands come from this workspace's host files (${files.join(', ')}):`);
  for (const l of listing) ctx.err(l);
  if (!(await ask(ctx, `Run them to measure their tools? [y/N] `))) {
    throw new CliError('not run: the workspace commands were not trusted', EXIT.USAGE, 'pass --trust to skip this question, or name the servers to measure', 'UNTRUSTED_WORKSPACE');
  }
}

/** Printable without terminal control characters (the full sanitiser is the output module's job). */
function ask(ctx: CliContext, question: string): Promise<boolean> {
  ctx.stderr.write(question);
  return new Promise((resolve) => {
    process.stdin.setEncoding('utf8');
    process.stdin.once('data', (d) => {
      process.stdin.pause();
      resolve(/^y(es)?$/i.test(String(d).trim()));
    });
    process.stdin.resume();
  });
}

function parseLimit(value: unknown): number {
  const n = Number(value ?? 5000);
  if (!Number.isInteger(n) || n <= 0) throw new CliError(`--limit must be a positive whole number of tokens, got '${String(value)}'`, EXIT.USAGE, undefined, 'USAGE');
  return n;
}

/** `████████░░░░░░░░` for `value / max`, `width` cells; overflow is shown full. */
export function bar(value: number, max: number, width = 24): string {
  const filled = Math.max(0, Math.min(width, Math.round((value / max) * width)));
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

export async function tokens(ctx: CliContext, options: Record<string, unknown>, args: string[]): Promise<number> {
  const timeoutMs = parseTimeout(options.timeout);
  const limit = parseLimit(options.limit);
  const planned = await plan(ctx, args, options);
  const st = style(ctx);
  const label = tokenizerLabel();
  const rows: TokensServer[] = [];
  const fresh: Measurement[] = [];
  const bar_ = progress(ctx);
  let interruptedRun = false;

  await withInterruptHandler(async (interrupted) => {
    interrupted.then(() => (interruptedRun = true), () => undefined);
    for (const [i, { server, kit }] of planned.entries()) {
      if (interruptedRun) break;
      const base = {
        name: server.name,
        source: kit ? ('kit' as const) : server.source,
        ...(kit ? { kit } : {}),
        ...(server.catalog ? { catalogId: server.catalog.id, estimate: { tokens: server.catalog.cost.tokens, source: server.catalog.cost.source, basis: server.catalog.cost.basis } } : {}),
      };
      if (server.transport !== 'stdio') {
        rows.push({ ...base, status: 'skipped', note: `remote server (${server.transport}): measure it from a host; not started here` });
        continue;
      }
      bar_.start(`tokens: starting ${server.name} (${i + 1}/${planned.length}): ${server.command}`);
      const { layer, result } = await checkMcp(ctx, server, { timeoutMs, interrupted, onStep: (s) => bar_.update(`tokens: ${server.name} ${s} (${i + 1}/${planned.length})`) });
      bar_.stop();
      if (!result || !result.ok) {
        rows.push({
          ...base,
          status: 'failed',
          error: { reason: layer.reason ?? 'not-started', message: layer.summary, ...(layer.fix ? { fix: layer.fix } : {}), stderrTail: (layer.stderrTail ?? []).map(scrub) },
        });
        continue;
      }
      const measured = measureTools(result.tools);
      const key = server.catalog?.id ?? server.package?.name ?? result.serverInfo.name;
      const version = server.package?.pinned && server.package.version ? server.package.version : result.serverInfo.version;
      fresh.push({ server: key, version, tokens: measured.tokens, toolCount: result.tools.length, measuredAt: ctx.now().toISOString(), tokenizer: label });
      rows.push({
        ...base,
        key,
        version,
        status: 'measured',
        tokens: measured.tokens,
        toolCount: result.tools.length,
        share: Math.round((measured.tokens / limit) * 1000) / 1000,
        tools: measured.tools,
      });
    }
  });

  let saved = false;
  const file = measurementsFile({ env: ctx.env, home: ctx.home });
  if (options.save !== false && fresh.length > 0) {
    await saveMeasurements({ env: ctx.env, home: ctx.home }, fresh);
    saved = true;
  }
  const total = rows.reduce((n, r) => n + (r.tokens ?? 0), 0);
  const report: TokensJson = {
    schemaVersion: 1,
    command: 'tokens',
    tokenizer: { name: TOKENIZER, label, note: TOKENIZER_NOTE },
    limit,
    total,
    verdict: total > limit ? 'over' : 'under',
    servers: rows,
    cache: { file, saved },
  };
  const failed = rows.some((r) => r.status === 'failed');

  if (ctx.json) {
    const { schemaVersion: _v, command: _c, ...data } = TokensJsonSchema.parse(report);
    printJson(ctx, 'tokens', data);
    return interruptedRun ? EXIT_INTERRUPTED : failed ? EXIT.FAILURE : EXIT.OK;
  }

  const paint = (share: number, s: string) => (share > 1 ? st.red(s) : share > 0.6 ? st.yellow(s) : st.green(s));
  const nameWidth = Math.max(5, ...rows.map((r) => visibleWidth(safe(r.name))));
  const num = (n: number) => n.toLocaleString('en-US');
  ctx.out(st.dim(`context cost of tool definitions, counted with ${label}; bars against ${num(limit)} tokens`));
  for (const r of rows) {
    const name = safe(r.name).padEnd(nameWidth);
    if (r.status === 'measured') {
      const share = r.tokens! / limit;
      const est = r.estimate ? st.dim(`  (${r.estimate.source} estimate was ${num(r.estimate.tokens)})`) : '';
      const what = `${r.key}${r.version ? ` ${r.version}` : ''}`;
      ctx.out(`${name}  ${paint(share, bar(r.tokens!, limit))}  ${num(r.tokens!).padStart(7)} tokens  ${String(r.toolCount).padStart(3)} tools  ${st.dim(safe(what))}${est}`);
      if (options.tools) for (const t of [...(r.tools ?? [])].sort((a, b) => b.tokens - a.tokens)) ctx.out(st.dim(`${''.padEnd(nameWidth)}    ${num(t.tokens).padStart(6)}  ${safe(t.name)}`));
    } else if (r.status === 'skipped') {
      ctx.out(`${name}  ${st.dim(`skipped: ${r.note}`)}`);
    } else {
      ctx.out(`${name}  ${st.light('red', { red: 'FAILED' })} ${st.red(r.error!.message)}`);
      for (const line of r.error!.stderrTail.slice(-5)) ctx.out(st.dim(`${''.padEnd(nameWidth)}    ${line}`));
      if (r.error!.fix) ctx.out(`${''.padEnd(nameWidth)}  ${st.yellow('fix:')} ${r.error!.fix}`);
    }
  }
  const share = total / limit;
  ctx.out(`${'total'.padEnd(nameWidth)}  ${paint(share, bar(total, limit))}  ${num(total).padStart(7)} tokens  ${st.dim(`of ${num(limit)} (${Math.round(share * 100)}%)`)}${share > 1 ? st.red('  over the budget: drop servers, or use the AWS CLI for single-service questions') : ''}`);
  ctx.out(st.dim(TOKENIZER_NOTE));
  if (saved) ctx.out(st.dim(`saved to ${file}: \`awsmcp kit\` budgets now use these numbers`));
  return interruptedRun ? EXIT_INTERRUPTED : failed ? EXIT.FAILURE : EXIT.OK;
}
