/**
 * User-facing failures carry a stable `code` and a one-line message that says what was expected and
 * what was found. The CLI prints `message`, never the stack; anything that is not a CyberclaimsError
 * is a bug and is reported as such.
 */
export type ErrorCode =
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'FILE_UNWRITABLE'
  | 'FILE_EMPTY'
  | 'FILE_BINARY'
  | 'FILE_ENCODING'
  | 'FILE_TOO_LARGE'
  | 'JSON_MALFORMED'
  | 'JSON_NO_TEXT'
  | 'UNSUPPORTED_TYPE'
  | 'HTML_NO_TEXT'
  | 'DB_ERROR'
  | 'KB_INVALID'
  | 'IMPORT_INVALID'
  | 'NOT_FOUND'
  | 'BAD_ARGUMENT';

export class CyberclaimsError extends Error {
  override readonly name = 'CyberclaimsError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const isCyberclaimsError = (e: unknown): e is CyberclaimsError => e instanceof CyberclaimsError;

/** One line for the user: known errors by their message, anything else flagged as internal. */
export function describeError(e: unknown): string {
  if (isCyberclaimsError(e)) return e.message;
  const msg = e instanceof Error ? e.message : String(e);
  return `internal error: ${msg.split('\n')[0]}`;
}
