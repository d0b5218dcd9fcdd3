/**
 * @awsmcp/nx: the Nx plugin. Generators `kit`, `template`, `init`; the `check` executor, inferred as
 * `mcp-check` on the root project when `@awsmcp/nx` is in the plugins of nx.json.
 */
export { createNodes, createNodesV2, rootProjectName } from './plugin';
export type { AwsmcpPluginOptions } from './plugin';
export { kitGenerator } from './generators/kit/generator';
export type { KitGeneratorSchema } from './generators/kit/schema';
export { templateGenerator } from './generators/template/generator';
export type { TemplateGeneratorSchema } from './generators/template/schema';
export { initGenerator } from './generators/init/generator';
export type { InitGeneratorSchema } from './generators/init/schema';
export { checkExecutor } from './executors/check/executor';
export type { CheckExecutorSchema } from './executors/check/schema';
export { runCheck, formatReport, lintCatalog } from './lib/check';
export type { CheckReport, CheckFinding, CheckOptions, Severity } from './lib/check';
