/**
 * `--json` output: one document `{ "schemaVersion": 1, "command": ..., ... }` on stdout. The two
 * envelope keys always win over data keys of the same name.
 */
import type { CliContext } from '../context';

export const SCHEMA_VERSION = 1;

export function printJson(ctx: CliContext, command: string, data: Record<string, unknown>): void {
  const doc: Record<string, unknown> = { schemaVersion: SCHEMA_VERSION, command };
  for (const [k, v] of Object.entries(data)) if (k !== 'schemaVersion' && k !== 'command') doc[k] = v;
  ctx.stdout.write(JSON.stringify(doc, null, 2) + '\n');
}
