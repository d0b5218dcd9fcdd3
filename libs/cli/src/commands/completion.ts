import type { CommandDefinition } from '../program';

export const defineCompletion: CommandDefinition = (program, registrar) => {
  program
    .command('completion')
    .argument('<shell>', 'bash, zsh or fish')
    .description('print a shell completion script (commands and their options)')
    .addHelpText(
      'after',
      `
Examples:
  awsmcp completion bash > ~/.local/share/bash-completion/completions/awsmcp
  awsmcp completion zsh > "\${fpath[1]}/_awsmcp"
  awsmcp completion fish > ~/.config/fish/completions/awsmcp.fish
  source <(awsmcp completion bash)        # this shell only`,
    )
    .action(registrar.action(() => require('./completion.run').completion));
};
