import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createNodes, createNodesV2, rootProjectName } from './plugin';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'awsmcp-nx-plugin-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const context = () => ({ workspaceRoot: root, nxJsonConfiguration: {} });

describe('createNodes', () => {
  it('infers mcp-check on the root project, named as Nx names it', async () => {
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: '@acme/source' }));
    const [glob, fn] = createNodes;
    expect(glob).toBe('package.json');
    const results = await fn(['package.json', 'libs/a/package.json'], undefined, context());
    expect(results).toEqual([
      [
        'package.json',
        {
          projects: {
            '.': {
              name: '@acme/source',
              targets: {
                'mcp-check': expect.objectContaining({ executor: '@awsmcp/nx:check', options: {}, cache: false }),
              },
            },
          },
        },
      ],
      ['libs/a/package.json', {}],
    ]);
    expect(createNodesV2).toBe(createNodes);
  });

  it('takes the target name from the plugin options', async () => {
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'ws' }));
    const results = await createNodes[1](['package.json'], { targetName: 'check' }, context());
    expect(Object.keys(results[0]![1].projects!['.']!.targets!)).toEqual(['check']);
  });

  it('names the root project from project.json, package.json nx.name, package.json name, else the folder', () => {
    expect(rootProjectName(root)).toBe(path.basename(root));
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'pkg', nx: { name: 'nx-name' } }));
    expect(rootProjectName(root)).toBe('nx-name');
    fs.writeFileSync(path.join(root, 'project.json'), JSON.stringify({ name: 'proj' }));
    expect(rootProjectName(root)).toBe('proj');
  });
});
