/**
 * The AWS SDKs' cross-language conformance vectors (see NOTICE.md for source and licence), run
 * through @awsmcp/aws-config-parser's public API only. Prints the agreement counts.
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import { locateProfileFiles, parseProfileFiles, ProfileParseError } from '@awsmcp/aws-config-parser';

interface ParserCase {
  name: string;
  input: { configFile?: string; credentialsFile?: string };
  output: { config?: { profiles: Record<string, Record<string, string>>; sso_sessions?: Record<string, Record<string, string>> }; errorContaining?: string };
}
interface LocationCase {
  name: string;
  environment: Record<string, string>;
  platform: 'linux' | 'windows' | 'macos';
  profile?: string;
  configLocation: string;
  credentialsLocation: string;
}

const load = <T>(file: string): T[] => JSON.parse(fs.readFileSync(path.join(__dirname, file), 'utf8')).tests;
const parserCases = load<ParserCase>('profile-parser-tests.json');
const locationCases = load<LocationCase>('file-location-tests.json');
const agreed = { parser: 0, location: 0 };

const plain = (sections: Record<string, { properties: Record<string, string> }>) =>
  Object.fromEntries(Object.entries(sections).map(([name, s]) => [name, { ...s.properties }]));

describe('profile-parser-tests.json', () => {
  it('has the 65 published cases', () => expect(parserCases).toHaveLength(65));

  it.each(parserCases.map((c, i) => [`${i + 1}. ${c.name}`, c] as const))('%s', (_name, c) => {
    const run = () =>
      parseProfileFiles({ configText: c.input.configFile, credentialsText: c.input.credentialsFile, configPath: '~/.aws/config', credentialsPath: '~/.aws/credentials' });
    if (c.output.errorContaining !== undefined) {
      let error: unknown;
      try {
        run();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ProfileParseError);
      expect((error as Error).message).toContain(c.output.errorContaining);
      expect((error as ProfileParseError).line).toBeGreaterThan(0);
    } else {
      const set = run();
      expect(plain(set.profiles)).toEqual(c.output.config!.profiles);
      if (c.output.config!.sso_sessions) expect(plain(set.ssoSessions)).toEqual(c.output.config!.sso_sessions);
    }
    agreed.parser++;
  });
});

describe('file-location-tests.json', () => {
  it.each(locationCases.map((c, i) => [`${i + 1}. ${c.name}`, c] as const))('%s', (_name, c) => {
    const located = locateProfileFiles(c.environment, c.platform);
    expect(located.configFile).toBe(c.configLocation);
    expect(located.credentialsFile).toBe(c.credentialsLocation);
    if (c.profile) expect(located.profile).toBe(c.profile);
    agreed.location++;
  });
});

afterAll(() => {
  process.stdout.write(
    `\nconformance: profile-parser-tests.json ${agreed.parser}/${parserCases.length} agree, ` +
      `file-location-tests.json ${agreed.location}/${locationCases.length} agree\n`,
  );
});
