/**
 * `awsmcp kit` for the TOML and JSONC hosts (issue 14): Codex gets `.codex/config.toml`, Zed
 * `.zed/settings.json`, each in its own format, the user's comments kept byte for byte, and
 * `status` finds the servers where the kit put them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StatusOutputSchema } from '../schemas';
import { makeHome, run, writeFile } from '../testing/demo-home';

describe('awsmcp kit on Codex (TOML) and Zed (JSONC)', () => {
  it('writes each host its own file and format; comments and the rest of the file kept', async () => {
    const t = makeHome();
    const codexBefore = '# project settings for Codex\r\nmodel = "o3"   # keep me\r\n';
    const zedBefore = '// Zed project settings\n{\n  "tab_size": 2, // two\n}\n';
    const codex = writeFile(t.workspace, '.codex/config.toml', codexBefore);
    const zed = writeFile(t.workspace, '.zed/settings.json', zedBefore);
    const r = await run(t, ['kit', 'eks-debug', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--hosts', 'codex,zed', '--yes']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const toml = fs.readFileSync(codex, 'utf8');
    expect(toml.startsWith(codexBefore)).toBe(true);
    expect(toml).toMatch(/\[mcp_servers\.eks\]\r\n/);
    expect(toml).toContain('AWS_DEFAULT_REGION = "eu-west-1"');
    const jsonc = fs.readFileSync(zed, 'utf8');
    expect(jsonc).toContain('// Zed project settings');
    expect(jsonc).toContain('"tab_size": 2, // two');
    expect(jsonc).toContain('"context_servers"');
    const status = StatusOutputSchema.parse(JSON.parse((await run(t, ['status', '--json'])).stdout));
    for (const [host, file] of [['codex', codex], ['zed', zed]] as const) {
      const mine = status.servers.filter((s) => s.host === host && path.resolve(s.file) === path.resolve(file));
      expect([host, mine.map((s) => s.server).sort()]).toEqual([host, ['cloudwatch', 'eks']]);
      for (const s of mine) expect(s.profile).toBe('dev-sandbox');
    }
    // a second run changes nothing
    const again = await run(t, ['kit', 'eks-debug', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--hosts', 'codex,zed', '--yes']);
    expect(again.code).toBe(0);
    expect(fs.readFileSync(codex, 'utf8')).toBe(toml);
    expect(fs.readFileSync(zed, 'utf8')).toBe(jsonc);
  });
});

describe('awsmcp kit --scope user', () => {
  it("writes each host's own user file (Goose YAML, Claude Desktop JSON), which status then shows at user scope", async () => {
    const t = makeHome();
    const gooseFile = path.join(t.home, '.config/goose/config.yaml');
    const gooseBefore = '# my goose\nGOOSE_PROVIDER: anthropic   # keep\nextensions:\n  developer: {type: builtin, name: developer, enabled: true}\n';
    writeFile(t.home, '.config/goose/config.yaml', gooseBefore);
    const r = await run(t, ['kit', 'eks-debug', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--scope', 'user', '--hosts', 'goose,claude-desktop', '--yes']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('~/.config/goose/config.yaml');
    expect(r.stdout).not.toContain('keep them out of git');
    const yaml = fs.readFileSync(gooseFile, 'utf8');
    expect(yaml.startsWith('# my goose\nGOOSE_PROVIDER: anthropic   # keep\n')).toBe(true);
    expect(yaml).toMatch(/\n  eks:\n/);
    expect(yaml).toContain('cmd: uvx');
    const status = StatusOutputSchema.parse(JSON.parse((await run(t, ['status', '--json'])).stdout));
    for (const host of ['goose', 'claude-desktop']) {
      const mine = status.servers.filter((s) => s.host === host);
      expect([host, mine.map((s) => s.server).sort(), [...new Set(mine.map((s) => s.scope))]]).toEqual([host, ['cloudwatch', 'eks'], ['user']]);
    }
    // nothing in the workspace
    expect(fs.readdirSync(t.workspace).filter((f) => !f.startsWith('.aws'))).toEqual([]);
  });

  it('a production profile in a user file is refused without --allow-global-prod; --scope all and inputs mode are usage errors', async () => {
    const t = makeHome();
    writeFile(t.home, '.config/goose/config.yaml', 'extensions: {}\n');
    const prod = await run(t, ['kit', 'eks-debug', '--profile', 'prod-eu', '--region', 'eu-west-1', '--scope', 'user', '--hosts', 'goose', '--yes', '--confirm']);
    expect(prod.code).not.toBe(0);
    expect(prod.stderr).toMatch(/user-scope|global|every project/i);
    expect(fs.readFileSync(path.join(t.home, '.config/goose/config.yaml'), 'utf8')).toBe('extensions: {}\n');
    const all = await run(t, ['kit', 'eks-debug', '--profile', 'dev-sandbox', '--scope', 'all', '--yes']);
    expect([all.code, all.stderr]).toEqual([2, expect.stringMatching(/--scope must be workspace or user for a kit \(got 'all'\)/)]);
    const inputs = await run(t, ['kit', 'eks-debug', '--profile', 'dev-sandbox', '--scope', 'user', '--mode', 'inputs', '--hosts', 'goose', '--yes']);
    expect([inputs.code, inputs.stderr]).toEqual([2, expect.stringMatching(/user-scope file is not committed/)]);
  });
});
