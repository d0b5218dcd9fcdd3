/** `awsmcp completion bash|zsh|fish`: scripts generated from the command definitions themselves. */
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { CliError, EXIT } from '../errors';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

interface Spec {
  name: string;
  description: string;
  options: { flag: string; description: string }[];
}

/** Every command and its long options, from the same program `awsmcp --help` shows. */
export function commandSpecs(): { globals: Spec['options']; commands: Spec[] } {
  const { createProgram } = require('../program') as typeof import('../program');
  const sink = { write: () => true };
  const program: Command = createProgram({ stdout: sink, stderr: sink }, { action: () => async () => undefined });
  const long = (c: Command) =>
    c.options
      .filter((o) => o.long && !(o as { hidden?: boolean }).hidden)
      .map((o) => ({ flag: o.long as string, description: o.description }));
  return {
    globals: [...long(program), { flag: '--json', description: 'machine-readable output' }, { flag: '--help', description: 'show help' }],
    commands: program.commands.map((c) => ({ name: c.name(), description: c.description(), options: [...long(c), { flag: '--help', description: 'show help' }] })),
  };
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function completionScript(shell: Shell): string {
  const { globals, commands } = commandSpecs();
  const names = commands.map((c) => c.name).join(' ');
  if (shell === 'bash') {
    const cases = commands.map((c) => `    ${c.name}) opts=${quote(c.options.map((o) => o.flag).join(' '))} ;;`).join('\n');
    return `# awsmcp bash completion (awsmcp completion bash)
_awsmcp() {
  local cur cmd i opts
  cur="\${COMP_WORDS[COMP_CWORD]}"
  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in -*) ;; *) cmd="\${COMP_WORDS[i]}"; break ;; esac
  done
  case "$cmd" in
${cases}
    *) opts=${quote(globals.map((o) => o.flag).join(' '))} ;;
  esac
  if [[ -z "$cmd" && "$cur" != -* ]]; then
    COMPREPLY=( $(compgen -W ${quote(names)} -- "$cur") )
  else
    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
  fi
}
complete -F _awsmcp awsmcp
`;
  }
  if (shell === 'zsh') {
    const esc = (s: string) => s.replace(/[[\]:'\\]/g, (ch) => (ch === "'" ? `'\\''` : `\\${ch}`));
    const cmds = commands.map((c) => `    '${c.name}:${esc(c.description)}'`).join('\n');
    const cases = commands.map((c) => `    ${c.name}) _arguments ${c.options.map((o) => `'${o.flag}[${esc(o.description)}]'`).join(' ')} '*:file:_files' ;;`).join('\n');
    return `#compdef awsmcp
# awsmcp zsh completion (awsmcp completion zsh)
_awsmcp() {
  local -a commands
  commands=(
${cmds}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  case "\${words[2]}" in
${cases}
  esac
}
compdef _awsmcp awsmcp
`;
  }
  const lines = ['# awsmcp fish completion (awsmcp completion fish)', 'complete -c awsmcp -f'];
  for (const c of commands) lines.push(`complete -c awsmcp -n '__fish_use_subcommand' -a ${c.name} -d ${quote(c.description)}`);
  for (const c of commands) {
    for (const o of c.options) lines.push(`complete -c awsmcp -n '__fish_seen_subcommand_from ${c.name}' -l ${o.flag.replace(/^--/, '')} -d ${quote(o.description)}`);
  }
  return lines.join('\n') + '\n';
}

export function completion(ctx: CliContext, _options: Record<string, unknown>, args: string[]): number {
  const shell = args[0];
  if (!(SHELLS as readonly string[]).includes(shell ?? '')) {
    throw new CliError(`completion: unknown shell '${shell ?? ''}'; valid: ${SHELLS.join(', ')}`, EXIT.USAGE, 'e.g. awsmcp completion bash', 'USAGE');
  }
  ctx.stdout.write(completionScript(shell as Shell));
  return EXIT.OK;
}
