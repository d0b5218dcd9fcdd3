/** Versions the init generator adds to a workspace. */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** This plugin's own version (read from its package.json: src/ and dist/ are both two levels below it). */
export function pluginVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** The @awsmcp/cli range added for `npx awsmcp hydrate` (a test keeps it in step with libs/cli). */
export const AWSMCP_CLI_VERSION = '^0.1.0';

export const PACKAGE_NAME = '@awsmcp/nx';
/** What nx.json registers: the light entry point with only createNodes (like `@nx/jest/plugin`). */
export const PLUGIN_NAME = '@awsmcp/nx/plugin';
export const DEFAULT_TARGET_NAME = 'mcp-check';
