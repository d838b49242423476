import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import type { CallList, CallStatsRow, HandleTimeRow, LiveCallsResult } from '@floorwise/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { invalid } from '../common/domain-error';
import { CallStatsService } from './call-stats.service';
import { CallWriter } from './call-writer';
import { CallListParams, StatsQueryParams } from './dto';

/** The most calls one `POST /api/calls` may carry (a telephony system sends small batches). */
export const LIVE_BATCH_MAX = 1000;

@ApiTags('calls')
@Controller('calls')
export class CallsController {
  constructor(
    private readonly stats: CallStatsService,
    private readonly writer: CallWriter,
  ) {}

  /** A call, or an array of calls, as they end; the fields of the calls file; idempotent on call_id. */
  @Roles('admin', 'manager')
  @Post()
  @HttpCode(200)
  @ApiBody({ description: 'one call object or an array of up to 1,000 (fields of the calls file)' })
  live(@Body() body: unknown): Promise<LiveCallsResult> {
    const records = Array.isArray(body) ? body : [body];
    if (records.length === 0) {
      throw invalid('No calls were sent');
    }
    if (records.length > LIVE_BATCH_MAX) {
      throw invalid(
        `At most ${LIVE_BATCH_MAX} calls per request; use POST /api/imports/calls for files`,
      );
    }
    return this.writer.writeLive(records);
  }

  /** interfaces.md `GET /api/calls/stats`. An agent sees only their own calls. */
  @Roles('admin', 'manager', 'hr', 'agent')
  @Get('stats')
  callStats(@CurrentUser() user: AuthUser, @Query() q: StatsQueryParams): Promise<CallStatsRow[]> {
    return this.stats.stats(user, q);
  }

  /** Mean, median and p90 handle time per group (raw calls of the range). */
  @Roles('admin', 'manager', 'hr', 'agent')
  @Get('handle-time')
  handleTime(
    @CurrentUser() user: AuthUser,
    @Query() q: StatsQueryParams,
  ): Promise<HandleTimeRow[]> {
    return this.stats.handleTime(user, q);
  }

  /** The calls behind a figure: filter by range, group key and codes. */
  @Roles('admin', 'manager', 'hr', 'agent')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: CallListParams): Promise<CallList> {
    return this.stats.list(user, q);
  }
}
