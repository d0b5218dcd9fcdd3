import fc from 'fast-check';
import { detectEnv, tokenize } from './heuristics';
import { prodClassifier } from './is-prod';

/** The original regular-expression tokenizer: the scanner must give exactly its tokens. */
function tokenizeByRegex(name: string): string[] {
  const tokens: string[] = [];
  for (const part of name.split(/[^A-Za-z0-9]+/)) {
    if (!part) continue;
    const words = part.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g);
    if (words) for (const w of words) tokens.push(w.toLowerCase());
  }
  return tokens;
}

describe('tokenize (scanner)', () => {
  it('gives the tokens of the regular-expression definition on any string', () => {
    const profileLike = fc.string({ unit: fc.constantFrom(...'aAbBzZpProdPRODnN09-_./:@+% é\u00c9\ud83d'.split('')), maxLength: 30 });
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), profileLike), (s) => {
        expect(tokenize(s)).toEqual(tokenizeByRegex(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('handles the camelCase and acronym cases', () => {
    for (const s of ['acmeProdReadOnly', 'ACMEProd', 'ABC', 'AbC', 'aBC', 'A', 'Ab', 'AB1c', 'x1Y2z', 'prodEU-West1', 'HTTPServer', 'IAMRole', 'ABc', 'aBCd']) {
      expect(tokenize(s)).toEqual(tokenizeByRegex(s));
    }
  });
});

describe('prodClassifier memos', () => {
  it('gives each verdict its own role hint and the same verdicts as fresh classifiers', () => {
    const profiles = [
      { name: 'a', accountId: '1', roleName: 'ProdDeployer' },
      { name: 'b', accountId: '2', roleName: 'ProdDeployer' },
      { name: 'c', roleName: 'ReadOnlyAccess' },
    ];
    const classify = prodClassifier(undefined, { profiles });
    const a = classify('a');
    const b = classify('b');
    expect(a.role).toEqual(b.role);
    expect(a.role).not.toBe(b.role);
    for (const p of profiles) expect(classify(p.name)).toEqual(prodClassifier(undefined, { profiles })(p.name));
    expect(detectEnv('ProdDeployer').env).toBe('prod');
  });
});
