/**
 * suggest: a starter `~/.aws-profile-tags.yaml` from the profiles' names, accounts and roles, one
 * line per profile with a `# detected: ...` comment saying why. Profiles the heuristics cannot place
 * get a commented-out line (`# name: unknown  # detected: ...`) so the file stays valid and the
 * profile is still listed for a human to tag.
 */
import { prodClassifier, listProfiles, type ProfilesInput, type TagsInput, type VerdictSource } from './is-prod';
import type { RoleHint } from './heuristics';
import { yamlScalar } from './tags-file';

export interface TagSuggestion {
  profile: string;
  /** The suggested environment; absent when nothing in the name, role or account says one. */
  env?: string;
  prod: boolean;
  source: VerdictSource;
  /** The text after `# detected:`. */
  reason: string;
  accountId?: string;
  role?: RoleHint;
}

export interface SuggestTagsResult {
  /** The starter file: valid YAML for {@link parseTags}. */
  text: string;
  suggestions: TagSuggestion[];
}

export interface SuggestTagsOptions {
  /** Existing tags: kept as they are and used as account evidence. */
  tags?: TagsInput;
  /** Start the file with the explanatory header (default true). */
  header?: boolean;
}

export const SUGGEST_HEADER = [
  '# AWS profile -> environment, read by @awsmcp/prod-guard (awsmcp).',
  '# Values: prod, staging, dev, sandbox, shared-services, or your own label.',
  '# Generated from profile names, accounts and roles: check every line, then keep or fix it.',
  '# Commented-out lines are profiles nothing could be detected for: tag them yourself.',
];

function yamlKey(name: string): string {
  return yamlScalar(name);
}

/**
 * Suggest tags for profiles (a ProfileSet from `loadProfiles`, or a list of names / profiles).
 * Returns the starter file text and the structured suggestions, in the profiles' order.
 */
export function suggestTags(profiles: ProfilesInput, options: SuggestTagsOptions = {}): SuggestTagsResult {
  const classify = prodClassifier(options.tags, { profiles });
  const suggestions: TagSuggestion[] = [];
  const lines: string[] = options.header === false ? [] : [...SUGGEST_HEADER];
  for (const info of listProfiles(profiles)) {
    const v = classify(info);
    const s: TagSuggestion = { profile: v.profile, prod: v.prod, source: v.source, reason: v.source === 'tag' ? `already ${v.reason}` : v.reason };
    if (v.env !== undefined) s.env = v.env;
    if (v.accountId) s.accountId = v.accountId;
    if (v.role) s.role = v.role;
    suggestions.push(s);
    const comment = `# detected: ${s.reason.replace(/\r?\n/g, ' ')}`;
    lines.push(s.env !== undefined ? `${yamlKey(s.profile)}: ${yamlKey(s.env)}  ${comment}` : `# ${yamlKey(s.profile)}: unknown  ${comment}`);
  }
  return { text: lines.length > 0 ? `${lines.join('\n')}\n` : '', suggestions };
}
