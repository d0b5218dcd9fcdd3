/**
 * botocore-differences: where botocore's reading of a file (see botocore.ts) and the cross-SDK
 * reading (the conformance vectors' rules, parse.ts + normalize.ts) give a profile, a key or a
 * value differently, as file:line:column warnings. A file botocore cannot read at all is a
 * `fatal` entry instead, not a difference.
 */
import { botocoreProfileMap, readIniAsBotocore, type BotocoreGroup, type BotocoreIni, type BotocoreValue, type ReadAsBotocoreInput } from './botocore';
import { ProfileSetBuilder, type ProfileSet, type Section } from './normalize';
import { scanProfileText, type FileKind, type ParseDiagnostic } from './parse';

const SECRET_KEY = /secret|token|password|passwd|access_key|credential|private/i;

/** A value fit to print: values of secret-looking keys are never shown. */
export function shownValue(key: string, value: BotocoreValue | undefined): string {
  if (value === undefined) return '(absent)';
  if (SECRET_KEY.test(key)) return '(value hidden)';
  if (typeof value !== 'string') return JSON.stringify(value);
  return `'${value.replace(/\n/g, '\\n')}'`;
}

function crossRead(kind: FileKind, text: string, path: string): ProfileSet {
  const diagnostics: ParseDiagnostic[] = [];
  const builder = new ProfileSetBuilder(diagnostics);
  scanProfileText(text, path, builder.file(kind, path), { tolerant: true, diagnostics });
  return builder.finish();
}

const LABEL: Record<BotocoreGroup, string> = { profiles: 'profile', ssoSessions: 'sso-session', services: 'services section' };

function sameValue(b: BotocoreValue, section: Section, key: string): boolean {
  if (typeof b === 'string') return section.properties[key] === b;
  const c = section.subProperties[key];
  if (c === undefined) return false;
  const bk = Object.keys(b);
  const ck = Object.keys(c);
  return bk.length === ck.length && bk.every((k) => c[k] === b[k]);
}

function compareFile(
  out: ParseDiagnostic[],
  kind: FileKind,
  text: string,
  path: string,
  ini: BotocoreIni,
  names: Record<BotocoreGroup, Map<string, string>>,
): void {
  const cross = crossRead(kind, text, path);
  const warn = (line: number, column: number, message: string) => out.push({ file: path, line, column, severity: 'warning', message });
  const lines = text.split(/\r\n?|\n/);
  if (ini.defaultLine !== undefined) {
    warn(
      ini.defaultLine,
      1,
      "[DEFAULT] is Python configparser's default section: botocore copies its keys into every other section of this file; the cross-SDK reading does not",
    );
  }
  for (const group of ['profiles', 'ssoSessions', 'services'] as const) {
    const crossGroup = cross[group];
    const label = LABEL[group];
    for (const [name, header] of names[group]) {
      const pos = ini.sections.get(header)!;
      const values = pos.values;
      const c = crossGroup[name];
      if (c === undefined) {
        const why = /["'\\]/.test(header)
          ? 'the cross-SDK reading does not unquote names and ignores this section'
          : 'the cross-SDK reading ignores this section';
        warn(pos.line, pos.column, `[${header}] is ${label} '${name}' for botocore; ${why}`);
        continue;
      }
      for (const key of Object.keys(values)) {
        const b = values[key];
        if (sameValue(b, c, key)) continue;
        const own = pos.options.get(key);
        const op = own ?? ini.defaults.get(key)!;
        const fromDefault = own === undefined;
        const cv: BotocoreValue | undefined = typeof b === 'string' ? c.properties[key] : c.subProperties[key];
        let message: string;
        if (fromDefault) {
          message = `'${key}' in [${header}] comes from [DEFAULT] for botocore (${shownValue(key, b)}); the cross-SDK reading has ${cv === undefined ? 'no such key' : shownValue(key, cv)}`;
        } else if (cv === undefined && op.delimiter === ':') {
          message = `'${key} : ...' in [${header}]: botocore accepts ':' as the delimiter and reads ${key} = ${shownValue(key, b)}; the cross-SDK reading does not have ${key} (write '${key} = ...')`;
        } else if (typeof b === 'string' && typeof cv === 'string' && /\s[#;]/.test(b) && b.startsWith(cv)) {
          message =
            `botocore keeps the comment after the value: ${key} = ${shownValue(key, b)}` +
            (key === 'region' ? ' is not a region' : '') +
            ` (the cross-SDK reading: ${shownValue(key, cv)}); put the comment on a line of its own`;
        } else {
          message = `botocore reads ${key} = ${shownValue(key, b)} in [${header}]; the cross-SDK reading ${cv === undefined ? 'does not have it' : `reads ${shownValue(key, cv)}`}`;
        }
        warn(fromDefault ? pos.line : op.line, fromDefault ? pos.column : op.column, message);
      }
      for (const key of Object.keys(c.properties)) {
        if (Object.hasOwn(values, key)) continue;
        warn(pos.line, pos.column, `the cross-SDK reading has '${key}' in [${header}]; botocore does not`);
      }
    }
    const taken = new Set(names[group].keys());
    for (const name of Object.keys(crossGroup)) {
      if (taken.has(name)) continue;
      const at = crossGroup[name].locations.find((l) => l.file === path) ?? { line: 1, column: 1 };
      const raw = lines[at.line - 1] ?? '';
      const why = /^\s*\[\s/.test(raw)
        ? "botocore keeps the spaces inside the brackets, so the section's name does not start with the prefix"
        : 'botocore does not read this section as one';
      warn(at.line, at.column, `${label} '${name}' is read by the cross-SDK reading, not by botocore: ${why}`);
    }
  }
}

/**
 * Whether a file is written so plainly that botocore and the cross-SDK reading surely agree on it
 * (the common case, checked in one pass so that the comparison is skipped): only printable ASCII;
 * `\n` or `\r\n` line ends; nothing indented; comment lines starting with `#` / `;`; headers
 * `[name]` or (config) `[profile|sso-session|services name]` with valid names, no `[DEFAULT]`, not
 * both `[default]` and `[profile default]`; properties `key = value` with a lower-case key, `=`
 * before any `:`, and no `#` / `;` after a space or tab in the value. A file botocore refuses is
 * not compared either way.
 */
export function plainForBothReadings(text: string, kind: FileKind): boolean {
  // native regular expressions over the whole text: this runs on every discover, in a fresh process
  if (/[^\x20-\x7e\n\r]|\r(?!\n)|^ /m.test(text)) return false; // non-ASCII, a tab, a lone CR, an indented line
  if (/^(?![#;[]|[a-z0-9_-]+ *=|\r?$)/m.test(text)) return false; // a line that is no comment, header or 'key ='
  if (/^[^#;[][^=\n]*=[^\n]* [#;]/m.test(text)) return false; // '# c' / '; c' after a space in a value
  const header = kind === 'config' ? /^\[(?!(?:(?:profile|sso-session|services) )?[A-Za-z0-9\-/.%@_:+]+\]\r?$)/m : /^\[(?![A-Za-z0-9\-/.%@_:+]+\]\r?$)/m;
  if (header.test(text) || /^\[DEFAULT\]/m.test(text)) return false;
  return !(kind === 'config' && /^\[default\]\r?$/m.test(text) && /^\[profile default\]\r?$/m.test(text));
}

/** The differences between the two readings of each file botocore can read. */
export function botocoreDifferences(
  input: ReadAsBotocoreInput,
  configIni: BotocoreIni | undefined,
  credentialsIni: BotocoreIni | undefined,
  /** Compare even a plain file (tests check the shortcut this way). */
  always = false,
): ParseDiagnostic[] {
  const out: ParseDiagnostic[] = [];
  const compare = (text: string, kind: FileKind) => always || !plainForBothReadings(text, kind);
  if (input.configText !== undefined && configIni !== undefined && !configIni.fatal && compare(input.configText, 'config')) {
    // the comparison needs the positions: the full reading (the values one has none)
    const detailed = readIniAsBotocore(input.configText, input.configPath ?? 'config');
    compareFile(out, 'config', input.configText, input.configPath ?? 'config', detailed, botocoreProfileMap(detailed));
  }
  if (input.credentialsText !== undefined && credentialsIni !== undefined && !credentialsIni.fatal && compare(input.credentialsText, 'credentials')) {
    const detailed = readIniAsBotocore(input.credentialsText, input.credentialsPath ?? 'credentials');
    const profiles = new Map<string, string>();
    for (const header of detailed.sections.keys()) profiles.set(header, header);
    const names = { profiles, ssoSessions: new Map<string, string>(), services: new Map<string, string>() };
    compareFile(out, 'credentials', input.credentialsText, input.credentialsPath ?? 'credentials', detailed, names);
  }
  return out;
}
