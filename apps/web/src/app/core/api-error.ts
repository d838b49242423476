import { HttpErrorResponse } from '@angular/common/http';

/** The error body the API sends (`{statusCode, error, message}`); validation may send a list of messages. */
interface ErrorBody {
  statusCode?: number;
  error?: string;
  message?: string | string[];
}

function isErrorBody(body: unknown): body is ErrorBody {
  return typeof body === 'object' && body !== null && 'message' in body;
}

/** The status of an HTTP failure, or null for anything else. */
export function httpStatus(error: unknown): number | null {
  return error instanceof HttpErrorResponse ? error.status : null;
}

/** A sentence a person can act on, from whatever an API call failed with. */
export function apiErrorMessage(error: unknown): string {
  if (!(error instanceof HttpErrorResponse)) {
    return error instanceof Error ? error.message : 'Something went wrong.';
  }
  if (error.status === 0) {
    return 'Could not reach the Floorwise server. Check your connection and try again.';
  }
  const body: unknown = error.error;
  if (isErrorBody(body) && body.message) {
    const message = Array.isArray(body.message) ? body.message.join('; ') : body.message;
    if (message.trim()) {
      return message;
    }
  }
  switch (error.status) {
    case 401:
      return 'Your session has ended. Sign in again.';
    case 403:
      return 'Your role is not allowed to do this.';
    case 404:
      return 'Not found. It may have been removed.';
    case 409:
      return 'This conflicts with an existing record.';
    case 413:
      return 'The request is too large for the server.';
    case 429:
      return 'Too many requests. Wait a moment and try again.';
    default:
      return error.status >= 500
        ? `The server failed (${error.status}). Try again; if it persists, tell your administrator.`
        : `The request failed (${error.status}).`;
  }
}
