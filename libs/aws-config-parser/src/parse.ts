/**
 * parse: the text of one profile file -> sections and properties with their positions.
 *
 * This step follows the AWS SDKs' shared parser rules literally (the smithy-rs `env_config/parse`
 * shape): it accepts constructions that normalization later ignores (invalid names, config
 * sections without the `profile ` prefix) and rejects only what every SDK rejects. One pass,
 * `indexOf`-driven, no regular expressions on the hot path.
 */
import { ProfileParseError, type SourceLocation } from './errors';

export type FileKind = 'config' | 'credentials';

export interface RawProperty {
  /** Lower-cased name, as the SDKs compare them. */
  key: string;
  /** Value with continuation lines joined by `\n` (a sub-property block starts with `\n`). */
  value: string;
  /** 1-based line of the `key = value` line. */
  line: number;
  column: number;
  /** Last line belonging to this property (continuations included). */
  endLine: number;
}

export interface RawSection {
  /** Text between the brackets, comments removed, trimmed of spaces and tabs. */
  header: string;
  line: number;
  column: number;
  properties: RawProperty[];
}

export interface RawFile {
  kind: FileKind;
  path: string;
  sections: RawSection[];
}

export interface ParseDiagnostic extends SourceLocation {
  severity: 'error' | 'warning';
  message: string;
}

export interface RawParseOptions {
  /** Record errors and keep going (skipping the bad line) instead of throwing the first one. */
  tolerant?: boolean;
  diagnostics?: ParseDiagnostic[];
}

const SPACE = 32;
const TAB = 9;
const HASH = 35;
const SEMI = 59;
const LBRACKET = 91;
const RBRACKET = 93;
const CR = 13;

function isWs(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** Rust's `char::is_whitespace`, used by the SDKs to decide whether a comment is preceded by one. */
function isUnicodeWhitespace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Index of the first char in [start, end) that is not a space or tab. */
function skipWs(text: string, start: number, end: number): number {
  while (start < end && isWs(text.charCodeAt(start))) start++;
  return start;
}

/** One past the last char in [start, end) that is not a space or tab. */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isWs(text.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * Positions of the next `#`, `;` and `=` at or after the last query. Lines are scanned in increasing
 * order, so each `indexOf` result is reused until passed: linear in the file size overall, and
 * lines without comment signs (almost all of them) cost nothing.
 */
interface CommentScan {
  text: string;
  hash: number;
  semi: number;
  eq: number;
}

function newScan(text: string): CommentScan {
  return { text, hash: -2, semi: -2, eq: -2 };
}

/**
 * Where a trailing comment starts in [start, end) (or `end`). In property lines a comment sign
 * counts only after whitespace (`value#x` keeps the `#`); in section lines it always counts.
 */
function commentStart(scan: CommentScan, start: number, end: number, needsWhitespace: boolean): number {
  const text = scan.text;
  let from = start;
  for (;;) {
    if (scan.hash !== -1 && scan.hash < from) scan.hash = text.indexOf('#', from);
    if (scan.semi !== -1 && scan.semi < from) scan.semi = text.indexOf(';', from);
    const hash = scan.hash === -1 ? end : scan.hash;
    const semi = scan.semi === -1 ? end : scan.semi;
    const i = hash < semi ? hash : semi;
    if (i >= end) return end;
    if (!needsWhitespace || (i > start && isUnicodeWhitespace(text.charCodeAt(i - 1)))) return i;
    from = i + 1;
  }
}

export type PropertyLineResult =
  | { ok: true; key: string; value: string; keyStart: number; valueStart: number; valueEnd: number }
  | { ok: false; error: 'no-equals' | 'no-name'; column: number };

const OK = 0;
const NO_EQUALS = 1;
const NO_NAME = 2;

/** Reused output of {@link scanProperty}: the hot loop allocates no result objects. */
interface PropertySpan {
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
  column: number;
}

/** `key = value # comment` in [start, end): fills `out` and returns OK, NO_EQUALS or NO_NAME. */
function scanProperty(text: string, start: number, end: number, scan: CommentScan, out: PropertySpan): number {
  const s = skipWs(text, start, end);
  out.column = s - start + 1;
  let e = trimEnd(text, s, end);
  e = trimEnd(text, s, commentStart(scan, s, e, true));
  if (scan.eq !== -1 && scan.eq < s) scan.eq = text.indexOf('=', s);
  const eq = scan.eq;
  if (eq === -1 || eq >= e) return NO_EQUALS;
  const keyEnd = trimEnd(text, s, eq);
  if (keyEnd === s) return NO_NAME;
  out.keyStart = s;
  out.keyEnd = keyEnd;
  out.valueStart = skipWs(text, eq + 1, e);
  out.valueEnd = e;
  return OK;
}

/** `key = value # comment` in [start, end) -> key (lower-cased) and value, or why it is not one. */
export function parsePropertyLine(text: string, start: number, end: number): PropertyLineResult {
  const out: PropertySpan = { keyStart: 0, keyEnd: 0, valueStart: 0, valueEnd: 0, column: 0 };
  const r = scanProperty(text, start, end, newScan(text), out);
  if (r !== OK) return { ok: false, error: r === NO_NAME ? 'no-name' : 'no-equals', column: out.column };
  return {
    ok: true,
    key: text.slice(out.keyStart, out.keyEnd).toLowerCase(),
    value: text.slice(out.valueStart, out.valueEnd),
    keyStart: out.keyStart,
    valueStart: out.valueStart,
    valueEnd: out.valueEnd,
  };
}

/**
 * The property names real config files are made of. Matching them in place returns the shared
 * string constant: no slice, no lower-casing, no new string for the engine to hash. Any other
 * name (or a known one written in upper case) takes the general path.
 */
const KNOWN_KEYS: readonly string[] = [
  'region', 'output', 'sso_session', 'sso_account_id', 'sso_role_name', 'sso_start_url', 'sso_region',
  'sso_registration_scopes', 'role_arn', 'source_profile', 'credential_source', 'role_session_name',
  'external_id', 'mfa_serial', 'duration_seconds', 'credential_process', 'web_identity_token_file',
  'aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'login_session', 'cli_pager',
  'granted_sso_start_url', 'granted_sso_region', 'granted_sso_account_id', 'granted_sso_role_name',
  's3', 'services', 'endpoint_url', 'retry_mode', 'max_attempts', 'ca_bundle', 'cli_timestamp_format',
];
const KNOWN_BY_LENGTH: string[][] = [];
for (const k of KNOWN_KEYS) (KNOWN_BY_LENGTH[k.length] ??= []).push(k);

function keyAt(text: string, start: number, end: number): string {
  const candidates = KNOWN_BY_LENGTH[end - start];
  if (candidates !== undefined) {
    for (let i = 0; i < candidates.length; i++) if (text.startsWith(candidates[i], start)) return candidates[i];
  }
  return text.slice(start, end).toLowerCase();
}

function propertyError(kind: 'property' | 'sub-property', error: number): string {
  if (error === NO_NAME) return `${kind === 'property' ? 'Property' : 'Sub-property'} did not have a name`;
  return `Expected an '=' sign defining a ${kind}`;
}

/**
 * Receives what the grammar finds, in file order. {@link parseRaw} collects it into a
 * {@link RawFile} (for editing); `normalize` builds the profile set from it directly.
 */
export interface ParseSink {
  /** `[header]`: the text between the brackets, comments removed, trimmed. */
  section(header: string, line: number): void;
  /** `key = value` inside the current section; `key` is lower-cased. */
  property(key: string, value: string, line: number): void;
  /** A continuation (or sub-property) line of the current property, trimmed. */
  continuation(text: string, line: number): void;
}

/**
 * The grammar of a profile file, driving `sink`. Throws {@link ProfileParseError}
 * (file:line:column and the reason) on the first error unless `options.tolerant`, in which case
 * errors go to `options.diagnostics` and the bad line (or, for a broken section header, the
 * whole section) is skipped.
 */
export function scanProfileText(text: string, path: string, sink: ParseSink, options: RawParseOptions = {}): void {
  let inSection = false;
  let inProperty = false;
  let isSubproperty = false;
  let skippingSection = false;
  const length = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineNo = 0;
  const scan = newScan(text);
  const span: PropertySpan = { keyStart: 0, keyEnd: 0, valueStart: 0, valueEnd: 0, column: 0 };

  const fail = (line: number, column: number, reason: string): void => {
    const location = { file: path, line, column };
    if (!options.tolerant) throw new ProfileParseError(location, reason);
    options.diagnostics?.push({ ...location, severity: 'error', message: reason });
  };

  while (pos < length) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = length;
    lineNo++;
    const start = pos;
    let end = nl;
    if (end > start && text.charCodeAt(end - 1) === CR) end--;
    pos = nl + 1;

    const first = skipWs(text, start, end);
    if (first === end) continue; // blank line
    const c0 = text.charCodeAt(start);
    if (c0 === HASH || c0 === SEMI) continue; // comment line

    if (c0 === LBRACKET) {
      // [section] # comment
      let e = trimEnd(text, start, end);
      e = trimEnd(text, start, commentStart(scan, start, e, false));
      inProperty = false;
      if (text.charCodeAt(e - 1) !== RBRACKET || e - start < 2) {
        fail(lineNo, e - start + 1, "Profile definition must end with ']'");
        inSection = false;
        skippingSection = true;
        continue;
      }
      const hs = skipWs(text, start + 1, e - 1);
      sink.section(text.slice(hs, trimEnd(text, hs, e - 1)), lineNo);
      inSection = true;
      skippingSection = false;
      continue;
    }

    if (isWs(c0)) {
      // continuation of the previous property (or a sub-property line)
      if (skippingSection) continue;
      if (!inSection) {
        fail(lineNo, first - start + 1, 'Expected a profile definition');
        continue;
      }
      if (!inProperty) {
        fail(lineNo, first - start + 1, 'Expected a property definition, found continuation');
        continue;
      }
      if (isSubproperty) {
        const r = scanProperty(text, start, end, scan, span);
        if (r !== OK) {
          fail(lineNo, span.column, propertyError('sub-property', r));
          continue;
        }
      }
      sink.continuation(text.slice(first, trimEnd(text, first, end)), lineNo);
      continue;
    }

    // key = value
    if (skippingSection) continue;
    if (!inSection) {
      fail(lineNo, 1, 'Expected a profile definition');
      continue;
    }
    const r = scanProperty(text, start, end, scan, span);
    if (r !== OK) {
      fail(lineNo, span.column, propertyError('property', r));
      inProperty = false;
      continue;
    }
    inProperty = true;
    isSubproperty = span.valueStart === span.valueEnd;
    sink.property(keyAt(text, span.keyStart, span.keyEnd), text.slice(span.valueStart, span.valueEnd), lineNo);
  }
}

/** Parse one file into sections and properties with their line numbers (used for editing). */
export function parseRaw(text: string, kind: FileKind, path: string, options: RawParseOptions = {}): RawFile {
  const sections: RawSection[] = [];
  let section: RawSection | undefined;
  let property: RawProperty | undefined;
  scanProfileText(
    text,
    path,
    {
      section(header, line) {
        section = { header, line, column: 1, properties: [] };
        sections.push(section);
        property = undefined;
      },
      property(key, value, line) {
        property = { key, value, line, column: 1, endLine: line };
        section!.properties.push(property);
      },
      continuation(part, line) {
        property!.value += '\n' + part;
        property!.endLine = line;
      },
    },
    options,
  );
  return { kind, path, sections };
}
