import { snapshotEncoding } from './floor.controller';

describe('snapshotEncoding', () => {
  it('prefers brotli, then gzip, and sends plain JSON otherwise', () => {
    expect(snapshotEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(snapshotEncoding('gzip, deflate')).toBe('gzip');
    expect(snapshotEncoding('*')).toBe('gzip');
    expect(snapshotEncoding('identity')).toBeNull();
    expect(snapshotEncoding(undefined)).toBeNull();
    expect(snapshotEncoding(['deflate', 'BR'])).toBe('br');
  });

  it('refuses a coding weighted q=0, and takes any other weight as acceptable', () => {
    expect(snapshotEncoding('br;q=0, gzip')).toBe('gzip');
    expect(snapshotEncoding('br; q=0.0, gzip;q=0')).toBeNull();
    expect(snapshotEncoding('gzip;q=0.2, br;q=0.1')).toBe('br');
    expect(snapshotEncoding('brotli, xgzip')).toBeNull();
  });
});
