#!/usr/bin/env node
import { main } from './program';

/** A reader that went away (`awsmcp discover | head -1`): stop quietly, no stack trace. */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw err;
  });
}
quietOnClosedPipe(process.stdout);
quietOnClosedPipe(process.stderr);

/** Never a stack trace: the message, every server process killed, exit 1. */
function fatal(err: unknown): void {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  try {
    const { maskSecretsInText, sanitizeText } = require('./output/safe') as typeof import('./output/safe');
    process.stderr.write(`awsmcp: ${sanitizeText(maskSecretsInText(e?.message ?? String(err)))}\n`);
  } catch {
    /* stderr is gone too */
  }
  const { killAll } = require('./doctor/process') as typeof import('./doctor/process');
  void killAll().finally(() => process.exit(1));
}
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  fatal,
);
