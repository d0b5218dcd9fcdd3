/**
 * read: one cache file -> the few facts we keep (times, presence flags, an account id).
 *
 * Secrets (access tokens, refresh tokens, client secrets, secret keys, session tokens, DPoP keys)
 * are dropped while the JSON is parsed: a reviver keeps only allow-listed keys and turns secret
 * fields into presence flags, so no parsed object ever holds a secret. Problems are described
 * from our own scan of the text (position, what was expected), never by quoting the file or a
 * JSON.parse message (V8 quotes the offending text in its messages).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTimestamp, type ParsedTime } from './times';

/** Reads a whole file. Throws Node-style errors (`code: 'ENOENT' | 'EACCES' | 'EISDIR' | ...`). */
export type CacheFileReader = (file: string) => string | Uint8Array;

export type ReadState = 'ok' | 'missing' | 'not-a-file' | 'unreadable' | 'empty' | 'truncated' | 'malformed';

/** The JSON of a cache file with every secret removed (see {@link secretFreeReviver}). */
export type SecretFreeJson = Record<string, unknown>;

export interface RawCacheFile {
  state: ReadState;
  /** What exactly is wrong, for humans (never file content). */
  detail?: string;
  /** The error code for `unreadable` / `not-a-file`, e.g. `EACCES`. */
  errno?: string;
  data?: SecretFreeJson;
}

/** Cache files are a few hundred bytes; anything above this is not one. */
export const MAX_CACHE_FILE_BYTES = 1024 * 1024;

/**
 * The default reader: opens without blocking (a FIFO named `x.json` cannot hang us), refuses
 * anything that is not a regular file, and reads at most {@link MAX_CACHE_FILE_BYTES}.
 */
export function defaultReader(file: string): Uint8Array {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) {
      throw Object.assign(new Error('not a regular file'), { code: st.isDirectory() ? 'EISDIR' : 'ENOTREG' });
    }
    if (st.size > MAX_CACHE_FILE_BYTES) throw Object.assign(new Error('too large'), { code: 'EFBIG' });
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

// Keys whose values we keep (times, ids), containers we descend into, and secrets reduced to "present".
const KEEP_VALUE = new Set(['expiresAt', 'registrationExpiresAt', 'Expiration', 'AccountId', 'accountId']);
const KEEP_CONTAINER = new Set(['Credentials', 'accessToken']);
const PRESENCE_ONLY = new Set([
  'accessToken',
  'refreshToken',
  'AccessKeyId',
  'accessKeyId',
  'SecretAccessKey',
  'secretAccessKey',
  'SessionToken',
  'sessionToken',
  // client registration (SSO) and DPoP key (aws login): botocore needs them to refresh
  'clientId',
  'clientSecret',
  'dpopKey',
]);

/**
 * JSON.parse reviver that keeps only the allow-listed keys. Children are revived before their
 * parent, so by the time a container is kept it holds nothing secret either.
 */
export function secretFreeReviver(key: string, value: unknown): unknown {
  if (key === '') return value;
  const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
  if (KEEP_CONTAINER.has(key) && isObject) return value;
  if (PRESENCE_ONLY.has(key)) return typeof value === 'string' ? value.length > 0 : value !== null && value !== false;
  if (KEEP_VALUE.has(key)) return value;
  return undefined;
}

interface SyntaxProblem {
  offset: number;
  /** The text ended before the JSON value did: typical of an interrupted write. */
  truncated: boolean;
  expected: string;
}

/** A small JSON syntax checker, used only to describe why JSON.parse failed. */
export function findJsonSyntaxProblem(text: string): SyntaxProblem | undefined {
  const n = text.length;
  let i = 0;
  const fail = (expected: string): never => {
    throw { offset: i, truncated: i >= n, expected } satisfies SyntaxProblem;
  };
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (i >= n || text[i] !== ch) fail(`'${word}'`);
      i++;
    }
  };
  const string = () => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c === 92) {
        i++;
        if (i >= n) fail('an escape sequence');
        const e = text[i];
        if (e === 'u') {
          for (let k = 1; k <= 4; k++) {
            i++;
            if (i >= n || !/[0-9a-fA-F]/.test(text[i])) fail('4 hex digits after \\u');
          }
          i++;
        } else if ('"\\/bfnrt'.includes(e)) i++;
        else fail('a valid escape sequence');
      } else if (c < 32) fail('a closing quote (no raw control characters in a string)');
      else i++;
    }
    fail('a closing quote');
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  // Iterative over containers so that deep nesting cannot overflow the stack.
  const stack: ('{' | '[')[] = [];
  const value = () => {
    ws();
    if (i >= n) fail('a value');
    const c = text[i];
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      ws();
      if (text[i] === (c === '{' ? '}' : ']')) {
        stack.pop();
        i++;
        return false;
      }
      return true; // entered a non-empty container
    }
    if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m || m[0] === '-') {
        if (c === '-' && i + 1 >= n) i++;
        fail('a value');
      }
      i += (m as RegExpExecArray)[0].length;
    }
    return false;
  };
  const member = () => {
    // inside an object, before a member
    ws();
    if (i >= n || text[i] !== '"') fail('a double-quoted property name');
    string();
    ws();
    if (i >= n || text[i] !== ':') fail("':' after the property name");
    i++;
    return value();
  };
  try {
    let entered = value();
    for (;;) {
      if (entered) {
        entered = stack[stack.length - 1] === '{' ? member() : value();
        continue;
      }
      if (stack.length === 0) break;
      ws();
      const top = stack[stack.length - 1];
      const close = top === '{' ? '}' : ']';
      if (i < n && text[i] === ',') {
        i++;
        entered = top === '{' ? member() : value();
      } else if (i < n && text[i] === close) {
        i++;
        stack.pop();
      } else fail(`',' or '${close}'`);
    }
    ws();
    if (i < n) fail('the end of the file after the JSON value');
    return undefined;
  } catch (e) {
    if (e && typeof e === 'object' && 'offset' in e) return e as SyntaxProblem;
    throw e;
  }
}

function lineColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      lineStart = k + 1;
    }
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

function errorCode(err: unknown): string | undefined {
  return err && typeof err === 'object' && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
}

/** A reader's error as the file's state. */
function readError(err: unknown): RawCacheFile {
  const code = errorCode(err);
  switch (code) {
    case 'ENOENT':
      return { state: 'missing', errno: code };
    case 'ENOTDIR':
      return { state: 'missing', errno: code, detail: 'a folder on its path is a file' };
    case 'EISDIR':
      return { state: 'not-a-file', errno: code, detail: 'is a directory, not a file' };
    case 'ENOTREG':
      return { state: 'not-a-file', errno: code, detail: 'is not a regular file (a FIFO, socket or device)' };
    case 'EFBIG':
      return { state: 'malformed', errno: code, detail: `is larger than ${MAX_CACHE_FILE_BYTES / 1024} KiB: not a credential cache file` };
    case 'EACCES':
    case 'EPERM':
      return { state: 'unreadable', errno: code, detail: `permission denied (${code})` };
    default:
      return { state: 'unreadable', errno: code, detail: code ? `cannot be read (${code})` : 'cannot be read' };
  }
}

/** Read and parse one cache file, keeping no secret. Never throws. */
export function readCacheFile(file: string, reader: CacheFileReader = defaultReader): RawCacheFile {
  let bytes: string | Uint8Array;
  try {
    bytes = reader(file);
  } catch (err) {
    return readError(err);
  }
  const text = typeof bytes === 'string' ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  bytes = '';
  return parseCacheText(text);
}

/** The text of a cache file -> its secret-free data, or what is wrong with it. */
function parseCacheText(text: string): RawCacheFile {
  if (text.trim() === '') return { state: 'empty', detail: text.length === 0 ? 'is empty (0 bytes)' : 'holds only white space' };
  if (text.charCodeAt(0) === 0xfeff) {
    text = '';
    return { state: 'malformed', detail: 'starts with a byte order mark, which the AWS CLI cannot read' };
  }
  let data: unknown;
  try {
    data = JSON.parse(text, secretFreeReviver);
  } catch {
    let problem: SyntaxProblem | undefined;
    try {
      problem = findJsonSyntaxProblem(text);
    } catch {
      problem = undefined;
    }
    const where = problem ? lineColumn(text, problem.offset) : undefined;
    text = '';
    if (problem?.truncated) {
      return { state: 'truncated', detail: `ends early at ${where}, expected ${problem.expected} (an interrupted write?)` };
    }
    if (problem) return { state: 'malformed', detail: `is not valid JSON: expected ${problem.expected} at ${where}` };
    return { state: 'malformed', detail: 'is not valid JSON (nested too deeply)' };
  }
  text = '';
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { state: 'malformed', detail: `holds ${Array.isArray(data) ? 'an array' : data === null ? 'null' : `a ${typeof data}`}, not a JSON object` };
  }
  return { state: 'ok', data: data as SecretFreeJson };
}

/** The three shapes of cache file. */
export type CacheSchema = 'sso-token' | 'role-credentials' | 'login-session';

export interface CacheFacts {
  expiresAtMs: number;
  registrationExpiresAtMs?: number;
  hasRefreshToken?: boolean;
  /** SSO tokens and aws login sessions: `clientId` is present (its value is never read out). */
  hasClientId?: boolean;
  /** SSO tokens: `clientSecret` is present. */
  hasClientSecret?: boolean;
  /** aws login sessions: `dpopKey` is present. */
  hasDpopKey?: boolean;
  accountId?: string;
}

export type FactsResult = { ok: true; facts: CacheFacts } | { ok: false; state: 'malformed' | 'invalid-time'; detail: string };

function obj(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function accountId(v: unknown): string | undefined {
  return typeof v === 'string' && /^\d{12}$/.test(v) ? v : undefined;
}

function time(field: string, v: unknown): ParsedTime & { field: string } {
  return { ...parseTimestamp(v), field };
}

/** The facts a cache file of the given schema holds, or what is missing / wrong. */
export function extractFacts(schema: CacheSchema, data: SecretFreeJson): FactsResult {
  let expires: (ParsedTime & { field: string }) | undefined;
  const facts: Partial<CacheFacts> = {};
  if (schema === 'sso-token') {
    if (data.accessToken !== true) return { ok: false, state: 'malformed', detail: 'has no accessToken (the AWS CLI treats the token as invalid)' };
    if (data.expiresAt === undefined) return { ok: false, state: 'malformed', detail: 'has no expiresAt' };
    expires = time('expiresAt', data.expiresAt);
    facts.hasRefreshToken = data.refreshToken === true;
    facts.hasClientId = data.clientId === true;
    facts.hasClientSecret = data.clientSecret === true;
    if (data.registrationExpiresAt !== undefined) {
      const reg = time('registrationExpiresAt', data.registrationExpiresAt);
      if (!reg.ok) return { ok: false, state: 'invalid-time', detail: `registrationExpiresAt ${reg.problem}` };
      facts.registrationExpiresAtMs = reg.epochMs;
    }
  } else if (schema === 'role-credentials') {
    const creds = obj(data.Credentials);
    if (!creds) return { ok: false, state: 'malformed', detail: 'has no Credentials object' };
    if (creds.AccessKeyId !== true) return { ok: false, state: 'malformed', detail: 'has no Credentials.AccessKeyId' };
    if (creds.Expiration === undefined) return { ok: false, state: 'malformed', detail: 'has no Credentials.Expiration' };
    expires = time('Credentials.Expiration', creds.Expiration);
    const id = accountId(creds.AccountId);
    if (id) facts.accountId = id;
  } else {
    const token = obj(data.accessToken);
    if (!token) return { ok: false, state: 'malformed', detail: 'has no accessToken object' };
    if (token.expiresAt === undefined) return { ok: false, state: 'malformed', detail: 'has no accessToken.expiresAt' };
    expires = time('accessToken.expiresAt', token.expiresAt);
    facts.hasRefreshToken = data.refreshToken === true;
    facts.hasClientId = data.clientId === true;
    facts.hasDpopKey = data.dpopKey === true;
    const id = accountId(token.accountId);
    if (id) facts.accountId = id;
  }
  if (!expires.ok) return { ok: false, state: 'invalid-time', detail: `${expires.field} ${expires.problem}` };
  facts.expiresAtMs = expires.epochMs;
  return { ok: true, facts: facts as CacheFacts };
}

/** Lists a folder's file names; throws Node-style errors. */
export type DirectoryLister = (dir: string) => string[];

const defaultLister: DirectoryLister = (dir) => fs.readdirSync(dir);

/** Open flags of the listed-file fast path: never block (FIFOs), never follow a link swapped in. */
const LISTED_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOFOLLOW ?? 0);
/** Larger files leave the fast path (the full path checks the size limit). */
const SCRATCH_BYTES = 16 * 1024;
let scratch: Buffer | undefined;

/**
 * Read a file the folder listing showed as a regular file, with one open, one read and one close
 * into a reused buffer (no fstat, no per-file buffer), zeroing the bytes once decoded. Anything
 * unusual (an error, an empty or large file, something swapped in since the listing) returns
 * undefined, and {@link defaultReader} reads the file with all its checks instead.
 */
function readListedFile(file: string): string | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, LISTED_FLAGS);
  } catch {
    return undefined;
  }
  const buf = (scratch ??= Buffer.allocUnsafe(SCRATCH_BYTES));
  let n = 0;
  let failed = false;
  try {
    for (;;) {
      const r = fs.readSync(fd, buf, n, buf.length - n, null);
      if (r === 0) break;
      n += r;
      if (n === buf.length) break;
    }
  } catch {
    failed = true;
  } finally {
    fs.closeSync(fd);
  }
  if (failed || n === 0 || n === buf.length) {
    buf.fill(0, 0, n); // whatever was read stays nowhere
    return undefined;
  }
  const text = buf.toString('utf8', 0, n);
  buf.fill(0, 0, n);
  return text;
}

/**
 * A per-inspection memo: every path is read at most once, however many profiles share it
 * (5,000 SSO profiles of one sso-session read one token file). Each cache folder is listed once,
 * so files that do not exist cost a set lookup instead of a failed open.
 */
export class CacheFileStore {
  private readonly files = new Map<string, RawCacheFile>();
  /** Folder -> its names; undefined when it cannot be listed (then each file is tried). */
  private readonly listings = new Map<string, Set<string> | undefined>();
  /** Folder -> the names the listing showed as regular files (default reader and lister only). */
  private readonly regularFiles = new Map<string, Set<string>>();
  /** The default reader and lister: regular files take {@link readListedFile}. */
  private readonly fast: boolean;
  /** How many times the reader was called. */
  reads = 0;
  /**
   * Every path the answers came from, in the order first used: each file read (or tried), and each
   * folder listed (its entries decide which files are missing). Unchanged paths give unchanged answers.
   */
  readonly inputs = new Set<string>();

  constructor(
    private readonly reader: CacheFileReader = defaultReader,
    private readonly lister: DirectoryLister = defaultLister,
  ) {
    this.fast = reader === defaultReader && lister === defaultLister;
  }

  private listing(dir: string): Set<string> | undefined {
    if (this.listings.has(dir)) return this.listings.get(dir);
    this.inputs.add(dir);
    let names: Set<string> | undefined;
    try {
      if (this.fast) {
        const entries = fs.readdirSync(dir, { withFileTypes: true });
        const regular = new Set<string>();
        names = new Set();
        for (let i = 0; i < entries.length; i++) {
          const e = entries[i];
          names.add(e.name);
          if (e.isFile()) regular.add(e.name);
        }
        this.regularFiles.set(dir, regular);
      } else {
        names = new Set(this.lister(dir));
      }
    } catch (err) {
      // a folder that does not exist holds no files; anything else (EACCES, ENOTDIR): read each file
      names = errorCode(err) === 'ENOENT' ? new Set() : undefined;
    }
    this.listings.set(dir, names);
    return names;
  }

  /** The file `name` in folder `dir` (`file`: its path, when the caller has it already). */
  get(dir: string, name: string, file: string = dir + path.sep + name): RawCacheFile {
    let raw = this.files.get(file);
    if (!raw) {
      const names = this.listing(dir);
      if (names && !names.has(name)) {
        raw = { state: 'missing', errno: 'ENOENT' };
      } else {
        this.inputs.add(file);
        this.reads++;
        const text = this.fast && this.regularFiles.get(dir)?.has(name) ? readListedFile(file) : undefined;
        raw = text === undefined ? readCacheFile(file, this.reader) : parseCacheText(text);
      }
      this.files.set(file, raw);
    }
    return raw;
  }
}
