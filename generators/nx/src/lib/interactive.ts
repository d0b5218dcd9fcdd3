/**
 * interactive: is there a person to ask, and asking them. `nx g ... --no-interactive` sets
 * NX_INTERACTIVE=false; without a terminal there is nobody to ask either.
 */
import { createInterface } from 'node:readline/promises';

export function isInteractive(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NX_INTERACTIVE !== 'false' && process.stdin.isTTY === true && process.stdout.isTTY === true;
}

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

/** Yes / no, default no. */
export async function confirm(question: string): Promise<boolean> {
  return /^y(es)?$/i.test(await ask(`${question} (y/N) `));
}

/** Pick one of `choices` by number or by name. */
export async function choose(question: string, choices: readonly string[]): Promise<string> {
  const list = choices.map((c, i) => `  ${String(i + 1).padStart(3)}. ${c}`).join('\n');
  for (;;) {
    const answer = await ask(`${question}\n${list}\n> `);
    const n = Number(answer);
    if (Number.isInteger(n) && n >= 1 && n <= choices.length) return choices[n - 1]!;
    if (choices.includes(answer)) return answer;
  }
}
