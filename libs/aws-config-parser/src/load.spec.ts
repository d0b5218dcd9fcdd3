import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadProfiles } from './load';
import { ProfileFileReadError, ProfileParseError } from './errors';

function tempHome(files: Record<string, string> = {}): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'awsmcp-parser-'));
  fs.mkdirSync(path.join(home, '.aws'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(home, '.aws', name), text);
  return home;
}

describe('loadProfiles', () => {
  it('reads both files from a home folder', () => {
    const home = tempHome({ config: '[profile a]\nregion = eu-west-1', credentials: '[a]\naws_access_key_id = AKIAFAKE' });
    const set = loadProfiles({ home });
    expect(set.profiles.a.properties).toEqual({ region: 'eu-west-1', aws_access_key_id: 'AKIAFAKE' });
    expect(set.files).toEqual({ config: path.join(home, '.aws/config'), credentials: path.join(home, '.aws/credentials') });
  });

  it('missing files are an empty set, not an error', () => {
    const set = loadProfiles({ home: tempHome() });
    expect(set.profiles).toEqual({});
    expect(set.diagnostics).toEqual([]);
  });

  it('honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE with ~ expansion', () => {
    const home = tempHome();
    fs.writeFileSync(path.join(home, 'cfg'), '[profile x]\nregion = r');
    const set = loadProfiles({ env: { HOME: home, AWS_CONFIG_FILE: '~/cfg' } });
    expect(set.profiles.x.properties.region).toBe('r');
    expect(set.files.config).toBe(path.join(home, 'cfg'));
  });

  it('follows a symlinked config file', () => {
    const home = tempHome();
    const real = path.join(home, 'real-config');
    fs.writeFileSync(real, '[profile linked]\nregion = r');
    fs.symlinkSync(real, path.join(home, '.aws/config'));
    expect(Object.keys(loadProfiles({ home }).profiles)).toEqual(['linked']);
  });

  it('a config that is a directory is a clear error (strict) or a diagnostic (tolerant)', () => {
    const home = tempHome({ credentials: '[ok]\naws_access_key_id = AKIAFAKE\naws_secret_access_key = x' });
    fs.mkdirSync(path.join(home, '.aws/config'));
    expect(() => loadProfiles({ home })).toThrow(ProfileFileReadError);
    expect(() => loadProfiles({ home })).toThrow(/config: is a directory, expected a file/);
    const set = loadProfiles({ home, tolerant: true });
    expect(Object.keys(set.profiles)).toEqual(['ok']);
    expect(set.diagnostics[0]).toMatchObject({ severity: 'error', message: 'is a directory, expected a file' });
  });

  it('an unreadable file is a clear error; the other file still loads in tolerant mode', () => {
    const home = tempHome({ config: '[profile a]\nregion = r', credentials: '[b]\nregion = s' });
    const creds = path.join(home, '.aws/credentials');
    fs.chmodSync(creds, 0o000);
    let readable = true;
    try {
      fs.readFileSync(creds);
    } catch {
      readable = false;
    }
    if (readable) {
      // running as root: permissions do not stop reads, so make the path unreadable another way
      fs.chmodSync(creds, 0o600);
      fs.rmSync(creds);
      fs.mkdirSync(creds);
    }
    expect(() => loadProfiles({ home })).toThrow(ProfileFileReadError);
    const set = loadProfiles({ home, tolerant: true });
    expect(Object.keys(set.profiles)).toEqual(['a']);
    expect(set.diagnostics[0].file).toBe(creds);
  });

  it('one bad file never hides the good one in tolerant mode', () => {
    const home = tempHome({ config: '[profile a\nregion = r\n[profile b]\nregion = s', credentials: '[c]\naws_access_key_id = AKIA' });
    expect(() => loadProfiles({ home })).toThrow(ProfileParseError);
    const set = loadProfiles({ home, tolerant: true });
    expect(Object.keys(set.profiles).sort()).toEqual(['b', 'c']);
    expect(set.diagnostics[0]).toMatchObject({ file: path.join(home, '.aws/config'), line: 1, severity: 'error' });
  });
});
