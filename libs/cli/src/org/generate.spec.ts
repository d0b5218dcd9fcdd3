/** Profile names and stanzas for --generate-profiles. */
import { parseProfileFiles } from '@awsmcp/aws-config-parser';
import { generateProfiles, profileNameFor, uniqueNames } from './generate';
import type { OrgAccount } from './schema';

const account = (id: string, name: string, status = 'ACTIVE'): OrgAccount => ({ id, name, status, profiles: [], prod: false });

describe('profile names', () => {
  it('account names become valid profile names; empty ones fall back to the id', () => {
    expect(profileNameFor('Team Payments (EU)', '111111111111')).toBe('team-payments-eu');
    expect(profileNameFor('Ünïcode  Team', '111111111111')).toBe('unicode-team');
    expect(profileNameFor('***', '111111111111')).toBe('account-111111111111');
    expect(profileNameFor('Prod', '111111111111', 'org-')).toBe('org-prod');
  });

  it('duplicates and names already taken get the last four digits of the account, then a counter', () => {
    expect(
      uniqueNames(
        [
          { name: 'sandbox', accountId: '111111111111' },
          { name: 'sandbox', accountId: '222222222222' },
          { name: 'dev', accountId: '333333333333' },
          { name: 'ok', accountId: '444444444444' },
        ],
        ['dev', 'dev-3333'],
      ),
    ).toEqual(['sandbox-1111', 'sandbox-2222', 'dev-3333-2', 'ok']);
  });
});

describe('generateProfiles', () => {
  it('a legacy SSO profile: a new [sso-session] stanza named from the start URL, then the profiles', () => {
    const set = parseProfileFiles({ configText: '[profile old]\nsso_start_url = https://acme.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 111111111111\nsso_role_name = Admin\nregion = us-west-2\n' });
    const g = generateProfiles([account('222222222222', 'Data'), account('333333333333', 'Gone', 'SUSPENDED')], set);
    expect(g).toMatchObject({ ssoSession: 'acme', newSession: true, roleName: 'Admin', region: 'us-west-2', basedOn: 'old' });
    expect(g.text).toBe(
      '[sso-session acme]\nsso_start_url = https://acme.awsapps.com/start\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n\n[profile data]\nsso_session = acme\nsso_account_id = 222222222222\nsso_role_name = Admin\nregion = us-west-2\n',
    );
    const parsed = parseProfileFiles({ configText: g.text });
    expect(parsed.ssoSessions.acme.properties.sso_start_url).toBe('https://acme.awsapps.com/start');
  });

  it('no SSO profile at all: a usage error that says how to get one', () => {
    const set = parseProfileFiles({ configText: '[profile keys]\nregion = eu-west-1\n' });
    expect(() => generateProfiles([account('222222222222', 'Data')], set)).toThrow('no SSO profile to take the start URL and region from');
    const g = generateProfiles([account('222222222222', 'Data')], set, { startUrl: 'https://x.awsapps.com/start', ssoRegion: 'eu-west-1', roleName: 'ReadOnly' });
    expect(g).toMatchObject({ ssoSession: 'x', newSession: true, roleName: 'ReadOnly', region: 'eu-west-1' });
  });
});
