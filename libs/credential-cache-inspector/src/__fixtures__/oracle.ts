/**
 * botocore as the oracle (python3 + botocore, see botocore_oracle.py): the provider botocore picks
 * for each profile of each home, or the exception it raises. Many homes per python process.
 * Throws, saying what to install, when python3 or botocore is missing: these tests never skip.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { requireBotocore } = require('../../../../tools/jest/botocore-python') as { requireBotocore: (env?: NodeJS.ProcessEnv) => string };

export type OracleAnswer = { method: string | null } | { error: string; message: string };

export interface OracleJob {
  home: string;
  profiles: string[];
  /** Pretend botocore[crt] is installed (the login provider then reads its cache). */
  crt?: boolean;
}

const SCRIPT = path.join(__dirname, 'botocore_oracle.py');


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

export { requireBotocore };
