/**
 * botocore: the config and credentials files as botocore (the SDK inside every Python MCP server)
 * reads them, which is not how the cross-SDK vectors read them.
 *
 * botocore 1.43 `configloader.raw_config_parse` reads a file with Python's
 * `configparser.RawConfigParser()` (defaults: strict, delimiters `=` and `:`, comment prefixes `#`
 * and `;` only at the start of a line, no inline comments, empty lines kept in values, keys
 * lower-cased by `optionxform`, a `[DEFAULT]` section inherited by every section), then parses a
 * value that starts with a newline as nested `key = value` lines (`_parse_nested`), and
 * `build_profile_map` sorts the sections into profiles (`[default]`, `[profile NAME]` split like a
 * shell word by `shlex.split`), `[sso-session NAME]` and `[services NAME]`. Any error is raised as
 * `ConfigParseError` from `botocore.session.Session.full_config`: every client fails to build.
 * This module is a port of exactly those functions (Python 3.11 `configparser._read`,
 * `_join_multiline_values`, `shlex.shlex.read_token` in POSIX mode): see docs/aws-config-parser.md.
 */
import { knownKeyAt, type ParseDiagnostic } from './parse';
import { botocoreDifferences } from './botocore-differences';

export interface BotocoreFileError {
  file: string;
  line: number;
  column: number;
  /**
   * The configparser exception (`DuplicateSectionError`, `DuplicateOptionError`,
   * `MissingSectionHeaderError`, `ParsingError`) that botocore wraps as `ConfigParseError`, or
   * `ConfigParseError` itself when botocore raises it from a `ValueError` of `_parse_nested`.
   */
  exception: 'ConfigParseError' | 'DuplicateSectionError' | 'DuplicateOptionError' | 'MissingSectionHeaderError' | string;
  message: string;
  /** What botocore raises to the caller: always `ConfigParseError`. */
  raised: 'ConfigParseError';
  /** What to change in the file. */
  fix: string;
}

export type BotocoreValue = string | Record<string, string>;
export type BotocoreSections = Record<string, Record<string, BotocoreValue>>;

export interface BotocoreReading {
  /** Errors botocore raises while reading: any entry means every Python server on the machine fails to start. */
  fatal: BotocoreFileError[];
  /**
   * Profiles of the config file as `build_profile_map` builds them (profile name -> key -> raw value,
   * nested sub-properties as objects); keys exactly as botocore stores them. Empty when the file is fatal.
   */
  config: BotocoreSections;
  /** Sections of the credentials file as `raw_config_parse` returns them (every section is a profile, named as written). */
  credentials: BotocoreSections;
  /** `[sso-session NAME]` sections of the config file. */
  ssoSessions: BotocoreSections;
  /** `[services NAME]` sections of the config file. */
  services: BotocoreSections;
  /**
   * The profiles a botocore `Session` sees (`Session.full_config['profiles']`): the config file's,
   * then each credentials section added or merged over (`dict.update`).
   */
  profiles: BotocoreSections;
  /** Where botocore's reading differs from the cross-SDK reading (inline `# x` kept in a value, `key : value`, ...): file:line:col diagnostics. */
  differences: ParseDiagnostic[];
}

export interface ReadAsBotocoreInput {
  configText?: string;
  credentialsText?: string;
  configPath?: string;
  credentialsPath?: string;
}

/** An option line as read: where it is, its key and its value lines. */
export interface IniOption {
  key: string;
  line: number;
  column: number;
  /** The delimiter botocore split the line at. */
  delimiter: '=' | ':';
  /** The value on the option's own line, stripped. */
  value: string;
  /** Continuation lines (stripped; '' for a blank line), when there are any. */
  more?: string[];
  /** File line of each continuation line. */
  moreLines?: number[];
}

export interface IniSection {
  line: number;
  column: number;
  /** The section's own options, in file order. */
  options: Map<string, IniOption>;
  /** What `raw_config_parse` gives for the section: its options, then the [DEFAULT] ones, values joined (nested ones parsed). */
  values: Record<string, BotocoreValue>;
}

/** One file as `raw_config_parse` returns it, with positions. */
export interface BotocoreIni {
  /** Section header (as written between the brackets, spaces kept) -> section. Empty when fatal. */
  sections: Map<string, IniSection>;
  /** The `[DEFAULT]` section's options (inherited by every section). */
  defaults: Map<string, IniOption>;
  /** Line of the first `[DEFAULT]` header, when the file has one. */
  defaultLine?: number;
  fatal?: BotocoreFileError;
}

/** Python's `str.isspace()` (also `\s` of `re` on str patterns). */
export function isPySpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x85) return false;
  return (
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

/** Python's `str.strip()` with no argument. */
export function pyStrip(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isPySpace(s.charCodeAt(a))) a++;
  while (b > a && isPySpace(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

function pyRstrip(s: string): string {
  let b = s.length;
  while (b > 0 && isPySpace(s.charCodeAt(b - 1))) b--;
  return b === s.length ? s : s.slice(0, b);
}

/** Line boundaries of Python's `str.splitlines()` (`\r\n` counts as one). */
function pySplitLines(s: string): string[] {
  return s.split(/\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/);
}

/** Python's `shlex.split(s)` (POSIX mode, no comments); throws on an unclosed quote or a trailing backslash. */
export function shlexSplit(s: string): string[] {
  const out: string[] = [];
  const isWs = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
  let state: string = ' ';
  let escapedState = 'a';
  let token = '';
  let quoted = false;
  const emit = () => {
    if (token !== '' || quoted) out.push(token);
    token = '';
    quoted = false;
  };
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s[i] : '';
    if (state === ' ') {
      if (c === '') break;
      if (isWs(c)) continue;
      if (c === '\\') {
        escapedState = 'a';
        state = '\\';
      } else if (c === '"' || c === "'") state = c;
      else {
        token = c;
        state = 'a';
      }
    } else if (state === '"' || state === "'") {
      quoted = true;
      if (c === '') throw new Error('No closing quotation');
      if (c === state) state = 'a';
      else if (state === '"' && c === '\\') {
        escapedState = state;
        state = '\\';
      } else token += c;
    } else if (state === '\\') {
      if (c === '') throw new Error('No escaped character');
      if ((escapedState === '"' || escapedState === "'") && c !== '\\' && c !== escapedState) token += '\\';
      token += c;
      state = escapedState;
    } else {
      // 'a': inside a word
      if (c === '') {
        emit();
        break;
      }
      if (isWs(c)) {
        state = ' ';
        emit();
      } else if (c === '"' || c === "'") state = c;
      else if (c === '\\') {
        escapedState = 'a';
        state = '\\';
      } else token += c;
    }
  }
  return out;
}

interface Option {
  key: string;
  pieces: string[];
  /** File line of each piece. */
  lines: number[];
}

const FIXES: Record<string, string> = {
  DuplicateSectionError: 'merge the repeated section into the first one (botocore refuses a section written twice)',
  DuplicateOptionError: 'keep one line for this key in the section (botocore refuses a key written twice)',
  MissingSectionHeaderError: 'put the line under a [default] / [profile NAME] header, or remove it',
  ParsingError: "write the line as 'key = value', or remove it",
  ConfigParseError: "write each indented line under an empty value as 'name = value'",
};

function wrap(path: string, line: number, column: number, exception: string, detail: string): BotocoreFileError {
  return {
    file: path,
    line,
    column,
    exception,
    raised: 'ConfigParseError',
    fix: FIXES[exception],
    message:
      `botocore raises ConfigParseError (Unable to parse config file: ${path}) from configparser.${exception}: ${detail}; ` +
      'every Python MCP server on this machine fails to start',
  };
}

/** Python's `repr()` of a str, close enough for messages. */
function pyRepr(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r')}'`;
}

const HASH = 35;
const SEMI = 59;
const LBRACKET = 91;
const RBRACKET = 93;
const EQ = 61;
const COLON = 58;

/** The joined value of an option (`_join_multiline_values`), nested values parsed (`_parse_nested`), or the line of a nested line without `=`. */
function optionValue(o: IniOption): BotocoreValue | number {
  if (o.more === undefined) return o.value;
  const joined = pyRstrip(o.value + '\n' + o.more.join('\n'));
  if (joined.charCodeAt(0) !== 10) return joined;
  const nested: Record<string, string> = {};
  const parts = [o.value, ...o.more];
  for (let p = 0; p < parts.length; p++) {
    for (const part of pySplitLines(parts[p])) {
      const line = pyStrip(part);
      if (line === '') continue;
      const eq = line.indexOf('=');
      if (eq === -1) return p === 0 ? o.line : o.moreLines![p - 1];
      put(nested, pyStrip(line.slice(0, eq)), pyStrip(line.slice(eq + 1)));
    }
  }
  return nested;
}

/** The 1-based column of the first non-space char of line `lineNo` (an error path only). */
function columnAt(text: string, lineNo: number): number {
  const line = text.split(/\r\n?|\n/)[lineNo - 1] ?? '';
  let i = 0;
  while (i < line.length && isPySpace(line.charCodeAt(i))) i++;
  return i + 1;
}

/**
 * Assign into a plain object (plain objects keep V8's fast shapes; null-prototype ones are
 * dictionaries): the one key that would hit Object.prototype's setter is defined instead.
 */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** `_parse_nested` raised ValueError: botocore raises ConfigParseError. */
function nestedError(text: string, path: string, line: number, o: IniOption): BotocoreIni {
  return fatalIni({
    file: path,
    line,
    column: columnAt(text, line),
    exception: 'ConfigParseError',
    raised: 'ConfigParseError',
    fix: FIXES.ConfigParseError,
    message:
      `botocore raises ConfigParseError (Unable to parse config file: ${path}) from ValueError in configloader._parse_nested: ` +
      `the nested line under '${o.key}' has no '=' (expected 'name = value'); every Python MCP server on this machine fails to start`,
  });
}

function fatalIni(fatal: BotocoreFileError): BotocoreIni {
  return { sections: new Map(), defaults: new Map(), fatal };
}

/**
 * `configloader.raw_config_parse` on a text: `RawConfigParser._read` (strict) then the nested
 * values. Never throws: the exception botocore would raise is returned in `fatal`. One pass over
 * the text with `indexOf` (this runs on every `discover`: 5,000 profiles in a few ms).
 */
export function readIniAsBotocore(text: string, path: string): BotocoreIni {
  const sections = new Map<string, IniSection>();
  const defaults = new Map<string, IniOption>();
  let defaultLine: number | undefined;
  let cursect: Map<string, IniOption> | undefined;
  let sectname = '';
  let option: IniOption | undefined;
  let indentLevel = 0;
  let parsingErrors: number[] | undefined; // line, column pairs
  const n = text.length;
  let pos = 0;
  let lineNo = 0;
  let cr = -2; // next '\r' at or after pos (Python reads in universal-newline mode: \r\n, \r and \n end a line)
  let eqAt = -2; // next '=' at or after the line start
  let colonAt = -2; // next ':' at or after the line start
  while (pos < n) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = n;
    if (cr !== -1 && cr < pos) cr = text.indexOf('\r', pos);
    let next = end + 1;
    if (cr !== -1 && cr < end) {
      end = cr;
      next = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
    }
    const start = pos;
    pos = next;
    lineNo++;
    // value = line.strip()
    let a = start;
    let b = end;
    while (a < b && isPySpace(text.charCodeAt(a))) a++;
    while (b > a && isPySpace(text.charCodeAt(b - 1))) b--;
    if (a === b) {
      // a blank line joins the value being read (empty_lines_in_values)
      if (option !== undefined) {
        (option.more ??= []).push('');
        (option.moreLines ??= []).push(lineNo);
      }
      continue;
    }
    const c0 = text.charCodeAt(a);
    if (c0 === HASH || c0 === SEMI) continue; // a comment line: neither joins nor ends a value
    const indent = a - start;
    if (option !== undefined && indent > indentLevel) {
      (option.more ??= []).push(text.slice(a, b));
      (option.moreLines ??= []).push(lineNo);
      continue;
    }
    indentLevel = indent;
    if (c0 === LBRACKET) {
      // SECTCRE `\[(?P<header>.+)\]` (greedy, `match`): up to the last `]`, anything after ignored
      const close = text.lastIndexOf(']', b - 1);
      if (close >= a + 2) {
        sectname = text.slice(a + 1, close);
        option = undefined;
        if (sectname === 'DEFAULT') {
          cursect = defaults;
          defaultLine ??= lineNo;
          continue;
        }
        if (sections.has(sectname)) {
          return fatalIni(wrap(path, lineNo, indent + 1, 'DuplicateSectionError', `While reading from ${pyRepr(path)} [line ${String(lineNo).padStart(2)}]: section ${pyRepr(sectname)} already exists`));
        }
        cursect = new Map();
        sections.set(sectname, { line: lineNo, column: indent + 1, options: cursect, values: {} });
        continue;
      }
    }
    if (cursect === undefined) {
      return fatalIni(
        wrap(path, lineNo, indent + 1, 'MissingSectionHeaderError', `File contains no section headers (file: ${pyRepr(path)}, line: ${lineNo}: a line before the first [section]; its text is not shown, it may hold a secret)`),
      );
    }
    // OPTCRE `(?P<option>.*?)\s*(?P<vi>=|:)\s*(?P<value>.*)$`: the first `=` or `:` splits the line
    if (eqAt !== -1 && eqAt < a) eqAt = text.indexOf('=', a);
    if (colonAt !== -1 && colonAt < a) colonAt = text.indexOf(':', a);
    let at = eqAt === -1 || eqAt >= b ? b : eqAt;
    if (colonAt !== -1 && colonAt < at) at = colonAt;
    if (at === b) {
      (parsingErrors ??= []).push(lineNo, indent + 1);
      continue;
    }
    if (at === a) (parsingErrors ??= []).push(lineNo, indent + 1);
    let ke = at;
    while (ke > a && isPySpace(text.charCodeAt(ke - 1))) ke--;
    const key = knownKeyAt(text, a, ke) ?? text.slice(a, ke).toLowerCase();
    if (cursect.has(key)) {
      return fatalIni(
        wrap(path, lineNo, indent + 1, 'DuplicateOptionError', `While reading from ${pyRepr(path)} [line ${String(lineNo).padStart(2)}]: option ${pyRepr(key)} in section ${pyRepr(sectname)} already exists`),
      );
    }
    let vs = at + 1;
    while (vs < b && isPySpace(text.charCodeAt(vs))) vs++;
    option = { key, line: lineNo, column: indent + 1, delimiter: text.charCodeAt(at) === COLON ? ':' : '=', value: text.slice(vs, b) };
    cursect.set(key, option);
    // a key with no name is falsy in Python: no continuation line joins it
    if (at === a) option = undefined;
  }
  if (parsingErrors !== undefined) {
    const count = parsingErrors.length / 2;
    const more = count > 1 ? ` (and ${count - 1} more line${count > 2 ? 's' : ''})` : '';
    return fatalIni(
      wrap(path, parsingErrors[0], parsingErrors[1], 'ParsingError', `Source contains parsing errors: ${pyRepr(path)} [line ${String(parsingErrors[0]).padStart(2)}]${more}: expected 'key = value' or '[section]' (the line's text is not shown, it may hold a secret)`),
    );
  }

  // raw_config_parse: every section's options (its own, then the [DEFAULT] ones), nested values parsed
  for (const section of sections.values()) {
    const values = section.values;
    for (const o of section.options.values()) {
      const v = o.more === undefined ? o.value : optionValue(o);
      if (typeof v === 'number') return nestedError(text, path, v, o);
      put(values, o.key, v);
    }
    if (defaults.size === 0) continue;
    for (const o of defaults.values()) {
      if (section.options.has(o.key)) continue;
      const v = optionValue(o);
      if (typeof v === 'number') return nestedError(text, path, v, o);
      put(values, o.key, v);
    }
  }
  return { sections, defaults, ...(defaultLine !== undefined ? { defaultLine } : {}) };
}

function newGroup(): BotocoreSections {
  return Object.create(null) as BotocoreSections;
}

export type BotocoreGroup = 'profiles' | 'ssoSessions' | 'services';

/** `configloader._parse_section`: `shlex.split(key)`, kept when it gives exactly two words. */
function sectionName(header: string): string | undefined {
  // without quotes or backslashes shlex.split only splits at its whitespace (space, tab, CR, LF)
  if (!/["'\\]/.test(header)) {
    const ws = (i: number) => {
      const c = header.charCodeAt(i);
      return c === 32 || c === 9 || c === 13 || c === 10;
    };
    const n = header.length;
    let i = 0;
    while (i < n && ws(i)) i++;
    while (i < n && !ws(i)) i++; // the first word
    while (i < n && ws(i)) i++;
    const s = i;
    while (i < n && !ws(i)) i++; // the second
    const e = i;
    while (i < n && ws(i)) i++;
    return s < e && i === n ? header.slice(s, e) : undefined;
  }
  let parts: string[];
  try {
    parts = shlexSplit(header);
  } catch {
    return undefined;
  }
  return parts.length === 2 ? parts[1] : undefined;
}

const NO_OPTIONS: Map<string, IniOption> = new Map();

/**
 * {@link readIniAsBotocore} without positions, for the common case (this runs on every
 * `discover`: a fresh process, where allocation is what costs): values go straight into each
 * section's object, only the option being read is kept, trailing blank lines are counted instead
 * of kept (the join right-strips them). Sections have no `options` (an empty map). Gives up
 * (`undefined`) on a `[DEFAULT]` section, whose inheritance needs the positions: the caller then
 * uses readIniAsBotocore. Same results otherwise (property-tested in botocore.spec.ts).
 */
export function readIniValuesAsBotocore(text: string, path: string): BotocoreIni | undefined {
  const sections = new Map<string, IniSection>();
  let values: Record<string, BotocoreValue> | undefined;
  let sectname = '';
  /** The option being read (undefined: none, or one that takes no continuation). */
  let key: string | undefined;
  let value = '';
  let line = 0;
  let more: string[] | undefined;
  let moreLines: number[] | undefined;
  let blanks = 0;
  let indentLevel = 0;
  let parsingError: number[] | undefined; // first line, column, count
  let nested: { line: number; key: string } | undefined;
  const endOption = (): void => {
    if (key !== undefined && more !== undefined) {
      const v = optionValue({ key, line, column: 0, delimiter: '=', value, more, moreLines });
      if (typeof v === 'number') nested ??= { line: v, key };
      else put(values!, key, v);
    }
    key = undefined;
    more = undefined;
    moreLines = undefined;
    blanks = 0;
  };
  const n = text.length;
  let pos = 0;
  let lineNo = 0;
  let cr = -2;
  let eqAt = -2;
  let colonAt = -2;
  while (pos < n) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = n;
    if (cr !== -1 && cr < pos) cr = text.indexOf('\r', pos);
    let next = end + 1;
    if (cr !== -1 && cr < end) {
      end = cr;
      next = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
    }
    const start = pos;
    pos = next;
    lineNo++;
    let a = start;
    let b = end;
    while (a < b && isPySpace(text.charCodeAt(a))) a++;
    while (b > a && isPySpace(text.charCodeAt(b - 1))) b--;
    if (a === b) {
      if (key !== undefined) blanks++;
      continue;
    }
    const c0 = text.charCodeAt(a);
    if (c0 === HASH || c0 === SEMI) continue;
    const indent = a - start;
    if (key !== undefined && indent > indentLevel) {
      more ??= [];
      moreLines ??= [];
      for (; blanks > 0; blanks--) {
        more.push('');
        moreLines.push(lineNo - blanks);
      }
      more.push(text.slice(a, b));
      moreLines.push(lineNo);
      continue;
    }
    indentLevel = indent;
    if (c0 === LBRACKET) {
      const close = text.lastIndexOf(']', b - 1);
      if (close >= a + 2) {
        endOption();
        sectname = text.slice(a + 1, close);
        if (sectname === 'DEFAULT') return undefined;
        if (sections.has(sectname)) {
          return fatalIni(wrap(path, lineNo, indent + 1, 'DuplicateSectionError', `While reading from ${pyRepr(path)} [line ${String(lineNo).padStart(2)}]: section ${pyRepr(sectname)} already exists`));
        }
        values = {};
        sections.set(sectname, { line: lineNo, column: indent + 1, options: NO_OPTIONS, values });
        continue;
      }
    }
    if (values === undefined) {
      return fatalIni(
        wrap(path, lineNo, indent + 1, 'MissingSectionHeaderError', `File contains no section headers (file: ${pyRepr(path)}, line: ${lineNo}: a line before the first [section]; its text is not shown, it may hold a secret)`),
      );
    }
    if (eqAt !== -1 && eqAt < a) eqAt = text.indexOf('=', a);
    if (colonAt !== -1 && colonAt < a) colonAt = text.indexOf(':', a);
    let at = eqAt === -1 || eqAt >= b ? b : eqAt;
    if (colonAt !== -1 && colonAt < at) at = colonAt;
    if (at === b || at === a) {
      if (parsingError === undefined) parsingError = [lineNo, indent + 1, 0];
      parsingError[2]++;
      if (at === b) continue; // the option being read stays open (as in Python)
    }
    endOption();
    let ke = at;
    while (ke > a && isPySpace(text.charCodeAt(ke - 1))) ke--;
    const k = knownKeyAt(text, a, ke) ?? text.slice(a, ke).toLowerCase();
    if (Object.hasOwn(values, k)) {
      return fatalIni(
        wrap(path, lineNo, indent + 1, 'DuplicateOptionError', `While reading from ${pyRepr(path)} [line ${String(lineNo).padStart(2)}]: option ${pyRepr(k)} in section ${pyRepr(sectname)} already exists`),
      );
    }
    let vs = at + 1;
    while (vs < b && isPySpace(text.charCodeAt(vs))) vs++;
    value = text.slice(vs, b);
    put(values, k, value);
    line = lineNo;
    // a key with no name is falsy in Python: no continuation line joins it
    key = at === a ? undefined : k;
  }
  endOption();
  if (parsingError !== undefined) {
    const count = parsingError[2];
    const more2 = count > 1 ? ` (and ${count - 1} more line${count > 2 ? 's' : ''})` : '';
    return fatalIni(
      wrap(path, parsingError[0], parsingError[1], 'ParsingError', `Source contains parsing errors: ${pyRepr(path)} [line ${String(parsingError[0]).padStart(2)}]${more2}: expected 'key = value' or '[section]' (the line's text is not shown, it may hold a secret)`),
    );
  }
  if (nested !== undefined) return nestedError(text, path, nested.line, { key: nested.key } as IniOption);
  return { sections, defaults: NO_OPTIONS };
}

/** `configloader.build_profile_map` on one file: group -> name -> the section it came from. */
export function botocoreProfileMap(ini: BotocoreIni): Record<BotocoreGroup, Map<string, string>> {
  const map: Record<BotocoreGroup, Map<string, string>> = { profiles: new Map(), ssoSessions: new Map(), services: new Map() };
  for (const header of ini.sections.keys()) {
    let group: BotocoreGroup | undefined;
    let name: string | undefined;
    if (header.startsWith('profile')) group = 'profiles';
    else if (header.startsWith('sso-session')) group = 'ssoSessions';
    else if (header.startsWith('services')) group = 'services';
    if (group !== undefined) name = sectionName(header);
    else if (header === 'default') {
      group = 'profiles';
      name = 'default';
    }
    if (group === undefined || name === undefined) continue;
    // dict.update: a later section with the same name replaces the earlier one, at its first place
    map[group].set(name, header);
  }
  return map;
}

/** `Session.full_config['profiles']`: the config profiles, then each credentials section added or merged over. */
function sessionProfiles(config: BotocoreSections, credentials: BotocoreSections): BotocoreSections {
  const profiles = newGroup();
  for (const name of Object.keys(config)) profiles[name] = config[name];
  for (const name of Object.keys(credentials)) {
    const existing = profiles[name];
    const values = credentials[name];
    if (existing === undefined) profiles[name] = values;
    else {
      const merged: Record<string, BotocoreValue> = {};
      for (const from of [existing, values]) for (const key of Object.keys(from)) put(merged, key, from[key]);
      profiles[name] = merged;
    }
  }
  return profiles;
}

/**
 * The files as botocore reads them. Texts left undefined are missing files (botocore's
 * `ConfigNotFound`, which `Session.full_config` treats as empty).
 */
export function readAsBotocore(input: ReadAsBotocoreInput): BotocoreReading {
  const configPath = input.configPath ?? 'config';
  const credentialsPath = input.credentialsPath ?? 'credentials';
  const reading: BotocoreReading = {
    fatal: [],
    config: newGroup(),
    credentials: newGroup(),
    ssoSessions: newGroup(),
    services: newGroup(),
    profiles: newGroup(), // replaced by a lazy getter below
    differences: [],
  };
  let configIni: BotocoreIni | undefined;
  if (input.configText !== undefined) {
    configIni = readIniValuesAsBotocore(input.configText, configPath) ?? readIniAsBotocore(input.configText, configPath);
    if (configIni.fatal) reading.fatal.push(configIni.fatal);
    else {
      // build_profile_map, in section order (a later section of the same name replaces the earlier one)
      const { config, ssoSessions, services } = reading;
      configIni.sections.forEach((section, header) => {
        let target: BotocoreSections | undefined;
        if (header.startsWith('profile')) target = config;
        else if (header.startsWith('sso-session')) target = ssoSessions;
        else if (header.startsWith('services')) target = services;
        else if (header === 'default') config.default = section.values;
        if (target === undefined) return;
        const name = sectionName(header);
        if (name !== undefined) target[name] = section.values;
      });
    }
  }
  let credentialsIni: BotocoreIni | undefined;
  if (input.credentialsText !== undefined) {
    credentialsIni = readIniValuesAsBotocore(input.credentialsText, credentialsPath) ?? readIniAsBotocore(input.credentialsText, credentialsPath);
    if (credentialsIni.fatal) reading.fatal.push(credentialsIni.fatal);
    else {
      const { credentials } = reading;
      credentialsIni.sections.forEach((section, header) => {
        credentials[header] = section.values;
      });
    }
  }
  // Session.full_config: the config profiles, then each credentials section added or updated;
  // computed on first access
  let profiles: BotocoreSections | undefined;
  Object.defineProperty(reading, 'profiles', {
    enumerable: true,
    configurable: true,
    get: () => (profiles ??= sessionProfiles(reading.config, reading.credentials)),
  });
  reading.differences = botocoreDifferences(input, configIni, credentialsIni);
  return reading;
}
