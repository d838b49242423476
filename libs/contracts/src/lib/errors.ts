/** Every error the API returns (interfaces.md): `{statusCode, error, message}`. */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
}

/** One problem in an import file: line 1 is the header. */
export interface ImportRowError {
  line: number;
  field: string;
  message: string;
}

/** `422` body of an import that was rejected whole. */
export interface ImportRejected extends ApiError {
  errors: ImportRowError[];
  /** How many problems were found in all; `errors` lists at most the first 1,000. */
  errorCount: number;
  truncated: boolean;
}

/** `200` body of an import (interfaces.md). */
export interface ImportResult {
  imported: number;
  updated: number;
  duplicates: number;
}

export const IMPORT_KINDS = ['sites', 'teams', 'campaigns', 'agents', 'shifts', 'calls'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** `GET /api/health` (interfaces.md). */
export interface HealthResponse {
  status: 'ok' | 'error';
  db: 'up' | 'down';
}
