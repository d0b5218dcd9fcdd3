/**
 * The catalog pipeline on a small fixture tree (fixtures/mcp: a checkout-shaped awslabs/mcp with two
 * servers), no network: extract.py per fact, and update.py reading a git repository at the release tag.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const FIXTURE = path.join(__dirname, 'fixtures/mcp');
const DEMO = path.join(FIXTURE, 'src/demo-mcp-server');
const PLAIN = path.join(FIXTURE, 'src/plain-mcp-server');

interface Tool {
  name: string;
  description: string;
  descriptionSource: string;
  inputSchema: { properties: Record<string, Record<string, unknown>>; required?: string[]; $defs?: Record<string, unknown> };
}
interface Facts {
  package: string;
  version: string;
  script: string;
  flags: string[];
  rejectsUnknownFlags: boolean;
  env: string[];
  tools: Tool[];
  instructions: string | null;
  notices: { where: string; text: string }[];
  runtime: Record<string, unknown>;
  transport: string[];
  printsToStdout: boolean;
}

function extract(dir: string, ...env: string[]): Facts {
  const r = spawnSync('python3', [path.join(__dirname, 'extract.py'), dir, ...env.flatMap((e) => ['--env', e])], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Facts;
}

describe('extract.py on the fixture tree', () => {
  const demo = extract(DEMO);
  const tool = (name: string) => demo.tools.find((t) => t.name === name)!;

  it('version, console script, runtime and transport from pyproject.toml and the source', () => {
    expect(demo).toMatchObject({ package: 'awslabs.demo-mcp-server', version: '1.2.3', script: 'awslabs.demo-mcp-server', transport: ['stdio'] });
    expect(demo.runtime).toMatchObject({ language: 'python', botocore: true, mcp: 'mcp[cli]>=1.23.0,<2.0.0' });
  });

  it("flags of the console script's argparse, --no-... for BooleanOptionalAction, parse_args() rejects others", () => {
    expect(demo.flags).toEqual(['--allow-write', '--mode', '--no-allow-write']);
    expect(demo.rejectsUnknownFlags).toBe(true);
    const plain = extract(PLAIN);
    expect(plain.flags).toEqual(['--port']);
    expect(plain.rejectsUnknownFlags).toBe(false); // parse_known_args(): extra flags are ignored
  });

  it('env vars read, with constants resolved across modules', () => {
    expect(demo.env).toEqual(['AWS_PROFILE', 'DEMO_EXPERIMENTAL', 'DEMO_FLAG', 'DEMO_REGION']);
  });

  it('only tools of modules the script reaches; env-gated tools only when the env says so', () => {
    expect(demo.tools.map((t) => t.name)).toEqual(['search', 'list_things', 'describe_thing']);
    expect(extract(DEMO, 'DEMO_EXPERIMENTAL=true').tools.map((t) => t.name)).toEqual(['search', 'experimental_tool', 'list_things', 'describe_thing']);
  });

  it('the description the client receives: description= override, else the raw docstring (mcp 1.x), cleaned for fastmcp', () => {
    expect(tool('describe_thing')).toMatchObject({ description: 'Describe one thing (override).', descriptionSource: 'description=' });
    expect(tool('list_things').description).toBe('List things.\n\n        Indented body that the client receives as written.\n        ');
    expect(extract(PLAIN).tools).toMatchObject([{ name: 'plain_tool', description: 'Cleaned by fastmcp.\n\nIndented line.' }, { name: 'window_tool' }]);
  });

  it('the fastmcp package (>= 3.2) writes its own schema: no titles, additionalProperties false, $refs inlined', () => {
    const [plain, window] = extract(PLAIN).tools as (Tool & { framework: string })[];
    expect(plain!.framework).toBe('fastmcp');
    expect(plain!.inputSchema).toEqual({ properties: { x: { type: 'integer' } }, required: ['x'], type: 'object', additionalProperties: false });
    expect(window!.inputSchema).toEqual({
      properties: { window: { description: 'A time window.', properties: { days: { default: 7, description: 'Days back', type: 'integer' } }, type: 'object' } },
      required: ['window'],
      type: 'object',
      additionalProperties: false,
    });
    expect(demo.tools.every((t) => (t as Tool & { framework: string }).framework === 'mcp')).toBe(true);
  });

  it('input schema as pydantic writes it: Annotated Field descriptions, Literal enums, defaults, Context left out, $defs', () => {
    expect(tool('list_things').inputSchema.properties).toEqual({
      kind: { default: 'a', description: 'Kind of thing', enum: ['a', 'b'], title: 'Kind', type: 'string' },
      limit: { default: 10, title: 'Limit', type: 'integer' },
    });
    expect(tool('describe_thing').inputSchema).toEqual({
      properties: { name: { description: 'Thing name', title: 'Name', type: 'string' } },
      required: ['name'],
      title: 'describe_thingArguments',
      type: 'object',
    });
    const search = tool('search').inputSchema;
    expect(Object.keys(search.properties)).toEqual(['query', 'filters']);
    expect(search.$defs).toEqual({
      Filter: {
        description: 'A filter.',
        properties: {
          key: { description: 'The key', title: 'Key', type: 'string' },
          value: { anyOf: [{ type: 'string' }, { type: 'null' }], default: null, description: 'The value', title: 'Value' },
        },
        required: ['key'],
        title: 'Filter',
        type: 'object',
      },
    });
  });

  it('deprecation notices (README, instructions) and printing to stdout', () => {
    expect(demo.notices.map((n) => n.where)).toEqual(['README', 'instructions']);
    expect(demo.notices[0]!.text).toMatch(/This server is deprecated/);
    expect(demo.instructions).toBe('DEPRECATION NOTICE: tell the user this server is deprecated. Demo instructions.');
    expect(demo.printsToStdout).toBe(true);
    expect(extract(PLAIN).printsToStdout).toBe(false);
  });

  it('a folder without pyproject.toml is a usage error', () => {
    const r = spawnSync('python3', [path.join(__dirname, 'extract.py'), FIXTURE], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no pyproject.toml/);
  });
});

describe('update.py: facts read at the release tag that set the pinned version', () => {
  it('ignores tools added after the tag without a version bump', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-update-'));
    const repo = path.join(tmp, 'mcp');
    fs.cpSync(FIXTURE, repo, { recursive: true });
    const git = (...args: string[]) => {
      const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z', GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z' } });
      if (r.status !== 0) throw new Error(r.stderr);
    };
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'demo 1.2.3');
    git('tag', '-a', '2026.01.1', '-m', 'release');
    // after the release: a new tool, same version (what happened to billing 0.0.33)
    const server = path.join(repo, 'src/demo-mcp-server/awslabs/demo_mcp_server/server.py');
    fs.appendFileSync(server, "\n\n@mcp.tool()\ndef late_tool() -> str:\n    \"\"\"Added after the release.\"\"\"\n    return ''\n");
    git('commit', '-qam', 'late tool');
    const pins = path.join(tmp, 'pins.json');
    fs.writeFileSync(pins, JSON.stringify({ pins: [{ repository: 'example/mcp', package: 'awslabs.demo-mcp-server', version: '1.2.3', path: 'src/demo-mcp-server' }] }));
    const out = path.join(tmp, 'facts.json');
    const r = spawnSync('python3', [path.join(__dirname, 'update.py'), '--repo', `example/mcp=${path.join(repo, '.git')}`, '--pins', pins, '--out', out], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const facts = JSON.parse(fs.readFileSync(out, 'utf8')) as { servers: (Facts & { tag: string })[] };
    expect(facts.servers[0]).toMatchObject({ tag: '2026.01.1', version: '1.2.3' });
    expect(facts.servers[0]!.tools.map((t) => t.name)).toEqual(['search', 'list_things', 'describe_thing']);
    // a pin no tag sets: a clear error
    fs.writeFileSync(pins, JSON.stringify({ pins: [{ repository: 'example/mcp', package: 'awslabs.demo-mcp-server', version: '9.9.9', path: 'src/demo-mcp-server' }] }));
    const bad = spawnSync('python3', [path.join(__dirname, 'update.py'), '--repo', `example/mcp=${path.join(repo, '.git')}`, '--pins', pins, '--out', out], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('no tag sets awslabs.demo-mcp-server to 9.9.9');
  });
});
