/** @awsmcp/cli: the `awsmcp` command, also callable in-process (`main(argv, { env, cwd, io })`). */
export { main } from './program';
export type { CommandHandler, CommandDefinition, Registrar } from './program';
export { createContext, wantsColor } from './context';
export type { CliContext, CliIO, ContextInput, Env, GlobalOptions, Output } from './context';
export { CliError, EXIT } from './errors';
export type { ExitCode } from './errors';
export { SCHEMA_VERSION } from './output/json';
export {
  DiscoverOutputSchema,
  StatusOutputSchema,
  SwitchOutputSchema,
  LoginOutputSchema,
  HydrateOutputSchema,
  KitOutputSchema,
  ErrorOutputSchema,
  RemoveOutputSchema,
} from './schemas';
