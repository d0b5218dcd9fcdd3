// Property test: random JSONC documents (random layout, comments, trailing commas, CRLF, one-line
// files) and random edit sequences. After every edit the text still parses for the host, its
// servers equal a plain model of the same edits, members the edit did not touch are byte-identical,
// and comments outside the touched members are still there.
import fc from 'fast-check';
import { getNodeValue, parseTree } from 'jsonc-parser';
import { addServers, ConfigEditError, hydrate, lintText, McpConfigError, parseHostConfig, patchServer, removeServer, type ServerSpec } from './index';
import { findNode, jsonEqual } from './text/jsonc-edit';
import { memberText } from './__fixtures__/helpers';

type Server = { command: string; args?: string[]; env?: Record<string, string> };
type Model = Map<string, Server>;
interface Layout {
  host: 'vscode' | 'cursor';
  indent: string;
  eol: string;
  finalNewline: boolean;
  comments: boolean;
  trailing: boolean;
  inlineServers: boolean;
  oneLine: boolean;
}

const NAMES = ['a', 'b', 'eks', 'cw', 'api-1', 'x.y'];
const FLAGS = ['--profile', '--region', '--allow-write'];
const argArb = fc.constantFrom('--profile', 'dev', '--region', 'eu-west-1', '--region=us-east-1', '--allow-write', 'pkg==1.0.0', 'a "quoted" \\ arg');
const serverArb: fc.Arbitrary<Server> = fc.record(
  {
    command: fc.string({ minLength: 1, maxLength: 6 }),
    args: fc.array(argArb, { maxLength: 5 }),
    env: fc.dictionary(fc.constantFrom('AWS_PROFILE', 'AWS_REGION', 'X_Y'), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
  },
  { requiredKeys: ['command'] },
);
const layoutArb: fc.Arbitrary<Layout> = fc
  .record({
    host: fc.constantFrom('vscode' as const, 'cursor' as const),
    indent: fc.constantFrom('  ', '    ', '\t', '   '),
    eol: fc.constantFrom('\n', '\r\n'),
    finalNewline: fc.boolean(),
    comments: fc.boolean(),
    trailing: fc.boolean(),
    inlineServers: fc.boolean(),
    oneLine: fc.boolean(),
  })
  .map((l) => (l.host === 'cursor' ? { ...l, comments: false, trailing: false } : l));

type Op =
  | { kind: 'add'; name: string; server: Server; replace: boolean }
  | { kind: 'remove'; name: string }
  | { kind: 'env'; name: string; key: string; value: string | null }
  | { kind: 'setArg'; name: string; flag: string; value: string }
  | { kind: 'removeArg'; name: string; flag: string };
const nameArb = fc.constantFrom(...NAMES);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), name: nameArb, server: serverArb, replace: fc.boolean() }),
  fc.record({ kind: fc.constant('remove' as const), name: nameArb }),
  fc.record({ kind: fc.constant('env' as const), name: nameArb, key: fc.constantFrom('AWS_PROFILE', 'AWS_REGION', 'NEW_KEY'), value: fc.option(fc.string({ maxLength: 6 }), { nil: null }) }),
  fc.record({ kind: fc.constant('setArg' as const), name: nameArb, flag: fc.constantFrom(...FLAGS), value: fc.constantFrom('dev', 'eu-west-1', 'x') }),
  fc.record({ kind: fc.constant('removeArg' as const), name: nameArb, flag: fc.constantFrom(...FLAGS) }),
);

const shape = (host: Layout['host'], s: Server): Record<string, unknown> => (host === 'vscode' ? { type: 'stdio', ...s } : { ...s });

function render(model: Model, l: Layout): string {
  const rootKey = l.host === 'vscode' ? 'servers' : 'mcpServers';
  if (l.oneLine) {
    const servers = Object.fromEntries([...model].map(([n, s]) => [n, shape(l.host, s)]));
    return JSON.stringify({ [rootKey]: servers }) + (l.finalNewline ? l.eol : '');
  }
  const i1 = l.indent;
  const i2 = l.indent.repeat(2);
  const lines: string[] = ['{'];
  if (l.comments) lines.push(`${i1}// header comment`);
  lines.push(`${i1}"${rootKey}": {`);
  const entries = [...model];
  entries.forEach(([name, s], idx) => {
    const last = idx === entries.length - 1;
    const value = l.inlineServers ? JSON.stringify(shape(l.host, s)) : JSON.stringify(shape(l.host, s), null, l.indent).split('\n').join(l.eol + i2);
    if (l.comments && idx % 2 === 0) lines.push(`${i2}// about ${name}`);
    lines.push(`${i2}${JSON.stringify(name)}: ${value}${!last || l.trailing ? ',' : ''}${l.comments ? ` // tail ${name}` : ''}`);
  });
  lines.push(`${i1}}${l.trailing ? ',' : ''}`);
  lines.push('}');
  return lines.join(l.eol) + (l.finalNewline ? l.eol : '');
}

function applyToModel(model: Model, op: Op): 'ok' | 'missing' {
  const s = model.get(op.name);
  switch (op.kind) {
    case 'add':
      if (!s || op.replace) model.set(op.name, structuredClone(op.server));
      return 'ok';
    case 'remove':
      model.delete(op.name);
      return 'ok';
    default:
      if (!s) return 'missing';
  }
  if (op.kind === 'env') {
    if (op.value === null) {
      if (s.env) delete s.env[op.key];
    } else s.env = { ...(s.env ?? {}), [op.key]: op.value };
  } else if (op.kind === 'setArg') {
    const a = s.args ?? [];
    const i = a.findIndex((x, k) => (x === op.flag && k + 1 < a.length) || x.startsWith(op.flag + '='));
    if (i !== -1) a[a[i] === op.flag ? i + 1 : i] = a[i] === op.flag ? op.value : `${op.flag}=${op.value}`;
    else if (a[a.length - 1] === op.flag) a.push(op.value);
    else a.push(op.flag, op.value);
    s.args = a;
  } else {
    const a = s.args;
    for (;;) {
      if (!a) break;
      const i = a.findIndex((x) => x === op.flag || x.startsWith(op.flag + '='));
      if (i === -1) break;
      const withValue = a[i] === op.flag && i + 1 < a.length && !a[i + 1]!.startsWith('-');
      a.splice(i, withValue ? 2 : 1);
    }
  }
  return 'ok';
}

function applyToText(text: string, op: Op, host: Layout['host']): string {
  switch (op.kind) {
    case 'add':
      return addServers(text, host, [{ name: op.name, ...op.server } as ServerSpec], { replace: op.replace }).text;
    case 'remove':
      return removeServer(text, host, op.name).text;
    case 'env':
      return patchServer(text, host, op.name, { env: { [op.key]: op.value } }).text;
    case 'setArg':
      return patchServer(text, host, op.name, { setArgs: { [op.flag]: op.value } }).text;
    case 'removeArg':
      return patchServer(text, host, op.name, { removeArgs: [op.flag] }).text;
  }
}

it('random JSONC documents + random edit sequences stay valid and keep untouched members unchanged', () => {
  const initialArb = fc.uniqueArray(fc.tuple(nameArb, serverArb), { selector: (t) => t[0], maxLength: 4 });
  fc.assert(
    fc.property(layoutArb, initialArb, fc.array(opArb, { minLength: 1, maxLength: 6 }), (layout, initial, ops) => {
      const model: Model = new Map(initial.map(([n, s]) => [n, structuredClone(s)]));
      let text = render(model, layout);
      const file = layout.host === 'vscode' ? '/w/.vscode/mcp.json' : '/w/.cursor/mcp.json';
      const rootKey = layout.host === 'vscode' ? 'servers' : 'mcpServers';
      parseHostConfig(text, { file, home: '/h' });
      const tails = new Map([...model.keys()].map((n) => [n, `// tail ${n}`]));
      for (const op of ops) {
        const before = text;
        const expected = applyToModel(model, op);
        try {
          text = applyToText(text, op, layout.host);
          expect(expected).toBe('ok');
        } catch (e) {
          expect(e).toBeInstanceOf(ConfigEditError);
          expect(expected).toBe('missing');
          continue;
        }
        // valid for the host, with exactly the model's servers
        const doc = parseHostConfig(text, { file, home: '/h' });
        const root = parseTree(text, [], { allowTrailingComma: true })!;
        const map = (getNodeValue(findNode(root, [rootKey])!) ?? {}) as Record<string, unknown>;
        expect(Object.keys(map)).toEqual(expect.arrayContaining([...model.keys()]));
        expect(Object.keys(map)).toHaveLength(model.size);
        for (const [n, s] of model) expect(jsonEqual(map[n], shape(layout.host, s))).toBe(true);
        expect(doc.servers).toHaveLength(model.size);
        // members the edit did not touch keep their bytes
        for (const n of model.keys()) {
          if (n === op.name) continue;
          expect(memberText(text, [rootKey, n])).toBe(memberText(before, [rootKey, n]));
        }
        if (op.kind === 'remove') tails.delete(op.name);
        if (op.kind === 'add' && op.replace) tails.delete(op.name);
        if (op.kind !== 'add' && op.kind !== 'remove') tails.delete(op.name);
      }
      if (layout.comments && !layout.oneLine) {
        expect(text).toContain('// header comment');
        for (const tail of tails.values()) expect(text).toContain(tail);
      }
      if (layout.eol === '\r\n' && !layout.oneLine) expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    }),
    { numRuns: 300 },
  );
});

it('any text: parse and edits give a result or a typed error, never a crash', () => {
  const textArb = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.json({ maxDepth: 3 }),
    fc.constantFrom('{', '{"mcpServers": {"a": {"command": "x"},}}', '{"servers": {"a": {"type": "stdio", "command": "x"}}}', '[]', '\uFEFF{}', '{"mcpServers": {"a": {"command": "x", "args": "oops"}}}', '/* x */ {}', '{"mcpServers": {"a": null}}'),
  );
  fc.assert(
    fc.property(textArb, fc.constantFrom('vscode', 'claude-code', 'cursor', 'kiro', 'amazonq', 'claude-desktop') , (text, host) => {
      const typed = (fn: () => unknown) => {
        try {
          fn();
        } catch (e) {
          expect(e).toBeInstanceOf(McpConfigError);
        }
      };
      typed(() => parseHostConfig(text, { file: 'f.json', host, strict: false }));
      typed(() => addServers(text, host, [{ name: 'n', command: 'uvx', args: ['a'] }]));
      typed(() => patchServer(text, host, 'a', { env: { A: '1' }, setArgs: { '--x': 'y' }, removeArgs: ['--z'] }));
      typed(() => removeServer(text, host, 'a'));
      typed(() => hydrate(text, { A: '1' }, host));
      typed(() => lintText(text, { file: 'f.json', host }, { home: '/h' }));
    }),
    { numRuns: 400 },
  );
});
