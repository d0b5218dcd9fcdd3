/** Errors of this package carry a stable `code`. */
export type KitErrorCode =
  | 'UNKNOWN_KIT'
  | 'UNKNOWN_SERVER'
  | 'UNKNOWN_HOST'
  | 'UNSUPPORTED_HOST'
  | 'UNSUPPORTED_REGION'
  | 'KITS_FILE_SYNTAX'
  | 'KITS_FILE_INVALID'
  | 'MISSING_PROFILE'
  | 'MISSING_REGION'
  | 'FLAG_NOT_ACCEPTED'
  // planKit
  | 'INVALID_OPTION'
  | 'UNKNOWN_PROFILE'
  | 'NO_WORKSPACE_FILE'
  | 'NO_USER_FILE'
  | 'NO_TAGGED_PROFILE'
  | 'NO_USABLE_PROFILE'
  | 'TEMPLATE_LEAK';

export class KitError extends Error {
  /** What to do about it (a flag to pass, the closest valid names). */
  readonly hint?: string;
  constructor(
    readonly code: KitErrorCode,
    message: string,
    details: { hint?: string } = {},
  ) {
    super(message);
    this.name = 'KitError';
    if (details.hint !== undefined) this.hint = details.hint;
  }
}
