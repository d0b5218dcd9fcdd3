import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { budget } from './budget';
import { measurementsFile, mergeMeasurements, readMeasurements, saveMeasurements } from './measurements';

describe('measurements store', () => {
  it('lives under XDG_CACHE_HOME or <home>/.cache, and budget prefers what it holds', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'measure-'));
    expect(measurementsFile({ home, env: {} })).toBe(path.join(home, '.cache/awsmcp/measurements.json'));
    expect(measurementsFile({ home, env: { XDG_CACHE_HOME: '/x/cache' } })).toBe('/x/cache/awsmcp/measurements.json');
    expect(readMeasurements({ home, env: {} })).toEqual([]);
    await saveMeasurements({ home, env: {} }, [{ server: 'eks', version: '0.1.37', tokens: 8000, toolCount: 16, measuredAt: '2026-11-25T10:00:00Z', tokenizer: 't' }]);
    await saveMeasurements({ home, env: {} }, [{ server: 'eks', version: '0.1.37', tokens: 8100, toolCount: 16, measuredAt: '2026-11-25T11:00:00Z', tokenizer: 't' }]);
    const stored = readMeasurements({ home, env: {} });
    expect(stored.map((m) => m.tokens)).toEqual([8100]);
    expect(budget([{ name: 'eks', server: 'eks' }], { measurements: stored }).servers[0]).toMatchObject({ tokens: 8100, source: 'measured' });
  });

  it('skips invalid records and rebuilds a broken store', () => {
    expect(JSON.parse(mergeMeasurements('{broken', [])).measurements).toEqual([]);
    const text = JSON.stringify({ measurements: [{ server: 'x' }, { server: 'y', tokens: 1, toolCount: 1, measuredAt: 'now' }] });
    expect(JSON.parse(mergeMeasurements(text, [])).measurements).toEqual([{ server: 'y', tokens: 1, toolCount: 1, measuredAt: 'now' }]);
  });
});
