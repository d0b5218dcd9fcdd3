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
  | 'FLAG_NOT_ACCEPTED';

export class KitError extends Error {
  constructor(
    readonly code: KitErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'KitError';
  }
}
