/**
 * Issue 15, items 1, 5, 6, 14, 16: no secret on screen, no terminal escapes, clean errors.
 * Real runs on temp homes (in-process, and the built bin where a pipe or a crash matters), with
 * canaries planted in every field of the host files.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { alive, FIXTURES } from './testing/home';
import { BIN, assertBuilt, makeHome, run, writeFile, type TempEnv } from './testing/demo-home';
import { ErrorOutputSchema } from './schemas';
import { SECRET_MASK, UNSAFE_CHARS, UNSAFE_JSON_CHARS } from '@awsmcp/mcp-config-model';
import * as safeOutput from './output/safe';

it('the CLI masks with the policy\'s own mask (one policy)', () => {
  expect(safeOutput.SECRET_MASK).toBe(SECRET_MASK);
  expect(safeOutput.maskSecretsInText('GITHUB_TOKEN=x1')).toBe(`GITHUB_TOKEN=${SECRET_MASK}`);
  // the CLI's quick pre-tests are the sanitiser's own character classes
  expect(safeOutput.QUICK_UNSAFE.source).toBe(UNSAFE_CHARS.source);
  expect(safeOutput.QUICK_UNSAFE_JSON.source).toBe(UNSAFE_JSON_CHARS.source);
});

/** Every canary below starts so; the demo home's own canary too (CANARY-SECRET-...). */
jest.setTimeout(60_000);

const CANARY = /CANARY-/;
/** What must never reach a terminal raw: C0 controls (but \n, \t), DEL, C1, bidi overrides. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

function clean(...texts: string[]): void {
  for (const s of texts) {
    expect(s).not.toMatch(CANARY);
    expect(s).not.toMatch(RAW_CONTROL);
    expect(s).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/); // no stack trace
  }
}

/** A workspace host file with a canary in every field that can hold a secret. */
const VSCODE = `{
  "servers": {
    "gh": { "type": "stdio", "command": "docker", "args": ["run", "-i", "-e", "GITHUB_TOKEN=CANARY-docker-env", "ghcr.io/github/github-mcp-server"], "env": { "GITHUB_TOKEN": "CANARY-context-token" } },
    "eks": {
      "type": "stdio",
      "command": "uvx",
      "args": ["awslabs.eks-mcp-server==0.1.37", "--api-key", "CANARY-arg-value", "--token=CANARY-arg-eq"],
      "env": { "AWS_PROFILE": "dev-sandbox", "AWS_SECRET_ACCESS_KEY": "CANARY-changed-line", "DD_APP_KEY": "CANARY-dd", "DATABASE_URL": "postgres://app:CANARY-db@db/x" }
    },
    "remote": { "type": "http", "url": "https://bob:CANARY-url-pass@mcp.example.com/mcp?token=CANARY-query", "headers": { "Authorization": "Bearer CANARY-bearer", "X-Api-Key": "CANARY-xapikey" } }
  }
}
`;

/** Claude Code's user file, minified, with an OAuth token outside the servers. */
function claudeJson(): string {
  const filler = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`/home/u/project-${i}`, { allowedTools: [], history: [{ display: `prompt ${i}` }] }]));
  return JSON.stringify({
    numStartups: 12,
    oauthAccount: { accessToken: 'CANARY-oauth-token', emailAddress: 'u@example.com' },
    projects: filler,
    mcpServers: {
      eks: { type: 'stdio', command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37', '--api-key', 'CANARY-claude-arg'], env: { AWS_PROFILE: 'dev-sandbox', GITHUB_TOKEN: 'CANARY-claude-env', AWS_SESSION_TOKEN: 'CANARY-claude-session' } },
    },
  });
}

function plant(t: TempEnv): void {
  writeFile(t.workspace, '.vscode/mcp.json', VSCODE);
  writeFile(t.workspace, '.mcp.json', JSON.stringify({ mcpServers: { api: { command: 'uvx', args: ['awslabs.aws-api-mcp-server==1.5.1'], env: { AWS_API_MCP_PROFILE_NAME: 'dev-sandbox', SLACK_BOT_TOKEN: 'CANARY-slack' } } } }, null, 2));
  fs.writeFileSync(path.join(t.home, '.claude.json'), claudeJson());
}

describe('item 1: switch and kit diffs mask secrets (text, --json, --dry-run)', () => {
  it('switch: secrets masked on changed and context lines; a changed secret says so', async () => {
    const t = makeHome();
    plant(t);
    for (const argv of [['switch', 'staging-eu', '--dry-run'], ['switch', 'staging-eu', '--dry-run', '--json'], ['switch', 'staging-eu', '--json']]) {
      const r = await run(t, argv);
      expect(r.code).toBe(0);
      clean(r.stdout, r.stderr);
    }
    const text = await run(t, ['switch', 'dev-sandbox']);
    clean(text.stdout, text.stderr);
    expect(text.stdout).toContain('"AWS_PROFILE": "dev-sandbox", "AWS_SECRET_ACCESS_KEY": "••••"');
    // the edit landed: the file holds the new profile and its secrets untouched
    expect(fs.readFileSync(path.join(t.workspace, '.vscode/mcp.json'), 'utf8')).toContain('"CANARY-changed-line"');
  });

  it('switch on a minified ~/.claude.json shows the changed JSON paths, not the whole line', async () => {
    const t = makeHome();
    fs.writeFileSync(path.join(t.home, '.claude.json'), claudeJson());
    const r = await run(t, ['switch', 'staging-eu', '--scope', 'user', '--dry-run']);
    expect(r.code).toBe(0);
    clean(r.stdout, r.stderr);
    expect(r.stdout).toContain('- mcpServers.eks.env.AWS_PROFILE: "dev-sandbox"');
    expect(r.stdout).toContain('+ mcpServers.eks.env.AWS_PROFILE: "staging-eu"');
    expect(r.stdout).not.toContain('numStartups');
    const j = await run(t, ['switch', 'staging-eu', '--scope', 'user', '--json']);
    clean(j.stdout, j.stderr);
    expect(JSON.parse(j.stdout).files[0].diff).toEqual(['@@ line 1: long lines, the changed values by path', '- mcpServers.eks.env.AWS_PROFILE: "dev-sandbox"', '+ mcpServers.eks.env.AWS_PROFILE: "staging-eu"']);
  });

  it('kit: --dry-run, --json and a real write print no secret of the files they merge into', async () => {
    const t = makeHome();
    plant(t);
    for (const argv of [
      ['kit', 'eks-debug', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--dry-run', '--replace'],
      ['kit', 'eks-debug', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--dry-run', '--json', '--replace'],
      ['kit', 'eks-debug', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--yes', '--json', '--replace', '--hosts', 'vscode,claude-code'],
      // planKit's warnings: real values of other servers in a file to commit (inputs mode), the prod guard's
      ['kit', 'eks-debug', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--mode', 'inputs', '--dry-run', '--replace', '--hosts', 'vscode,claude-code'],
      ['kit', 'eks-debug', '--profile', 'prod-eu', '--region', 'eu-west-1', '--confirm', '--dry-run', '--replace', '--hosts', 'vscode,claude-code'],
    ]) {
      const r = await run(t, argv);
      expect(r.code).toBe(0);
      clean(r.stdout, r.stderr);
    }
  });
});

describe('item 5: outside data never reaches the terminal raw', () => {
  const EVIL = '\u001b]52;c;Y2FuYXJ5\u0007\u001b[2J\u202e\u009b';

  it('status: server names and profile values with OSC 52, CSI, C1 and bidi controls are shown visibly', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.mcp.json', JSON.stringify({ mcpServers: { [`evil${EVIL}`]: { command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37'], env: { AWS_PROFILE: `dev${EVIL}` } } } }));
    for (const argv of [['status'], ['status', '--json'], ['status', '--all-hosts']]) {
      const r = await run(t, argv);
      clean(r.stdout, r.stderr);
    }
    const r = await run(t, ['status']);
    expect(r.stdout).toContain('evil\\x1b]52;c;Y2FuYXJ5\\x07\\x1b[2J\\u202e\\x9b');
    // --json keeps the value (JSON escapes) and stays valid
    const j = JSON.parse((await run(t, ['status', '--json'])).stdout);
    expect(j.servers[0].server).toBe(`evil${EVIL}`);
  });

  it('discover: role names with escapes, from a fresh run and from the cache (table and --json)', async () => {
    const t = makeHome();
    fs.appendFileSync(
      path.join(t.home, '.aws/config'),
      // (the parser refuses control characters in profile names: the role name carries them)
      `\n[profile evil]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Admin${EVIL}\nregion = eu-west-1\n`,
    );
    for (let i = 0; i < 2; i++) {
      // the second round is answered from the discover cache
      for (const argv of [['discover'], ['discover', '--json'], ['discover', '--chain']]) {
        const r = await run(t, argv);
        expect(r.code).toBe(0);
        clean(r.stdout, r.stderr);
      }
    }
    const table = (await run(t, ['discover'])).stdout;
    expect(table).toContain('Admin\\x1b]52;c;Y2FuYXJ5\\x07');
  });
});

describe('item 6: server stderr is scrubbed; a flood without a newline is a clean failure', () => {
  function home(): TempEnv {
    const t = makeHome();
    writeFile(
      t.workspace,
      '.mcp.json',
      JSON.stringify({
        mcpServers: {
          leaky: { command: 'node', args: [path.join(FIXTURES, 'leaky-server.js'), '--api-key', 'CANARY-arg-doctor'], env: { GITHUB_TOKEN: 'CANARY-env-doctor', SERVICE_PASSWORD: 'CANARY-bare-value' } },
          flood: { command: 'node', args: [path.join(FIXTURES, 'flood-server.js')], env: { PIDS_FILE: path.join(t.workspace, 'flood-pids.json') } },
        },
      }),
    );
    return t;
  }

  it('doctor and tokens: ghp_ tokens, dashed secrets, -e KEY=VALUE, Bearer, user:pass@, a failed command line, escapes', async () => {
    const t = home();
    for (const argv of [['doctor', 'leaky'], ['doctor', 'leaky', '--json'], ['tokens', 'leaky'], ['tokens', 'leaky', '--json']]) {
      const r = await run(t, argv);
      expect(r.code).toBe(1);
      clean(r.stdout, r.stderr);
      for (const s of ['ghp_AbCdEf', 'short-dashed-secret-42', 'eyJhbGciOiJIUzI1NiJ9', '/opt/bin/get-creds --secret']) expect(r.stdout + r.stderr).not.toContain(s);
    }
    const doc = JSON.parse((await run(t, ['doctor', 'leaky', '--json'])).stdout);
    const tail: string[] = doc.layers.find((l: { layer: string }) => l.layer === 'mcp').stderrTail;
    expect(tail).toContain('docker run -e DD_API_KEY=•••• image');
    expect(tail).toContain('request failed: Authorization: Bearer ••••');
    expect(tail).toContain('cannot connect to postgres://app:••••@db.internal:5432/app');
    expect(tail).toContain('Error: Command failed: /opt/bin/get-creds ••••');
  }, 30_000);

  it('doctor --json: >10 MB on stdout without a newline ends as an output-limit failure, no stack trace, server killed', async () => {
    const t = home();
    const r = await run(t, ['doctor', 'flood', '--json', '--timeout', '20']);
    expect(r.code).toBe(1);
    clean(r.stdout, r.stderr);
    const doc = JSON.parse(r.stdout);
    expect(doc.layers.find((l: { layer: string }) => l.layer === 'mcp')).toMatchObject({ status: 'failed', reason: 'output-limit' });
    const [pid] = JSON.parse(fs.readFileSync(path.join(t.workspace, 'flood-pids.json'), 'utf8')) as number[];
    expect(alive(pid)).toBe(false);
  }, 30_000);
});

describe('item 14: errors and exits', () => {
  it('under --json every failure is a JSON document: a tags-file typo, a usage error', async () => {
    const t = makeHome({ tags: 'dev-sandbox: dev\nprod-eu: [prod\n' });
    writeFile(t.workspace, '.vscode/mcp.json', VSCODE);
    const r = await run(t, ['switch', 'staging-eu', '--json']);
    expect(r.code).toBe(1);
    const doc = ErrorOutputSchema.parse(JSON.parse(r.stdout));
    expect(doc.error.code).toBe('TAGS_PARSE_ERROR');
    expect(doc.error.message).toMatch(/\.aws-profile-tags\.yaml:\d+:\d+: invalid YAML/);
    const usage = await run(t, ['switch', '--bogus', '--json']);
    expect(usage.code).toBe(2);
    expect(ErrorOutputSchema.parse(JSON.parse(usage.stdout)).error.code).toBe('USAGE');
  });

  it('a tags-file typo makes discover warn with file:line:col and still show the table', async () => {
    const t = makeHome({ tags: 'dev-sandbox: dev\nprod-eu: [prod\n' });
    const r = await run(t, ['discover']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('dev-sandbox');
    expect(r.stderr).toMatch(/warning: .*\.aws-profile-tags\.yaml:\d+:\d+: invalid YAML/);
    const j = await run(t, ['discover', '--json']);
    expect(j.code).toBe(0);
    expect(JSON.parse(j.stdout).tagsFile.error).toMatchObject({ code: 'TAGS_PARSE_ERROR' });
    // the broken file is left as it was (never replaced by a starter)
    expect(fs.readFileSync(path.join(t.home, '.aws-profile-tags.yaml'), 'utf8')).toBe('dev-sandbox: dev\nprod-eu: [prod\n');
  });

  it('deep nesting is a parse error at file:line:col, not "Maximum call stack size exceeded"', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.mcp.json', '{"mcpServers": ' + '['.repeat(100_000));
    writeFile(t.workspace, '.vscode/mcp.json', '['.repeat(100_000));
    const r = await run(t, ['status']);
    expect(r.stdout + r.stderr).not.toMatch(/call stack/i);
    expect(r.stdout).toMatch(/warning: \.mcp\.json:1:\d+: nested more than 256 levels deep/);
    const j = await run(t, ['status', '--json']);
    expect(JSON.parse(j.stdout).files.find((f: { file: string }) => f.file.endsWith('.mcp.json')).error.code).toBe('PARSE_ERROR');
    const k = await run(t, ['kit', 'eks-debug', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--yes', '--json', '--hosts', 'vscode']);
    expect(k.stdout + k.stderr).not.toMatch(/call stack/i);
    expect(k.code).toBe(1);
    expect(ErrorOutputSchema.parse(JSON.parse(k.stdout)).error.message).toMatch(/nested more than 256 levels/);
  });

  it('status prints each warning once', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.mcp.json', '{"mcpServers": {"a": {"command": "uvx", "args": ["x"], "env": {"AWS_PROFILE": "dev-sandbox",}}}}');
    const r = await run(t, ['status']);
    expect(r.stdout.match(/trailing comma/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/warning: \.mcp\.json:1:\d+: trailing comma/);
    const j = JSON.parse((await run(t, ['status', '--json'])).stdout);
    expect(j.files[0].issues).toHaveLength(1);
    expect(j.files[0].error.message).not.toContain('more)');
  });

  it('`awsmcp discover | head -1` ends quietly: no EPIPE stack trace', () => {
    assertBuilt();
    const t = makeHome();
    const many = Array.from({ length: 3000 }, (_, i) => `[profile bulk-${i}]\nregion = eu-west-1\nrole_arn = arn:aws:iam::123456789012:role/R${i}\nsource_profile = dev-sandbox\n`).join('\n');
    fs.appendFileSync(path.join(t.home, '.aws/config'), `\n${many}`);
    for (const args of ['discover --no-cache', 'discover --no-cache --json', 'discover']) {
      const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${args} | head -1`], { cwd: t.workspace, env: t.env, encoding: 'utf8', timeout: 60_000 });
      expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
      expect(r.stderr).toBe('');
    }
  }, 90_000);
});

describe('item 16: a profile name never becomes an option', () => {
  it('login --exec passes --profile=<name> as one argument', async () => {
    const t = makeHome();
    fs.appendFileSync(path.join(t.home, '.aws/config'), '\n[profile --debug]\nsso_start_url = https://x.awsapps.com/start\nsso_region = eu-west-1\nsso_account_id = 111111111111\nsso_role_name = ReadOnly\nregion = eu-west-1\n');
    const bin = path.join(t.workspace, 'bin');
    writeFile(bin, 'aws', `#!/bin/sh\nfor a in "$@"; do echo "$a"; done > "${path.join(t.workspace, 'aws-args')}"\n`);
    fs.chmodSync(path.join(bin, 'aws'), 0o755);
    const r = await run(t, ['login', '--exec', '--json', '--', '--debug'], { env: { PATH: `${bin}:${process.env.PATH}` } });
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(t.workspace, 'aws-args'), 'utf8').trim().split('\n')).toEqual(['sso', 'login', '--profile=--debug']);
  });

  it('switch refuses to write a profile starting with - as a --profile argument', async () => {
    const t = makeHome();
    fs.appendFileSync(path.join(t.home, '.aws/config'), '\n[profile --debug]\nregion = eu-west-1\n');
    const file = writeFile(t.workspace, '.vscode/mcp.json', JSON.stringify({ servers: { p: { type: 'stdio', command: 'uvx', args: ['awslabs.prometheus-mcp-server==0.2.20', '--profile', 'dev-sandbox'] } } }, null, 2));
    const before = fs.readFileSync(file, 'utf8');
    const r = await run(t, ['switch', '--json', '--', '--debug']);
    expect(r.code).toBe(2);
    expect(ErrorOutputSchema.parse(JSON.parse(r.stdout)).error.code).toBe('OPTION_LIKE_PROFILE');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('canaries: every field of every host file, every command', () => {
  it('status, switch, kit, doctor, tokens print no canary (text and --json)', async () => {
    const t = makeHome();
    plant(t);
    const runs = [
      ['status'],
      ['status', '--json', '--all-hosts'],
      ['switch', 'staging-eu', '--scope', 'all', '--dry-run'],
      ['switch', 'staging-eu', '--scope', 'all', '--dry-run', '--json'],
      ['switch', 'staging-eu', '--scope', 'all'],
      ['switch', 'dev-sandbox', '--scope', 'all', '--json'],
      ['kit', 'observe', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--dry-run', '--replace', '--hosts', 'vscode,claude-code'],
      ['kit', 'observe', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--yes', '--json', '--replace', '--hosts', 'vscode,claude-code'],
      ['doctor', 'gh', '--json', '--timeout', '5'],
      ['doctor', 'remote'],
      ['tokens', 'gh', '--json', '--timeout', '5'],
    ];
    for (const argv of runs) {
      const r = await run(t, argv);
      try {
        clean(r.stdout, r.stderr);
      } catch (e) {
        throw new Error(`awsmcp ${argv.join(' ')}: ${(e as Error).message}`);
      }
    }
  }, 60_000);
});

describe('remove: the removed entry\'s secrets never shown (text, --json, --dry-run, minified ~/.claude.json)', () => {
  it.each([['eks'], ['remote'], ['gh']])('remove %s', async (server) => {
    const t = makeHome();
    plant(t);
    for (const argv of [
      ['remove', server, '--scope', 'all', '--dry-run'],
      ['remove', server, '--scope', 'all', '--dry-run', '--json'],
      ['remove', server, '--scope', 'all', '--json'],
    ]) {
      const r = await run(t, argv);
      try {
        expect(r.code).toBe(0);
        clean(r.stdout, r.stderr);
      } catch (e) {
        throw new Error(`awsmcp ${argv.join(' ')}: ${(e as Error).message}`);
      }
    }
    // the real write removed it, and the backups hold the old bytes outside the workspace
    expect(fs.readFileSync(path.join(t.workspace, '.vscode/mcp.json'), 'utf8')).not.toContain(`"${server}"`);
    expect(fs.readdirSync(t.workspace, { recursive: true }).map(String).filter((f) => /backup|\.bak/.test(f))).toEqual([]);
  });
});
