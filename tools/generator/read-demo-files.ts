import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'csv-parse/sync';
import { DateTime, IANAZone } from 'luxon';

/** Helpers for the generator's specs: read the files back the way an importer would. */

export interface CsvTable {
  header: string[];
  rows: Record<string, string>[];
}

export function readCsv(dir: string, name: string): CsvTable {
  const records: string[][] = parse(readFileSync(join(dir, `${name}.csv`), 'utf8'), {
    bom: false,
    relax_column_count: false,
  });
  const [header, ...data] = records;
  return {
    header,
    rows: data.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]]))),
  };
}

/**
 * Calls files are large and contain no quoted field, so they are read by splitting lines; the
 * callback gets each row's cells in column order.
 */
export function forEachPlainCsvRow(
  dir: string,
  name: string,
  onRow: (cells: string[]) => void,
): string[] {
  const text = readFileSync(join(dir, `${name}.csv`), 'latin1');
  if (text.includes('"')) throw new Error(`${name}.csv has quoted fields`);
  let start = text.indexOf('\n');
  const header = text.slice(0, start).split(',');
  start++;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    onRow(text.slice(start, end).split(','));
    start = end + 1;
  }
  return header;
}

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})([+-])(\d{2}):(\d{2})$/;

/** Epoch seconds of an ISO 8601 timestamp that must carry an explicit offset and exist. */
export function instantOf(iso: string): number {
  const m = ISO_WITH_OFFSET.exec(iso);
  if (!m) throw new Error(`not an ISO 8601 timestamp with offset: ${iso}`);
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  const local = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(local);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    throw new Error(`date or time does not exist: ${iso}`);
  }
  return (local - writtenOffset(m) * 60000) / 1000;
}

function writtenOffset(m: RegExpExecArray): number {
  return (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9]));
}

const zones = new Map<string, IANAZone>();

/** Whether the offset written in the timestamp is the zone's offset at that instant. */
export function offsetMatchesZone(iso: string, zone: string): boolean {
  let z = zones.get(zone);
  if (!z) {
    z = IANAZone.create(zone);
    zones.set(zone, z);
  }
  const m = ISO_WITH_OFFSET.exec(iso);
  if (!m) return false;
  return z.offset(instantOf(iso) * 1000) === writtenOffset(m);
}

export function isValidDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text, { zone: 'utc' }).isValid;
}
