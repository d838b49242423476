import type { ImportRowError } from '@floorwise/contracts';

/** The most problems a rejection lists; the total is always counted. */
export const MAX_LISTED_PROBLEMS = 1000;

/** Collects row problems of one import: every one is counted, the first 1,000 are kept. */
export class ImportProblems {
  private readonly listed: ImportRowError[] = [];
  private total = 0;

  add(line: number, field: string, message: string): void {
    this.total += 1;
    if (this.listed.length < MAX_LISTED_PROBLEMS) {
      this.listed.push({ line, field, message });
    }
  }

  get count(): number {
    return this.total;
  }

  /**
   * In line order: the reader finds some problems (a bad field count, a bad header) a chunk ahead
   * of the rows it hands on, so they are not recorded in file order. The sort is stable.
   */
  get errors(): ImportRowError[] {
    return [...this.listed].sort((a, b) => a.line - b.line);
  }

  get truncated(): boolean {
    return this.total > this.listed.length;
  }
}

/** The problems of one record, bound to its line. */
export class RowProblems {
  private n: number;
  private readonly reported: ReadonlySet<string>;

  /**
   * `reported`: fields whose problem was already recorded while reading the record; the record
   * counts as bad from the start, and a second problem on the same field is not listed twice.
   */
  constructor(
    private readonly all: ImportProblems,
    readonly line: number,
    reported: readonly string[] = [],
  ) {
    this.n = reported.length;
    this.reported = new Set(reported);
  }

  add(field: string, message: string): void {
    this.n += 1;
    if (!this.reported.has(field)) {
      this.all.add(this.line, field, message);
    }
  }

  get any(): boolean {
    return this.n > 0;
  }
}
