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
import type { ParseDiagnostic, RawFile, RawSection } from './parse';
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

/** Property names repeat across thousands of profiles: remember the verdicts (bounded). */
const validKeys = new Map<string, boolean>();
function isValidKey(key: string): boolean {
  let ok = validKeys.get(key);
  if (ok === undefined) {
    ok = isValidIdentifier(key);
    if (validKeys.size < 4096) validKeys.set(key, ok);
  }
  return ok;
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
  return header.slice(prefix.length + 1).replace(/^[ \t]+|[ \t]+$/g, '');
}

interface Classified {
  kind: SectionKind;
  name: string;
  /** `[default]` in the config file, which loses to `[profile default]`. */
  unprefixedDefault?: boolean;
}

function classifySection(file: RawFile, section: RawSection, diagnostics: ParseDiagnostic[]): Classified | undefined {
  const h = section.header;
  let result: Classified | undefined;
  if (file.kind === 'credentials') {
    result = { kind: 'profile', name: h };
  } else if (h === 'default') {
    result = { kind: 'profile', name: 'default', unprefixedDefault: true };
  } else {
    let name = stripPrefix(h, 'profile');
    if (name !== undefined) result = { kind: 'profile', name };
    else if ((name = stripPrefix(h, 'sso-session')) !== undefined) result = { kind: 'sso-session', name };
    else if ((name = stripPrefix(h, 'services')) !== undefined) result = { kind: 'services', name };
    else {
      diagnostics.push({
        file: file.path,
        line: section.line,
        column: section.column,
        severity: 'warning',
        message: `section [${h}] is ignored: in the config file profiles are written [profile ${h}]`,
      });
      return undefined;
    }
  }
  if (!isValidIdentifier(result.name)) {
    diagnostics.push({
      file: file.path,
      line: section.line,
      column: section.column,
      severity: 'warning',
      message: `section [${h}] is ignored: '${result.name}' is not a valid ${result.kind} name (letters, digits and - / . % @ _ : + only)`,
    });
    return undefined;
  }
  return result;
}

function newSection(name: string): Section {
  return { name, properties: {}, subProperties: {}, locations: [] };
}

function sectionIn(group: Record<string, Section>, name: string): Section {
  if (Object.prototype.hasOwnProperty.call(group, name)) return group[name];
  const s = newSection(name);
  put(group, name, s);
  return s;
}

function mergeInto(target: Section, file: RawFile, section: RawSection, diagnostics: ParseDiagnostic[]): void {
  target.locations.push({ file: file.path, line: section.line, column: section.column });
  const props = target.properties;
  for (const p of section.properties) {
    if (!isValidKey(p.key)) {
      diagnostics.push({
        file: file.path,
        line: p.line,
        column: p.column,
        severity: 'warning',
        message: `property '${p.key}' is ignored: not a valid property name`,
      });
      continue;
    }
    put(props, p.key, p.value);
    if (p.value.charCodeAt(0) === 10) put(target.subProperties, p.key, parseSubProperties(p.value));
    else if (Object.prototype.hasOwnProperty.call(target.subProperties, p.key)) delete target.subProperties[p.key];
  }
}

/** Merge parsed config and credentials files into the profile set the SDKs would see. */
export function normalize(config: RawFile | undefined, credentials: RawFile | undefined, diagnostics: ParseDiagnostic[] = []): ProfileSet {
  const set: ProfileSet = {
    profiles: {},
    ssoSessions: {},
    services: {},
    diagnostics,
    files: {},
  };
  if (config) {
    set.files.config = config.path;
    const classified: (Classified | undefined)[] = config.sections.map((s) => classifySection(config, s, diagnostics));
    const hasPrefixedDefault = classified.some((c) => c && c.kind === 'profile' && c.name === 'default' && !c.unprefixedDefault);
    for (let i = 0; i < config.sections.length; i++) {
      const c = classified[i];
      if (!c) continue;
      const section = config.sections[i];
      if (c.unprefixedDefault && hasPrefixedDefault) {
        diagnostics.push({
          file: config.path,
          line: section.line,
          column: section.column,
          severity: 'warning',
          message: 'section [default] is ignored: [profile default] is also defined and wins',
        });
        continue;
      }
      const target = c.kind === 'profile' ? set.profiles : c.kind === 'sso-session' ? set.ssoSessions : set.services;
      mergeInto(sectionIn(target, c.name), config, section, diagnostics);
    }
  }
  if (credentials) {
    set.files.credentials = credentials.path;
    for (const section of credentials.sections) {
      const c = classifySection(credentials, section, diagnostics);
      if (!c) continue;
      mergeInto(sectionIn(set.profiles, c.name), credentials, section, diagnostics);
    }
  }
  return set;
}
