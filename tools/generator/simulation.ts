import { runTeamDayCalls, prepareAgentDay } from './call-engine';
import { CHAIN } from './causal-model';
import { Rng } from './prng';
import {
  closeAgentDay,
  createAgent,
  foundingHireDay,
  hireDue,
  openRequisition,
  separationProbability,
  separationReason,
} from './roster';
import { rollWeek, scheduleTeamDay } from './scheduler';
import { AgentState, emptyTeamStats, Phase, SimContext, TeamState } from './sim-types';

const STREAM = { founding: 1, day: 2, calls: 3, roster: 4 } as const;

/** Creates each team's founding roster and sizes its call volume from its staffing ratio. */
export function staffTeams(ctx: SimContext, teams: TeamState[]): void {
  for (const team of teams) {
    const rng = Rng.derive(ctx.seed, STREAM.founding, team.def.index);
    team.separationThreshold = rng.between(...CHAIN.separationThreshold);
    let contractHours = 0;
    for (let position = 0; position < team.def.targetHeadcount; position++) {
      const agent = createAgent(ctx, team, position, foundingHireDay(ctx, rng), rng, true);
      team.active.push(agent);
      contractHours += agent.contractHours;
    }
    // The volume needs targetHeadcount ÷ ratio agents of the roster's average contract.
    const meanContract = contractHours / Math.max(1, team.def.targetHeadcount);
    team.demandWeekSeconds =
      (team.def.targetHeadcount / team.def.staffingRatio) *
      meanContract *
      3600 *
      CHAIN.occupancyTarget;
  }
}

/** Runs the simulation day by day over every team, streaming rows as it goes. */
export async function simulate(
  ctx: SimContext,
  teams: TeamState[],
  onDay?: (day: number, phase: Phase) => void,
): Promise<void> {
  for (let day = ctx.warmupStart; day <= ctx.lastFutureDay; day++) {
    const phase: Phase =
      day < ctx.windowStart ? 'warmup' : day <= ctx.endDay ? 'history' : 'future';
    if (day === ctx.windowStart) {
      ctx.writers.shifts.muted = false;
      ctx.writers.calls.muted = false;
      for (const team of teams) team.stats = emptyTeamStats();
    }
    for (const team of teams) processTeamDay(ctx, team, day, phase);
    await ctx.writers.shifts.drain();
    await ctx.writers.calls.drain();
    if (day % 7 === 0) for (const team of teams) team.site.clock.forgetBefore(day - 2);
    onDay?.(day, phase);
  }
  for (const agent of ctx.allAgents) rollWeek(ctx, agent, Number.MAX_SAFE_INTEGER);
}

function processTeamDay(ctx: SimContext, team: TeamState, day: number, phase: Phase): void {
  const index = team.def.index;
  const rng = Rng.derive(ctx.seed, STREAM.day, index, day);
  if (phase !== 'future') hireDue(ctx, team, day, rng, phase);
  for (const agent of team.active) prepareAgentDay(agent, day, CHAIN.rampDays);
  const plan = scheduleTeamDay(ctx, team, day, phase, rng);

  const clock = team.site.clock;
  const dayEnd = clock.localMidnight(day + 1);
  if (phase !== 'future' || team.live.length > 0) {
    const callRng = Rng.derive(ctx.seed, STREAM.calls, index, day);
    runTeamDayCalls(ctx, team, day, plan.dayWork, callRng, phase === 'future');
  }
  team.live = phase === 'future' ? [] : team.live.filter((sh) => sh.callEnd > dayEnd);
  team.planned = team.planned.filter((p) => p.end > dayEnd);
  if (phase === 'future') return;

  const rosterRng = Rng.derive(ctx.seed, STREAM.roster, index, day);
  const stats = team.stats;
  const probabilities: number[] = [];
  for (const agent of team.active) {
    closeAgentDay(agent);
    const p = separationProbability(agent, day);
    probabilities.push(p);
    if (phase === 'history') {
      stats.agentDays++;
      stats.stressSum += agent.stress;
      stats.hazardSum += p;
    }
  }
  const leavers: AgentState[] = [];
  if (day < ctx.endDay) {
    for (const p of probabilities) team.hazardAccumulator += p;
    while (team.hazardAccumulator >= team.separationThreshold) {
      team.hazardAccumulator -= team.separationThreshold;
      team.separationThreshold = rosterRng.between(...CHAIN.separationThreshold);
      const i = rosterRng.weighted(probabilities);
      if (probabilities[i] === 0) break;
      probabilities[i] = 0;
      leavers.push(team.active[i]);
    }
  }
  for (const agent of leavers) {
    // A shift running past midnight makes the next day the last day employed.
    const crossing = team.live.some((sh) => sh.agent === agent && sh.actualEnd > dayEnd);
    const termDay = crossing ? day + 1 : day;
    const { type, reason } = separationReason(agent, day, rosterRng);
    agent.termDay = termDay;
    agent.termType = type;
    agent.termReason = reason;
    team.active.splice(team.active.indexOf(agent), 1);
    openRequisition(team, agent.position, termDay, rosterRng);
    if (termDay >= ctx.windowStart) {
      stats.separations++;
      if (type === 'voluntary') stats.voluntary++;
      else stats.involuntary++;
      if (termDay - agent.hireDay < CHAIN.earlyTenureDays) stats.earlySeparations++;
    }
  }
}
