/** .gitignore lines through the Tree: real host configs ignored, their templates kept. */
import type { Tree } from '@nx/devkit';

export const GITIGNORE_HEADER = '# awsmcp: real MCP configs hold profile names and stay local; the .template files are committed';

/** The lines for these host files: the file ignored, its template explicitly kept. */
export function gitignoreLines(files: readonly string[], templateOf: (f: string) => string): string[] {
  return files.flatMap((f) => [f, `!${templateOf(f)}`]);
}

/**
 * Add the missing lines (under one header) and return the lines that ignore a whole host folder
 * (`.vscode/`), where git cannot re-include a template.
 */
export function addGitignoreLines(tree: Tree, lines: readonly string[]): { added: string[]; folderIgnores: string[] } {
  const text = tree.read('.gitignore', 'utf-8') ?? '';
  const have = new Set(text.split(/\r?\n/).map((l) => l.trim()));
  const missing = lines.filter((l) => !have.has(l) && !have.has(l.startsWith('!') ? `!/${l.slice(1)}` : `/${l}`));
  const folders = new Set(lines.filter((l) => !l.startsWith('!') && l.includes('/')).map((l) => l.split('/')[0]!));
  const folderIgnores = [...have].filter((l) => [...folders].some((d) => l === d || l === `${d}/` || l === `/${d}` || l === `/${d}/`));
  if (missing.length > 0) {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const block = [...(have.has(GITIGNORE_HEADER) ? [] : [GITIGNORE_HEADER]), ...missing].join(eol);
    const sep = text === '' ? '' : text.endsWith('\n') ? eol : eol + eol;
    tree.write('.gitignore', `${text}${sep}${block}${eol}`);
  }
  return { added: missing, folderIgnores };
}
