/**
 * `@awsmcp/nx:check`: the CI gate (inferred as `mcp-check` on the root project by the plugin).
 * Exit code non-zero (success: false) on any error finding.
 */
import * as path from 'node:path';
import { safeWriteFileSync } from '@awsmcp/mcp-config-model';
import type { ExecutorContext } from '@nx/devkit';
import { formatReport, runCheck } from '../../lib/check';
import type { CheckExecutorSchema } from './schema';

export async function checkExecutor(options: CheckExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const report = await runCheck({ root: context.root, env: process.env, ...(options.files ? { files: options.files } : {}), ...(options.failOnWarnings ? { failOnWarnings: true } : {}) });
  const json = JSON.stringify(report, null, 2) + '\n';
  if (options.outputFile) {
    const out = path.resolve(context.root, options.outputFile);
    // atomic, through the one safe-write module (a reader never sees half a report); a CI artifact,
    // so readable like the other build outputs
    safeWriteFileSync(out, json, { mode: 0o644 });
  }
  if (options.json) process.stdout.write(json);
  else for (const line of formatReport(report)) (line.includes(': error ') ? console.error : console.log)(line);
  return { success: report.ok };
}

export default checkExecutor;
