import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TagsFileError } from './errors';
import { defaultTagsPath, emptyTags, parseTags, readTags, removeTag, setTag, tagOf, writeTags } from './tags-file';

const FILE = '/home/u/.aws-profile-tags.yaml';

const SAMPLE = [
  '# AWS profile -> environment',
  '# (kept by hand; do not reorder)',
  '',
  'prod-eu: prod   # payments, eu-west-1',
  'prod-us:   Production',
  "'@team/ops': shared-services",
  '"123456789012": prod',
  '',
  '# sandboxes',
  'sandbox-john: sandbox # john',
  'data-lake: analytics-prod-like',
  '',
].join('\n');

function tmpHome(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'prod-guard-tags-'));
}

function errorOf(fn: () => unknown): TagsFileError {
  try {
    fn();
  } catch (err) {
    if (err instanceof TagsFileError) return err;
    throw err;
  }
  throw new Error('expected a TagsFileError');
}

describe('parseTags', () => {
  it('a label that is also an Object.prototype name stays a plain custom label', () => {
    const tags = parseTags('a: constructor\nb: toString\n', FILE);
    expect({ ...tags.tags }).toEqual({ a: 'constructor', b: 'toString' });
  });

  it('reads a flat mapping, folds known spellings, keeps custom labels and positions', () => {
    const tags = parseTags(SAMPLE, FILE);
    expect({ ...tags.tags }).toEqual({
      'prod-eu': 'prod',
      'prod-us': 'prod',
      '@team/ops': 'shared-services',
      '123456789012': 'prod',
      'sandbox-john': 'sandbox',
      'data-lake': 'analytics-prod-like',
    });
    expect(tags.entries[1]).toEqual({ profile: 'prod-us', env: 'prod', known: true, raw: 'Production', line: 5, column: 1 });
    expect(tags.entries[5]).toMatchObject({ profile: 'data-lake', env: 'analytics-prod-like', known: false });
    expect(tags.text).toBe(SAMPLE);
  });

  it('treats an empty or comment-only file as no tags', () => {
    expect(parseTags('', FILE).entries).toEqual([]);
    expect(parseTags('# nothing yet\n\n', FILE).entries).toEqual([]);
    expect(parseTags('---\n', FILE).entries).toEqual([]);
  });

  it('reports bad YAML with file:line:column', () => {
    const err = errorOf(() => parseTags('prod-eu: prod\ndev: [dev\n', FILE));
    expect(err.code).toBe('TAGS_PARSE_ERROR');
    expect(err.message).toMatch(/^\/home\/u\/\.aws-profile-tags\.yaml:\d+:\d+: invalid YAML: /);
    expect(err.line).toBeGreaterThanOrEqual(2);
  });

  it('reports a duplicate profile with its line:column', () => {
    const err = errorOf(() => parseTags('a: prod\nb: dev\na: dev\n', FILE));
    expect(err.code).toBe('TAGS_PARSE_ERROR');
    expect(err.message).toBe(`${FILE}:3:1: invalid YAML: Map keys must be unique`);
  });

  it('reports a non-string tag value at the value', () => {
    const err = errorOf(() => parseTags('prod-eu: prod\nbilling: 42\n', FILE));
    expect(err.code).toBe('TAGS_INVALID');
    expect(err.message).toBe(
      `${FILE}:2:10: tag of "billing": expected a string (prod, staging, dev, sandbox, shared-services or a custom label), got a number (42)`,
    );
    expect([err.line, err.column]).toEqual([2, 10]);
  });

  it('reports every problem, the first in the message', () => {
    const err = errorOf(() => parseTags('a: true\nb:\nc: [prod]\nd: {env: prod}\n"bad name": dev\ne: "no spaces allowed"\n', FILE));
    expect(err.issues.map((i) => `${i.line}:${i.column} ${i.reason}`)).toEqual([
      '1:4 tag of "a": expected a string (prod, staging, dev, sandbox, shared-services or a custom label), got a boolean (true)',
      '2:3 tag of "b": expected a string (prod, staging, dev, sandbox, shared-services or a custom label), got an empty value (null)',
      '3:4 tag of "c": expected a string (prod, staging, dev, sandbox, shared-services or a custom label), got a list',
      '4:4 tag of "d": expected a string (prod, staging, dev, sandbox, shared-services or a custom label), got a mapping',
      '5:1 "bad name" is not a valid AWS profile name (letters, digits and - / . % @ _ : + only)',
      '6:4 tag of "e": a custom label uses only letters, digits, "-", "_", ".", "/" and ":" (at most 64 characters)',
    ]);
    expect(err.message).toMatch(/^\/home\/u\/\.aws-profile-tags\.yaml:1:4: .* \(and 5 more problems\)$/);
  });

  it('refuses a second YAML document with its position', () => {
    const err = errorOf(() => parseTags('a: prod\n---\nb: dev\n', FILE));
    expect(err.message).toBe(`${FILE}:2:1: invalid YAML: the tags file holds one document (found a second \`---\`)`);
  });

  it('refuses a document that is not a mapping', () => {
    const err = errorOf(() => parseTags('- prod-eu\n- dev\n', FILE));
    expect(err.message).toBe(`${FILE}:1:1: expected a mapping of profile names to environments (\`my-profile: prod\`), got a list`);
    expect(errorOf(() => parseTags('just text\n', FILE)).code).toBe('TAGS_INVALID');
  });

  it('keeps account-number profile names as written (no number conversion)', () => {
    expect(Object.keys(parseTags('0123: dev\n0x1F: prod\n', FILE).tags)).toEqual(['0123', '0x1F']);
  });
});

describe('setTag / removeTag: every untouched byte stays', () => {
  const base = parseTags(SAMPLE, FILE);

  it('changes only the value of an existing entry (comments kept)', () => {
    const next = setTag(base, 'prod-eu', 'staging');
    expect(next.text).toBe(SAMPLE.replace('prod-eu: prod   #', 'prod-eu: staging   #'));
    expect(next.tags['prod-eu']).toBe('staging');
    const before = SAMPLE.split('\n');
    const after = next.text.split('\n');
    expect(after.filter((l, i) => l !== before[i])).toEqual(['prod-eu: staging   # payments, eu-west-1']);
  });

  it('appends a new entry as one line at the end, quoting names YAML needs quoted', () => {
    const next = setTag(setTag(base, 'new-dev', 'development'), '@ci/bot', 'dev');
    expect(next.text).toBe(`${SAMPLE}new-dev: dev\n"@ci/bot": dev\n`);
    expect(next.tags['@ci/bot']).toBe('dev');
  });

  it('adds a newline first when the file does not end with one, and keeps CRLF files CRLF', () => {
    expect(setTag(parseTags('a: prod', FILE), 'b', 'dev').text).toBe('a: prod\nb: dev\n');
    expect(setTag(parseTags('# x\r\na: prod\r\n', FILE), 'b', 'dev').text).toBe('# x\r\na: prod\r\nb: dev\r\n');
  });

  it('starts an empty file', () => {
    const next = setTag(emptyTags(FILE), 'prod-eu', 'prod');
    expect(next.text).toBe('prod-eu: prod\n');
    expect(next.exists).toBe(false);
  });

  it('is idempotent', () => {
    expect(setTag(base, 'sandbox-john', 'sandbox')).toBe(base);
    const once = setTag(base, 'x', 'dev');
    expect(setTag(once, 'x', 'dev').text).toBe(once.text);
    expect(removeTag(base, 'not-there')).toBe(base);
  });

  it('removes exactly the entry lines', () => {
    const next = removeTag(base, 'sandbox-john');
    expect(next.text).toBe(SAMPLE.replace('sandbox-john: sandbox # john\n', ''));
    expect(tagOf(next, 'sandbox-john')).toBeUndefined();
    const last = removeTag(parseTags('a: prod\nb: dev', FILE), 'b');
    expect(last.text).toBe('a: prod\n');
  });

  it('replaces quoted, anchored, tagged and block values in place', () => {
    const text = 'a: "prod" # q\nb: &x dev\nc: !!str live\nd: |\n  prod\nz: dev\n';
    const tags = parseTags(text, FILE);
    expect(setTag(tags, 'a', 'dev').text).toBe(text.replace('"prod"', 'dev'));
    expect(setTag(tags, 'b', 'staging').text).toBe(text.replace('&x dev', '&x staging'));
    expect(setTag(tags, 'c', 'dev').text).toBe(text.replace('!!str live', '!!str dev'));
    expect(setTag(tags, 'd', 'dev').text).toBe(text.replace('|\n  prod\n', 'dev\n'));
  });

  it('keeps the indentation of an indented mapping', () => {
    expect(setTag(parseTags('  a: prod\n', FILE), 'b', 'dev').text).toBe('  a: prod\n  b: dev\n');
    expect(removeTag(parseTags('  a: prod\n  b: dev # x\n', FILE), 'b').text).toBe('  a: prod\n');
  });

  it('falls back to the Document API when a splice would not parse (document end marker)', () => {
    const next = setTag(parseTags('a: prod\n...\n', FILE), 'b', 'dev');
    expect({ ...next.tags }).toEqual({ a: 'prod', b: 'dev' });
  });

  it('falls back to the Document API for flow mappings, still keeping the other tags', () => {
    const flow = parseTags('# flow style\n{a: prod, b: dev}\n', FILE);
    const added = setTag(flow, 'c', 'sandbox');
    expect({ ...added.tags }).toEqual({ a: 'prod', b: 'dev', c: 'sandbox' });
    expect(added.text).toContain('# flow style');
    const removed = removeTag(flow, 'a');
    expect({ ...removed.tags }).toEqual({ b: 'dev' });
  });

  it('refuses invalid names and values', () => {
    expect(errorOf(() => setTag(base, 'has space', 'dev')).code).toBe('TAGS_EDIT_ERROR');
    const err = errorOf(() => setTag(base, 'ok', 'not ok'));
    expect(err.code).toBe('TAGS_EDIT_ERROR');
    expect(err.message).toMatch(/^\/home\/u\/\.aws-profile-tags\.yaml: tag of "ok": a custom label/);
  });

  it('round-trips: parse -> set -> remove gives the original text back', () => {
    const round = removeTag(setTag(base, 'tmp-profile', 'dev'), 'tmp-profile');
    expect(round.text).toBe(SAMPLE);
  });
});

describe('readTags / writeTags', () => {
  it('a missing file is empty tags, not an error', () => {
    const home = tmpHome();
    const tags = readTags(path.join(home, '.aws-profile-tags.yaml'));
    expect(tags.exists).toBe(false);
    expect(tags.entries).toEqual([]);
  });

  it('an unreadable path is a TAGS_READ_ERROR', () => {
    const home = tmpHome();
    expect(errorOf(() => readTags(home)).code).toBe('TAGS_READ_ERROR');
  });

  it('defaultTagsPath uses HOME', () => {
    expect(defaultTagsPath({ HOME: '/home/x' })).toBe('/home/x/.aws-profile-tags.yaml');
  });

  it('writes atomically, keeps the mode, keeps a backup outside the folder, writes nothing when unchanged', () => {
    const home = tmpHome();
    const file = path.join(home, '.aws-profile-tags.yaml');
    const backupDir = path.join(home, '.local/state/awsmcp/backups');
    fs.writeFileSync(file, SAMPLE, { mode: 0o640 });
    fs.chmodSync(file, 0o640);
    const next = setTag(readTags(file), 'new-one', 'dev');
    const result = writeTags(next, { backupDir });
    expect(result).toMatchObject({ file, target: file, written: true, backup: expect.stringContaining(backupDir) });
    expect(fs.readFileSync(file, 'utf8')).toBe(`${SAMPLE}new-one: dev\n`);
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    expect(fs.readFileSync(result.backup!, 'utf8')).toBe(SAMPLE);
    expect(fs.statSync(result.backup!).mode & 0o777).toBe(0o600);
    expect(writeTags(readTags(file), { backupDir }).written).toBe(false);
    expect(fs.readdirSync(home).sort()).toEqual(['.aws-profile-tags.yaml', '.local']);
  });

  it('never removes a lock a live writer holds, however old (one stale-lock rule with every other writer)', () => {
    const home = tmpHome();
    const file = path.join(home, '.aws-profile-tags.yaml');
    fs.writeFileSync(`${file}.lock`, `${process.pid} ${require('node:os').hostname()} live-holder - 2026-01-01T00:00:00Z\n`);
    const old = new Date(Date.now() - 3600_000);
    fs.utimesSync(`${file}.lock`, old, old);
    const err = errorOf(() => writeTags(setTag(emptyTags(file), 'a', 'prod'), { lockTimeoutMs: 100, backup: false }));
    expect(err.code).toBe('TAGS_WRITE_ERROR');
    expect(fs.readFileSync(`${file}.lock`, 'utf8')).toContain('live-holder');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('creates a new file with mode 0600 and no backup', () => {
    const home = tmpHome();
    const file = path.join(home, '.aws-profile-tags.yaml');
    const result = writeTags(setTag(readTags(file), 'prod-eu', 'prod'), { backupDir: path.join(home, 'backups') });
    expect(result.backup).toBeUndefined();
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(readTags(file).tags['prod-eu']).toBe('prod');
  });

  it('follows a symlink: the target changes, the link stays', () => {
    const home = tmpHome();
    const dotfiles = path.join(home, 'dotfiles');
    fs.mkdirSync(dotfiles);
    const target = path.join(dotfiles, 'aws-profile-tags.yaml');
    fs.writeFileSync(target, 'a: prod\n');
    const link = path.join(home, '.aws-profile-tags.yaml');
    fs.symlinkSync('dotfiles/aws-profile-tags.yaml', link);
    const result = writeTags(setTag(readTags(link), 'b', 'dev'), { backupDir: path.join(home, 'backups') });
    expect(result.target).toBe(target);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe('a: prod\nb: dev\n');
  });

  it('waits for, then reports, another writer holding the lock', () => {
    const home = tmpHome();
    const file = path.join(home, '.aws-profile-tags.yaml');
    fs.writeFileSync(`${file}.lock`, '999999');
    const err = errorOf(() => writeTags(setTag(emptyTags(file), 'a', 'prod'), { lockTimeoutMs: 50 }));
    expect(err.code).toBe('TAGS_WRITE_ERROR');
    expect(err.message).toContain('another process is writing the tags file');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('writes to another file when asked', () => {
    const home = tmpHome();
    const other = path.join(home, 'sub', 'tags.yaml');
    writeTags(parseTags('a: prod\n', path.join(home, 'x.yaml')), { file: other, backupDir: path.join(home, 'backups') });
    expect(fs.readFileSync(other, 'utf8')).toBe('a: prod\n');
  });
});
