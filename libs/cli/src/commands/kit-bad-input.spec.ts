/**
 * `awsmcp kit` with bad input (issue 13, "How it is checked"): an unknown kit or server id, a kits file
 * with a typo, a remote server for a host without remote servers, a region without an AWS MCP Server:
 * a clear error naming the choice and the alternatives, and nothing written (home and workspace as before).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeHome, run, writeFile, type TempEnv } from '../testing/demo-home';

/** Every file under the temp home and workspace with its content: what a failed kit must leave as it was. */
function snapshot(t: TempEnv): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out[p] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(t.home);
  walk(t.workspace);
  return out;
}

const P = ['--profile', 'dev-sandbox', '--region', 'eu-west-1', '--yes'];

describe('awsmcp kit: bad input is a clear error and writes nothing', () => {
  it.each([
    ['an unknown kit', [], ['kit', 'eks-debgu', ...P], ["unknown kit 'eks-debgu'; valid kits: eks-debug, observe, knowledge, deploy, cost", "did you mean 'eks-debug'?"]],
    [
      'a kits file with a mistyped key',
      ['kits:\n  payments:\n    server: [eks]\n'],
      ['kit', 'payments', ...P],
      ["awsmcp-kits.yaml:3:5: unknown key 'server' in kit 'payments'; expected description, servers; did you mean 'servers'?"],
    ],
    [
      'a kits file with a mistyped server id',
      ['kits:\n  payments:\n    servers: [eks, cloudwach]\n'],
      ['kit', 'payments', ...P],
      ["awsmcp-kits.yaml:3:20: unknown server 'cloudwach' in kit 'payments'; expected one of eks, cloudwatch,", "did you mean 'cloudwatch' or 'cloudtrail'?"],
    ],
    [
      'a remote server for a host that takes local servers only',
      [],
      ['kit', 'knowledge', ...P, '--hosts', 'claude-desktop'],
      ["kit 'knowledge' includes the remote server 'aws-knowledge' (https://knowledge-mcp.global.api.aws), which Claude Desktop cannot take (local stdio servers only); hosts that take remote servers: vscode, claude-code, cursor, kiro, amazonq"],
    ],
    [
      'a region whose partition has no AWS MCP Server',
      [],
      ['kit', 'deploy', '--profile', 'dev-sandbox', '--region', 'cn-north-1', '--yes', '--no-validate-profile'],
      ['aws-mcp has no endpoint in cn-north-1 (its partition has no AWS MCP Server); regions with an endpoint: us-east-1, us-west-2,'],
    ],
  ])('%s', async (_what, kitsFile, argv, messages) => {
    const t = makeHome();
    if (kitsFile.length > 0) writeFile(t.workspace, 'awsmcp-kits.yaml', kitsFile[0]!);
    const before = snapshot(t);
    const r = await run(t, argv);
    expect(r.code).not.toBe(0);
    for (const m of messages) expect(r.stderr).toContain(m);
    expect(snapshot(t)).toEqual(before);
    // the same under --json: the message in the error document, nothing written
    const j = await run(t, [...argv, '--json']);
    expect(j.code).toBe(r.code);
    for (const m of messages) expect(j.stdout + j.stderr).toContain(m);
    expect(snapshot(t)).toEqual(before);
  });
});
