/**
 * errors: every refusal of the guard is a {@link ProdGuardError} with a stable `code`, the flag that
 * would allow it (or `null` when nothing does) and exit code 3, so every caller (CLI, Nx generator,
 * editor integration) shows the same message and exits the same way.
 */

/** The exit code of every refusal (`awsmcp` documents 3 = refused by the prod guard). */
export const PROD_GUARD_EXIT_CODE = 3;

export const GUARD_ERROR_CODES = ['PROD_WRITE_ENABLED', 'PROD_IN_USER_SCOPE', 'PROD_NO_TTY', 'PROD_NEEDS_CONFIRM'] as const;
export type GuardErrorCode = (typeof GUARD_ERROR_CODES)[number];

/** The flag that lifts each refusal; `null`: no flag does (write access to prod is never allowed). */
export const ALLOW_FLAGS: Readonly<Record<GuardErrorCode, string | null>> = Object.freeze({
  PROD_WRITE_ENABLED: null,
  PROD_IN_USER_SCOPE: '--allow-global-prod',
  PROD_NO_TTY: '--confirm',
  PROD_NEEDS_CONFIRM: '--confirm',
});

export interface ProdGuardErrorDetails {
  /** The production profile the refusal is about. */
  profile: string;
  /** Why that profile counts as production (from {@link isProd}). */
  reason: string;
  /** The server entry involved, when there is one. */
  server?: string;
  /** What to change so that the action is safe. */
  fix: string;
}

/** A refusal of the prod guard. `message` is the full, user-facing sentence. */
export class ProdGuardError extends Error {
  readonly exitCode = PROD_GUARD_EXIT_CODE;
  readonly allowFlag: string | null;
  readonly profile: string;
  readonly reason: string;
  readonly server?: string;
  readonly fix: string;

  constructor(
    readonly code: GuardErrorCode,
    message: string,
    details: ProdGuardErrorDetails,
  ) {
    super(message);
    this.name = 'ProdGuardError';
    this.allowFlag = ALLOW_FLAGS[code];
    this.profile = details.profile;
    this.reason = details.reason;
    this.fix = details.fix;
    if (details.server !== undefined) this.server = details.server;
  }
}

export type TagsErrorCode = 'TAGS_PARSE_ERROR' | 'TAGS_INVALID' | 'TAGS_READ_ERROR' | 'TAGS_WRITE_ERROR' | 'TAGS_EDIT_ERROR';

/** One problem in a tags file, at 1-based line and column. */
export interface TagsIssue {
  code: 'TAGS_PARSE_ERROR' | 'TAGS_INVALID';
  file: string;
  line: number;
  column: number;
  /** What is wrong and what was expected, without the location. */
  reason: string;
}

/**
 * The tags file cannot be read, parsed, validated, edited or written. For parse and validation
 * errors the message starts with `file:line:column:` and `issues` lists every problem found.
 */
export class TagsFileError extends Error {
  readonly line?: number;
  readonly column?: number;

  constructor(
    readonly code: TagsErrorCode,
    readonly file: string,
    readonly reason: string,
    readonly issues: TagsIssue[] = [],
    location?: { line: number; column: number },
  ) {
    super(location ? `${file}:${location.line}:${location.column}: ${reason}` : `${file}: ${reason}`);
    this.name = 'TagsFileError';
    if (location) {
      this.line = location.line;
      this.column = location.column;
    }
  }

  /** An error for a list of parse/validation issues (the first one is the headline). */
  static fromIssues(issues: TagsIssue[]): TagsFileError {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    return new TagsFileError(first.code, first.file, first.reason + more, issues, { line: first.line, column: first.column });
  }
}
