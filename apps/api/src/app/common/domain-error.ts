/** Kinds of failure a service can report; mapped to HTTP in one place (`HttpErrorFilter`). */
export enum DomainErrorCode {
  NotFound = 'not_found',
  Conflict = 'conflict',
  Invalid = 'invalid',
  Forbidden = 'forbidden',
  TooLarge = 'too_large',
  InvalidImport = 'invalid_import',
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Extra fields merged into the response body (e.g. the row errors of an import). */
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError(DomainErrorCode.NotFound, what);
export const conflict = (what: string) => new DomainError(DomainErrorCode.Conflict, what);
export const invalid = (what: string) => new DomainError(DomainErrorCode.Invalid, what);
export const forbidden = (what: string) => new DomainError(DomainErrorCode.Forbidden, what);
