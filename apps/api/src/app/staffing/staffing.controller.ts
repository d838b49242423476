import { Controller, Get, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  ERLANG_DEFAULTS,
  ErlangAResult,
  ErlangCInput,
  ErlangCPoint,
  erlangA,
  erlangC,
  ErlangQueueTooLongError,
  serviceLevelCurve,
  validateErlangAInput,
  validateErlangInput,
} from '@floorwise/analytics';
import type { ErlangCResponse, StaffingForecast } from '@floorwise/contracts';
import { Roles } from '../auth/roles.decorator';
import { invalid } from '../common/domain-error';
import { StaffingService } from './staffing.service';

const PARAMS = [
  'calls',
  'intervalMinutes',
  'ahtSeconds',
  'targetServiceLevel',
  'targetAnswerSeconds',
  'maxOccupancy',
  'shrinkage',
] as const;

/** Defaults where a parameter is left out: a 30-minute interval, 80/20, 0.85 cap, 30% shrinkage. */
const DEFAULTS: Partial<Record<(typeof PARAMS)[number], number>> = {
  intervalMinutes: 30,
  targetServiceLevel: 0.8,
  targetAnswerSeconds: 20,
  maxOccupancy: ERLANG_DEFAULTS.maxOccupancy,
  shrinkage: ERLANG_DEFAULTS.shrinkage,
};

/** Parses the query strictly: a parameter that is not a number is a 400 naming it. */
function parseInput(query: Record<string, unknown>, extra: readonly string[] = []): ErlangCInput {
  const problems: string[] = [];
  const unknown = Object.keys(query).filter(
    (k) => !(PARAMS as readonly string[]).includes(k) && !extra.includes(k),
  );
  if (unknown.length > 0) {
    problems.push(`unknown parameter${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`);
  }
  const values: Partial<Record<(typeof PARAMS)[number], number>> = {};
  for (const p of PARAMS) {
    const raw = query[p];
    if (raw === undefined || raw === '') {
      if (DEFAULTS[p] === undefined) {
        problems.push(`${p} is required`);
      } else {
        values[p] = DEFAULTS[p];
      }
      continue;
    }
    const n =
      typeof raw === 'string' && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(raw.trim())
        ? Number(raw)
        : NaN;
    if (!Number.isFinite(n)) {
      problems.push(`${p} must be a number (got "${String(raw)}")`);
      continue;
    }
    values[p] = n;
  }
  const input: ErlangCInput = {
    calls: values.calls ?? NaN,
    intervalMinutes: values.intervalMinutes ?? NaN,
    ahtSeconds: values.ahtSeconds ?? NaN,
    targetServiceLevel: values.targetServiceLevel ?? NaN,
    targetAnswerSeconds: values.targetAnswerSeconds ?? NaN,
    maxOccupancy: values.maxOccupancy,
    shrinkage: values.shrinkage,
  };
  if (problems.length === 0) {
    problems.push(...validateErlangInput(input));
  }
  if (problems.length > 0) {
    throw invalid(`Impossible staffing input: ${problems.join('; ')}`);
  }
  return input;
}

@ApiTags('staffing')
@Controller('staffing')
export class StaffingController {
  constructor(private readonly staffing: StaffingService) {}

  /**
   * Offered calls and required agents per interval for the next 7 days of a campaign, with the
   * forecast's MAPE and WAPE on the last complete week (metrics.md §2).
   */
  @Roles('admin', 'manager', 'hr')
  @Get('forecast')
  @ApiQuery({ name: 'campaignCode', required: true })
  forecast(@Query() query: Record<string, unknown>): Promise<StaffingForecast> {
    const { campaignCode, intervalMinutes, ...rest } = query;
    if (typeof campaignCode !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(campaignCode)) {
      throw invalid('campaignCode is required');
    }
    const m = intervalMinutes === undefined ? 30 : Number(intervalMinutes);
    if (m !== 15 && m !== 30 && m !== 60) {
      throw invalid('intervalMinutes must be 15, 30 or 60');
    }
    const input = parseInput({ calls: '0', ahtSeconds: '1', intervalMinutes: String(m), ...rest });
    return this.staffing.forecast({
      campaignCode,
      intervalMinutes: m,
      targetServiceLevel: input.targetServiceLevel,
      targetAnswerSeconds: input.targetAnswerSeconds,
      maxOccupancy: input.maxOccupancy ?? ERLANG_DEFAULTS.maxOccupancy,
      shrinkage: input.shrinkage ?? ERLANG_DEFAULTS.shrinkage,
    });
  }

  /** interfaces.md `GET /api/staffing/erlang-c` (metrics.md §2). */
  @Roles('admin', 'manager', 'hr')
  @Get('erlang-c')
  @ApiQuery({ name: 'calls', required: true })
  @ApiQuery({ name: 'ahtSeconds', required: true })
  erlangC(@Query() query: Record<string, unknown>): ErlangCResponse {
    const r = erlangC(parseInput(query));
    return {
      trafficErlangs: r.trafficErlangs,
      rawAgents: r.rawAgents,
      agents: r.agents,
      serviceLevel: r.serviceLevel,
      waitProbability: r.waitProbability,
      asaSeconds: r.asaSeconds,
      occupancy: r.occupancy,
    };
  }

  /**
   * Erlang A (M/M/N+M: callers abandon after an exponentially distributed patience, mean
   * `patienceSeconds`) — beside Erlang C, which assumes nobody hangs up and so overstaffs when
   * callers do. Service level by the metrics.md §1 definition; same targets, cap and shrinkage.
   */
  @Roles('admin', 'manager', 'hr')
  @Get('erlang-a')
  @ApiQuery({ name: 'patienceSeconds', required: true })
  erlangA(@Query() query: Record<string, unknown>): ErlangAResult & { model: 'erlang-a' } {
    const { patienceSeconds, ...rest } = query;
    const input = parseInput(rest);
    const patience =
      typeof patienceSeconds === 'string' && /^\d+(\.\d+)?$/.test(patienceSeconds.trim())
        ? Number(patienceSeconds)
        : NaN;
    const full = { ...input, patienceSeconds: patience };
    const problems = validateErlangAInput(full);
    if (problems.length > 0) {
      throw invalid(`Impossible staffing input: ${problems.join('; ')}`);
    }
    try {
      return { model: 'erlang-a', ...erlangA(full) };
    } catch (e) {
      if (e instanceof ErlangQueueTooLongError) {
        throw invalid(e.message);
      }
      throw e;
    }
  }

  /** Service level, wait probability, ASA and occupancy against agents, for the calculator's chart. */
  @Roles('admin', 'manager', 'hr')
  @Get('erlang-c/curve')
  curve(@Query() query: Record<string, unknown>): ErlangCPoint[] {
    return serviceLevelCurve(parseInput(query));
  }
}
