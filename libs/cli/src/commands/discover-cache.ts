/**
 * The discover cache: `awsmcp discover`'s rows kept between runs, with everything they were read
 * from, so that a run with nothing changed answers without parsing, classifying or inspecting again
 * (docs/decisions/0005-discover-cache.md).
 *
 * Kept in `<cache dir>/discover.json` (mode 600): a first line of JSON (what the result depends on,
 * the document's other members) and then the rows as text, exactly as `discover --json` prints them
 * (names, types, account ids, tags, times, next steps: nothing secret) with the ttlSeconds numbers
 * cut out; each input (the profile files, the tags file, every cache file and cache folder the
 * inspection used, token files) is kept with its identity, size, modification and change time. A hit
 * with no filters prints that text with fresh ttlSeconds: no row is parsed or stringified again.
 * A cached result is used only when
 *  - it was made by this version of awsmcp for the same home and the same AWS_* environment
 *    (kept as a hash, never the values: AWS_SECRET_ACCESS_KEY may be among them),
 *  - every input stats exactly as recorded (a file written in place changes its times, a file
 *    added to or removed from a folder changes the folder),
 *  - and the clock is between the run that made it and the first moment a light, a status or a
 *    next step could change (`stableUntilMs` from the inspector); only `ttlSeconds` is recomputed.
 * Results whose inputs changed within two seconds of the run are not kept (a second write in the
 * same timestamp tick would go unseen: the "racy" case git handles the same way).
 *
 * This module loads nothing but Node built-ins: a hit must cost a file read and a few hundred stats.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ParseDiagnostic } from '@awsmcp/aws-config-parser';
import { awsmcpCacheDir } from '../cache-dir';
import type { CliContext } from '../context';
import { renderMember } from '../output/json';

export interface DiscoverRow {
  profile: string;
  type: string;
  accountId?: string;
  env?: string;
  envSource?: 'tag' | 'heuristic' | 'account';
  role?: string;
  region?: string;
  expiresAt?: string;
  ttlSeconds?: number;
  light: 'green' | 'amber' | 'red' | 'none';
  status: string;
  /** Whose rules the row follows: `botocore` (Python servers, the default) or `js-sdk`. */
  runtime: 'botocore' | 'js-sdk';
  /** The provider that SDK uses (botocore's `Credentials.method` spelling); null: it fails or finds nothing. */
  provider: string | null;
  refreshesItself: boolean;
  /** Why: for a row whose provider is null or whose light is red. */
  reason?: string;
  nextStep: string;
  command?: string;
  /** The exception the SDK raises for this profile (with `provider: null`). */
  exception?: string;
  /** botocore lists this profile but the cross-SDK rules reject its name. */
  botocoreOnly?: true;
}

/** Everything `discover` shows but the chains, for every profile (filters are applied after). */
export interface DiscoverResult {
  home: string;
  files: { config?: string; credentials?: string };
  /** `error`: the file does not parse (the run went on without tags; file:line:column in the message). */
  tagsFile: { path: string; exists: boolean; error?: { code: string; message: string; line?: number; column?: number } };
  profiles: DiscoverRow[];
  diagnostics: ParseDiagnostic[];
}

/** A result with what it depends on. */
export interface DiscoverComputation {
  result: DiscoverResult;
  /** The clock of the run (ctx.now()). */
  computedAtMs: number;
  /** The first moment a row other than its ttlSeconds can change; absent: never. */
  stableUntilMs?: number;
  /** Every file and folder the result was read from. */
  inputs: string[];
}

/** Bumped whenever the entry's layout or meaning changes. */
const FORMAT = 3;
/** Inputs changed this recently (real clock) are not trusted to show a second change in their times. */
export const RACY_MS = 2000;

/** The first line of a cache file. */
interface Meta {
  format: number;
  key: string;
  computedAtMs: number;
  stableUntilMs?: number;
  /** Paths and their stat prints, in the same order. */
  inputs: string[];
  prints: string[];
  /** The working folder, when an input path is relative (a web_identity_token_file can be). */
  cwd?: string;
  /** Everything of the result but the rows. */
  head: Omit<DiscoverResult, 'profiles'>;
  /** Byte offsets in the rows text where a ttlSeconds number goes, and the expiry (epoch ms) it counts down to. */
  cuts: number[];
  expiries: number[];
}

/** A cached result: the document's members, the rows as `--json` prints them. */
export interface CachedDiscover {
  head: Omit<DiscoverResult, 'profiles'>;
  /** The `profiles` member's text in UTF-8 (see renderMember), ttlSeconds counted for the clock given. */
  profilesJson: Buffer;
}

/** Stands for a ttlSeconds value while the rows are rendered. */
const TTL_MARK = '\u0001ttl';
/** A row's ttlSeconds member in the rendered rows: rows are at depth 2, their members at depth 3. */
const TTL_AT = '\n      "ttlSeconds": ';

export function discoverCacheFile(ctx: Pick<CliContext, 'env' | 'home'>): string {
  return path.join(awsmcpCacheDir(ctx), 'discover.json');
}

let version: string | undefined;
function cliVersion(): string {
  if (version === undefined) {
    try {
      version = (require('../../package.json') as { version: string }).version;
    } catch {
      version = 'unknown';
    }
  }
  return version;
}

/** Variables outside AWS_* that decide where files are found. */
const LOCATION_VARIABLES = ['HOME', 'USERPROFILE', 'HOMEDRIVE', 'HOMEPATH', 'XDG_CACHE_HOME', 'XDG_CONFIG_HOME', 'APPDATA'];
/** AWS_* variables naming paths: relative ones depend on the working folder. */
const PATH_VARIABLES = ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_LOGIN_CACHE_DIRECTORY'];

/**
 * A 106-bit hash of `text` (two 53-bit cyrb53 hashes with different seeds), as hex. For cache keys
 * only: loading node:crypto costs ~3 ms, 4% of Node's whole start-up and a tenth of a cache hit.
 * Like any hash of a secret it lets one confirm a guess of the secret, nothing more; the entry is
 * readable only by its owner, who has the environment anyway.
 */
export function keyHash(text: string): string {
  const cyrb53 = (seed: number): number => {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ seed;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
    h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
    h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
  };
  return cyrb53(1).toString(16).padStart(14, '0') + cyrb53(2).toString(16).padStart(14, '0');
}

/**
 * What a cached result must have been made with: this awsmcp version and entry format, the home,
 * the platform, every AWS_* variable and the location variables (hashed: values never stored), and
 * the working folder when a path variable is relative.
 */
export function discoverCacheKey(ctx: Pick<CliContext, 'libEnv' | 'home' | 'platform' | 'cwd'>): string {
  const env = ctx.libEnv;
  const names = Object.keys(env)
    .filter((k) => k.startsWith('AWS_') || LOCATION_VARIABLES.includes(k))
    .sort();
  const relative = PATH_VARIABLES.some((k) => {
    const v = env[k];
    return v !== undefined && v !== '' && !path.isAbsolute(v) && !v.startsWith('~');
  });
  const parts = [String(FORMAT), cliVersion(), ctx.home, ctx.platform, relative ? ctx.cwd : ''];
  for (const k of names) parts.push(`${k}=${env[k] ?? ''}`);
  return keyHash(parts.join('\0'));
}

/** A path's stat, or the error code that kept it from being taken. */
function statOf(file: string): fs.Stats | undefined | string {
  try {
    return fs.statSync(file, { throwIfNoEntry: false });
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? 'error';
  }
}

/** Identity, size and times of a path ('-' when it does not exist); changes whenever its content or entries do. */
function printOf(st: fs.Stats | undefined | string): string {
  if (typeof st === 'string') return `!${st}`;
  return st === undefined ? '-' : `${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
}

function print(file: string): string {
  return printOf(statOf(file));
}

/**
 * The cached result for `key` at `nowMs` (ctx.now()) in working folder `cwd`, with each ttlSeconds counted for `nowMs`;
 * undefined when there is none, it is stale, or it cannot be read (a cache never fails a run).
 */
export function readDiscoverCache(file: string, key: string, nowMs: number, cwd: string): CachedDiscover | undefined {
  let meta: Meta;
  let bytes: Buffer;
  let start: number;
  try {
    // bytes, not text: the rows are copied to the output without being decoded and encoded again
    bytes = fs.readFileSync(file);
    const nl = bytes.indexOf(10);
    if (nl < 0) return undefined;
    meta = JSON.parse(bytes.toString('utf8', 0, nl)) as Meta;
    start = nl + 1;
  } catch {
    return undefined;
  }
  if (meta === null || typeof meta !== 'object' || meta.format !== FORMAT || meta.key !== key) return undefined;
  if (!(nowMs >= meta.computedAtMs) || (meta.stableUntilMs !== undefined && !(nowMs < meta.stableUntilMs))) return undefined;
  if (meta.cwd !== undefined && meta.cwd !== cwd) return undefined;
  const { inputs, prints, cuts, expiries, head } = meta;
  if (!Array.isArray(inputs) || !Array.isArray(prints) || inputs.length !== prints.length) return undefined;
  if (!Array.isArray(cuts) || !Array.isArray(expiries) || cuts.length !== expiries.length || !head) return undefined;
  for (let i = 0; i < inputs.length; i++) if (print(inputs[i]) !== prints[i]) return undefined;
  const profilesJson = fillTtls(bytes, start, cuts, expiries, nowMs);
  return profilesJson ? { head, profilesJson } : undefined;
}

/**
 * The rows of `bytes` (from offset `start`) with each ttlSeconds counted for `nowMs` put in at its cut;
 * undefined when the cuts do not fit the bytes.
 */
function fillTtls(bytes: Buffer, start: number, cuts: readonly number[], expiries: readonly number[], nowMs: number): Buffer | undefined {
  const ttls: string[] = new Array(cuts.length);
  let size = bytes.length - start;
  let last = 0;
  for (let i = 0; i < cuts.length; i++) {
    if (!(cuts[i] >= last && start + cuts[i] <= bytes.length)) return undefined;
    last = cuts[i];
    ttls[i] = String(Math.floor((expiries[i] - nowMs) / 1000));
    size += ttls[i].length;
  }
  const out = Buffer.allocUnsafe(size);
  let o = 0;
  let from = start;
  for (let i = 0; i < cuts.length; i++) {
    const at = start + cuts[i];
    out.set(bytes.subarray(from, at), o);
    o += at - from;
    // ASCII digits and a minus sign: one byte each
    const ttl = ttls[i];
    for (let k = 0; k < ttl.length; k++) out[o++] = ttl.charCodeAt(k);
    from = at;
  }
  out.set(bytes.subarray(from), o);
  return out;
}

export type CacheWrite = 'written' | 'racy' | 'failed';

/** Rows as renderMember prints them (UTF-8) with the ttlSeconds numbers cut out (see {@link Meta}). */
export interface KeptRows {
  bytes: Buffer;
  cuts: number[];
  expiries: number[];
}

/** The rows rendered once, for the cache entry and for printing ({@link keptRowsAt}). */
export function keepRows(rows: readonly DiscoverRow[]): KeptRows | undefined {
  const expiries: number[] = [];
  const marked = rows.map((r) => {
    if (r.ttlSeconds === undefined) return r;
    const ms = r.expiresAt === undefined ? NaN : Date.parse(r.expiresAt);
    expiries.push(ms);
    return { ...r, ttlSeconds: TTL_MARK };
  });
  if (expiries.some((ms) => !Number.isFinite(ms))) return undefined;
  const rendered = renderMember(marked);
  const needle = TTL_AT + JSON.stringify(TTL_MARK);
  const pieces: string[] = [];
  const cuts: number[] = [];
  let length = 0;
  let from = 0;
  for (let at = rendered.indexOf(needle); at >= 0; at = rendered.indexOf(needle, from)) {
    const piece = rendered.slice(from, at + TTL_AT.length);
    pieces.push(piece);
    length += Buffer.byteLength(piece);
    cuts.push(length);
    from = at + needle.length;
  }
  pieces.push(rendered.slice(from));
  if (cuts.length !== expiries.length) return undefined;
  return { bytes: Buffer.from(pieces.join('')), cuts, expiries };
}

/** The `profiles` member's text (as readDiscoverCache gives it) of kept rows, ttlSeconds counted for `nowMs`. */
export function keptRowsAt(kept: KeptRows, nowMs: number): Buffer {
  return fillTtls(kept.bytes, 0, kept.cuts, kept.expiries, nowMs) as Buffer;
}

/**
 * Keep `computation` (its rows as {@link keepRows} gave them) for later runs. `startedAtMs` is the
 * real clock (Date.now()) when the run began reading its inputs: any input changed since two seconds
 * before that is "racy" and nothing is kept.
 * Written through safe-write (unpredictable O_EXCL temp file + rename, mode 600; a symlink in
 * its place is replaced, not followed); failures are reported, never thrown.
 */
export function writeDiscoverCache(file: string, key: string, computation: DiscoverComputation, kept: KeptRows, startedAtMs: number, cwd: string): CacheWrite {
  const inputs = [...new Set(computation.inputs)];
  const prints: string[] = [];
  const limit = startedAtMs - RACY_MS;
  for (const input of inputs) {
    const st = statOf(input);
    if (typeof st === 'object' && (st.mtimeMs > limit || st.ctimeMs > limit)) return 'racy';
    prints.push(printOf(st));
  }
  const { profiles: _rows, ...head } = computation.result;
  const meta: Meta = {
    format: FORMAT,
    key,
    computedAtMs: computation.computedAtMs,
    ...(computation.stableUntilMs !== undefined ? { stableUntilMs: computation.stableUntilMs } : {}),
    inputs,
    prints,
    ...(inputs.some((f) => !path.isAbsolute(f)) ? { cwd } : {}),
    head,
    cuts: kept.cuts,
    expiries: kept.expiries,
  };
  try {
    // loaded here: a cache hit never writes, and safe-write is the only module this needs
    const { writeFileAtomicSync } = require('@awsmcp/mcp-config-model/safe-write') as typeof import('@awsmcp/mcp-config-model/safe-write');
    writeFileAtomicSync(file, Buffer.concat([Buffer.from(`${JSON.stringify(meta)}\n`), kept.bytes]), { mode: 0o600 });
    return 'written';
  } catch {
    return 'failed';
  }
}
