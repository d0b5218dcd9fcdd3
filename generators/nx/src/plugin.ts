/**
 * The inferred target: with `@awsmcp/nx` in the plugins of nx.json, the workspace's root project
 * gets `mcp-check` (the `@awsmcp/nx:check` executor). The MCP host files live at the workspace root,
 * so the check belongs to the root project, as Nx's workspace-level tasks do; when the root is not a
 * project yet, this makes it one, named as Nx would name it (project.json, else package.json).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createNodesFromFiles, type CreateNodes, type CreateNodesContext, type CreateNodesResult } from '@nx/devkit';
import { DEFAULT_TARGET_NAME } from './lib/versions';

export interface AwsmcpPluginOptions {
  /** Name of the inferred target (default `mcp-check`). */
  targetName?: string;
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** The root project's name as Nx derives it. */
export function rootProjectName(workspaceRoot: string): string {
  const projectJson = readJson(path.join(workspaceRoot, 'project.json'));
  if (typeof projectJson?.name === 'string') return projectJson.name;
  const pkg = readJson(path.join(workspaceRoot, 'package.json'));
  const nxName = (pkg?.nx as { name?: unknown } | undefined)?.name;
  if (typeof nxName === 'string') return nxName;
  if (typeof pkg?.name === 'string') return pkg.name;
  return path.basename(workspaceRoot);
}

function createNodesInternal(file: string, options: AwsmcpPluginOptions | undefined, context: CreateNodesContext): CreateNodesResult {
  if (file !== 'package.json') return {};
  const targetName = options?.targetName || DEFAULT_TARGET_NAME;
  return {
    projects: {
      '.': {
        name: rootProjectName(context.workspaceRoot),
        targets: {
          [targetName]: {
            executor: '@awsmcp/nx:check',
            options: {},
            // the verdict depends on git's index and on ~/.aws, which Nx does not hash
            cache: false,
            metadata: {
              description: 'Check the MCP host configs and templates: committed real configs, leaking templates, unpinned versions, rejected flags, prod profiles',
              technologies: ['aws', 'mcp'],
            },
          },
        },
      },
    },
  };
}

/** Nx 23 (`createNodes` takes every matching file at once). */
export const createNodes: CreateNodes<AwsmcpPluginOptions> = [
  'package.json',
  (files, options, context) => createNodesFromFiles((file, opts, ctx) => createNodesInternal(file, opts, ctx), files, options, context),
];

/** Nx 22 reads `createNodesV2`; the same function. */
export const createNodesV2 = createNodes;
