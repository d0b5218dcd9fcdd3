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
import type { ParseDiagnostic } from './parse';
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

/** Position of an option line, as recorded while reading. */
export interface OptionPosition {
  line: number;
  column: number;
  /** The delimiter botocore split the line at. */
  delimiter: '=' | ':';
  /** Set when the value came from the `[DEFAULT]` section. */
  fromDefault?: boolean;
}

export interface SectionPosition {
  line: number;
  column: number;
  options: Map<string, OptionPosition>;
}

/** One file as `raw_config_parse` returns it, with positions. */
export interface BotocoreIni {
  /** Section header (as written between the brackets, spaces kept) -> option -> value. */
  sections: Map<string, Map<string, BotocoreValue>>;
  positions: Map<string, SectionPosition>;
  /** Line of the `[DEFAULT]` header, when the file has one. */
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

/**
 * `configloader.raw_config_parse` on a text: `RawConfigParser._read` (strict) then the nested
 * values. Never throws: the exception botocore would raise is returned in `fatal`.
 */
export function readIniAsBotocore(text: string, path: string): BotocoreIni {
  const sections = new Map<string, Map<string, Option>>();
  const positions = new Map<string, SectionPosition>();
  const defaults = new Map<string, Option>();
  const defaultPositions = new Map<string, OptionPosition>();
  const added = new Set<string>();
  let defaultLine: number | undefined;
  let cursect: Map<string, Option> | undefined;
  let curpos: Map<string, OptionPosition> | undefined;
  let sectname = '';
  let option: Option | undefined;
  let indentLevel = 0;
  let parsingErrors: Array<{ line: number; column: number }> = [];
  const result = (fatal: BotocoreFileError): BotocoreIni => ({ sections: new Map(), positions: new Map(), fatal });

  // Python reads the file in universal-newline mode: \r\n, \r and \n end a line
  const lines = text.split(/\r\n?|\n/);
  const count = lines.length > 1 && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
  for (let i = 0; i < count; i++) {
    const raw = lines[i];
    const lineNo = i + 1;
    const value = pyStrip(raw);
    const c0 = value.charCodeAt(0);
    if (value.length === 0 || c0 === 35 /* # */ || c0 === 59 /* ; */) {
      // a blank line joins the value being read (empty_lines_in_values); a comment line does not
      if (value.length === 0 && option !== undefined) {
        option.pieces.push('');
        option.lines.push(lineNo);
      }
      continue;
    }
    let indent = 0;
    while (isPySpace(raw.charCodeAt(indent))) indent++;
    if (cursect !== undefined && option !== undefined && indent > indentLevel) {
      option.pieces.push(value);
      option.lines.push(lineNo);
      continue;
    }
    indentLevel = indent;
    const close = c0 === 91 /* [ */ ? value.lastIndexOf(']') : -1;
    if (close >= 2) {
      // SECTCRE `\[(?P<header>.+)\]` (greedy, `match`): up to the last `]`, anything after ignored
      sectname = value.slice(1, close);
      option = undefined;
      if (sectname === 'DEFAULT') {
        cursect = defaults;
        curpos = defaultPositions;
        defaultLine ??= lineNo;
        continue;
      }
      if (sections.has(sectname)) {
        return result(wrap(path, lineNo, indent + 1, 'DuplicateSectionError', `While reading from ${pyRepr(path)} [line ${String(lineNo).padStart(2)}]: section ${pyRepr(sectname)} already exists`));
      }
      cursect = new Map();
      curpos = new Map();
      sections.set(sectname, cursect);
      positions.set(sectname, { line: lineNo, column: indent + 1, options: curpos });
      added.add(sectname);
      continue;
    }
    if (cursect === undefined) {
      return result(wrap(path, lineNo, indent + 1, 'MissingSectionHeaderError', `File contains no section headers (file: ${pyRepr(path)}, line: ${lineNo}: a line before the first [section]; its text is not shown, it may hold a secret)`));
    }
    // OPTCRE `(?P<option>.*?)\s*(?P<vi>=|:)\s*(?P<value>.*)$`: the first `=` or `:` splits the line
    const eq = value.indexOf('=');
    const colon = value.indexOf(':');
    const at = eq === -1 ? colon : colon === -1 ? eq : Math.min(eq, colon);
    if (at === -1) {
      parsingErrors.push({ line: lineNo, column: indent + 1 });
      continue;
    }
    if (at === 0) parsingErrors.push({ line: lineNo, column: indent + 1 });
    const key = pyRstrip(value.slice(0, at)).toLowerCase();
    const addedKey = `${sectname}\u0000${key}`;
    if (added.has(addedKey)) {
      return result(
        wrap(path, lineNo, indent + 1, 'DuplicateOptionError', `While reading from ${pyRepr(path)} [line ${String(lineNo).padStart(2)}]: option ${pyRepr(key)} in section ${pyRepr(sectname)} already exists`),
      );
    }
    added.add(addedKey);
    option = { key, pieces: [pyStrip(value.slice(at + 1))], lines: [lineNo] };
    cursect.set(key, option);
    curpos!.set(key, { line: lineNo, column: indent + 1, delimiter: value[at] as '=' | ':' });
    // a key with no name keeps `option` set but falsy in Python: no continuation lines follow it
    if (key === '' && at === 0) option = undefined;
  }
  if (parsingErrors.length > 0) {
    const first = parsingErrors[0];
    const more = parsingErrors.length > 1 ? ` (and ${parsingErrors.length - 1} more line${parsingErrors.length > 2 ? 's' : ''})` : '';
    return result(
      wrap(path, first.line, first.column, 'ParsingError', `Source contains parsing errors: ${pyRepr(path)} [line ${String(first.line).padStart(2)}]${more}: expected 'key = value' or '[section]' (the line's text is not shown, it may hold a secret)`),
    );
  }
  parsingErrors = [];

  // raw_config_parse: every section's options (its own, then the [DEFAULT] ones), nested values parsed
  const out = new Map<string, Map<string, BotocoreValue>>();
  for (const [name, options] of sections) {
    const values = new Map<string, BotocoreValue>();
    const pos = positions.get(name)!;
    const all: Option[] = [...options.values()];
    for (const [key, o] of defaults) {
      if (options.has(key)) continue;
      all.push(o);
      pos.options.set(key, { ...defaultPositions.get(key)!, fromDefault: true });
    }
    for (const o of all) {
      const joined = pyRstrip(o.pieces.join('\n'));
      if (joined.charCodeAt(0) !== 10) {
        values.set(o.key, joined);
        continue;
      }
      const nested: Record<string, string> = Object.create(null) as Record<string, string>;
      for (let p = 0; p < o.pieces.length; p++) {
        for (const part of pySplitLines(o.pieces[p])) {
          const line = pyStrip(part);
          if (line === '') continue;
          const eq = line.indexOf('=');
          if (eq === -1) {
            const lineNo = o.lines[p];
            return {
              sections: new Map(),
              positions: new Map(),
              fatal: {
                file: path,
                line: lineNo,
                column: columnOf(lines[lineNo - 1]),
                exception: 'ConfigParseError',
                raised: 'ConfigParseError',
                fix: FIXES.ConfigParseError,
                message:
                  `botocore raises ConfigParseError (Unable to parse config file: ${path}) from ValueError in configloader._parse_nested: ` +
                  `the nested line under '${o.key}' has no '=' (expected 'name = value'); every Python MCP server on this machine fails to start`,
              },
            };
          }
          nested[pyStrip(line.slice(0, eq))] = pyStrip(line.slice(eq + 1));
        }
      }
      values.set(o.key, nested);
    }
    out.set(name, values);
  }
  return { sections: out, positions, ...(defaultLine !== undefined ? { defaultLine } : {}) };
}

function columnOf(raw: string): number {
  let i = 0;
  while (i < raw.length && isPySpace(raw.charCodeAt(i))) i++;
  return i + 1;
}

function toRecord(values: Map<string, BotocoreValue>): Record<string, BotocoreValue> {
  const record = Object.create(null) as Record<string, BotocoreValue>;
  for (const [k, v] of values) record[k] = typeof v === 'string' ? v : { ...v };
  return record;
}

function newGroup(): BotocoreSections {
  return Object.create(null) as BotocoreSections;
}

export type BotocoreGroup = 'profiles' | 'ssoSessions' | 'services';

/** `configloader._parse_section`: `shlex.split(key)`, kept when it gives exactly two words. */
function sectionName(header: string): string | undefined {
  let parts: string[];
  try {
    parts = shlexSplit(header);
  } catch {
    return undefined;
  }
  return parts.length === 2 ? parts[1] : undefined;
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
    profiles: newGroup(),
    differences: [],
  };
  let configIni: BotocoreIni | undefined;
  let configMap: Record<BotocoreGroup, Map<string, string>> | undefined;
  if (input.configText !== undefined) {
    configIni = readIniAsBotocore(input.configText, configPath);
    if (configIni.fatal) reading.fatal.push(configIni.fatal);
    else {
      configMap = botocoreProfileMap(configIni);
      for (const group of ['profiles', 'ssoSessions', 'services'] as const) {
        const target = group === 'profiles' ? reading.config : reading[group];
        for (const [name, header] of configMap[group]) target[name] = toRecord(configIni.sections.get(header)!);
      }
    }
  }
  let credentialsIni: BotocoreIni | undefined;
  if (input.credentialsText !== undefined) {
    credentialsIni = readIniAsBotocore(input.credentialsText, credentialsPath);
    if (credentialsIni.fatal) reading.fatal.push(credentialsIni.fatal);
    else for (const [name, values] of credentialsIni.sections) reading.credentials[name] = toRecord(values);
  }
  // Session.full_config: the config profiles, then each credentials section added or updated
  for (const group of [reading.config, reading.credentials]) {
    for (const name of Object.keys(group)) {
      const merged = (reading.profiles[name] ??= Object.create(null) as Record<string, BotocoreValue>);
      for (const [key, value] of Object.entries(group[name])) merged[key] = value;
    }
  }
  reading.differences = botocoreDifferences(input, configIni, configMap, credentialsIni);
  return reading;
}
