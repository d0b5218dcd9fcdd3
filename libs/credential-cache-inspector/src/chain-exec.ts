/**
 * chain-exec: the execution of a role chain (the `exec` to @awsmcp/aws-config-parser's chain.ts
 * `repr`): the source's evaluation, the role steps' cache files, MFA, and the verdict.
 */
import { ChainError, resolveChain, type BaseCredentials, type Profile, type RoleChain } from '@awsmcp/aws-config-parser';
import { assumeRoleCacheKey } from './keys';
import { Inspector } from './inspect';
import { configError, fileProblem, timed, WORKING, type Evaluation } from './messages';
import { credentialProcess, evaluateResolved, granted, loginChecked, sso, staticKeys, webIdentity } from './evaluate';
import type { ProviderResolution } from './resolve';
import type { SourceStatus } from './types';

export function assumeRole(ix: Inspector, p: Profile): Evaluation {
  let chain: RoleChain;
  try {
    chain = resolveChain(ix.set, p.name);
  } catch (err) {
    const message = err instanceof ChainError ? err.message : err instanceof Error ? err.message : 'the role chain cannot be resolved';
    return configError(ix, message, 'fix the chain in ~/.aws/config');
  }
  if (chain.roles.length === 0) return base(ix, chain.base);
  const source = base(ix, chain.base);
  const steps = chain.roles.map((step) => {
    const props = ix.set.profiles[step.profile]?.properties ?? { role_arn: step.roleArn };
    let key = ix.roleKeys.get(step.profile);
    if (!key) {
      key = assumeRoleCacheKey(props);
      ix.roleKeys.set(step.profile, key);
    }
    return { step, mfa: Object.prototype.hasOwnProperty.call(props, 'mfa_serial'), file: ix.file('assume-role-credentials', step.profile, ix.dirs.cliCache, key) };
  });
  const files = [...source.files, ...steps.map((s) => s.file.status)];
  const sourceStatus = sourceStatusOf(ix, chain.base, source);
  const last = steps[steps.length - 1];
  const roleLabel = (s: (typeof steps)[number]) => `role ${s.step.roleName ?? s.step.roleArn}${s.step.profile !== p.name ? ` (profile ${s.step.profile})` : ''}`;
  let mfaIndex = -1;
  steps.forEach((s, i) => {
    if (s.mfa) mfaIndex = i;
  });

  let e: Evaluation;
  if (mfaIndex >= 0) {
    // Renewing needs a person to type an MFA code: the cached credentials of the last MFA step decide.
    const s = steps[mfaIndex];
    const command = `aws sts get-caller-identity --profile ${p.name}`;
    e = s.file.facts
      ? timed(ix, s.file.facts.expiresAtMs, `cached credentials for ${roleLabel(s)} (MFA)`, command, files)
      : fileProblem(ix, s.file.status, `credentials for ${roleLabel(s)} (MFA)`, command, files);
    if (e.status === 'expired' || e.status === 'missing') e.reason += ` (needs MFA: ${s.step.mfaSerial ?? 'mfa_serial'})`;
    if (!WORKING.has(source.status) && e.light !== 'green') {
      e.nextStep = `${source.command ? `run ${source.command} (source ${chain.base.profile}), then ` : `fix source ${chain.base.profile}, then `}run ${command} and enter the MFA code`;
    } else if (e.light !== 'green') {
      e.nextStep = `run ${command} and enter the MFA code`;
    }
  } else if (WORKING.has(source.status)) {
    const expiresAtMs = source.expiresAtMs;
    e = {
      status: 'valid',
      light: source.light,
      ...(expiresAtMs !== undefined ? { expiresAtMs } : {}),
      ...(source.refreshableUntilMs !== undefined ? { refreshableUntilMs: source.refreshableUntilMs } : {}),
      refreshesItself: source.refreshesItself || expiresAtMs === undefined,
      reason: `assumes ${steps.map(roleLabel).join(' -> ')}${chain.base.profile === p.name ? '' : ` from ${chain.base.profile}`}: ${source.reason}`,
      nextStep: source.nextStep.startsWith('nothing to do') ? source.nextStep : `source ${chain.base.profile}: ${source.nextStep}`,
      ...(source.command ? { command: source.command } : {}),
      files,
    };
  } else if (last.file.facts && ix.ttl(last.file.facts.expiresAtMs) > 0) {
    // The source is broken, but the AWS CLI still holds role credentials for a while.
    e = timed(ix, last.file.facts.expiresAtMs, `cached credentials for ${roleLabel(last)} (AWS CLI cache; source ${chain.base.profile} cannot renew them: ${source.reason})`, source.command, files);
    e.nextStep = `source ${chain.base.profile}: ${source.nextStep}`;
  } else {
    e = {
      status: source.status,
      light: 'red',
      refreshesItself: false,
      ...(source.expiresAtMs !== undefined ? { expiresAtMs: source.expiresAtMs } : {}),
      reason: `source ${chain.base.profile}: ${source.reason}`,
      nextStep: `source ${chain.base.profile}: ${source.nextStep}`,
      ...(source.command ? { command: source.command } : {}),
      files,
    };
  }
  e.source = sourceStatus;
  const accountId = last.file.facts?.accountId;
  if (accountId) e.accountId = accountId;
  return e;
}

export function sourceStatusOf(ix: Inspector, base: BaseCredentials, e: Evaluation): SourceStatus {
  const s: SourceStatus = {
    profile: base.profile,
    kind: base.kind,
    status: e.status,
    light: e.light,
    refreshesItself: e.refreshesItself,
    reason: e.reason,
  };
  ix.setExpiry(s, e);
  if (e.command) s.command = e.command;
  return s;
}

/** The credentials a chain starts from, by the chain's own reading (static keys end a chain). */
export function base(ix: Inspector, base: BaseCredentials): Evaluation {
  return ix.memo(Inspector.inner(ix.baseEvaluations, base.kind), base.profile, () => {
    const p = ix.set.profiles[base.profile];
    switch (base.kind) {
      case 'static':
        return staticKeys(ix, p);
      case 'credential-source':
        return {
          status: 'external',
          light: 'none',
          refreshesItself: true,
          reason: `credential_source = ${base.source}: credentials from the ${base.source === 'Environment' ? 'environment variables' : base.source === 'EcsContainer' ? 'container role' : 'instance role'}`,
          nextStep: 'nothing to do: the platform renews them',
          files: [],
        };
      case 'web-identity':
        return webIdentity(ix, p);
      case 'credential-process':
        return credentialProcess(ix, p);
      case 'login':
        return loginChecked(ix, p, 'js-sdk');
      case 'sso': {
        const c = ix.classify(p);
        if (c.kind === 'sso' || c.kind === 'sso-legacy') return sso(ix, p, c);
        if (c.kind === 'granted') return granted(ix, p, c);
        return ix.evaluateProfile(p, c);
      }
    }
  });
}

// ---------------------------------------------------------------- botocore

const SOURCE_KIND: Record<string, BaseCredentials['kind']> = {
  sso: 'sso',
  'shared-credentials-file': 'static',
  'config-file': 'static',
  'custom-process': 'credential-process',
  'assume-role-with-web-identity': 'web-identity',
  login: 'login',
};

/**
 * AssumeRoleProvider under botocore in a server: no ~/.aws/cli/cache (boto3 keeps assumed-role
 * credentials in memory and assumes the role again from the source), the source's credentials are
 * loaded when the server asks for credentials (so a broken source fails it at once), and
 * `mfa_serial` means a prompt on a terminal the server does not have.
 */
export function assumeRoleResolved(ix: Inspector, p: Profile, r: ProviderResolution): Evaluation {
  const roles = r.roles ?? [];
  const top = roles[roles.length - 1];
  const label = roles.map((s) => `role ${s.roleName ?? s.roleArn}${s.profile !== p.name ? ` (profile ${s.profile})` : ''}`).join(' -> ');
  let source: Evaluation;
  let base: BaseCredentials;
  if (r.credentialSource) {
    const cs = r.credentialSource;
    base = { kind: 'credential-source', profile: top?.profile ?? p.name, source: cs };
    source = {
      status: 'external',
      light: 'none',
      refreshesItself: true,
      reason: `credential_source = ${cs}: credentials from the ${cs === 'Environment' ? 'environment variables' : cs === 'EcsContainer' ? 'container role' : 'instance role'} where the server runs`,
      nextStep: 'nothing to do: the platform renews them',
      files: [],
    };
  } else {
    const s = r.source as ProviderResolution;
    const sp = ix.profileFor(s.profile);
    base = { kind: SOURCE_KIND[s.provider ?? ''] ?? 'static', profile: s.profile } as BaseCredentials;
    source = ix.memo(Inspector.inner(ix.baseEvaluations, `botocore:${s.provider}`), s.profile, () => evaluateResolved(ix, sp, ix.classify(sp), s));
  }
  // the source's credentials are loaded by get_credentials(): its failure is the profile's
  if (source.failure) return { ...source, reason: `source ${base.profile}: ${source.reason}`, files: source.files };
  let e: Evaluation;
  if (r.mfa) {
    e = {
      status: 'needs-input',
      light: 'red',
      refreshesItself: false,
      reason: `${label}: mfa_serial = ${r.mfa.serial} in profile ${r.mfa.profile} makes botocore ask for an MFA code on the terminal; a server has none, so its AWS calls fail (boto3 does not read the AWS CLI's ~/.aws/cli/cache)`,
      nextStep: `give the server a profile without MFA (SSO: aws configure sso), or wrap this one in credential_process (aws-vault exec ${p.name} --json, granted credential-process --profile ${p.name})`,
      files: source.files,
    };
  } else if (WORKING.has(source.status)) {
    e = {
      status: 'valid',
      light: source.light,
      ...(source.expiresAtMs !== undefined ? { expiresAtMs: source.expiresAtMs } : {}),
      ...(source.refreshableUntilMs !== undefined ? { refreshableUntilMs: source.refreshableUntilMs } : {}),
      refreshesItself: source.refreshesItself || source.expiresAtMs === undefined,
      reason: `assumes ${label}${base.profile === p.name ? '' : ` from ${base.profile}`} (boto3 keeps the role's credentials in memory and assumes it again from the source): ${source.reason}`,
      nextStep: source.nextStep.startsWith('nothing to do') ? source.nextStep : `source ${base.profile}: ${source.nextStep}`,
      ...(source.command ? { command: source.command } : {}),
      files: source.files,
    };
  } else {
    e = {
      status: source.status,
      light: 'red',
      refreshesItself: false,
      ...(source.expiresAtMs !== undefined ? { expiresAtMs: source.expiresAtMs } : {}),
      reason: `source ${base.profile}: ${source.reason} (a cached role in ~/.aws/cli/cache does not help: boto3 does not read it)`,
      nextStep: `source ${base.profile}: ${source.nextStep}`,
      ...(source.command ? { command: source.command } : {}),
      files: source.files,
    };
  }
  e.source = sourceStatusOf(ix, base, source);
  return e;
}
