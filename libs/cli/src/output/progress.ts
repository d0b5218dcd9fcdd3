/**
 * A progress line for slow steps: a spinner redrawn in place on a terminal, and nothing at all
 * in pipes, with NO_COLOR / --json, or in CI (`ctx.interactive` false), where only the final
 * lines are printed. The final line of a step always goes to stdout through `ctx.out`.
 */
import type { CliContext } from '../context';
import { safe } from './safe';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export interface Progress {
  /** Show `label` with a spinner (terminal only) until the step ends. */
  start(label: string): void;
  /** Change the text next to the spinner. */
  update(label: string): void;
  /** End the step: clear the spinner and print `line` (when given). */
  done(line?: string): void;
  /** Stop without printing anything (also safe when nothing was started). */
  stop(): void;
}

export interface ProgressOptions {
  /** Frame interval in ms (default 80). */
  intervalMs?: number;
}

export function progress(ctx: Pick<CliContext, 'interactive' | 'json' | 'stdout' | 'out'>, options: ProgressOptions = {}): Progress {
  const animate = ctx.interactive && !ctx.json;
  let timer: NodeJS.Timeout | undefined;
  let frame = 0;
  let label = '';
  let drawn = false;

  const clear = () => {
    if (drawn) ctx.stdout.write('\r\x1b[2K');
    drawn = false;
  };
  const draw = () => {
    const width = typeof ctx.stdout.columns === 'number' && ctx.stdout.columns > 10 ? ctx.stdout.columns - 1 : 79;
    const text = `${FRAMES[frame++ % FRAMES.length]} ${safe(label)}`;
    ctx.stdout.write(`\r\x1b[2K${[...text].slice(0, width).join('')}`);
    drawn = true;
  };
  const stopTimer = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };

  return {
    start(text) {
      label = text;
      if (!animate) return;
      stopTimer();
      draw();
      timer = setInterval(draw, options.intervalMs ?? 80);
      timer.unref?.();
    },
    update(text) {
      label = text;
      if (animate && timer) draw();
    },
    done(line) {
      stopTimer();
      if (animate) clear();
      if (line !== undefined && !ctx.json) ctx.out(line);
    },
    stop() {
      stopTimer();
      if (animate) clear();
    },
  };
}
