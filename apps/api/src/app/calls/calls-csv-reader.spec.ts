import fc from 'fast-check';
import { Readable } from 'node:stream';
import { ROLLUP_MEASURE_COUNT } from '@floorwise/analytics';
import { ImportProblems, RowProblems } from '../imports/import-problems';
import { readRecords } from '../imports/record-reader';
import { CallChunk } from './call-chunk';
import { CALL_COLUMNS, CallLookups, parseCall } from './call-row';
import { callCodesOf, CallsCsvReader, chunkCallOf } from './calls-csv-reader';

const LOOKUPS: CallLookups = {
  agents: new Map([
    ['A1', { id: 1, teamId: 1, tz: 'America/Chicago' }],
    ['A2', { id: 2, teamId: 2, tz: 'Asia/Kolkata' }],
    ['A3', { id: 3, teamId: 1, tz: 'America/Chicago' }],
  ]),
  campaigns: new Map([
    ['SUP', { id: 1, tz: 'America/Chicago' }],
    ['SALES', { id: 2, tz: 'UTC' }],
  ]),
  customerRefKey: 'test-key',
};
const NAMES = CALL_COLUMNS.map((c) => c.name);

/** Field values: mostly valid, some each way wrong or unusual (spaces, case, odd offsets…). */
const FIELD: Record<string, fc.Arbitrary<string>> = {
  call_id: fc.oneof(
    { weight: 8, arbitrary: fc.nat(40).map((n) => `C${n}`) },
    fc.constantFrom('', ' C7', 'C 8', 'Cé9', 'C"10', 'C,11', 'C\t12', 'C\\13', 'x'.repeat(101)),
  ),
  employee_code: fc.constantFrom('A1', 'A2', 'A3', '', '', 'NOPE', ' A1', 'a1'),
  campaign_code: fc.constantFrom('SUP', 'SALES', 'SUP', '', 'X', 'SUP '),
  channel: fc.constantFrom('phone', 'chat', 'email', 'phone', 'fax', 'Phone', ' phone'),
  direction: fc.constantFrom('inbound', 'outbound', 'inbound', 'in', ''),
  started_at: fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .record({
          d: fc.integer({ min: 1, max: 28 }),
          mo: fc.constantFrom(1, 3, 11, 12),
          h: fc.integer({ min: 0, max: 23 }),
          mi: fc.integer({ min: 0, max: 59 }),
          s: fc.integer({ min: 0, max: 59 }),
          zone: fc.constantFrom('-06:00', '-05:00', 'Z', '+05:30', '+0545', '-03', '+14:00'),
        })
        .map(
          ({ d, mo, h, mi, s, zone }) =>
            `2026-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:${String(s).padStart(2, '0')}${zone}`,
        ),
    },
    fc.constantFrom(
      '2026-03-08T02:30:00-06:00',
      '2026-11-01T01:30:00-05:00',
      '2026-11-01T01:30:00-06:00',
      '2026-11-10T09:05-06:00',
      '2026-11-10T09:05:00.5Z',
      '2026-11-10T09:05:00.123456789Z',
      '2026-11-10T09:05:00.0000005Z',
      '2026-11-10T09:05:00.9999996Z',
      '2024-02-29T12:00:00Z',
      '2026-02-29T12:00:00Z',
      '2026-11-10 09:05',
      '2026-11-10T24:00:00Z',
      '2026-11-10T09:05:00+16:00',
      '2026-11-10T09:05:00+15:59',
      '2026-11-10T09:05:00+05:60',
      '2026-11-10T09:05:00',
      ' 2026-11-10T09:05:00Z',
      '',
    ),
  ),
  seconds: fc.oneof(
    { weight: 6, arbitrary: fc.nat(3000).map(String) },
    fc.constantFrom('86400', '86401', '-5', '1e3', ' 12', '', '0012', '12.0', '1234567890'),
  ),
  outcome: fc.constantFrom(
    'resolved',
    'unresolved',
    'sale',
    'save',
    'escalated',
    'transferred',
    'abandoned',
    'done',
    'Sale',
  ),
  sale_amount: fc.constantFrom(
    '',
    '',
    '12.5',
    '12.50',
    '12.505',
    '-3',
    '1000000000',
    '0.1',
    '7',
    '.5',
    '3.',
    '21474836.47',
    '21474836.48',
  ),
  hostile: fc.constantFrom('', 'true', 'false', 'false', 'TRUE', 'maybe'),
  qa_score: fc.constantFrom('', '', '0', '100', '101', '-1', '007', '50.5', '0099'),
  csat: fc.constantFrom('', '', '1', '5', '0', '6', ' 3', '-2'),
  customer_ref: fc.constantFrom(
    '',
    '+1 (312) 555-1234',
    '4111111111111111',
    'abc',
    ' 123 ',
    'é12',
    '12',
  ),
};

function fieldArb(name: string): fc.Arbitrary<string> {
  return FIELD[name] ?? FIELD['seconds'];
}

const csvField = (v: string, forceQuote: boolean) =>
  forceQuote || /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;

const fileArb = fc
  .record({
    order: fc.shuffledSubarray(NAMES, { minLength: NAMES.length, maxLength: NAMES.length }),
    dropOptional: fc.boolean(),
    crlf: fc.boolean(),
    rows: fc.array(
      fc.record({
        values: fc.record(Object.fromEntries(NAMES.map((n) => [n, fieldArb(n)]))),
        quoted: fc.nat(30),
        blankAfter: fc.nat(20),
        extraField: fc.nat(40),
      }),
      { maxLength: 60 },
    ),
    pieces: fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 5 }),
  })
  .map(({ order, dropOptional, crlf, rows, pieces }) => {
    const header = dropOptional
      ? order.filter((n) => !['hostile', 'csat'].includes(n))
      : (order as string[]);
    const eol = crlf ? '\r\n' : '\n';
    const lines = [header.join(',')];
    for (const r of rows) {
      const fields = header.map((n, i) =>
        csvField((r.values as Record<string, string>)[n], r.quoted === i),
      );
      if (r.extraField === 0) {
        fields.push('x');
      }
      lines.push(fields.join(','));
      if (r.blankAfter === 0) {
        lines.push('');
      }
    }
    return { text: lines.join(eol) + (rows.length % 2 === 0 ? eol : ''), pieces };
  });

function newChunk(): CallChunk {
  return new CallChunk(10_000);
}

/** The fast reader, fed in pieces of the given sizes. */
function fastRead(text: string, pieces: number[]) {
  const problems = new ImportProblems();
  const chunk = newChunk();
  const reader = new CallsCsvReader(LOOKUPS, callCodesOf(LOOKUPS), problems);
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  let k = 0;
  while (at < bytes.length) {
    const size = pieces[k++ % pieces.length];
    reader.feed(bytes.subarray(at, at + size));
    reader.next(chunk);
    at += size;
  }
  reader.next(chunk, true);
  reader.end();
  return { problems, chunk, rows: reader.rowsRead };
}

/** The general way of every other import: the RFC 4180 reader, a values record, parseCall. */
async function generalRead(text: string) {
  const problems = new ImportProblems();
  const chunk = newChunk();
  let rows = 0;
  for await (const batch of readRecords(Readable.from([text]), 'csv', CALL_COLUMNS, problems)) {
    for (const rec of batch) {
      rows += 1;
      const p = new RowProblems(problems, rec.line, rec.reported);
      const row = parseCall(rec.values, p, LOOKUPS);
      if (row && !p.any && problems.count === 0) {
        chunk.add(chunkCallOf(row));
      }
    }
  }
  return { problems, chunk, rows };
}

function sums(c: CallChunk): number[] {
  return Array.from(c.r15.sums.subarray(0, c.r15.size * ROLLUP_MEASURE_COUNT));
}

describe('CallsCsvReader (the fast path of the calls import)', () => {
  it('accepts, encodes and rejects every line exactly as the general reader and parseCall do', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, async ({ text, pieces }) => {
        const fast = fastRead(text, pieces);
        const general = await generalRead(text);
        expect(fast.problems.errors).toEqual(general.problems.errors);
        expect(fast.problems.count).toBe(general.problems.count);
        expect(fast.rows).toBe(general.rows);
        // A file with any problem writes nothing, so what either reader had chunked before it
        // met the problem does not matter (the general reader sees a whole batch's problems
        // before it chunks the batch's first row; the fast reader chunks as it goes).
        if (general.problems.count === 0) {
          expect(fast.chunk.n).toBe(general.chunk.n);
          expect(fast.chunk.duplicates).toBe(general.chunk.duplicates);
          expect((await fast.chunk.encode()).equals(await general.chunk.encode())).toBe(true);
          expect(sums(fast.chunk)).toEqual(sums(general.chunk));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reports an empty file and a file with only its header like the general reader', async () => {
    for (const text of ['', '\uFEFF', NAMES.join(','), `\uFEFF${NAMES.join(',')}\r\n\r\n`]) {
      const fast = fastRead(text, [7]);
      const general = await generalRead(text);
      expect(fast.problems.errors).toEqual(general.problems.errors);
      expect(fast.chunk.n).toBe(0);
    }
  });

  it('reads a quoted field that spans lines and numbers later lines after it', async () => {
    const text = [
      NAMES.join(','),
      'C1,A1,SUP,phone,inbound,2026-11-10T09:00:00-06:00,5,100,0,10,resolved,,false,,,"12\n34"',
      'C2,NOPE,SUP,phone,inbound,2026-11-10T09:00:00-06:00,5,100,0,10,resolved,,false,,,',
    ].join('\n');
    const fast = fastRead(text, [13, 40]);
    expect(fast.problems.errors).toEqual([
      { line: 4, field: 'employee_code', message: 'employee_code "NOPE" is not a known agent' },
    ]);
    expect(fast.chunk.n).toBe(1);
  });
});
