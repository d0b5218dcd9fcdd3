/**
 * edit: change one property or add one stanza in a profile file, re-emitting every untouched byte
 * unchanged (comments, blank lines, CRLF, indentation, order, a missing final newline, a BOM).
 *
 * The document is a list of lines with their own line endings; each edit re-reads the section
 * layout with the same parser the SDK rules use, so what is edited is exactly what an SDK sees.
 */
import { ProfileEditError } from './errors';
import { isValidIdentifier } from './normalize';
import { parsePropertyLine, parseRaw, type FileKind, type RawSection } from './parse';

interface Line {
  text: string;
  eol: string;
}

export type SectionType = 'profile' | 'sso-session' | 'services';

export interface EditOptions {
  /** `config` (default) writes `[profile x]`; `credentials` writes `[x]`. */
  kind?: FileKind;
}

export interface ProfileFileDocument {
  /** Set `key` in profile `profile` (or in an sso-session / services section). Returns true when the text changed. */
  set(profile: string, key: string, value: string, type?: SectionType): boolean;
  /** Remove every definition of `key` in the profile. Returns true when the text changed. */
  remove(profile: string, key: string, type?: SectionType): boolean;
  /** Append a new stanza. Throws when the section already exists. */
  addProfile(name: string, properties?: Record<string, string>, type?: SectionType): void;
  /** Remove every section of the profile, with its properties. Returns true when the text changed. */
  removeProfile(name: string, type?: SectionType): boolean;
  /** Whether the section exists. */
  has(name: string, type?: SectionType): boolean;
  toString(): string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    if (nl === -1) {
      lines.push({ text: text.slice(pos), eol: '' });
      break;
    }
    const crlf = nl > pos && text.charCodeAt(nl - 1) === 13;
    lines.push({ text: text.slice(pos, crlf ? nl - 1 : nl), eol: crlf ? '\r\n' : '\n' });
    pos = nl + 1;
  }
  return lines;
}

function headerFor(kind: FileKind, type: SectionType, name: string): string {
  if (type === 'profile') return kind === 'credentials' ? `[${name}]` : name === 'default' ? '[default]' : `[profile ${name}]`;
  return `[${type} ${name}]`;
}

function assertName(name: string, what: string): void {
  if (!isValidIdentifier(name)) {
    throw new ProfileEditError(`'${name}' is not a valid ${what} name: use letters, digits and - / . % @ _ : + only`);
  }
}

function assertValue(value: string): void {
  if (/[\r\n]/.test(value)) throw new ProfileEditError('a property value cannot contain a line break');
  if (value !== value.trim()) throw new ProfileEditError('a property value cannot start or end with whitespace (the SDKs trim it)');
}

/** Open a profile file's text for lossless editing. */
export function editProfileFile(text: string, options: EditOptions = {}): ProfileFileDocument {
  const kind: FileKind = options.kind ?? 'config';
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const lines = splitLines(bom ? text.slice(1) : text);
  const eol = lines.some((l) => l.eol === '\r\n') ? '\r\n' : '\n';

  const layout = (): RawSection[] =>
    parseRaw(lines.map((l) => l.text).join('\n'), kind, 'edit', { tolerant: true, diagnostics: [] }).sections;

  /** The sections that make up `name` as the SDKs read it (line numbers are 1-based). */
  const sectionsOf = (name: string, type: SectionType, all: RawSection[] = layout()): RawSection[] => {
    const matches = (s: RawSection, prefixed: boolean): boolean => {
      const h = s.header;
      if (kind === 'credentials') return type === 'profile' && h === name;
      if (type === 'profile' && name === 'default' && !prefixed) return h === 'default';
      const m = /^(profile|sso-session|services)[ \t]+(.*)$/.exec(h);
      return !!m && m[1] === type && m[2].trim() === name;
    };
    const prefixed = all.filter((s) => matches(s, true));
    if (kind === 'config' && type === 'profile' && name === 'default') {
      return prefixed.length > 0 ? prefixed : all.filter((s) => matches(s, false));
    }
    return prefixed;
  };

  /** The end line (1-based, inclusive) of a section's content: its last property line or header. */
  const sectionEnd = (s: RawSection): number => {
    const last = s.properties[s.properties.length - 1];
    return last ? last.endLine : s.line;
  };

  const ensureFinalNewline = (): void => {
    const last = lines[lines.length - 1];
    if (last && last.eol === '') last.eol = eol;
  };

  const doc: ProfileFileDocument = {
    set(profile, key, value, type = 'profile') {
      assertName(profile, type);
      const lowered = key.toLowerCase();
      assertName(lowered, 'property');
      assertValue(value);
      const sections = sectionsOf(profile, type);
      if (sections.length === 0) {
        doc.addProfile(profile, { [key]: value }, type);
        return true;
      }
      // the effective (last) definition
      for (let i = sections.length - 1; i >= 0; i--) {
        const props = sections[i].properties;
        for (let j = props.length - 1; j >= 0; j--) {
          const p = props[j];
          if (p.key !== lowered) continue;
          const line = lines[p.line - 1];
          const parsed = parsePropertyLine(line.text, 0, line.text.length);
          if (!parsed.ok) continue;
          // `name =` with an empty value: keep the file's `key = value` spacing
          const before = line.text.slice(0, parsed.valueStart);
          const insert = parsed.valueStart === parsed.valueEnd && value !== '' && /[ \t]=$/.test(before) ? ' ' + value : value;
          const next = before + insert + line.text.slice(parsed.valueEnd);
          const continuation = p.endLine - p.line;
          if (next === line.text && continuation === 0) return false;
          line.text = next;
          if (continuation > 0) lines.splice(p.line, continuation);
          return true;
        }
      }
      // not defined yet: add after the last property of the last section, in the file's style
      const target = sections[sections.length - 1];
      const end = sectionEnd(target);
      const sample = target.properties[target.properties.length - 1];
      const compact = sample ? !/[ \t]=/.test(lines[sample.line - 1].text) : false;
      const prev = lines[end - 1];
      // the new line takes the previous line's ending ('' keeps a file without final newline so)
      const newLine: Line = { text: compact ? `${key}=${value}` : `${key} = ${value}`, eol: prev.eol };
      if (prev.eol === '') prev.eol = eol;
      lines.splice(end, 0, newLine);
      return true;
    },

    remove(profile, key, type = 'profile') {
      const lowered = key.toLowerCase();
      const doomed: Array<[number, number]> = [];
      for (const s of sectionsOf(profile, type)) {
        for (const p of s.properties) if (p.key === lowered) doomed.push([p.line - 1, p.endLine - p.line + 1]);
      }
      for (const [start, count] of doomed.sort((a, b) => b[0] - a[0])) lines.splice(start, count);
      return doomed.length > 0;
    },

    addProfile(name, properties = {}, type = 'profile') {
      assertName(name, type);
      if (kind === 'credentials' && type !== 'profile') throw new ProfileEditError(`the credentials file holds profiles only, not ${type} sections`);
      if (sectionsOf(name, type).length > 0) throw new ProfileEditError(`${type} '${name}' already exists`);
      const body: Line[] = [{ text: headerFor(kind, type, name), eol }];
      for (const [k, v] of Object.entries(properties)) {
        assertName(k.toLowerCase(), 'property');
        assertValue(v);
        body.push({ text: `${k} = ${v}`, eol });
      }
      ensureFinalNewline();
      const last = lines[lines.length - 1];
      if (last && last.text.trim() !== '') lines.push({ text: '', eol });
      lines.push(...body);
    },

    removeProfile(name, type = 'profile') {
      const all = layout();
      const sections = sectionsOf(name, type, all);
      const ranges: Array<[number, number]> = sections.map((s) => {
        const idx = all.indexOf(s);
        const nextHeader = all[idx + 1]?.line ?? lines.length + 1;
        // the section runs up to its last property; trailing blank lines and comments stay with the next one
        let end = sectionEnd(s);
        while (end + 1 < nextHeader && lines[end]?.text.trim() === '') end++;
        return [s.line - 1, end - s.line + 1];
      });
      for (const [start, count] of ranges.sort((a, b) => b[0] - a[0])) lines.splice(start, count);
      return ranges.length > 0;
    },

    has(name, type = 'profile') {
      return sectionsOf(name, type).length > 0;
    },

    toString() {
      let out = bom;
      for (const l of lines) out += l.text + l.eol;
      return out;
    },
  };
  return doc;
}
