/** The public entry points: parse given texts, or locate + read + parse the user's files. */
import { ProfileFileReadError } from './errors';
import { locateProfileFiles, type Env, type PlatformName } from './locate';
import { ProfileSetBuilder, type ProfileSet } from './normalize';
import { scanProfileText, type ParseDiagnostic } from './parse';
import { readProfileFile } from './source';
import { readAsBotocore, type BotocoreReading } from './botocore';

export interface ParseProfileFilesInput {
  configText?: string;
  credentialsText?: string;
  /** Used in error messages and `locations`; defaults to `config` / `credentials`. */
  configPath?: string;
  credentialsPath?: string;
  /**
   * `false` (default): throw the first {@link ProfileParseError}, as the SDKs do.
   * `true`: record errors in `diagnostics`, skip the bad lines, and return everything else.
   */
  tolerant?: boolean;
}

/** Parse and normalize the given texts with the AWS SDKs' rules. */
export function parseProfileFiles(input: ParseProfileFilesInput): ProfileSet {
  const diagnostics: ParseDiagnostic[] = [];
  const options = { tolerant: input.tolerant ?? false, diagnostics };
  const builder = new ProfileSetBuilder(diagnostics);
  if (input.configText !== undefined) {
    const path = input.configPath ?? 'config';
    scanProfileText(input.configText, path, builder.file('config', path), options);
  }
  if (input.credentialsText !== undefined) {
    const path = input.credentialsPath ?? 'credentials';
    scanProfileText(input.credentialsText, path, builder.file('credentials', path), options);
  }
  const set = builder.finish();
  if (input.configPath !== undefined) set.files.config = input.configPath;
  if (input.credentialsPath !== undefined) set.files.credentials = input.credentialsPath;
  attachBotocoreReading(set, input);
  return set;
}

/** `set.botocore`: read with botocore's rules on first access (the texts are kept until then). */
function attachBotocoreReading(set: ProfileSet, input: ParseProfileFilesInput): void {
  let reading: BotocoreReading | undefined;
  const { configText, credentialsText, configPath, credentialsPath } = input;
  Object.defineProperty(set, 'botocore', {
    configurable: true,
    enumerable: false,
    get: () => (reading ??= readAsBotocore({ configText, credentialsText, configPath, credentialsPath })),
    set: (value: BotocoreReading) => {
      reading = value;
    },
  });
}

export interface LoadProfilesOptions {
  /** Environment to locate the files with (AWS_CONFIG_FILE, HOME, ...). Defaults to `process.env`. */
  env?: Env;
  platform?: PlatformName;
  /** Shortcut: use this folder as HOME (handy for tests and `--home`). */
  home?: string;
  /** Explicit paths win over the environment. */
  configFile?: string;
  credentialsFile?: string;
  /** See {@link ParseProfileFilesInput.tolerant}. In tolerant mode an unreadable file is a diagnostic, not a throw. */
  tolerant?: boolean;
}

/** Locate, read and parse `~/.aws/config` and `~/.aws/credentials`. A missing file counts as empty. */
export function loadProfiles(options: LoadProfilesOptions = {}): ProfileSet {
  const env: Env = { ...(options.env ?? process.env) };
  if (options.home !== undefined) {
    env.HOME = options.home;
    if (options.env === undefined) {
      delete env.AWS_CONFIG_FILE;
      delete env.AWS_SHARED_CREDENTIALS_FILE;
    }
  }
  const located = locateProfileFiles(env, options.platform);
  const configPath = options.configFile ?? located.configFile;
  const credentialsPath = options.credentialsFile ?? located.credentialsFile;
  const tolerant = options.tolerant ?? false;
  const readErrors: ParseDiagnostic[] = [];
  const read = (file: string): string | undefined => {
    try {
      return readProfileFile(file);
    } catch (err) {
      if (!tolerant || !(err instanceof ProfileFileReadError)) throw err;
      readErrors.push({ file, line: 0, column: 0, severity: 'error', message: err.reason });
      return undefined;
    }
  };
  const configText = read(configPath);
  const credentialsText = read(credentialsPath);
  const set = parseProfileFiles({ configText, credentialsText, configPath, credentialsPath, tolerant });
  set.files = { config: configPath, credentials: credentialsPath };
  set.diagnostics.unshift(...readErrors);
  return set;
}

