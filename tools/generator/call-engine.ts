import { arrivalCurve, queueState, QueueState, ramp } from './causal-model';
import { Rng } from './prng';
import { AgentState, CampaignState, LiveShift, SimContext, TeamState } from './sim-types';

// Module-level aliases: the hot loops then skip global lookups, which are slow in the VM
// contexts test runners execute code in.
const { ceil, max, min, round } = Math;

const SLOT_SECONDS = 1800;
const PRICE_POINTS = [19.99, 29.99, 49.99, 79.99, 119.99, 199.99, 349.99];
const PRICE_WEIGHTS = [10, 18, 22, 20, 14, 10, 6];
export const REF_RING_SIZE = 4096;
const TEN_POWERS = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000];
const TALK_SIGMA = 0.5;
const TALK_SHARE = 0.8;
const TALK_MEDIAN_FACTOR = TALK_SHARE / Math.exp((TALK_SIGMA * TALK_SIGMA) / 2);
const HOLD_SHARE = 0.3;
const HOLD_MEAN_SECONDS = 55;
const WRAP_BASE_SECONDS = 10;
const WRAP_SHARE = 0.08;

/** Mean talk + hold + wrap of the draws in `handleCall`, for an agent's handle-time scale. */
function expectedHandle(meanHandle: number): number {
  return (
    (TALK_SHARE + WRAP_SHARE) * meanHandle + HOLD_SHARE * HOLD_MEAN_SECONDS + WRAP_BASE_SECONDS
  );
}

/**
 * Generates one local day of a team's calls, half-hour slot by half-hour slot. The day's offered
 * handle time follows the planned coverage, shaped by the intraday arrival curve; each slot's load
 * (offered ÷ agent seconds actually available) sets the agents' occupancy, the queue and the
 * abandons (causal-model.ts `queueState`). Agents then take calls back to back with idle gaps
 * drawn from that occupancy, so every call starts inside its agent's worked time.
 */
export function runTeamDayCalls(
  ctx: SimContext,
  team: TeamState,
  day: number,
  dayWork: number,
  rng: Rng,
  tailOnly: boolean,
): void {
  const clock = team.site.clock;
  const dayStart = clock.localMidnight(day);
  const dayEnd = clock.localMidnight(day + 1);
  const slotCount = ceil((dayEnd - dayStart) / SLOT_SECONDS);
  const outageMinute = team.site.outages.get(day);
  const phonesDownAt =
    outageMinute === undefined || tailOnly ? dayEnd : clock.wallTime(day, outageMinute);
  const campaign = team.campaign;
  const inbound = campaign.profile.direction === 'inbound';

  const weights = new Float64Array(slotCount);
  let totalWeight = 0;
  for (let k = 0; k < slotCount; k++) {
    const s0 = dayStart + k * SLOT_SECONDS;
    const s1 = min(s0 + SLOT_SECONDS, dayEnd);
    let coverage = 0;
    for (const p of team.planned) {
      coverage += overlap(p.start, p.end, s0, s1) - overlap(p.breakStart, p.breakEnd, s0, s1);
    }
    if (coverage <= 0) continue;
    const w = coverage * (0.85 + 0.3 * arrivalCurve(clock.localHourOf(s0 + (s1 - s0) / 2)));
    weights[k] = w;
    totalWeight += w;
  }
  if (totalWeight <= 0) return;

  for (let k = 0; k < slotCount; k++) {
    if (weights[k] === 0) continue;
    const s0 = dayStart + k * SLOT_SECONDS;
    const s1 = min(s0 + SLOT_SECONDS, dayEnd);
    const open = max(0, min(s1, phonesDownAt) - s0) / (s1 - s0);
    const demand = ((dayWork * weights[k]) / totalWeight) * open;
    let supply = 0;
    for (const sh of team.live) supply += available(sh, s0, s1);
    if (tailOnly && supply <= 0) continue;
    if (demand <= 0) continue;
    const q = queueState(supply > 0 ? demand / supply : Number.POSITIVE_INFINITY, inbound);
    for (const sh of team.live) takeCalls(ctx, team, sh, s0, s1, q, rng);
    if (inbound) {
      const abandoned = rng.poisson((q.abandonRate * demand) / campaign.profile.ahtSeconds);
      for (let i = 0; i < abandoned; i++) {
        writeAbandoned(ctx, team, s0 + rng.int(s1 - s0), q, rng);
      }
    }
  }
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  const lo = a0 > b0 ? a0 : b0;
  const hi = a1 < b1 ? a1 : b1;
  return hi > lo ? hi - lo : 0;
}

function available(sh: LiveShift, s0: number, s1: number): number {
  const lo = sh.actualStart > s0 ? sh.actualStart : s0;
  const hi = sh.callEnd < s1 ? sh.callEnd : s1;
  if (hi <= lo) return 0;
  return hi - lo - overlap(sh.breakStart, sh.breakEnd, lo, hi);
}

function takeCalls(
  ctx: SimContext,
  team: TeamState,
  sh: LiveShift,
  s0: number,
  s1: number,
  q: QueueState,
  rng: Rng,
): void {
  const limit = sh.callEnd < s1 ? sh.callEnd : s1;
  let from = max(s0, sh.actualStart, sh.cursor);
  if (from >= limit) return;
  const agent = sh.agent;
  const occupancy = min(0.98, max(0.03, q.occupancy * agent.effort));
  const meanHandle = team.campaign.profile.ahtSeconds * agent.todayHandleFactor;
  const meanGap = (expectedHandle(meanHandle) * (1 - occupancy)) / occupancy;
  while (from < limit) {
    if (from >= sh.breakStart && from < sh.breakEnd) {
      from = sh.breakEnd;
      continue;
    }
    const start = round(from + rng.exp(meanGap));
    if (start >= limit) return;
    if (start >= sh.breakStart && start < sh.breakEnd) {
      from = sh.breakEnd;
      continue;
    }
    const handled = handleCall(ctx, team, sh, start, meanHandle, q, rng);
    if (handled < 0) {
      // The call would have run past clock-out: the agent takes no further call.
      sh.cursor = sh.callEnd;
      return;
    }
    // A call running into the break shortens it: the agent is back at the break's end.
    sh.cursor =
      start < sh.breakStart && start + handled > sh.breakStart ? sh.breakEnd : start + handled;
    if (sh.cursor < start + handled) sh.cursor = start + handled;
    from = sh.cursor;
  }
}

/** Draws and writes one answered call; returns its handle seconds, or -1 if it does not fit. */
function handleCall(
  ctx: SimContext,
  team: TeamState,
  sh: LiveShift,
  start: number,
  meanHandle: number,
  q: QueueState,
  rng: Rng,
): number {
  const campaign = team.campaign;
  const profile = campaign.profile;
  const channel = profile.channels[rng.weighted(profile.channelWeights)];
  let talk = max(15, round(rng.logNormal(meanHandle * TALK_MEDIAN_FACTOR, TALK_SIGMA)));
  let hold = 0;
  if (channel === 'chat') talk = round(talk * 1.15);
  else if (channel === 'phone' && rng.chance(HOLD_SHARE)) hold = round(rng.exp(HOLD_MEAN_SECONDS));
  const wrap = round(WRAP_BASE_SECONDS + rng.exp(WRAP_SHARE * meanHandle));
  const handle = talk + hold + wrap;
  const end = start + handle;
  if (end > sh.callEnd) return -1;

  const agent = sh.agent;
  const stats = team.stats;
  const inbound = profile.direction === 'inbound';
  const queue = !inbound || channel === 'email' ? 0 : queueSeconds(q, rng);
  const stress = agent.stress;
  const rampGap = 1 - agent.todayRamp;
  const hostileRate =
    channel === 'email'
      ? 0.01
      : 0.022 +
        0.05 * ramp(queue, 20, 240) +
        (campaign.def.kind === 'retention' ? 0.015 : 0) +
        (inbound ? 0 : 0.02) +
        0.01 * stress;
  const hostile = rng.chance(hostileRate);
  const outcome = drawOutcome(campaign, stress, rampGap, hostile, rng);
  const saleAmount = outcome === 'sale' ? PRICE_POINTS[rng.weighted(PRICE_WEIGHTS)] : null;
  let qa: number | null = null;
  if (rng.chance(0.1)) {
    qa = round(agent.qaBase - 16 * stress - 10 * rampGap - (hostile ? 4 : 0) + 6 * rng.normal());
    qa = max(0, min(100, qa));
    agent.dQa += qa;
    agent.dQaCount++;
    stats.qaSum += qa;
    stats.qaCount++;
  }
  let csat: number | null = null;
  if (rng.chance(channel === 'email' ? 0.1 : 0.2)) {
    const mean =
      4.3 +
      agent.csatBias -
      0.7 * stress -
      (hostile ? 1.5 : 0) -
      0.7 * ramp(queue, 60, 400) -
      (outcome === 'unresolved'
        ? 0.9
        : outcome === 'escalated' || outcome === 'transferred'
          ? 0.3
          : 0);
    csat = max(1, min(5, round(mean + 0.75 * rng.normal())));
    stats.csatSum += csat;
    stats.csatCount++;
  }
  const ref = rng.chance(0.93) ? customerRef(campaign, rng) : null;

  agent.dHandle += handle;
  agent.dCalls++;
  if (hostile) {
    agent.dHostile++;
    stats.hostile++;
  }
  stats.answered++;
  stats.handleSeconds += handle;
  if (inbound) {
    stats.offered++;
    stats.answeredQueueSeconds += queue;
  }
  if (!sh.muted && !ctx.writers.calls.muted) {
    ctx.writers.calls.writeAscii([
      nextCallId(ctx),
      agent.code,
      campaign.def.code,
      channel,
      profile.direction,
      team.site.clock.formatIso(start),
      queue,
      talk,
      hold,
      wrap,
      outcome,
      saleAmount,
      hostile,
      qa,
      csat,
      ref,
    ]);
  }
  return handle;
}

function queueSeconds(q: QueueState, rng: Rng): number {
  if (rng.chance(q.answeredWaitShare)) return 1 + round(rng.exp(q.meanWaitSeconds));
  return rng.int(4);
}

function drawOutcome(
  campaign: CampaignState,
  stress: number,
  rampGap: number,
  hostile: boolean,
  rng: Rng,
): string {
  const r = rng.next();
  const penalty = 0.08 * stress + 0.08 * rampGap + (hostile ? 0.1 : 0);
  switch (campaign.def.kind) {
    case 'inbound_support':
      return pickOutcome(r, 0.8 - penalty, 'resolved', 0.05, 0.06);
    case 'tech_support':
      return pickOutcome(r, 0.7 - penalty, 'resolved', 0.12, 0.06);
    case 'retention': {
      const save = 0.34 - 0.1 * stress - 0.08 * rampGap - (hostile ? 0.1 : 0);
      if (r < save) return 'save';
      return pickOutcome((r - save) / (1 - save), 0.45, 'resolved', 0.06, 0.06);
    }
    case 'outbound_sales': {
      const sale = 0.13 - 0.04 * stress - 0.03 * rampGap;
      if (r < sale) return 'sale';
      return pickOutcome((r - sale) / (1 - sale), 0.08, 'resolved', 0, 0.02);
    }
  }
}

function pickOutcome(
  r: number,
  success: number,
  successOutcome: string,
  escalated: number,
  transferred: number,
): string {
  if (r < success) return successOutcome;
  if (r < success + escalated) return 'escalated';
  if (r < success + escalated + transferred) return 'transferred';
  return 'unresolved';
}

function writeAbandoned(
  ctx: SimContext,
  team: TeamState,
  at: number,
  q: QueueState,
  rng: Rng,
): void {
  const campaign = team.campaign;
  const chat = campaign.profile.channels.includes('chat') && rng.chance(0.08);
  const waited = min(1800, 3 + round(rng.exp(q.meanWaitSeconds * 1.3)));
  team.stats.offered++;
  team.stats.abandoned++;
  if (ctx.writers.calls.muted) return;
  ctx.writers.calls.writeAscii([
    nextCallId(ctx),
    null,
    campaign.def.code,
    chat ? 'chat' : 'phone',
    'inbound',
    team.site.clock.formatIso(at),
    waited,
    0,
    0,
    0,
    'abandoned',
    null,
    null,
    null,
    null,
    rng.chance(chat ? 0.3 : 0.8) ? customerRef(campaign, rng) : null,
  ]);
}

function nextCallId(ctx: SimContext): string {
  return 'C' + ('' + ctx.nextCallNumber++).padStart(9, '0');
}

/** A fake phone, account or card number (10–16 digits); some callers call again. */
function customerRef(campaign: CampaignState, rng: Rng): string {
  let head: number;
  let tail: number;
  const stored = min(campaign.refCount, REF_RING_SIZE);
  if (stored > 100 && rng.chance(0.15)) {
    const i = rng.int(stored);
    head = campaign.refHead[i];
    tail = campaign.refTail[i];
  } else {
    // Eight digits without a leading zero, then 2–8 more (kept with a leading 1 as their length).
    const scale = TEN_POWERS[rng.intBetween(2, 8)];
    head = 10000000 + rng.int(90000000);
    tail = scale + rng.int(scale);
    const slot = campaign.refCount++ % REF_RING_SIZE;
    campaign.refHead[slot] = head;
    campaign.refTail[slot] = tail;
  }
  return '' + head + ('' + tail).slice(1);
}

/** Today's handling factor of an agent: slower while ramping up after training, and under stress. */
export function prepareAgentDay(agent: AgentState, day: number, rampDays: number): void {
  agent.todayRamp =
    agent.trainingLeft > 0 ? 0 : min(1, max(0, (day - agent.trainingEndDay) / rampDays));
  agent.todayHandleFactor =
    agent.handleTimeFactor * (1 + 0.35 * (1 - agent.todayRamp)) * (1 + 0.08 * agent.stress);
}
