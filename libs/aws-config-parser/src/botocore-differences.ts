/**
 * botocore-differences: where botocore's reading of a file (see botocore.ts) and the cross-SDK
 * reading (the conformance vectors' rules, parse.ts + normalize.ts) give a profile, a key or a
 * value differently, as file:line:column warnings. A file botocore cannot read at all is a
 * `fatal` entry instead, not a difference.
 */
import type { BotocoreGroup, BotocoreIni, BotocoreValue, ReadAsBotocoreInput } from './botocore';
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

function isIdent(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 47 || c === 46 || c === 37 || c === 64 || c === 95 || c === 58 || c === 43;
}

/** `[profile NAME]` and the like in text[start, end) (between the brackets): whether both readings surely name it alike. */
function plainHeader(text: string, start: number, end: number, kind: FileKind): boolean {
  let s = start;
  if (kind === 'config') {
    for (const prefix of ['profile ', 'sso-session ', 'services ']) {
      if (text.startsWith(prefix, start)) {
        s = start + prefix.length;
        break;
      }
    }
  }
  if (s >= end) return false;
  for (let i = s; i < end; i++) if (!isIdent(text.charCodeAt(i))) return false;
  return !(s === start && end - start === 7 && text.startsWith('DEFAULT', start));
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
  const n = text.length;
  let defaults = 0;
  for (let i = 0; i < n; ) {
    let e = text.indexOf('\n', i);
    if (e === -1) e = n;
    const next = e + 1;
    if (e > i && text.charCodeAt(e - 1) === 13) e--;
    if (e > i) {
      const c0 = text.charCodeAt(i);
      for (let j = i; j < e; j++) {
        const c = text.charCodeAt(j);
        if (c < 32 || c > 126) return false;
      }
      if (c0 === 91) {
        if (text.charCodeAt(e - 1) !== 93 || !plainHeader(text, i + 1, e - 1, kind)) return false;
        if (kind === 'config' && (text.startsWith('[default]', i) || text.startsWith('[profile default]', i)) && e - i <= 17) defaults |= text.charCodeAt(i + 1) === 100 ? 1 : 2;
      } else if (c0 !== 35 && c0 !== 59) {
        let j = i;
        for (let c = text.charCodeAt(j); (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 45; c = text.charCodeAt(++j));
        if (j === i) return false;
        while (j < e && text.charCodeAt(j) === 32) j++;
        if (text.charCodeAt(j) !== 61) return false;
        for (j++; j < e; j++) {
          const c = text.charCodeAt(j);
          if ((c === 35 || c === 59) && text.charCodeAt(j - 1) === 32) return false;
        }
      }
    }
    i = next;
  }
  return defaults !== 3;
}

/** The differences between the two readings of each file botocore can read. */
export function botocoreDifferences(
  input: ReadAsBotocoreInput,
  configIni: BotocoreIni | undefined,
  configNames: Record<BotocoreGroup, Map<string, string>> | undefined,
  credentialsIni: BotocoreIni | undefined,
  /** Compare even a plain file (tests check the shortcut this way). */
  always = false,
): ParseDiagnostic[] {
  const out: ParseDiagnostic[] = [];
  const compare = (text: string, kind: FileKind) => always || !plainForBothReadings(text, kind);
  if (input.configText !== undefined && configIni !== undefined && configNames !== undefined && !configIni.fatal && compare(input.configText, 'config')) {
    compareFile(out, 'config', input.configText, input.configPath ?? 'config', configIni, configNames);
  }
  if (input.credentialsText !== undefined && credentialsIni !== undefined && !credentialsIni.fatal && compare(input.credentialsText, 'credentials')) {
    const profiles = new Map<string, string>();
    for (const header of credentialsIni.sections.keys()) profiles.set(header, header);
    const names = { profiles, ssoSessions: new Map<string, string>(), services: new Map<string, string>() };
    compareFile(out, 'credentials', input.credentialsText, input.credentialsPath ?? 'credentials', credentialsIni, names);
  }
  return out;
}
