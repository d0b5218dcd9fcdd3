/** `awsmcp tokens` against real MCP servers: server-everything from npm, a broken one, a kit whose runner is missing. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { budget, MeasurementSchema } from '@awsmcp/starter-kits';
import { createContext } from '../context';
import { countTokens, measureTools, toolText } from '../tokens/measure';
import { TokensJsonSchema, type TokensJson } from '../tokens/schema';
import { readMeasurements, saveMeasurements } from '@awsmcp/starter-kits';
import { CANARY, everythingServer, FIXTURES, makeTestHome, ROOT, runCli, startBin, type TestHome } from '../testing/home';

let t: TestHome;
const everythingVersion = (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@modelcontextprotocol/server-everything/package.json'), 'utf8')) as { version: string }).version;
const cacheFile = () => path.join(t.home, '.cache/awsmcp/measurements.json');

beforeAll(() => {
  t = makeTestHome({ config: '[profile dev]\nregion = eu-west-1\n', credentials: `[dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${CANARY}\n` });
  const bin = path.join(t.base, 'bin');
  fs.mkdirSync(bin);
  fs.symlinkSync(process.execPath, path.join(bin, 'node'));
  t.env.PATH = bin; // node only: uvx is missing
  t.write(
    '.vscode/mcp.json',
    JSON.stringify({
      servers: {
        everything: { type: 'stdio', command: 'node', args: [everythingServer(), 'stdio'], env: { AWS_PROFILE: 'dev' } },
        broken: { type: 'stdio', command: 'node', args: [path.join(FIXTURES, 'broken-server.js'), '--region', 'eu-west-1'] },
      },
    }),
    'workspace',
  );
});

afterAll(() => t?.cleanup());

const parse = (stdout: string): TokensJson => TokensJsonSchema.parse(JSON.parse(stdout));

describe('the tokenizer', () => {
  it('o200k_base counts offline; a tool is measured as its name, description and input schema', () => {
    expect(countTokens('hello world')).toBe(2);
    const tool = { name: 'echo', description: 'Echoes back the input', inputSchema: { type: 'object', properties: { message: { type: 'string' } } } };
    expect(toolText(tool)).toBe('{"name":"echo","description":"Echoes back the input","input_schema":{"type":"object","properties":{"message":{"type":"string"}}}}');
    const m = measureTools([tool, { ...tool, name: 'echo2' }]);
    expect(m.tools[0].tokens).toBeGreaterThan(10);
    expect(m.tokens).toBe(m.tools[0].tokens + m.tools[1].tokens);
  });
});

describe('awsmcp tokens', () => {
  it('measures server-everything over MCP, stores the measurement, prints JSON that matches its schema', async () => {
    const r = await runCli(t, ['tokens', 'everything', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = parse(r.stdout);
    expect(doc.tokenizer.name).toBe('o200k_base');
    expect(doc.tokenizer.label).toMatch(/^o200k_base \(gpt-tokenizer@\d+\.\d+\.\d+\)$/);
    const s = doc.servers[0];
    expect(s).toMatchObject({ name: 'everything', source: 'host-file', status: 'measured', key: '@modelcontextprotocol/server-everything', version: everythingVersion });
    expect(s.toolCount).toBeGreaterThan(5);
    expect(s.tools).toHaveLength(s.toolCount!);
    expect(s.tokens).toBe(s.tools!.reduce((n, x) => n + x.tokens, 0));
    expect(s.tokens).toBeGreaterThan(500);
    expect(doc.total).toBe(s.tokens);
    expect(doc.cache).toEqual({ file: cacheFile(), saved: true });
    const stored = JSON.parse(fs.readFileSync(cacheFile(), 'utf8')) as { schemaVersion: number; measurements: unknown[] };
    expect(stored.schemaVersion).toBe(1);
    expect(stored.measurements).toHaveLength(1);
    expect(MeasurementSchema.parse(stored.measurements[0])).toMatchObject({ server: '@modelcontextprotocol/server-everything', version: everythingVersion, tokens: s.tokens, toolCount: s.toolCount, tokenizer: doc.tokenizer.label });
    // a second run replaces its own entry (no growth)
    await runCli(t, ['tokens', 'everything', '--json']);
    expect((JSON.parse(fs.readFileSync(cacheFile(), 'utf8')) as { measurements: unknown[] }).measurements).toHaveLength(1);
  }, 30_000);

  it('a bar per server against the budget and the total; a broken server fails with its stderr, the others are still measured', async () => {
    const r = await runCli(t, ['tokens', 'everything', 'broken', '--limit', '20000']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^everything +[█░]{24} +[\d,]+ tokens +\d+ tools +@modelcontextprotocol\/server-everything /m);
    expect(r.stdout).toMatch(/^broken +✗ FAILED the server exited with code 2 during initialize: .*unrecognized arguments: --region eu-west-1/m);
    expect(r.stdout).toContain('fix: the server does not accept --region: remove it (and its value)');
    expect(r.stdout).toMatch(/^total +[█░]{24} +[\d,]+ tokens +of 20,000 \(\d+%\)/m);
    expect(r.stdout).toContain('saved to ');
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect(r.stdout + r.stderr).not.toContain(CANARY);
  }, 30_000);

  it('a kit name expands to its catalog servers (pinned uvx commands); a missing uvx is reported per server', async () => {
    const r = await runCli(t, ['tokens', 'eks-debug', '--profile', 'dev', '--region', 'eu-west-1', '--json', '--no-save']);
    expect(r.code).toBe(1);
    const doc = parse(r.stdout);
    expect(doc.servers.map((s) => [s.name, s.kit, s.catalogId, s.status])).toEqual([
      ['eks', 'eks-debug', 'eks', 'failed'],
      ['cloudwatch', 'eks-debug', 'cloudwatch', 'failed'],
    ]);
    expect(doc.servers[0].error).toMatchObject({ reason: 'spawn-error', message: 'cannot start the server: uvx was not found on PATH' });
    expect(doc.servers[0].error!.fix).toContain('install uv');
    expect(doc.servers[0].estimate).toMatchObject({ source: 'measured', tokens: 9685 }); // the checked-in tools/list of eks 0.1.37
    expect(doc.cache.saved).toBe(false);
  }, 30_000);

  it('stored measurements are what starter-kits budget prefers over the checked-in measurement and the estimate', async () => {
    const h = makeTestHome();
    try {
      const ctx = createContext({ home: h.home }, { env: h.env, cwd: h.workspace });
      const before = budget([{ name: 'eks', server: 'eks' }], { measurements: readMeasurements(ctx) });
      expect(before.servers[0]).toMatchObject({ source: 'measured', tokens: 9685 });
      await saveMeasurements(ctx, [{ server: 'eks', tokens: 1234, toolCount: 16, measuredAt: '2026-11-25T10:00:00.000Z', tokenizer: 'o200k_base (gpt-tokenizer@4.0.0)' }]);
      const after = budget([{ name: 'eks', server: 'eks' }], { measurements: readMeasurements(ctx) });
      expect(after.servers[0]).toMatchObject({ tokens: 1234, source: 'measured', toolCount: 16 });
      expect(after.servers[0].basis).toBe('measured by awsmcp tokens 2026-11-25 with o200k_base (gpt-tokenizer@4.0.0)');
      // XDG_CACHE_HOME moves the file
      const xdg = path.join(h.base, 'xdg');
      const ctx2 = createContext({ home: h.home }, { env: { ...h.env, XDG_CACHE_HOME: xdg }, cwd: h.workspace });
      await saveMeasurements(ctx2, [{ server: 'cloudwatch', tokens: 1, toolCount: 1, measuredAt: '2026-11-25T10:00:00.000Z' }]);
      expect(fs.existsSync(path.join(xdg, 'awsmcp/measurements.json'))).toBe(true);
    } finally {
      h.cleanup();
    }
  });

  it('usage: an unknown name lists the kits and servers (exit 2)', async () => {
    const r = await runCli(t, ['tokens', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'nope' is not a server in the host files, a kit or a catalog server");
    expect(r.stderr).toContain('eks-debug');
    expect(r.stderr).toContain('servers: everything, broken');
    // a near miss gets a "did you mean"
    const typo = await runCli(t, ['tokens', 'everythng']);
    expect([typo.code, typo.stderr]).toEqual([2, expect.stringContaining("did you mean 'everything'?")]);
  });

  it('no names: the workspace commands are not run unasked (exit 2 without a terminal), --trust runs them', async () => {
    const marker = path.join(t.base, 'ran-the-workspace-command');
    const home = makeTestHome({ config: '[profile dev]\nregion = eu-west-1\n' });
    try {
      home.write('.mcp.json', JSON.stringify({ mcpServers: { planted: { command: process.execPath, args: ['-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`] } } }), 'workspace');
      const refused = await runCli(home, ['tokens', '--no-save', '--timeout', '5']);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('--trust');
      expect(refused.stderr).toContain('.mcp.json');
      expect(fs.existsSync(marker)).toBe(false);
      const json = await runCli(home, ['tokens', '--no-save', '--json']);
      expect(json.code).toBe(2);
      expect(JSON.parse(json.stdout).error.code).toBe('UNTRUSTED_WORKSPACE');
      const trusted = await runCli(home, ['tokens', '--no-save', '--trust', '--timeout', '5']);
      expect(trusted.code).toBe(1); // the planted command is no MCP server: it fails, but it did run
      expect(fs.existsSync(marker)).toBe(true);
    } finally {
      home.cleanup();
    }
  }, 30_000);

  it('the built bin: tokens on the npm server, no colour in a pipe', async () => {
    const r = await startBin(t, ['tokens', 'everything', '--no-save']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^everything +[█░]{24} +[\d,]+ tokens/m);
    expect(r.stdout).not.toMatch(/\x1b\[/);
    const help = await startBin(t, ['tokens', '--help']);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('o200k_base');
  }, 30_000);
});
