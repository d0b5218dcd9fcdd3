// `awsmcp hydrate` on TOML / YAML / JSONC hosts (issue 14): a committed template in the host's own
// format becomes the concrete file, every byte but the placeholders kept, on a temp home and workspace.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HydrateOutputSchema } from '../schemas';
import { CANARY, makeHome, markInstalled, run, writeFile } from '../testing/demo-home';

const CODEX = [
  '# team Codex config (committed template: no real profile names)',
  'model = "o4-mini"   # keep this comment',
  '',
  '[mcp_servers.eks]',
  'command = "uvx"',
  'args = ["awslabs.eks-mcp-server==0.1.37"]',
  'env = { AWS_PROFILE = "${AWS_PROFILE}", AWS_REGION = "${AWS_REGION}" }',
  'env_vars = ["GITHUB_TOKEN"] # a secret stays in the environment',
  '',
].join('\r\n');

const GOOSE = '# goose\nGOOSE_PROVIDER: anthropic   # provider\nextensions:\n  developer: {type: builtin, name: developer, enabled: true}\n  eks:\n    name: eks\n    enabled: true\n    type: stdio\n    cmd: uvx\n    args: [awslabs.eks-mcp-server==0.1.37]\n    envs:\n      AWS_PROFILE: ${AWS_PROFILE}   # filled by hydrate\n      AWS_REGION: "${AWS_REGION}"\n';

const ZED = '// Zed settings: the whole editor config\n{\n  "theme": "One Dark",\n  "context_servers": {\n    "eks": { "command": "uvx", "args": ["awslabs.eks-mcp-server==0.1.37"], "env": { "AWS_PROFILE": "${AWS_PROFILE}", "AWS_REGION": "${AWS_REGION}" } }, // trailing comma below\n  },\n}\n';

const OPENCODE = '{\n  "$schema": "https://opencode.ai/config.json",\n  "mcp": {\n    "servers": {\n      "eks": { "type": "local", "command": ["uvx", "awslabs.eks-mcp-server==0.1.37", "--profile", "${AWS_PROFILE}"], "environment": { "AWS_REGION": "${AWS_REGION}" } },\n    },\n  },\n}\n';

const CONTINUE = 'name: AWS servers\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: eks # the list form\n    command: uvx\n    args: ["awslabs.eks-mcp-server==0.1.37"]\n    env:\n      AWS_PROFILE: "${AWS_PROFILE}"\n      AWS_REGION: ${AWS_REGION}\n';

const fill = (text: string) => text.replace(/\$\{AWS_PROFILE\}/g, 'dev-sandbox').replace(/\$\{AWS_REGION\}/g, 'eu-west-1');

describe('awsmcp hydrate on TOML, YAML and JSONC hosts', () => {
  it('hydrate --host codex: .codex/config.toml from its template, comments and CRLF kept', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.codex/config.toml.template', CODEX);
    const r = await run(t, ['hydrate', '--host', 'codex', '--profile', 'dev-sandbox', '--region', 'eu-west-1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/wrote \.codex\/config\.toml \(OpenAI Codex, from config\.toml\.template; AWS_PROFILE, AWS_REGION\)/);
    expect(fs.readFileSync(path.join(t.workspace, '.codex/config.toml'), 'utf8')).toBe(fill(CODEX));
    // again: nothing changes
    const again = HydrateOutputSchema.parse(JSON.parse((await run(t, ['hydrate', '--host', 'codex', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--json'])).stdout));
    expect(again.files).toEqual([expect.objectContaining({ host: 'codex', changed: false })]);
  });

  it('detects the host from the path (Zed JSONC, opencode V2, Continue block file), each in its own format', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.zed/settings.json.template', ZED);
    writeFile(t.workspace, 'opencode.json.template', OPENCODE);
    // hydrate writes installed hosts only, by default
    markInstalled(t, 'zed', 'opencode');
    const doc = HydrateOutputSchema.parse(JSON.parse((await run(t, ['hydrate', '--json', '--profile', 'dev-sandbox', '--region', 'eu-west-1'])).stdout));
    expect(doc.files.map((f) => f.host).sort()).toEqual(['opencode', 'zed']);
    expect(fs.readFileSync(path.join(t.workspace, '.zed/settings.json'), 'utf8')).toBe(fill(ZED));
    expect(fs.readFileSync(path.join(t.workspace, 'opencode.json'), 'utf8')).toBe(fill(OPENCODE));
    const tpl = writeFile(t.workspace, '.continue/mcpServers/aws.yaml.template', CONTINUE);
    const r = await run(t, ['hydrate', '--template', tpl, '--profile', 'dev-sandbox', '--region', 'eu-west-1']);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(t.workspace, '.continue/mcpServers/aws.yaml'), 'utf8')).toBe(fill(CONTINUE));
  });

  it('hydrate --host goose --template: YAML with comments and a built-in extension kept as written', async () => {
    const t = makeHome();
    const tpl = writeFile(t.workspace, 'goose/config.yaml.template', GOOSE);
    const r = await run(t, ['hydrate', '--host', 'goose', '--template', tpl, '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--json']);
    expect(r.code).toBe(0);
    expect(HydrateOutputSchema.parse(JSON.parse(r.stdout)).files[0]).toMatchObject({ host: 'goose', changed: true, variables: ['AWS_PROFILE', 'AWS_REGION'] });
    expect(fs.readFileSync(path.join(t.workspace, 'goose/config.yaml'), 'utf8')).toBe(fill(GOOSE));
  });

  it('--host limits the search to that host’s templates', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.codex/config.toml.template', CODEX);
    writeFile(t.workspace, '.zed/settings.json.template', ZED);
    const doc = HydrateOutputSchema.parse(JSON.parse((await run(t, ['hydrate', '--host', 'zed', '--json', '--profile', 'dev-sandbox', '--region', 'eu-west-1'])).stdout));
    expect(doc.files.map((f) => f.host)).toEqual(['zed']);
    expect(fs.existsSync(path.join(t.workspace, '.codex/config.toml'))).toBe(false);
  });

  it('a broken TOML template names file:line:col; a missing value writes nothing; no secret is ever printed', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.codex/config.toml.template', '[mcp_servers.eks\ncommand = "uvx"\n');
    markInstalled(t, 'codex');
    const broken = await run(t, ['hydrate', '--profile', 'dev-sandbox', '--region', 'eu-west-1']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/not valid TOML: .*config\.toml(\.template)?:\d+:\d+: /);
    expect(fs.existsSync(path.join(t.workspace, '.codex/config.toml'))).toBe(false);
    const u = makeHome();
    writeFile(u.workspace, '.codex/config.toml.template', CODEX.replace('model = "o4-mini"', `model = "o4-mini"\r\nnote = "${CANARY}"`));
    markInstalled(u, 'codex');
    const missing = await run(u, ['hydrate', '--region', 'eu-west-1']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing value for AWS_PROFILE: nothing was written');
    expect(fs.existsSync(path.join(u.workspace, '.codex/config.toml'))).toBe(false);
    expect(missing.stdout + missing.stderr).not.toContain(CANARY);
  });
});
