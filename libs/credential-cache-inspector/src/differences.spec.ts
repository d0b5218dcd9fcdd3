/**
 * The deliberate differences from botocore, one test each (docs/credential-cache-inspector.md,
 * "Deliberate differences"). Each shows what botocore itself does on the same home and what we say.
 */
import * as path from 'node:path';
import { loadProfiles, type ProfileSet } from '@awsmcp/aws-config-parser';
import { inspectProfile, inspectProfiles, loginCacheKey } from './index';
import { cleanupHomes, makeHome, writeCache } from './__fixtures__/homes';
import { askBotocore } from './__fixtures__/oracle';

afterAll(cleanupHomes);


describe('no-env-provider', () => {
  it('a profile given to a server ignores AWS_ACCESS_KEY_ID: botocore drops the environment provider, and so do we', () => {
    const home = makeHome({ config: '[profile p]\nregion = eu-west-1\n' });
    const s = inspectProfile(loadProfiles({ home }), 'p', { home, env: { HOME: home, AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y' } });
    expect(s.provider).toBeNull();
    expect(s.status).toBe('no-credentials');
    // (the oracle clears AWS_* itself: with a profile named, botocore never consults the environment)
    expect(askBotocore([{ home, profiles: ['p'] }])[0].p).toEqual({ method: null });
  });
});

describe('credential-source-platform', () => {
  it('a valid credential_source is assume-role here; on a laptop botocore raises CredentialRetrievalError', () => {
    const home = makeHome({ config: '[profile ec2]\nrole_arn = arn:aws:iam::123456789012:role/R\ncredential_source = Ec2InstanceMetadata\n' });
    const s = inspectProfile(loadProfiles({ home }), 'ec2', { home, env: { HOME: home } });
    expect(s).toMatchObject({ provider: 'assume-role', status: 'valid', light: 'none', refreshesItself: true });
    expect(s.reason).toMatch(/instance role where the server runs/);
    // the oracle stands in for the platform (botocore_oracle.py); botocore without it cannot reach IMDS
    expect(askBotocore([{ home, profiles: ['ec2'] }])[0].ec2).toEqual({ method: 'assume-role' });
  });
});

describe('botocore-only-names-need-the-reading', () => {
  const config = '[profile "my profile"]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = x\n[profile ok]\nregion = eu-west-1\n';

  it('botocore reads a quoted name with a space (shlex); the cross-SDK rules drop it, the botocore reading keeps it', () => {
    const home = makeHome({ config });
    expect(askBotocore([{ home, profiles: ['my profile'] }])[0]['my profile']).toEqual({ method: 'config-file' });
    const set = loadProfiles({ home, tolerant: true });
    expect(Object.keys(set.profiles)).toEqual(['ok']);
    // the parser's botocore reading (set.botocore) gives it a row, marked botocoreOnly
    const statuses = inspectProfiles(set, { home });
    expect(statuses.map((s) => [s.profile, s.provider, s.botocoreOnly])).toEqual([
      ['ok', null, undefined],
      ['my profile', 'config-file', true],
    ]);
    expect(JSON.stringify(statuses)).not.toContain('"x"');
  });

  it('without a botocore reading (a set built by hand), such a name gets no row', () => {
    const home = makeHome({ config });
    const set = loadProfiles({ home, tolerant: true });
    const bare: ProfileSet = { profiles: set.profiles, ssoSessions: set.ssoSessions, services: set.services, diagnostics: set.diagnostics, files: set.files };
    expect(inspectProfiles(bare, { home }).map((s) => s.profile)).toEqual(['ok']);
  });
});

describe('unparseable-needs-the-reading', () => {
  const config = '[profile a]\nregion = eu-west-1\n[profile a]\nregion = us-east-1\n';

  it('botocore refuses a duplicate section for every profile', () => {
    const home = makeHome({ config });
    expect(askBotocore([{ home, profiles: ['a'] }])[0].a).toMatchObject({ error: 'ConfigParseError' });
  });

  it('with the parser botocore reading: provider null, unparseable-config, the file:line:column', () => {
    const home = makeHome({ config });
    const file = path.join(home, '.aws/config');
    const set = loadProfiles({ home });
    expect(set.botocore?.fatal[0]).toMatchObject({ file, line: 3 });
    const s = inspectProfile(set, 'a', { home });
    expect(s).toMatchObject({ provider: null, status: 'unparseable-config', light: 'red', failure: { location: { file, line: 3 } } });
    expect(s.reason).toContain(`${file}:3:`);
    expect(s.nextStep).toMatch(/every Python server fails to start/);
    // the JS SDK reads the file (duplicate sections merge): its rules are unchanged
    expect(inspectProfile(set, 'a', { home, runtime: 'js-sdk' }).provider).toBeNull();
    expect(inspectProfile(set, 'a', { home, runtime: 'js-sdk' }).status).toBe('no-credentials');
  });
});

describe('login-unreadable-json', () => {
  it('an aws login cache that is not JSON: botocore raises KeyError, we say LoginTokenLoadError', () => {
    const session = 'arn:aws:iam::123456789012:user/me';
    const home = makeHome({ config: `[profile l]\nlogin_session = ${session}\n` });
    writeCache(path.join(home, '.aws/login/cache'), loginCacheKey(session).key, '{"accessToken": ');
    expect(askBotocore([{ home, profiles: ['l'], crt: true }])[0].l).toMatchObject({ error: 'KeyError' });
    const s = inspectProfile(loadProfiles({ home }), 'l', { home, env: { HOME: home }, crt: true });
    expect(s).toMatchObject({ provider: null, light: 'red', failure: { exception: 'LoginTokenLoadError' } });
  });
});
