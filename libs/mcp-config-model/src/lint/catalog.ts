/**
 * Which server package an entry runs (`uvx pkg==1.2.3`, `uvx pkg@1.2.3`, `uvx --from pkg==1.2.3 script`,
 * `uv tool run ...`, `npx -y pkg@1.2.3`), and the catalog facts about it. The catalog is a parameter,
 * so this package depends on no other; `getCatalog()` of @awsmcp/starter-kits has this shape (its
 * `Catalog` extends this one: one shape, defined here).
 */
export interface CatalogServer {
  /** Catalog id (`eks`), for messages. */
  id?: string;
  /** PyPI / npm package (absent for a remote URL entry). */
  package?: string;
  /** The pinned version. */
  version?: string;
  /** Every flag the server's own argument parser accepts. */
  acceptedFlags: string[];
  /** True (argparse `parse_args()`): any other flag makes it exit at start. False: other flags are ignored. Absent: unknown (treated as true). */
  rejectsUnknownFlags?: boolean;
  /** A deprecation notice, when the server is deprecated or superseded. */
  deprecated?: string;
  /** The catalog id of its successor. */
  supersededBy?: string;
  /** What users must know about running it (lint `SERVER_CAVEAT`); `whenArg`: only when the entry passes that argument. */
  caveats?: { severity: 'warning' | 'info'; message: string; fix?: string; whenArg?: string }[];
}

export interface Catalog {
  servers: CatalogServer[];
}

export interface ServerPackage {
  runner: 'uvx' | 'npx';
  package: string;
  /** Version or range as written (`1.2.3`, `latest`, `>=1`), if any. */
  version?: string;
  /** An exact version (`==1.2.3` / `@1.2.3`). */
  pinned: boolean;
  /** Asked for `@latest`. */
  latest: boolean;
  /** Index in `args` of the argument naming the package. */
  specIndex: number;
  /** Index in `args` where the server's own arguments start. */
  serverArgsStart: number;
}

const EXACT = /^v?\d+(\.\d+)*([-+.][0-9A-Za-z.-]+)?$/;

/** PEP 503 normal form: lower case, runs of `-`, `_`, `.` as one `-`. */
export function normalizePackageName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

function basename(cmd: string): string {
  return cmd.replace(/\\/g, '/').split('/').pop()!.replace(/\.(exe|cmd|bat)$/i, '').toLowerCase();
}

function parsePython(spec: string): { name: string; version?: string; op?: string } {
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(==|@|>=|<=|~=|!=|>|<)?\s*(.*)$/.exec(spec.trim());
  if (!m) return { name: spec };
  return { name: m[1]!, ...(m[3] ? { op: m[3], version: m[4]! } : {}) };
}

function parseNpm(spec: string): { name: string; version?: string } {
  const at = spec.startsWith('@') ? spec.indexOf('@', 1) : spec.indexOf('@');
  return at > 0 ? { name: spec.slice(0, at), version: spec.slice(at + 1) } : { name: spec };
}

const UVX_VALUE_OPTIONS = new Set(['--with', '-w', '--python', '-p', '--index', '--index-url', '--extra-index-url', '--default-index', '--with-requirements', '--with-editable', '--constraints', '-c', '--find-links', '-f', '--directory', '--env-file']);

function detectUvx(args: readonly string[], offset: number): ServerPackage | undefined {
  let from: { spec: string; index: number } | undefined;
  for (let i = offset; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--from') {
      if (i + 1 < args.length) from = { spec: args[i + 1]!, index: i + 1 };
      i++;
      continue;
    }
    if (a.startsWith('--from=')) {
      from = { spec: a.slice(7), index: i };
      continue;
    }
    if (UVX_VALUE_OPTIONS.has(a)) {
      i++;
      continue;
    }
    if (a.startsWith('-')) continue;
    const spec = from ?? { spec: a, index: i };
    const p = parsePython(spec.spec);
    const version = p.version;
    const exact = (p.op === '==' || p.op === '@') && version !== undefined && EXACT.test(version);
    return {
      runner: 'uvx',
      package: p.name,
      ...(version !== undefined ? { version } : {}),
      pinned: exact,
      latest: version === 'latest',
      specIndex: spec.index,
      serverArgsStart: i + 1,
    };
  }
  return undefined;
}

const NPX_BOOLEAN = new Set(['-y', '--yes', '-q', '--quiet', '--no-install', '--ignore-existing', '--no']);

function detectNpx(args: readonly string[]): ServerPackage | undefined {
  let pkg: { spec: string; index: number } | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-p' || a === '--package') {
      if (i + 1 < args.length) pkg = { spec: args[i + 1]!, index: i + 1 };
      i++;
      continue;
    }
    if (a.startsWith('--package=')) {
      pkg = { spec: a.slice(10), index: i };
      continue;
    }
    if (NPX_BOOLEAN.has(a) || a.startsWith('-')) continue;
    const spec = pkg ?? { spec: a, index: i };
    const p = parseNpm(spec.spec);
    return {
      runner: 'npx',
      package: p.name,
      ...(p.version !== undefined ? { version: p.version } : {}),
      pinned: p.version !== undefined && EXACT.test(p.version),
      latest: p.version === 'latest',
      specIndex: spec.index,
      serverArgsStart: i + 1,
    };
  }
  return undefined;
}

/** The package an entry runs through uvx / uv tool run / npx, or undefined for anything else. */
export function detectServerPackage(command: string | undefined, args: readonly string[] = []): ServerPackage | undefined {
  if (!command) return undefined;
  const cmd = basename(command);
  if (cmd === 'uvx') return detectUvx(args, 0);
  if (cmd === 'uv' && args[0] === 'tool' && args[1] === 'run') return detectUvx(args, 2);
  if (cmd === 'npx') return detectNpx(args);
  return undefined;
}

export function findCatalogServer(catalog: Catalog | undefined, pkg: string): CatalogServer | undefined {
  const want = normalizePackageName(pkg);
  return catalog?.servers.find((s) => s.package !== undefined && normalizePackageName(s.package) === want);
}
