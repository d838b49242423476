import { IMPORT_KINDS } from '@floorwise/contracts';
import { contentTypeFor, formatBytes, IMPORT_FORMATS, importKindsFor } from './import-formats';

describe('import formats', () => {
  it('describes every import kind of the API, in its order', () => {
    expect(IMPORT_FORMATS.map((f) => f.kind)).toEqual([...IMPORT_KINDS]);
  });

  it('marks the optional columns of the agents file as interfaces.md does', () => {
    const agents = IMPORT_FORMATS.find((f) => f.kind === 'agents');
    expect(agents?.columns.filter((c) => c.optional).map((c) => c.name)).toEqual([
      'termination_date',
      'termination_type',
      'termination_reason',
      'contract_hours',
    ]);
  });

  it('lets admins import everything and managers only shifts and calls', () => {
    expect(importKindsFor('admin')).toEqual([...IMPORT_KINDS]);
    expect(importKindsFor('manager')).toEqual(['shifts', 'calls']);
    expect(importKindsFor('hr')).toEqual([]);
    expect(importKindsFor('agent')).toEqual([]);
  });

  it('sends CSV as text/csv and NDJSON as application/x-ndjson, and refuses anything else', () => {
    expect(contentTypeFor('Calls 2025-03.CSV')).toBe('text/csv');
    expect(contentTypeFor('shifts.ndjson')).toBe('application/x-ndjson');
    expect(contentTypeFor('shifts.jsonl')).toBe('application/x-ndjson');
    expect(contentTypeFor('agents.xlsx')).toBeNull();
  });

  it('formats file sizes', () => {
    expect(formatBytes(512, 'en-US')).toBe('512 B');
    expect(formatBytes(1_234_567, 'en-US')).toBe('1.2 MB');
    expect(formatBytes(987_654_321, 'en-US')).toBe('988 MB');
  });
});
