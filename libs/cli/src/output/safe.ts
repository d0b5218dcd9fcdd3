/**
 * Terminal safety for everything the CLI prints: the output sanitiser of @awsmcp/mcp-config-model
 * (one implementation), applied to each field from outside data (`safe`) and, as a net, to every
 * line written through `ctx.out` / `ctx.err` (`terminalSafe`: newlines and tabs kept, and the
 * colour codes the CLI paints itself when colour is on).
 */
import { escapeControl, hasUnsafeChars, sanitizeLine } from '@awsmcp/mcp-config-model/safety';

export { sanitizeLine as safe, sanitizeText, escapeJsonForTerminal, maskSecretsInText, maskKnownSecrets, entrySecretValues, redactArgs, SECRET_MASK } from '@awsmcp/mcp-config-model/safety';

// eslint-disable-next-line no-control-regex
const SGR_OR_UNSAFE = /\x1b\[[0-9;]*m|[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** A line (or lines) safe for the terminal: controls shown visibly except `\n`, `\t` and, with `colors`, SGR colour codes. */
export function terminalSafe(text: string, colors: boolean): string {
  if (!hasUnsafeChars(text)) return text;
  return text.replace(SGR_OR_UNSAFE, (m) => (m.length > 1 ? (colors ? m : [...m].map((c) => (c === '\x1b' ? escapeControl(c) : c)).join('')) : escapeControl(m)));
}

/** Every line of `text` sanitised as one field (for excerpts: a stderr tail, a file excerpt). */
export function safeLines(lines: readonly string[]): string[] {
  return lines.map((l) => sanitizeLine(l));
}
