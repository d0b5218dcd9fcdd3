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
