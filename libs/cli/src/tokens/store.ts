/**
 * The measurements cache (`$XDG_CACHE_HOME/awsmcp/measurements.json`, else
 * `<home>/.cache/awsmcp/measurements.json`): `{ schemaVersion: 1, measurements: [...] }`, each entry a
 * starter-kits `Measurement`, so `budget(entries, { measurements })` prefers them over the static
 * estimates. Written atomically under a lock; the newest measurement per server, version and
 * tokenizer is kept.
 */
import { updateConfigFile } from '@awsmcp/mcp-config-model';
import { MeasurementSchema, type Measurement } from '@awsmcp/starter-kits';
import type { CliContext } from '../context';
import { loadMeasurements, measurementsFile } from '../commands/measurements';

export const MAX_MEASUREMENTS = 500;

export { measurementsFile };

/** The stored measurements that are valid (anything else in the file is ignored). */
export function readMeasurements(ctx: Pick<CliContext, 'env' | 'home'>): Measurement[] {
  return loadMeasurements(ctx).flatMap((m) => {
    const r = MeasurementSchema.safeParse(m);
    return r.success ? [r.data] : [];
  });
}

const keyOf = (m: Measurement) => `${m.server}\u0000${m.version ?? ''}\u0000${m.tokenizer ?? ''}`;

/** Merge `fresh` into the file (replacing older entries with the same server, version and tokenizer). */
export async function saveMeasurements(ctx: Pick<CliContext, 'env' | 'home'>, fresh: readonly Measurement[]): Promise<string> {
  const file = measurementsFile(ctx);
  await updateConfigFile(
    file,
    (text) => {
      let existing: Measurement[] = [];
      try {
        const data = JSON.parse(text) as { measurements?: unknown[] };
        existing = (Array.isArray(data.measurements) ? data.measurements : []).flatMap((m) => {
          const r = MeasurementSchema.safeParse(m);
          return r.success ? [r.data] : [];
        });
      } catch {
        existing = []; // a missing or broken cache is rebuilt
      }
      const replaced = new Set(fresh.map(keyOf));
      const merged = [...existing.filter((m) => !replaced.has(keyOf(m))), ...fresh].slice(-MAX_MEASUREMENTS);
      return JSON.stringify({ schemaVersion: 1, measurements: merged }, null, 2) + '\n';
    },
    { mode: 0o644 },
  );
  return file;
}
