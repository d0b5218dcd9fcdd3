// Issue 14, "How it is checked", at the CLI: a temp home and workspace holding one real-looking
// config file per supported host (as the host's docs show it; comments where the format allows,
// odd layouts, one CRLF file), every one with awslabs uvx servers and AWS_PROFILE. `status --json`
// finds every AWS server and names its host; `switch` changes only the profile bytes; `hosts --json`
// lists them all; a broken TOML, YAML and JSONC file each is reported with file:line:column and what
// was expected, and never hides the other hosts' servers (nor lets a switch half-write).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StatusOutputSchema, SwitchOutputSchema } from '../schemas';
import { CANARY, makeHome, run, writeFile, type TempEnv } from '../testing/demo-home';

jest.setTimeout(120_000);

type Root = 'home' | 'workspace' | 'system';
interface HostFixture {
  host: string;
  root: Root;
  rel: string;
  text: string;
  /** The AWS servers in it (name -> the profile it names). */
  servers: string[];
  readOnly?: boolean;
}

const uvx = (pkg: string) => `awslabs.${pkg}@latest`;

/** One file per host. `dev-sandbox` appears only as a profile value, so a switch to staging-eu is a plain replace. */
export const FIXTURES: HostFixture[] = [
  // ---- the first six ---------------------------------------------------------------------------
  {
    host: 'vscode',
    root: 'workspace',
    rel: '.vscode/mcp.json',
    servers: ['aws-eks'],
    text: `{
  // team MCP servers (VS Code reads "servers")
  "inputs": [],
  "servers": {
    "aws-eks": {
      "type": "stdio",
      "command": "uvx",
      "args": ["${uvx('eks-mcp-server')}", "--allow-sensitive-data-access"],
      "env": { "AWS_PROFILE": "dev-sandbox", "AWS_REGION": "eu-west-1", "FASTMCP_LOG_LEVEL": "ERROR" } // switched by awsmcp
    },
  },
}
`,
  },
  {
    host: 'claude-code',
    root: 'workspace',
    rel: '.mcp.json',
    servers: ['aws-cdk'],
    text: `{
  "mcpServers": {
    "aws-cdk": {
      "command": "uvx",
      "args": ["${uvx('cdk-mcp-server')}"],
      "env": {
        "AWS_PROFILE": "dev-sandbox",
        "FASTMCP_LOG_LEVEL": "ERROR"
      }
    }
  }
}
`,
  },
  {
    host: 'claude-code',
    root: 'home',
    rel: '.claude.json',
    servers: ['aws-docs-user'],
    text: `{
  "numStartups": 42,
  "theme": "dark",
  "mcpServers": {
    "aws-docs-user": { "type": "stdio", "command": "uvx", "args": ["${uvx('aws-documentation-mcp-server')}"], "env": { "AWS_PROFILE": "dev-sandbox" } }
  },
  "projects": {}
}
`,
  },
  {
    host: 'cursor',
    root: 'home',
    rel: '.cursor/mcp.json',
    servers: ['awslabs.cloudwatch-mcp-server'],
    text: `{
    "mcpServers": {
        "awslabs.cloudwatch-mcp-server": {
            "autoApprove": [],
            "disabled": false,
            "command": "uvx",
            "args": [
                "${uvx('cloudwatch-mcp-server')}"
            ],
            "env": {
                "AWS_PROFILE": "dev-sandbox",
                "FASTMCP_LOG_LEVEL": "ERROR"
            },
            "transportType": "stdio"
        }
    }
}
`,
  },
  {
    host: 'kiro',
    root: 'workspace',
    rel: '.kiro/settings/mcp.json',
    servers: ['aws-iac'],
    text: `{
  "mcpServers": {
    "aws-iac": {
      "command": "uvx",
      "args": ["${uvx('aws-iac-mcp-server')}"],
      "env": { "AWS_PROFILE": "dev-sandbox", "AWS_REGION": "us-east-1" },
      "disabled": false,
      "autoApprove": ["validate_cloudformation_template"]
    }
  }
}
`,
  },
  {
    host: 'amazonq',
    root: 'home',
    rel: '.aws/amazonq/mcp.json',
    servers: ['aws-serverless'],
    text: `{"mcpServers":{"aws-serverless":{"command":"uvx","args":["${uvx('aws-serverless-mcp-server')}","--allow-write"],"env":{"AWS_PROFILE":"dev-sandbox","AWS_REGION":"us-east-1"},"timeout":60000}}}
`,
  },
  {
    host: 'claude-desktop',
    root: 'home',
    rel: '.config/Claude/claude_desktop_config.json',
    servers: ['aws-pricing'],
    text: `{
  "preferences": { "quickEntryShortcut": "double-tap-option" },
  "mcpServers": {
    "aws-pricing": {
      "command": "uvx",
      "args": ["${uvx('aws-pricing-mcp-server')}"],
      "env": { "FASTMCP_LOG_LEVEL": "ERROR", "AWS_PROFILE": "dev-sandbox", "AWS_REGION": "us-east-1" }
    }
  }
}
`,
  },
  // ---- issue 14's hosts -------------------------------------------------------------------------
  {
    host: 'codex',
    root: 'home',
    rel: '.codex/config.toml',
    servers: ['aws-knowledge-eks', 'cloudwatch'],
    // CRLF, as a Windows editor saves it; inline env table and a [x.env] sub-table
    text: [
      '# ~/.codex/config.toml',
      'model = "gpt-5-codex"',
      'approval_policy = "on-request"   # ask before running commands',
      '',
      '[mcp_servers.aws-knowledge-eks]',
      'command = "uvx"',
      `args = ["${uvx('eks-mcp-server')}"]`,
      'env = { AWS_PROFILE = "dev-sandbox", AWS_REGION = "eu-west-1" }  # switched by awsmcp',
      'startup_timeout_sec = 60',
      '',
      '[mcp_servers.cloudwatch]',
      'command = "uvx"',
      `args = [`,
      `  "${uvx('cloudwatch-mcp-server')}",`,
      ']',
      '',
      '[mcp_servers.cloudwatch.env]',
      "AWS_PROFILE = 'dev-sandbox'",
      'FASTMCP_LOG_LEVEL = "ERROR"',
      '',
    ].join('\r\n'),
  },
  {
    host: 'grok',
    root: 'workspace',
    rel: '.grok/config.toml',
    servers: ['aws-api'],
    text: `# Grok Build project config
[mcp_servers.aws-api]
command = "uvx"
args = ["${uvx('aws-api-mcp-server')}"]
startup_timeout_sec = 30

  [mcp_servers.aws-api.env]
  AWS_API_MCP_PROFILE_NAME = "dev-sandbox"   # the profile the server signs with
  AWS_REGION = "us-east-1"
  READ_OPERATIONS_ONLY = "true"
`,
  },
  {
    host: 'goose',
    root: 'home',
    rel: '.config/goose/config.yaml',
    servers: ['aws-cloudwatch-appsignals'],
    // the way goose itself writes it: keys sorted, list items at the key's indent
    text: `# Goose configuration
GOOSE_PROVIDER: anthropic
GOOSE_MODEL: claude-sonnet-4   # default model
extensions:
  developer:
    bundled: true
    enabled: true
    name: developer
    timeout: 300
    type: builtin
  aws-cloudwatch-appsignals:
    args:
    - ${uvx('cloudwatch-appsignals-mcp-server')}
    cmd: uvx
    description: CloudWatch Application Signals
    enabled: true
    env_keys: []
    envs:
      AWS_PROFILE: dev-sandbox  # switched by awsmcp
      AWS_REGION: eu-west-1
    name: aws-cloudwatch-appsignals
    timeout: 300
    type: stdio
`,
  },
  {
    host: 'continue',
    root: 'home',
    rel: '.continue/config.yaml',
    servers: ['aws-documentation'],
    text: `name: Local Assistant
version: 1.0.0
schema: v1
models:
  - name: Claude Sonnet
    provider: anthropic
    model: claude-sonnet-4
    roles: [chat, edit]
mcpServers:
  # AWS documentation search
  - name: aws-documentation
    command: uvx
    args:
      - "${uvx('aws-documentation-mcp-server')}"
    env:
      AWS_PROFILE: "dev-sandbox"
      FASTMCP_LOG_LEVEL: ERROR
`,
  },
  {
    host: 'continue',
    root: 'workspace',
    rel: '.continue/mcpServers/aws-s3-tables.yaml',
    servers: ['aws-s3-tables'],
    text: `name: S3 Tables
version: 0.0.1
schema: v1
mcpServers:
  - name: aws-s3-tables
    type: stdio
    command: uvx
    args: ["${uvx('s3-tables-mcp-server')}", "--allow-write"]
    env: { AWS_PROFILE: dev-sandbox, AWS_REGION: us-east-1 }
`,
  },
  {
    // a Claude-style file copied into Continue's block folder (Continue picks JSON files up too)
    host: 'continue-json',
    root: 'workspace',
    rel: '.continue/mcpServers/from-claude.json',
    servers: ['aws-cloudtrail'],
    text: `{
  "mcpServers": {
    "aws-cloudtrail": {
      "command": "uvx",
      "args": ["${uvx('cloudtrail-mcp-server')}"],
      "env": { "AWS_PROFILE": "dev-sandbox", "AWS_REGION": "eu-west-1" }
    }
  }
}
`,
  },
  {
    host: 'copilot-cli',
    root: 'home',
    rel: '.copilot/mcp-config.json',
    servers: ['aws-iam'],
    text: `{
  "mcpServers": {
    "aws-iam": {
      "type": "local",
      "command": "uvx",
      "args": ["${uvx('iam-mcp-server')}", "--readonly"],
      "env": { "AWS_PROFILE": "dev-sandbox", "AWS_REGION": "us-east-1" },
      "tools": ["*"]
    }
  }
}
`,
  },
  {
    host: 'gemini-cli',
    root: 'home',
    rel: '.gemini/settings.json',
    servers: ['aws-ccapi'],
    // Gemini CLI reads settings.json through strip-json-comments: comments are fine (trailing commas are not)
    text: `{
  "theme": "GitHub",
  "selectedAuthType": "gemini-api-key",
  // MCP servers
  "mcpServers": {
    "aws-ccapi": {
      "command": "uvx",
      "args": ["${uvx('ccapi-mcp-server')}"],
      "env": { "AWS_PROFILE": "dev-sandbox", "DEFAULT_TAGS": "enabled" },
      "timeout": 30000,
      "trust": false
    }
  }
}
`,
  },
  {
    host: 'antigravity',
    root: 'home',
    rel: '.gemini/config/mcp_config.json',
    servers: ['aws-dynamodb'],
    text: `{
\t"mcpServers": {
\t\t"aws-dynamodb": {
\t\t\t"command": "uvx",
\t\t\t"args": ["${uvx('dynamodb-mcp-server')}"],
\t\t\t"env": {"AWS_PROFILE": "dev-sandbox", "AWS_REGION": "eu-west-1"}
\t\t}
\t}
}
`,
  },
  {
    host: 'windsurf',
    root: 'home',
    rel: '.codeium/windsurf/mcp_config.json',
    servers: ['aws-cost-explorer'],
    text: `{ "mcpServers": { "aws-cost-explorer": { "command": "uvx", "args": ["${uvx('cost-explorer-mcp-server')}"], "env": { "AWS_PROFILE": "dev-sandbox" }, "disabled": false } } }
`,
  },
  {
    host: 'cline',
    root: 'home',
    rel: '.config/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json',
    servers: ['awslabs.core-mcp-server'],
    text: `{
  "mcpServers": {
    "awslabs.core-mcp-server": {
      "autoApprove": [],
      "disabled": false,
      "timeout": 60,
      "type": "stdio",
      "command": "uvx",
      "args": ["${uvx('core-mcp-server')}"],
      "env": {
        "AWS_PROFILE": "dev-sandbox",
        "FASTMCP_LOG_LEVEL": "ERROR"
      }
    }
  }
}
`,
  },
  {
    host: 'cline-cli',
    root: 'home',
    rel: '.cline/data/settings/cline_mcp_settings.json',
    servers: ['aws-lambda-tool'],
    text: `{
  "mcpServers": {
    "aws-lambda-tool": {
      "command": "uvx",
      "args": ["${uvx('lambda-tool-mcp-server')}"],
      "env": { "AWS_PROFILE": "dev-sandbox", "FUNCTION_PREFIX": "team-" },
      "disabled": false,
      "autoApprove": []
    }
  }
}
`,
  },
  {
    host: 'roo',
    root: 'workspace',
    rel: '.roo/mcp.json',
    servers: ['aws-bedrock-kb'],
    text: `{
  "mcpServers": {
    "aws-bedrock-kb": {
      "command": "uvx",
      "args": ["${uvx('bedrock-kb-retrieval-mcp-server')}"],
      "env": { "AWS_PROFILE": "dev-sandbox", "AWS_REGION": "us-east-1" },
      "alwaysAllow": [],
      "disabled": false
    }
  }
}
`,
  },
  {
    host: 'kilo',
    root: 'home',
    rel: '.config/kilo/kilo.jsonc',
    servers: ['aws-stepfunctions'],
    text: `{
  "$schema": "https://app.kilo.ai/config.json",
  // project MCP servers (opencode shape)
  "mcp": {
    "aws-stepfunctions": {
      "type": "local",
      "command": ["uvx", "${uvx('stepfunctions-tool-mcp-server')}"],
      "environment": { "AWS_PROFILE": "dev-sandbox", "AWS_REGION": "us-east-1" },
      "enabled": true,
    },
  },
}
`,
  },
  {
    host: 'zed',
    root: 'home',
    rel: '.config/zed/settings.json',
    servers: ['aws-terraform'],
    text: `// Zed settings
//
// For information on how to configure Zed, see the Zed
// documentation: https://zed.dev/docs/configuring-zed
{
  "ui_font_size": 16,
  "buffer_font_size": 15,
  /* MCP servers */
  "context_servers": {
    "aws-terraform": {
      "source": "custom",
      "command": "uvx",
      "args": ["${uvx('terraform-mcp-server')}"],
      "env": { "AWS_PROFILE": "dev-sandbox", "FASTMCP_LOG_LEVEL": "ERROR" },
    },
  },
}
`,
  },
  {
    host: 'opencode',
    root: 'home',
    rel: '.config/opencode/opencode.json',
    servers: ['aws-msk'],
    // V1 layout: mcp.<name>, with `enabled`
    text: `{
  "$schema": "https://opencode.ai/config.json",
  "theme": "opencode",
  "mcp": {
    "aws-msk": {
      "type": "local",
      "command": ["uvx", "${uvx('aws-msk-mcp-server')}"],
      "enabled": true,
      "environment": {
        "AWS_PROFILE": "dev-sandbox"
      }
    }
  }
}
`,
  },
  {
    host: 'opencode',
    root: 'workspace',
    rel: 'opencode.jsonc',
    servers: ['aws-ecs'],
    // V2 layout: mcp.servers.<name>
    text: `{
  "$schema": "https://opencode.ai/config.json",
  // project servers
  "mcp": {
    "servers": {
      "aws-ecs": { "type": "local", "command": ["uvx", "${uvx('ecs-mcp-server')}"], "environment": { "AWS_PROFILE": "dev-sandbox", "AWS_REGION": "eu-west-1" } },
    },
  },
}
`,
  },
  {
    host: 'warp',
    root: 'home',
    rel: '.warp/.mcp.json',
    servers: ['aws-redshift'],
    text: `{
  "mcpServers": {
    "aws-redshift": {
      "command": "uvx",
      "args": ["${uvx('redshift-mcp-server')}"],
      "env": { "AWS_PROFILE": "dev-sandbox", "AWS_DEFAULT_REGION": "us-east-1" },
      "start_on_launch": true
    }
  }
}
`,
  },
  {
    host: 'visual-studio',
    root: 'workspace',
    rel: '.vs/mcp.json',
    servers: ['aws-healthomics'],
    text: `{
  // Visual Studio solution servers
  "inputs": [],
  "servers": {
    "aws-healthomics": {
      "type": "stdio",
      "command": "uvx",
      "args": ["${uvx('aws-healthomics-mcp-server')}"],
      "env": { "AWS_PROFILE": "dev-sandbox", "AWS_REGION": "us-east-1" }
    }
  }
}
`,
  },
  {
    host: 'junie',
    root: 'home',
    rel: '.junie/mcp/mcp.json',
    servers: ['aws-support'],
    text: `{
  "mcpServers": {
    "aws-support": {
      "command": "uvx",
      "args": ["${uvx('aws-support-mcp-server')}"],
      "env": { "AWS_PROFILE": "dev-sandbox" }
    }
  }
}
`,
  },
  {
    host: 'amazonq-ide',
    root: 'home',
    rel: '.aws/amazonq/default.json',
    servers: ['aws-network'],
    text: `{
  "name": "default",
  "description": "Default agent for the Amazon Q IDE plugin",
  "mcpServers": {
    "aws-network": {
      "command": "uvx",
      "args": ["${uvx('aws-network-mcp-server')}"],
      "env": { "AWS_PROFILE": "dev-sandbox", "AWS_REGION": "us-east-1" },
      "timeout": 120000
    }
  },
  "tools": ["*"],
  "allowedTools": ["fs_read"],
  "useLegacyMcpJson": true
}
`,
  },
  {
    host: 'kiro-agents',
    root: 'home',
    rel: '.kiro/agents/aws-ops.json',
    servers: ['aws-cloudtrail'],
    text: `{
  "name": "aws-ops",
  "description": "Operations agent",
  "prompt": "You help operate AWS accounts.",
  "mcpServers": {
    "aws-cloudtrail": {
      "command": "uvx",
      "args": ["${uvx('cloudtrail-mcp-server')}"],
      "env": { "AWS_PROFILE": "dev-sandbox", "AWS_REGION": "eu-west-1" }
    }
  },
  "tools": ["@aws-cloudtrail"],
  "allowedTools": ["@aws-cloudtrail/lookup_events"],
  "includeMcpJson": true
}
`,
  },
  {
    host: 'claude-code-managed',
    root: 'system',
    rel: 'etc/claude-code/managed-mcp.json',
    servers: ['aws-billing-managed'],
    readOnly: true,
    text: `{
  "mcpServers": {
    "aws-billing-managed": {
      "type": "stdio",
      "command": "uvx",
      "args": ["${uvx('billing-cost-management-mcp-server')}"],
      "env": { "AWS_PROFILE": "dev-sandbox" }
    }
  }
}
`,
  },
];

const ALL_HOSTS = ['vscode', 'claude-code', 'cursor', 'kiro', 'amazonq', 'claude-desktop', 'codex', 'grok', 'goose', 'continue', 'continue-json', 'copilot-cli', 'gemini-cli', 'antigravity', 'windsurf', 'cline', 'cline-cli', 'roo', 'kilo', 'zed', 'opencode', 'warp', 'visual-studio', 'junie', 'amazonq-ide', 'kiro-agents', 'claude-code-managed'];

interface Setup extends TempEnv {
  system: string;
  files: { fixture: HostFixture; file: string; before: string }[];
}

function setup(): Setup {
  const t = makeHome();
  const system = path.join(path.dirname(t.home), 'system');
  fs.mkdirSync(system, { recursive: true });
  const env = { ...t.env, AWSMCP_SYSTEM_ROOT: system };
  const roots: Record<Root, string> = { home: t.home, workspace: t.workspace, system };
  const files = FIXTURES.map((fixture) => ({ fixture, file: writeFile(roots[fixture.root], fixture.rel, fixture.text), before: fixture.text }));
  return { ...t, env, system, files };
}

describe('every supported host on one home', () => {
  it('the fixtures cover every supported host, with one CRLF file', () => {
    expect(new Set(FIXTURES.map((f) => f.host))).toEqual(new Set(ALL_HOSTS));
    expect(FIXTURES.filter((f) => f.text.includes('\r\n'))).toHaveLength(1);
    // a switch to staging-eu is a plain replace only if dev-sandbox is nothing but profile values
    for (const f of FIXTURES) expect(f.text.split('dev-sandbox').length - 1).toBe(f.servers.length);
  });

  it('status --json finds every AWS server and names its host; switch changes only the profile bytes', async () => {
    const t = setup();
    const st = await run(t, ['status', '--json']);
    expect(st.stderr).not.toMatch(/error/i);
    const doc = StatusOutputSchema.parse(JSON.parse(st.stdout));
    for (const { fixture, file } of t.files) {
      for (const name of fixture.servers) {
        const row = doc.servers.filter((s) => s.server === name && s.file === file);
        expect({ host: fixture.host, name, rows: row.map((r) => ({ host: r.host, profile: r.profile })) }).toEqual({ host: fixture.host, name, rows: [{ host: fixture.host, profile: 'dev-sandbox' }] });
      }
    }
    expect(doc.servers.filter((s) => s.profile === 'dev-sandbox')).toHaveLength(FIXTURES.reduce((n, f) => n + f.servers.length, 0));
    expect(doc.servers.find((s) => s.server === 'developer')).toBeUndefined(); // goose builtin

    // the read-only managed-mcp.json is left out of this switch (AWSMCP_SYSTEM_ROOT elsewhere); the test
    // below has it in, and switch leaves it alone
    const sw = await run(t, ['switch', 'staging-eu', '--scope', 'all', '--json'], { env: { AWSMCP_SYSTEM_ROOT: path.join(t.system, 'none') } });
    expect(sw.stderr).toBe('');
    expect(sw.code).toBe(0);
    const switched = SwitchOutputSchema.parse(JSON.parse(sw.stdout));
    for (const { fixture, file, before } of t.files) {
      const after = fs.readFileSync(file, 'utf8');
      if (fixture.readOnly) {
        expect({ file, after }).toEqual({ file, after: before });
        continue;
      }
      // byte for byte: only the profile values differ
      expect({ host: fixture.host, after }).toEqual({ host: fixture.host, after: before.split('dev-sandbox').join('staging-eu') });
      expect(switched.files.find((f) => f.file === file)?.servers.sort()).toEqual([...fixture.servers].sort());
    }
    const again = StatusOutputSchema.parse(JSON.parse((await run(t, ['status', '--json'])).stdout));
    expect(again.servers.filter((s) => s.profile === 'staging-eu')).toHaveLength(FIXTURES.filter((f) => !f.readOnly).reduce((n, f) => n + f.servers.length, 0));
    expect(st.stdout + sw.stdout).not.toContain(CANARY);
  });

  it('hosts --json lists at least 22 hosts, each of these installed and with its AWS servers', async () => {
    const t = setup();
    const r = await run(t, ['hosts', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { count: number; hosts: { id: string; installed: boolean; awsServers: number; files: Record<string, { file: string }[]> }[] };
    expect(doc.hosts.length).toBeGreaterThanOrEqual(22);
    const byId = new Map(doc.hosts.map((h) => [h.id, h]));
    for (const host of ALL_HOSTS) {
      const expected = FIXTURES.filter((f) => f.host === host).reduce((n, f) => n + f.servers.length, 0);
      const row = byId.get(host);
      // the repo-root .mcp.json is read by Claude Code, Copilot CLI and Visual Studio: each counts its server
      const shared = host === 'copilot-cli' || host === 'visual-studio' ? 1 : 0;
      expect({ host, installed: row?.installed, awsServers: row?.awsServers }).toEqual({ host, installed: true, awsServers: expected + shared });
    }
    expect(byId.get('kiro-agents')!.files.linux!.map((f) => f.file)).toContain('~/.kiro/agents/*.json');
  });

  // a managed-mcp.json holding an AWS server is an admin's file: switch leaves it, and switches the rest
  it('switch --scope all skips the read-only managed-mcp.json (with a reason) and switches the rest', async () => {
    const t = setup();
    const sw = await run(t, ['switch', 'staging-eu', '--scope', 'all', '--json']);
    expect(sw.code).toBe(0);
    const managed = t.files.find((f) => f.fixture.host === 'claude-code-managed')!;
    expect(fs.readFileSync(managed.file, 'utf8')).toBe(managed.before);
    const codex = t.files.find((f) => f.fixture.host === 'codex')!;
    expect(fs.readFileSync(codex.file, 'utf8')).toBe(codex.before.split('dev-sandbox').join('staging-eu'));
  });

  const BROKEN: { host: string; rel: string; root: Root; text: string; at: RegExp; expected: RegExp }[] = [
    { host: 'codex', root: 'home', rel: '.codex/config.toml', text: '# Codex\nmodel = "o3"\n\n[mcp_servers.eks\ncommand = "uvx"\n', at: /:4:\d+$/, expected: /expected|missing|unterminated|\]/i },
    { host: 'goose', root: 'home', rel: '.config/goose/config.yaml', text: 'GOOSE_PROVIDER: anthropic\nextensions:\n  cw:\n    cmd: uvx\n   args: [x\n', at: /:\d+:\d+$/, expected: /expected|missing|flow|indent/i },
    { host: 'zed', root: 'home', rel: '.config/zed/settings.json', text: '// Zed\n{\n  "context_servers": {\n    "a": { "command": "uvx" \n  }\n', at: /:\d+:\d+$/, expected: /expected/i },
  ];

  it('a broken TOML, YAML and JSONC file: file:line:column and what was expected; every other server still listed; switch writes nothing', async () => {
    const t = setup();
    const roots: Record<Root, string> = { home: t.home, workspace: t.workspace, system: t.system };
    const brokenFiles = BROKEN.map((b) => writeFile(roots[b.root], b.rel, b.text));
    const st = await run(t, ['status', '--json']);
    const doc = JSON.parse(st.stdout) as { servers: { server: string; host: string }[]; files: { file: string; status: string; error?: { message: string; line?: number; column?: number } }[] };
    for (const [i, b] of BROKEN.entries()) {
      const f = doc.files.find((x) => x.file === brokenFiles[i]);
      expect({ host: b.host, status: f?.status }).toEqual({ host: b.host, status: 'error' });
      expect(f!.error!.line).toEqual(expect.any(Number));
      expect(f!.error!.column).toEqual(expect.any(Number));
      expect(`${f!.file}:${f!.error!.line}:${f!.error!.column}`).toMatch(b.at);
      expect({ host: b.host, message: f!.error!.message }).toEqual({ host: b.host, message: expect.stringMatching(b.expected) });
    }
    // the other hosts' servers are all there
    const brokenHosts = new Set(BROKEN.map((b) => b.rel));
    for (const f of FIXTURES.filter((x) => !brokenHosts.has(x.rel))) for (const name of f.servers) expect(doc.servers.map((s) => s.server)).toContain(name);
    // text output names file:line:column too
    const text = await run(t, ['status']);
    for (const [i] of BROKEN.entries()) expect(text.stdout + text.stderr).toMatch(new RegExp(`${path.basename(brokenFiles[i]!).replace(/\./g, '\\.')}:\\d+:\\d+`));
    // switch refuses (exit 1) and nothing is half-written
    const snapshot = t.files.map(({ file }) => fs.readFileSync(file, 'utf8'));
    const sw = await run(t, ['switch', 'staging-eu', '--scope', 'all']);
    expect(sw.code).toBe(1);
    expect(sw.stderr + sw.stdout).toMatch(/config\.toml:\d+:\d+/);
    expect(t.files.map(({ file }) => fs.readFileSync(file, 'utf8'))).toEqual(snapshot);
  });
});
