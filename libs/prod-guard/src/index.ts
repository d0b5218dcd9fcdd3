/**
 * @awsmcp/prod-guard: keep AI coding hosts away from production AWS accounts by accident.
 * A commented `~/.aws-profile-tags.yaml` (profile -> environment), name heuristics that know
 * `product` from `prod`, and one guard with typed refusals every caller shares.
 */
export { ENVIRONMENTS, EnvironmentSchema, TAG_ALIASES, TagValueSchema, HostScopeSchema, McpServerSchema } from './schema';
export type { Environment, TagValue, HostScope, McpServerLike } from './schema';
export {
  TAGS_FILE_NAME,
  defaultTagsPath,
  readTags,
  parseTags,
  emptyTags,
  setTag,
  removeTag,
  writeTags,
  tagOf,
} from './tags-file';
export type { ProfileTags, TagEntry, WriteTagsOptions, WriteTagsResult } from './tags-file';
export { tokenize, detectEnv, roleHint, ENV_TOKENS, ENV_PRIORITY } from './heuristics';
export type { EnvDetection, TokenMatch, RoleHint, RoleAccess } from './heuristics';
export { suggestTags, SUGGEST_HEADER } from './suggest';
export type { TagSuggestion, SuggestTagsResult, SuggestTagsOptions } from './suggest';
export { isProd, prodClassifier, toProfileInfo } from './is-prod';
export type { ProdVerdict, VerdictSource, ProfileInfo, ProfileInput, TagsInput, ProfilesInput, IsProdContext, ProdClassifier } from './is-prod';
export { serverProfiles, serverKind, serverAccess, isPlaceholder } from './server';
export type { ServerProfileRef, ProfileSource, AccessSwitch, ServerAccess } from './server';
export { guard, evaluateGuard } from './guard';
export type {
  GuardAction,
  GuardContext,
  GuardResult,
  GuardEvaluation,
  GuardWarning,
  GuardWarningCode,
  Recommendation,
  RecommendationCode,
  GuardProfileRef,
} from './guard';
export { audit } from './audit';
export type { AuditFinding, AuditProfileRef } from './audit';
export { ProdGuardError, TagsFileError, GUARD_ERROR_CODES, ALLOW_FLAGS, PROD_GUARD_EXIT_CODE } from './errors';
export type { GuardErrorCode, TagsErrorCode, TagsIssue, ProdGuardErrorDetails } from './errors';
