/**
 * org-scan: every account of the organization (ListAccounts, all pages), joined with the profiles
 * that name it (sso_account_id, granted_sso_account_id, the account of role_arn) and with the
 * environment tags of @awsmcp/prod-guard.
 */
import { classifyProfile, parseRoleArn, type ProfileSet } from '@awsmcp/aws-config-parser';
import { detectEnv, prodClassifier, type ProfileTags } from '@awsmcp/prod-guard';
import type { CliContext } from '../context';
import { clientConfig, withDeadline, type AwsTarget } from '../doctor/aws';
import type { OrgAccount } from './schema';
import { MATCH_KEYS } from './schema';
import { requireOptional } from '../optional-dependency';

export interface RawAccount {
  id: string;
  name: string;
  email?: string;
  status: string;
  joinedAt?: string;
}

export interface ListResult {
  accounts: RawAccount[];
  pages: number;
}

/** ListAccounts, following NextToken to the end (bounded), each page under the deadline. */
export async function listAccounts(ctx: CliContext, target: AwsTarget, options: { pageSize?: number; timeoutMs: number; onPage?: (page: number, count: number) => void }): Promise<ListResult> {
  const { OrganizationsClient, ListAccountsCommand } = requireOptional<typeof import('@aws-sdk/client-organizations')>('@aws-sdk/client-organizations', '@aws-sdk/client-organizations', '3', 'awsmcp org-scan');
  const client = new OrganizationsClient(clientConfig(ctx, target, 'Organizations') as NonNullable<ConstructorParameters<typeof OrganizationsClient>[0]>);
  const accounts: RawAccount[] = [];
  let pages = 0;
  let token: string | undefined;
  try {
    do {
      const page = await withDeadline(options.timeoutMs, (abortSignal) =>
        client.send(new ListAccountsCommand({ ...(token ? { NextToken: token } : {}), ...(options.pageSize ? { MaxResults: options.pageSize } : {}) }), { abortSignal }),
      );
      pages++;
      for (const a of page.Accounts ?? []) {
        if (!a.Id) continue;
        accounts.push({
          id: a.Id,
          name: a.Name ?? '',
          ...(a.Email ? { email: a.Email } : {}),
          status: String((a as { State?: string }).State ?? a.Status ?? 'UNKNOWN'),
          ...(a.JoinedTimestamp ? { joinedAt: new Date(a.JoinedTimestamp).toISOString() } : {}),
        });
      }
      options.onPage?.(pages, accounts.length);
      token = page.NextToken;
    } while (token && pages < 10_000);
  } finally {
    client.destroy();
  }
  return { accounts, pages };
}

export interface ProfileRef {
  name: string;
  kind: string;
  accountId: string;
  matchedBy: (typeof MATCH_KEYS)[number];
  role?: string;
}

/** Every profile that names an account, with the setting that names it. */
export function profilesByAccount(set: ProfileSet): Map<string, ProfileRef[]> {
  const map = new Map<string, ProfileRef[]>();
  for (const p of Object.values(set.profiles)) {
    const props = p.properties;
    const c = classifyProfile(p, set);
    let ref: ProfileRef | undefined;
    if (props.sso_account_id) ref = { name: p.name, kind: c.kind, accountId: props.sso_account_id.trim(), matchedBy: 'sso_account_id', ...(props.sso_role_name ? { role: props.sso_role_name } : {}) };
    else if (props.granted_sso_account_id) ref = { name: p.name, kind: c.kind, accountId: props.granted_sso_account_id.trim(), matchedBy: 'granted_sso_account_id', ...(props.granted_sso_role_name ? { role: props.granted_sso_role_name } : {}) };
    else if (props.role_arn) {
      const arn = parseRoleArn(props.role_arn);
      if (arn) ref = { name: p.name, kind: c.kind, accountId: arn.accountId, matchedBy: 'role_arn', role: arn.roleName };
    }
    if (!ref) continue;
    const list = map.get(ref.accountId) ?? [];
    list.push(ref);
    map.set(ref.accountId, list);
  }
  return map;
}

/** Join the accounts with the profiles and tags. */
export function joinAccounts(accounts: readonly RawAccount[], set: ProfileSet, tags: ProfileTags): { accounts: OrgAccount[]; stray: Array<{ profile: string; accountId: string }> } {
  const byAccount = profilesByAccount(set);
  const classify = prodClassifier(tags, { profiles: set });
  const ids = new Set(accounts.map((a) => a.id));
  const joined = accounts.map((a): OrgAccount => {
    const profiles = (byAccount.get(a.id) ?? []).map((r) => {
      const v = classify(r.name);
      return { name: r.name, kind: r.kind, matchedBy: r.matchedBy, ...(r.role ? { role: r.role } : {}), ...(v.env ? { env: v.env, envSource: v.source } : {}) };
    });
    const verdicts = profiles.map((p) => classify(p.name));
    const prodVerdict = verdicts.find((v) => v.prod);
    const tagged = verdicts.find((v) => v.source === 'tag' && v.env);
    const anyEnv = prodVerdict ?? tagged ?? verdicts.find((v) => v.env);
    let env: string | undefined = anyEnv?.env;
    let envSource: OrgAccount['envSource'] = anyEnv?.source;
    if (!env) {
      const byName = detectEnv(a.name);
      if (byName.env) {
        env = byName.env;
        envSource = 'account-name';
      }
    }
    return {
      ...a,
      profiles,
      ...(env ? { env, envSource } : {}),
      prod: prodVerdict !== undefined || (env === 'prod' && envSource === 'account-name'),
    };
  });
  const stray: Array<{ profile: string; accountId: string }> = [];
  for (const [accountId, refs] of byAccount) if (!ids.has(accountId)) for (const r of refs) stray.push({ profile: r.name, accountId });
  return { accounts: joined, stray };
}
