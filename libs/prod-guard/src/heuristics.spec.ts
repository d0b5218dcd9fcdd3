import { detectEnv, roleHint, tokenize } from './heuristics';

describe('tokenize', () => {
  it.each([
    ['acmeProdReadOnly', ['acme', 'prod', 'read', 'only']],
    ['ACMEProd', ['acme', 'prod']],
    ['sbx01', ['sbx', '01']],
    ['prd_payments', ['prd', 'payments']],
    ['eu-west-1.prod', ['eu', 'west', '1', 'prod']],
    ['john@acme-prod', ['john', 'acme', 'prod']],
    ['acme/prod/AdministratorAccess', ['acme', 'prod', 'administrator', 'access']],
    ['org:shared+logs%x', ['org', 'shared', 'logs', 'x']],
    ['PRODUCTION', ['production']],
    ['', []],
  ])('%s -> %j', (name, tokens) => {
    expect(tokenize(name)).toEqual(tokens);
  });
});

// [profile name, expected environment (undefined: none detected)]
const NAMES: [string, string | undefined][] = [
  // production
  ['prod', 'prod'],
  ['prod-eu', 'prod'],
  ['prod-us', 'prod'],
  ['eu-production', 'prod'],
  ['acmeProdReadOnly', 'prod'],
  ['AcmeProdAdmin', 'prod'],
  ['ACMEProd', 'prod'],
  ['prd_payments', 'prod'],
  ['payments.prd', 'prod'],
  ['live-site', 'prod'],
  ['prod1', 'prod'],
  ['PROD_EU_WEST_1', 'prod'],
  ['acme/prod/AdministratorAccess', 'prod'],
  ['jane@acme-production', 'prod'],
  ['prod-deployer', 'prod'],
  ['security-prod', 'prod'],
  ['prod-network', 'prod'],
  ['preprod-and-prod', 'prod'],
  // a prod word glued to another word (issue 15, item 11)
  ['acmeprod', 'prod'],
  ['prodeu', 'prod'],
  ['prdeu', 'prod'],
  ['PRODeu', 'prod'],
  ['myprod', 'prod'],
  ['acmeprodeuwest', 'prod'],
  ['acmeproduction', 'prod'],
  ['team-acmeprod-readonly', 'prod'],
  ['produs-east', 'prod'],
  ['dev-acmeprod', 'prod'],
  // decided: "production-like" is read as production (a false positive costs one confirmation)
  ['production-like', 'prod'],
  // not production, whatever the substring says
  ['product-analytics', undefined],
  ['productivity-tools', undefined],
  ['my-prodigy', undefined],
  ['products', undefined],
  ['delivery', undefined],
  ['olive-team', undefined],
  ['reproduce-bug', undefined],
  ['nonprod-eu', undefined],
  ['non-prod', undefined],
  ['NonProd', undefined],
  ['non_production', undefined],
  ['team-tools', undefined],
  ['default', undefined],
  ['devops', undefined],
  ['ci-bot', undefined],
  ['legacy-analytics', undefined],
  // false positives that stay non-prod with the glued-word rule
  ['product', undefined],
  ['prodigy', undefined],
  ['reproduce', undefined],
  ['reprod', undefined],
  ['produce-team', undefined],
  ['productionlike', undefined],
  ['byproducts', undefined],
  ['nonprodeu', undefined],
  ['acmenonprod', undefined],
  // staging
  ['preprod', 'staging'],
  ['pre-prod', 'staging'],
  ['PreProd', 'staging'],
  ['pre-production-eu', 'staging'],
  ['staging-eu', 'staging'],
  ['stg', 'staging'],
  ['payments_stg', 'staging'],
  ['uat-eu', 'staging'],
  ['vault-staging', 'staging'],
  ['stage', 'staging'],
  ['nonprod-staging', 'staging'],
  ['preprodeu', 'staging'],
  ['acmepreprod', 'staging'],
  // dev
  ['dev', 'dev'],
  ['development', 'dev'],
  ['granted-dev', 'dev'],
  ['acmeDev2', 'dev'],
  ['nonprod-dev', 'dev'],
  // sandbox
  ['sandbox-john', 'sandbox'],
  ['sbx01', 'sandbox'],
  ['playground', 'sandbox'],
  ['dev-sandbox', 'sandbox'],
  // shared services
  ['log-archive', 'shared-services'],
  ['LogArchive', 'shared-services'],
  ['security-tooling', 'shared-services'],
  ['shared-services-network', 'shared-services'],
  ['shared-services', 'shared-services'],
  ['audit', 'shared-services'],
  ['security-audit', 'shared-services'],
  ['central-logging', 'shared-services'],
  ['network-hub', 'shared-services'],
  ['audit-dev', 'dev'],
];

describe('detectEnv: name heuristics on tokens', () => {
  it('has at least 40 names', () => expect(NAMES.length).toBeGreaterThanOrEqual(40));

  it.each(NAMES)('%s -> %s', (name, env) => {
    const d = detectEnv(name);
    expect(d.env).toBe(env);
    expect(d.reason.length).toBeGreaterThan(0);
  });

  it('explains why product is not prod', () => {
    const d = detectEnv('product-analytics');
    expect(d.notProd).toEqual(['product']);
    expect(d.nonProd).toBe(false);
    expect(d.reason).toBe('no environment word in the name ("product" is not "prod")');
  });

  it('says nonprod means not production', () => {
    const d = detectEnv('nonprod-eu');
    expect(d.nonProd).toBe(true);
    expect(d.reason).toBe('name token "nonprod" means not production');
  });

  it('says when a prod word was glued to another word', () => {
    expect(detectEnv('acmeprod').reason).toBe('name token "acmeprod" (a prod word glued to another word) means prod');
    expect(detectEnv('PRODeu').reason).toBe('name token "prodeu" (a prod word glued to another word) means prod');
    expect(detectEnv('nonprodeu').reason).toBe('name token "nonprodeu" means not production');
  });

  it('names the deciding token and the losers', () => {
    expect(detectEnv('prod-eu').reason).toBe('name token "prod" means prod');
    expect(detectEnv('dev-sandbox').reason).toBe('name token "sandbox" means sandbox (also "dev" -> dev; sandbox wins)');
    expect(detectEnv('security-prod').matches).toEqual([
      { token: 'security', env: 'shared-services' },
      { token: 'prod', env: 'prod' },
    ]);
  });
});

describe('roleHint', () => {
  it.each([
    ['ReadOnlyAccess', 'read-only'],
    ['ViewOnlyAccess', 'read-only'],
    ['SecurityAudit', 'read-only'],
    ['AdministratorAccess', 'admin'],
    ['OrganizationAccountAccessRole', 'admin'],
    ['PowerUserAccess', 'power-user'],
    ['Deployer', 'deploy'],
    ['DataScientist', 'unknown'],
  ])('%s -> %s', (role, access) => {
    expect(roleHint(role).access).toBe(access);
  });

  it('says a read-only role does not change the environment', () => {
    expect(roleHint('ReadOnlyAccess').note).toBe('role ReadOnlyAccess is read-only (does not change the environment)');
  });
});

describe('prototype names', () => {
  it('tokens such as constructor or toString are no environment', () => {
    expect(detectEnv('constructor-toString').env).toBeUndefined();
  });
});
