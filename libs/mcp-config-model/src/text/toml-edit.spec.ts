// TOML codec: fixtures with comments, odd layout and CRLF, and a property test (random documents in
// every layout awsmcp meets: `[mcp_servers.X]` with an inline `env`, with an `[mcp_servers.X.env]`
// sub-table, or dotted keys under `[mcp_servers]`; random edits). After every edit smol-toml (the
// reference parser) reads the expected value, and the definitions of the servers the edit did not
// touch, the preamble and their comments are byte-identical.
import fc from 'fast-check';
import type { AST } from 'toml-eslint-parser';
import { parseToml, TomlSyntaxError, tomlInsert, tomlKeyOffset, tomlRemove, tomlSet, tomlValue } from './toml-edit';

const FIXTURE = [
  '# Codex config: models, profiles and MCP servers share this file',
  'model = "o3"  # the default model',
  '',
  '[profiles.work]',
  'model = "gpt-5"',
  '',
  '# EKS, read-only',
  '[mcp_servers.eks]',
  'command = "uvx"',
  "args = [\"awslabs.eks-mcp-server@latest\", \"--profile\", 'dev']",
  "env = { AWS_PROFILE = 'dev', AWS_REGION = \"us-east-1\" }   # inline",
  '',
  '[mcp_servers.docs]',
  'command = "uvx"',
  'args = [',
  '  "awslabs.aws-documentation-mcp-server@latest", # pinned later',
  '  "--x",',
  ']',
  '',
  '[mcp_servers.docs.env]',
  'FASTMCP_LOG_LEVEL = "ERROR"',
  '',
  '[mcp_servers]',
  'cw.command = "uvx"',
  'cw.env.AWS_PROFILE = "ops"',
  '',
].join('\r\n');

// smol-toml ships ESM typings with a CommonJS build: load the build, type the one function used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const smolParse: (toml: string) => Record<string, any> = require('smol-toml').parse;

const value = (t: string) => smolParse(t) as Record<string, any>;

describe('toml-edit on a Codex config.toml (CRLF, comments, three layouts)', () => {
  it('sets an env value inline, in a sub-table and through dotted keys, changing only that value', () => {
    const a = tomlSet(FIXTURE, ['mcp_servers', 'eks', 'env', 'AWS_PROFILE'], 'prod');
    expect(a).toBe(FIXTURE.replace("AWS_PROFILE = 'dev'", "AWS_PROFILE = 'prod'"));
    const b = tomlSet(FIXTURE, ['mcp_servers', 'docs', 'env', 'AWS_PROFILE'], 'prod');
    expect(b).toBe(FIXTURE.replace('FASTMCP_LOG_LEVEL = "ERROR"\r\n', 'FASTMCP_LOG_LEVEL = "ERROR"\r\nAWS_PROFILE = "prod"\r\n'));
    const c = tomlSet(FIXTURE, ['mcp_servers', 'cw', 'env', 'AWS_PROFILE'], 'prod');
    expect(c).toBe(FIXTURE.replace('cw.env.AWS_PROFILE = "ops"', 'cw.env.AWS_PROFILE = "prod"'));
    const d = tomlSet(FIXTURE, ['mcp_servers', 'cw', 'env', 'AWS_REGION'], 'eu-west-1');
    expect(d).toBe(FIXTURE.replace('cw.env.AWS_PROFILE = "ops"\r\n', 'cw.env.AWS_PROFILE = "ops"\r\ncw.env.AWS_REGION = "eu-west-1"\r\n'));
    expect(value(d).mcp_servers.cw.env).toEqual({ AWS_PROFILE: 'ops', AWS_REGION: 'eu-west-1' });
  });

  it('adds a server as its own [mcp_servers.X] table after the other servers', () => {
    const out = tomlSet(FIXTURE, ['mcp_servers', 'cost'], { command: 'uvx', args: ['awslabs.cost'], env: { AWS_PROFILE: 'billing' } });
    expect(out.startsWith(FIXTURE)).toBe(true);
    expect(out.slice(FIXTURE.length)).toBe('\r\n[mcp_servers.cost]\r\ncommand = "uvx"\r\nargs = ["awslabs.cost"]\r\nenv = { AWS_PROFILE = "billing" }\r\n');
    expect(value(out).mcp_servers.cost).toEqual({ command: 'uvx', args: ['awslabs.cost'], env: { AWS_PROFILE: 'billing' } });
    expect(value(out).profiles.work.model).toBe('gpt-5');
  });

  it('removes a server with its sub-tables and the comment above it; a dotted-key server line by line', () => {
    const a = tomlRemove(FIXTURE, ['mcp_servers', 'docs']);
    expect(Object.keys(value(a).mcp_servers)).toEqual(['eks', 'cw']);
    expect(a).not.toContain('FASTMCP');
    expect(a).toContain('# EKS, read-only\r\n[mcp_servers.eks]');
    const b = tomlRemove(FIXTURE, ['mcp_servers', 'eks']);
    expect(b).not.toContain('# EKS');
    expect(b).toContain('[profiles.work]\r\nmodel = "gpt-5"\r\n\r\n[mcp_servers.docs]');
    const c = tomlRemove(FIXTURE, ['mcp_servers', 'cw']);
    expect(c).toBe(FIXTURE.replace('cw.command = "uvx"\r\ncw.env.AWS_PROFILE = "ops"\r\n', ''));
    expect(tomlRemove(FIXTURE, ['mcp_servers', 'absent'])).toBe(FIXTURE);
  });

  it('sets and removes keys of an inline table and elements of one-line and multi-line arrays', () => {
    const a = tomlRemove(FIXTURE, ['mcp_servers', 'eks', 'env', 'AWS_REGION']);
    expect(a).toBe(FIXTURE.replace(`, AWS_REGION = "us-east-1"`, ''));
    const b = tomlSet(FIXTURE, ['mcp_servers', 'eks', 'args', 2], 'prod');
    expect(b).toBe(FIXTURE.replace(`"--profile", 'dev']`, `"--profile", 'prod']`));
    const c = tomlInsert(FIXTURE, ['mcp_servers', 'docs', 'args'], 99, ['--region', 'eu-west-1']);
    expect(c).toBe(FIXTURE.replace('  "--x",\r\n', '  "--x",\r\n  "--region",\r\n  "eu-west-1",\r\n'));
    const d = tomlRemove(FIXTURE, ['mcp_servers', 'docs', 'args', 0]);
    expect(d).toBe(FIXTURE.replace('  "awslabs.aws-documentation-mcp-server@latest", # pinned later\r\n', ''));
    const e = tomlInsert(FIXTURE, ['mcp_servers', 'eks', 'args'], 99, ['--region', 'eu']);
    expect(e).toBe(FIXTURE.replace(`'dev']`, `'dev', "--region", "eu"]`));
  });

  it('creates the first server in an empty file and in a file with only top-level keys (no final newline)', () => {
    expect(tomlSet('', ['mcp_servers', 'a'], { command: 'x' })).toBe('[mcp_servers.a]\ncommand = "x"\n');
    expect(tomlSet('model = "o3"', ['mcp_servers', 'a'], { command: 'x' })).toBe('model = "o3"\n\n[mcp_servers.a]\ncommand = "x"\n');
  });

  it('positions: keys are found wherever they are defined', () => {
    const p = parseToml(FIXTURE);
    expect(FIXTURE.slice(tomlKeyOffset(p, ['mcp_servers', 'eks'])!).startsWith('eks]')).toBe(true);
    expect(FIXTURE.slice(tomlKeyOffset(p, ['mcp_servers', 'cw'])!).startsWith('cw.command')).toBe(true);
    expect(FIXTURE.slice(tomlKeyOffset(p, ['mcp_servers', 'eks', 'env', 'AWS_REGION'])!).startsWith('AWS_REGION')).toBe(true);
  });

  it('a broken file is a TomlSyntaxError with an offset and what was expected', () => {
    const err = (() => {
      try {
        parseToml('[mcp_servers.a]\ncommand = \n');
      } catch (e) {
        return e as TomlSyntaxError;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(TomlSyntaxError);
    expect(err!.problem.message).toMatch(/expected a value/);
    expect(() => parseToml('[a]\nx = 1\n[a]\n')).toThrow(/already defined/);
  });

  it('an unclosed [table header is reported on its own line, with the "]" that is expected (LF and CRLF)', () => {
    const problem = (text: string) => {
      try {
        parseToml(text);
      } catch (e) {
        return (e as TomlSyntaxError).problem;
      }
      return undefined;
    };
    for (const nl of ['\n', '\r\n']) {
      const text = ['# Codex', 'model = "o3"', '', '[mcp_servers.eks   # the EKS server', '', 'command = "uvx"', ''].join(nl);
      const p = problem(text)!;
      expect(p.message).toBe('the table header "[mcp_servers.eks" is not closed: expected "]" at the end of the line');
      expect(text.slice(0, p.offset).endsWith('[mcp_servers.eks')).toBe(true);
    }
    expect(problem('[[mcp_servers.list\nname = "x"\n')!.message).toMatch(/expected "\]\]"/);
    expect(problem('[a]\nx =\n1\n')!.message).toMatch(/expected a value|one line/);
    expect(problem('[a]\nx = [1,\n')!.message).toMatch(/expected/);
  });

  it('refuses a null (TOML has none)', () => {
    expect(() => tomlSet(FIXTURE, ['mcp_servers', 'eks', 'env', 'X'], null)).toThrow(/TOML has no null/);
  });
});

// ---- property test ---------------------------------------------------------------------------

type Server = { command: string; args: string[]; env: Record<string, string> };
type Style = 'inline' | 'subtable' | 'dotted';
const NAMES = ['a', 'eks', 'cw', 'api-1', 'x.y'];
const STR = fc.constantFrom('dev', 'prod', 'eu-west-1', 'a b', 'quo"te', "it's", 'back\\slash', 'ünï', '', '--profile', 'tab\there');
const serverArb: fc.Arbitrary<Server> = fc.record({
  command: fc.constantFrom('uvx', 'npx', 'docker'),
  args: fc.array(STR, { maxLength: 4 }),
  env: fc.dictionary(fc.constantFrom('AWS_PROFILE', 'AWS_REGION', 'X_Y'), STR, { maxKeys: 3 }),
});
const docArb = fc.record({
  servers: fc.uniqueArray(fc.tuple(fc.constantFrom(...NAMES), serverArb, fc.constantFrom<Style>('inline', 'subtable', 'dotted'), fc.boolean(), fc.boolean()), { selector: (t) => t[0], maxLength: 4 }),
  eol: fc.constantFrom('\n', '\r\n'),
  finalNewline: fc.boolean(),
  preamble: fc.boolean(),
});

const key = (k: string) => (/^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k));
const str = (s: string, literal: boolean) => (literal && !/['\t]/.test(s) ? `'${s}'` : JSON.stringify(s));

function render(d: { servers: [string, Server, Style, boolean, boolean][]; eol: string; finalNewline: boolean; preamble: boolean }): string {
  const L: string[] = [];
  if (d.preamble) L.push('# Codex config', 'model = "o3"   # model', '');
  const dotted = d.servers.filter((s) => s[2] === 'dotted');
  if (dotted.length) {
    L.push('[mcp_servers]');
    for (const [n, s, , lit] of dotted) {
      L.push(`${key(n)}.command = ${str(s.command, lit)}`);
      L.push(`${key(n)}.args = [${s.args.map((a) => str(a, lit)).join(', ')}]`);
      for (const [k, v] of Object.entries(s.env)) L.push(`${key(n)}.env.${k} = ${str(v, lit)}  # ${n} ${k}`);
    }
    L.push('');
  }
  for (const [n, s, style, lit, multi] of d.servers.filter((x) => x[2] !== 'dotted')) {
    L.push(`# server ${n}`, `[mcp_servers.${key(n)}]`, `command = ${str(s.command, lit)}`);
    if (multi && s.args.length) L.push('args = [', ...s.args.map((a, i) => `    ${str(a, lit)},${i === 0 ? ' # first' : ''}`), ']');
    else L.push(`args = [${s.args.map((a) => str(a, lit)).join(', ')}]`);
    if (style === 'inline') L.push(`env = { ${Object.entries(s.env).map(([k, v]) => `${k} = ${str(v, lit)}`).join(', ')} }`);
    else if (Object.keys(s.env).length) L.push('', `[mcp_servers.${key(n)}.env]`, ...Object.entries(s.env).map(([k, v]) => `${k} = ${str(v, lit)}`));
    L.push('');
  }
  let text = L.join(d.eol);
  if (!d.finalNewline) text = text.replace(/(\r?\n)+$/, '');
  return text;
}

type Op =
  | { kind: 'setEnv'; name: string; k: string; v: string }
  | { kind: 'removeEnv'; name: string; k: string }
  | { kind: 'add'; name: string; server: Server }
  | { kind: 'remove'; name: string }
  | { kind: 'setArg'; name: string; i: number; v: string }
  | { kind: 'appendArgs'; name: string; vs: string[] };
const nameArb = fc.constantFrom(...NAMES);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('setEnv' as const), name: nameArb, k: fc.constantFrom('AWS_PROFILE', 'AWS_REGION', 'NEW'), v: STR }),
  fc.record({ kind: fc.constant('removeEnv' as const), name: nameArb, k: fc.constantFrom('AWS_PROFILE', 'AWS_REGION', 'X_Y') }),
  fc.record({ kind: fc.constant('add' as const), name: nameArb, server: serverArb }),
  fc.record({ kind: fc.constant('remove' as const), name: nameArb }),
  fc.record({ kind: fc.constant('setArg' as const), name: nameArb, i: fc.nat(3), v: STR }),
  fc.record({ kind: fc.constant('appendArgs' as const), name: nameArb, vs: fc.array(STR, { minLength: 1, maxLength: 2 }) }),
);

/** The text of every definition of server `name` (tables, sub-tables, dotted lines), in file order. */
function definitionTexts(text: string, name: string): string[] {
  const p: AST.TOMLProgram = parseToml(text);
  const out: string[] = [];
  const under = (k: (string | number)[]) => k[0] === 'mcp_servers' && k[1] === name;
  for (const n of p.body[0].body) {
    if (n.type === 'TOMLTable') {
      if (under(n.resolvedKey)) out.push(text.slice(n.range[0], n.range[1]));
      else for (const kv of n.body) {
        const names = kv.key.keys.map((k) => (k.type === 'TOMLBare' ? k.name : k.value));
        if (under([...n.resolvedKey, ...names])) out.push(text.slice(kv.range[0], kv.range[1]));
      }
    }
  }
  return out;
}

it('random Codex documents + random edits: smol-toml reads the expected value, untouched servers keep their bytes', () => {
  fc.assert(
    fc.property(docArb, fc.array(opArb, { maxLength: 8 }), (d, ops) => {
      let text = render(d);
      const fmt = { indent: '  ', eol: d.eol as '\n' | '\r\n', finalNewline: true };
      const model: Record<string, Server> = Object.fromEntries(d.servers.map(([n, s]) => [n, structuredClone(s)]));
      const expectValue = () => {
        const got = (smolParse(text) as { mcp_servers?: Record<string, Server> }).mcp_servers ?? {};
        const want = Object.fromEntries(Object.entries(model).map(([n, s]) => [n, { ...s, env: s.env }]));
        // an empty env table may be absent or empty, both mean "no variables"
        for (const s of Object.values(got)) s.env ??= {};
        expect(got).toEqual(want);
        expect(JSON.stringify((tomlValue(parseToml(text)) as { mcp_servers?: unknown }).mcp_servers ?? {})).toBe(JSON.stringify(smolParse(text).mcp_servers ?? {}));
      };
      expectValue();
      for (const op of ops) {
        const before = text;
        const s = model[op.name];
        const others = Object.keys(model).filter((n) => n !== op.name);
        const othersBefore = others.map((n) => definitionTexts(before, n));
        const base = ['mcp_servers', op.name];
        switch (op.kind) {
          case 'setEnv':
            if (!s) continue;
            text = tomlSet(text, [...base, 'env', op.k], op.v, fmt);
            s.env[op.k] = op.v;
            break;
          case 'removeEnv':
            if (!s) continue;
            text = tomlRemove(text, [...base, 'env', op.k]);
            delete s.env[op.k];
            break;
          case 'add':
            text = tomlSet(text, base, op.server, fmt);
            model[op.name] = structuredClone(op.server);
            break;
          case 'remove':
            text = tomlRemove(text, base);
            delete model[op.name];
            break;
          case 'setArg':
            if (!s || op.i >= s.args.length) continue;
            text = tomlSet(text, [...base, 'args', op.i], op.v, fmt);
            s.args[op.i] = op.v;
            break;
          case 'appendArgs':
            if (!s) continue;
            text = tomlInsert(text, [...base, 'args'], s.args.length, op.vs, fmt);
            s.args.push(...op.vs);
            break;
        }
        expectValue();
        expect(others.map((n) => definitionTexts(text, n))).toEqual(othersBefore);
        if (d.preamble) expect(text.startsWith(`# Codex config${d.eol}model = "o3"   # model`)).toBe(true);
        // no line ending of the other kind was introduced
        if (d.eol === '\r\n') expect(text.replace(/\r\n/g, '')).not.toContain('\n');
        else expect(text).not.toContain('\r');
      }
    }),
    { numRuns: 300 },
  );
});
