/**
 * `--json` output: one document `{ "schemaVersion": 1, "command": ..., ... }` on stdout. The two
 * envelope keys always win over data keys of the same name.
 */
import type { CliContext } from '../context';
import { escapeJsonForTerminal } from './safe';

export const SCHEMA_VERSION = 1;

/** Stands for a pre-rendered member while the rest of the document is stringified. */
const RAW = '\u0000awsmcp-raw-member\u0000';

/**
 * The document's text (2-space indentation, no final newline). `raw` members are given as text
 * already rendered at the depth of a top-level member (what `JSON.stringify({ [key]: value }, null, 2)`
 * shows after `"key": `), and are placed exactly where their value would be.
 */
export function renderJson(command: string, data: Record<string, unknown>, raw: Record<string, string> = {}): string {
  return renderParts(command, data, raw).join('');
}

/** The document as text pieces with each raw member as its own piece (bytes stay bytes). */
function renderParts<T extends string | Uint8Array>(command: string, data: Record<string, unknown>, raw: Record<string, T>): Array<string | T> {
  const doc: Record<string, unknown> = { schemaVersion: SCHEMA_VERSION, command };
  for (const [k, v] of Object.entries(data)) if (k !== 'schemaVersion' && k !== 'command') doc[k] = Object.prototype.hasOwnProperty.call(raw, k) ? RAW : v;
  // C1 and bidi controls as \u escapes (JSON.stringify escapes C0 itself): safe in a terminal, same meaning
  const text = escapeJsonForTerminal(JSON.stringify(doc, null, 2));
  const found: Array<{ at: number; end: number; head: string; value: T }> = [];
  for (const [k, value] of Object.entries(raw)) {
    // a top-level member starts a line with two spaces: the needle cannot occur inside a string
    const head = `\n  ${JSON.stringify(k)}: `;
    const needle = head + JSON.stringify(RAW);
    const at = text.indexOf(needle);
    if (at >= 0) found.push({ at, end: at + needle.length, head, value });
  }
  found.sort((a, b) => a.at - b.at);
  const parts: Array<string | T> = [];
  let from = 0;
  for (const f of found) {
    parts.push(text.slice(from, f.at) + f.head, f.value);
    from = f.end;
  }
  parts.push(text.slice(from));
  return parts;
}

export function printJson(ctx: CliContext, command: string, data: Record<string, unknown>, raw?: Record<string, string | Uint8Array>): void {
  if (!raw) {
    ctx.stdout.write(renderJson(command, data) + '\n');
    return;
  }
  const parts = renderParts(command, data, raw);
  parts.push('\n');
  for (const part of parts) ctx.stdout.write(part);
}

/**
 * `value` rendered as a top-level member's value of a {@link renderJson} document (each line after
 * the first indented by two spaces), for callers that keep rendered text between runs.
 */
export function renderMember(value: unknown): string {
  const wrapped = escapeJsonForTerminal(JSON.stringify({ m: value }, null, 2));
  return wrapped.slice('{\n  "m": '.length, -'\n}'.length);
}
