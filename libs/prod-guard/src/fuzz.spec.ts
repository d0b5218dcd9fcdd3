import fc from 'fast-check';
import { TagsFileError } from './errors';
import { detectEnv, tokenize } from './heuristics';
import { parseTags, removeTag, setTag } from './tags-file';

describe('fuzz: no crash, no hang, only typed errors', () => {
  it('parseTags throws only TagsFileError', () => {
    const yamlish = fc.array(fc.constantFrom('a', 'prod', ': ', '\n', '#', ' ', '-', '[', ']', '{', '}', '"', "'", '&x', '*x', '!!int', '1', '---', '...', '\t', '|', '>'), { maxLength: 40 });
    fc.assert(
      fc.property(fc.oneof(fc.string(), yamlish.map((parts) => parts.join(''))), (text) => {
        try {
          parseTags(text, 'f.yaml');
        } catch (err) {
          if (!(err instanceof TagsFileError)) throw err;
          expect(err.message).toMatch(/^f\.yaml(:\d+:\d+)?: /);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('setTag then removeTag keeps every other tag and restores the text of block files', () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);
    const env = fc.constantFrom('prod', 'staging', 'dev', 'sandbox', 'shared-services', 'custom-label');
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(name, env), { selector: (t) => t[0], maxLength: 8 }), name, env, (pairs, extra, extraEnv) => {
        const text = pairs.map(([n, e], i) => `${i % 2 ? '# note\n' : ''}${n}: ${e}${i % 3 ? '  # c' : ''}\n`).join('');
        const tags = parseTags(text, 'f.yaml');
        const added = setTag(tags, extra, extraEnv);
        expect(added.tags[extra]).toBe(extraEnv);
        for (const [n, e] of pairs) if (n !== extra) expect(added.tags[n]).toBe(e);
        if (!pairs.some(([n]) => n === extra)) expect(removeTag(added, extra).text).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('tokenize and detectEnv accept any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        expect(Array.isArray(tokenize(s))).toBe(true);
        expect(typeof detectEnv(s).reason).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });
});
