/** Layers 2 and 3 as report data, plus the fixes for the usual MCP start-up failures. */
import type { CliContext } from '../context';
import { installHint, resolveCommand } from './binary';
import { scrub } from './aws';
import { entrySecretValues, maskKnownSecrets } from '../output/safe';
import { runMcpSession, type McpResult } from './mcp';
import type { BinaryLayer, McpLayer } from './schema';
import { displayArgs, spawnSpecFor, type RunnableServer } from './target';

export function checkBinary(ctx: CliContext, server: RunnableServer): BinaryLayer {
  const started = Date.now();
  const spec = spawnSpecFor(ctx, server);
  const command = server.command ?? '';
  const found = resolveCommand(command, spec.env, spec.cwd, ctx.platform);
  if (found.path) {
    return { layer: 'binary', status: 'ok', summary: `${command} -> ${found.path}`, command, path: found.path, durationMs: Date.now() - started };
  }
  return {
    layer: 'binary',
    status: 'failed',
    summary: command.includes('/') ? `${command} does not exist or is not executable` : `${command} is not on PATH`,
    fix: installHint(command),
    command,
    durationMs: Date.now() - started,
  };
}

/** A command line to paste into a terminal (arguments quoted when needed; secrets redacted). */
export function commandLine(server: RunnableServer): string {
  const q = (s: string) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  const env = Object.keys(server.env)
    .filter((k) => /^AWS_(PROFILE|REGION|DEFAULT_REGION|API_MCP_PROFILE_NAME)$/.test(k))
    .map((k) => `${k}=${q(server.env[k])}`);
  return [...env, q(server.command ?? ''), ...displayArgs(server.args).map(q)].join(' ');
}

function mcpFix(server: RunnableServer, result: Exclude<McpResult, { ok: true }>): string {
  const where = server.entry ? ` in ${server.entry.location.file}` : '';
  const tail = result.stderrTail.join('\n');
  const unrecognized = /unrecognized arguments?:\s*(.+)/i.exec(tail) ?? /(?:unknown|invalid) (?:option|argument|flag)[:\s]+'?([^'\s]+)/i.exec(tail);
  if (unrecognized) {
    const accepted = server.catalog ? ` (${server.catalog.package} accepts: ${server.catalog.acceptedFlags.join(', ') || 'no flags'})` : '';
    const words = unrecognized[1].trim().split(/\s+/);
    const flags = words.filter((w) => w.startsWith('-'));
    const what = flags.length > 0 ? flags.join(', ') : unrecognized[1].trim();
    return `the server does not accept ${what}: remove ${flags.length > 1 ? 'them' : 'it'} (and ${flags.length > 1 ? 'their values' : 'its value'}) from "args"${where}${accepted}`;
  }
  if (/ModuleNotFoundError|No module named|Cannot find module|ERR_MODULE_NOT_FOUND/.test(tail)) {
    return `the server's package is broken or incomplete: re-install it (uvx: \`uv cache clean ${server.package?.name ?? ''}\`; npx: clear ~/.npm/_npx), or pin another version${where}`;
  }
  switch (result.reason) {
    case 'spawn-error':
      return installHint(server.command ?? '');
    case 'timeout':
      return `run \`${commandLine(server)}\` in a terminal to see what it waits for; a first uvx/npx run downloads packages and may need more time (--timeout 120)`;
    case 'interrupted':
      return 'interrupted: run doctor again';
    case 'output-limit':
      return `the server floods stdout with one endless line (an MCP server writes one JSON-RPC message per line): run \`${commandLine(server)}\` to see what it prints`;
    case 'protocol-error':
      return `the server does not speak MCP over stdio as expected (it must write only JSON-RPC to stdout): run \`${commandLine(server)}\` to see what it prints`;
    default:
      return `run \`${commandLine(server)}\` in a terminal to see the full error`;
  }
}

export async function checkMcp(ctx: CliContext, server: RunnableServer, options: { timeoutMs: number; interrupted?: Promise<void>; env?: Record<string, string>; onStep?: (s: string) => void }): Promise<{ layer: McpLayer; result?: McpResult }> {
  const started = Date.now();
  if (server.problems.length > 0) {
    return {
      layer: { layer: 'mcp', status: 'failed', summary: `the entry cannot be started outside its host: ${server.problems[0]}`, fix: server.problems.join('; '), durationMs: Date.now() - started },
    };
  }
  const result = await runMcpSession(spawnSpecFor(ctx, server, options.env), {
    timeoutMs: options.timeoutMs,
    ...(options.interrupted ? { interrupted: options.interrupted } : {}),
    clientName: 'awsmcp-doctor',
    clientVersion: cliVersion(),
    ...(options.onStep ? { onStep: options.onStep } : {}),
  });
  // the entry's own secret values (a server echoing its token) and everything the policy knows
  const known = entrySecretValues({ args: server.args, env: server.env, ...(server.entry ? { headers: server.entry.headers ?? {}, url: server.entry.url } : {}) });
  const clean = (line: string) => scrub(maskKnownSecrets(line, known));
  const stderrTail = result.stderrTail.map(clean);
  if (result.ok) {
    return {
      layer: {
        layer: 'mcp',
        status: 'ok',
        summary: `${result.serverInfo.name} ${result.serverInfo.version}: ${result.tools.length} tool${result.tools.length === 1 ? '' : 's'} (initialize + tools/list in ${(result.durationMs / 1000).toFixed(1)} s)`,
        server: result.serverInfo,
        ...(result.protocolVersion ? { protocolVersion: result.protocolVersion } : {}),
        toolCount: result.tools.length,
        tools: result.tools.map((t) => t.name),
        durationMs: result.durationMs,
      },
      result,
    };
  }
  const lastLine = stderrTail.length > 0 ? `: ${stderrTail[stderrTail.length - 1]}` : '';
  return {
    layer: {
      layer: 'mcp',
      status: 'failed',
      summary: clean(`${result.message}${result.reason === 'exited' ? lastLine : ''}`),
      fix: mcpFix(server, { ...result, stderrTail }),
      reason: result.reason,
      step: result.step,
      ...(result.exitCode !== undefined ? { exitCode: result.exitCode } : {}),
      ...(result.signal !== undefined ? { signal: result.signal } : {}),
      stderrTail,
      durationMs: result.durationMs,
    },
    result,
  };
}

export function cliVersion(): string {
  try {
    return (require('../../package.json') as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
