/**
 * unattended: why a profile cannot give credentials to a process that runs on its own (an MCP
 * server has no terminal): missing from the config, a broken role chain, an MFA prompt
 * (`mfa_serial` anywhere in the chain), or no credentials at all. One check for every front-end
 * (`awsmcp kit --multi-account`, `nx g @awsmcp/nx:kit --multi-account`).
 */
import { resolveChain } from './chain';
import { classifyProfile } from './classify';
import type { ProfileSet } from './normalize';

/** The reason `name` cannot run an MCP server unattended, or undefined when it can. */
export function unattendedProblem(profiles: ProfileSet, name: string): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(profiles.profiles, name)) return `not in ${profiles.files.config ?? 'the AWS config'}`;
  let chain;
  try {
    chain = resolveChain(profiles, name);
  } catch (e) {
    return `broken: ${(e as Error).message}`;
  }
  const mfa = chain.roles.find((r) => r.mfaSerial);
  if (mfa) return `needs MFA (mfa_serial in profile ${mfa.profile}): an MCP server cannot answer the MFA prompt`;
  if (classifyProfile(profiles.profiles[name]!, profiles).kind === 'unknown') return 'no credentials configured (no SSO, role, process or keys)';
  return undefined;
}
