import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { loadProfiles, parseProfileFiles, readAsBotocore, shlexSplit } from './index';
import { readIniAsBotocore, readIniValuesAsBotocore } from './botocore';
import { botocoreDifferences, plainForBothReadings } from './botocore-differences';

const CFG = path.join(__dirname, '__fixtures__', 'botocore-cfg');
const fixture = (name: string) => fs.readFileSync(path.join(CFG, name), 'utf8');
const config = (text: string) => readAsBotocore({ configText: text, configPath: '/h/.aws/config' });

describe("botocore's own tests/unit/test_configloader.py (boto/botocore, inputs in __fixtures__/botocore-cfg)", () => {
  it('test_config: sections keep their headers, [profile "personal"] included', () => {
    const r = config(fixture('aws_config'));
    expect(Object.keys(r.config).sort()).toEqual(['default', 'personal']);
  });

  it('test_profile_map_conversion', () => {
    expect(Object.keys(config(fixture('aws_config')).config).sort()).toEqual(['default', 'personal']);
  });

  it("test_bad_profiles_are_ignored: three words, an open quote are dropped; 'my profile' is kept", () => {
    const r = config(fixture('aws_bad_profile'));
    expect(Object.keys(r.config).sort()).toEqual(['default', 'my profile', 'personal1']);
  });

  it('test_nested_hierarchy_parsing', () => {
    const d = config(fixture('aws_config_nested')).config.default;
    expect(d.aws_access_key_id).toBe('foo');
    expect(d.region).toBe('us-west-2');
    expect(d.s3).toEqual({ signature_version: 's3v4', addressing_style: 'path' });
    expect(d.cloudwatch).toEqual({ signature_version: 'v4' });
  });

  it('test_config_parse_error: a key before the first section', () => {
    const r = config(fixture('aws_config_bad'));
    expect(r.fatal).toEqual([
      expect.objectContaining({ file: '/h/.aws/config', line: 1, column: 1, exception: 'MissingSectionHeaderError', raised: 'ConfigParseError' }),
    ]);
    expect(r.fatal[0].message).toMatch(/ConfigParseError.*MissingSectionHeaderError/s);
    expect(r.config).toEqual({});
  });

  it('test_nested_bad_config: a nested line without =', () => {
    const r = config(fixture('aws_config_nested_bad'));
    expect(r.fatal).toEqual([expect.objectContaining({ line: 5, column: 5, exception: 'ConfigParseError' })]);
    expect(r.fatal[0].message).toContain('ValueError');
  });

  it('test_multi_file_load: later files win (profiles read one file at a time)', () => {
    const other = config(fixture('aws_config_other')).config;
    expect(other.default.aws_access_key_id).toBe('other_foo');
    expect(config(fixture('aws_third_config')).config.third).toEqual({
      aws_access_key_id: 'third_fie',
      aws_secret_access_key: 'third_baz',
      aws_security_token: 'third_fiebaz',
    });
  });

  it('test_sso_session_config', () => {
    const r = config(fixture('aws_sso_session_config'));
    expect(r.config.default).toEqual({ sso_session: 'sso' });
    expect(r.ssoSessions.sso).toEqual({ sso_start_url: 'https://example.com', sso_region: 'us-east-1' });
  });

  it('test_services_config', () => {
    const r = config(fixture('aws_services_config'));
    expect(r.services['my-services'].s3).toEqual({ endpoint_url: 'https://localhost:5678/' });
    expect(r.services['my-services'].dynamodb).toEqual({ endpoint_url: 'https://localhost:8888/' });
  });
});

describe('what issue 12 names', () => {
  it('a duplicate section is fatal at its header, with both exception names', () => {
    const r = config('[profile a]\nregion = x\n\n  [profile b]\n[profile a]\n');
    expect(r.fatal).toHaveLength(1);
    expect(r.fatal[0]).toMatchObject({ line: 5, column: 1, exception: 'DuplicateSectionError' });
    expect(r.fatal[0].message).toContain("section 'profile a' already exists");
    expect(r.fatal[0].message).toContain('every Python MCP server on this machine fails to start');
  });

  it('an indented header under a value is part of the value (configparser continuation)', () => {
    expect(config('[profile a]\nregion = x\n\n  [profile b]\n').config).toEqual({ a: { region: 'x\n\n[profile b]' } });
  });

  it('a duplicate key (any case) is fatal at the second one', () => {
    const r = config('[default]\nregion = x\nRegion = y\n');
    expect(r.fatal[0]).toMatchObject({ line: 3, column: 1, exception: 'DuplicateOptionError' });
  });

  it('the credentials file is read on its own, and its errors are fatal too', () => {
    const r = readAsBotocore({ configText: '[default]\nregion=x\n', credentialsText: 'aws_access_key_id = A\n[default]\n', credentialsPath: '/h/.aws/credentials' });
    expect(r.fatal).toEqual([expect.objectContaining({ file: '/h/.aws/credentials', line: 1, exception: 'MissingSectionHeaderError' })]);
    expect(r.config.default).toEqual({ region: 'x' });
  });

  it("keeps an inline '# comment' in the value and says region is not a region", () => {
    const r = config('[profile prod]\nregion = eu-west-1 # prod\n');
    expect(r.config.prod.region).toBe('eu-west-1 # prod');
    expect(r.differences).toEqual([
      expect.objectContaining({ file: '/h/.aws/config', line: 2, column: 1, severity: 'warning', message: expect.stringContaining('is not a region') }),
    ]);
  });

  it("reads 'key : value' and reports the difference", () => {
    const r = config('[profile a]\nregion : eu-west-1\n');
    expect(r.config.a).toEqual({ region: 'eu-west-1' });
    expect(r.differences[0].message).toContain("botocore accepts ':'");
  });

  it('reads an indented config (a CI heredoc) like the JS SDK does', () => {
    const text = '  [default]\n  region = eu-west-1\n  output = json\n  [profile ci]\n  role_arn = arn:aws:iam::123456789012:role/ci\n  source_profile = default\n';
    const r = config(text);
    expect(r.fatal).toEqual([]);
    expect(r.config).toEqual({
      default: { region: 'eu-west-1', output: 'json' },
      ci: { role_arn: 'arn:aws:iam::123456789012:role/ci', source_profile: 'default' },
    });
  });

  it('reads [profile "name"] as name', () => {
    const r = config('[profile "my profile"]\nregion = x\n[profile "dev"]\nregion = y\n');
    expect(Object.keys(r.config)).toEqual(['my profile', 'dev']);
    expect(r.differences.some((d) => d.line === 1 && /does not unquote/.test(d.message))).toBe(true);
  });

  it('never shows a secret value in a difference', () => {
    const r = readAsBotocore({ credentialsText: '[default]\naws_secret_access_key = CANARYsecret1234 # rotated\n' });
    expect(r.differences).toHaveLength(1);
    expect(JSON.stringify(r)).not.toMatch(/CANARYsecret1234 # rotated'/);
    expect(r.differences[0].message).not.toContain('CANARY');
  });

  it('never shows the text of a line botocore refuses (it may be a key)', () => {
    const secret = 'CANARYsecret1234';
    for (const text of [`aws_secret_access_key = ${secret}\n[default]\n`, `[default]\naws_secret_access_key ${secret}\n`, `[default]\ns3 =\n  ${secret}\n`]) {
      const r = readAsBotocore({ credentialsText: text });
      expect(r.fatal).toHaveLength(1);
      expect(JSON.stringify(r)).not.toContain(secret);
    }
  });

  it('[DEFAULT] keys reach every section', () => {
    const r = config('[DEFAULT]\nregion = x\n[profile a]\noutput = json\n');
    expect(r.config.a).toEqual({ output: 'json', region: 'x' });
    expect(r.differences[0].message).toContain('[DEFAULT]');
  });

  it('profiles are the config ones, then credentials merged over (Session.full_config)', () => {
    const r = readAsBotocore({ configText: '[profile a]\nregion = x\nsso_session = s\n', credentialsText: '[a]\naws_access_key_id = A\n[b]\nregion = y\n' });
    expect(r.profiles).toEqual({ a: { region: 'x', sso_session: 's', aws_access_key_id: 'A' }, b: { region: 'y' } });
  });

  it('a BOM is a character to Python: the first header is not a header', () => {
    const r = config('\ufeff[default]\nregion = x\n');
    expect(r.fatal[0]).toMatchObject({ line: 1, exception: 'MissingSectionHeaderError' });
  });
});

describe('shlexSplit (Python shlex.split, POSIX)', () => {
  it.each([
    ['profile a', ['profile', 'a']],
    ['profile "a b"', ['profile', 'a b']],
    ["profile 'a \\ b'", ['profile', 'a \\ b']],
    ['profile "a\\"b"', ['profile', 'a"b']],
    ['profile "a\\b"', ['profile', 'a\\b']],
    ['profile a\\ b', ['profile', 'a b']],
    ['profile ""', ['profile', '']],
    ['profile x"y z"', ['profile', 'xy z']],
  ])('%s', (input, expected) => expect(shlexSplit(input)).toEqual(expected));

  it('throws on an open quote or a trailing backslash', () => {
    expect(() => shlexSplit('profile "a')).toThrow('No closing quotation');
    expect(() => shlexSplit('profile a\\')).toThrow('No escaped character');
  });
});

describe('ProfileSet.botocore', () => {
  it('is computed on first access from the texts parsed, and kept', () => {
    const set = parseProfileFiles({ configText: '[profile a]\nregion = x\n[profile a]\n', configPath: '/h/config', tolerant: true });
    expect(Object.keys(set)).not.toContain('botocore');
    const reading = set.botocore!;
    expect(reading.fatal[0]).toMatchObject({ file: '/h/config', line: 3, exception: 'DuplicateSectionError' });
    expect(set.botocore).toBe(reading);
  });

  it('loadProfiles reads the files once and gives the same reading', () => {
    const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'awsmcp-boto-'));
    try {
      fs.mkdirSync(path.join(dir, '.aws'));
      fs.writeFileSync(path.join(dir, '.aws', 'config'), '[default]\nregion = a\nregion = b\n');
      const set = loadProfiles({ home: dir, tolerant: true });
      expect(set.botocore!.fatal[0]).toMatchObject({ file: path.join(dir, '.aws', 'config'), line: 3, exception: 'DuplicateOptionError' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the plain-file shortcut of the differences', () => {
  const line = fc.oneof(
    fc.constantFrom('[default]', '[profile default]', '[profile a]', '[profile b-1]', '[sso-session s]', '[services x]', '[DEFAULT]', '[a]', '[profile "q"]', '[ profile a ]'),
    fc.tuple(fc.constantFrom('region', 'Region', 'k_1', 's3', 'x-y'), fc.constantFrom('=', ' = ', ':', ' : ', '= '), fc.constantFrom('v', 'eu-west-1 # c', 'a;b', 'a ;b', 'a#b', '', 'a:b', 'http://h:1', '#x', ' #x')).map(([k, d, v]) => k + d + v),
    fc.constantFrom('# c', '; c', '', '  ', '  indented = 1', '\tx', 'é = 1', 'k = é'),
  );
  const text = fc.tuple(fc.array(line, { maxLength: 10 }), fc.constantFrom('\n', '\r\n', '\r')).map(([ls, eol]) => ls.join(eol));

  it('never hides a difference: a file it calls plain has none when compared in full', () => {
    let plain = 0;
    fc.assert(
      fc.property(text, fc.constantFrom('config' as const, 'credentials' as const), (t, kind) => {
        if (!plainForBothReadings(t, kind)) return;
        const ini = readIniAsBotocore(t, kind);
        if (ini.fatal) return;
        plain++;
        const input = kind === 'config' ? { configText: t } : { credentialsText: t };
        const diffs = kind === 'config' ? botocoreDifferences(input, ini, undefined, true) : botocoreDifferences(input, undefined, ini, true);
        expect(diffs).toEqual([]);
      }),
      { numRuns: 3000 },
    );
    expect(plain).toBeGreaterThan(100);
  });

  it('lets the usual odd cases through to the comparison', () => {
    for (const t of ['[profile a]\nregion = x # c\n', '[profile a]\nregion : x\n', '[profile "a"]\n', '[DEFAULT]\nk = 1\n', '[default]\n[profile default]\n', '[profile a]\n  k = 1\n']) {
      expect(plainForBothReadings(t, 'config')).toBe(false);
    }
    expect(plainForBothReadings('[default]\nregion = eu-west-1\n\n# c\n[profile a]\nsso_session = s\n[sso-session s]\nsso_region = x\n', 'config')).toBe(true);
  });
});

describe('readIniValuesAsBotocore (the fast reading) gives what readIniAsBotocore gives', () => {
  const line = fc.oneof(
    fc.constantFrom('[default]', '[profile a]', '[profile a]', '[b]', '[DEFAULT]', '[]', '  [profile c]', '[x] # c'),
    fc.tuple(fc.constantFrom('', ' ', '  ', '\t'), fc.constantFrom('region', 'Region', 's3', 'k', ''), fc.constantFrom('=', ':', ' = ', ''), fc.constantFrom('v', '', 'a=b', 'x # c')).map((p) => p.join('')),
    fc.constantFrom('', '  ', '# c', '  ; c', '    max = 1', '    bad', '\ufeffk = 1', 'junk'),
  );
  const text = fc.tuple(fc.array(line, { maxLength: 14 }), fc.constantFrom('\n', '\r\n', '\r')).map(([ls, eol]) => ls.join(eol));
  const shape = (ini: ReturnType<typeof readIniAsBotocore>) =>
    JSON.parse(JSON.stringify({ fatal: ini.fatal, sections: [...ini.sections].map(([h, sec]) => [h, sec.line, sec.column, sec.values]) }));

  it('on generated texts: the same values, positions of sections, and fatal errors', () => {
    let compared = 0;
    fc.assert(
      fc.property(text, (t) => {
        const fast = readIniValuesAsBotocore(t, 'f');
        if (fast === undefined) {
          expect(t).toContain('[DEFAULT]');
          return;
        }
        compared++;
        expect(shape(fast)).toEqual(shape(readIniAsBotocore(t, 'f')));
      }),
      { numRuns: 4000 },
    );
    expect(compared).toBeGreaterThan(1000);
  });
});
