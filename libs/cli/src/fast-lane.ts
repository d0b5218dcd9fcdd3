/**
 * The fast lane: `awsmcp discover` with plain options is run without loading commander or any
 * command definition (~15 ms of start-up; with the discover cache a whole run is ~25-30 ms over Node's
 * own start). Only a command line this parser understands completely takes the lane; anything else
 * (help, a typo, an unknown or repeated option, a value that looks like an option) goes through
 * commander as usual, which gives the usage errors. A test runs both parsers on the same command lines
 * and requires the same options, and checks that this table lists exactly discover's options.
 */

/** Flags without a value: the option key commander gives them and the value they set. */
export const FAST_FLAGS: Readonly<Record<string, readonly [string, boolean]>> = {
  '--json': ['json', true],
  '--chain': ['chain', true],
  '--expired': ['expired', true],
  '--write-tags': ['writeTags', true],
  '--no-write-tags': ['writeTags', false],
  '--no-cache': ['cache', false],
  '--no-color': ['color', false],
};

/** Options with one value, and their key. */
export const FAST_VALUES: Readonly<Record<string, string>> = {
  '--type': 'type',
  '--env': 'env',
  '--account': 'account',
  '--runtime': 'runtime',
  '--home': 'home',
  '--output': 'output',
};

/** The values commander accepts for an option with choices (anything else: commander's usage error). */
const CHOICES: Readonly<Record<string, readonly string[]>> = { '--output': ['json', 'text'] };

/** The program's own options: the only ones allowed before `discover`. */
const GLOBAL = new Set(['--home', '--no-color', '--json', '--output']);

/** What commander sets when a negatable flag is absent (`--write-tags` / `--no-write-tags`: nothing, so unset). */
const DEFAULTS: Readonly<Record<string, unknown>> = { cache: true, color: true };

/**
 * discover's options (as commander's `optsWithGlobals()` gives them) when `argv` is `discover` with
 * options from the tables above, each at most once (only the program's own options before
 * `discover`); otherwise undefined.
 */
export function parseFastDiscover(argv: readonly string[]): Record<string, unknown> | undefined {
  const options: Record<string, unknown> = { ...DEFAULTS };
  const seen = new Set<string>();
  let command = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === 'discover') {
      if (command) return undefined;
      command = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (seen.has(name) || (!command && !GLOBAL.has(name))) return undefined;
    seen.add(name);
    const flag = FAST_FLAGS[name];
    if (flag && Object.prototype.hasOwnProperty.call(FAST_FLAGS, name)) {
      if (eq > 0) return undefined;
      options[flag[0]] = flag[1];
      continue;
    }
    if (!Object.prototype.hasOwnProperty.call(FAST_VALUES, name)) return undefined;
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else value = argv[++i];
    if (value === undefined || value === '' || value.startsWith('-')) return undefined;
    if (Object.prototype.hasOwnProperty.call(CHOICES, name) && !CHOICES[name].includes(value)) return undefined;
    options[FAST_VALUES[name]] = value;
  }
  return command ? options : undefined;
}
