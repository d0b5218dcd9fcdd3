/**
 * runtime: which SDK a server runs on, from the command that starts it. Python launchers
 * (uvx, uv, python, pipx, ...) run boto3 / botocore; node launchers (npx, node, bunx, ...) run the
 * AWS SDK for JavaScript v3. Anything else (docker, a binary) is unknown: the caller decides
 * (every awslabs MCP server is Python, so `botocore` is the safe default).
 */
import type { Runtime } from './resolve';

const PYTHON = /^(uvx|uv|python[0-9.]*|pipx|pip|poetry|pdm|hatch|conda|rye)$/;
const NODE = /^(npx|node|nodejs|npm|pnpm|pnpx|yarn|bunx|bun|deno|tsx|ts-node)$/;

/** The runtime a server started with `command` (and `args`) has, or undefined when it cannot be told. */
export function runtimeOfCommand(command: string, args: readonly string[] = []): Runtime | undefined {
  const program = (command.trim().split(/[\\/]/).pop() ?? '').toLowerCase().replace(/\.(exe|cmd|bat)$/, '');
  if (PYTHON.test(program)) return 'botocore';
  if (NODE.test(program)) return 'js-sdk';
  // `docker run ... image`: unknown; `env X=1 uvx ...` / `sh -c`: look at the next word
  if ((program === 'env' || program === 'exec') && args.length > 0) {
    const rest = args.filter((a) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(a) && !a.startsWith('-'));
    if (rest.length > 0) return runtimeOfCommand(rest[0], rest.slice(1));
  }
  return undefined;
}
