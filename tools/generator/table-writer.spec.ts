import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parse } from 'csv-parse/sync';

import { csvField, TableWriter } from './table-writer';

describe('TableWriter', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'floorwise-writer-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('quotes fields with commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvField('Floorwise Chicago, IL')).toBe('"Floorwise Chicago, IL"');
    expect(csvField('Chicago "Save Desk" Retention 1')).toBe('"Chicago ""Save Desk"" Retention 1"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('Şule Yıldız')).toBe('Şule Yıldız');
    expect(csvField(null)).toBe('');
    expect(csvField(false)).toBe('false');
  });

  it('writes UTF-8 rows that a CSV parser reads back unchanged, money with two decimals', async () => {
    const path = join(dir, 'agents.csv');
    const writer = new TableWriter(path, ['code', 'name', 'rate'], 'csv', ['rate']);
    const names = ['Şule Yıldız', 'أحمد السيد', 'রহিম হোসেন', 'Pat "PJ" O\'Brien, Jr.'];
    names.forEach((name, i) => writer.write([`A${i}`, name, 15.8]));
    await writer.close();
    const text = readFileSync(path, 'utf8');
    expect(text.split('\n')[1]).toBe('A0,Şule Yıldız,15.80');
    const rows: string[][] = parse(text);
    expect(rows.slice(1).map((r) => r[1])).toEqual(names);
    expect(writer.rows).toBe(4);
  });

  it('streams far more data than one chunk and keeps every row in order', async () => {
    const path = join(dir, 'calls.csv');
    const writer = new TableWriter(path, ['id', 'at'], 'csv');
    for (let i = 0; i < 300000; i++) {
      writer.writeAscii([`C${i}`, '2025-11-02T01:30:00-05:00']);
      if (i % 10000 === 0) await writer.drain();
    }
    await writer.close();
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(300001);
    expect(lines[300000]).toBe('C299999,2025-11-02T01:30:00-05:00');
  });

  it('writes NDJSON with the column names, leaving empty optional fields out', async () => {
    const path = join(dir, 'calls.ndjson');
    const writer = new TableWriter(path, ['call_id', 'employee_code', 'sale_amount'], 'ndjson', [
      'sale_amount',
    ]);
    writer.write(['C1', null, 49.99]);
    await writer.close();
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ call_id: 'C1', sale_amount: 49.99 });
  });
});
