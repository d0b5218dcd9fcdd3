/**
 * measurements: the token costs `awsmcp tokens` measured on this machine, preferred by the budget
 * over the static estimates. The file belongs to @awsmcp/cli (`$XDG_CACHE_HOME/awsmcp/measurements.json`,
 * else `~/.cache/awsmcp/measurements.json`, `{ "measurements": [...] }`); each record is validated
 * with the starter-kits schema and a bad record is skipped.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveHome, type Env } from '@awsmcp/aws-config-parser';
import { MeasurementSchema, type Measurement } from '@awsmcp/starter-kits';

export function measurementsFile(env: Env = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(resolveHome(env) ?? os.homedir(), '.cache');
  return path.join(base, 'awsmcp', 'measurements.json');
}

export function readMeasurements(env: Env = process.env): Measurement[] {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(measurementsFile(env), 'utf8'));
  } catch {
    return [];
  }
  const list = (data as { measurements?: unknown } | null)?.measurements;
  if (!Array.isArray(list)) return [];
  return list.flatMap((m) => {
    const parsed = MeasurementSchema.safeParse(m);
    return parsed.success ? [parsed.data] : [];
  });
}
