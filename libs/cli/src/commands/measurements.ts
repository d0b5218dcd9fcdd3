/** The local cache of measured token costs (written by `awsmcp tokens`, preferred by `budget`). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Measurement } from '@awsmcp/starter-kits';
import type { CliContext } from '../context';

export function measurementsFile(ctx: Pick<CliContext, 'env' | 'home'>): string {
  const xdg = ctx.env.XDG_CACHE_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(ctx.home, '.cache');
  return path.join(base, 'awsmcp', 'measurements.json');
}

/** Stored measurements; a missing or unreadable file is simply none. */
export function loadMeasurements(ctx: Pick<CliContext, 'env' | 'home'>): Measurement[] {
  try {
    const data = JSON.parse(fs.readFileSync(measurementsFile(ctx), 'utf8')) as { measurements?: Measurement[] };
    return Array.isArray(data.measurements) ? data.measurements : [];
  } catch {
    return [];
  }
}
