/** Colours and traffic lights that degrade to words when colour is off (NO_COLOR, pipes). */
import type { CliContext } from '../context';

export type Light = 'green' | 'amber' | 'red' | 'none';

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
  /** `✓`, `⚠`, `✗` in colour; with colour off the symbol and its word (`✓ green`, `⚠ amber`, `✗ red`). */
  light(light: Light, words?: Partial<Record<Light, string>>): string;
}

const SYMBOL: Record<Light, string> = { green: '✓', amber: '⚠', red: '✗', none: '·' };
const WORD: Record<Light, string> = { green: 'green', amber: 'amber', red: 'red', none: 'none' };

type Paint = (s: string) => string;
type Colors = Record<'bold' | 'dim' | 'red' | 'yellow' | 'green' | 'cyan', Paint>;

const same: Paint = (s) => s;
/** Colour off: every paint returns its text (what picocolors' createColors(false) does). */
const PLAIN: Colors = { bold: same, dim: same, red: same, yellow: same, green: same, cyan: same };

export function style(ctx: Pick<CliContext, 'color'>): Style {
  // picocolors (and the tty module it loads) only when there is colour to paint
  const c: Colors = ctx.color ? (require('picocolors') as typeof import('picocolors')).createColors(true) : PLAIN;
  return {
    bold: c.bold,
    dim: c.dim,
    red: c.red,
    yellow: c.yellow,
    green: c.green,
    cyan: c.cyan,
    light(light, words = {}) {
      const symbol = SYMBOL[light];
      if (!ctx.color) return `${symbol} ${words[light] ?? WORD[light]}`;
      const paint = light === 'green' ? c.green : light === 'amber' ? c.yellow : light === 'red' ? c.red : c.dim;
      return paint(symbol);
    },
  };
}

/** Anything but printable ASCII (ANSI codes start with ESC, astral characters with a surrogate). */
const NOT_PLAIN = /[^\x20-\x7e]/;

let stringWidth: ((s: string) => number) | undefined;

/**
 * Terminal columns of a string, by string-width (ANSI codes removed; East Asian wide characters and
 * emoji two columns, combining marks none). Printable ASCII, most cells, is its length without it.
 */
export function visibleWidth(s: string): number {
  if (!NOT_PLAIN.test(s)) return s.length;
  // an ES module, required on first use (Node >= 20.19 loads ES modules with require)
  stringWidth ??= (require('string-width') as { default: (s: string) => number }).default;
  return stringWidth(s);
}

