/** Helpers the command run modules share (formatting, diagnostics). */
import type { ParseDiagnostic, ProfileSet } from '@awsmcp/aws-config-parser';
import type { CliContext } from '../context';
import { safe } from '../output/safe';
import { style } from '../output/style';

/**
 * A diagnostic of the CLI's documents: the cross-SDK parser's, or one from the botocore reading
 * (`runtime: 'botocore'`; `fatal` when botocore refuses the file: every Python server fails).
 */
export interface CliDiagnostic extends ParseDiagnostic {
  runtime?: 'botocore';
  fatal?: boolean;
  /** For a fatal one: the exception botocore raises (configparser's, wrapped as ConfigParseError). */
  exception?: string;
}

export const PYTHON_SERVERS_FAIL = 'every Python MCP server on this machine fails to start';

/** How many botocore differences are printed on stderr (all of them are in --json). */
const DIFFERENCES_SHOWN = 10;

/** The botocore reading of `set` (`set.botocore`) as diagnostics: each fatal error first, then each difference. */
export function botocoreDiagnostics(set: ProfileSet): CliDiagnostic[] {
  const reading = set.botocore;
  if (!reading) return [];
  return [
    ...reading.fatal.map((f): CliDiagnostic => ({
      file: f.file,
      line: f.line,
      column: f.column,
      severity: 'error',
      message: `${PYTHON_SERVERS_FAIL}: ${f.message.split('\n')[0]}; fix: ${f.fix}`,
      runtime: 'botocore',
      fatal: true,
      exception: f.exception,
    })),
    ...reading.differences.map((d): CliDiagnostic => ({ ...d, runtime: 'botocore' })),
  ];
}

/** The top banner for a fatal botocore error: "every Python MCP server ...: file:line:col Exception". */
export function botocoreBanner(d: CliDiagnostic): string {
  return `!!! ${PYTHON_SERVERS_FAIL}: ${d.file}:${d.line}:${d.column} ${d.exception ?? 'ConfigParseError'}`;
}

/**
 * Problems in the profile files, on stderr, each with file:line and what is wrong: first a banner
 * for each file botocore refuses, then parse errors, then (at most ten) places where botocore reads
 * the files differently from the cross-SDK reading.
 */
export function reportDiagnostics(ctx: CliContext, diagnostics: readonly CliDiagnostic[]): void {
  let st: ReturnType<typeof style> | undefined;
  const styled = () => (st ??= style({ color: ctx.color && ctx.stderr.isTTY === true }));
  for (const d of diagnostics) {
    if (!d.fatal) continue;
    ctx.err(styled().red(styled().bold(safe(botocoreBanner(d)))));
    ctx.err(`    ${safe(d.message)}`);
  }
  for (const d of diagnostics) {
    if (d.severity !== 'error' || d.fatal) continue;
    const where = safe(d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file);
    ctx.err(`${styled().yellow('warning')}: ${where}: ${safe(d.message)} (the rest of the file was read)`);
  }
  const differences = diagnostics.filter((d) => d.runtime === 'botocore' && !d.fatal);
  for (const d of differences.slice(0, DIFFERENCES_SHOWN)) ctx.err(`${styled().yellow('warning')}: ${safe(`${d.file}:${d.line}:${d.column}`)}: Python servers (botocore): ${safe(d.message)}`);
  if (differences.length > DIFFERENCES_SHOWN) ctx.err(styled().dim(`... and ${differences.length - DIFFERENCES_SHOWN} more botocore differences (--json lists them all)`));
}

/** One formatter per time zone: making an Intl.DateTimeFormat costs ~100 us, a table has thousands of rows. */
const formatters = new Map<string, Intl.DateTimeFormat>();
/** Formatted expiries by time zone and time (rows share a few expiry times). */
const expiries = new Map<string, string>();

/** `2026-11-25 11:00 (10:00 UTC)` in the local time zone, or '' when unknown. */
export function formatExpiry(iso: string | undefined, timeZone?: string): string {
  if (!iso) return '';
  const memoKey = `${timeZone ?? ''}\u0000${iso}`;
  const known = expiries.get(memoKey);
  if (known !== undefined) return known;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  let formatter = formatters.get(timeZone ?? '');
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone ?? '', formatter);
  }
  const two = (n: number) => String(n).padStart(2, '0');
  const text = `${formatter.format(d).replace(',', '')} (${two(d.getUTCHours())}:${two(d.getUTCMinutes())} UTC)`;
  if (expiries.size >= 4096) expiries.clear();
  expiries.set(memoKey, text);
  return text;
}

/** `42m`, `3h 5m`, `expired 12m ago`, or '' when there is no expiry. */
export function formatTtl(ttlSeconds: number | undefined, refreshesItself = false): string {
  if (ttlSeconds === undefined) return '';
  const abs = Math.abs(ttlSeconds);
  const h = Math.floor(abs / 3600);
  const m = Math.floor((abs % 3600) / 60);
  const text = h > 0 ? `${h}h ${m}m` : abs >= 60 ? `${m}m` : `${Math.floor(abs)}s`;
  if (ttlSeconds <= 0) return `expired ${text} ago${refreshesItself ? ' (refreshes)' : ''}`;
  return `${text}${refreshesItself ? ' (refreshes)' : ''}`;
}

/** `did you mean 'a', 'b'? ` for a mistyped name among `names` ('' when nothing is close). */
export function didYouMean(name: string, names: readonly string[]): string {
  const { closestNames } = require('@awsmcp/aws-config-parser') as typeof import('@awsmcp/aws-config-parser');
  const close = closestNames(name, names);
  return close.length > 0 ? `did you mean ${close.map((c) => `'${c}'`).join(', ')}? ` : '';
}

/** A CliError-ready message for a profile that is not configured. */
export function unknownProfileMessage(profile: string, names: readonly string[], configFile?: string): { message: string; hint: string } {
  // loaded here: `discover` answered from its cache loads no library at all
  const { closestNames } = require('@awsmcp/aws-config-parser') as typeof import('@awsmcp/aws-config-parser');
  const close = closestNames(profile, names);
  return {
    message: `profile '${profile}' is not in ${configFile ?? '~/.aws/config'}`,
    hint: close.length > 0 ? `did you mean ${close.map((c) => `'${c}'`).join(', ')}? (awsmcp discover lists every profile)` : 'awsmcp discover lists every profile',
  };
}

/**
 * A profile name that starts with `-` would be read as an option by the command it is passed to
 * (`aws sso login --profile --debug`): refused wherever a profile reaches a child command.
 */
export function refuseOptionLikeProfile(profile: string, what = 'profile'): void {
  if (!profile.startsWith('-')) return;
  const { CliError, EXIT } = require('../errors') as typeof import('../errors');
  throw new CliError(`${what} name '${profile}' starts with '-': a command given it would read it as an option`, EXIT.USAGE, `rename the ${what} in your AWS config (names starting with '-' are refused)`, 'OPTION_LIKE_PROFILE');
}

/**
 * The argument vector of a login command line (`aws sso login --profile NAME`, `assume NAME`):
 * the name (always last) stays one element, passed as `--profile=NAME` / `--sso-session=NAME`, so
 * that no profile name can become an option of the command (`--profile=--debug`); a positional
 * name starting with `-` (`assume NAME`) is refused.
 */
export function loginArgv(command: string): string[] {
  const m = /^(.*?)\s(--profile|--sso-session)\s(.+)$/.exec(command);
  if (m) return [...m[1].split(/\s+/).filter(Boolean), `${m[2]}=${m[3]}`];
  const words = command.split(/\s+/).filter(Boolean);
  const positional = /^assume\s(.+)$/.exec(command);
  if (positional) {
    refuseOptionLikeProfile(positional[1]);
    return ['assume', positional[1]];
  }
  return words;
}

/**
 * The scope a write really lands in, judged by the file's real path: a workspace `.mcp.json` that
 * is a symlink to `~/.claude.json` (or to any file outside the workspace) is user scope.
 */
export function scopeJudge(ctx: CliContext): (file: string, declared: string) => string {
  const { HOSTS, realPathOf } = require('@awsmcp/mcp-config-model') as typeof import('@awsmcp/mcp-config-model');
  const pathMod = require('node:path') as typeof import('node:path');
  let userReal: Map<string, string> | undefined;
  const judged = new Map<string, string>();
  return (file, declared) => {
    if (declared !== 'workspace') return declared;
    let scope = judged.get(file);
    if (scope === undefined) {
      userReal ??= new Map(
        HOSTS.flatMap((h) => h.files({ home: ctx.home, workspace: ctx.cwd, platform: ctx.platform as 'linux', env: ctx.libEnv }))
          .filter((f) => f.scope !== 'workspace')
          .map((f) => [realPathOf(f.file), f.scope]),
      );
      const real = realPathOf(file);
      const root = realPathOf(ctx.cwd);
      scope = userReal.get(real) ?? (real === root || real.startsWith(root + pathMod.sep) ? declared : 'user');
      judged.set(file, scope);
    }
    return scope;
  };
}
