import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type {
  SpiffAuditDto,
  SpiffAwardList,
  SpiffBulkResult,
  SpiffCampaignDto,
  SpiffCostPreviewDto,
  SpiffDisputeDto,
  SpiffLeaderboardDto,
  SpiffPayTotalDto,
} from '@floorwise/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import {
  AwardIdsBody,
  AwardsQueryParams,
  BudgetBody,
  CampaignBody,
  DisputesParams,
  LeaderboardParams,
  PayPeriodParams,
  ResolveDisputeBody,
} from './dto';
import { SpiffAwardsService, SpiffPayService } from './spiff-awards.service';
import { SpiffCampaignsService } from './spiff-campaigns.service';

/** SPIFF campaigns, the awards ledger, payroll and disputes (docs/spiff.md). */
@ApiTags('spiff')
@Controller('spiff')
export class SpiffController {
  constructor(
    private readonly campaigns: SpiffCampaignsService,
    private readonly awards: SpiffAwardsService,
    private readonly pay: SpiffPayService,
  ) {}

  @Roles('admin', 'manager', 'hr')
  @Get('campaigns')
  list(@CurrentUser() user: AuthUser): Promise<SpiffCampaignDto[]> {
    return this.campaigns.list(user);
  }

  @Roles('admin', 'manager')
  @Post('campaigns')
  create(@CurrentUser() user: AuthUser, @Body() body: CampaignBody): Promise<SpiffCampaignDto> {
    return this.campaigns.create(user, body);
  }

  /** The cost preview of a definition before it is saved (the builder). */
  @Roles('admin', 'manager')
  @Post('preview')
  @HttpCode(200)
  preview(@CurrentUser() user: AuthUser, @Body() body: CampaignBody): Promise<SpiffCostPreviewDto> {
    return this.campaigns.preview(user, body);
  }

  @Roles('admin', 'manager', 'hr')
  @Get('campaigns/:id')
  get(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<SpiffCampaignDto> {
    return this.campaigns.get(user, id);
  }

  @Roles('admin', 'manager')
  @Put('campaigns/:id')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: CampaignBody,
  ): Promise<SpiffCampaignDto> {
    return this.campaigns.update(user, id, body);
  }

  @Roles('admin', 'manager')
  @Delete('campaigns/:id')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.campaigns.remove(user, id);
  }

  @Roles('admin', 'manager')
  @Post('campaigns/:id/launch')
  @HttpCode(200)
  launch(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<SpiffCampaignDto> {
    return this.campaigns.launch(user, id);
  }

  @Roles('admin', 'manager')
  @Post('campaigns/:id/close')
  @HttpCode(200)
  close(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<SpiffCampaignDto> {
    return this.campaigns.close(user, id);
  }

  @Roles('admin', 'manager')
  @Put('campaigns/:id/budget')
  budget(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: BudgetBody,
  ): Promise<SpiffCampaignDto> {
    return this.campaigns.setBudget(user, id, body.budgetCents);
  }

  @Roles('admin', 'manager')
  @Get('campaigns/:id/preview')
  previewCampaign(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<SpiffCostPreviewDto> {
    return this.campaigns.previewCampaign(user, id);
  }

  @Roles('admin', 'manager', 'hr')
  @Get('campaigns/:id/leaderboard')
  leaderboard(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Query() q: LeaderboardParams,
  ): Promise<SpiffLeaderboardDto> {
    return this.campaigns.leaderboard(user, id, q.scope ?? 'agent');
  }

  /** The secret and every draw, to re-derive them (admins, once the campaign has closed). */
  @Roles('admin')
  @Get('campaigns/:id/audit')
  audit(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<SpiffAuditDto> {
    return this.campaigns.audit(user, id);
  }

  @Roles('admin', 'manager', 'hr')
  @Get('awards')
  listAwards(
    @CurrentUser() user: AuthUser,
    @Query() q: AwardsQueryParams,
  ): Promise<SpiffAwardList> {
    return this.awards.list(user, q);
  }

  @Roles('admin', 'manager')
  @Post('awards/approve')
  @HttpCode(200)
  approve(@CurrentUser() user: AuthUser, @Body() body: AwardIdsBody): Promise<SpiffBulkResult> {
    return this.awards.approve(user, body.ids);
  }

  @Roles('admin', 'manager')
  @Post('awards/void')
  @HttpCode(200)
  voidAwards(@CurrentUser() user: AuthUser, @Body() body: AwardIdsBody): Promise<SpiffBulkResult> {
    return this.awards.void(user, body.ids, body.reason);
  }

  /** Payroll confirms payment (admins: the person who runs payroll, not the approver). */
  @Roles('admin')
  @Post('awards/pay')
  @HttpCode(200)
  payAwards(@CurrentUser() user: AuthUser, @Body() body: AwardIdsBody): Promise<SpiffBulkResult> {
    return this.awards.pay(user, body.ids);
  }

  @Roles('admin', 'manager')
  @Get('payroll/export')
  @ApiProduces('text/csv')
  async payrollCsv(
    @CurrentUser() user: AuthUser,
    @Query() q: PayPeriodParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader(
      'content-disposition',
      `attachment; filename="spiff-payroll-${q.from}-${q.to}.csv"`,
    );
    return this.awards.payrollCsv(user, q.from, q.to);
  }

  /** Approved awards per agent for a pay period: what the pay estimate adds (metrics.md §4). */
  @Roles('admin', 'manager', 'hr')
  @Get('payroll/totals')
  async payrollTotals(
    @CurrentUser() user: AuthUser,
    @Query() q: PayPeriodParams,
  ): Promise<SpiffPayTotalDto[]> {
    const rows = await this.pay.approvedTotals(q.from, q.to, { teamIds: user.teamIds });
    return rows.map(({ agentId: _agentId, ...r }) => r);
  }

  @Roles('admin', 'manager')
  @Get('disputes')
  disputes(@CurrentUser() user: AuthUser, @Query() q: DisputesParams): Promise<SpiffDisputeDto[]> {
    return this.awards.disputes(user, q.status);
  }

  @Roles('admin', 'manager')
  @Post('disputes/:id/resolve')
  @HttpCode(200)
  resolve(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: ResolveDisputeBody,
  ): Promise<SpiffDisputeDto> {
    return this.awards.resolve(user, id, body);
  }
}
