import type { PoolClient } from 'pg';
import type { Readable } from 'node:stream';
import type { ImportKind, ImportResult } from '@floorwise/contracts';
import type { ImportProblems, RowProblems } from './import-problems';
import type { ColumnSpec, ImportFormat } from './record-reader';

/**
 * One import file kind: its columns, how a record becomes a row, and how rows are written.
 * The pipeline (`ImportService`) owns the transaction: writes happen inside it and are rolled
 * back whole when any row has a problem.
 */
export interface ImportHandler<Row> {
  readonly kind: ImportKind;
  readonly columns: readonly ColumnSpec[];
  /** Rows written per `writeBatch` call. */
  readonly batchSize: number;
  /** The field that identifies a row inside one file; a second row with the same key is a problem. */
  readonly keyField?: string;
  /** Loads what parsing needs (reference codes) inside the import's transaction. */
  begin(client: PoolClient): Promise<void>;
  /** Turns one record into a row, or records its problems and returns null. */
  parse(values: Record<string, string>, problems: RowProblems): Row | null;
  key?(row: Row): string;
  writeBatch(client: PoolClient, rows: Row[]): Promise<ImportResult>;
  /**
   * A kind that reads the body itself (the calls file: a faster path than a record object per
   * row) does it here, inside the transaction, recording every problem in `problems` and writing
   * nothing once there is one; returns the records read. `writeBatch` is then not called.
   */
  consume?(
    body: Readable,
    format: ImportFormat,
    client: PoolClient,
    problems: ImportProblems,
  ): Promise<number>;
  /** Called once after the last batch when the file had no problem. */
  finish?(client: PoolClient): Promise<ImportResult>;
  /** Called before the transaction is rolled back (e.g. to end an open COPY). */
  abort?(client: PoolClient): Promise<void>;
}

export const NO_COUNTS: ImportResult = { imported: 0, updated: 0, duplicates: 0 };

/** Reads a field through a parser, recording the problem under the field's name. */
export function field<T>(
  values: Record<string, string>,
  name: string,
  problems: RowProblems,
  parse: (v: string) => T,
): T | undefined {
  try {
    return parse(values[name] ?? '');
  } catch (e) {
    problems.add(name, `${name} ${(e as Error).message}`);
    return undefined;
  }
}

/** An optional field: empty or absent gives null. */
export function optional<T>(
  values: Record<string, string>,
  name: string,
  problems: RowProblems,
  parse: (v: string) => T,
): T | null | undefined {
  const v = values[name];
  if (v === undefined || v.trim() === '') {
    return null;
  }
  return field(values, name, problems, parse);
}

/** A required field: empty is a problem of its own ("is required"). */
export function required<T>(
  values: Record<string, string>,
  name: string,
  problems: RowProblems,
  parse: (v: string) => T,
): T | undefined {
  const v = values[name];
  if (v === undefined || v.trim() === '') {
    problems.add(name, `${name} is required`);
    return undefined;
  }
  return field(values, name, problems, parse);
}
