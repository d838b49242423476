import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { CsvScanner, ScannedRecord, ScanProblem } from './csv-scanner';

function scan(
  text: string,
  chunkSizes: number[] = [text.length || 1],
): { records: ScannedRecord[]; problems: ScanProblem[] } {
  const s = new CsvScanner();
  const records: ScannedRecord[] = [];
  const problems: ScanProblem[] = [];
  let at = 0;
  let k = 0;
  while (at < text.length) {
    const size = Math.max(1, chunkSizes[k++ % chunkSizes.length]);
    s.push(text.slice(at, at + size), records, problems);
    at += size;
  }
  s.end(records, problems);
  return { records, problems };
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) || field === '' ? `"${field.replace(/"/g, '""')}"` : field;
}

describe('CsvScanner', () => {
  it('reads plain, quoted and escaped fields with CRLF and LF', () => {
    const { records, problems } = scan('a,b,c\r\n1,"x, y","say ""hi"""\n2,,"multi\nline"\n');
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, y', 'say "hi"'] },
      { line: 3, fields: ['2', '', 'multi\nline'] },
    ]);
  });

  it('drops a BOM, skips empty lines and keeps a last record without a newline', () => {
    const { records } = scan('\uFEFFa,b\n\n1,2');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['1', '2'] },
    ]);
  });

  it('reports malformed records with their line and goes on', () => {
    const { records, problems } = scan('a,b\n1,x"y\n2,"z"q\n3,4\n5,"open');
    expect(problems).toEqual([
      { line: 2, message: 'has a quote inside an unquoted field' },
      { line: 3, message: 'has text after the closing quote of a field' },
      { line: 5, message: 'has a quoted field that is never closed' },
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 4]);
  });

  it('reads back exactly the records a file was written from, however the input is chunked', () => {
    const field = fc.string({
      unit: fc.constantFrom('a', 'é', ',', '"', '\n', '\r\n', ' ', '1', 'ğ'),
      maxLength: 8,
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (rows, chunks, crlf) => {
          const text = rows.map((r) => r.map(quote).join(',')).join(crlf ? '\r\n' : '\n') + '\n';
          const got = scan(text, chunks);
          expect(got.problems).toEqual([]);
          expect(got.records.map((r) => r.fields)).toEqual(rows);
          if (!crlf) {
            // and csv-parse, the reference implementation, reads the same (it trips on some CRLF cases)
            expect(parse(text, { relax_column_count: true, skip_empty_lines: true })).toEqual(rows);
          }
        },
      ),
      { seed: 20261123, numRuns: 300 },
    );
  });
});
