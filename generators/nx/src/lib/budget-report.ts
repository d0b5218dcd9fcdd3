/** The token budget as the generators print it (numbers and their sources come from @awsmcp/starter-kits). */
import type { Budget } from '@awsmcp/starter-kits';

export function formatBudget(kit: string, b: Budget): string[] {
  const width = Math.max(...b.servers.map((s) => s.name.length), 6);
  const lines = [`Context budget for kit '${kit}' (tokens the hosts load before the first question):`];
  for (const s of b.servers) {
    lines.push(`  ${s.name.padEnd(width)}  ${String(s.tokens).padStart(6)}  ${s.source}${s.toolCount !== undefined ? `, ${s.toolCount} tools` : ''} (${s.basis})`);
  }
  lines.push(`  ${'total'.padEnd(width)}  ${String(b.total).padStart(6)}  ${b.verdict === 'over' ? `OVER the ${b.limit}-token recommendation` : `under the ${b.limit}-token recommendation`}`);
  if (b.cliFirst.length > 0) {
    lines.push(`  CLI first (${b.cliFirstReason ?? 'no context cost'}):`);
    for (const c of b.cliFirst) lines.push(`    ${c}`);
  }
  return lines;
}
