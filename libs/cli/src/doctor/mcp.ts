/**
 * One MCP session with a stdio server, as a host runs it: spawn (no shell, own process group),
 * `initialize`, then `tools/list` (every page), all under one deadline; the process tree is killed
 * at the end whatever happened. Failures come back as data with the server's stderr tail.
 */
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ServerProcess, type ExitInfo, type SpawnSpec } from './process';

export interface ToolDefinition {
  name: string;
  description?: string;
  inputSchema: Record<string, unknown>;
  [key: string]: unknown;
}

export interface McpSuccess {
  ok: true;
  serverInfo: { name: string; version: string };
  protocolVersion?: string;
  tools: ToolDefinition[];
  durationMs: number;
  stderrTail: string[];
}

export type McpFailureReason = 'spawn-error' | 'exited' | 'timeout' | 'protocol-error' | 'interrupted' | 'output-limit';

/** The server wrote more than the read buffer holds without a newline (the SDK's limit, 10 MB). */
export class OutputLimitError extends Error {
  readonly code = 'OUTPUT_LIMIT';
  constructor(readonly limitBytes: number) {
    super(`the server wrote more than ${Math.round(limitBytes / 1024 / 1024)} MB to stdout without a newline (not a JSON-RPC message)`);
    this.name = 'OutputLimitError';
  }
}

export interface McpFailure {
  ok: false;
  reason: McpFailureReason;
  /** One sentence: what went wrong. */
  message: string;
  exitCode?: number | null;
  signal?: string | null;
  durationMs: number;
  /** The last lines the server wrote to stderr (its own error message, usually). */
  stderrTail: string[];
  /** Which step was running: spawn, initialize or tools/list. */
  step: 'spawn' | 'initialize' | 'tools/list';
}

export type McpResult = McpSuccess | McpFailure;

export interface McpSessionOptions {
  /** The whole session (spawn + initialize + tools/list), in ms. */
  timeoutMs: number;
  /** Resolves when the user pressed Ctrl-C (the session then kills the server and fails as `interrupted`). */
  interrupted?: Promise<void>;
  clientName?: string;
  clientVersion?: string;
  /** Called with each step name as it starts (for the progress line). */
  onStep?: (step: McpFailure['step']) => void;
}

/** A stdio transport over a {@link ServerProcess} (the SDK's own does not kill grandchildren). */
class ProcessTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: <T extends JSONRPCMessage>(message: T) => void;
  private buffer?: InstanceType<typeof import('@modelcontextprotocol/sdk/shared/stdio.js').ReadBuffer>;
  private closed = false;
  /** The version agreed in `initialize` (the client tells its transport). */
  protocolVersion?: string;
  /** Set when stdout overflowed the read buffer; `overflowed` resolves then. */
  overflow?: OutputLimitError;
  private onOverflow?: () => void;
  readonly overflowed = new Promise<void>((r) => (this.onOverflow = r));

  constructor(private readonly proc: ServerProcess) {}

  setProtocolVersion(version: string): void {
    this.protocolVersion = version;
  }

  async start(): Promise<void> {
    const { ReadBuffer } = require('@modelcontextprotocol/sdk/shared/stdio.js') as typeof import('@modelcontextprotocol/sdk/shared/stdio.js');
    const buffer = (this.buffer = new ReadBuffer());
    this.proc.child.stdout.on('data', (chunk: Buffer) => {
      if (this.overflow) return;
      try {
        buffer.append(chunk);
      } catch {
        // the SDK's buffer limit: a typed failure inside the session, never an uncaught throw
        const { STDIO_DEFAULT_MAX_BUFFER_SIZE } = require('@modelcontextprotocol/sdk/shared/stdio.js') as { STDIO_DEFAULT_MAX_BUFFER_SIZE?: number };
        this.overflow = new OutputLimitError(STDIO_DEFAULT_MAX_BUFFER_SIZE ?? 10 * 1024 * 1024);
        buffer.clear();
        this.onOverflow?.();
        return;
      }
      for (;;) {
        let message: JSONRPCMessage | null;
        try {
          message = buffer.readMessage();
        } catch (e) {
          this.onerror?.(e as Error);
          continue;
        }
        if (message === null) break;
        this.onmessage?.(message);
      }
    });
    void this.proc.exited.then(() => this.fireClose());
  }

  send(message: JSONRPCMessage): Promise<void> {
    const { serializeMessage } = require('@modelcontextprotocol/sdk/shared/stdio.js') as typeof import('@modelcontextprotocol/sdk/shared/stdio.js');
    return new Promise((resolve) => {
      const stdin = this.proc.child.stdin;
      if (stdin.destroyed || !stdin.writable) return resolve();
      if (stdin.write(serializeMessage(message))) resolve();
      else stdin.once('drain', () => resolve());
    });
  }

  async close(): Promise<void> {
    await this.proc.kill();
    this.fireClose();
  }

  private fireClose(): void {
    if (this.closed) return;
    this.closed = true;
    this.buffer?.clear();
    this.onclose?.();
  }
}

function describeExit(exit: ExitInfo | undefined): string {
  if (!exit) return 'the server stopped';
  if (exit.signal) return `the server was killed by ${exit.signal}`;
  return `the server exited with code ${exit.code}`;
}

function scrubLine(s: string): string {
  return s.split('\n')[0].slice(0, 200);
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Spawn, initialize, list every tool, kill. Never throws. */
export async function runMcpSession(spec: SpawnSpec, options: McpSessionOptions): Promise<McpResult> {
  const started = Date.now();
  const { Client } = require('@modelcontextprotocol/sdk/client/index.js') as typeof import('@modelcontextprotocol/sdk/client/index.js');
  let step: McpFailure['step'] = 'spawn';
  const setStep = (s: McpFailure['step']) => {
    step = s;
    options.onStep?.(s);
  };
  setStep('spawn');
  const proc = ServerProcess.start(spec);
  const snapshots = setInterval(() => proc.snapshot(), 500);
  snapshots.unref?.();
  let protocolError: Error | undefined;
  let transport: ProcessTransport | undefined;

  const fail = async (reason: McpFailureReason, message: string): Promise<McpFailure> => {
    await proc.kill();
    // stderr may still be arriving once the process is gone: give it a moment
    await Promise.race([new Promise<void>((r) => (proc.child.stderr.readableEnded ? r() : proc.child.stderr.once('end', () => r()))), sleep(200)]);
    return {
      ok: false,
      reason,
      message,
      ...(proc.exit && reason !== 'timeout' && reason !== 'interrupted' ? { exitCode: proc.exit.code, signal: proc.exit.signal } : {}),
      durationMs: Date.now() - started,
      stderrTail: proc.stderr.lines(),
      step,
    };
  };

  try {
    const client = new Client({ name: options.clientName ?? 'awsmcp', version: options.clientVersion ?? '0.0.0' }, { capabilities: {} });
    transport = new ProcessTransport(proc);
    client.onerror = (e) => {
      protocolError ??= e;
    };
    const work = (async () => {
      // wait for the spawn to succeed or fail before talking
      await Promise.race([new Promise<void>((r) => proc.child.once('spawn', () => r())), proc.exited]);
      if (proc.spawnError) return { kind: 'spawn-error' as const };
      setStep('initialize');
      await client.connect(transport!, { timeout: options.timeoutMs });
      setStep('tools/list');
      const tools: ToolDefinition[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 100; page++) {
        const res = await client.listTools(cursor ? { cursor } : undefined, { timeout: options.timeoutMs });
        tools.push(...(res.tools as ToolDefinition[]));
        cursor = res.nextCursor;
        if (!cursor) break;
      }
      const info = client.getServerVersion();
      return { kind: 'ok' as const, tools, info };
    })();
    work.catch(() => undefined);

    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<{ kind: 'timeout' }>((r) => {
      timer = setTimeout(() => r({ kind: 'timeout' }), options.timeoutMs);
    });
    const exited = proc.exited.then(async () => {
      // let a response that arrived just before the exit win
      await sleep(50);
      return { kind: 'exited' as const };
    });
    const interrupted = (options.interrupted ?? new Promise<never>(() => undefined)).then(() => ({ kind: 'interrupted' as const }));
    const overflowed = transport.overflowed.then(() => ({ kind: 'output-limit' as const }));
    const outcome = await Promise.race([
      work.then(
        (v) => v,
        (e: unknown) => ({ kind: 'error' as const, error: e as Error }),
      ),
      timeout,
      exited,
      interrupted,
      overflowed,
    ]);
    clearTimeout(timer);

    switch (outcome.kind) {
      case 'ok': {
        await proc.kill();
        return {
          ok: true,
          serverInfo: { name: outcome.info?.name ?? 'unknown', version: outcome.info?.version ?? 'unknown' },
          ...(transport?.protocolVersion ? { protocolVersion: transport.protocolVersion } : {}),
          tools: outcome.tools,
          durationMs: Date.now() - started,
          stderrTail: proc.stderr.lines(),
        };
      }
      case 'spawn-error': {
        const e = proc.spawnError!;
        const why = e.code === 'ENOENT' ? `${spec.command} was not found on PATH` : e.code === 'EACCES' ? `${spec.command} is not executable` : e.message;
        return fail('spawn-error', `cannot start the server: ${why}`);
      }
      case 'timeout':
        if (protocolError) return fail('protocol-error', `no valid answer to ${step} within ${Math.round(options.timeoutMs / 100) / 10} s: the server wrote something that is not JSON-RPC to stdout (${scrubLine(protocolError.message)})`);
        return fail('timeout', `no answer to ${step} within ${Math.round(options.timeoutMs / 100) / 10} s; the server was stopped`);
      case 'interrupted':
        return fail('interrupted', `interrupted during ${step}; the server was stopped`);
      case 'output-limit':
        return fail('output-limit', `${transport.overflow?.message ?? 'the server wrote too much without a newline'} during ${step}; the server was stopped`);
      case 'exited': {
        await Promise.race([new Promise<void>((r) => (proc.child.stderr.readableEnded ? r() : proc.child.stderr.once('end', () => r()))), sleep(200)]);
        return fail('exited', `${describeExit(proc.exit)} during ${step}`);
      }
      case 'error': {
        if (proc.exit) return fail('exited', `${describeExit(proc.exit)} during ${step}`);
        const detail = protocolError && protocolError !== outcome.error ? ` (${protocolError.message})` : '';
        return fail('protocol-error', `${step} failed: ${outcome.error?.message ?? String(outcome.error)}${detail}`);
      }
    }
  } catch (e) {
    return fail('protocol-error', `${step} failed: ${(e as Error).message}`);
  } finally {
    clearInterval(snapshots);
    await proc.kill();
  }
}
