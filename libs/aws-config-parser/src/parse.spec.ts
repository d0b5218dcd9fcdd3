import * as fc from 'fast-check';
import { parseProfileFiles } from './load';
import { AwsConfigError, ProfileParseError } from './errors';
import { parseRaw, type ParseDiagnostic } from './parse';
import { readAsBotocore } from './botocore';

describe('parseProfileFiles beyond the conformance vectors', () => {
  it('reads [services x] sections and parses sub-properties to maps', () => {
    const set = parseProfileFiles({
      configText: [
        '[services local]',
        's3 =',
        '  endpoint_url = http://127.0.0.1:4566',
        '  Addressing_Style = path',
        '[profile dev]',
        'services = local',
        's3 =',
        '  max_concurrent_requests = 20',
      ].join('\n'),
    });
    expect(set.services.local.properties.s3).toBe('\nendpoint_url = http://127.0.0.1:4566\nAddressing_Style = path');
    expect(set.services.local.subProperties.s3).toEqual({ endpoint_url: 'http://127.0.0.1:4566', addressing_style: 'path' });
    expect(set.profiles.dev.subProperties.s3.max_concurrent_requests).toBe('20');
    expect(set.profiles.dev.properties.services).toBe('local');
  });

  it('keeps Unicode in names of values and skips a BOM at the start', () => {
    const set = parseProfileFiles({ configText: '\ufeff[profile café-ok]\nregion = eu-west-1\nnote = zürich ☕ 東京' });
    // é is not a valid profile-name character for the SDKs: ignored, with a diagnostic
    expect(set.profiles['café-ok']).toBeUndefined();
    expect(set.diagnostics.some((d) => d.message.includes('not a valid profile name'))).toBe(true);
    const set2 = parseProfileFiles({ configText: '\ufeff[profile ok]\nnote = zürich ☕ 東京' });
    expect(set2.profiles.ok.properties.note).toBe('zürich ☕ 東京');
  });

  it('errors carry file, line, column and the reason', () => {
    expect.assertions(6);
    try {
      parseProfileFiles({ configText: '[profile a]\nregion = x\n\n[profile b\nk = v', configPath: '/home/u/.aws/config' });
    } catch (e) {
      expect(e).toBeInstanceOf(ProfileParseError);
      const err = e as ProfileParseError;
      expect(err.file).toBe('/home/u/.aws/config');
      expect(err.line).toBe(4);
      expect(err.column).toBe(11);
      expect(err.reason).toBe("Profile definition must end with ']'");
      expect(err.message).toBe("/home/u/.aws/config:4:11: Profile definition must end with ']'");
    }
  });

  it('tolerant mode records every error, skips the bad lines and keeps the good profiles', () => {
    const set = parseProfileFiles({
      configText: '[profile a]\nregion = x\nbroken line\n[profile b\nk = v\n[profile c]\nregion = y\n= nameless',
      tolerant: true,
    });
    expect(Object.keys(set.profiles).sort()).toEqual(['a', 'c']);
    expect(set.profiles.a.properties).toEqual({ region: 'x' });
    const errors = set.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.message}`);
    expect(errors).toEqual([
      "3:Expected an '=' sign defining a property",
      "4:Profile definition must end with ']'",
      '8:Property did not have a name',
    ]);
  });

  it('reports ignored sections and properties as warnings', () => {
    const set = parseProfileFiles({ configText: '[foo]\nx = 1\n[profile ok]\nin valid = 3\n[default]\na = 1\n[profile default]\nb = 2' });
    const warnings = set.diagnostics.map((d) => d.message);
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringContaining('section [foo] is ignored'),
        expect.stringContaining("property 'in valid' is ignored"),
        expect.stringContaining('[profile default] is also defined'),
      ]),
    );
  });

  it('records where each profile was defined, config before credentials', () => {
    const set = parseProfileFiles({
      configText: '# c\n[profile a]\nregion = x',
      credentialsText: '[a]\naws_access_key_id = AKIA',
      configPath: 'cfg',
      credentialsPath: 'creds',
    });
    expect(set.profiles.a.locations).toEqual([
      { file: 'cfg', line: 2, column: 1 },
      { file: 'creds', line: 1, column: 1 },
    ]);
  });

  it('accepts CRLF line endings', () => {
    const set = parseProfileFiles({ configText: '[profile a]\r\nk = v\r\n' });
    expect(set.profiles.a.properties.k).toBe('v');
  });

  it('handles a 10 MB file', () => {
    const chunk = Array.from({ length: 1000 }, (_, i) => `[profile p${i}]\nregion = eu-west-1\nrole_arn = arn:aws:iam::123456789012:role/r${i}\n`).join('');
    const text = chunk.repeat(Math.ceil((10 * 1024 * 1024) / chunk.length));
    expect(text.length).toBeGreaterThanOrEqual(10 * 1024 * 1024);
    const set = parseProfileFiles({ configText: text });
    expect(Object.keys(set.profiles)).toHaveLength(1000);
  });
});

describe('property tests', () => {
  it('any text gives a result or a typed error, never an untyped throw', () => {
    const line = fc.oneof(
      fc.string(),
      fc.constantFrom('[profile a]', '[default]', '[sso-session s]', '[services x]', 'k = v', '  continued', 's3 =', '  a = b', '# c', '; c', '[', ']', '=', ' = ', '\t'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), (lines, eol, tolerant) => {
        const text = lines.join(eol);
        for (const input of [{ configText: text }, { credentialsText: text }]) {
          try {
            const set = parseProfileFiles({ ...input, tolerant });
            expect(typeof set.profiles).toBe('object');
          } catch (e) {
            expect(e).toBeInstanceOf(AwsConfigError);
            expect(tolerant).toBe(false);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('parses pathological input in time proportional to its size', () => {
    const cases = [
      '[profile a]\nk = ' + 'x'.repeat(1024 * 1024),
      '[profile a]\nk = v\n' + ' c\n'.repeat(100_000),
      '['.repeat(100_000),
      '[profile a]\n' + 'k = v # ;'.repeat(100_000),
    ];
    for (const text of cases) {
      const diagnostics: ParseDiagnostic[] = [];
      const start = process.hrtime.bigint();
      parseRaw(text, 'config', 'x', { tolerant: true, diagnostics });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      // generous: linear work on ~1 MB is a few ms; quadratic would take seconds
      expect(ms).toBeLessThan(2000);
    }
  });
});

describe('an indented config (a CI heredoc), read as botocore and the JS SDK read it', () => {
  const indented = [
    '  [default]',
    '  region = eu-west-1',
    '  output = json',
    '  s3 =',
    '    max_concurrent_requests = 10',
    '',
    '  [profile ci]',
    '  role_arn = arn:aws:iam::123456789012:role/ci',
    '  source_profile = default',
    '  # a comment',
    '  [sso-session corp]',
    '  sso_region = eu-west-1',
    '',
  ].join('\n');

  it('gives the same profiles as the file without indentation, and no diagnostics', () => {
    const set = parseProfileFiles({ configText: indented, tolerant: true });
    const flat = parseProfileFiles({ configText: indented.replace(/^  /gm, '') });
    expect(set.diagnostics).toEqual([]);
    expect(set.profiles).toEqual(flat.profiles);
    expect(set.ssoSessions).toEqual(flat.ssoSessions);
    expect(set.profiles.default.subProperties.s3).toEqual({ max_concurrent_requests: '10' });
    expect(Object.keys(set.profiles)).toEqual(['default', 'ci']);
  });

  it('agrees with @smithy/shared-ini-file-loader (the JS SDK) and with botocore', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const smithy = require('@smithy/shared-ini-file-loader') as typeof import('@smithy/shared-ini-file-loader');
    smithy.externalDataInterceptor.interceptFile('/indented/config', indented);
    smithy.externalDataInterceptor.interceptFile('/indented/credentials', '');
    const js = await smithy.loadSharedConfigFiles({ filepath: '/indented/credentials', configFilepath: '/indented/config', ignoreCache: true });
    const set = parseProfileFiles({ configText: indented });
    expect(js.configFile.default).toMatchObject({ region: 'eu-west-1', output: 'json' });
    expect(js.configFile.ci).toEqual(set.profiles.ci.properties);
    const botocore = readAsBotocore({ configText: indented });
    expect(botocore.fatal).toEqual([]);
    expect(botocore.config.ci).toEqual(set.profiles.ci.properties);
    expect(botocore.differences).toEqual([]);
  });

  it('still reads a deeper line as a continuation of an indented property', () => {
    const set = parseProfileFiles({ configText: '[profile a]\n  k = v\n    more\n  j = w\n' });
    expect(set.profiles.a.properties).toEqual({ k: 'v\nmore', j: 'w' });
  });
});
