import { csvField, csvFileName, toCsv, CsvColumn } from './csv';

interface Row {
  code: string;
  name: string;
  rate: number | null;
  active: boolean;
}

const columns: CsvColumn<Row>[] = [
  { header: 'Code', value: (r) => r.code },
  { header: 'Name', value: (r) => r.name },
  { header: 'Rate', value: (r) => r.rate },
  { header: 'Active', value: (r) => r.active },
];

describe('csvField', () => {
  it('leaves plain text unquoted', () => {
    expect(csvField('Chicago')).toBe('Chicago');
  });

  it('quotes a field that holds a comma', () => {
    expect(csvField('Doe, Jane')).toBe('"Doe, Jane"');
  });

  it('doubles quotes inside a quoted field', () => {
    expect(csvField('the "Hub"')).toBe('"the ""Hub"""');
  });

  it('quotes fields with line breaks, keeping the break inside the quotes', () => {
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
  });

  it('writes null and undefined as an empty field', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('writes numbers as they are, including negatives, and non-finite numbers as empty', () => {
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField(0)).toBe('0');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('keeps formula-like text as is when neutralising is turned off', () => {
    expect(csvField('=1+1', { neutralizeFormulas: false })).toBe('=1+1');
  });
});

describe('toCsv', () => {
  it('writes a header and one CRLF-terminated record per row', () => {
    const csv = toCsv(columns, [
      { code: 'A1', name: 'Doe, Jane', rate: 15.81, active: true },
      { code: 'A2', name: 'Said "Sam" Ali', rate: null, active: false },
    ]);
    expect(csv).toBe(
      'Code,Name,Rate,Active\r\n' +
        'A1,"Doe, Jane",15.81,true\r\n' +
        'A2,"Said ""Sam"" Ali",,false\r\n',
    );
  });

  it('writes only the header for an empty table', () => {
    expect(toCsv(columns, [])).toBe('Code,Name,Rate,Active\r\n');
  });

  it('round-trips through a strict RFC 4180 reader', () => {
    const rows: Row[] = [{ code: 'X', name: 'a,"b"\nc', rate: 1, active: true }];
    const parsed = parseRfc4180(toCsv(columns, rows));
    expect(parsed).toEqual([
      ['Code', 'Name', 'Rate', 'Active'],
      ['X', 'a,"b"\nc', '1', 'true'],
    ]);
  });
});

describe('csvFileName', () => {
  it('stamps the subject with the local date', () => {
    expect(csvFileName('agents', new Date(2025, 2, 4, 23, 59))).toBe(
      'floorwise-agents-2025-03-04.csv',
    );
  });
});

/** A minimal, independent RFC 4180 reader used only to check what the writer produces. */
function parseRfc4180(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      field += ch;
    }
  }
  return records;
}
