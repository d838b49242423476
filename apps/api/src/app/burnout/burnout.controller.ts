import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  BurnoutAgentDetail,
  BurnoutAgentRow,
  BurnoutConfigState,
  BurnoutConfigVersion,
  BurnoutJobStatus,
  BurnoutRecomputeResult,
  BurnoutTeamView,
} from '@floorwise/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { BurnoutConfigService } from './burnout-config.service';
import { BurnoutSnapshotJob } from './burnout-snapshot.job';
import { BurnoutService } from './burnout.service';
import {
  BurnoutAgentsParams,
  BurnoutConfigUpdateBody,
  BurnoutDetailParams,
  BurnoutRecomputeBody,
  BurnoutTeamParams,
} from './dto';

@ApiTags('burnout')
@Controller()
export class BurnoutController {
  constructor(
    private readonly burnout: BurnoutService,
    private readonly configs: BurnoutConfigService,
    private readonly job: BurnoutSnapshotJob,
  ) {}

  /** interfaces.md: every visible agent's index on asOf with components and drivers. */
  @Roles('admin', 'hr', 'manager')
  @Get('burnout/agents')
  agents(@CurrentUser() u: AuthUser, @Query() q: BurnoutAgentsParams): Promise<BurnoutAgentRow[]> {
    return this.burnout.agents(u, q);
  }

  /** One agent's drill-down: index over time, components, and the shifts and calls behind them. */
  @Roles('admin', 'hr', 'manager')
  @Get('burnout/agents/:employeeCode')
  agent(
    @CurrentUser() u: AuthUser,
    @Param('employeeCode') code: string,
    @Query() q: BurnoutDetailParams,
  ): Promise<BurnoutAgentDetail> {
    return this.burnout.agentDetail(u, code, q);
  }

  /** The team view from the daily snapshots. */
  @Roles('admin', 'hr', 'manager')
  @Get('burnout/team')
  team(@CurrentUser() u: AuthUser, @Query() q: BurnoutTeamParams): Promise<BurnoutTeamView> {
    return this.burnout.team(u, q);
  }

  /** The signed-in agent's own index and drivers. */
  @Roles('agent')
  @Get('me/burnout')
  mine(@CurrentUser() u: AuthUser, @Query() q: BurnoutDetailParams): Promise<BurnoutAgentDetail> {
    return this.burnout.mine(u, q);
  }

  @Roles('admin', 'hr', 'manager')
  @Get('burnout/config')
  config(): Promise<BurnoutConfigState> {
    return this.configs.state();
  }

  /** A new configuration version; snapshots of older versions are recomputed by the job. */
  @Roles('admin')
  @Put('burnout/config')
  updateConfig(
    @CurrentUser() u: AuthUser,
    @Body() body: BurnoutConfigUpdateBody,
  ): Promise<BurnoutConfigVersion> {
    return this.configs.update(u, body.config, body.note).then((v) => {
      void this.job.kick();
      return v;
    });
  }

  @Roles('admin', 'hr', 'manager')
  @Get('burnout/status')
  status(): Promise<BurnoutJobStatus> {
    return this.job.status();
  }

  /** Recomputes one as-of date for every agent now (default: the last complete day). */
  @Roles('admin')
  @Post('burnout/recompute')
  @HttpCode(200)
  async recompute(@Body() body: BurnoutRecomputeBody): Promise<BurnoutRecomputeResult> {
    return this.job.computeDay(body.asOf ?? (await this.job.latestAsOf()));
  }
}
