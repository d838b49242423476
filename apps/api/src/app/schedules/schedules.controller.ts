import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type {
  AgentScheduleDto,
  PatternResult,
  PayEstimatesDto,
  PayRulesDto,
  RosterDto,
  ShiftDto,
  StaffingGapDto,
} from '@floorwise/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import {
  AbsenceBody,
  PatternBody,
  PayEstimatesQuery,
  PayRulesBody,
  RosterQuery,
  SendHomeBody,
  ShiftCreateBody,
  ShiftUpdateBody,
  StaffingGapQuery,
} from './dto';
import { PayRulesService } from './pay-rules.service';
import { payrollCsv } from './payroll-csv';
import { ScheduleFiguresService } from './schedule-figures.service';
import { ShiftsService } from './shifts.service';

@ApiTags('schedules')
@Controller()
export class SchedulesController {
  constructor(
    private readonly figures: ScheduleFiguresService,
    private readonly shifts: ShiftsService,
    private readonly rules: PayRulesService,
  ) {}

  // ------------------------------------------------------------ figures

  /** A day's or a week's roster (≤ 14 days) of the caller's teams, with metrics.md §4 figures. */
  @Roles('admin', 'manager', 'hr')
  @Get('schedules/roster')
  roster(@CurrentUser() user: AuthUser, @Query() q: RosterQuery): Promise<RosterDto> {
    return this.figures.roster(user, q.from, q.to, q.teamCode);
  }

  /** One agent's schedule, hours, hours lost and pay estimates (an agent: only their own). */
  @Roles('admin', 'manager', 'hr', 'agent')
  @Get('schedules/agents/:employeeCode')
  agent(
    @CurrentUser() user: AuthUser,
    @Param('employeeCode') code: string,
  ): Promise<AgentScheduleDto> {
    return this.figures.agentSchedule(user, code);
  }

  /** The signed-in agent's own schedule and pay. */
  @Roles('agent')
  @Get('me/schedule')
  mine(@CurrentUser() user: AuthUser): Promise<AgentScheduleDto> {
    return this.figures.mySchedule(user);
  }

  /** Agents on the floor per interval against the Erlang C requirement of the forecast week. */
  @Roles('admin', 'manager', 'hr')
  @Get('schedules/staffing-gap')
  gap(@Query() q: StaffingGapQuery): Promise<StaffingGapDto> {
    return this.figures.staffingGap(q.campaignCode, q.intervalMinutes ?? 30);
  }

  /** Pay estimates of the pay period containing `date` (default today) per agent. */
  @Roles('admin', 'manager', 'hr')
  @Get('pay/estimates')
  estimates(
    @CurrentUser() user: AuthUser,
    @Query() q: PayEstimatesQuery,
  ): Promise<PayEstimatesDto> {
    return this.figures.payEstimates(user, q.date, q);
  }

  /** The same estimates as a payroll CSV (dollars with two decimals, hours with two). */
  @Roles('admin', 'hr')
  @Get('pay/estimates/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  async estimatesCsv(
    @CurrentUser() user: AuthUser,
    @Query() q: PayEstimatesQuery,
  ): Promise<string> {
    return payrollCsv(await this.figures.payEstimates(user, q.date, q));
  }

  // ------------------------------------------------------------ pay rules

  @Roles('admin', 'manager', 'hr', 'agent')
  @Get('pay-rules')
  payRules(@CurrentUser() user: AuthUser): Promise<PayRulesDto[]> {
    return this.rules.list(user);
  }

  @Roles('admin')
  @Put('pay-rules/:siteCode')
  setPayRules(
    @CurrentUser() user: AuthUser,
    @Param('siteCode') siteCode: string,
    @Body() body: PayRulesBody,
  ): Promise<PayRulesDto> {
    return this.rules.update(user, siteCode, body);
  }

  // ------------------------------------------------------------ shifts

  @Roles('admin', 'manager')
  @Post('shifts')
  create(@CurrentUser() user: AuthUser, @Body() body: ShiftCreateBody): Promise<ShiftDto> {
    return this.shifts.create(user, body);
  }

  /** A weekly pattern for several agents over a date range, all or nothing (`preview` writes nothing). */
  @Roles('admin', 'manager')
  @Post('shifts/pattern')
  pattern(@CurrentUser() user: AuthUser, @Body() body: PatternBody): Promise<PatternResult> {
    return this.shifts.pattern(user, body);
  }

  @Roles('admin', 'manager', 'hr', 'agent')
  @Get('shifts/:shiftId')
  get(@CurrentUser() user: AuthUser, @Param('shiftId') id: string): Promise<ShiftDto> {
    return this.shifts.get(user, id);
  }

  @Roles('admin', 'manager')
  @Put('shifts/:shiftId')
  update(
    @CurrentUser() user: AuthUser,
    @Param('shiftId') id: string,
    @Body() body: ShiftUpdateBody,
  ): Promise<ShiftDto> {
    return this.shifts.update(user, id, body);
  }

  @Roles('admin', 'manager')
  @Delete('shifts/:shiftId')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('shiftId') id: string): Promise<void> {
    return this.shifts.remove(user, id);
  }

  @Roles('admin', 'manager')
  @Post('shifts/:shiftId/absence')
  @HttpCode(200)
  absence(
    @CurrentUser() user: AuthUser,
    @Param('shiftId') id: string,
    @Body() body: AbsenceBody,
  ): Promise<ShiftDto> {
    return this.shifts.absence(user, id, body);
  }

  @Roles('admin', 'manager')
  @Post('shifts/:shiftId/send-home')
  @HttpCode(200)
  sendHome(
    @CurrentUser() user: AuthUser,
    @Param('shiftId') id: string,
    @Body() body: SendHomeBody,
  ): Promise<ShiftDto> {
    return this.shifts.sendHome(user, id, body);
  }
}
