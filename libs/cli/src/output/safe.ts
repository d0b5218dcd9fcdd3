/**
 * Terminal safety for everything the CLI prints: the output sanitiser of @awsmcp/mcp-config-model
 * (one implementation), applied to each field from outside data (`safe`) and, as a net, to every
 * line written through `ctx.out` / `ctx.err` (`terminalSafe`: newlines and tabs kept, and the
 * colour codes the CLI paints itself when colour is on).
 *
 * Text without an unsafe character (nearly all of it) is returned after one regex test; the
 * sanitiser and the secret policy are loaded on first use, so that `discover` answered from its
 * cache resolves no package. The quick tests are the package's own character classes (a test
 * checks they are the same).
 */
type Terminal = typeof import('@awsmcp/mcp-config-model/terminal');
type Policy = typeof import('@awsmcp/mcp-config-model/safety');
let terminal: Terminal | undefined;
let policy: Policy | undefined;
const sanitizer = (): Terminal => (terminal ??= require('@awsmcp/mcp-config-model/terminal') as Terminal);
const secrets = (): Policy => (policy ??= require('@awsmcp/mcp-config-model/safety') as Policy);

/** = UNSAFE_CHARS of @awsmcp/mcp-config-model/terminal. */
// eslint-disable-next-line no-control-regex
export const QUICK_UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** = UNSAFE_JSON_CHARS of @awsmcp/mcp-config-model/terminal. */
export const QUICK_UNSAFE_JSON = /[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** One field of outside data (a name, a value, a stderr line): every control character shown visibly. */
export function safe(text: string): string {
  return typeof text === 'string' && QUICK_UNSAFE.test(text) ? sanitizer().sanitizeLine(text) : text;
}

/** Several lines of outside data: like {@link safe}, newlines and tabs kept. */
export function sanitizeText(text: string): string {
  return typeof text === 'string' && QUICK_UNSAFE.test(text) ? sanitizer().sanitizeText(text) : text;
}

/** JSON text with the C1 / bidi characters JSON.stringify leaves raw as `\u` escapes. */
export function escapeJsonForTerminal(json: string): string {
  return QUICK_UNSAFE_JSON.test(json) ? sanitizer().escapeJsonForTerminal(json) : json;
}

export const SECRET_MASK = '••••';
export const maskSecretsInText: Policy['maskSecretsInText'] = (text) => secrets().maskSecretsInText(text);
export const maskKnownSecrets: Policy['maskKnownSecrets'] = (text, values) => secrets().maskKnownSecrets(text, values);
export const entrySecretValues: Policy['entrySecretValues'] = (entry) => secrets().entrySecretValues(entry);
export const redactArgs: Policy['redactArgs'] = (args) => secrets().redactArgs(args);

// eslint-disable-next-line no-control-regex
const SGR_OR_UNSAFE = /\x1b\[[0-9;]*m|[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** A line (or lines) safe for the terminal: controls shown visibly except `\n`, `\t` and, with `colors`, SGR colour codes. */
export function terminalSafe(text: string, colors: boolean): string {
  if (!QUICK_UNSAFE.test(text)) return text;
  const { escapeControl } = sanitizer();
  return text.replace(SGR_OR_UNSAFE, (m) => (m.length > 1 ? (colors ? m : [...m].map((c) => (c === '\x1b' ? escapeControl(c) : c)).join('')) : escapeControl(m)));
}
