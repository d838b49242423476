/**
 * An agents file shaped like a real HR system's export (the columns of interfaces.md `agents`):
 * "Last, First M." names with apostrophes, accents and hyphens, free-text termination reasons
 * with commas, quotes and line breaks, many hires and exits over seven years, and the edge cases
 * turnover figures trip on — hired and gone the same day, exits on the first and the last day of
 * a month, a leap-day hire, exits dated after the as-of date, separations without a type.
 * Deterministic (a seeded generator), so a failure reproduces.
 */

export interface HrRow {
  employee_code: string;
  full_name: string;
  email: string;
  team_code: string;
  title: string;
  work_mode: 'onsite' | 'remote' | 'hybrid';
  hire_date: string;
  termination_date: string;
  termination_type: '' | 'voluntary' | 'involuntary';
  termination_reason: string;
  hourly_rate: string;
  contract_hours: string;
}

const FIRST = [
  'Wilson',
  'Karthikeyan',
  'Sarah',
  'Lynn',
  'José',
  'Zoë',
  'Siobhán',
  "D'Andre",
  'Mei',
  'Oluwaseun',
  'Ayşe',
  'Rúben',
  'Priya',
  'Tomás',
  'Hannah',
  'Mohammed',
  'Ana-Lucía',
  'Bartholomew',
  'Nguyen',
  'Ingrid',
];
const LAST = [
  "O'Hare",
  'Adinolfi',
  'Ait Sidi',
  'Akinkuolie',
  'van der Berg',
  'Smith-Jones',
  'Ødegaard',
  'Nakamura',
  'Dos Santos',
  'McKinzie',
  'Zamora',
  'Çelik',
  'Bunbury',
  'LeBlanc',
  'Gonzalez',
  'Rahman',
  'Keatts',
  'Villanueva',
];
const TITLES = [
  'Customer Service Representative',
  'Customer Service Representative II',
  'Senior Support Specialist',
  'Sales Agent, Outbound',
  'Retention Specialist',
];
const MODES = ['onsite', 'remote', 'hybrid'] as const;
const TEAMS = ['HR-SUP-1', 'HR-SUP-2', 'HR-SAL-1', 'HR-RET-1'];
const VOLUNTARY = [
  'career change',
  'Another position',
  'more money',
  'hours',
  'return to school',
  'relocation out of area',
  'unhappy',
  'maternity leave - did not return',
  'Said "the schedule is killing me"\nExit interview declined',
  'Promotion, moved to team lead',
  'retiring',
  'military',
];
const INVOLUNTARY = [
  'attendance',
  'no-call, no-show',
  'performance',
  'gross misconduct',
  'Policy violation (PII read aloud on a call)',
];

/** mulberry32: a small seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

export function hrExport(count = 420, seed = 8): HrRow[] {
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const start = Date.UTC(2019, 0, 1);
  const end = Date.UTC(2025, 10, 30);
  const rows: HrRow[] = [];
  for (let i = 0; i < count; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    let hire = start + Math.floor(rnd() * ((end - start) / DAY)) * DAY;
    if (i % 37 === 0) {
      hire = Date.UTC(2019 + (i % 7), (i * 5) % 12, 1); // hired on the first of a month
    }
    if (i === 11) {
      hire = Date.UTC(2024, 1, 29); // leap day
    }
    let termination: number | null = null;
    const r = rnd();
    if (r < 0.62) {
      // exponential stay, mean 260 days: many early exits
      termination = hire + Math.floor(-Math.log(1 - rnd()) * 260) * DAY;
    }
    if (i % 41 === 0) {
      termination = hire; // hired and gone the same day
    }
    if (termination !== null && i % 13 === 0) {
      const d = new Date(termination);
      termination = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0); // last day of a month
    }
    if (termination !== null && i % 17 === 0) {
      const d = new Date(termination);
      termination = Math.max(hire, Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)); // first day
    }
    if (termination !== null && termination < hire) {
      termination = hire;
    }
    const involuntary = rnd() < 0.35;
    const untyped = termination !== null && i % 29 === 0;
    rows.push({
      employee_code: String(10000 + i * 7),
      full_name:
        i % 5 === 0
          ? `${last}, ${first} ${String.fromCharCode(65 + (i % 26))}.`
          : `${first} ${last}`,
      email:
        `${first}.${last}.${i}`.toLowerCase().replace(/[^a-z0-9.]/g, '') + '@hr-export.example',
      team_code: TEAMS[i % TEAMS.length],
      title: pick(TITLES),
      work_mode: MODES[i % 3],
      hire_date: iso(hire),
      termination_date: termination === null ? '' : iso(termination),
      termination_type:
        termination === null || untyped ? '' : involuntary ? 'involuntary' : 'voluntary',
      termination_reason:
        termination === null
          ? i % 4 === 0
            ? 'N/A - still employed'
            : ''
          : i % 23 === 0
            ? ''
            : involuntary
              ? pick(INVOLUNTARY)
              : pick(VOLUNTARY),
      hourly_rate: (12 + rnd() * 14).toFixed(2),
      contract_hours: i % 6 === 0 ? '32' : i % 9 === 0 ? '37.5' : '',
    });
  }
  return rows;
}

const COLUMNS: (keyof HrRow)[] = [
  'employee_code',
  'full_name',
  'email',
  'team_code',
  'title',
  'work_mode',
  'hire_date',
  'termination_date',
  'termination_type',
  'termination_reason',
  'hourly_rate',
  'contract_hours',
];

/** RFC 4180 CSV with CRLF line ends and a UTF-8 BOM, as spreadsheet tools write it. */
export function toHrCsv(rows: readonly HrRow[]): string {
  const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return (
    '\ufeff' +
    [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => field(r[c])).join(','))].join(
      '\r\n',
    ) +
    '\r\n'
  );
}

export const HR_SITES_CSV =
  'site_code,name,time_zone\r\nCLT,"Charlotte, NC",America/New_York\r\nMNL,Manila,Asia/Manila\r\n';
export const HR_TEAMS_CSV =
  'team_code,name,site_code,manager_email\r\n' +
  'HR-SUP-1,Support One,CLT,m1@test.local\r\nHR-SUP-2,Support Two,CLT,\r\n' +
  'HR-SAL-1,Sales,MNL,m2@test.local\r\nHR-RET-1,Retention,MNL,\r\n';
