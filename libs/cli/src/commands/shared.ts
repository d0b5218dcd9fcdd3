/** Helpers the command run modules share (formatting, diagnostics). */
import type { ParseDiagnostic } from '@awsmcp/aws-config-parser';
import type { CliContext } from '../context';
import { style } from '../output/style';

/** Problems in the profile files, on stderr, each with file:line and what is wrong. */
export function reportDiagnostics(ctx: CliContext, diagnostics: readonly ParseDiagnostic[]): void {
  const st = style({ color: ctx.color && ctx.stderr.isTTY === true });
  for (const d of diagnostics) {
    if (d.severity !== 'error') continue;
    const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
    ctx.err(`${st.yellow('warning')}: ${where}: ${d.message} (the rest of the file was read)`);
  }
}

/** `2026-11-25 11:00 (10:00 UTC)` in the local time zone, or '' when unknown. */
export function formatExpiry(iso: string | undefined, timeZone?: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const two = (n: number) => String(n).padStart(2, '0');
  const local = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(d)
    .replace(',', '');
  return `${local} (${two(d.getUTCHours())}:${two(d.getUTCMinutes())} UTC)`;
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

/** Edit distance, for "did you mean" suggestions. */
export function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** Up to `max` names closest to `name` (substring matches first). */
export function closestNames(name: string, names: readonly string[], max = 3): string[] {
  const lower = name.toLowerCase();
  return [...names]
    .map((n) => ({ n, d: n.toLowerCase().includes(lower) || lower.includes(n.toLowerCase()) ? 0 : levenshtein(lower, n.toLowerCase()) }))
    .filter((x) => x.d <= Math.max(3, Math.floor(name.length / 2)))
    .sort((a, b) => a.d - b.d || a.n.localeCompare(b.n))
    .slice(0, max)
    .map((x) => x.n);
}

/** A CliError-ready message for a profile that is not configured. */
export function unknownProfileMessage(profile: string, names: readonly string[], configFile?: string): { message: string; hint: string } {
  const close = closestNames(profile, names);
  return {
    message: `profile '${profile}' is not in ${configFile ?? '~/.aws/config'}`,
    hint: close.length > 0 ? `did you mean ${close.map((c) => `'${c}'`).join(', ')}? (awsmcp discover lists every profile)` : 'awsmcp discover lists every profile',
  };
}
