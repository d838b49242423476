import { createWriteStream, WriteStream } from 'node:fs';
import { once } from 'node:events';

export type Cell = string | number | boolean | null;
export type OutputFormat = 'csv' | 'ndjson';

const FLUSH_AT_CHARS = 1 << 22;
const NEEDS_QUOTES = /[",\r\n]/;

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  return NEEDS_QUOTES.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
}

/**
 * One import file, written as CSV (header row, RFC 4180 quoting, CRLF-free `\n` line ends) or as
 * NDJSON with the same field names (empty optional fields left out). Rows are appended to a
 * string buffer that is handed to the stream in large chunks; `drain()` waits for the stream when
 * it pushes back, so memory stays flat however many rows are written.
 */
export class TableWriter {
  rows = 0;
  /** While muted, rows are dropped (used for the generator's warm-up weeks). */
  muted = false;
  private buffer = '';
  private readonly stream: WriteStream;

  private readonly money: boolean[];

  /** `moneyColumns` are written with two decimals in CSV (`15.80`) and as numbers in NDJSON. */
  constructor(
    readonly path: string,
    readonly columns: readonly string[],
    readonly format: OutputFormat,
    moneyColumns: readonly string[] = [],
  ) {
    this.money = columns.map((c) => moneyColumns.includes(c));
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    if (format === 'csv') this.buffer = columns.join(',') + '\n';
  }

  write(cells: readonly Cell[]): void {
    if (this.muted) return;
    this.rows++;
    if (this.format === 'csv') {
      let line = '';
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i];
        if (i > 0) line += ',';
        line += this.money[i] && typeof cell === 'number' ? cell.toFixed(2) : csvField(cell);
      }
      this.buffer += line + '\n';
    } else {
      const record: Record<string, Cell> = {};
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i];
        if (cell !== null && cell !== '') record[this.columns[i]] = cell;
      }
      this.buffer += JSON.stringify(record) + '\n';
    }
  }

  /** Hands the buffer to the stream once it is large, waiting if the stream pushes back. */
  async drain(): Promise<void> {
    if (this.buffer.length >= FLUSH_AT_CHARS) await this.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
}
