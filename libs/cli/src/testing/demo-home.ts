/** Test support: temp homes from the demo home (with a planted canary), in-process and built-bin runs. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assertBuilt, BIN, ROOT, runCli, startBin as startHarnessBin, type RunResult } from './home';

export { assertBuilt, BIN, ROOT, type RunResult };
export const CANARY = 'CANARY-SECRET-c4n4ry-9d1f';

const { seedDemoCaches } = require(path.join(ROOT, 'tools/demo/seed-caches.js')) as { seedDemoCaches(home: string, now?: Date): void };

/** Replace every fake secret in the home's credentials and cache files by the canary. */
function plantCanary(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) plantCanary(p);
    else if (entry.isFile()) {
      const text = fs.readFileSync(p, 'utf8');
      const next = text.replace(/DEMO-FAKE[-A-Za-z0-9]*/g, CANARY);
      if (next !== text) fs.writeFileSync(p, next);
    }
  }
}

export interface TempEnv {
  home: string;
  workspace: string;
  env: Record<string, string>;
}

/** A temp home (demo profiles, caches relative to `now`, canary planted) and an empty workspace. */
export function makeHome(options: { now?: Date; tags?: string | false; caches?: boolean } = {}): TempEnv {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'awsmcp-cli-'));
  const home = path.join(base, 'home');
  const workspace = path.join(base, 'work');
  fs.mkdirSync(workspace, { recursive: true });
  fs.cpSync(path.join(ROOT, 'tools/demo/home'), home, { recursive: true });
  fs.appendFileSync(path.join(home, '.aws/credentials'), `\n[canary-keys]\naws_access_key_id = AKIACANARY0000000001\naws_secret_access_key = ${CANARY}\naws_session_token = ${CANARY}\n`);
  if (options.caches !== false) seedDemoCaches(home, options.now ?? new Date());
  plantCanary(home);
  if (options.tags !== false) {
    fs.writeFileSync(
      path.join(home, '.aws-profile-tags.yaml'),
      options.tags ?? '# test tags\ndev-sandbox: dev\nstaging-eu: staging\nprod-eu: prod\nprod-us: prod\ngranted-prod: prod\nprod-deployer: prod\n',
    );
  }
  const env: Record<string, string> = { HOME: home, PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'UTC' };
  return { home, workspace, env };
}

/** Run the CLI in-process with captured, non-terminal output. */
export const run = (t: TempEnv, argv: string[], extra: { env?: Record<string, string>; now?: Date; cwd?: string } = {}): Promise<RunResult> => runCli(t, argv, extra);

/** Run the built `awsmcp` bin as a separate process. */
export function runBin(t: TempEnv, argv: string[], extra: { env?: Record<string, string>; cwd?: string } = {}): RunResult {
  assertBuilt();
  const started = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd: extra.cwd ?? t.workspace, env: { ...t.env, ...extra.env }, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

/** Start the built bin without waiting (for concurrency tests). */
export const startBin = (t: TempEnv, argv: string[], extra: { env?: Record<string, string>; cwd?: string } = {}): Promise<RunResult> => startHarnessBin(t, argv, extra);

/** Write a host file in the workspace (creating folders). */
export function writeFile(root: string, rel: string, text: string): string {
  const p = path.join(root, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return p;
}

/**
 * Make hosts count as installed in the temp home (their first install marker, an app folder, is
 * created): writing commands touch only installed hosts by default.
 */
export function markInstalled(t: TempEnv, ...hosts: string[]): void {
  const { getHost, resolvePathContext } = require('@awsmcp/mcp-config-model') as typeof import('@awsmcp/mcp-config-model');
  const ctx = resolvePathContext({ home: t.home, workspace: t.workspace, env: t.env });
  for (const id of hosts) {
    const host = getHost(id as never);
    const marker = host.installMarkers?.(ctx)[0];
    if (!marker) throw new Error(`${id} has no install marker: write one of its files instead`);
    fs.mkdirSync(marker, { recursive: true });
  }
}
