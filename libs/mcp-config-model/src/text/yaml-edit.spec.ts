// YAML codec: fixtures (Goose `extensions` map, Continue `mcpServers` list) with comments, odd
// layout and CRLF, and a property test: random Goose documents (block and flow entries, block and
// flow lists), random edits; after each one the `yaml` package reads the expected value and the
// entries the edit did not touch, the preamble and comments are byte-identical.
import fc from 'fast-check';
import { parse as yamlParse } from 'yaml';
import { parseYaml, YamlSyntaxError, yamlInsert, yamlKeyOffset, yamlRemove, yamlSet } from './yaml-edit';

const GOOSE = [
  '# goose config',
  'GOOSE_PROVIDER: anthropic   # provider',
  'GOOSE_MODEL: claude-sonnet',
  'extensions:',
  '  developer:',
  '    bundled: true',
  '    enabled: true',
  '    name: developer',
  '    type: builtin',
  '  eks:',
  '    name: eks',
  '    cmd: uvx',
  '    args: [awslabs.eks-mcp-server@latest, --profile, dev]',
  '    envs:',
  '      AWS_PROFILE: "dev"   # pinned',
  '    enabled: true',
  '    type: stdio',
  '  docs: {name: docs, cmd: uvx, args: [awslabs.docs], type: stdio}',
  '',
].join('\r\n');

const CONTINUE = ['name: my-assistant', 'mcpServers:', '  - name: eks', '    command: uvx', '    args:', '      - awslabs.eks-mcp-server@latest', '  # cost explorer', '  - name: cost', '    command: uvx', ''].join('\n');

describe('yaml-edit on a Goose config.yaml (CRLF, comments, block and flow entries)', () => {
  it('sets a scalar keeping its quoting and the comment after it', () => {
    expect(yamlSet(GOOSE, ['extensions', 'eks', 'envs', 'AWS_PROFILE'], 'prod')).toBe(GOOSE.replace('"dev"   # pinned', '"prod"   # pinned'));
    expect(yamlSet(GOOSE, ['extensions', 'eks', 'args', 2], 'prod')).toBe(GOOSE.replace('--profile, dev]', '--profile, prod]'));
  });

  it('adds a mapping entry in block style with the siblings’ indentation, and into a flow mapping', () => {
    const a = yamlSet(GOOSE, ['extensions', 'eks', 'envs', 'AWS_REGION'], 'eu-west-1');
    expect(a).toBe(GOOSE.replace('# pinned\r\n', '# pinned\r\n      AWS_REGION: eu-west-1\r\n'));
    const b = yamlSet(GOOSE, ['extensions', 'docs', 'envs'], { AWS_PROFILE: 'ops' });
    expect(b).toBe(GOOSE.replace('type: stdio}', 'type: stdio, envs: { AWS_PROFILE: ops }}'));
    const c = yamlSet(GOOSE, ['extensions', 'cost'], { name: 'cost', cmd: 'uvx', args: ['awslabs.cost'], envs: { AWS_PROFILE: 'billing' }, type: 'stdio' });
    expect(c.startsWith(GOOSE)).toBe(true);
    expect(c.slice(GOOSE.length)).toBe('  cost:\r\n    name: cost\r\n    cmd: uvx\r\n    args:\r\n      - awslabs.cost\r\n    envs:\r\n      AWS_PROFILE: billing\r\n    type: stdio\r\n');
    expect(yamlParse(c).extensions.cost.envs).toEqual({ AWS_PROFILE: 'billing' });
  });

  it('removes an entry (block or flow) and nothing else', () => {
    const a = yamlRemove(GOOSE, ['extensions', 'eks']);
    expect(a).toBe(GOOSE.replace(/  eks:[\s\S]*?type: stdio\r\n/, ''));
    expect(yamlRemove(GOOSE, ['extensions', 'docs'])).toBe(GOOSE.replace('  docs: {name: docs, cmd: uvx, args: [awslabs.docs], type: stdio}\r\n', ''));
    expect(yamlRemove(GOOSE, ['extensions', 'eks', 'args', 1])).toBe(GOOSE.replace('latest, --profile, dev]', 'latest, dev]'));
    expect(yamlRemove(GOOSE, ['extensions', 'absent'])).toBe(GOOSE);
    expect(yamlRemove('extensions:\n  eks:\n    cmd: x\nother: 1\n', ['extensions', 'eks'])).toBe('extensions: {}\nother: 1\n');
  });

  it('creates `extensions` when the file has none, and in an empty file', () => {
    expect(yamlSet('GOOSE_MODEL: x  # m', ['extensions', 'eks'], { name: 'eks', cmd: 'uvx' })).toBe('GOOSE_MODEL: x  # m\nextensions:\n  eks:\n    name: eks\n    cmd: uvx');
    expect(yamlSet('', ['extensions', 'eks'], { cmd: 'uvx' })).toBe('extensions:\n  eks:\n    cmd: uvx\n');
    expect(yamlSet('extensions:\n', ['extensions', 'eks'], { cmd: 'uvx' })).toBe('extensions:\n  eks:\n    cmd: uvx\n');
  });

  it('Continue: appends to and removes from a list of servers, keeping the comment of the next item', () => {
    const a = yamlInsert(CONTINUE, ['mcpServers'], 2, [{ name: 'docs', command: 'uvx', args: ['awslabs.docs'] }]);
    expect(a).toBe(CONTINUE + '  - name: docs\n    command: uvx\n    args:\n      - awslabs.docs\n');
    const b = yamlRemove(CONTINUE, ['mcpServers', 0]);
    expect(b).toBe('name: my-assistant\nmcpServers:\n  # cost explorer\n  - name: cost\n    command: uvx\n');
    expect(yamlSet(CONTINUE, ['mcpServers', 1, 'env'], { AWS_PROFILE: 'x' })).toBe(CONTINUE + '    env:\n      AWS_PROFILE: x\n');
  });

  it('appends to a block list whose first item starts with a dash (`- --profile`)', () => {
    const text = 'args:\n  - --profile\n  - dev\n';
    expect(yamlInsert(text, ['args'], 2, ['--region', 'eu'])).toBe('args:\n  - --profile\n  - dev\n  - --region\n  - eu\n');
  });

  it('positions and errors', () => {
    const doc = parseYaml(GOOSE);
    expect(GOOSE.slice(yamlKeyOffset(doc, ['extensions', 'eks'])!).startsWith('eks:')).toBe(true);
    expect(() => parseYaml('extensions:\n  eks: [1, 2\nx: 1\n')).toThrow(YamlSyntaxError);
    expect(() => parseYaml('a: 1\na: 2\n')).toThrow(/already defined/);
  });
});

// ---- property test ---------------------------------------------------------------------------

type Ext = { name: string; cmd: string; args: string[]; envs: Record<string, string>; enabled: boolean };
const NAMES = ['a', 'eks', 'cw', 'api-1'];
const STR = fc.constantFrom('dev', 'prod', 'eu-west-1', 'a b', 'quo"te', "it's", 'yes', '123', '', '--profile', 'x: y', '#hash', 'ünï');
const extArb = (name: string): fc.Arbitrary<Ext> =>
  fc.record({ name: fc.constant(name), cmd: fc.constantFrom('uvx', 'npx'), args: fc.array(STR, { maxLength: 3 }), envs: fc.dictionary(fc.constantFrom('AWS_PROFILE', 'AWS_REGION'), STR, { maxKeys: 2 }), enabled: fc.boolean() });
const docArb = fc.record({
  names: fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: 3 }),
  styles: fc.array(fc.constantFrom('block', 'flow', 'block-flow-lists'), { minLength: 3, maxLength: 3 }),
  eol: fc.constantFrom('\n', '\r\n'),
  indent: fc.constantFrom('  ', '    '),
  seed: fc.array(fc.tuple(fc.constantFrom('uvx', 'npx'), fc.array(STR, { maxLength: 3 }), fc.dictionary(fc.constantFrom('AWS_PROFILE', 'AWS_REGION'), STR, { maxKeys: 2 }), fc.boolean()), { minLength: 3, maxLength: 3 }),
});

const q = (s: string) => JSON.stringify(s);

function render(d: { names: string[]; styles: string[]; eol: string; indent: string; seed: [string, string[], Record<string, string>, boolean][] }): { text: string; model: Record<string, Ext> } {
  const i1 = d.indent;
  const i2 = i1 + i1;
  const i3 = i2 + i1;
  const L = ['# goose config', 'GOOSE_PROVIDER: anthropic   # provider', 'extensions:'];
  const model: Record<string, Ext> = {};
  d.names.forEach((n, k) => {
    const [cmd, args, envs, enabled] = d.seed[k]!;
    model[n] = { name: n, cmd, args, envs, enabled };
    const style = d.styles[k];
    L.push(`${i1}# about ${n}`);
    if (style === 'flow') {
      L.push(`${i1}${n}: {name: ${n}, cmd: ${cmd}, args: [${args.map(q).join(', ')}], envs: {${Object.entries(envs).map(([a, b]) => `${a}: ${q(b)}`).join(', ')}}, enabled: ${enabled}}`);
    } else {
      L.push(`${i1}${n}:`, `${i2}name: ${n}`, `${i2}cmd: ${cmd}  # runner`);
      if (style === 'block' && args.length) L.push(`${i2}args:`, ...args.map((a) => `${i3}- ${q(a)}`));
      else L.push(`${i2}args: [${args.map(q).join(', ')}]`);
      if (style === 'block' && Object.keys(envs).length) L.push(`${i2}envs:`, ...Object.entries(envs).map(([a, b]) => `${i3}${a}: ${q(b)}`));
      else L.push(`${i2}envs: {${Object.entries(envs).map(([a, b]) => `${a}: ${q(b)}`).join(', ')}}`);
      L.push(`${i2}enabled: ${enabled}`);
    }
  });
  if (d.names.length === 0) L[L.length - 1] = 'extensions: {}';
  L.push('GOOSE_MODE: auto', '');
  return { text: L.join(d.eol), model };
}

type Op =
  | { kind: 'setEnv'; name: string; k: string; v: string }
  | { kind: 'removeEnv'; name: string; k: string }
  | { kind: 'add'; ext: Ext }
  | { kind: 'remove'; name: string }
  | { kind: 'setArg'; name: string; i: number; v: string }
  | { kind: 'appendArgs'; name: string; vs: string[] };
const nameArb = fc.constantFrom(...NAMES);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('setEnv' as const), name: nameArb, k: fc.constantFrom('AWS_PROFILE', 'AWS_REGION', 'NEW'), v: STR }),
  fc.record({ kind: fc.constant('removeEnv' as const), name: nameArb, k: fc.constantFrom('AWS_PROFILE', 'AWS_REGION') }),
  nameArb.chain((n) => fc.record({ kind: fc.constant('add' as const), ext: extArb(n) })),
  fc.record({ kind: fc.constant('remove' as const), name: nameArb }),
  fc.record({ kind: fc.constant('setArg' as const), name: nameArb, i: fc.nat(3), v: STR }),
  fc.record({ kind: fc.constant('appendArgs' as const), name: nameArb, vs: fc.array(STR, { minLength: 1, maxLength: 2 }) }),
);

function entryText(text: string, name: string): string | undefined {
  const doc = parseYaml(text);
  const ext = doc.getIn(['extensions', name], true) as { range?: [number, number, number] } | undefined;
  if (!ext?.range) return undefined;
  const start = yamlKeyOffset(doc, ['extensions', name])!;
  return text.slice(start, ext.range[1]);
}

it('random Goose documents + random edits: yaml reads the expected value, untouched entries keep their bytes', () => {
  fc.assert(
    fc.property(docArb, fc.array(opArb, { maxLength: 8 }), (d, ops) => {
      const r = render(d);
      let text = r.text;
      const model = structuredClone(r.model);
      const fmt = { indent: d.indent, eol: d.eol as '\n' | '\r\n', finalNewline: true };
      expect(yamlParse(text).extensions ?? {}).toEqual(model);
      for (const op of ops) {
        const name = op.kind === 'add' ? op.ext.name : op.name;
        const s = model[name];
        const others = Object.keys(model).filter((n) => n !== name);
        const before = others.map((n) => entryText(text, n));
        const base = ['extensions', name];
        switch (op.kind) {
          case 'setEnv':
            if (!s) continue;
            text = yamlSet(text, [...base, 'envs', op.k], op.v, fmt);
            s.envs[op.k] = op.v;
            break;
          case 'removeEnv':
            if (!s) continue;
            text = yamlRemove(text, [...base, 'envs', op.k]);
            delete s.envs[op.k];
            break;
          case 'add':
            text = yamlSet(text, base, op.ext, fmt);
            model[name] = structuredClone(op.ext);
            break;
          case 'remove':
            text = yamlRemove(text, base);
            delete model[name];
            break;
          case 'setArg':
            if (!s || op.i >= s.args.length) continue;
            text = yamlSet(text, [...base, 'args', op.i], op.v, fmt);
            s.args[op.i] = op.v;
            break;
          case 'appendArgs':
            if (!s) continue;
            text = yamlInsert(text, [...base, 'args'], s.args.length, op.vs, fmt);
            s.args.push(...op.vs);
            break;
        }
        const got = yamlParse(text) as { extensions?: Record<string, Ext>; GOOSE_MODE?: string };
        for (const e of Object.values(got.extensions ?? {})) {
          e.envs ??= {};
          e.args ??= [];
        }
        expect(got.extensions ?? {}).toEqual(model);
        expect(got.GOOSE_MODE).toBe('auto');
        expect(others.map((n) => entryText(text, n))).toEqual(before);
        expect(text.startsWith(`# goose config${d.eol}GOOSE_PROVIDER: anthropic   # provider${d.eol}`)).toBe(true);
        if (d.eol === '\r\n') expect(text.replace(/\r\n/g, '')).not.toContain('\n');
        else expect(text).not.toContain('\r');
      }
    }),
    { numRuns: 150 },
  );
});
