/**
 * botocore-reading: the profiles as botocore reads them, for the resolution model.
 *
 * When the profile set carries a botocore reading (`set.botocore`, added by @awsmcp/aws-config-parser),
 * it is used as is. Without one, the view is built from the profile set: the merged properties are
 * botocore's `session.full_config` profiles, and the credentials file's own keys (botocore's
 * SharedCredentialProvider reads that file alone) are taken from a second reading of that file, done
 * only when a profile has sections in both files.
 */
import { parseRaw, readProfileFile, type ParseDiagnostic, type Profile, type ProfileSet } from '@awsmcp/aws-config-parser';

import type { BotocoreFileError, BotocoreReading } from '@awsmcp/aws-config-parser';
export type { BotocoreFileError, BotocoreReading };

type BotocoreSection = Record<string, string | Record<string, string>>;

/** A profile's keys: `has` is botocore's `key in profile` (an empty value counts), `get` its value. */
export interface KeyView {
  has(key: string): boolean;
  get(key: string): string | undefined;
}

export interface BotocoreView {
  /** Profile names botocore lists (`session.available_profiles`), in file order. */
  names(): string[];
  /** botocore's `full_config['profiles'][name]`: config merged with credentials. */
  profile(name: string): KeyView | undefined;
  /** The credentials file's own section (SharedCredentialProvider). */
  credentialsSection(name: string): KeyView | undefined;
  /** The config file's own profile (ConfigProvider). */
  configSection(name: string): KeyView | undefined;
  session(name: string): Record<string, string> | undefined;
  /** The merged string properties of `name`, for profiles only botocore lists. */
  properties(name: string): Record<string, string> | undefined;
  /** Set when botocore cannot read a file at all: every profile fails with it. */
  fatal?: BotocoreFileError;
}

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function sectionView(section: BotocoreSection | Record<string, string> | undefined): KeyView | undefined {
  if (!section) return undefined;
  return {
    has: (k) => own(section, k),
    get: (k) => {
      const v = own(section, k) ? section[k] : undefined;
      return typeof v === 'string' ? v : undefined;
    },
  };
}

function mergedView(a: BotocoreSection | Record<string, string> | undefined, b: BotocoreSection | Record<string, string> | undefined): KeyView | undefined {
  if (!a) return sectionView(b);
  if (!b) return sectionView(a);
  return {
    has: (k) => own(b, k) || own(a, k),
    get: (k) => {
      const v = own(b, k) ? b[k] : own(a, k) ? a[k] : undefined;
      return typeof v === 'string' ? v : undefined;
    },
  };
}

function stringsOnly(section: BotocoreSection): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(section)) {
    const v = section[k];
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/** The botocore reading the parser attached to `set` (absent for sets built by hand). */
export function botocoreReadingOf(set: ProfileSet): BotocoreReading | undefined {
  return set.botocore;
}

/** botocore's view of `set`. */
export function botocoreView(set: ProfileSet): BotocoreView {
  const reading = botocoreReadingOf(set);
  if (reading) {
    const names = [...Object.keys(reading.config)];
    for (const n of Object.keys(reading.credentials)) if (!own(reading.config, n)) names.push(n);
    return {
      names: () => names,
      profile: (n) => mergedView(own(reading.config, n) ? reading.config[n] : undefined, own(reading.credentials, n) ? reading.credentials[n] : undefined),
      credentialsSection: (n) => sectionView(own(reading.credentials, n) ? reading.credentials[n] : undefined),
      configSection: (n) => sectionView(own(reading.config, n) ? reading.config[n] : undefined),
      session: (n) => (own(reading.ssoSessions, n) ? stringsOnly(reading.ssoSessions[n]) : undefined),
      properties: (n) =>
        own(reading.config, n) || own(reading.credentials, n)
          ? { ...(own(reading.config, n) ? stringsOnly(reading.config[n]) : {}), ...(own(reading.credentials, n) ? stringsOnly(reading.credentials[n]) : {}) }
          : undefined,
      ...(reading.fatal.length > 0 ? { fatal: reading.fatal[0] } : {}),
    };
  }
  return new ProfileSetView(set);
}

/** botocore's view from a profile set alone (no botocore reading attached). */
class ProfileSetView implements BotocoreView {
  private credentialKeys: Map<string, Set<string>> | undefined;

  constructor(private readonly set: ProfileSet) {}

  names(): string[] {
    return Object.keys(this.set.profiles);
  }

  profile(name: string): KeyView | undefined {
    const p = own(this.set.profiles, name) ? this.set.profiles[name] : undefined;
    return p ? sectionView(p.properties) : undefined;
  }

  properties(name: string): Record<string, string> | undefined {
    return own(this.set.profiles, name) ? this.set.profiles[name].properties : undefined;
  }

  session(name: string): Record<string, string> | undefined {
    return own(this.set.ssoSessions, name) ? this.set.ssoSessions[name].properties : undefined;
  }

  /** Where a profile's sections are: in the config file, the credentials file, or both. */
  private where(name: string): { config: boolean; credentials: boolean } {
    const p = this.set.profiles[name];
    const credentialsFile = this.set.files.credentials;
    let config = false;
    let credentials = false;
    for (const l of p.locations) {
      if (credentialsFile !== undefined && l.file === credentialsFile) credentials = true;
      else config = true;
    }
    return { config, credentials };
  }

  /** The keys of the credentials file's own sections, read once (only for profiles in both files). */
  private credentialsKeys(): Map<string, Set<string>> {
    if (!this.credentialKeys) {
      const map = new Map<string, Set<string>>();
      const file = this.set.files.credentials;
      let text: string | undefined;
      try {
        text = file !== undefined ? readProfileFile(file) : undefined;
      } catch {
        text = undefined; // unreadable: the merged keys stand in (the loader already reported it)
      }
      if (file !== undefined && text !== undefined) {
        for (const s of parseRaw(text, 'credentials', file, { tolerant: true, diagnostics: [] }).sections) {
          let keys = map.get(s.header);
          if (!keys) map.set(s.header, (keys = new Set()));
          for (const prop of s.properties) keys.add(prop.key.toLowerCase());
        }
      }
      this.credentialKeys = map;
    }
    return this.credentialKeys;
  }

  private split(name: string, file: 'config' | 'credentials'): KeyView | undefined {
    const p = own(this.set.profiles, name) ? this.set.profiles[name] : undefined;
    if (!p) return undefined;
    const w = this.where(name);
    if (!w[file]) return undefined;
    const other = file === 'config' ? w.credentials : w.config;
    if (!other) return sectionView(p.properties);
    const inCredentials = this.credentialsKeys().get(name);
    if (!inCredentials) return sectionView(p.properties);
    const props = p.properties;
    const keep = (k: string) => own(props, k) && (file === 'credentials' ? inCredentials.has(k) : !inCredentials.has(k));
    return { has: keep, get: (k) => (keep(k) ? props[k] : undefined) };
  }

  credentialsSection(name: string): KeyView | undefined {
    return this.split(name, 'credentials');
  }

  configSection(name: string): KeyView | undefined {
    return this.split(name, 'config');
  }
}

/**
 * Profiles botocore lists that the profile set does not have (names the cross-SDK rules reject,
 * e.g. `[profile my profile]`), built from botocore's reading; none without one.
 */
export function botocoreOnlyProfiles(set: ProfileSet): Profile[] {
  if (!botocoreReadingOf(set)) return [];
  const view = botocoreView(set);
  return view
    .names()
    .filter((n) => !own(set.profiles, n))
    .map((name) => ({ name, properties: view.properties(name) ?? {}, subProperties: {}, locations: [] }));
}
