/** Where something is in a profile file: 1-based line and column. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** Every error this package throws extends this class and carries a stable `code`. */
export class AwsConfigError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * A profile file could not be parsed. The message starts with `file:line:column:` and then says
 * what was expected, e.g. `~/.aws/config:3:14: Profile definition must end with ']'`.
 */
export class ProfileParseError extends AwsConfigError implements SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The reason alone, without the location prefix. */
  readonly reason: string;

  constructor(location: SourceLocation, reason: string) {
    super('PARSE_ERROR', `${location.file}:${location.line}:${location.column}: ${reason}`);
    this.file = location.file;
    this.line = location.line;
    this.column = location.column;
    this.reason = reason;
  }
}

/** A profile file exists but cannot be read (a directory, no permission, ...). */
export class ProfileFileReadError extends AwsConfigError {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly errno?: string,
  ) {
    super('READ_ERROR', `${file}: ${reason}`);
  }
}

export type ChainErrorCode =
  | 'PROFILE_NOT_FOUND'
  | 'SOURCE_PROFILE_NOT_FOUND'
  | 'CHAIN_LOOP'
  | 'SOURCE_PROFILE_AND_CREDENTIAL_SOURCE'
  | 'ROLE_WITHOUT_SOURCE'
  | 'PARTIAL_STATIC_KEYS'
  | 'NO_CREDENTIAL_SOURCE'
  | 'INVALID_CREDENTIAL_SOURCE';

/** A role chain cannot be resolved; `profiles` names every profile involved, in chain order. */
export class ChainError extends AwsConfigError {
  constructor(
    code: ChainErrorCode,
    message: string,
    readonly profiles: string[],
  ) {
    super(code, message);
  }
}

/** An edit was refused (invalid name, a value with a newline, a profile that already exists...). */
export class ProfileEditError extends AwsConfigError {
  constructor(message: string) {
    super('EDIT_ERROR', message);
  }
}
