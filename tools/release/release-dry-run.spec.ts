/**
 * `nx release --dry-run --first-release --yes` in a fresh clone of the committed HEAD: no dist/, no
 * .nx/, node_modules linked from this checkout (with the @awsmcp packages pointing into the clone).
 * It must build before it publishes (nx-release-publish dependsOn build), version every package
 * from 0.0.0 to 0.1.0 with `^` sibling ranges, render changelog entries, and list the built files
 * of all seven packages in the npm publish dry run. Then every emitted source map must carry its
 * sources (they point at src/, which is not shipped).
 *
 * It tests what is committed (a clone is what a release starts from), with no Nx cache: the seven
 * builds run in the clone. That takes about a minute on two idle cores (several under load).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../..');
const PACKAGES: Record<string, { dir: string; files: string[] }> = {
  '@awsmcp/aws-config-parser': { dir: 'libs/aws-config-parser', files: ['dist/index.js', 'dist/index.d.ts'] },
  '@awsmcp/credential-cache-inspector': { dir: 'libs/credential-cache-inspector', files: ['dist/index.js', 'dist/index.d.ts'] },
  '@awsmcp/mcp-config-model': { dir: 'libs/mcp-config-model', files: ['dist/index.js', 'dist/index.d.ts'] },
  '@awsmcp/prod-guard': { dir: 'libs/prod-guard', files: ['dist/index.js', 'dist/index.d.ts'] },
  '@awsmcp/starter-kits': { dir: 'libs/starter-kits', files: ['dist/index.js', 'dist/index.d.ts'] },
  '@awsmcp/cli': { dir: 'libs/cli', files: ['dist/index.js', 'dist/index.d.ts', 'dist/bin.js'] },
  '@awsmcp/nx': { dir: 'generators/nx', files: ['dist/index.js', 'dist/index.d.ts', 'dist/plugin.js', 'dist/plugin.d.ts', 'generators.json', 'executors.json'] },
};

let tmp: string;
let clone: string;
let output = '';
let status: number | null = null;

function env(): NodeJS.ProcessEnv {
  const keep = /^(PATH|TMPDIR|TEMP|TMP|LANG|LC_ALL|USER|LOGNAME|SHELL|HOME|SystemRoot|COMSPEC|PATHEXT|NODE_EXTRA_CA_CERTS|https?_proxy|no_proxy|HTTPS?_PROXY|NO_PROXY|npm_config_(registry|cache|userconfig))$/;
  const e: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (keep.test(k) && v !== undefined) e[k] = v;
  return {
    ...e,
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_TUI: 'false',
    NX_SKIP_NX_CACHE: 'true',
    CI: 'true',
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    GIT_AUTHOR_NAME: 'release-check',
    GIT_AUTHOR_EMAIL: 'release-check@example.com',
    GIT_COMMITTER_NAME: 'release-check',
    GIT_COMMITTER_EMAIL: 'release-check@example.com',
  };
}

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: env() });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout.trim();
}

/** node_modules of the clone: every entry linked from this checkout, the @awsmcp packages to the clone's own folders. */
function linkNodeModules(): void {
  const src = path.join(repo, 'node_modules');
  const dst = path.join(clone, 'node_modules');
  fs.mkdirSync(dst);
  for (const name of fs.readdirSync(src)) {
    if (name === '@awsmcp') continue;
    fs.symlinkSync(path.join(src, name), path.join(dst, name));
  }
  fs.mkdirSync(path.join(dst, '@awsmcp'));
  for (const [name, { dir }] of Object.entries(PACKAGES)) fs.symlinkSync(path.join(clone, dir), path.join(dst, name));
}

/** The `npm publish --dry-run` file list Nx printed for one package. */
function tarballFiles(pkg: string): string[] {
  const start = output.indexOf(`📦  ${pkg}@`);
  if (start < 0) return [];
  const end = output.indexOf('total files:', start);
  return output
    .slice(start, end)
    .split('\n')
    .map((l) => /^\s*[\d.]+k?B\s+(\S+)/.exec(l)?.[1])
    .filter((f): f is string => !!f);
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'awsmcp-release-'));
  clone = path.join(tmp, 'clone');
  const head = git(repo, 'rev-parse', 'HEAD');
  git(tmp, 'clone', '--quiet', '--shared', '--no-checkout', repo, clone);
  git(clone, 'checkout', '--quiet', '--detach', head);
  expect(fs.existsSync(path.join(clone, 'libs/cli/dist'))).toBe(false);
  linkNodeModules();
  const r = spawnSync(process.execPath, [path.join(clone, path.relative(repo, require.resolve('nx/bin/nx', { paths: [repo] }))), 'release', '--dry-run', '--first-release', '--yes'], {
    cwd: clone,
    env: env(),
    encoding: 'utf8',
    timeout: 590_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  status = r.status;
  // eslint-disable-next-line no-control-regex
  output = `${r.stdout ?? ''}${r.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '');
}, 600_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('nx release --dry-run --first-release from a fresh clone', () => {
  it('exits 0', () => {
    expect([status, status === 0 ? '' : output.slice(-4000)]).toEqual([0, '']);
  });

  it('versions every package from 0.0.0 to 0.1.0, sibling ranges ^0.1.0', () => {
    for (const { dir } of Object.values(PACKAGES)) {
      expect(output).toContain(`New version 0.1.0 written to manifest: ${dir}/package.json`);
    }
    expect(output).toMatch(/-\s+"@awsmcp\/aws-config-parser": "\^0\.0\.0"\n\+\s+"@awsmcp\/aws-config-parser": "\^0\.1\.0"/);
    expect(output).not.toMatch(/New version 0\.(0\.1|1\.1)\b/);
  });

  it('builds before publishing, and each publish dry run lists the built files', () => {
    for (const { dir } of Object.values(PACKAGES)) {
      const project = JSON.parse(fs.readFileSync(path.join(clone, dir, 'project.json'), 'utf8')).name as string;
      expect(output).toContain(`nx run ${project}:build`);
    }
    for (const [pkg, { files }] of Object.entries(PACKAGES)) {
      const listed = tarballFiles(pkg);
      expect([pkg, files.filter((f) => !listed.includes(f))]).toEqual([pkg, []]);
      expect([pkg, listed.filter((f) => /\.spec\.|tsbuildinfo|__fixtures__|(^|\/)src\//.test(f))]).toEqual([pkg, []]);
    }
  });

  it('renders changelog entries with commitlint scopes (no "**cli): ...:**")', () => {
    expect(output).toMatch(/CREATE libs\/cli\/CHANGELOG\.md \[dry-run\]/);
    expect(output).not.toMatch(/\*\*[^*\n]*\): [^*\n]*:\*\*/);
  });

  it('ships source maps that carry their sources (src/ is not shipped)', () => {
    for (const { dir } of Object.values(PACKAGES)) {
      const dist = path.join(clone, dir, 'dist');
      const maps = (fs.readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.js.map'));
      expect(maps.length).toBeGreaterThan(0);
      for (const m of maps) {
        const map = JSON.parse(fs.readFileSync(path.join(dist, m), 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
        expect([`${dir}/dist/${m}`, map.sourcesContent?.length, map.sourcesContent?.every((s) => typeof s === 'string')]).toEqual([`${dir}/dist/${m}`, map.sources.length, true]);
      }
    }
  });
});
