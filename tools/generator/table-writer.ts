import { createWriteStream, WriteStream } from 'node:fs';
import { once } from 'node:events';

export type Cell = string | number | boolean | null;
export type OutputFormat = 'csv' | 'ndjson';

const CHUNK_BYTES = 1 << 22;
const NEEDS_QUOTES = /[",\r\n]/;

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  return NEEDS_QUOTES.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
}

/**
 * One import file, written as CSV (header row, RFC 4180 quoting, `\n` line ends) or as NDJSON with
 * the same field names (empty optional fields left out). Each row is encoded straight into a
 * large byte chunk, so row strings die young and the garbage collector stays idle; full chunks
 * go to the stream, and `drain()` waits whenever the stream pushes back, so memory stays flat
 * however many rows are written.
 */
export class TableWriter {
  rows = 0;
  /** While muted, rows are dropped (used for the generator's warm-up weeks). */
  muted = false;
  private chunk: Buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  /** Chunks the stream has finished with, reused so no new memory is allocated per chunk. */
  private readonly spare: Buffer[] = [];
  private used = 0;
  /** Set while the stream has pushed back: resolves on its next 'drain'. */
  private drained: Promise<unknown> | null = null;
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
    this.stream = createWriteStream(path);
    if (format === 'csv') this.append(columns.join(',') + '\n', 'utf8');
  }

  /** Writes a row, quoting fields as needed. */
  write(cells: readonly Cell[]): void {
    this.writeRow(cells, true);
  }

  /**
   * Writes a row whose strings the caller guarantees to be plain ASCII without commas, quotes or
   * line breaks (codes, enum values, ISO timestamps, digits): no quoting check, no UTF-8 encoding.
   */
  writeAscii(cells: readonly Cell[]): void {
    this.writeRow(cells, false);
  }

  /** Waits for the stream if it pushed back. */
  async drain(): Promise<void> {
    const drained = this.drained;
    if (drained) {
      await drained;
      this.drained = null;
    }
  }

  async close(): Promise<void> {
    this.handOff();
    await this.drain();
    this.stream.end();
    await once(this.stream, 'finish');
  }

  private writeRow(cells: readonly Cell[], quote: boolean): void {
    if (this.muted) return;
    this.rows++;
    if (this.format === 'csv') {
      let line = '';
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i];
        if (i > 0) line += ',';
        if (cell === null) continue;
        if (typeof cell === 'string') line += quote ? csvField(cell) : cell;
        else if (this.money[i] && typeof cell === 'number') line += cell.toFixed(2);
        else line += cell;
      }
      this.append(line + '\n', quote ? 'utf8' : 'latin1');
    } else {
      const record: Record<string, Cell> = {};
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i];
        if (cell !== null && cell !== '') record[this.columns[i]] = cell;
      }
      this.append(JSON.stringify(record) + '\n', 'utf8');
    }
  }

  private append(text: string, encoding: 'utf8' | 'latin1'): void {
    // A UTF-16 code unit never takes more than 3 bytes in UTF-8.
    if (this.used + text.length * 3 > this.chunk.length) {
      this.handOff();
      if (text.length * 3 > this.chunk.length) this.chunk = Buffer.allocUnsafe(text.length * 3);
    }
    this.used += this.chunk.write(text, this.used, encoding);
  }

  private handOff(): void {
    if (this.used === 0) return;
    const full = this.chunk;
    const written = () => {
      if (full.length === CHUNK_BYTES) this.spare.push(full);
    };
    // Listen for 'drain' right away: it may fire while the caller awaits another writer.
    if (!this.stream.write(full.subarray(0, this.used), written) && !this.drained) {
      this.drained = once(this.stream, 'drain');
    }
    this.chunk = this.spare.pop() ?? Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
  }
}
