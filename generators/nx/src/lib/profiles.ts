/**
 * profiles: the engineer's AWS profiles (from the files the SDKs read, located through HOME and
 * AWS_CONFIG_FILE of the environment), the production tags, and "did you mean" suggestions.
 */
import * as os from 'node:os';
import { classifyProfile, closestNames, loadProfiles, resolveHome, type Env, type ProfileSet } from '@awsmcp/aws-config-parser';
import { defaultTagsPath, readTags, type ProfileTags } from '@awsmcp/prod-guard';

export interface UserAws {
  set: ProfileSet;
  tags: ProfileTags;
  /** The config file read (for messages). */
  configFile: string;
  /** The home folder of the environment (HOME, USERPROFILE, ...). */
  home: string;
}

/** Read the profiles (tolerant: a broken line never hides the others) and the tags file. */
export function readUserAws(env: Env = process.env): UserAws {
  const set = loadProfiles({ env, tolerant: true });
  const tags = readTags(defaultTagsPath(env));
  return { set, tags, configFile: set.files.config ?? '~/.aws/config', home: resolveHome(env) ?? os.homedir() };
}

export function profileNames(set: ProfileSet): string[] {
  return Object.keys(set.profiles).sort();
}

/** The region a profile sets in the config file, if any. */
export function profileRegion(set: ProfileSet, name: string): string | undefined {
  return set.profiles[name]?.properties.region;
}

/** The account a profile reaches (SSO account id, Granted account id or the role ARN's account). */
export function profileAccount(set: ProfileSet, name: string): string | undefined {
  const p = set.profiles[name];
  return p ? classifyProfile(p, set).accountId : undefined;
}

/** Throws when `profile` is not configured, naming the closest profiles that are. */
export function assertProfileExists(aws: UserAws, profile: string): void {
  if (aws.set.profiles[profile]) return;
  const names = profileNames(aws.set);
  const near = closestNames(profile, names);
  const hint =
    near.length > 0
      ? ` Closest: ${near.join(', ')}.`
      : names.length > 0
        ? ` No close match; configured: ${names.slice(0, 10).join(', ')}${names.length > 10 ? ', ...' : ''}.`
        : ' No profiles are configured there.';
  throw new Error(
    `profile '${profile}' is not in ${aws.configFile}.${hint} Pass an existing --profile, or --no-validate-profile when the profile only exists elsewhere (CI).`,
  );
}
