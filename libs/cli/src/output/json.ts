/** `--json` output: one document `{ "schemaVersion": 1, "command": ..., ... }` on stdout. */
import type { CliContext } from '../context';

export const SCHEMA_VERSION = 1;

export function printJson(ctx: CliContext, command: string, data: Record<string, unknown>): void {
  ctx.stdout.write(JSON.stringify({ schemaVersion: SCHEMA_VERSION, command, ...data }, null, 2) + '\n');
}
