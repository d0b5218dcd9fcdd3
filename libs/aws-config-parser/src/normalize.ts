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
import type { FileKind, ParseDiagnostic, ParseSink, RawFile } from './parse';
import type { SourceLocation } from './errors';

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

/** Parse a sub-property block (`"\nmax_concurrent_requests = 10\n..."`) into a map. */
export function parseSubProperties(value: string): PropertyMap {
  const map: PropertyMap = {};
  for (const line of value.split('\n')) {
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim().toLowerCase();
    if (key) put(map, key, line.slice(eq + 1).trim());
  }
  return map;
}

type SectionKind = 'profile' | 'sso-session' | 'services';

/** `prefix` followed by at least one space or tab, then the (trimmed) name. */
function stripPrefix(header: string, prefix: string): string | undefined {
  if (!header.startsWith(prefix)) return undefined;
  const c = header.charCodeAt(prefix.length);
  if (c !== 32 && c !== 9) return undefined;
  let s = prefix.length + 1;
  while (s < header.length && (header.charCodeAt(s) === 32 || header.charCodeAt(s) === 9)) s++;
  return header.slice(s);
}

/** Shared by every section without sub-property blocks (almost all); replaced on first use. */
const NO_SUB_PROPERTIES: Record<string, PropertyMap> = Object.freeze({}) as Record<string, PropertyMap>;

function newSection(name: string): Section {
  return { name, properties: {}, subProperties: NO_SUB_PROPERTIES, locations: [] };
}

/** The name -> section maps have no prototype: one lookup finds a section, `constructor` is just a name. */
function newGroup<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function sectionIn(group: Record<string, Section>, name: string): Section {
  let s = group[name];
  if (s === undefined) group[name] = s = newSection(name);
  return s;
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
  /** Whether `[profile default]` was seen in the config file (then `[default]` is ignored). */
  private prefixedDefault = false;
  /** `[default]` sections merged so far, which a later `[profile default]` discards. */
  private unprefixedDefaultLines: number[] = [];
  /** Properties that opened a sub-property block, parsed to maps at the end. */
  private blocks: Array<[Section, string]> = [];

  constructor(diagnostics: ParseDiagnostic[] = []) {
    this.set = { profiles: newGroup(), ssoSessions: newGroup(), services: newGroup(), diagnostics, files: {} };
  }

  /** Start a new file; the returned sink receives its events. */
  file(kind: FileKind, path: string): ParseSink {
    this.kind = kind;
    this.path = path;
    this.target = undefined;
    this.key = undefined;
    if (kind === 'config') this.set.files.config = path;
    else this.set.files.credentials = path;
    return this;
  }

  private warn(line: number, message: string): void {
    this.set.diagnostics.push({ file: this.path, line, column: 1, severity: 'warning', message });
  }

  section(header: string, line: number): void {
    this.key = undefined;
    this.target = undefined;
    let kind: SectionKind = 'profile';
    let name: string | undefined;
    let unprefixedDefault = false;
    if (this.kind === 'credentials') name = header;
    else if (header === 'default') {
      name = 'default';
      unprefixedDefault = true;
    } else if ((name = stripPrefix(header, 'profile')) !== undefined) kind = 'profile';
    else if ((name = stripPrefix(header, 'sso-session')) !== undefined) kind = 'sso-session';
    else if ((name = stripPrefix(header, 'services')) !== undefined) kind = 'services';
    else {
      this.warn(line, `section [${header}] is ignored: in the config file profiles are written [profile ${header}]`);
      return;
    }
    if (!isValidIdentifier(name)) {
      this.warn(line, `section [${header}] is ignored: '${name}' is not a valid ${kind} name (letters, digits and - / . % @ _ : + only)`);
      return;
    }
    const group = kind === 'profile' ? this.set.profiles : kind === 'sso-session' ? this.set.ssoSessions : this.set.services;
    if (this.kind === 'config' && kind === 'profile' && name === 'default') {
      if (unprefixedDefault && this.prefixedDefault) {
        this.warn(line, 'section [default] is ignored: [profile default] is also defined and wins');
        return;
      }
      if (!unprefixedDefault && !this.prefixedDefault) {
        this.prefixedDefault = true;
        if (this.unprefixedDefaultLines.length > 0) {
          // [profile default] wins over every [default] section, earlier ones included
          const profile = this.set.profiles.default;
          profile.properties = {};
          profile.subProperties = NO_SUB_PROPERTIES;
          profile.locations = [];
          for (const l of this.unprefixedDefaultLines) this.warn(l, 'section [default] is ignored: [profile default] is also defined and wins');
        }
      }
      if (unprefixedDefault) this.unprefixedDefaultLines.push(line);
    }
    const target = sectionIn(group, name);
    target.locations.push({ file: this.path, line, column: 1 });
    this.target = target;
  }

  property(key: string, value: string, line: number): void {
    const target = this.target;
    if (!target) return;
    if (!isValidIdentifier(key)) {
      this.key = undefined;
      this.warn(line, `property '${key}' is ignored: not a valid property name`);
      return;
    }
    this.key = key;
    put(target.properties, key, value);
    if (value.length === 0 || value.charCodeAt(0) === 10) this.blocks.push([target, key]);
  }

  continuation(text: string): void {
    if (this.target && this.key !== undefined) this.target.properties[this.key] += '\n' + text;
  }

  /** The finished set: sub-property blocks parsed to maps. */
  finish(): ProfileSet {
    for (const [section, key] of this.blocks) {
      const value = section.properties[key];
      if (value === undefined || value.charCodeAt(0) !== 10) continue;
      if (section.subProperties === NO_SUB_PROPERTIES) section.subProperties = {};
      put(section.subProperties, key, parseSubProperties(value));
    }
    this.blocks = [];
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
