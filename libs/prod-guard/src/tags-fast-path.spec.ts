import fc from 'fast-check';
import { stringify } from 'yaml';
import { z } from 'zod';
import { TagsFileError } from './errors';
import { EnvironmentSchema, HostScopeSchema, McpServerSchema, parseTagValue, TagValueSchema, TAG_ALIASES } from './schema';
import { parseFlatTags, parseTags, parseTagsWithYaml, yamlScalar } from './tags-file';

type Outcome = { ok: true; value: unknown } | { ok: false; message: string; issues: unknown };

function outcome(fn: () => unknown): Outcome {
  try {
    return { ok: true, value: fn() };
  } catch (err) {
    if (!(err instanceof TagsFileError)) throw err;
    return { ok: false, message: err.message, issues: err.issues };
  }
}

const identChars = 'abcXYZ019-/.%@_:+';
const plainIdent = fc.string({ unit: fc.constantFrom(...identChars.split('')), minLength: 1, maxLength: 12 });
const key = fc.oneof(
  plainIdent,
  fc.constantFrom('prod-eu', 'team-1-dev', '123456789012', '123456789012-admin', 'a:b', 'a:', '_x', 'x@y', '1', '01', '+1', '-1', '0x1F', '0o17', '1e3', '1.5', '.5', '.inf', '-.Inf', '.nan', 'null', 'Null', 'NULL', '~', 'true', 'False', 'yes', 'on', 'constructor', '__proto__', 'toString'),
  plainIdent.map((k) => `'${k}'`),
  plainIdent.map((k) => `"${k}"`),
  fc.constantFrom("'a b'", '"a\\tb"', "'it''s'", '? a', '- a', '[a]', '{a: b}', '&x a', '*x', '!!str a', 'é', 'a b', 'a\tb', 'x'.repeat(1100)),
);
const value = fc.oneof(
  fc.constantFrom(...Object.keys(TAG_ALIASES)),
  fc.constantFrom('Prod', 'PRODUCTION', 'Live', 'UAT', 'Shared-Services', 'analytics-prod-like', 'team/a:b', 'a.b_c-d', 'x'.repeat(64), 'x'.repeat(65)),
  fc.string({ unit: fc.constantFrom(...'abcPRD019._/:-'.split('')), minLength: 1, maxLength: 10 }),
  fc.constantFrom('1', '2024', '1e3', '0x10', '.inf', 'true', 'False', 'null', '~', 'yes', 'constructor', 'toString', 'prod:', 'a:b:', '-', '-x', '_x', '.x'),
  fc.constantFrom("'prod'", '"staging"', "'  dev '", '""', "''", '"a b"', "'x y'", '"pro\\u0064"', "'it''s'", '|\n  prod', '>-\n  prod', '[prod]', '{a: b}', '&x prod', '*x', '!!str prod', '!!int 1', 'prod #c', 'prod#c', 'pr od', 'é'),
);
const comment = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'ab #:-"\'{}[]&*!|>%@`'.split('')), maxLength: 20 }).map((c) => `#${c}`),
  fc.constantFrom('# detected: name token "prod" means prod; role Admin can write (admin)', '#', '#é', '# a\tb'),
);
const entry = fc
  .tuple(key, fc.constantFrom(': ', ':  ', ':', ': \t', ':\t'), value, fc.option(fc.tuple(fc.constantFrom(' ', '  ', '\t', ''), comment)), fc.constantFrom('', ' ', '  '))
  .map(([k, sep, v, c, trail]) => `${k}${sep}${v}${c ? c[0] + c[1] : ''}${trail}`);
const line = fc.oneof(
  { weight: 6, arbitrary: entry },
  { weight: 2, arbitrary: comment },
  { weight: 1, arbitrary: comment.map((c) => `  ${c}`) },
  { weight: 2, arbitrary: fc.constantFrom('', '   ') },
  { weight: 1, arbitrary: entry.map((e) => `  ${e}`) },
  { weight: 1, arbitrary: fc.constantFrom('---', '...', '%YAML 1.2', '- a', 'a', '\t', 'a: b: c', '  more', '\ufeff') },
);
const eol = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');
const file = (lines: fc.Arbitrary<string>, eols: fc.Arbitrary<string>, maxLength: number) =>
  fc
    .tuple(fc.array(fc.tuple(lines, eols), { maxLength, size: 'max' }), fc.boolean())
    .map(([ls, last]) => ls.map(([l, e], i) => (i === ls.length - 1 && !last ? l : l + e)).join(''));
// mostly the documented format (so that long files reach the fast path), and anything nearby
const cleanKey = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}$/) },
  { weight: 1, arbitrary: plainIdent.map((k) => `'${k}'`) },
  { weight: 1, arbitrary: fc.constantFrom('123456789012', '"123456789012"', 'a:b', "'@x'", 'x@y.z', '_a+b%c') },
);
const cleanValue = fc.oneof(fc.constantFrom(...Object.keys(TAG_ALIASES)), fc.constantFrom('Prod', 'UAT', 'custom-1', 'a/b:c', "'dev'", '"Production"'));
const cleanLine = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(cleanKey, fc.constantFrom(': ', ':   '), cleanValue, fc.constantFrom('', '  # c', ' #x: y', '   ')).map(([k, sep, v, c]) => `${k}${sep}${v}${c}`) },
  { weight: 2, arbitrary: comment },
  { weight: 1, arbitrary: fc.constantFrom('', '  ', '  # indented') },
);
const flatFile = fc.oneof(file(line, eol, 12), file(cleanLine, fc.constantFrom('\n', '\n', '\r\n'), 40));

describe('tags file: the flat fast path gives exactly the yaml path result', () => {
  it('on generated flat (and nearly flat) files: same tags, entries, positions and errors', () => {
    let fast = 0;
    let runs = 0;
    let long = 0;
    fc.assert(
      fc.property(flatFile, (text) => {
        runs++;
        const viaYaml = outcome(() => parseTagsWithYaml(text, 'f.yaml'));
        const flat = parseFlatTags(text, 'f.yaml');
        if (flat !== undefined) {
          fast++;
          if (flat.entries.some((e) => e.line > 10)) long++;
          expect(viaYaml).toStrictEqual({ ok: true, value: flat });
        }
        expect(outcome(() => parseTags(text, 'f.yaml'))).toStrictEqual(viaYaml);
      }),
      { numRuns: 3000 },
    );
    // the generator must exercise the fast path, not only the fallback
    expect(fast).toBeGreaterThan(runs / 10);
    expect(long).toBeGreaterThan(runs / 100);
  });

  it('reads the documented examples on the fast path', () => {
    const text = [
      '# AWS profile -> environment',
      '',
      'prod-eu: prod   # payments, eu-west-1',
      'prod-us:   Production',
      "'@team/ops': shared-services",
      '"123456789012": prod',
      '123456789012-admin: staging',
      'data-lake: analytics-prod-like',
      '# team-tools: unknown  # detected: no environment word in the name',
      '',
    ].join('\r\n');
    const flat = parseFlatTags(text, 'f.yaml');
    expect(flat).toBeDefined();
    expect(flat).toStrictEqual(parseTagsWithYaml(text, 'f.yaml'));
  });

  it('leaves anything else to the yaml path', () => {
    for (const text of ['a:\n  b: prod\n', '{a: prod}\n', 'a: prod\n  more\n', '---\na: prod\n', 'a: 1\n', 'a: prod\na: dev\n', "a: prod\n'a': dev\n", 'null: prod\n', 'a: "pro\\u0064"\n', 'é: prod\n']) {
      expect(parseFlatTags(text, 'f.yaml')).toBeUndefined();
    }
  });
});

describe('parseTagValue', () => {
  it('agrees with TagValueSchema on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 70 }), fc.constantFrom(...Object.keys(TAG_ALIASES)).map((a) => ` ${a.toUpperCase()}\t`), fc.constantFrom('constructor', 'x'.repeat(64), 'x'.repeat(65), ' \n ')), (s) => {
        const mine = parseTagValue(s);
        const theirs = TagValueSchema.safeParse(s);
        expect(mine.success).toBe(theirs.success);
        if (mine.success && theirs.success) expect(mine.data).toBe(theirs.data);
        if (!mine.success && !theirs.success) expect(mine.message).toBe(theirs.error.issues[0].message);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('yamlScalar', () => {
  it('writes what the yaml package writes', () => {
    const name = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'abZ09-/.%@_:+# \'"'.split('')), minLength: 1, maxLength: 12 }),
      fc.constantFrom('1', '0x1F', '1e3', '.inf', 'null', '~', 'True', 'yes', 'a:', ':a', '-a', '@a', '%a', 'prod-eu', 'shared-services'),
    );
    fc.assert(
      fc.property(name, (s) => {
        expect(yamlScalar(s)).toBe(stringify(s, { lineWidth: 0 }).replace(/\r?\n$/, ''));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('schemas built on first use', () => {
  it('behave as the zod schemas they stand for', () => {
    expect(EnvironmentSchema.parse('prod')).toBe('prod');
    expect(EnvironmentSchema.options).toEqual(['prod', 'staging', 'dev', 'sandbox', 'shared-services']);
    expect(EnvironmentSchema instanceof z.ZodEnum).toBe(true);
    expect(HostScopeSchema.safeParse('global').success).toBe(false);
    expect(McpServerSchema.parse({ name: 'eks', scope: 'user', extra: 1 })).toEqual({ name: 'eks', scope: 'user', extra: 1 });
    expect(McpServerSchema.safeParse({ name: 'eks', scope: 'global' }).success).toBe(false);
    const composed = z.object({ env: EnvironmentSchema, tag: TagValueSchema });
    expect(composed.parse({ env: 'dev', tag: ' Production ' })).toEqual({ env: 'dev', tag: 'prod' });
    expect(Object.keys(z.toJSONSchema(EnvironmentSchema))).toContain('enum');
  });
});
