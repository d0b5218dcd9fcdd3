/**
 * `nx g @awsmcp/nx:init` (what `nx add @awsmcp/nx` runs): the plugin in nx.json, which infers the
 * check target, and the @awsmcp dev dependencies, installed with the workspace's package manager.
 */
import { addDependenciesToPackageJson, detectPackageManager, formatFiles, logger, readJson, readNxJson, updateJson, updateNxJson, type GeneratorCallback, type Tree } from '@nx/devkit';
import { awsmcpCliRange, DEFAULT_TARGET_NAME, PACKAGE_NAME, PLUGIN_NAME, pluginVersion } from '../../lib/versions';
import type { InitGeneratorSchema } from './schema';

type PluginEntry = string | { plugin: string; options?: unknown };

/** Register the plugin once; an existing registration (with its options) is left as it is. */
export function addPluginToNxJson(tree: Tree, targetName: string): boolean {
  const nxJson = readNxJson(tree) ?? {};
  const plugins = (nxJson.plugins ?? []) as PluginEntry[];
  if (plugins.some((p) => [PLUGIN_NAME, PACKAGE_NAME].includes(typeof p === 'string' ? p : p.plugin))) return false;
  const entry: PluginEntry = targetName === DEFAULT_TARGET_NAME ? PLUGIN_NAME : { plugin: PLUGIN_NAME, options: { targetName } };
  nxJson.plugins = [...plugins, entry] as typeof nxJson.plugins;
  updateNxJson(tree, nxJson);
  return true;
}

export async function initGenerator(tree: Tree, schema: InitGeneratorSchema = {}): Promise<GeneratorCallback> {
  const targetName = schema.targetName?.trim() || DEFAULT_TARGET_NAME;
  if (addPluginToNxJson(tree, targetName)) logger.info(`nx.json: registered ${PLUGIN_NAME} (the '${targetName}' target on the root project)`);
  let install: GeneratorCallback = () => {};
  if (!schema.skipPackageJson) {
    const devDependencies: Record<string, string> = { [PACKAGE_NAME]: pluginVersion() };
    if (schema.cli !== false) devDependencies['@awsmcp/cli'] = awsmcpCliRange();
    const hadDependencies = tree.exists('package.json') && readJson<{ dependencies?: unknown }>(tree, 'package.json').dependencies !== undefined;
    install = addDependenciesToPackageJson(tree, {}, devDependencies, 'package.json', true);
    // addDependenciesToPackageJson leaves an empty `dependencies: {}` behind: not ours to add
    if (!hadDependencies) {
      updateJson<{ dependencies?: Record<string, string> }>(tree, 'package.json', (json) => {
        if (json.dependencies && Object.keys(json.dependencies).length === 0) delete json.dependencies;
        return json;
      });
    }
    logger.info(`package.json: ${Object.keys(devDependencies).join(', ')} as devDependencies (installed with ${detectPackageManager(tree.root)})`);
  }
  if (!schema.skipFormat) await formatFiles(tree);
  return install;
}

export default initGenerator;
