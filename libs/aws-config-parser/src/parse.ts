/**
 * parse: the text of one profile file -> sections and properties with their positions.
 *
 * This step follows the AWS SDKs' shared parser rules literally (the smithy-rs `env_config/parse`
 * shape): it accepts constructions that normalization later ignores (invalid names, config
 * sections without the `profile ` prefix) and rejects only what every SDK rejects. One pass,
 * `indexOf`-driven over the text, reading chars from a typed-array copy of it (see
 * {@link charCodesOf}); no regular expressions on the hot path.
 */
import { ProfileParseError, type SourceLocation } from './errors';
import { Buffer } from 'node:buffer';

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

/**
 * The text's char codes in a typed array: an element load costs about half a `charCodeAt`, and
 * known property names compare four characters at a time (see {@link knownKeyIn}). An ASCII text
 * (almost every profile file) is copied by `TextEncoder.encodeInto` into bytes; any other text is
 * copied as UTF-16 code units. Either way `codes[i] === text.charCodeAt(i)`, and both copies are
 * native (about 0.1 ms per MB). Texts up to SCRATCH_MAX chars reuse buffers kept between scans:
 * they grow to the largest text scanned, at most 2 MB of bytes and 4 MB of code units.
 */
type Codes = Uint8Array | Uint16Array;

interface CharCodes {
  codes: Codes;
  /** Over `codes` when they are bytes (ASCII text), for reading four at a time. */
  view: DataView | undefined;
}

const encoder = new TextEncoder();
const SCRATCH_MAX = 2 * 1024 * 1024;
/** Whether a Uint16Array over UTF-16LE bytes reads code units (not on big-endian hosts). */
const LITTLE_ENDIAN = new Uint16Array(new Uint8Array([1, 0]).buffer)[0] === 1;
let scratchBytes: CharCodes = { codes: new Uint8Array(0), view: undefined };
let scratchUnits: CharCodes = { codes: new Uint16Array(0), view: undefined };
/** The scratch buffers are in use while a scan runs: a sink that scans another text gets its own. */
let scratchBusy = false;

function charCodesOf(text: string): CharCodes {
  const n = text.length;
  const reuse = !scratchBusy && n <= SCRATCH_MAX;
  let bytes = scratchBytes.codes as Uint8Array;
  if (!reuse) bytes = new Uint8Array(n);
  else if (bytes.length < n) {
    bytes = new Uint8Array(Math.min(SCRATCH_MAX, Math.max(n, 2 * bytes.length, 64 * 1024)));
    scratchBytes = { codes: bytes, view: new DataView(bytes.buffer) };
  }
  const r = encoder.encodeInto(text, bytes);
  if (r.read === n && r.written === n) {
    if (!reuse) return { codes: bytes, view: new DataView(bytes.buffer) };
    scratchBusy = true;
    return scratchBytes;
  }
  if (!reuse) return { codes: utf16Codes(text, new Uint16Array(n)), view: undefined };
  if (scratchUnits.codes.length < n) {
    const size = Math.min(SCRATCH_MAX, Math.max(n, 2 * scratchUnits.codes.length, 64 * 1024));
    scratchUnits = { codes: new Uint16Array(size), view: undefined };
  }
  utf16Codes(text, scratchUnits.codes as Uint16Array);
  scratchBusy = true;
  return scratchUnits;
}

function releaseCharCodes(chars: CharCodes): void {
  if (chars === scratchBytes || chars === scratchUnits) scratchBusy = false;
}

/** Writes the UTF-16 code units of `text` to `into` (at least `text.length` long) and returns it. */
function utf16Codes(text: string, into: Uint16Array): Uint16Array {
  if (LITTLE_ENDIAN) Buffer.from(into.buffer, into.byteOffset, text.length * 2).write(text, 0, 'utf16le');
  else for (let i = 0; i < text.length; i++) into[i] = text.charCodeAt(i);
  return into;
}

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
function skipWs(codes: Codes, start: number, end: number): number {
  while (start < end && isWs(codes[start])) start++;
  return start;
}

/** One past the last char in [start, end) that is not a space or tab. */
function trimEnd(codes: Codes, start: number, end: number): number {
  while (end > start && isWs(codes[end - 1])) end--;
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
function commentStart(scan: CommentScan, codes: Codes, start: number, end: number, needsWhitespace: boolean): number {
  const text = scan.text;
  let from = start;
  for (;;) {
    if (scan.hash !== -1 && scan.hash < from) scan.hash = text.indexOf('#', from);
    if (scan.semi !== -1 && scan.semi < from) scan.semi = text.indexOf(';', from);
    const hash = scan.hash === -1 ? end : scan.hash;
    const semi = scan.semi === -1 ? end : scan.semi;
    const i = hash < semi ? hash : semi;
    if (i >= end) return end;
    if (!needsWhitespace || (i > start && isUnicodeWhitespace(codes[i - 1]))) return i;
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
function scanProperty(scan: CommentScan, codes: Codes, start: number, end: number, out: PropertySpan): number {
  const s = skipWs(codes, start, end);
  out.column = s - start + 1;
  let e = trimEnd(codes, s, end);
  const c = commentStart(scan, codes, s, e, true);
  if (c < e) e = trimEnd(codes, s, c);
  if (scan.eq !== -1 && scan.eq < s) scan.eq = scan.text.indexOf('=', s);
  const eq = scan.eq;
  if (eq === -1 || eq >= e) return NO_EQUALS;
  const keyEnd = trimEnd(codes, s, eq);
  if (keyEnd === s) return NO_NAME;
  out.keyStart = s;
  out.keyEnd = keyEnd;
  out.valueStart = skipWs(codes, eq + 1, e);
  out.valueEnd = e;
  return OK;
}

/** `key = value # comment` in [start, end) -> key (lower-cased) and value, or why it is not one. */
export function parsePropertyLine(text: string, start: number, end: number): PropertyLineResult {
  const out: PropertySpan = { keyStart: 0, keyEnd: 0, valueStart: 0, valueEnd: 0, column: 0 };
  const r = scanProperty(newScan(text), utf16Codes(text, new Uint16Array(text.length)), start, end, out);
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
  // sub-property names (the AWS CLI's `s3 =` block settings)
  'max_concurrent_requests', 'max_queue_size', 'multipart_threshold', 'multipart_chunksize', 'max_bandwidth',
  'use_accelerate_endpoint', 'use_dualstack_endpoint', 'addressing_style', 'payload_signing_enabled',
];
interface KnownKey {
  key: string;
  /**
   * The name as 32-bit little-endian words, read at 0, 4, 8... and, for the last one, at
   * `length - 4` (so it may overlap the one before); empty for names under four chars.
   */
  words: Int32Array;
  /** The next known name of the same length and first char. */
  next: KnownKey | undefined;
}

function knownKey(key: string, next: KnownKey | undefined): KnownKey {
  const word = (o: number): number =>
    key.charCodeAt(o) | (key.charCodeAt(o + 1) << 8) | (key.charCodeAt(o + 2) << 16) | (key.charCodeAt(o + 3) << 24);
  const words: number[] = [];
  if (key.length >= 4) {
    for (let o = 0; o + 4 < key.length; o += 4) words.push(word(o));
    words.push(word(key.length - 4));
  }
  return { key, words: Int32Array.from(words), next };
}

/** Known names indexed by `length * 128 + first char code` (a list through `next`): usually one to compare. */
const KNOWN_BY_SHAPE: (KnownKey | undefined)[] = new Array<KnownKey | undefined>(32 * 128).fill(undefined);
for (const k of KNOWN_KEYS) {
  const shape = k.length * 128 + k.charCodeAt(0);
  KNOWN_BY_SHAPE[shape] = knownKey(k, KNOWN_BY_SHAPE[shape]);
}

/** The shared constant for a known property name written in lower case at text[start, end), or undefined. */
export function knownKeyAt(text: string, start: number, end: number): string | undefined {
  const c = text.charCodeAt(start);
  const length = end - start;
  if (c >= 128 || length >= 32) return undefined;
  for (let k = KNOWN_BY_SHAPE[length * 128 + c]; k !== undefined; k = k.next) if (text.startsWith(k.key, start)) return k.key;
  return undefined;
}

/** {@link knownKeyAt} on char codes: with bytes, four characters per comparison. */
function knownKeyIn(chars: CharCodes, start: number, end: number): string | undefined {
  const codes = chars.codes;
  const c = codes[start];
  const length = end - start;
  if (c >= 128 || length >= 32) return undefined;
  let k = KNOWN_BY_SHAPE[length * 128 + c];
  const view = chars.view;
  if (view !== undefined && length >= 4) {
    for (; k !== undefined; k = k.next) {
      const words = k.words;
      const last = words.length - 1;
      let j = 0;
      while (j < last && view.getInt32(start + 4 * j, true) === words[j]) j++;
      if (j === last && view.getInt32(end - 4, true) === words[last]) return k.key;
    }
    return undefined;
  }
  for (; k !== undefined; k = k.next) {
    const key = k.key;
    let j = 1;
    while (j < length && codes[start + j] === key.charCodeAt(j)) j++;
    if (j === length) return key;
  }
  return undefined;
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
  /**
   * Optional, cheaper form of {@link section} for sinks that can work on positions: the header is
   * `text.slice(start, end)` (already trimmed), and no string is made for it. When present, the
   * grammar calls it instead of `section`.
   */
  sectionAt?(text: string, start: number, end: number, line: number): void;
  /**
   * `key = value` inside the current section; `key` is lower-cased. `knownKey` is true when `key`
   * is one of the grammar's known property names (so a valid identifier, no need to check it).
   */
  property(key: string, value: string, line: number, knownKey?: boolean): void;
  /**
   * A continuation (or sub-property) line of the current property, trimmed. For a sub-property line
   * whose name (before the first `=`) is one of the grammar's known names, `subPropertyKey` is that
   * name: then `text.slice(0, text.indexOf('=')).trim().toLowerCase() === subPropertyKey`.
   */
  continuation(text: string, line: number, subPropertyKey?: string): void;
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
  /** Indentation of the current property's line: deeper lines continue it. */
  let propertyIndent = 0;
  const length = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineNo = 0;
  const scan = newScan(text);
  const chars = charCodesOf(text);
  const codes = chars.codes;
  const span: PropertySpan = { keyStart: 0, keyEnd: 0, valueStart: 0, valueEnd: 0, column: 0 };
  const sectionAt = sink.sectionAt;

  const fail = (line: number, column: number, reason: string): void => {
    const location = { file: path, line, column };
    if (!options.tolerant) throw new ProfileParseError(location, reason);
    options.diagnostics?.push({ ...location, severity: 'error', message: reason });
  };

  try {
    while (pos < length) {
      let nl = text.indexOf('\n', pos);
      if (nl === -1) nl = length;
      lineNo++;
      const start = pos;
      let end = nl;
      if (end > start && codes[end - 1] === CR) end--;
      pos = nl + 1;

      if (start === end) continue; // empty line
      const c0 = codes[start];
      if (c0 === HASH || c0 === SEMI) continue; // comment line

      // An indented line continues the property above when it is indented deeper than that
      // property (vectors: continuations and sub-properties). Otherwise it is read as if it were not
      // indented, as botocore (configparser) and the JS SDK read it: a config written by a CI heredoc.
      let first = start;
      let indented = false;
      if (isWs(c0)) {
        first = skipWs(codes, start, end);
        if (first === end) continue; // blank line
        if (inProperty && first - start > propertyIndent) {
          // continuation of the previous property (or a sub-property line)
          let subPropertyKey: string | undefined;
          if (isSubproperty) {
            const r = scanProperty(scan, codes, start, end, span);
            if (r !== OK) {
              fail(lineNo, span.column, propertyError('sub-property', r));
              continue;
            }
            subPropertyKey = knownKeyIn(chars, span.keyStart, span.keyEnd);
          }
          sink.continuation(text.slice(first, trimEnd(codes, first, end)), lineNo, subPropertyKey);
          continue;
        }
        const f = codes[first];
        if (f === HASH || f === SEMI) continue; // an indented comment line
        indented = f !== LBRACKET;
        if (indented && skippingSection) continue;
        if (indented && !inSection) {
          fail(lineNo, first - start + 1, 'Expected a profile definition');
          continue;
        }
      }

      if (codes[first] === LBRACKET) {
        // [section] # comment
        let e = trimEnd(codes, first, end);
        e = trimEnd(codes, first, commentStart(scan, codes, first, e, false));
        inProperty = false;
        if (codes[e - 1] !== RBRACKET || e - first < 2) {
          fail(lineNo, e - start + 1, "Profile definition must end with ']'");
          inSection = false;
          skippingSection = true;
          continue;
        }
        const hs = skipWs(codes, first + 1, e - 1);
        const he = trimEnd(codes, hs, e - 1);
        if (sectionAt !== undefined) sectionAt.call(sink, text, hs, he, lineNo);
        else sink.section(text.slice(hs, he), lineNo);
        inSection = true;
        skippingSection = false;
        continue;
      }

      // key = value
      if (skippingSection) continue;
      if (!inSection) {
        fail(lineNo, 1, 'Expected a profile definition');
        continue;
      }
      const r = scanProperty(scan, codes, start, end, span);
      if (r !== OK) {
        // an indented line without '=' right after a header: the vectors' "continuation outside a property"
        const reason = indented && !inProperty && r === NO_EQUALS ? 'Expected a property definition, found continuation' : propertyError('property', r);
        fail(lineNo, span.column, reason);
        inProperty = false;
        continue;
      }
      propertyIndent = span.column - 1;
      inProperty = true;
      isSubproperty = span.valueStart === span.valueEnd;
      const known = knownKeyIn(chars, span.keyStart, span.keyEnd);
      const value = text.slice(span.valueStart, span.valueEnd);
      if (known !== undefined) sink.property(known, value, lineNo, true);
      else sink.property(text.slice(span.keyStart, span.keyEnd).toLowerCase(), value, lineNo, false);
    }
  } finally {
    releaseCharCodes(chars);
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
