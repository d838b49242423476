import { TurnoverAgent } from '../attrition';

export interface FixtureAgent extends TurnoverAgent {
  code: string;
  team: string;
}

/** Factory with overrides: an agent hired 2024-01-01, still employed. */
export function makeAgent(overrides: Partial<FixtureAgent> = {}): FixtureAgent {
  return {
    code: 'X',
    team: 'T1',
    hireDate: '2024-01-01',
    terminationDate: null,
    terminationType: null,
    ...overrides,
  };
}

/**
 * Ten agents. Durations as of 2024-06-30 (termination or asOf − hire, in days), worked by hand:
 *   A1 902 censored, A2 395 censored, A3 77 event, A4 45 event, A5 167 censored, A6 0 event,
 *   A7 100 event, A8 366 event, A9 121 censored, A10 89 event.
 */
export const TEN_AGENTS: readonly FixtureAgent[] = [
  makeAgent({ code: 'A1', hireDate: '2022-01-10' }),
  makeAgent({ code: 'A2', hireDate: '2023-06-01', team: 'T2' }),
  makeAgent({
    code: 'A3',
    hireDate: '2023-11-15',
    terminationDate: '2024-01-31',
    terminationType: 'voluntary',
  }),
  makeAgent({
    code: 'A4',
    hireDate: '2024-01-01',
    terminationDate: '2024-02-15',
    terminationType: 'involuntary',
  }),
  makeAgent({ code: 'A5', hireDate: '2024-01-15', team: 'T2' }),
  makeAgent({
    code: 'A6',
    hireDate: '2024-02-01',
    terminationDate: '2024-02-01',
    terminationType: 'voluntary',
  }),
  makeAgent({
    code: 'A7',
    hireDate: '2024-02-10',
    terminationDate: '2024-05-20',
    terminationType: 'voluntary',
    team: 'T2',
  }),
  makeAgent({
    code: 'A8',
    hireDate: '2023-03-01',
    terminationDate: '2024-03-01',
    terminationType: 'involuntary',
  }),
  makeAgent({ code: 'A9', hireDate: '2024-03-01' }),
  makeAgent({
    code: 'A10',
    hireDate: '2024-01-01',
    terminationDate: '2024-03-30',
    terminationType: 'voluntary',
  }),
];
