export type SortDirection = 'asc' | 'desc' | '';

export type SortValue = string | number | boolean | null | undefined;

/** The column a table is sorted by, as mat-sort reports it (`direction: ''` = unsorted). */
export interface SortState {
  active: string;
  direction: SortDirection;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Orders two cells: numbers numerically, text by locale with numeric runs ("T2" < "T10"); empty last. */
export function compareValues(a: SortValue, b: SortValue): number {
  const aEmpty = a === null || a === undefined || a === '';
  const bEmpty = b === null || b === undefined || b === '';
  if (aEmpty || bEmpty) {
    return aEmpty === bEmpty ? 0 : aEmpty ? 1 : -1;
  }
  if (typeof a === 'number' && typeof b === 'number') {
    return a - b;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') {
    return Number(a) - Number(b);
  }
  return collator.compare(String(a), String(b));
}

/**
 * Returns a sorted copy (stable). Empty cells stay at the end in both directions, so
 * descending order does not lead with blanks.
 */
export function sortRows<T>(
  rows: readonly T[],
  sort: SortState,
  accessors: Readonly<Record<string, (row: T) => SortValue>>,
): T[] {
  const accessor = accessors[sort.active];
  if (!accessor || sort.direction === '') {
    return [...rows];
  }
  const sign = sort.direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, key: accessor(row) }))
    .sort((x, y) => {
      const xEmpty = x.key === null || x.key === undefined || x.key === '';
      const yEmpty = y.key === null || y.key === undefined || y.key === '';
      if (xEmpty !== yEmpty) {
        return xEmpty ? 1 : -1;
      }
      return sign * compareValues(x.key, y.key) || x.index - y.index;
    })
    .map((entry) => entry.row);
}

/** Case- and accent-insensitive "contains" over the given fields, for the filter box of a table. */
export function matchesText(query: string, fields: readonly SortValue[]): boolean {
  const needle = normalize(query.trim());
  if (!needle) {
    return true;
  }
  return fields.some(
    (field) => field !== null && field !== undefined && normalize(String(field)).includes(needle),
  );
}

function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}
