/**
 * profiles: the engineer's AWS profiles (from the files the SDKs read, located through HOME and
 * AWS_CONFIG_FILE of the environment) and the production tags, for the template generator.
 */
import * as os from 'node:os';
import { loadProfiles, resolveHome, type Env, type ProfileSet } from '@awsmcp/aws-config-parser';
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
