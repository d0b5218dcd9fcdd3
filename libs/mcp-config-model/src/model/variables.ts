/** `${...}` references in config values, read with each host's own variable syntax. */
import type { VariableRef } from './schema';

/**
 * - `vscode`: `${input:id}`, `${env:NAME}`, `${workspaceFolder}`, `${userHome}`...
 * - `shell`: Claude Code / Kiro `${NAME}` and `${NAME:-default}`
 * - `env-prefixed`: Cursor / Amazon Q `${env:NAME}` (plus Cursor's `${userHome}`, `${workspaceFolder}`)
 * - `none`: the host expands nothing (Claude Desktop): every `${...}` is a placeholder to hydrate
 */
export type VariableSyntax = 'vscode' | 'shell' | 'env-prefixed' | 'none';

const PREDEFINED = new Set([
  'workspaceFolder',
  'workspaceFolderBasename',
  'userHome',
  'pathSeparator',
  '/',
  'cwd',
  'file',
  'execPath',
]);

const REF = /\$\{([^{}]*)\}/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function findVariableRefs(value: string, syntax: VariableSyntax): VariableRef[] {
  const refs: VariableRef[] = [];
  for (const m of value.matchAll(REF)) {
    const body = m[1]!;
    const text = m[0];
    if (syntax === 'vscode' || syntax === 'env-prefixed') {
      if (syntax === 'vscode' && body.startsWith('input:')) refs.push({ kind: 'input', name: body.slice(6), text });
      else if (body.startsWith('env:')) refs.push({ kind: 'env', name: body.slice(4), text });
      else if (PREDEFINED.has(body) || body.startsWith('config:') || body.startsWith('command:')) refs.push({ kind: 'predefined', name: body, text });
      else refs.push({ kind: 'placeholder', name: body, text });
    } else if (syntax === 'shell') {
      const i = body.indexOf(':-');
      const name = i === -1 ? body : body.slice(0, i);
      if (NAME.test(name)) refs.push({ kind: 'env', name, text, ...(i === -1 ? {} : { default: body.slice(i + 2) }) });
      else refs.push({ kind: 'placeholder', name: body, text });
    } else {
      refs.push({ kind: 'placeholder', name: body, text });
    }
  }
  return refs;
}

/** Does the value contain any `${...}` reference at all? */
export function hasVariableRef(value: string): boolean {
  return /\$\{[^{}]*\}/.test(value);
}
