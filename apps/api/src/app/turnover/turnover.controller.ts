import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  FlightRiskDto,
  RetentionCurveDto,
  RetentionCurvesDto,
  TurnoverCostAssumptionsDto,
  TurnoverCostDto,
  TurnoverDriversDto,
  TurnoverSummary,
  WhatIfResultDto,
} from '@floorwise/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import {
  CostAssumptionsBody,
  CostQueryParams,
  DriversQueryParams,
  FlightRiskQueryParams,
  RetentionCurvesQueryParams,
  RetentionQueryParams,
  SummaryQueryParams,
  WhatIfBody,
} from './dto';
import { TurnoverInsightsService } from './turnover-insights.service';
import { TurnoverService } from './turnover.service';

/**
 * Turnover for HR (issue 8). Agents get 403 on every route; a manager sees their own teams'
 * agents (and, with `scope=org`, the organisation's ungrouped summary and curve); hr and admin
 * see everything.
 */
@ApiTags('turnover')
@Controller('turnover')
@Roles('admin', 'hr', 'manager')
export class TurnoverController {
  constructor(
    private readonly turnover: TurnoverService,
    private readonly insights: TurnoverInsightsService,
  ) {}

  /** interfaces.md: headcount, monthly and trailing-12 attrition, 90-day attrition per group. */
  @Get('summary')
  summary(@CurrentUser() user: AuthUser, @Query() q: SummaryQueryParams): Promise<TurnoverSummary> {
    return this.turnover.summary(user, q);
  }

  /** interfaces.md: the Kaplan–Meier retention curve and the median tenure. */
  @Get('retention')
  retention(
    @CurrentUser() user: AuthUser,
    @Query() q: RetentionQueryParams,
  ): Promise<RetentionCurveDto> {
    return this.turnover.retention(user, q);
  }

  /** One retention curve per hire cohort or group. */
  @Get('retention/curves')
  retentionCurves(
    @CurrentUser() user: AuthUser,
    @Query() q: RetentionCurvesQueryParams,
  ): Promise<RetentionCurvesDto> {
    return this.turnover.retentionCurves(user, q);
  }

  /** Cost of turnover of the range's separations, per group. */
  @Get('cost')
  cost(@CurrentUser() user: AuthUser, @Query() q: CostQueryParams): Promise<TurnoverCostDto> {
    return this.turnover.cost(user, q);
  }

  @Get('cost-assumptions')
  costAssumptions(): Promise<TurnoverCostAssumptionsDto[]> {
    return this.turnover.costAssumptions();
  }

  /** Cost assumptions of one site (hr and admin). */
  @Roles('admin', 'hr')
  @Put('cost-assumptions/:siteCode')
  saveCostAssumptions(
    @CurrentUser() user: AuthUser,
    @Param('siteCode') siteCode: string,
    @Body() body: CostAssumptionsBody,
  ): Promise<TurnoverCostAssumptionsDto> {
    return this.turnover.saveCostAssumptions(user, siteCode, body);
  }

  /** Exit rates by overtime, unsocial share, hostile calls, send-home losses and BRI band; exit reasons. */
  @Get('drivers')
  drivers(
    @CurrentUser() user: AuthUser,
    @Query() q: DriversQueryParams,
  ): Promise<TurnoverDriversDto> {
    return this.insights.drivers(user, q);
  }

  /** Active agents ranked by the estimated probability of leaving in 90 days, with reasons. */
  @Get('flight-risk')
  flightRisk(
    @CurrentUser() user: AuthUser,
    @Query() q: FlightRiskQueryParams,
  ): Promise<FlightRiskDto> {
    return this.insights.flightRisk(user, q);
  }

  /** metrics.md §6 bottom-X % policy what-if against the current trend. */
  @Post('what-if')
  @HttpCode(200)
  whatIf(@CurrentUser() user: AuthUser, @Body() body: WhatIfBody): Promise<WhatIfResultDto> {
    return this.insights.whatIf(user, body);
  }
}
