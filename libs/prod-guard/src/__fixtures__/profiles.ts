import { parseProfileFiles, type ProfileSet } from '@awsmcp/aws-config-parser';

export const CANARY = 'CANARY-SECRET-prod-guard-0xDEADBEEF';

export const CONFIG = `
[default]
region = eu-west-1

[sso-session acme]
sso_start_url = https://acme-demo.awsapps.com/start
sso_region = eu-west-1

[profile dev-sandbox]
sso_session = acme
sso_account_id = 111111111111
sso_role_name = PowerUserAccess

[profile staging-eu]
sso_session = acme
sso_account_id = 222222222222
sso_role_name = ReadOnlyAccess

[profile prod-eu]
sso_session = acme
sso_account_id = 333333333333
sso_role_name = ReadOnlyAccess

[profile payments-admin]
sso_session = acme
sso_account_id = 333333333333
sso_role_name = AdministratorAccess

[profile product-analytics]
sso_session = acme
sso_account_id = 444444444444
sso_role_name = DataScientist

[profile nonprod-eu]
sso_session = acme
sso_account_id = 555555555555
sso_role_name = ReadOnlyAccess

[profile billing]
role_arn = arn:aws:iam::777777777777:role/ProdDeployer
source_profile = ci-bot

[profile team-tools]
sso_session = acme
sso_account_id = 888888888888
sso_role_name = PowerUserAccess

[profile ci-bot]
region = eu-west-1
`;

export const CREDENTIALS = `
[ci-bot]
aws_access_key_id = AKIA${CANARY}
aws_secret_access_key = ${CANARY}
`;

export function profileSet(): ProfileSet {
  return parseProfileFiles({ configText: CONFIG, credentialsText: CREDENTIALS, configPath: '/home/u/.aws/config', credentialsPath: '/home/u/.aws/credentials' });
}
