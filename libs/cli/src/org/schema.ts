/** `awsmcp org-scan --json` (schemaVersion 1): the zod schema is the source of truth for the shape. */
import { z } from 'zod';

export const MATCH_KEYS = ['sso_account_id', 'granted_sso_account_id', 'role_arn'] as const;

export const AccountProfileSchema = z.object({
  name: z.string(),
  /** The profile kind (sso, assume-role, granted...). */
  kind: z.string(),
  /** Which setting names the account. */
  matchedBy: z.enum(MATCH_KEYS),
  role: z.string().optional(),
  /** The profile's environment (tag, else name heuristic). */
  env: z.string().optional(),
  envSource: z.enum(['tag', 'heuristic', 'account']).optional(),
});

export const OrgAccountSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().optional(),
  /** ACTIVE, SUSPENDED, PENDING_CLOSURE (State when the API gives it, else Status). */
  status: z.string(),
  joinedAt: z.string().optional(),
  profiles: z.array(AccountProfileSchema),
  /** The account's environment: from its profiles' tags, else its name. */
  env: z.string().optional(),
  envSource: z.enum(['tag', 'heuristic', 'account', 'account-name']).optional(),
  prod: z.boolean(),
});
export type OrgAccount = z.infer<typeof OrgAccountSchema>;

export const GeneratedProfileSchema = z.object({
  profile: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  properties: z.record(z.string(), z.string()),
});

export const GeneratedSchema = z.object({
  ssoSession: z.string(),
  startUrl: z.string(),
  ssoRegion: z.string(),
  roleName: z.string(),
  region: z.string().optional(),
  /** The existing profile the start URL and region were taken from. */
  basedOn: z.string().optional(),
  /** A `[sso-session]` stanza is part of the output (the existing profile was legacy SSO). */
  newSession: z.boolean(),
  profiles: z.array(GeneratedProfileSchema),
  /** The stanzas as they would be appended to the config file. */
  text: z.string(),
});
export type Generated = z.infer<typeof GeneratedSchema>;

export const OrgScanJsonSchema = z.object({
  schemaVersion: z.literal(1),
  command: z.literal('org-scan'),
  /** The profile the scan ran as. */
  profile: z.string(),
  /** ListAccounts pages read. */
  pages: z.number().int().positive(),
  accounts: z.array(OrgAccountSchema),
  summary: z.object({
    accounts: z.number().int().nonnegative(),
    withProfile: z.number().int().nonnegative(),
    withoutProfile: z.number().int().nonnegative(),
    prod: z.number().int().nonnegative(),
  }),
  /** Profiles naming accounts that are not in the organization. */
  strayProfiles: z.array(z.object({ profile: z.string(), accountId: z.string() })),
  generated: GeneratedSchema.optional(),
  written: z.object({ file: z.string(), backup: z.string().optional(), profiles: z.array(z.string()), changed: z.boolean() }).optional(),
});
export type OrgScanJson = z.infer<typeof OrgScanJsonSchema>;
