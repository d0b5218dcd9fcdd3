/**
 * The output sanitiser: ONE function for everything printed from outside data (host-file names and
 * values, profile names, role ARNs, server stderr, account names...). Characters a terminal acts on
 * instead of showing are replaced by a visible escape, so that no file, server or account name can
 * clear the screen, move the cursor, forge a row, write the clipboard (OSC 52) or reorder text:
 * - C0 controls and DEL (`\x00`-`\x1f`, `\x7f`), ESC included: `\x1b`, `\r`, `\n`, `\t`;
 * - C1 controls (`\u0080`-`\u009f`, 8-bit CSI / OSC / ST): `\x9b`;
 * - bidi controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C), line and paragraph
 *   separators (U+2028, U+2029): `\u202e`.
 * No imports: the CLI loads it on its hottest path (a `discover` table from the cache).
 */

/** Any character the sanitiser replaces (a test first: most text has none and is returned as is). */
// eslint-disable-next-line no-control-regex
export const UNSAFE_CHARS = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const UNSAFE_ALL = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_BLOCK = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** What JSON.stringify leaves raw but a terminal acts on (C1 and bidi controls, separators). */
// eslint-disable-next-line no-control-regex
export const UNSAFE_JSON_CHARS = /[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_IN_JSON_ALL = /[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The visible form of one unsafe character: `\x1b`, `\n`, `\u202e`. */
export function escapeControl(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Whether `text` holds a character the sanitiser would replace. */
export function hasUnsafeChars(text: string): boolean {
  return UNSAFE_CHARS.test(text);
}

/**
 * One line of outside data made safe to print: every control character (newline and tab too, so
 * that a name cannot forge a row) and bidi override shown as a visible escape.
 */
export function sanitizeLine(text: string): string {
  if (typeof text !== 'string') return text;
  return UNSAFE_CHARS.test(text) ? text.replace(UNSAFE_ALL, escapeControl) : text;
}

/** Several lines of outside data (a stderr excerpt, a file excerpt): like {@link sanitizeLine}, newlines and tabs kept. */
export function sanitizeText(text: string): string {
  if (typeof text !== 'string') return text;
  return UNSAFE_CHARS.test(text) ? text.replace(UNSAFE_BLOCK, escapeControl) : text;
}

/**
 * JSON text made safe for a terminal without changing what it means: the C1 / bidi characters that
 * `JSON.stringify` leaves raw become `\u` escapes (C0 controls are escaped by JSON itself).
 */
export function escapeJsonForTerminal(json: string): string {
  return UNSAFE_JSON_CHARS.test(json) ? json.replace(UNSAFE_IN_JSON_ALL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

/** Every string in a value sanitised with {@link sanitizeLine} (for rows built from outside data). */
export function sanitizeStrings<T>(value: T): T {
  if (typeof value === 'string') return sanitizeLine(value) as T;
  if (Array.isArray(value)) return value.map(sanitizeStrings) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[sanitizeLine(k)] = sanitizeStrings(v);
    return out as T;
  }
  return value;
}
