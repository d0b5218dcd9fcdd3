// Runs the TypeScript examples of a package README inside jest, so the README cannot drift.
//
// Every ```ts block in the README is an example, unless the line before it is
// `<!-- not-run -->`. Each block is transpiled with TypeScript and run with jest's `require`
// (so `import { x } from '@awsmcp/...'` resolves to the package sources) and may be async
// (top-level await is allowed). Use `node:assert` inside the blocks to pin down results.
const fs = require('node:fs');
const ts = require('typescript');

function extractExamples(readmePath) {
  const text = fs.readFileSync(readmePath, 'utf8');
  const examples = [];
  const re = /(^|\n)(<!--\s*not-run\s*-->\s*\n)?```(ts|typescript)\n([\s\S]*?)\n```/g;
  let m;
  while ((m = re.exec(text))) {
    if (m[2]) continue;
    const line = text.slice(0, m.index + m[1].length).split('\n').length;
    examples.push({ line, code: m[4] });
  }
  return examples;
}

function compileExample(code) {
  // imports must be at top level for TypeScript: hoist them out of the wrapper
  const imports = [];
  const body = code.replace(/^import[\s\S]*?from\s+['"][^'"]+['"];?\s*$/gm, (s) => {
    imports.push(s);
    return '';
  });
  const source = `${imports.join('\n')}\nexport default (async () => {\n${body}\n})();\n`;
  return ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
}

/**
 * Register one jest test per README example.
 * @param {string} readmePath absolute path of the README
 * @param {NodeRequire} requireFn the spec file's `require` (jest's, with the source condition)
 */
function describeReadmeExamples(readmePath, requireFn) {
  const examples = extractExamples(readmePath);
  describe(`README examples (${readmePath.split('/').slice(-2).join('/')})`, () => {
    it('has at least one example', () => expect(examples.length).toBeGreaterThan(0));
    for (const ex of examples) {
      it(`example at line ${ex.line} runs`, async () => {
        const js = compileExample(ex.code);
        const module = { exports: {} };
        const fn = new Function('require', 'module', 'exports', js);
        fn(requireFn, module, module.exports);
        await module.exports.default;
      });
    }
  });
}

module.exports = { describeReadmeExamples, extractExamples, compileExample };
