import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { generateDemoData, Manifest } from './generate';
import { forEachPlainCsvRow, instantOf, readCsv } from './read-demo-files';

interface BandFigures {
  workedHours: number;
  phoneWorkedSeconds: number;
  answered: number;
  handleSeconds: number;
  offered: number;
  abandoned: number;
  hostile: number;
  qaSum: number;
  qaCount: number;
  overtimeShiftHours: number;
  agentDays: number;
  separations: number;
}

const empty = (): BandFigures => ({
  workedHours: 0,
  phoneWorkedSeconds: 0,
  answered: 0,
  handleSeconds: 0,
  offered: 0,
  abandoned: 0,
  hostile: 0,
  qaSum: 0,
  qaCount: 0,
  overtimeShiftHours: 0,
  agentDays: 0,
  separations: 0,
});

/**
 * The chain of domain.md must be in the rows themselves, not only in labels: measured from the
 * files alone, understaffed teams work harder, queue longer, do more overtime, meet more hostile
 * callers, score lower and lose more people than well-staffed teams.
 */
describe('the causal chain in 72 agents × 12 months of data', () => {
  let dir: string;
  let manifest: Manifest;
  const bands: Record<'understaffed' | 'well_staffed', BandFigures> = {
    understaffed: empty(),
    well_staffed: empty(),
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'floorwise-chain-'));
    manifest = await generateDemoData({
      outDir: dir,
      agents: 96,
      months: 12,
      seed: 42,
      end: '2025-11-20',
    });
    const bandOfTeam = new Map(manifest.teams.map((t) => [t.teamCode, t.band]));
    const bandOfCampaign = new Map(manifest.teams.map((t) => [t.campaignCode, t.band]));
    const agents = readCsv(dir, 'agents').rows;
    const bandOfAgent = new Map(agents.map((a) => [a.employee_code, bandOfTeam.get(a.team_code)]));
    const figures = (band: string | undefined) =>
      band === 'understaffed' || band === 'well_staffed' ? bands[band] : undefined;

    const windowStart = Date.parse(`${manifest.parameters.windowStart}T00:00:00Z`) / 86400000;
    const windowEnd = Date.parse(`${manifest.parameters.windowEnd}T00:00:00Z`) / 86400000;
    for (const a of agents) {
      const f = figures(bandOfAgent.get(a.employee_code));
      if (!f) continue;
      const hired = Date.parse(`${a.hire_date}T00:00:00Z`) / 86400000;
      const left = a.termination_date
        ? Date.parse(`${a.termination_date}T00:00:00Z`) / 86400000
        : windowEnd;
      f.agentDays += Math.max(0, Math.min(left, windowEnd) - Math.max(hired, windowStart) + 1);
      if (a.termination_date && left >= windowStart && left <= windowEnd) f.separations++;
    }
    for (const s of readCsv(dir, 'shifts').rows) {
      const f = figures(bandOfAgent.get(s.employee_code));
      if (!f || !s.actual_start) continue;
      const worked =
        instantOf(s.actual_end) - instantOf(s.actual_start) - Number(s.break_minutes) * 60;
      f.workedHours += worked / 3600;
      if (s.kind !== 'training') f.phoneWorkedSeconds += worked;
      if (s.kind === 'overtime') f.overtimeShiftHours += worked / 3600;
    }
    const header = forEachPlainCsvRow(dir, 'calls', (cells) => {
      const agent = cells[1];
      if (agent === '') {
        const f = figures(bandOfCampaign.get(cells[2]));
        if (f) {
          f.offered++;
          f.abandoned++;
        }
        return;
      }
      const f = figures(bandOfAgent.get(agent));
      if (!f) return;
      f.answered++;
      f.handleSeconds += Number(cells[7]) + Number(cells[8]) + Number(cells[9]);
      if (cells[4] === 'inbound') f.offered++;
      if (cells[12] === 'true') f.hostile++;
      if (cells[13] !== '') {
        f.qaSum += Number(cells[13]);
        f.qaCount++;
      }
    });
    expect(header.slice(7, 14)).toEqual([
      'talk_seconds',
      'hold_seconds',
      'wrap_seconds',
      'outcome',
      'sale_amount',
      'hostile',
      'qa_score',
    ]);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const under = () => bands.understaffed;
  const well = () => bands.well_staffed;

  it('has understaffed teams (ratio 0.75–0.85) and well-staffed ones (1.0–1.1)', () => {
    const ratios = (band: string) =>
      manifest.teams.filter((t) => t.band === band).map((t) => t.staffingRatio);
    expect(ratios('understaffed').length).toBeGreaterThanOrEqual(2);
    expect(ratios('well_staffed').length).toBeGreaterThanOrEqual(2);
    for (const r of ratios('understaffed')) expect(r).toBeGreaterThanOrEqual(0.75);
    for (const r of ratios('understaffed')) expect(r).toBeLessThanOrEqual(0.85);
    for (const r of ratios('well_staffed')) expect(r).toBeGreaterThanOrEqual(1.0);
  });

  it('gives understaffed teams more calls per worked hour and a higher occupancy', () => {
    expect(under().answered / under().workedHours).toBeGreaterThan(
      (well().answered / well().workedHours) * 1.05,
    );
    const occupancy = (f: BandFigures) => f.handleSeconds / f.phoneWorkedSeconds;
    expect(occupancy(under())).toBeGreaterThan(0.86);
    expect(occupancy(well())).toBeGreaterThan(0.7);
    expect(occupancy(well())).toBeLessThan(0.82);
  });

  it('makes callers of understaffed teams abandon more and turn hostile more often', () => {
    expect(under().abandoned / under().offered).toBeGreaterThan(
      (2 * well().abandoned) / well().offered,
    );
    expect(under().hostile / under().answered).toBeGreaterThan(well().hostile / well().answered);
  });

  it('puts understaffed teams on far more overtime', () => {
    const perAgentMonth = (f: BandFigures) => f.overtimeShiftHours / (f.agentDays / 30.44);
    expect(perAgentMonth(under())).toBeGreaterThan(2 * perAgentMonth(well()));
  });

  it('lets quality drift down in understaffed teams', () => {
    expect(under().qaSum / under().qaCount).toBeLessThan(well().qaSum / well().qaCount - 3);
  });

  it('loses people at least 1.5 times as fast in understaffed teams', () => {
    const per100AgentYears = (f: BandFigures) => (100 * f.separations) / (f.agentDays / 365.25);
    expect(per100AgentYears(under())).toBeGreaterThan(1.5 * per100AgentYears(well()));
  });
});
