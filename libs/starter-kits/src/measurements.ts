/**
 * The measurements store: token costs `awsmcp tokens` measured from a live `tools/list`, kept in
 * `$XDG_CACHE_HOME/awsmcp/measurements.json` (else `<home>/.cache/awsmcp/measurements.json`) as
 * `{ "schemaVersion": 1, "measurements": [...] }`. `budget(entries, { measurements })` prefers them
 * over the static estimates. One module for every reader and writer (CLI, Nx plugin).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { updateConfigFile } from '@awsmcp/mcp-config-model';
import { MeasurementSchema, type Measurement } from './budget';

/** The newest entries kept per file. */
export const MAX_MEASUREMENTS = 500;

export interface MeasurementsLocation {
  /** For XDG_CACHE_HOME and HOME. Default `process.env`. */
  env?: Record<string, string | undefined>;
  /** The home folder (wins over env.HOME). */
  home?: string;
}

export function measurementsFile(location: MeasurementsLocation = {}): string {
  const env = location.env ?? process.env;
  const xdg = env.XDG_CACHE_HOME;
  const home = location.home ?? env.HOME ?? env.USERPROFILE ?? os.homedir();
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.cache');
  return path.join(base, 'awsmcp', 'measurements.json');
}

function validEntries(data: unknown): Measurement[] {
  const list = (data as { measurements?: unknown } | null)?.measurements;
  if (!Array.isArray(list)) return [];
  return list.flatMap((m) => {
    const parsed = MeasurementSchema.safeParse(m);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The stored measurements that are valid; a missing or broken file is simply none. */
export function readMeasurements(location: MeasurementsLocation = {}): Measurement[] {
  try {
    return validEntries(JSON.parse(fs.readFileSync(measurementsFile(location), 'utf8')));
  } catch {
    return [];
  }
}

const keyOf = (m: Measurement) => `${m.server}\u0000${m.version ?? ''}\u0000${m.tokenizer ?? ''}`;

/** The store's text with `fresh` merged in (replacing entries with the same server, version and tokenizer). */
export function mergeMeasurements(text: string, fresh: readonly Measurement[], max = MAX_MEASUREMENTS): string {
  let existing: Measurement[] = [];
  try {
    existing = validEntries(JSON.parse(text));
  } catch {
    existing = []; // a missing or broken store is rebuilt
  }
  const replaced = new Set(fresh.map(keyOf));
  const merged = [...existing.filter((m) => !replaced.has(keyOf(m))), ...fresh].slice(-max);
  return JSON.stringify({ schemaVersion: 1, measurements: merged }, null, 2) + '\n';
}

/** Merge `fresh` into the store: atomic, under a lock against concurrent writers. Returns the file. */
export async function saveMeasurements(location: MeasurementsLocation, fresh: readonly Measurement[]): Promise<string> {
  const file = measurementsFile(location);
  await updateConfigFile(file, (text) => mergeMeasurements(text, fresh), { mode: 0o644 });
  return file;
}
