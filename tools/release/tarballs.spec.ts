/**
 * Every package as npm ships it: `npm pack` of the built packages, then
 * - publint and @arethetypeswrong/cli (attw) on each tarball: no problem, no suggestion;
 * - the CLI and its five libraries installed from the tarballs into an empty folder (dependencies
 *   from the npm registry or the npm cache), used by a CommonJS consumer, an ESM consumer (every
 *   export Node's CommonJS loader finds is a named ESM import too) and TypeScript consumers
 *   (module node16 and bundler resolution); the installed size is printed.
 * The Nx plugin's consumers (CJS, ESM, its generators and executor under the real nx CLI) are
 * tools/e2e-nx, which installs nx itself.
 *
 * Needs the npm registry (or a warm npm cache).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../..');
const ALL: Record<string, string> = {
  '@awsmcp/aws-config-parser': 'libs/aws-config-parser',
  '@awsmcp/credential-cache-inspector': 'libs/credential-cache-inspector',
  '@awsmcp/mcp-config-model': 'libs/mcp-config-model',
  '@awsmcp/prod-guard': 'libs/prod-guard',
  '@awsmcp/starter-kits': 'libs/starter-kits',
  '@awsmcp/cli': 'libs/cli',
  '@awsmcp/nx': 'generators/nx',
};
/** What a CLI user installs: the CLI and its libraries (not the Nx plugin, which needs nx). */
const CLI_SET = Object.keys(ALL).filter((n) => n !== '@awsmcp/nx');

let tmp: string;
let consumer: string;
const tarballs: Record<string, string> = {};

function baseEnv(): NodeJS.ProcessEnv {
  const keep = /^(PATH|TMPDIR|TEMP|TMP|LANG|LC_ALL|USER|LOGNAME|SHELL|HOME|SystemRoot|COMSPEC|PATHEXT|NODE_EXTRA_CA_CERTS|https?_proxy|no_proxy|HTTPS?_PROXY|NO_PROXY|npm_config_(registry|cache|proxy|https_proxy|strict_ssl|cafile|userconfig))$/;
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (keep.test(k) && v !== undefined) env[k] = v;
  return { ...env, FORCE_COLOR: '0', NO_COLOR: '1' };
}

function run(cmd: string, args: string[], cwd: string, timeout = 120_000): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env: baseEnv(), encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
}

function out(r: SpawnSyncReturns<string>): string {
  return `${r.stdout ?? ''}${r.stderr ?? ''}`;
}

function must(r: SpawnSyncReturns<string>, what: string): string {
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}${r.error ? `, ${r.error.message}` : ''}):\n${out(r).slice(-4000)}`);
  return r.stdout;
}

const bin = (name: string) => path.join(repo, 'node_modules', '.bin', name);

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'awsmcp-tarballs-'));
  const packs = path.join(tmp, 'packs');
  consumer = path.join(tmp, 'consumer');
  fs.mkdirSync(packs);
  fs.mkdirSync(consumer);
  for (const [name, dir] of Object.entries(ALL)) {
    if (!fs.existsSync(path.join(repo, dir, 'dist', 'index.js'))) throw new Error(`${dir}/dist is missing: run npx nx run-many -t build`);
    const r = must(run('npm', ['pack', '--json', '--pack-destination', packs], path.join(repo, dir)), `npm pack (${dir})`);
    tarballs[name] = path.join(packs, path.basename((JSON.parse(r.slice(r.indexOf('['))) as { filename: string }[])[0]!.filename));
  }
  fs.writeFileSync(
    path.join(consumer, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '0.0.0', private: true, dependencies: Object.fromEntries(CLI_SET.map((n) => [n, `file:${tarballs[n]}`])) }, null, 2),
  );
  const install = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], consumer, 240_000);
  if (install.status !== 0) throw new Error(`npm install of the tarballs failed (exit ${install.status}; it needs the npm registry or a warm cache):\n${out(install).slice(-3000)}`);
}, 300_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('every tarball', () => {
  it.each(Object.keys(ALL))('%s: publint finds nothing', (name) => {
    const r = run(bin('publint'), ['run', tarballs[name]!, '--strict']);
    expect([r.status, out(r)]).toEqual([0, expect.stringContaining('All good!')]);
  });

  it.each(Object.keys(ALL))('%s: attw finds no problem under node10, node16 (CJS, ESM) and bundler', (name) => {
    const r = run(bin('attw'), [tarballs[name]!, '--format', 'json']);
    const report = JSON.parse(r.stdout) as { analysis: { problems: { kind: string; entrypoint?: string; resolutionKind?: string }[] } };
    expect(report.analysis.problems).toEqual([]);
    expect(r.status).toBe(0);
  });
});

describe('consumers of the installed tarballs', () => {
  it('CommonJS: require() of every package', () => {
    const script = `for (const n of ${JSON.stringify(CLI_SET)}) { const m = require(n); if (Object.keys(m).length === 0) throw new Error(n + ' exports nothing'); } console.log('ok');`;
    expect(must(run(process.execPath, ['-e', script], consumer), 'CJS consumer').trim()).toBe('ok');
  });

  it('ESM: every export is a named import (no CommonJS export hidden from Node)', () => {
    const script = `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const missing = [];
for (const n of ${JSON.stringify(CLI_SET)}) {
  const ns = await import(n);
  for (const k of Object.keys(require(n))) if (!(k in ns)) missing.push(n + ':' + k);
}
console.log(JSON.stringify(missing));`;
    expect(JSON.parse(must(run(process.execPath, ['--input-type=module', '-e', script], consumer), 'ESM consumer'))).toEqual([]);
  });

  it.each([
    ['node16', { module: 'node16', moduleResolution: 'node16' }],
    ['bundler', { module: 'esnext', moduleResolution: 'bundler' }],
  ])('TypeScript (%s): the declarations resolve and type-check', (label, options) => {
    const dir = path.join(consumer, `ts-${label}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'index.ts'),
      [
        "import { loadProfiles } from '@awsmcp/aws-config-parser';",
        "import { inspectProfiles } from '@awsmcp/credential-cache-inspector';",
        "import * as model from '@awsmcp/mcp-config-model';",
        "import * as guard from '@awsmcp/prod-guard';",
        "import { getCatalog } from '@awsmcp/starter-kits';",
        "import { main } from '@awsmcp/cli';",
        'export const used = [loadProfiles, inspectProfiles, model, guard, getCatalog, main];',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { ...options, target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [path.join(repo, 'node_modules/@types')] },
        files: ['index.ts'],
      }),
    );
    const r = run(process.execPath, [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', dir], dir);
    expect([r.status, out(r)]).toEqual([0, '']);
  });

  it('the CLI runs from the installed tarball', () => {
    const r = run(process.execPath, [path.join(consumer, 'node_modules/@awsmcp/cli/dist/bin.js'), '--help'], consumer);
    expect([r.status, out(r)]).toEqual([0, expect.stringContaining('Usage: awsmcp')]);
  });

  it('installed size of the CLI and its libraries: at most 60 MB (docs/performance.md)', () => {
    const mb = Number(must(run('du', ['-sm', 'node_modules'], consumer), 'du').split(/\s/)[0]);
    const count = must(run('npm', ['ls', '--all', '--parseable'], consumer), 'npm ls').trim().split('\n').length - 1;
    // eslint-disable-next-line no-console
    console.log(`install size: ${mb} MB, ${count} packages`);
    expect(mb).toBeLessThanOrEqual(60);
    expect(fs.existsSync(path.join(consumer, 'node_modules/gpt-tokenizer'))).toBe(false);
  });

  it.each([
    [['tokens', 'eks', '--profile', 'dev', '--region', 'eu-west-1', '--no-save'], 'gpt-tokenizer'],
    [['org-scan', '--profile', 'dev'], '@aws-sdk/client-organizations'],
  ])('awsmcp %j without its optional peer: exit 1, saying how to install %s', (args, pkg) => {
    const home = path.join(tmp, 'home');
    fs.mkdirSync(path.join(home, '.aws'), { recursive: true });
    fs.writeFileSync(path.join(home, '.aws', 'config'), '[profile dev]\nregion = eu-west-1\n');
    const r = run(process.execPath, [path.join(consumer, 'node_modules/@awsmcp/cli/dist/bin.js'), '--home', home, ...args], consumer);
    expect([r.status, out(r)]).toEqual([1, expect.stringContaining(`needs ${pkg}, which is not installed`)]);
    expect(out(r)).toContain(`npm install -g ${pkg}@`);
  });
});
