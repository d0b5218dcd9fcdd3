/**
 * botocore as the oracle (python3 + botocore, see botocore_oracle.py): the provider botocore picks
 * for each profile of each home, or the exception it raises. Many homes per python process.
 * Throws, saying what to install, when python3 or botocore is missing: these tests never skip.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export type OracleAnswer = { method: string | null } | { error: string; message: string };

export interface OracleJob {
  home: string;
  profiles: string[];
  /** Pretend botocore[crt] is installed (the login provider then reads its cache). */
  crt?: boolean;
}

const SCRIPT = path.join(__dirname, 'botocore_oracle.py');

let python: string | undefined;

/**
 * The first python3 on PATH that can import botocore (npm and Nx put /usr/bin before pyenv shims).
 * AWSMCP_PYTHON wins when set.
 */
export function requireBotocore(env: NodeJS.ProcessEnv = process.env): string {
  if (python) return python;
  const candidates = new Set<string>();
  if (env.AWSMCP_PYTHON) candidates.add(env.AWSMCP_PYTHON);
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const exe = path.join(dir, process.platform === 'win32' ? 'python3.exe' : 'python3');
    try {
      fs.accessSync(exe, fs.constants.X_OK);
      candidates.add(exe);
    } catch {
      // not here
    }
  }
  if (candidates.size === 0) throw new Error('python3 is not installed: the botocore oracle needs python3 with botocore (pip install botocore)');
  const tried: string[] = [];
  for (const exe of candidates) {
    const probe = spawnSync(exe, ['-c', 'import sys, botocore; print(sys.executable)'], { encoding: 'utf8', timeout: 30_000, env });
    if (probe.status === 0 && probe.stdout.trim()) return (python = probe.stdout.trim());
    tried.push(exe);
  }
  throw new Error(`no python3 on PATH can import botocore (tried ${tried.join(', ')}): pip install botocore, or set AWSMCP_PYTHON`);
}

/** botocore's answer for every profile of every job, in job order. */
export function askBotocore(jobs: readonly OracleJob[]): Record<string, OracleAnswer>[] {
  const exe = requireBotocore();
  const r = spawnSync(exe, [SCRIPT], {
    input: JSON.stringify(jobs),
    encoding: 'utf8',
    env: { PATH: process.env.PATH, PYTHONUTF8: '1', PYTHONDONTWRITEBYTECODE: '1' },
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`botocore oracle failed: ${r.stderr || r.error?.message}`);
  return JSON.parse(r.stdout) as Record<string, OracleAnswer>[];
}
