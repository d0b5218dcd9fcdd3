import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inspectCacheFile, MAX_CACHE_FILE_BYTES } from './index';
import { CacheFileStore, extractFacts, findJsonSyntaxProblem, readCacheFile, secretFreeReviver } from './read';
import { CANARY, cleanupHomes, expectNoCanary, iso, loginSession, makeHome, refreshable, roleCreds, ssoToken } from './__fixtures__/homes';

afterAll(cleanupHomes);

const NOW = Date.UTC(2026, 10, 25, 10, 0, 0);

function tempFile(content: string | Buffer): string {
  const dir = makeHome();
  const file = path.join(dir, 'x.json');
  fs.writeFileSync(file, content);
  return file;
}

describe('secretFreeReviver', () => {
  it('keeps times, ids and presence flags only', () => {
    const text = JSON.stringify({
      ...ssoToken('2026-11-25T10:00:00Z', refreshable('2027-01-01T00:00:00Z')),
      nested: { deeper: CANARY, list: [CANARY] },
      Credentials: { AccessKeyId: CANARY, SecretAccessKey: CANARY, SessionToken: CANARY, Expiration: 'e', AccountId: '123456789012', Other: CANARY },
    });
    const data = JSON.parse(text, secretFreeReviver);
    expect(data).toEqual({
      accessToken: true,
      expiresAt: '2026-11-25T10:00:00Z',
      refreshToken: true,
      clientId: true,
      clientSecret: true,
      registrationExpiresAt: '2027-01-01T00:00:00Z',
      Credentials: { AccessKeyId: true, SecretAccessKey: true, SessionToken: true, Expiration: 'e', AccountId: '123456789012' },
    });
    expectNoCanary(data);
  });

  it('keeps the aws login accessToken object, without its secrets', () => {
    const data = JSON.parse(JSON.stringify(loginSession('2026-11-25T10:00:00Z')), secretFreeReviver);
    expect(data).toEqual({
      accessToken: { accessKeyId: true, secretAccessKey: true, sessionToken: true, accountId: '999999999999', expiresAt: '2026-11-25T10:00:00Z' },
      clientId: true,
      refreshToken: true,
      dpopKey: true,
    });
  });

  it('reduces an empty refresh token to false', () => {
    expect(JSON.parse('{"refreshToken": ""}', secretFreeReviver)).toEqual({ refreshToken: false });
  });
});

describe('findJsonSyntaxProblem', () => {
  it.each([
    ['{"a": 1}', undefined],
    ['[1, 2, {"b": [true, false, null, -1.5e3, "x\\u00e9\\n"]}]', undefined],
    ['{}', undefined],
  ])('accepts %s', (text, expected) => expect(findJsonSyntaxProblem(text)).toEqual(expected));

  it.each([
    ['{"a": 1', true, 7],
    ['{"a": "xx', true, 9],
    ['{"a": [1, 2', true, 11],
    ['{"a":', true, 5],
    ['{"a": tr', true, 8],
    ['{', true, 1],
    ['{"a": 1,}', false, 8],
    ['{"a" 1}', false, 5],
    ['{"a": CANARY}', false, 6],
    ['{"a": 1} x', false, 9],
    ["{'a': 1}", false, 1],
    ['{"a": "\\q"}', false, 8],
  ])('%s -> truncated %s at %d', (text, truncated, offset) => {
    expect(findJsonSyntaxProblem(text)).toMatchObject({ truncated, offset });
  });

  it('survives deep nesting', () => {
    expect(findJsonSyntaxProblem('['.repeat(200_000))).toMatchObject({ truncated: true });
    expect(findJsonSyntaxProblem('['.repeat(200_000) + ']'.repeat(200_000))).toBeUndefined();
  });
});

describe('readCacheFile: bad files give a clear state, never a throw, never content', () => {
  it('missing', () => {
    expect(readCacheFile('/nonexistent/dir/x.json')).toMatchObject({ state: 'missing', errno: 'ENOENT' });
  });

  it('a folder on the path is a file', () => {
    const file = tempFile('{}');
    expect(readCacheFile(path.join(file, 'y.json'))).toMatchObject({ state: 'missing', errno: 'ENOTDIR' });
  });

  it('a directory instead of a file', () => {
    const dir = path.join(makeHome(), 'd.json');
    fs.mkdirSync(dir);
    expect(readCacheFile(dir)).toMatchObject({ state: 'not-a-file', detail: 'is a directory, not a file' });
  });

  it('a FIFO does not hang the reader', () => {
    const fifo = path.join(makeHome(), 'f.json');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      return; // no mkfifo on this platform
    }
    expect(readCacheFile(fifo)).toMatchObject({ state: 'not-a-file' });
  });

  it('unreadable: chmod 000 (when not root) and EACCES from an injected reader (always)', () => {
    const file = tempFile(JSON.stringify(ssoToken('2026-11-25T10:00:00Z')));
    fs.chmodSync(file, 0o000);
    const r = readCacheFile(file);
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    // root reads through chmod 000, so the permission case is proven with an injected reader below
    expect(r.state).toBe(isRoot ? 'ok' : 'unreadable');
    fs.chmodSync(file, 0o600);
    const denied = readCacheFile(file, () => {
      throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES' });
    });
    expect(denied).toEqual({ state: 'unreadable', errno: 'EACCES', detail: 'permission denied (EACCES)' });
    expect(readCacheFile(file, () => {
      throw Object.assign(new Error('io'), { code: 'EIO' });
    })).toEqual({ state: 'unreadable', errno: 'EIO', detail: 'cannot be read (EIO)' });
    expect(readCacheFile(file, () => {
      throw new Error('weird');
    })).toMatchObject({ state: 'unreadable' });
  });

  it('empty and white space only', () => {
    expect(readCacheFile(tempFile(''))).toMatchObject({ state: 'empty', detail: 'is empty (0 bytes)' });
    expect(readCacheFile(tempFile(' \n\t'))).toMatchObject({ state: 'empty' });
  });

  it('truncated (an interrupted write)', () => {
    const full = JSON.stringify(ssoToken('2026-11-25T10:00:00Z', refreshable('2027-01-01T00:00:00Z')));
    for (const cut of [1, 10, full.indexOf(CANARY) + 4, full.length - 1]) {
      const r = readCacheFile(tempFile(full.slice(0, cut)));
      expect(r.state).toBe('truncated');
      expect(r.detail).toMatch(/^ends early at line 1, column \d+, expected .+ \(an interrupted write\?\)$/);
      expectNoCanary(r);
    }
  });

  it('malformed JSON names the position, not the content', () => {
    const r = readCacheFile(tempFile(`{\n  "accessToken": ${CANARY},\n  "expiresAt": "2026-11-25T10:00:00Z"\n}`));
    expect(r).toEqual({ state: 'malformed', detail: 'is not valid JSON: expected a value at line 2, column 18' });
    expectNoCanary(r);
  });

  it('JSON that is not an object', () => {
    expect(readCacheFile(tempFile('[1]'))).toMatchObject({ state: 'malformed', detail: 'holds an array, not a JSON object' });
    expect(readCacheFile(tempFile('null'))).toMatchObject({ state: 'malformed', detail: 'holds null, not a JSON object' });
    expect(readCacheFile(tempFile(JSON.stringify(CANARY)))).toMatchObject({ state: 'malformed', detail: 'holds a string, not a JSON object' });
  });

  it('a byte order mark (the AWS CLI cannot read it either)', () => {
    expect(readCacheFile(tempFile('\ufeff{}'))).toMatchObject({ state: 'malformed', detail: expect.stringMatching(/byte order mark/) });
  });

  it('a huge file', () => {
    const file = tempFile(Buffer.alloc(MAX_CACHE_FILE_BYTES + 1, 32));
    expect(readCacheFile(file)).toMatchObject({ state: 'malformed', errno: 'EFBIG' });
  });

  it('accepts a string from an injected reader', () => {
    expect(readCacheFile('x', () => '{"expiresAt": "2026-11-25T10:00:00Z"}')).toEqual({ state: 'ok', data: { expiresAt: '2026-11-25T10:00:00Z' } });
  });
});

describe('extractFacts', () => {
  it('requires what botocore requires', () => {
    expect(extractFacts('sso-token', { expiresAt: 'x' })).toMatchObject({ ok: false, state: 'malformed', detail: expect.stringMatching(/no accessToken/) });
    expect(extractFacts('sso-token', { accessToken: true })).toMatchObject({ ok: false, state: 'malformed', detail: 'has no expiresAt' });
    expect(extractFacts('role-credentials', {})).toMatchObject({ ok: false, detail: 'has no Credentials object' });
    expect(extractFacts('role-credentials', { Credentials: { Expiration: 'x' } })).toMatchObject({ ok: false, detail: 'has no Credentials.AccessKeyId' });
    expect(extractFacts('role-credentials', { Credentials: { AccessKeyId: true } })).toMatchObject({ ok: false, detail: 'has no Credentials.Expiration' });
    expect(extractFacts('login-session', { accessToken: true })).toMatchObject({ ok: false, detail: 'has no accessToken object' });
    expect(extractFacts('login-session', { accessToken: {} })).toMatchObject({ ok: false, detail: 'has no accessToken.expiresAt' });
  });

  it('reports an invalid time as invalid-time, naming the field', () => {
    expect(extractFacts('sso-token', { accessToken: true, expiresAt: 'soon' })).toMatchObject({ ok: false, state: 'invalid-time', detail: expect.stringMatching(/^expiresAt is not an ISO 8601 time/) });
    expect(extractFacts('sso-token', { accessToken: true, expiresAt: '2026-11-25T10:00:00Z', registrationExpiresAt: 'x' })).toMatchObject({ ok: false, state: 'invalid-time', detail: expect.stringMatching(/^registrationExpiresAt/) });
    expect(extractFacts('role-credentials', { Credentials: { AccessKeyId: true, Expiration: {} } })).toMatchObject({ ok: false, state: 'invalid-time', detail: 'Credentials.Expiration is a object, not a time' });
  });

  it('keeps only a 12-digit account id', () => {
    expect(extractFacts('role-credentials', { Credentials: { AccessKeyId: true, Expiration: '2026-11-25T10:00:00Z', AccountId: CANARY } })).toEqual({ ok: true, facts: { expiresAtMs: NOW } });
  });
});

describe('inspectCacheFile', () => {
  it('describes one file in every time format', () => {
    for (const expiration of ['2026-11-25T10:30:00Z', '2026-11-25T10:30:00.000Z', '2026-11-25T10:30:00+00:00', '2026-11-25T10:30:00UTC']) {
      const s = inspectCacheFile(tempFile(JSON.stringify(roleCreds(expiration))), 'assume-role-credentials', { now: NOW });
      expect(s).toMatchObject({ state: 'ok', expiresAt: '2026-11-25T10:30:00Z', ttlSeconds: 1800, accountId: '123456789012', profile: '', keyInput: '' });
      expectNoCanary(s);
    }
  });

  it('login sessions and SSO tokens', () => {
    expect(inspectCacheFile(tempFile(JSON.stringify(loginSession(iso(NOW + 60_000)))), 'login-session', { now: NOW })).toMatchObject({ state: 'ok', ttlSeconds: 60, hasRefreshToken: true, accountId: '999999999999' });
    expect(inspectCacheFile(tempFile(JSON.stringify(ssoToken(iso(NOW - 1000), refreshable('2027-01-01T00:00:00Z')))), 'sso-token', { now: new Date(NOW) })).toMatchObject({ state: 'ok', ttlSeconds: -1, hasRefreshToken: true, registrationExpiresAt: '2027-01-01T00:00:00Z' });
  });
});

describe('CacheFileStore', () => {
  it('reads each path once, and lists each folder once instead of opening absent files', () => {
    let calls = 0;
    let listed = 0;
    const store = new CacheFileStore(
      () => {
        calls++;
        return '{}';
      },
      (dir) => {
        listed++;
        return dir === '/d' ? ['a.json', 'b.json'] : [];
      },
    );
    for (let i = 0; i < 10; i++) store.get('/d', 'a.json');
    store.get('/d', 'b.json');
    expect(store.get('/d', 'absent.json')).toEqual({ state: 'missing', errno: 'ENOENT' });
    expect(store.get('/e', 'x.json').state).toBe('missing');
    expect(calls).toBe(2);
    expect(store.reads).toBe(2);
    expect(listed).toBe(2);
  });

  it('a folder that cannot be listed: each file is read and reports its own error', () => {
    const store = new CacheFileStore(
      () => {
        throw Object.assign(new Error('denied'), { code: 'EACCES' });
      },
      () => {
        throw Object.assign(new Error('denied'), { code: 'EACCES' });
      },
    );
    expect(store.get('/locked', 'a.json')).toMatchObject({ state: 'unreadable', errno: 'EACCES' });
  });

  it('a folder that does not exist holds no files', () => {
    let calls = 0;
    const store = new CacheFileStore(() => {
      calls++;
      return '{}';
    });
    expect(store.get('/nonexistent/folder', 'a.json').state).toBe('missing');
    expect(calls).toBe(0);
  });
});
