import { createHash } from 'node:crypto';
import * as path from 'node:path';
import {
  assumeRoleCacheArgs,
  assumeRoleCacheKey,
  cacheDirectories,
  loginCacheKey,
  pythonJsonDumps,
  ssoRoleCredentialsCacheKey,
  ssoTokenCacheKey,
  webIdentityCacheKey,
} from './index';
import { pythonInt, pythonJsonString } from './keys';
import { expandVars } from './paths';

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

describe('key formulas', () => {
  it('SSO token: sha1 of the session name, or of the start URL', () => {
    expect(ssoTokenCacheKey({ ssoSession: 'acme' })).toEqual({ key: sha1('acme'), input: 'acme' });
    expect(ssoTokenCacheKey({ startUrl: 'https://x.awsapps.com/start' }).key).toBe(sha1('https://x.awsapps.com/start'));
  });

  it('SSO role credentials: compact sorted JSON', () => {
    const k = ssoRoleCredentialsCacheKey({ accountId: '111111111111', roleName: 'Admin', ssoSession: 'acme' });
    expect(k.input).toBe('{"accountId":"111111111111","roleName":"Admin","sessionName":"acme"}');
    expect(k.key).toBe(sha1(k.input));
    expect(ssoRoleCredentialsCacheKey({ accountId: '1', roleName: 'R', startUrl: 'https://u' }).input).toBe('{"accountId":"1","roleName":"R","startUrl":"https://u"}');
  });

  it("assume-role: sorted JSON with Python's default spacing, DurationSeconds as a number", () => {
    const k = assumeRoleCacheKey({ role_arn: 'arn:aws:iam::1:role/R', external_id: 'e', duration_seconds: '900', mfa_serial: 'm', role_session_name: 's' });
    expect(k.input).toBe('{"DurationSeconds": 900, "ExternalId": "e", "RoleArn": "arn:aws:iam::1:role/R", "RoleSessionName": "s", "SerialNumber": "m"}');
    expect(k.key).toBe(sha1(k.input));
    expect(assumeRoleCacheKey({ role_arn: 'a' }).input).toBe('{"RoleArn": "a"}');
  });

  it("follows botocore's handling of empty and odd values", () => {
    expect(assumeRoleCacheArgs({ role_arn: 'a', role_session_name: '' })).toEqual({ RoleArn: 'a' });
    expect(assumeRoleCacheArgs({ role_arn: 'a', external_id: '' })).toEqual({ RoleArn: 'a', ExternalId: '' });
    expect(assumeRoleCacheArgs({ role_arn: 'a', duration_seconds: 'soon' })).toEqual({ RoleArn: 'a' });
    expect(assumeRoleCacheKey({ role_arn: 'a', duration_seconds: '0_900' }).input).toBe('{"DurationSeconds": 900, "RoleArn": "a"}');
  });

  it('web identity: RoleArn and RoleSessionName only', () => {
    expect(webIdentityCacheKey({ role_arn: 'a', role_session_name: 's', web_identity_token_file: '/t' }).input).toBe('{"RoleArn": "a", "RoleSessionName": "s"}');
    expect(webIdentityCacheKey({ role_arn: 'a', web_identity_token_file: '/t' }).input).toBe('{"RoleArn": "a"}');
  });

  it('aws login: sha256 of login_session', () => {
    expect(loginCacheKey('arn:aws:iam::1:user/x').key).toBe(createHash('sha256').update('arn:aws:iam::1:user/x').digest('hex'));
  });
});

describe('Python compatibility helpers', () => {
  it.each([
    ['900', '900'],
    [' 900 ', '900'],
    ['+900', '900'],
    ['-5', '-5'],
    ['-0', '0'],
    ['000', '0'],
    ['1_800', '1800'],
    ['123456789012345678901234567890', '123456789012345678901234567890'],
  ])('int(%j) = %s', (text, digits) => expect(pythonInt(text)).toEqual({ int: digits }));

  it.each(['', '1__0', '_1', '1_', '1.5', '0x10', 'ten', '1e3'])('int(%j) raises', (text) => expect(pythonInt(text)).toBeUndefined());

  it('escapes strings as json.dumps(ensure_ascii=True)', () => {
    expect(pythonJsonString('a"b\\c/\n\t\u0001')).toBe('"a\\"b\\\\c/\\n\\t\\u0001"');
    expect(pythonJsonString('ü€\u007f')).toBe('"\\u00fc\\u20ac\\u007f"');
    expect(pythonJsonString('😀')).toBe('"\\ud83d\\ude00"');
  });

  it('sorts keys', () => {
    expect(pythonJsonDumps({ b: '1', a: { int: '2' } })).toBe('{"a": 2, "b": "1"}');
    expect(pythonJsonDumps({ b: '1', a: '2' }, true)).toBe('{"a":"2","b":"1"}');
  });
});

describe('cacheDirectories', () => {
  it('puts the three caches under <home>/.aws', () => {
    expect(cacheDirectories({ home: '/h', env: {} })).toEqual({
      home: '/h',
      ssoCache: path.join('/h', '.aws/sso/cache'),
      cliCache: path.join('/h', '.aws/cli/cache'),
      loginCache: path.join('/h', '.aws/login/cache'),
    });
  });

  it('uses HOME from env when no home is given', () => {
    expect(cacheDirectories({ env: { HOME: '/e' } }).ssoCache).toBe(path.join('/e', '.aws/sso/cache'));
  });

  it('honours AWS_LOGIN_CACHE_DIRECTORY with ~ and $VARS expanded, like botocore', () => {
    expect(cacheDirectories({ home: '/h', env: { AWS_LOGIN_CACHE_DIRECTORY: '~/login-cache' } }).loginCache).toBe(path.join('/h', 'login-cache'));
    expect(cacheDirectories({ home: '/h', env: { AWS_LOGIN_CACHE_DIRECTORY: '$BASE/${SUB}/c', BASE: '/b', SUB: 's' } }).loginCache).toBe(path.join('/b/s/c'));
    expect(cacheDirectories({ home: '/h', env: { AWS_LOGIN_CACHE_DIRECTORY: '' } }).loginCache).toBe(path.join('/h', '.aws/login/cache'));
  });

  it('expandVars leaves unknown variables alone', () => {
    expect(expandVars('$NOPE/${ALSO_NOPE}/x', {})).toBe('$NOPE/${ALSO_NOPE}/x');
  });
});
