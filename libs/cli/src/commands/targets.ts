/**
 * Which hosts and files a writing command (`switch`, `hydrate`, `remove`, `kit`) touches: one
 * selector for `--hosts`, `--all-hosts` and `--scope`, installed hosts only by default.
 */
import type { CliContext } from '../context';
import { resolveCommand } from '../doctor/binary';

/** The PATH lookup `doctor` uses (PATHEXT on Windows), for the installed-host check. */
export function whichFor(ctx: CliContext): (name: string) => string | undefined {
  return (name) => resolveCommand(name, ctx.env, ctx.cwd, ctx.platform).path;
}
