import { parseTags } from './tags-file';
import { suggestTags, SUGGEST_HEADER } from './suggest';
import { CANARY, profileSet } from './__fixtures__/profiles';

describe('suggestTags', () => {
  const set = profileSet();

  it('writes one line per profile with a # detected: comment, and unknowns commented out', () => {
    const { text, suggestions } = suggestTags(set);
    const body = text.split('\n').slice(SUGGEST_HEADER.length);
    expect(body).toEqual([
      '# default: unknown  # detected: no environment word in the name',
      'dev-sandbox: sandbox  # detected: name token "sandbox" means sandbox (also "dev" -> dev; sandbox wins); role PowerUserAccess can write (power-user); prefer a ReadOnlyAccess permission set for MCP servers',
      'staging-eu: staging  # detected: name token "staging" means staging; role ReadOnlyAccess is read-only (does not change the environment)',
      'prod-eu: prod  # detected: name token "prod" means prod; role ReadOnlyAccess is read-only (does not change the environment)',
      'payments-admin: prod  # detected: account 333333333333 is also used by prod profile "prod-eu" (name token "prod" means prod); role AdministratorAccess can write (admin); prefer a ReadOnlyAccess permission set for MCP servers',
      '# product-analytics: unknown  # detected: no environment word in the name ("product" is not "prod")',
      '# nonprod-eu: unknown  # detected: name token "nonprod" means not production; role ReadOnlyAccess is read-only (does not change the environment)',
      'billing: prod  # detected: role name ProdDeployer: token "prod" means prod; role ProdDeployer can write (deploy); prefer a ReadOnlyAccess permission set for MCP servers',
      '# team-tools: unknown  # detected: no environment word in the name; role PowerUserAccess can write (power-user); prefer a ReadOnlyAccess permission set for MCP servers',
      '# ci-bot: unknown  # detected: no environment word in the name',
      '',
    ]);
    expect(suggestions.find((s) => s.profile === 'payments-admin')).toMatchObject({ env: 'prod', prod: true, source: 'account', accountId: '333333333333' });
    expect(suggestions.find((s) => s.profile === 'product-analytics')).toMatchObject({ prod: false, source: 'heuristic' });
    expect(suggestions.find((s) => s.profile === 'product-analytics')?.env).toBeUndefined();
  });

  it('produces a file parseTags accepts, with the detected tags', () => {
    const { text } = suggestTags(set);
    const tags = parseTags(text, '/home/u/.aws-profile-tags.yaml');
    expect({ ...tags.tags }).toEqual({ 'dev-sandbox': 'sandbox', 'staging-eu': 'staging', 'prod-eu': 'prod', 'payments-admin': 'prod', billing: 'prod' });
  });

  it('never prints a secret from the profile files', () => {
    const result = suggestTags(set);
    expect(JSON.stringify(result)).not.toContain(CANARY);
  });

  it('takes a plain list of names, quotes names YAML needs quoted, keeps existing tags', () => {
    const { text, suggestions } = suggestTags(['@ops/prod', 'team-tools', 'live-site'], { tags: { 'team-tools': 'dev' }, header: false });
    expect(text).toBe(
      [
        '"@ops/prod": prod  # detected: name token "prod" means prod',
        'team-tools: dev  # detected: already tagged dev',
        'live-site: prod  # detected: name token "live" means prod',
        '',
      ].join('\n'),
    );
    expect(suggestions.map((s) => s.source)).toEqual(['heuristic', 'tag', 'heuristic']);
    expect(parseTags(text, 'x').tags['@ops/prod']).toBe('prod');
  });

  it('gives an empty text for no profiles without a header', () => {
    expect(suggestTags([], { header: false })).toEqual({ text: '', suggestions: [] });
  });
});
