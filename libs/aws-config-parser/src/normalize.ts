/**
 * normalize: raw sections of the config and credentials files -> the profile set an SDK sees.
 *
 * The rules (all pinned by the SDKs' conformance vectors):
 * - config file: `[profile NAME]`, `[default]`, `[sso-session NAME]`, `[services NAME]`; any other
 *   section is ignored. When `[profile default]` exists, `[default]` sections are ignored.
 * - credentials file: every section is a profile, named exactly as written (no prefix).
 * - names (profiles and properties) use only letters, digits and `- / . % @ _ : +`; others are ignored.
 * - duplicate sections merge; a repeated property takes the last value; credentials override config.
 */
import { knownKeyAt, type FileKind, type ParseDiagnostic, type ParseSink, type RawFile } from './parse';
import type { SourceLocation } from './errors';
import type { BotocoreReading } from './botocore';

export type PropertyMap = Record<string, string>;

export interface Section {
  name: string;
  /** Property name (lower-cased) -> value. A sub-property block keeps its raw value (`"\nk = v"`). */
  properties: PropertyMap;
  /** Sub-property blocks parsed to maps, e.g. `s3.max_concurrent_requests` -> `subProperties.s3.max_concurrent_requests`. */
  subProperties: Record<string, PropertyMap>;
  /** Every section header that contributed, in file order (config first, then credentials). */
  locations: SourceLocation[];
}

export type Profile = Section;
export type SsoSession = Section;
export type ServicesSection = Section;

export interface ProfileSet {
  profiles: Record<string, Profile>;
  ssoSessions: Record<string, SsoSession>;
  services: Record<string, ServicesSection>;
  /** Things the SDKs silently ignore (invalid names, unprefixed config sections) plus, in tolerant mode, errors. */
  diagnostics: ParseDiagnostic[];
  /** The files read, when known. */
  files: { config?: string; credentials?: string };
  /**
   * The same texts as botocore (Python servers) reads them: see `readAsBotocore`. Set by
   * `parseProfileFiles` / `loadProfiles` as a lazy, non-enumerable getter: computed on first access
   * from the texts kept, then cached (the cross-SDK read path pays nothing when it is not asked for).
   */
  botocore?: BotocoreReading;
}

function isIdentChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || // 0-9
    (c >= 65 && c <= 90) || // A-Z
    (c >= 97 && c <= 122) || // a-z
    c === 45 || // -
    c === 47 || // /
    c === 46 || // .
    c === 37 || // %
    c === 64 || // @
    c === 95 || // _
    c === 58 || // :
    c === 43 // +
  );
}

/** True when `name` is a valid profile, session or property name for the SDKs. */
export function isValidIdentifier(name: string): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) if (!isIdentChar(name.charCodeAt(i))) return false;
  return true;
}

/**
 * Assign into a plain object. Plain objects keep V8's fast shapes (the same keys in the same order
 * across profiles share one); the one key that would hit Object.prototype's setter is defined.
 */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * Parse a sub-property block (`"\nmax_concurrent_requests = 10\n..."`) into a map: per line, the
 * text before the first `=` (trimmed, lower-cased; lines without one or without a name are skipped)
 * -> the text after it, trimmed. One pass over the block, no intermediate array of lines.
 */
export function parseSubProperties(value: string): PropertyMap {
  const map: PropertyMap = {};
  const n = value.length;
  let eq = -2; // the next '=' at or after `s` (cached: linear in the block's length)
  for (let s = 0; s < n; ) {
    let e = value.indexOf('\n', s);
    if (e === -1) e = n;
    if (eq !== -1 && eq < s) eq = value.indexOf('=', s);
    if (eq > s && eq < e) addSubProperty(map, value, s, eq, e);
    s = e + 1;
  }
  return map;
}

/** One line of a sub-property block, text[start, end) with its first `=` at `eq` (start < eq < end). */
function addSubProperty(map: PropertyMap, text: string, start: number, eq: number, end: number): void {
  // common case: a known name, then spaces or tabs, is its own trimmed, lower-cased form
  let ks = start;
  let ke = eq;
  while (ks < ke && isSpaceOrTab(text.charCodeAt(ks))) ks++;
  while (ke > ks && isSpaceOrTab(text.charCodeAt(ke - 1))) ke--;
  const known = ke > ks ? knownKeyAt(text, ks, ke) : undefined;
  if (known !== undefined) map[known] = text.slice(eq + 1, end).trim();
  else {
    const key = text.slice(start, eq).trim().toLowerCase();
    if (key) put(map, key, text.slice(eq + 1, end).trim());
  }
}

function isSpaceOrTab(c: number): boolean {
  return c === 32 || c === 9;
}

/** A property whose sub-property block is being read: its value so far and that value's map. */
interface Block {
  key: string;
  value: string;
  map: PropertyMap;
}

type SectionKind = 'profile' | 'sso-session' | 'services';

/**
 * Where the name starts when text[start, end) is `prefix`, at least one space or tab, then the
 * name; -1 otherwise. [start, end) is trimmed, so a name found this way is never empty.
 */
function afterPrefix(text: string, start: number, end: number, prefix: string): number {
  let s = start + prefix.length;
  if (s >= end || !text.startsWith(prefix, start)) return -1;
  let c = text.charCodeAt(s);
  if (c !== 32 && c !== 9) return -1;
  do c = text.charCodeAt(++s);
  while (c === 32 || c === 9);
  return s;
}

/** {@link isValidIdentifier} on text[start, end), without making the string. */
function isValidIdentifierAt(text: string, start: number, end: number): boolean {
  if (start >= end) return false;
  for (let i = start; i < end; i++) if (!isIdentChar(text.charCodeAt(i))) return false;
  return true;
}

/** Shared by every section without sub-property blocks (almost all); replaced on first use. */
const NO_SUB_PROPERTIES: Record<string, PropertyMap> = Object.freeze({}) as Record<string, PropertyMap>;

/** The name -> section maps have no prototype: one lookup finds a section, `constructor` is just a name. */
function newGroup<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * Builds a {@link ProfileSet} straight from the grammar's events (no intermediate tree): the
 * read path's speed comes from this. Feed the config file first, then the credentials file.
 */
export class ProfileSetBuilder {
  readonly set: ProfileSet;
  private kind: FileKind = 'config';
  private path = '';
  /** The section receiving properties, or undefined while inside an ignored section. */
  private target: Section | undefined;
  private key: string | undefined;
  /** The current property's value so far (continuation lines are appended to it). */
  private value = '';
  /** Where the current property's key is in `blocks` while its block is read line by line, or -1. */
  private block = -1;
  /** Whether `[profile default]` was seen in the config file (then `[default]` is ignored). */
  private prefixedDefault = false;
  /** `[default]` sections merged so far, which a later `[profile default]` discards. */
  private unprefixedDefaultLines: number[] = [];
  /**
   * Properties that may open a sub-property block, in file order, two slots each: the section, then
   * the key, replaced by a {@link Block} once a line of the block is read.
   */
  private blocks: Array<Section | string | Block> = [];

  constructor(diagnostics: ParseDiagnostic[] = []) {
    this.set = { profiles: newGroup(), ssoSessions: newGroup(), services: newGroup(), diagnostics, files: {} };
  }

  /** Start a new file; the returned sink receives its events. */
  file(kind: FileKind, path: string): ParseSink {
    this.kind = kind;
    this.path = path;
    this.target = undefined;
    this.key = undefined;
    this.block = -1;
    if (kind === 'config') this.set.files.config = path;
    else this.set.files.credentials = path;
    return this;
  }

  private warn(line: number, message: string): void {
    this.set.diagnostics.push({ file: this.path, line, column: 1, severity: 'warning', message });
  }

  section(header: string, line: number): void {
    this.sectionAt(header, 0, header.length, line);
  }

  /** The header is text[start, end), trimmed: the name is sliced once, and only when valid. */
  sectionAt(text: string, start: number, end: number, line: number): void {
    this.key = undefined;
    this.target = undefined;
    this.block = -1;
    let group = this.set.profiles;
    let name: string;
    if (this.kind === 'config' && end - start === 7 && text.startsWith('default', start)) {
      // [default]: a valid name, and subject to the [profile default] rule
      if (!this.acceptDefault(line, true)) return;
      name = 'default';
    } else {
      let nameStart = start;
      if (this.kind === 'config' && (nameStart = afterPrefix(text, start, end, 'profile')) < 0) {
        if ((nameStart = afterPrefix(text, start, end, 'sso-session')) >= 0) group = this.set.ssoSessions;
        else if ((nameStart = afterPrefix(text, start, end, 'services')) >= 0) group = this.set.services;
        else {
          const header = text.slice(start, end);
          this.warn(line, `section [${header}] is ignored: in the config file profiles are written [profile ${header}]`);
          return;
        }
      }
      if (!isValidIdentifierAt(text, nameStart, end)) {
        const kind: SectionKind = group === this.set.profiles ? 'profile' : group === this.set.ssoSessions ? 'sso-session' : 'services';
        this.warn(line, `section [${text.slice(start, end)}] is ignored: '${text.slice(nameStart, end)}' is not a valid ${kind} name (letters, digits and - / . % @ _ : + only)`);
        return;
      }
      name = text.slice(nameStart, end);
      if (this.kind === 'config' && group === this.set.profiles && name === 'default' && !this.acceptDefault(line, false)) return;
    }
    const location: SourceLocation = { file: this.path, line, column: 1 };
    let target = group[name];
    if (target === undefined) group[name] = target = { name, properties: {}, subProperties: NO_SUB_PROPERTIES, locations: [location] };
    else target.locations.push(location);
    this.target = target;
  }

  /**
   * `[default]` (unprefixed) or `[profile default]` in the config file: the prefixed form wins over
   * every unprefixed one, earlier ones included. False when this section is ignored.
   */
  private acceptDefault(line: number, unprefixed: boolean): boolean {
    if (unprefixed && this.prefixedDefault) {
      this.warn(line, 'section [default] is ignored: [profile default] is also defined and wins');
      return false;
    }
    if (!unprefixed && !this.prefixedDefault) {
      this.prefixedDefault = true;
      if (this.unprefixedDefaultLines.length > 0) {
        const profile = this.set.profiles.default;
        profile.properties = {};
        profile.subProperties = NO_SUB_PROPERTIES;
        profile.locations = [];
        for (const l of this.unprefixedDefaultLines) this.warn(l, 'section [default] is ignored: [profile default] is also defined and wins');
      }
    }
    if (unprefixed) this.unprefixedDefaultLines.push(line);
    return true;
  }

  property(key: string, value: string, line: number, knownKey?: boolean): void {
    const target = this.target;
    if (!target) return;
    this.block = -1;
    if (knownKey === true) target.properties[key] = value; // a known name is valid and never __proto__
    else if (isValidIdentifier(key)) put(target.properties, key, value);
    else {
      this.key = undefined;
      this.warn(line, `property '${key}' is ignored: not a valid property name`);
      return;
    }
    this.key = key;
    this.value = value;
    if (value.length === 0) {
      this.block = this.blocks.length + 1;
      this.blocks.push(target, key);
    } else if (value.charCodeAt(0) === 10) this.blocks.push(target, key); // a replayed, already joined block
  }

  continuation(text: string, line: number, subPropertyKey?: string): void {
    const target = this.target;
    const key = this.key;
    if (!target || key === undefined) return;
    const value = (this.value += '\n' + text);
    target.properties[key] = value;
    const block = this.block;
    if (block < 0) return;
    const blocks = this.blocks;
    let entry = blocks[block] as string | Block;
    if (typeof entry === 'string') blocks[block] = entry = { key: entry, value, map: {} };
    else entry.value = value;
    const map = entry.map;
    const eq = text.indexOf('=');
    if (subPropertyKey !== undefined) map[subPropertyKey] = text.slice(eq + 1).trim();
    else if (eq > 0) addSubProperty(map, text, 0, eq, text.length);
  }

  /** The finished set: sub-property blocks parsed to maps. */
  finish(): ProfileSet {
    const blocks = this.blocks;
    for (let i = 0; i < blocks.length; i += 2) {
      const section = blocks[i] as Section;
      const entry = blocks[i + 1] as string | Block;
      const key = typeof entry === 'string' ? entry : entry.key;
      const value = section.properties[key];
      let map: PropertyMap;
      // the map read line by line, unless the property was set again later; checked first, so the
      // value (a concatenation of its lines) is not flattened just to look at its first char
      if (typeof entry !== 'string' && value === entry.value) map = entry.map;
      else if (value === undefined || value.length === 0 || value.charCodeAt(0) !== 10) continue;
      else map = parseSubProperties(value);
      if (section.subProperties === NO_SUB_PROPERTIES) section.subProperties = {};
      put(section.subProperties, key, map);
    }
    this.blocks = [];
    this.block = -1;
    return this.set;
  }
}

/** Merge already-parsed config and credentials files into the profile set the SDKs would see. */
export function normalize(config: RawFile | undefined, credentials: RawFile | undefined, diagnostics: ParseDiagnostic[] = []): ProfileSet {
  const builder = new ProfileSetBuilder(diagnostics);
  for (const file of [config, credentials]) {
    if (!file) continue;
    const sink = builder.file(file.kind, file.path);
    for (const section of file.sections) {
      sink.section(section.header, section.line);
      for (const p of section.properties) {
        // a RawProperty already holds its joined value: replay it as one property
        sink.property(p.key, p.value, p.line);
      }
    }
  }
  return builder.finish();
}
