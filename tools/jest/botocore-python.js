// The python3 the botocore oracle tests run: the first python3 on PATH that can import botocore
// (npm and Nx put /usr/bin before pyenv shims, so the first python3 is not always the one with
// botocore). AWSMCP_PYTHON wins when set. Throws, saying what to install, when there is none: the
// oracle tests never skip silently. One probe for every package's botocore tests.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

let found;

/** @param {NodeJS.ProcessEnv} [env] @returns {string} the python3 executable that has botocore */
function requireBotocore(env = process.env) {
  const mine = env === process.env; // only the process's own answer is remembered
  if (mine && found) return found;
  const candidates = new Set();
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
  if (candidates.size === 0) {
    throw new Error('python3 is not installed: the botocore oracle tests need python3 with botocore (apt-get install python3 python3-pip && pip install botocore)');
  }
  const tried = [];
  for (const exe of candidates) {
    const probe = spawnSync(exe, ['-c', 'import sys, botocore.configloader; print(sys.executable)'], { encoding: 'utf8', timeout: 30_000, env, cwd: os.tmpdir() });
    if (probe.status === 0 && probe.stdout.trim()) {
      const exe2 = probe.stdout.trim();
      if (mine) found = exe2;
      return exe2;
    }
    tried.push(exe);
  }
  throw new Error(`no python3 on PATH can import botocore (tried ${tried.join(', ')}): pip install botocore, or set AWSMCP_PYTHON to a python3 that has it`);
}

module.exports = { requireBotocore };
