import type { Command } from 'commander';
import fc from 'fast-check';
import { FAST_FLAGS, FAST_VALUES, parseFastDiscover } from './fast-lane';
import { createProgram, type Registrar } from './program';

const sink = { write: () => true };

/** What commander makes of `argv`: the command that would run and its options, or the error code. */
async function viaCommander(argv: string[]): Promise<{ command?: string; options?: Record<string, unknown>; error?: string }> {
  let seen: { command: string; options: Record<string, unknown> } | undefined;
  const registrar: Registrar = {
    action: () => async (...args: unknown[]) => {
      const cmd = args[args.length - 1] as Command;
      seen = { command: cmd.name(), options: cmd.optsWithGlobals() };
    },
  };
  try {
    await createProgram({ stdout: sink, stderr: sink }, registrar).parseAsync(argv, { from: 'user' });
  } catch (err) {
    return { error: (err as { code?: string }).code ?? String(err) };
  }
  return seen ?? { error: 'no action' };
}

describe('the discover fast lane', () => {
  it('knows exactly the options commander defines for discover and the program', () => {
    const program = createProgram({ stdout: sink, stderr: sink }, { action: () => async () => undefined });
    const discover = program.commands.find((c) => c.name() === 'discover') as Command;
    const options = [...discover.options, ...program.options].filter((o) => o.long !== '--version');
    const flags = options.filter((o) => !o.required && !o.optional).map((o) => o.long);
    const valued = options.filter((o) => o.required).map((o) => o.long);
    expect(options.filter((o) => o.optional)).toEqual([]);
    expect(new Set(flags)).toEqual(new Set(Object.keys(FAST_FLAGS)));
    expect(new Set(valued)).toEqual(new Set(Object.keys(FAST_VALUES)));
  });

  it.each([
    [['discover']],
    [['discover', '--json']],
    [['discover', '--write-tags']],
    [['discover', '--write-tags', '--no-write-tags']],
    [['discover', '--json', '--type', 'sso', '--env=prod', '--account', '123456789012', '--expired', '--no-write-tags', '--no-cache']],
    [['--home', '/tmp/h', 'discover', '--chain']],
    [['--json', '--no-color', 'discover']],
    [['discover', '--home=/tmp/h', '--no-color']],
  ])('%j: the same options as commander', async (argv) => {
    const fast = parseFastDiscover(argv);
    expect(fast).toBeDefined();
    expect(await viaCommander(argv)).toEqual({ command: 'discover', options: fast });
  });

  it.each([
    [['discover', '--help']],
    [['discover', '-h']],
    [['discover', '--typo']],
    [['discover', '--type']],
    [['discover', '--type', '--json']],
    [['discover', '--type=']],
    [['discover', '--json', '--json']],
    [['discover', 'extra']],
    [['discover', '--', '--json']],
    [['--type', 'sso', 'discover']],
    [['status']],
    [['discover', '--json=yes']],
    [['discover', '--constructor', 'x']],
    [[]],
  ])('%j: left to commander', (argv) => {
    expect(parseFastDiscover(argv)).toBeUndefined();
  });

  it('takes no command line that commander would read differently (random command lines)', async () => {
    const value = fc.oneof({ arbitrary: fc.constantFrom('sso', 'prod', '111111111111', '/tmp/h', 'discover', 'a=b'), weight: 8 }, { arbitrary: fc.constantFrom('', '-x', '--json'), weight: 1 });
    const group = (name: string): fc.Arbitrary<string[]> =>
      name in FAST_FLAGS ? fc.constant([name]) : fc.oneof(value.map((v) => [name, v]), value.map((v) => [`${name}=${v}`]));
    const groups = (names: string[]) => fc.subarray(names).chain((picked) => (picked.length ? fc.tuple(...picked.map(group)) : fc.constant([] as string[][])));
    const junk = fc.constantFrom('-h', '--help', '--bogus', '--', 'extra', 'status', '--json=1', '--no-json', '--json', 'discover');
    const argvs = fc
      .tuple(groups(['--home', '--no-color', '--json', '--type']), groups([...Object.keys(FAST_FLAGS), ...Object.keys(FAST_VALUES)]), fc.option(junk, { freq: 4 }), fc.nat())
      .map(([pre, post, extra, at]) => {
        const argv = [...pre.flat(), 'discover', ...fc.sample(fc.shuffledSubarray(post, { minLength: post.length }), { numRuns: 1, seed: at })[0].flat()];
        if (extra !== null) argv.splice(at % (argv.length + 1), 0, extra);
        return argv;
      });
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(argvs, async (argv) => {
        const fast = parseFastDiscover(argv);
        if (fast === undefined) return;
        taken++;
        expect(await viaCommander(argv)).toEqual({ command: 'discover', options: fast });
      }),
      { numRuns: 2000 },
    );
    expect(taken).toBeGreaterThan(60);
  });
});
