/** Where awsmcp keeps its own small state: `$XDG_CACHE_HOME/awsmcp` (when absolute), else `<home>/.cache/awsmcp`. */
import * as path from 'node:path';
import type { CliContext } from './context';

export function awsmcpCacheDir(ctx: Pick<CliContext, 'env' | 'home'>): string {
  const xdg = ctx.env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(ctx.home, '.cache'), 'awsmcp');
}
