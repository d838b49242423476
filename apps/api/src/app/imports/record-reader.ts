import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { CsvScanner, ScannedRecord, ScanProblem } from './csv-scanner';
import { ImportProblems } from './import-problems';

export type ImportFormat = 'csv' | 'ndjson';

export interface ColumnSpec {
  name: string;
  required: boolean;
}

export interface SourceRecord {
  /** CSV: the line the record starts on, 1 being the header. NDJSON: the physical line. */
  line: number;
  /** Values by column; a column left out or left empty is `''`. */
  values: Record<string, string>;
  /**
   * Fields whose problem the reader already recorded (NDJSON: unknown, missing or not a scalar).
   * The record is still checked for its other fields, so every problem is listed, but never written.
   */
  reported?: string[];
}

/**
 * Streams the records of an import file in batches (one per chunk read), checking its columns
 * against the spec: unknown columns and missing required columns are problems at line 1 (CSV
 * header) or at the record (NDJSON). Holds at most one chunk's records in memory.
 */
export async function* readRecords(
  body: Readable,
  format: ImportFormat,
  columns: readonly ColumnSpec[],
  problems: ImportProblems,
): AsyncGenerator<SourceRecord[]> {
  if (format === 'csv') {
    yield* readCsv(body, columns, problems);
  } else {
    yield* readNdjson(body, columns, problems);
  }
}

async function* readCsv(
  body: Readable,
  columns: readonly ColumnSpec[],
  problems: ImportProblems,
): AsyncGenerator<SourceRecord[]> {
  const scanner = new CsvScanner();
  const decoder = new StringDecoder('utf8');
  let header: string[] | null = null;
  let usable = true;
  const convert = (scanned: ScannedRecord[], scanProblems: ScanProblem[]): SourceRecord[] => {
    for (const p of scanProblems) {
      problems.add(p.line, '', `cannot be read as CSV: the record ${p.message}`);
    }
    const batch: SourceRecord[] = [];
    for (const { line, fields } of scanned) {
      if (header === null) {
        header = fields.map((h) => h.trim());
        usable = checkHeader(header, columns, problems);
        continue;
      }
      if (!usable) {
        continue;
      }
      if (fields.length !== header.length) {
        problems.add(line, '', `has ${fields.length} fields; the header has ${header.length}`);
        continue;
      }
      const values: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) {
        values[header[i]] = fields[i];
      }
      batch.push({ line, values });
    }
    return batch;
  };
  for await (const chunk of body as AsyncIterable<Buffer | string>) {
    const scanned: ScannedRecord[] = [];
    const scanProblems: ScanProblem[] = [];
    scanner.push(typeof chunk === 'string' ? chunk : decoder.write(chunk), scanned, scanProblems);
    const batch = convert(scanned, scanProblems);
    if (batch.length > 0) {
      yield batch;
    }
  }
  const scanned: ScannedRecord[] = [];
  const scanProblems: ScanProblem[] = [];
  scanner.push(decoder.end(), scanned, scanProblems);
  scanner.end(scanned, scanProblems);
  const batch = convert(scanned, scanProblems);
  if (batch.length > 0) {
    yield batch;
  }
  if (header === null) {
    problems.add(1, '', 'the file is empty: a header row is required');
  }
}

export function checkHeader(
  header: string[],
  columns: readonly ColumnSpec[],
  problems: ImportProblems,
): boolean {
  const known = new Set(columns.map((c) => c.name));
  const before = problems.count;
  const seen = new Set<string>();
  for (const h of header) {
    if (!known.has(h)) {
      problems.add(
        1,
        h,
        `unknown column "${h}"; allowed: ${columns.map((c) => c.name).join(', ')}`,
      );
    } else if (seen.has(h)) {
      problems.add(1, h, `column "${h}" appears twice`);
    }
    seen.add(h);
  }
  for (const c of columns) {
    if (c.required && !seen.has(c.name)) {
      problems.add(1, c.name, `required column "${c.name}" is missing`);
    }
  }
  return problems.count === before;
}

async function* readNdjson(
  body: Readable,
  columns: readonly ColumnSpec[],
  problems: ImportProblems,
): AsyncGenerator<SourceRecord[]> {
  let batch: SourceRecord[] = [];
  for await (const record of ndjsonRecords(body, columns, problems)) {
    batch.push(record);
    if (batch.length >= 1000) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) {
    yield batch;
  }
}

async function* ndjsonRecords(
  body: Readable,
  columns: readonly ColumnSpec[],
  problems: ImportProblems,
): AsyncGenerator<SourceRecord> {
  const known = new Set(columns.map((c) => c.name));
  const lines = createInterface({ input: body, crlfDelay: Infinity });
  let line = 0;
  let any = false;
  for await (const raw of lines) {
    line += 1;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim().length === 0) {
      continue;
    }
    any = true;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      problems.add(line, '', `is not valid JSON: ${(e as Error).message}`);
      continue;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      problems.add(line, '', 'is not a JSON object');
      continue;
    }
    const values: Record<string, string> = {};
    const reported: string[] = [];
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
      if (!known.has(k)) {
        problems.add(line, k, `unknown field "${k}"`);
        reported.push(k);
        continue;
      }
      if (v === null || v === undefined) {
        values[k] = '';
      } else if (typeof v === 'string') {
        values[k] = v;
      } else if (typeof v === 'number' || typeof v === 'boolean') {
        values[k] = String(v);
      } else {
        problems.add(line, k, `${k} must be a string, number or boolean`);
        reported.push(k);
      }
    }
    for (const c of columns) {
      if (c.required && !(c.name in values) && !reported.includes(c.name)) {
        problems.add(line, c.name, `required field "${c.name}" is missing`);
        reported.push(c.name);
      }
    }
    // Yielded even with problems so its other fields are checked too (the pipeline writes nothing).
    yield reported.length > 0 ? { line, values, reported } : { line, values };
  }
  if (!any) {
    problems.add(1, '', 'the file is empty');
  }
}
