import {
  CHAIN,
  dailyFromMonthly,
  DAYS_OFF_PAIRS,
  DAYS_OFF_WEIGHTS,
  monthlySeparationHazard,
  ramp,
  stressIndex,
} from './causal-model';
import { isoWeekday } from './civil-date';
import { makeFullName } from './names';
import { Rng } from './prng';
import { AgentState, Phase, SimContext, TeamState, TerminationType, WorkMode } from './sim-types';

/** Hourly pay: a split log-normal through the articles' p10 $10.27, median $15.81, p90 $26.12. */
const PAY_MEDIAN = 15.81;
const PAY_SIGMA_LOW = Math.log(15.81 / 10.27) / 1.2816;
const PAY_SIGMA_HIGH = Math.log(26.12 / 15.81) / 1.2816;

const WORK_MODES: readonly WorkMode[] = ['onsite', 'hybrid', 'remote'];
const WORK_MODE_WEIGHTS = [0.55, 0.3, 0.15];

export function hourlyRate(rng: Rng, tenureDays: number): number {
  // Pay rises with tenure; the tenure term is centred on the roster's typical tenure so the
  // roster as a whole keeps the articles' quantiles.
  const tenureZ = Math.max(
    -2,
    Math.min(2, (Math.log(tenureDays / 365 + 0.25) - Math.log(0.8)) / 1.1),
  );
  const z = 0.3 * tenureZ + 0.954 * rng.normal();
  const rate = PAY_MEDIAN * Math.exp(z * (z < 0 ? PAY_SIGMA_LOW : PAY_SIGMA_HIGH));
  return Math.round(Math.min(48, Math.max(8.5, rate)) * 100) / 100;
}

/** Tenure before the simulation starts, for the founding roster (days). */
function foundingTenure(rng: Rng): number {
  const r = rng.next();
  if (r < 0.22) return rng.intBetween(1, 180);
  if (r < 0.55) return rng.intBetween(181, 730);
  if (r < 0.88) return rng.intBetween(731, 1825);
  return rng.intBetween(1826, 3650);
}

export function createAgent(
  ctx: SimContext,
  team: TeamState,
  position: number,
  hireDay: number,
  rng: Rng,
  founding: boolean,
): AgentState {
  const number = ctx.nextEmployeeNumber++;
  const code = 'A' + String(number).padStart(5, '0');
  const site = team.site.def;
  const pattern = site.patterns[position % site.patterns.length];
  const contractRoll = rng.next();
  const contractHours = contractRoll < 0.85 ? 40 : contractRoll < 0.95 ? 30 : 20;
  const longShift = rng.chance(0.4);
  const shiftMinutes =
    contractHours === 40 ? (longShift ? 540 : 510) : contractHours === 30 ? 390 : 240;
  const breakMinutes = contractHours === 40 ? (longShift ? 60 : 30) : contractHours === 30 ? 30 : 0;
  const pair = DAYS_OFF_PAIRS[rng.weighted(DAYS_OFF_WEIGHTS)];
  const tenureAtStart = founding ? ctx.warmupStart - hireDay : 0;
  const trainingLeft = founding
    ? Math.max(0, CHAIN.trainingWorkdays - Math.round((tenureAtStart * 5) / 7))
    : CHAIN.trainingWorkdays;
  const agent: AgentState = {
    code,
    fullName: makeFullName(rng, site.culture),
    email: `${code.toLowerCase()}@floorwise.local`,
    team,
    workMode: WORK_MODES[rng.weighted(WORK_MODE_WEIGHTS)],
    hireDay,
    termDay: null,
    termType: null,
    termReason: null,
    hourlyRate: hourlyRate(rng, Math.max(1, tenureAtStart)),
    contractHours,
    leadCandidate: rng.chance(0.2),
    position,
    startMinute: pattern.startMinute + rng.pick([-15, 0, 0, 0, 15]),
    shiftMinutes,
    breakMinutes,
    daysOff: pair,
    handleTimeFactor: rng.logNormal(1, 0.1),
    qaBase: Math.max(68, Math.min(97, 86 + 5 * rng.normal())),
    csatBias: 0.2 * rng.normal(),
    separationPropensity: rng.logNormal(1, 0.35),
    absenceProneness: rng.logNormal(1, 0.5),
    effort: rng.between(0.96, 1.04),
    trainingLeft,
    trainingEndDay: hireDay + 14,
    vacations: [],
    sHandle: 0,
    sPhoneWorked: 0,
    sCalls: 0,
    sHostile: 0,
    sOvertimeHours: 0,
    sRecovery: 0,
    sUnplanned: 0,
    sQa: 0,
    sQaCount: 0,
    stress: 0,
    dHandle: 0,
    dPhoneWorked: 0,
    dCalls: 0,
    dHostile: 0,
    dOvertimeHours: 0,
    dRecovery: 0,
    dUnplanned: 0,
    dQa: 0,
    dQaCount: 0,
    lastEnd: 0,
    lastActualEnd: 0,
    lastWorkedDay: -1,
    streak: 0,
    weekKey: -1,
    weekWorkedSeconds: 0,
    overtimeShiftsThisWeek: 0,
    todayHandleFactor: 1,
    todayRamp: 1,
  };
  // Two week-long vacations a year, booked in advance (absent_excused).
  for (let from = Math.max(hireDay + 90, ctx.warmupStart); from <= ctx.lastFutureDay; from += 365) {
    for (let k = 0; k < 2; k++) {
      const start = from + rng.int(365);
      agent.vacations.push(start, start + 6);
    }
  }
  ctx.allAgents.push(agent);
  return agent;
}

export function onVacation(agent: AgentState, day: number): boolean {
  const v = agent.vacations;
  for (let i = 0; i < v.length; i += 2) if (day >= v[i] && day <= v[i + 1]) return true;
  return false;
}

export function foundingHireDay(ctx: SimContext, rng: Rng): number {
  return ctx.warmupStart - foundingTenure(rng);
}

export function titleOf(agent: AgentState, asOfDay: number): string {
  const tenure = (agent.termDay ?? asOfDay) - agent.hireDay;
  if (tenure < 365) return 'Agent I';
  if (tenure < 1095) return 'Agent II';
  if (tenure >= 1825 && agent.leadCandidate) return 'Lead Agent';
  return 'Senior Agent';
}

/** Replacement hires start on the first Monday after the hiring lag. */
export function openRequisition(
  team: TeamState,
  position: number,
  fromDay: number,
  rng: Rng,
): void {
  let day = fromDay + rng.intBetween(CHAIN.hiringLagDays[0], CHAIN.hiringLagDays[1]);
  while (isoWeekday(day) !== 1) day++;
  team.requisitions.push({ day, position });
  team.requisitions.sort((a, b) => a.day - b.day || a.position - b.position);
}

export function hireDue(
  ctx: SimContext,
  team: TeamState,
  day: number,
  rng: Rng,
  phase: Phase,
): void {
  while (team.requisitions.length > 0 && team.requisitions[0].day <= day) {
    const req = team.requisitions.shift();
    if (!req) break;
    const agent = createAgent(ctx, team, req.position, day, rng, false);
    team.active.push(agent);
    if (phase === 'history') team.stats.hires++;
  }
}

const DECAY = Math.exp(-1 / CHAIN.stressDecayDays);

/** Folds the day into the agent's decayed sums and recomputes stress. */
export function closeAgentDay(agent: AgentState): void {
  agent.sHandle = agent.sHandle * DECAY + agent.dHandle;
  agent.sPhoneWorked = agent.sPhoneWorked * DECAY + agent.dPhoneWorked;
  agent.sCalls = agent.sCalls * DECAY + agent.dCalls;
  agent.sHostile = agent.sHostile * DECAY + agent.dHostile;
  agent.sOvertimeHours = agent.sOvertimeHours * DECAY + agent.dOvertimeHours;
  agent.sRecovery = agent.sRecovery * DECAY + agent.dRecovery;
  agent.sUnplanned = agent.sUnplanned * DECAY + agent.dUnplanned;
  agent.sQa = agent.sQa * DECAY + agent.dQa;
  agent.sQaCount = agent.sQaCount * DECAY + agent.dQaCount;
  agent.dHandle = 0;
  agent.dPhoneWorked = 0;
  agent.dCalls = 0;
  agent.dHostile = 0;
  agent.dOvertimeHours = 0;
  agent.dRecovery = 0;
  agent.dUnplanned = 0;
  agent.dQa = 0;
  agent.dQaCount = 0;
  agent.stress = stressIndex({
    occupancy: agent.sPhoneWorked > 3600 ? agent.sHandle / agent.sPhoneWorked : 0,
    overtimeHours: agent.sOvertimeHours,
    hostileRate: agent.sCalls > 20 ? agent.sHostile / agent.sCalls : 0,
    recoveryEvents: agent.sRecovery,
  });
}

/** Today's separation probability from the stress-driven monthly hazard. */
export function separationProbability(agent: AgentState, day: number): number {
  const tenure = day - agent.hireDay;
  return dailyFromMonthly(
    monthlySeparationHazard(agent.stress, tenure, agent.separationPropensity),
  );
}

/** Type and reason of a separation, following what pushed the agent out. */
export function separationReason(
  agent: AgentState,
  day: number,
  rng: Rng,
): { type: TerminationType; reason: string } {
  const qa = agent.sQaCount > 1 ? agent.sQa / agent.sQaCount : agent.qaBase;
  const performanceGap = ramp(80 - qa, 0, 15);
  const absences = ramp(agent.sUnplanned, 0, 3);
  const pInvoluntary = 0.1 + 0.25 * performanceGap + 0.25 * absences;
  if (rng.chance(pInvoluntary)) {
    const i = rng.weighted([0.2 + performanceGap, 0.15 + absences, 0.1]);
    return { type: 'involuntary', reason: ['performance', 'attendance', 'policy'][i] };
  }
  const tenured = day - agent.hireDay > 365 ? 1 : 0;
  const i = rng.weighted([
    0.25 + 0.5 * agent.stress,
    0.25,
    0.1 + 0.2 * ramp(agent.sRecovery, 0, 3),
    0.12 * tenured,
    0.1 * tenured * (1 - performanceGap),
  ]);
  return {
    type: 'voluntary',
    reason: ['quit', 'better_pay', 'schedule', 'internal_move', 'promotion'][i],
  };
}
