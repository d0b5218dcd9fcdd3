/**
 * `--json` output: one document `{ "schemaVersion": 1, "command": ..., ... }` on stdout. The two
 * envelope keys always win over data keys of the same name.
 */
import type { CliContext } from '../context';

export const SCHEMA_VERSION = 1;

/** Stands for a pre-rendered member while the rest of the document is stringified. */
const RAW = '\u0000awsmcp-raw-member\u0000';

/**
 * The document's text (2-space indentation, no final newline). `raw` members are given as text
 * already rendered at the depth of a top-level member (what `JSON.stringify({ [key]: value }, null, 2)`
 * shows after `"key": `), and are placed exactly where their value would be.
 */
export function renderJson(command: string, data: Record<string, unknown>, raw: Record<string, string> = {}): string {
  const doc: Record<string, unknown> = { schemaVersion: SCHEMA_VERSION, command };
  for (const [k, v] of Object.entries(data)) if (k !== 'schemaVersion' && k !== 'command') doc[k] = Object.prototype.hasOwnProperty.call(raw, k) ? RAW : v;
  let text = JSON.stringify(doc, null, 2);
  for (const [k, value] of Object.entries(raw)) {
    // a top-level member starts a line with two spaces: the needle cannot occur inside a string
    const needle = `\n  ${JSON.stringify(k)}: ${JSON.stringify(RAW)}`;
    const at = text.indexOf(needle);
    if (at < 0) continue;
    const head = `\n  ${JSON.stringify(k)}: `;
    text = text.slice(0, at) + head + value + text.slice(at + needle.length);
  }
  return text;
}

export function printJson(ctx: CliContext, command: string, data: Record<string, unknown>, raw?: Record<string, string>): void {
  ctx.stdout.write(renderJson(command, data, raw) + '\n');
}

/**
 * `value` rendered as a top-level member's value of a {@link renderJson} document (each line after
 * the first indented by two spaces), for callers that keep rendered text between runs.
 */
export function renderMember(value: unknown): string {
  const wrapped = JSON.stringify({ m: value }, null, 2);
  return wrapped.slice('{\n  "m": '.length, -'\n}'.length);
}
