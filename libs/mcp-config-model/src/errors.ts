/** Where something is in a config file: 1-based line and column (UTF-16 code units). */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

export type JsonPath = (string | number)[];

/** Every error this package throws extends this class and carries a stable `code`. */
export class McpConfigError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** One problem found in a config file, with its position and what was expected. */
export interface ConfigIssue extends SourcePosition {
  /** Stable identifier, e.g. `SYNTAX`, `NOT_AN_OBJECT`, `DUPLICATE_SERVER`, `WRONG_ROOT_KEY`, `SCHEMA`. */
  code: string;
  severity: 'error' | 'warning';
  /** JSON path of the offending node (empty for the root). */
  jsonPath: JsonPath;
  /** What was expected, without the location prefix. */
  message: string;
}

export function formatIssue(issue: ConfigIssue): string {
  return `${issue.file}:${issue.line}:${issue.column}: ${issue.message}`;
}

/**
 * The file is not valid JSON (or JSONC, where the host allows it). The message starts with
 * `file:line:column:` and says what was expected; `issues` lists every syntax error found.
 */
export class ConfigParseError extends McpConfigError implements SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly reason: string;
  constructor(readonly issues: ConfigIssue[]) {
    const first = issues[0]!;
    super('PARSE_ERROR', formatIssue(first) + (issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''));
    this.file = first.file;
    this.line = first.line;
    this.column = first.column;
    this.reason = first.message;
  }
}

/**
 * The file parses, but does not have the shape the host reads: the first issue is in the message,
 * all of them (each with line and column) are in `issues`.
 */
export class ConfigSchemaError extends McpConfigError implements SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  constructor(readonly issues: ConfigIssue[]) {
    const first = issues[0]!;
    super('SCHEMA_ERROR', formatIssue(first) + (issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''));
    this.file = first.file;
    this.line = first.line;
    this.column = first.column;
  }
}

/** The file exists but cannot be read: a directory, no permission, too large, invalid UTF-8... */
export class ConfigReadError extends McpConfigError {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly errno?: string,
    readonly position?: { line: number; column: number },
  ) {
    super('READ_ERROR', position ? `${file}:${position.line}:${position.column}: ${reason}` : `${file}: ${reason}`);
  }
}

/** Writing failed; the original file is untouched and no temporary file is left behind. */
export class ConfigWriteError extends McpConfigError {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly errno?: string,
  ) {
    super('WRITE_ERROR', `${file}: ${reason}`);
  }
}

/** The lock next to the file could not be taken in time. */
export class ConfigLockError extends McpConfigError {
  constructor(
    readonly file: string,
    readonly lockFile: string,
    reason: string,
  ) {
    super('LOCK_ERROR', `${file}: ${reason}`);
  }
}

/** An edit was refused (read-only legacy host, unknown server, duplicate name, broken file...). */
export class ConfigEditError extends McpConfigError {
  constructor(message: string) {
    super('EDIT_ERROR', message);
  }
}

/** Hydration failed: every missing variable is in `missing`, schema problems in `issues`. */
export class HydrateError extends McpConfigError {
  constructor(
    message: string,
    readonly missing: string[],
    readonly issues: ConfigIssue[] = [],
  ) {
    super('HYDRATE_ERROR', message);
  }
}
