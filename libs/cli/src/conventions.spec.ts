/** What an AWS CLI user expects of the top level: version, help, --output json, completion, --home, filters. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTestHome, runCli, type TestHome } from './testing/home';

let t: TestHome;
beforeAll(() => {
  t = makeTestHome({ config: '[profile dev-sandbox]\nregion = eu-west-1\n\n[profile prod-eu]\nregion = eu-west-1\n' });
});
afterAll(() => t.cleanup());

describe('top level', () => {
  it.each([['--version'], ['-v'], ['-V']])('%s prints the version, exit 0', async (flag) => {
    const r = await runCli(t, [flag]);
    expect([r.code, r.stdout.trim()]).toEqual([0, JSON.parse(fs.readFileSync(path.join(__dirname, '../package.json'), 'utf8')).version]);
  });

  it('bare awsmcp prints the help on stdout, exit 0, with examples, environment and exit codes', async () => {
    const r = await runCli(t, []);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const part of ['Usage: awsmcp', 'Examples:', 'Environment:', 'AWS_PROFILE', 'Exit codes:', '130 interrupted', 'npx @awsmcp/cli']) expect(r.stdout).toContain(part);
  });

  it('--output json is --json; a bad --output names the flag, the value and the valid ones (exit 2)', async () => {
    const r = await runCli(t, ['discover', '--output', 'json', '--no-cache', '--no-write-tags']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ schemaVersion: 1 });
    const bad = await runCli(t, ['--output', 'yaml', 'discover']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--output <format>.*'yaml'.*json, text/);
  });

  it('--home must exist (exit 2), never created', async () => {
    const missing = path.join(t.base, 'no-such-home');
    const r = await runCli(t, ['--home', missing, 'discover']);
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining(`--home '${missing}': no such folder`)]);
    expect(fs.existsSync(missing)).toBe(false);
  });
});

describe('discover filters', () => {
  it('--type bogus is a usage error listing the types', async () => {
    const r = await runCli(t, ['discover', '--type', 'bogus']);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/--type 'bogus' is not a profile type; valid: sso, sso-legacy, assume-role/)]);
  });
  it('--env production means prod (the tags file spellings)', async () => {
    const r = await runCli(t, ['discover', '--env', 'production', '--json', '--no-cache', '--no-write-tags']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).profiles.map((p: { profile: string }) => p.profile)).toEqual(['prod-eu']);
  });
  it('--env bogus is a usage error listing the environments (it would match nothing)', async () => {
    const r = await runCli(t, ['discover', '--env', 'bogus', '--no-cache', '--no-write-tags']);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/--env 'bogus' is not an environment here; valid: prod, staging, dev, sandbox, shared-services/)]);
  });
});

describe('login', () => {
  it('takes AWS_PROFILE when no profile is given', async () => {
    const r = await runCli(t, ['login', '--json'], { env: { AWS_PROFILE: 'dev-sandbox' } });
    expect(JSON.parse(r.stdout)).toMatchObject({ profile: 'dev-sandbox' });
  });
  it('without a profile and AWS_PROFILE: a usage error', async () => {
    const r = await runCli(t, ['login']);
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining('no profile given and AWS_PROFILE is not set')]);
  });
});

describe('completion', () => {
  it.each([
    ['bash', /complete -F _awsmcp awsmcp/],
    ['zsh', /#compdef awsmcp/],
    ['fish', /complete -c awsmcp -n '__fish_use_subcommand' -a discover/],
  ])('%s: a script naming every command and its options', async (shell, marker) => {
    const r = await runCli(t, ['completion', shell]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(marker);
    for (const word of ['discover', 'status', 'switch', 'org-scan', 'no-write-tags']) expect(r.stdout).toContain(word);
  });
  it('bash: the script is valid bash', async () => {
    const r = await runCli(t, ['completion', 'bash']);
    const file = path.join(t.base, 'awsmcp.bash');
    fs.writeFileSync(file, r.stdout);
    const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
    expect(spawnSync('bash', ['-n', file]).status).toBe(0);
  });
  it('an unknown shell names the valid ones (exit 2)', async () => {
    const r = await runCli(t, ['completion', 'tcsh']);
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining("unknown shell 'tcsh'; valid: bash, zsh, fish")]);
  });
});

describe('kit', () => {
  it('takes the profile\'s region when --region is absent', async () => {
    const r = await runCli(t, ['kit', 'eks-debug', '--profile', 'dev-sandbox', '--hosts', 'cursor', '--yes', '--dry-run', '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('eu-west-1');
  });
});

describe('status', () => {
  it('a server with a typo\'d profile gets a "did you mean"', async () => {
    const file = path.join(t.workspace, '.vscode', 'mcp.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ servers: { eks: { type: 'stdio', command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37'], env: { AWS_PROFILE: 'dev-sandbx' } } } }));
    try {
      const r = await runCli(t, ['status', '--json']);
      expect(JSON.stringify(JSON.parse(r.stdout))).toContain("did you mean 'dev-sandbox'?");
    } finally {
      fs.rmSync(path.join(t.workspace, '.vscode'), { recursive: true, force: true });
    }
  });
});

describe('usage errors name the flag, the bad value and the valid ones (exit 2)', () => {
  it.each<[string[], RegExp]>([
    [['switch', 'dev-sandbox', '--scope', 'bogus'], /--scope.*(workspace.*user.*'bogus'|'bogus'.*workspace.*user)/],
    [['switch', '--env', 'bogus'], /--env 'bogus'.*tagged environments: (dev|prod)/],
    [['kit', 'eks-debug', '--profile', 'dev-sandbox', '--mode', 'bogus'], /--mode.*concrete or inputs.*'bogus'/],
    [['kit', 'eks-debug', '--profile', 'dev-sandbox', '--hosts', 'bogus'], /host 'bogus'[\s\S]*vscode, claude-code/],
    [['kit', 'nosuchkit'], /kit 'nosuchkit'.*eks-debug/],
    [['tokens', '--host', 'bogus'], /host 'bogus'[\s\S]*vscode, claude-code/],
    [['tokens', '--limit', 'abc'], /--limit.*positive whole number.*'abc'/],
    [['doctor', '--profile', 'dev-sandbox', '--timeout', '-1'], /--timeout.*positive number of seconds.*'-1'/],
    [['org-scan', '--page-size', '50'], /--page-size.*1 to 20.*'50'/],
    [['discover', '--runtime', 'bogus'], /--runtime.*botocore or js-sdk.*'bogus'/],
    [['completion', 'bogus'], /'bogus'.*bash, zsh, fish/],
  ])('%j', async (argv, message) => {
    fs.writeFileSync(path.join(t.home, '.aws-profile-tags.yaml'), 'dev-sandbox: dev\nprod-eu: prod\n');
    const r = await runCli(t, argv);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(message)]);
  });
});
