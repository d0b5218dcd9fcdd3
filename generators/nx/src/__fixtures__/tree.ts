/** Test helpers: an empty workspace tree, the files a run wrote, and the logger's output. */
import { logger, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';

/** createTreeWithEmptyWorkspace() without its oxfmt config, so formatFiles has no formatter to run. */
export function emptyWorkspace(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  tree.delete('.oxfmtrc.json');
  return tree;
}

/** Every file of the tree (path -> text), for before/after comparisons. */
export function contents(tree: Tree): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of tree.listChanges()) if (c.type !== 'DELETE') out[c.path] = c.content?.toString('utf8') ?? '';
  return out;
}

/** The files a run created or changed, compared with `before`. */
export function changedSince(tree: Tree, before: Record<string, string>): Record<string, string> {
  const now = contents(tree);
  return Object.fromEntries(Object.entries(now).filter(([p, t]) => before[p] !== t));
}

export interface LogCapture {
  lines: string[];
  text(): string;
  restore(): void;
}

/** Capture (and silence) the Nx logger. */
export function captureLogger(): LogCapture {
  const lines: string[] = [];
  const spies = (['info', 'warn', 'error', 'log', 'debug', 'fatal'] as const).map((k) =>
    jest.spyOn(logger, k).mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    }),
  );
  return { lines, text: () => lines.join('\n'), restore: () => spies.forEach((s) => s.mockRestore()) };
}
