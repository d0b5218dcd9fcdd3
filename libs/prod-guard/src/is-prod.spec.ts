import { isProd, prodClassifier } from './is-prod';
import { parseTags } from './tags-file';
import { profileSet } from './__fixtures__/profiles';

describe('isProd', () => {
  const set = profileSet();

  it('a tag decides first, and says where it came from', () => {
    const tags = parseTags('product-analytics: prod\nprod-eu: dev\n', '/home/u/.aws-profile-tags.yaml');
    expect(isProd('product-analytics', tags)).toEqual({
      profile: 'product-analytics',
      prod: true,
      env: 'prod',
      source: 'tag',
      reason: 'tagged prod in /home/u/.aws-profile-tags.yaml',
    });
    expect(isProd('prod-eu', tags)).toMatchObject({ prod: false, env: 'dev', source: 'tag', reason: 'tagged dev in /home/u/.aws-profile-tags.yaml' });
  });

  it('accepts a plain record or map of tags', () => {
    expect(isProd('x', { x: 'prod' })).toMatchObject({ prod: true, source: 'tag', reason: 'tagged prod' });
    expect(isProd('x', new Map([['x', 'sandbox']]))).toMatchObject({ prod: false, env: 'sandbox', source: 'tag' });
    expect(isProd('constructor', {})).toMatchObject({ prod: false, source: 'heuristic' });
  });

  it('a custom label that names production counts as prod', () => {
    expect(isProd('x', { x: 'payments-prod' })).toMatchObject({ prod: true, env: 'payments-prod', source: 'tag', reason: 'tagged "payments-prod", a label that names production' });
    expect(isProd('x', { x: 'analytics' })).toMatchObject({ prod: false, env: 'analytics' });
  });

  it('falls back to the name heuristics', () => {
    expect(isProd('eu-production', {})).toEqual({ profile: 'eu-production', prod: true, env: 'prod', source: 'heuristic', reason: 'name token "production" means prod' });
    expect(isProd('product-analytics')).toMatchObject({ prod: false, source: 'heuristic', reason: 'no environment word in the name ("product" is not "prod")' });
  });

  it('flags a profile whose account is also used by a prod profile', () => {
    const v = isProd('payments-admin', {}, { profiles: set });
    expect(v).toMatchObject({ prod: true, env: 'prod', source: 'account', accountId: '333333333333', roleName: 'AdministratorAccess' });
    expect(v.reason).toBe(
      'account 333333333333 is also used by prod profile "prod-eu" (name token "prod" means prod); role AdministratorAccess can write (admin); prefer a ReadOnlyAccess permission set for MCP servers',
    );
  });

  it('account evidence also follows tags', () => {
    const v = isProd('team-tools', { 'dev-sandbox': 'dev', 'product-analytics': 'prod' }, { profiles: [{ name: 'team-tools', accountId: '444444444444' }, { name: 'product-analytics', accountId: '444444444444' }] });
    expect(v).toMatchObject({ prod: true, source: 'account', reason: 'account 444444444444 is also used by prod profile "product-analytics" (tagged prod)' });
  });

  it('an explicit non-prod tag still wins over account evidence, with a note', () => {
    const v = isProd('payments-admin', { 'payments-admin': 'staging' }, { profiles: set });
    expect(v.prod).toBe(false);
    expect(v.source).toBe('tag');
    expect(v.reason).toContain('note: account 333333333333 is also used by prod profile "prod-eu"');
  });

  it('role names add evidence: read-only does not change the environment', () => {
    const v = isProd('prod-eu', {}, { profiles: set });
    expect(v).toMatchObject({ prod: true, source: 'heuristic', role: { access: 'read-only' } });
    expect(v.reason).toBe('name token "prod" means prod; role ReadOnlyAccess is read-only (does not change the environment)');
  });

  it('a role name that says prod counts when the profile name says nothing', () => {
    const v = isProd('billing', {}, { profiles: set });
    expect(v).toMatchObject({ prod: true, env: 'prod', source: 'heuristic', roleName: 'ProdDeployer' });
    expect(v.reason).toMatch(/^role name ProdDeployer: token "prod" means prod/);
  });

  it('nonprod is not prod, even in a set', () => {
    expect(isProd('nonprod-eu', {}, { profiles: set })).toMatchObject({ prod: false, reason: expect.stringMatching(/^name token "nonprod" means not production/) });
  });

  it('a classifier answers many profiles with one index', () => {
    const classify = prodClassifier({}, { profiles: set });
    const prod = Object.keys(set.profiles).filter((p) => classify(p).prod);
    expect(prod).toEqual(['prod-eu', 'payments-admin', 'billing']);
  });
});
