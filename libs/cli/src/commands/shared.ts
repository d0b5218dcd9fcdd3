/** Helpers the command run modules share (formatting, diagnostics). */
import type { ParseDiagnostic, ProfileSet } from '@awsmcp/aws-config-parser';
import type { CliContext } from '../context';
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
    ctx.err(styled().red(styled().bold(botocoreBanner(d))));
    ctx.err(`    ${d.message}`);
  }
  for (const d of diagnostics) {
    if (d.severity !== 'error' || d.fatal) continue;
    const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
    ctx.err(`${styled().yellow('warning')}: ${where}: ${d.message} (the rest of the file was read)`);
  }
  const differences = diagnostics.filter((d) => d.runtime === 'botocore' && !d.fatal);
  for (const d of differences.slice(0, DIFFERENCES_SHOWN)) ctx.err(`${styled().yellow('warning')}: ${d.file}:${d.line}:${d.column}: Python servers (botocore): ${d.message}`);
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
