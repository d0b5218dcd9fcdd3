/**
 * messages: the evaluation of one source of credentials (before it is shaped into a ProfileStatus)
 * and the sentences shared by every kind: a bad or absent cache file, credentials good until a
 * time, a configuration error.
 */
import type { Profile } from '@awsmcp/aws-config-parser';
import type { Light } from './light';
import { formatDuration, formatTime } from './times';
import type { Inspector } from './inspect';
import type { ProviderFailure } from './resolve';
import type { CacheFileStatus, ProfileState, SourceStatus } from './types';

/** What we know about one source of credentials, before it is shaped into a ProfileStatus. */
export interface Evaluation {
  status: ProfileState;
  light: Light;
  expiresAtMs?: number;
  refreshesItself: boolean;
  refreshableUntilMs?: number;
  reason: string;
  nextStep: string;
  command?: string;
  accountId?: string;
  files: CacheFileStatus[];
  source?: SourceStatus;
  /** Set when executing the provider fails the way the SDK would (its provider is then null). */
  failure?: ProviderFailure;
}

export const WORKING: ReadonlySet<ProfileState> = new Set(['valid', 'long-lived', 'external']);

export function has(p: Profile, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(p.properties, key);
}

export function value(p: Profile, key: string): string | undefined {
  const v = p.properties[key];
  return v === undefined || v === '' ? undefined : v;
}

/** A bad or absent cache file as the profile's status. */
export function fileProblem(ix: Inspector, f: CacheFileStatus, what: string, command: string | undefined, files: CacheFileStatus[]): Evaluation {
  const then = command ? `, then run ${command}` : '';
  const run = command ? `run ${command}` : 'log in again';
  let reason: string;
  let nextStep: string;
  switch (f.state) {
    case 'missing':
      reason = `no ${what} cached (${ix.show(f.path)} does not exist${f.detail ? `: ${f.detail}` : ''})`;
      nextStep = run;
      break;
    case 'not-a-file':
      reason = `${what}: ${ix.show(f.path)} ${f.detail ?? 'is not a regular file'}`;
      nextStep = `remove ${ix.show(f.path)}${then}`;
      break;
    case 'unreadable':
      reason = `${what}: ${ix.show(f.path)} cannot be read: ${f.detail ?? 'unknown error'}`;
      nextStep = `make ${ix.show(f.path)} readable by you (chmod 600) or delete it${then}`;
      break;
    case 'empty':
    case 'truncated':
    case 'malformed':
    case 'invalid-time':
      reason = `${what}: ${ix.show(f.path)} ${f.detail ?? `is ${f.state}`}`;
      nextStep = `delete ${ix.show(f.path)}${then}`;
      break;
    default:
      reason = `${what}: ${ix.show(f.path)} is ${f.state}`;
      nextStep = run;
  }
  return {
    status: f.state === 'ok' ? 'valid' : f.state,
    light: 'red',
    refreshesItself: false,
    reason,
    nextStep,
    ...(command ? { command } : {}),
    files,
  };
}

/** Credentials good until `expiresAtMs` and renewed only by a human running `command`. */
export function timed(ix: Inspector, expiresAtMs: number, what: string, command: string | undefined, files: CacheFileStatus[]): Evaluation {
  const ttl = ix.ttl(expiresAtMs);
  const at = formatTime(expiresAtMs);
  const light = ix.light(expiresAtMs);
  const base = { expiresAtMs, refreshesItself: false, files, ...(command ? { command } : {}) };
  if (ttl <= 0) {
    return {
      ...base,
      status: 'expired',
      light: 'red',
      reason: `${what} expired ${formatDuration(ttl)} ago (${at})`,
      nextStep: command ? `run ${command}` : 'log in again',
    };
  }
  const nextStep =
    light === 'green'
      ? `nothing to do until ${at}${command ? `; then run ${command}` : ''}`
      : command
        ? `run ${command} ${light === 'red' ? 'now' : 'soon'}`
        : `renew ${light === 'red' ? 'now' : 'soon'}`;
  return { ...base, status: 'valid', light, reason: `${what} valid for ${formatDuration(ttl)} (until ${at})`, nextStep };
}

export function configError(ix: Inspector, reason: string, nextStep: string): Evaluation {
  return { status: 'config-error', light: 'red', refreshesItself: false, reason, nextStep, files: [] };
}

/**
 * The SDK raises instead of giving credentials: red, with the exception and the key to fix. A missing
 * dependency and an MFA prompt have states of their own; everything else is a `config-error`.
 */
export function failureEvaluation(ix: Inspector, failure: ProviderFailure, files: CacheFileStatus[] = [], extra: { status?: ProfileState; command?: string } = {}): Evaluation {
  const status: ProfileState = extra.status ?? (failure.exception === 'MissingDependencyException' ? 'missing-dependency' : failure.location ? 'unparseable-config' : 'config-error');
  const where = failure.profile && !failure.location ? ` (profile ${failure.profile}${failure.key ? `, ${failure.key}` : ''})` : '';
  return {
    status,
    light: 'red',
    refreshesItself: false,
    reason: `the SDK raises ${failure.exception}${where}: ${failure.message}`,
    nextStep: failure.fix,
    ...(extra.command ? { command: extra.command } : {}),
    files,
    failure,
  };
}
