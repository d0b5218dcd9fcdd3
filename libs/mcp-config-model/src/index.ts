/**
 * @awsmcp/mcp-config-model: one model of "an MCP server entry in some AI host's config file", with
 * one adapter per host. Read (JSONC where allowed, errors at file:line:column), list with AWS
 * profile / region, edit as minimal text edits, write atomically under a lock, template, hydrate, lint.
 */
export {
  TRANSPORTS,
  SCOPES,
  HOST_IDS,
  AWS_SOURCES,
  TransportSchema,
  ScopeSchema,
  HostIdSchema,
  JsonPathSchema,
  StringMapSchema,
  VariableRefSchema,
  AwsValueSchema,
  AwsSettingsSchema,
  ServerLocationSchema,
  ServerSpecSchema,
  ServerEntrySchema,
  VsCodeInputSchema,
  toServerSpec,
} from './model/schema';
export type { Transport, Scope, HostId, VariableRef, AwsValue, AwsSettings, ServerLocation, ServerSpec, ServerEntry, VsCodeInput } from './model/schema';
export { findVariableRefs } from './model/variables';
export type { VariableSyntax } from './model/variables';
export { detectAws, findArgValues } from './model/aws';
export type { ArgValue } from './model/aws';

export { HOSTS, getHost, detectHostFile } from './hosts/index';
export type { DetectedHostFile } from './hosts/index';
export { hostInstallation, installedHostIds } from './hosts/installed';
export { readApprovedVariables, approvedVariablesFiles, APPROVED_VARIABLES_SETTING } from './hosts/approved-variables';
export type { ApprovedVariables } from './hosts/approved-variables';
export type { HostInstallation, HostInstallationOptions } from './hosts/installed';
export { resolvePathContext, appDataDir } from './hosts/paths';
export type { PathContextInput } from './hosts/paths';
export type { HostAdapter, HostFile, PathContext, Platform, Env, TemplateStyle } from './hosts/types';

export { parseHostConfig, readHostConfig, readConfigText, DEFAULT_MAX_BYTES } from './read';
export type { HostConfigDocument, ParseHostConfigOptions, ReadHostConfigOptions, FsApi } from './read';
export { listServers, hostFiles } from './list';
export type { ListServersResult, ListServersOptions, FileReport } from './list';

export { addServers, patchServer, patchServers, removeServer } from './edit';
export type { EditOptions, AddServersOptions, EditResult, ServerPatch } from './edit';
export { inferFormat } from './text/format';
export type { TextFormat } from './text/format';

export { writeConfigFile, updateConfigFile, resolveWriteTarget } from './write';
export type { WriteOptions, UpdateOptions, WriteResult } from './write';
export {
  safeWriteFileSync,
  safeUpdateFileSync,
  safeUpdateFile,
  planWrites,
  resolveWriteTargetSync,
  realPathOf,
  sameRealFile,
  backupRoot,
  backupDirFor,
  listBackups,
  cleanStaleTemps,
  writeFileAtomicSync,
  withFileLock,
  lockFile,
  lockFileSync,
  lockFileFor,
} from './safe-write';
export type { SafeFs, SafeWriteOptions, SafeWriteResult, BackupOptions, LockOptions, FileLock, PlannedWrite, PlannedFile, CommittedFile, WritePlan } from './safe-write';

export { toTemplate, hydrate, hydrateFile, inputIdFor, hydrationPlan, isProfileVariable, isDefaultHydrateVariable, HYDRATE_KEY, formatPath } from './template';
export { templateVariable, type TemplateWarning } from './template';
export type { TemplateOptions, TemplateResult, HydrateOptions, HydrationPlan } from './template';
export {
  classifyTemplateValue,
  scrubTemplateValue,
  scrubTemplateArgs,
  findTemplateSecrets,
  isTemplateSecretName,
  isSecretValue as isTemplateSecretValue,
  isSecretFlag,
  looksRandom,
  variableNameFor,
  TemplateSecretError,
} from './template-secrets';
export type { ValuePlace, TemplateValueKind, TemplateValueVerdict, SecretPart, ScrubResult, ArgsScrub, TemplateSecretFinding, TemplateEntryLike, PlaceholderFn } from './template-secrets';

export { lint, lintText } from './lint/lint';
export type { LintFinding, LintTarget, LintOptions, LintCode } from './lint/lint';
export { detectServerPackage, findCatalogServer, normalizePackageName } from './lint/catalog';
export type { Catalog, CatalogServer, ServerPackage } from './lint/catalog';
export { STATIC_CREDENTIAL_KEYS, containsAccessKeyId } from './lint/secrets';

export {
  SECRET_MASK,
  isSecretName,
  classifySecretName,
  isSecretValue,
  maskValue,
  maskSecretsInText,
  secretArgs,
  secretArgIndexes,
  redactArgs,
  redactUrl,
  redactEntry,
  redactJsonValue,
  secretStrings,
  entrySecretValues,
  maskKnownSecrets,
} from './secrets/policy';
export type { SecretArg, RedactableEntry } from './secrets/policy';
export { secretMaskerFor, diffConfigValues, parseLenient } from './secrets/config-text';
export type { ValueChange } from './secrets/config-text';
export { sanitizeLine, sanitizeText, sanitizeStrings, escapeJsonForTerminal, escapeControl, hasUnsafeChars, UNSAFE_CHARS, UNSAFE_JSON_CHARS } from './terminal/sanitize';

export {
  McpConfigError,
  ConfigParseError,
  ConfigSchemaError,
  ConfigReadError,
  ConfigWriteError,
  ConfigLockError,
  ConfigEditError,
  HydrateError,
  formatIssue,
} from './errors';
export type { SourcePosition, ConfigIssue, JsonPath } from './errors';
