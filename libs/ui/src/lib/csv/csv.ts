/** A cell value the CSV writer accepts; null and undefined become an empty field. */
export type CsvCell = string | number | boolean | null | undefined;

/** One column of an export: its header and how to read the cell from a row. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvCell;
}

export interface CsvOptions {
  /**
   * Prefix text cells that start with `=`, `+`, `-`, `@`, tab or carriage return with `'`,
   * so a spreadsheet opening the file does not evaluate them as formulas (OWASP "CSV injection").
   * Numbers are never touched. Default true.
   */
  neutralizeFormulas?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Formats one field per RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(cell: CsvCell, options: CsvOptions = {}): string {
  if (cell === null || cell === undefined) {
    return '';
  }
  let text: string;
  if (typeof cell === 'number') {
    text = Number.isFinite(cell) ? String(cell) : '';
  } else if (typeof cell === 'boolean') {
    text = cell ? 'true' : 'false';
  } else {
    text = cell;
    if ((options.neutralizeFormulas ?? true) && FORMULA_START.test(text)) {
      text = `'${text}`;
    }
  }
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes rows as RFC 4180 CSV: a header line, then one record per row, CRLF between records
 * and after the last one.
 */
export function toCsv<T>(
  columns: readonly CsvColumn<T>[],
  rows: readonly T[],
  options: CsvOptions = {},
): string {
  const lines = [columns.map((column) => csvField(column.header, options)).join(',')];
  for (const row of rows) {
    lines.push(columns.map((column) => csvField(column.value(row), options)).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/**
 * Hands a CSV string to the browser as a download. A UTF-8 byte-order mark is prepended
 * so spreadsheet programs read non-ASCII names correctly.
 */
export function downloadCsv(filename: string, csv: string, doc: Document = document): void {
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename.endsWith('.csv') ? filename : `${filename}.csv`;
  link.style.display = 'none';
  doc.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke on the next tick: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** `floorwise-agents-2025-03-14.csv`: a file name stamped with the local date. */
export function csvFileName(subject: string, now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `floorwise-${subject}-${date}.csv`;
}
