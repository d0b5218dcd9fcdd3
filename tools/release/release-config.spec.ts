/**
 * The release configuration, without running a release: the changelog renderer reads scopes as
 * commitlint does, the first release of a 0.0.0 package is 0.1.0, nx.json builds before publishing,
 * and the publish workflow publishes with provenance under trusted publishing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { normalizeChange } = require('./changelog-renderer.js') as { normalizeChange: (c: Record<string, unknown>) => Record<string, unknown> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const VersionActions = require('./version-actions.js') as { prototype: { calculateNewVersion: (...a: unknown[]) => Promise<{ newVersion: string }> } };

/** What Nx's parser makes of a header (its scope ends at the last "): "). */
function nxParsed(header: string): Record<string, unknown> {
  const m = /^(?<type>[^\s():!]+)(?:\s*\((?<scope>.+)\))?(?<breaking>!)?: (?<description>.+)$/u.exec(header)!;
  return { type: m.groups!.type, scope: m.groups!.scope ?? '', description: m.groups!.description };
}

describe('changelog renderer', () => {
  it.each([
    ['feat(cli): doctor, tokens (wip): MCP sessions', 'cli', 'doctor, tokens (wip): MCP sessions'],
    ['fix(cli,prod-guard): x', 'cli, prod-guard', 'x'],
    ['fix(cli, prod-guard): a (b): c', 'cli, prod-guard', 'a (b): c'],
    ['fix(aws-config-parser): a; feat(cli): b', 'aws-config-parser', 'a; feat(cli): b'],
    ['perf: no scope (here): at all', '', 'no scope (here): at all'],
  ])('%s', (header, scope, description) => {
    expect(normalizeChange(nxParsed(header))).toMatchObject({ scope, description });
  });
});

describe('version actions', () => {
  const calc = (current: string, bump: string) =>
    VersionActions.prototype.calculateNewVersion.call(
      { projectGraphNode: { name: 'x' }, finalConfigForProject: { adjustSemverBumpsForZeroMajorVersion: true } },
      current,
      bump,
      'CONVENTIONAL_COMMITS',
      {},
      undefined,
    );
  it('a never-released package (0.0.0) is released first as 0.1.0, whatever the bump', async () => {
    for (const bump of ['patch', 'minor', 'major']) expect((await calc('0.0.0', bump)).newVersion).toBe('0.1.0');
  });
  it('later releases bump as Nx does for 0.x (feat -> patch, breaking -> minor)', async () => {
    expect((await calc('0.1.0', 'minor')).newVersion).toBe('0.1.1');
    expect((await calc('0.1.0', 'major')).newVersion).toBe('0.2.0');
    expect((await calc('1.2.3', 'minor')).newVersion).toBe('1.3.0');
  });
});

describe('nx.json and package manifests', () => {
  const nx = JSON.parse(fs.readFileSync(path.join(repo, 'nx.json'), 'utf8'));
  const dirs = ['libs/aws-config-parser', 'libs/credential-cache-inspector', 'libs/mcp-config-model', 'libs/prod-guard', 'libs/starter-kits', 'libs/cli', 'generators/nx'];
  const manifests = dirs.map((d) => JSON.parse(fs.readFileSync(path.join(repo, d, 'package.json'), 'utf8')));

  it('publishing depends on the build', () => {
    expect(nx.targetDefaults['nx-release-publish'].dependsOn).toContain('build');
  });
  it('every package ships its CHANGELOG.md and ranges (not pins) its siblings', () => {
    for (const m of manifests) {
      expect([m.name, m.files.includes('CHANGELOG.md')]).toEqual([m.name, true]);
      for (const k of ['dependencies', 'peerDependencies']) {
        for (const [n, r] of Object.entries((m[k] ?? {}) as Record<string, string>)) if (n.startsWith('@awsmcp/')) expect([m.name, n, r]).toEqual([m.name, n, expect.stringMatching(/^\^/)]);
      }
    }
  });
  it('objects cross packages through peers: the inspector and the guard take the parser\'s ProfileSet; zod where schemas are exported', () => {
    const byName = Object.fromEntries(manifests.map((m) => [m.name, m]));
    expect(byName['@awsmcp/credential-cache-inspector'].peerDependencies).toHaveProperty('@awsmcp/aws-config-parser');
    expect(byName['@awsmcp/prod-guard'].peerDependencies).toHaveProperty('@awsmcp/aws-config-parser');
    for (const n of ['@awsmcp/mcp-config-model', '@awsmcp/prod-guard', '@awsmcp/starter-kits']) {
      expect([n, byName[n].peerDependencies?.zod, byName[n].dependencies?.zod]).toEqual([n, expect.any(String), undefined]);
    }
  });
});

describe('.github/workflows/publish.yml', () => {
  const wf = fs.readFileSync(path.join(repo, '.github/workflows/publish.yml'), 'utf8');
  it('publishes with provenance under trusted publishing (OIDC id-token), after a dry run', () => {
    expect(wf).toMatch(/id-token: write/);
    expect(wf).toMatch(/NPM_CONFIG_PROVENANCE: ['"]?true/);
    expect(wf).toMatch(/nx release publish --dry-run/);
    expect(wf).toMatch(/npm install -g npm@/);
    expect(wf).not.toMatch(/NODE_AUTH_TOKEN|NPM_TOKEN/);
  });
});
