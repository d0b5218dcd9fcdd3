/** The layout of an existing file (indent unit, line ending, final newline) and renderers that follow it. */

export interface TextFormat {
  /** One level of indentation: `'  '`, `'    '` or `'\t'`. */
  indent: string;
  eol: '\n' | '\r\n';
  /** Whether the file ends with a line break. */
  finalNewline: boolean;
}

const SAMPLE = 64 * 1024;

export const DEFAULT_FORMAT: TextFormat = { indent: '  ', eol: '\n', finalNewline: true };

/** Infer the layout from the file's own text; an empty text gets the defaults (2 spaces, LF, final newline). */
export function inferFormat(text: string): TextFormat {
  if (text.trim() === '') return { ...DEFAULT_FORMAT };
  const finalNewline = /\n$/.test(text);
  text = text.length > SAMPLE ? text.slice(0, SAMPLE) : text; // the head tells the layout; big files stay cheap
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  const eol = crlf > lf ? '\r\n' : '\n';
  let tabs = 0;
  let spaces = 0;
  let minSpaces = Infinity;
  for (const line of text.split('\n')) {
    const m = /^([ \t]+)(\S)/.exec(line);
    if (!m || m[2] === '*') continue;
    if (m[1]!.startsWith('\t')) tabs++;
    else {
      spaces++;
      minSpaces = Math.min(minSpaces, m[1]!.length);
    }
  }
  let indent = DEFAULT_FORMAT.indent;
  if (tabs > spaces) indent = '\t';
  else if (spaces > 0 && minSpaces <= 8) indent = ' '.repeat(minSpaces);
  return { indent, eol, finalNewline };
}

/** JSON value rendered over several lines, each continuation line starting with `base`. */
export function renderValue(value: unknown, fmt: Pick<TextFormat, 'indent' | 'eol'>, base: string): string {
  const json = JSON.stringify(value, null, fmt.indent);
  if (json === undefined) throw new TypeError('value is not representable as JSON');
  return json.split('\n').join(fmt.eol + base);
}

export interface InlineStyle {
  /** Between a key and its value: `': '` or `':'`. */
  colon: string;
  /** Between members: `', '` or `','`. */
  comma: string;
}

/** JSON value on one line, with the separators of the surrounding text. */
export function renderInline(value: unknown, style: InlineStyle): string {
  if (Array.isArray(value)) return '[' + value.map((v) => renderInline(v, style)).join(style.comma) + ']';
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (members.length === 0) return '{}';
    const inner = members.map(([k, v]) => JSON.stringify(k) + style.colon + renderInline(v, style)).join(style.comma);
    return style.comma.endsWith(' ') ? `{ ${inner} }` : `{${inner}}`;
  }
  return JSON.stringify(value);
}
