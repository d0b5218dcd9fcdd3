import * as os from 'node:os';
import * as path from 'node:path';
import { resolveHome as resolveHomeSubpath } from './home';
import { locateProfileFiles, resolveHome } from './index';

describe('resolveHome: the one home rule (HOME, USERPROFILE, HOMEDRIVE+HOMEPATH, then the OS home)', () => {
  const osHome = () => '/os/home';
  it.each([
    [{ HOME: '/h', USERPROFILE: '/u', HOMEDRIVE: 'C:', HOMEPATH: '\\p' }, '/h'],
    [{ USERPROFILE: 'C:\\Users\\u', HOMEDRIVE: 'C:', HOMEPATH: '\\p' }, 'C:\\Users\\u'],
    [{ HOMEDRIVE: 'C:', HOMEPATH: '\\Users\\p' }, 'C:\\Users\\p'],
    [{ HOME: '', USERPROFILE: '', HOMEPATH: '' }, '/os/home'],
    [{}, '/os/home'],
  ])('%j -> %s', (env, expected) => {
    expect(resolveHome(env, 'linux', osHome)).toBe(expected);
    expect(resolveHome(env, 'win32', osHome)).toBe(expected);
  });

  it('falls back to os.homedir(), never to a literal ~ in the working folder', () => {
    expect(resolveHome({})).toBe(os.homedir());
    const located = locateProfileFiles({}, 'linux');
    expect(located.configFile).toBe(path.posix.join(os.homedir(), '.aws', 'config'));
    expect(located.home).toBe(os.homedir());
    expect(located.configFile.startsWith('~')).toBe(false);
  });

  it('is the function published as @awsmcp/aws-config-parser/home (a module with no import)', () => {
    expect(resolveHomeSubpath).toBe(resolveHome);
  });
});
