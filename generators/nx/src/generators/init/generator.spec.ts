import * as fs from 'node:fs';
import * as path from 'node:path';
import { readJson, readNxJson, type Tree } from '@nx/devkit';
import { captureLogger, contents, emptyWorkspace, type LogCapture } from '../../__fixtures__/tree';
import { awsmcpCliRange } from '../../lib/versions';
import { initGenerator } from './generator';

let tree: Tree;
let log: LogCapture;

beforeEach(() => {
  tree = emptyWorkspace();
  log = captureLogger();
});
afterEach(() => log.restore());

const ownVersion = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')).version as string;

describe('init generator', () => {
  it('adds the plugin to nx.json and the @awsmcp dev dependencies', async () => {
    const { dependencies: _none, ...pkg } = readJson(tree, 'package.json');
    tree.write('package.json', JSON.stringify(pkg, null, 2) + '\n');
    const install = await initGenerator(tree, {});
    expect(readNxJson(tree)!.plugins).toEqual(['@awsmcp/nx/plugin']);
    expect(readJson(tree, 'package.json').devDependencies).toEqual({ '@awsmcp/nx': ownVersion, '@awsmcp/cli': awsmcpCliRange() });
    // no empty fields left behind
    expect(readJson(tree, 'package.json')).not.toHaveProperty('dependencies');
    expect(typeof install).toBe('function');
    expect(log.text()).toMatch(/nx\.json: registered @awsmcp\/nx\/plugin \(the 'mcp-check' target on the root project\)/);
    expect(log.text()).toMatch(/installed with (npm|pnpm|yarn|bun)/);
  });

  it('is idempotent and keeps an existing registration and existing versions', async () => {
    const json = readJson(tree, 'package.json');
    json.devDependencies['@awsmcp/nx'] = 'file:../awsmcp-nx-0.1.0.tgz';
    tree.write('package.json', JSON.stringify(json, null, 2) + '\n');
    await initGenerator(tree, { targetName: 'awsmcp-check' });
    const first = contents(tree);
    expect(readNxJson(tree)!.plugins).toEqual([{ plugin: '@awsmcp/nx/plugin', options: { targetName: 'awsmcp-check' } }]);
    expect(readJson(tree, 'package.json').devDependencies['@awsmcp/nx']).toBe('file:../awsmcp-nx-0.1.0.tgz');
    await initGenerator(tree, {});
    expect(contents(tree)).toEqual(first);
  });

  it('leaves a registration of the package main alone', async () => {
    const nxJson = readNxJson(tree)!;
    nxJson.plugins = [{ plugin: '@awsmcp/nx', options: { targetName: 'check' } }];
    tree.write('nx.json', JSON.stringify(nxJson));
    await initGenerator(tree, {});
    expect(readNxJson(tree)!.plugins).toEqual([{ plugin: '@awsmcp/nx', options: { targetName: 'check' } }]);
  });

  it('--no-cli and --skipPackageJson', async () => {
    await initGenerator(tree, { cli: false });
    expect(Object.keys(readJson(tree, 'package.json').devDependencies)).toEqual(['@awsmcp/nx']);
    const other = emptyWorkspace();
    const before = readJson(other, 'package.json');
    await initGenerator(other, { skipPackageJson: true });
    expect(readJson(other, 'package.json')).toEqual(before);
  });

  it('adds a @awsmcp/cli range that the workspace version satisfies', () => {
    const cli = JSON.parse(fs.readFileSync(require.resolve('@awsmcp/cli/package.json'), 'utf8')).version as string;
    const [major, minor] = awsmcpCliRange().replace('^', '').split('.').map(Number);
    const [cMajor, cMinor] = cli.split('.').map(Number);
    expect(cMajor).toBe(major);
    expect(cMinor! >= minor!).toBe(true);
  });
});
