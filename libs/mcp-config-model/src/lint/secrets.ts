/** What counts as a secret in an MCP entry. Values are never echoed: only key names are reported. */
import { isSecretName as policyIsSecretName } from '../secrets/policy';

/** Static AWS credentials that must not sit in a config file. */
export const STATIC_CREDENTIAL_KEYS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN'] as const;

const ACCESS_KEY_ID = /(?<![A-Z0-9])(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])/;

/** An AWS access key id (`AKIA...` long-term, `ASIA...` temporary) appears in the value. */
export function containsAccessKeyId(value: string): boolean {
  return ACCESS_KEY_ID.test(value);
}

export function isStaticCredentialKey(key: string): boolean {
  return (STATIC_CREDENTIAL_KEYS as readonly string[]).includes(key.toUpperCase());
}

/** Env / header names whose values are secrets by their name: the secret policy's rule (secrets/policy.ts). */
export function isSecretName(key: string): boolean {
  return isStaticCredentialKey(key) || policyIsSecretName(key);
}
