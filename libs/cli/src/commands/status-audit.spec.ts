/** Issue 15, item 18: `status` shows the audit the libraries know, with the fix; --strict fails on it. */
import { StatusOutputSchema } from '../schemas';
import { CANARY, makeHome, run, writeFile } from '../testing/demo-home';

jest.setTimeout(60_000);

const SESSION = `${CANARY}-session`;

function dangerousHome() {
  const t = makeHome();
  // a prod server in the user-scope file, with --allow-write; static keys and a session token in env; unpinned
  writeFile(
    t.home,
    '.claude.json',
    JSON.stringify({ mcpServers: { 'eks-prod': { command: 'uvx', args: ['awslabs.eks-mcp-server@latest', '--allow-write'], env: { AWS_PROFILE: 'prod-eu', AWS_REGION: 'eu-west-1' } } } }),
  );
  writeFile(
    t.workspace,
    '.mcp.json',
    JSON.stringify({
      mcpServers: {
        keys: { command: 'uvx', args: ['awslabs.cloudwatch-mcp-server==0.1.8'], env: { AWS_ACCESS_KEY_ID: 'AKIACANARY0000000007', AWS_SECRET_ACCESS_KEY: CANARY, AWS_SESSION_TOKEN: SESSION, AWS_REGION: 'eu-west-1' } },
        api: { command: 'uvx', args: ['awslabs.aws-api-mcp-server==1.5.1'], env: { AWS_API_MCP_PROFILE_NAME: 'acmeprod', AWS_REGION: 'eu-west-1' } },
      },
    }),
  );
  return t;
}

describe('awsmcp status: the audit', () => {
  it('lists prod in user scope, write flags on prod, static keys and session tokens in env, unpinned packages, each with its fix, never a value', async () => {
    const t = dangerousHome();
    const r = await run(t, ['status']);
    expect(r.code).toBe(0);
    const audit = r.stdout.slice(r.stdout.indexOf('\nAudit\n'));
    expect(audit).toMatch(/error PROD_IN_USER_SCOPE ~\/\.claude\.json:\d+:\d+: server "eks-prod": production profile "prod-eu" \(tagged prod.*\) in a user-scope file/);
    expect(audit).toMatch(/error PROD_WRITE_ENABLED ~\/\.claude\.json:\d+:\d+: server "eks-prod": .*with writes enabled \(--allow-write\)\n {2}fix: remove --allow-write from this entry/);
    expect(audit).toMatch(/error STATIC_CREDENTIALS \.mcp\.json:\d+:\d+: server "keys": env\.AWS_SECRET_ACCESS_KEY holds a static AWS key or session token/);
    expect(audit).toMatch(/error STATIC_CREDENTIALS .*env\.AWS_SESSION_TOKEN holds a static AWS key or session token\n {2}fix: remove env\.AWS_SESSION_TOKEN; use a profile/);
    expect(audit).toMatch(/warning UNPINNED_VERSION ~\/\.claude\.json:\d+:\d+: server "eks-prod": awslabs\.eks-mcp-server is not pinned \(@latest\).*\n {2}fix: pin an exact version: awslabs\.eks-mcp-server==\d/);
    // an untagged glued prod name, on a server that writes by default
    expect(audit).toMatch(/warning PROD_DEFAULT_WRITABLE \.mcp\.json:\d+:\d+: server "api": production profile "acmeprod".*\n {2}fix: set READ_OPERATIONS_ONLY=true/);
    expect(r.stdout + r.stderr).not.toContain(CANARY);
    expect(r.stdout + r.stderr).not.toContain('AKIACANARY0000000007');
  });

  it('--json carries the audit array (schema); --strict exits 1 on any finding and 0 on a clean setup', async () => {
    const t = dangerousHome();
    const json = await run(t, ['status', '--json', '--strict']);
    expect(json.code).toBe(1);
    const doc = StatusOutputSchema.parse(JSON.parse(json.stdout));
    expect([...new Set(doc.audit.map((a) => a.code))].sort()).toEqual(['PROD_DEFAULT_WRITABLE', 'PROD_IN_USER_SCOPE', 'PROD_WRITE_ENABLED', 'STATIC_CREDENTIALS', 'UNPINNED_VERSION']);
    expect(doc.audit.every((a) => a.fix.length > 0)).toBe(true);
    expect(json.stdout).not.toContain(CANARY);
    const text = await run(t, ['status', '--strict']);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/awsmcp status --strict: \d+ audit findings/);

    const clean = makeHome();
    writeFile(clean.workspace, '.mcp.json', JSON.stringify({ mcpServers: { eks: { command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37'], env: { AWS_PROFILE: 'dev-sandbox', AWS_REGION: 'eu-west-1' } } } }));
    const ok = await run(clean, ['status', '--strict', '--json']);
    expect(ok.code).toBe(0);
    expect(StatusOutputSchema.parse(JSON.parse(ok.stdout)).audit).toEqual([]);
  });
});
