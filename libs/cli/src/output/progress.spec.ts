/** The progress line: animated only on a terminal, nothing but the final line in pipes and with --json. */
import { progress } from './progress';

function sink(isTTY: boolean) {
  const writes: string[] = [];
  const stdout = { isTTY, columns: 40, write: (s: string) => writes.push(s) };
  return { writes, ctx: { interactive: isTTY, json: false, stdout, out: (l = '') => void writes.push(l + '\n') } };
}

describe('progress', () => {
  it('on a terminal: a spinner redrawn in place, cleared before the final line', async () => {
    const { writes, ctx } = sink(true);
    const p = progress(ctx, { intervalMs: 10 });
    p.start('identity: STS GetCallerIdentity as a-very-long-profile-name-that-does-not-fit');
    await new Promise((r) => setTimeout(r, 35));
    p.done('✓ identity');
    expect(writes.length).toBeGreaterThan(3);
    expect(writes[0]).toMatch(/^\r\x1b\[2K⠋ identity/);
    expect([...writes[0].replace('\r\x1b[2K', '')].length).toBeLessThanOrEqual(39);
    expect(writes[writes.length - 2]).toBe('\r\x1b[2K');
    expect(writes[writes.length - 1]).toBe('✓ identity\n');
  });

  it('in a pipe: no spinner, no control codes, only the final line', async () => {
    const { writes, ctx } = sink(false);
    const p = progress(ctx, { intervalMs: 10 });
    p.start('working');
    p.update('still working');
    await new Promise((r) => setTimeout(r, 30));
    p.done('done');
    p.stop();
    expect(writes).toEqual(['done\n']);
  });
});
