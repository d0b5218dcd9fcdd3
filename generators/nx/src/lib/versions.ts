/** Versions the init generator adds to a workspace. */
import * as fs from 'node:fs';
import * as path from 'node:path';

interface OwnPackageJson {
  version: string;
  peerDependencies?: Record<string, string>;
}

/** This plugin's own package.json (src/ and dist/ are both two levels below it). */
function ownPackageJson(): OwnPackageJson {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as OwnPackageJson;
}

/** This plugin's own version. */
export function pluginVersion(): string {
  return ownPackageJson().version;
}

/**
 * The @awsmcp/cli range added for `npx @awsmcp/cli hydrate`: the plugin's own optional peer
 * dependency on @awsmcp/cli, which `nx release` updates with every CLI release.
 */
export function awsmcpCliRange(): string {
  const range = ownPackageJson().peerDependencies?.['@awsmcp/cli'];
  if (!range) throw new Error(`${PACKAGE_NAME}: package.json has no peerDependencies['@awsmcp/cli']`);
  return range;
}

export const PACKAGE_NAME = '@awsmcp/nx';
/** What nx.json registers: the light entry point with only createNodes (like `@nx/jest/plugin`). */
export const PLUGIN_NAME = '@awsmcp/nx/plugin';
export const DEFAULT_TARGET_NAME = 'mcp-check';
