import { closestNames, levenshtein } from './suggest';

describe('closestNames', () => {
  it('finds typos and partial names, closest first', () => {
    const names = ['dev-sandbox', 'staging-eu', 'prod-eu', 'prod-us', 'vault-staging'];
    expect(closestNames('dev-sandbx', names)).toEqual(['dev-sandbox']);
    expect(closestNames('stagin', names)).toEqual(['staging-eu', 'vault-staging']);
    expect(closestNames('prod', names)).toEqual(['prod-eu', 'prod-us']);
    expect(closestNames('zzzzzzzz', names)).toEqual([]);
    expect(levenshtein('kitten', 'sitting')).toBe(3);
  });
});
