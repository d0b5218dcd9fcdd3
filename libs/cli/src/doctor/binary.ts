/** Layer 2: does the server's command resolve on PATH (as the host will look it up), and if not, how to install it. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Resolved {
  command: string;
  /** The file that would run, when found. */
  path?: string;
}

function isExecutable(file: string, platform: NodeJS.Platform): boolean {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return false;
    if (platform === 'win32') return true;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Resolve `command` the way spawn without a shell does: a path as is, a bare name through PATH (and PATHEXT on Windows). */
export function resolveCommand(command: string, env: Record<string, string | undefined>, cwd: string, platform: NodeJS.Platform = process.platform): Resolved {
  const lib = platform === 'win32' ? path.win32 : path.posix;
  const exts = platform === 'win32' ? ['', ...(env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean)] : [''];
  if (command.includes('/') || (platform === 'win32' && command.includes('\\'))) {
    const full = lib.resolve(cwd, command);
    for (const ext of exts) if (isExecutable(full + ext, platform)) return { command, path: full + ext };
    return { command };
  }
  const dirs = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : ':').filter(Boolean);
  for (const dir of dirs) {
    for (const ext of exts) {
      const full = lib.join(dir, command + ext);
      if (isExecutable(full, platform)) return { command, path: full };
    }
  }
  return { command };
}

/** How to get `command`, in one or two sentences. */
export function installHint(command: string): string {
  const name = path.basename(command).replace(/\.(exe|cmd|bat)$/i, '').toLowerCase();
  const pathNote = ' If it is installed, put its folder on the PATH the host sees (GUI apps on macOS do not read your shell profile: use an absolute path in the config, or start the host from a terminal).';
  switch (name) {
    case 'uvx':
    case 'uv':
      return `install uv, which provides uvx: \`curl -LsSf https://astral.sh/uv/install.sh | sh\` (or \`brew install uv\`, \`pipx install uv\`, \`winget install astral-sh.uv\`).${pathNote}`;
    case 'npx':
    case 'npm':
    case 'node':
      return `install Node.js 20 or later (https://nodejs.org, \`brew install node\`, or your package manager); npx comes with npm.${pathNote}`;
    case 'docker':
      return `install Docker (Docker Desktop, or the docker engine and CLI from your package manager) and start it.${pathNote}`;
    case 'python':
    case 'python3':
      return `install Python 3.10 or later (or run the server with uvx, which brings its own Python).${pathNote}`;
    case 'aws':
      return `install the AWS CLI v2 (https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html).${pathNote}`;
    default:
      return command.includes('/') ? `the file ${command} does not exist or is not executable: fix the path in the host config.` : `install ${command}, or use an absolute path in the host config.${pathNote}`;
  }
}
