/**
 * PostgreSQL's binary COPY format, written straight into one growing buffer: a header, then per
 * row a field count and per field its byte length (−1 for NULL) and value in network order, then
 * a trailer (https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4). Binary COPY
 * spares the server parsing text for every field and Node building a string per row.
 */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const TWO_32 = 4_294_967_296;
/** Room kept after a variable-length field for the fixed-size fields left in its row (≤ 64). */
const ROW_SLACK = 64 * 12;

export class CopyBinaryWriter {
  private buf: Buffer;
  private view: DataView;
  private pos = 0;

  constructor(initialBytes = 1 << 20) {
    this.buf = Buffer.allocUnsafeSlow(initialBytes);
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.length);
    this.reset();
  }

  /** Starts over with just the header (flags 0, no extension). */
  reset(): void {
    this.pos = 0;
    SIGNATURE.copy(this.buf, 0);
    this.pos = SIGNATURE.length;
    this.view.setInt32(this.pos, 0);
    this.view.setInt32(this.pos + 4, 0);
    this.pos += 8;
  }

  get bytes(): number {
    return this.pos;
  }

  /** The data so far plus the trailer: a view of the buffer, valid until the next write. */
  finish(): Buffer {
    this.ensure(2);
    this.view.setInt16(this.pos, -1);
    return this.buf.subarray(0, this.pos + 2);
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) {
      return;
    }
    let size = this.buf.length * 2;
    while (size < this.pos + n) {
      size *= 2;
    }
    const next = Buffer.allocUnsafeSlow(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
    this.view = new DataView(next.buffer, next.byteOffset, next.length);
  }

  /**
   * Starts a row of `fields` fields. Room is made here for every fixed-size field of the row
   * (at most 12 bytes each); `text` and `hexBytes` make room for their own bytes.
   */
  row(fields: number): void {
    this.ensure(2 + fields * 12);
    this.view.setInt16(this.pos, fields);
    this.pos += 2;
  }

  nul(): void {
    this.view.setInt32(this.pos, -1);
    this.pos += 4;
  }

  int2(v: number): void {
    this.view.setInt32(this.pos, 2);
    this.view.setInt16(this.pos + 4, v);
    this.pos += 6;
  }

  /** An int4; throws for a value outside it (binary COPY would store it wrapped). */
  int4(v: number): void {
    if (v > 2_147_483_647 || v < -2_147_483_648) {
      throw new RangeError(`${v} does not fit an integer column`);
    }
    this.view.setInt32(this.pos, 4);
    this.view.setInt32(this.pos + 4, v);
    this.pos += 8;
  }

  /** An int8 from a double holding an integer (exact up to 2^53). */
  int8(v: number): void {
    const hi = v >= 0 && v < TWO_32 ? 0 : Math.floor(v / TWO_32);
    this.view.setInt32(this.pos, 8);
    this.view.setInt32(this.pos + 4, hi);
    this.view.setUint32(this.pos + 8, v - hi * TWO_32);
    this.pos += 12;
  }

  bool(v: boolean): void {
    this.view.setInt32(this.pos, 1);
    this.buf[this.pos + 4] = v ? 1 : 0;
    this.pos += 5;
  }

  /** A text value, UTF-8 (ASCII copied byte by byte: no call into C++ for a short code). */
  text(s: string): void {
    const n = s.length;
    this.ensure(4 + n * 3 + ROW_SLACK);
    const start = this.pos + 4;
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c > 127) {
        break;
      }
      this.buf[start + i] = c;
    }
    const len = i === n ? n : this.buf.write(s, start, 'utf8');
    this.view.setInt32(this.pos, len);
    this.pos = start + len;
  }

  /** A bytea given as hex digits. */
  hexBytes(hex: string): void {
    const n = hex.length >> 1;
    this.ensure(4 + n + ROW_SLACK);
    this.view.setInt32(this.pos, n);
    this.buf.write(hex, this.pos + 4, n, 'hex');
    this.pos += 4 + n;
  }
}
