/**
 * @awsmcp/aws-config-parser: read `~/.aws/config` and `~/.aws/credentials` exactly as the AWS SDKs
 * do, say what each profile is, resolve role chains, and edit the files losslessly.
 */
export { locateProfileFiles, resolveHome, expandHome } from './locate';
export type { Env, PlatformName, ProfileFileLocations } from './locate';
export { parseProfileFiles, loadProfiles } from './load';
export type { ParseProfileFilesInput, LoadProfilesOptions } from './load';
export { parseRaw, scanProfileText } from './parse';
export type { FileKind, RawFile, RawSection, RawProperty, ParseDiagnostic, ParseSink, RawParseOptions } from './parse';
export { normalize, ProfileSetBuilder, isValidIdentifier, parseSubProperties } from './normalize';
export type { ProfileSet, Profile, Section, SsoSession, ServicesSection, PropertyMap } from './normalize';
export { classifyProfile, parseRoleArn, credentialProcessTool, PROFILE_KINDS } from './classify';
export type { ProfileKind, ProfileClassification, CredentialProcessTool } from './classify';
export { resolveChain } from './chain';
export { unattendedProblem } from './unattended';
export type { RoleChain, RoleStep, BaseCredentials } from './chain';
export { editProfileFile } from './edit';
export type { ProfileFileDocument, EditOptions, SectionType } from './edit';
export { readProfileFile } from './source';
export { closestNames, levenshtein } from './suggest';
export {
  AwsConfigError,
  ProfileParseError,
  ProfileFileReadError,
  ChainError,
  ProfileEditError,
} from './errors';
export type { SourceLocation, ChainErrorCode } from './errors';
export { readAsBotocore, readIniAsBotocore, shlexSplit } from './botocore';
export type { BotocoreReading, BotocoreFileError, BotocoreSections, BotocoreValue, ReadAsBotocoreInput } from './botocore';
