import { Body, Controller, Get, Headers, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { MyDayDto, ReleaseResult } from '@floorwise/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { FloorLiveService } from './floor-live.service';
import { FloorReleaseService } from './floor-release.service';
import { badRequest } from './quota-rules';

/** The live floor: snapshot, event stream, early release; and the agent's own day. */
@ApiTags('floor')
@Controller()
export class FloorController {
  constructor(
    private readonly live: FloorLiveService,
    private readonly releases: FloorReleaseService,
  ) {}

  /** Every agent on shift now in the caller's teams, team totals and the interval SL. */
  @Roles('admin', 'manager')
  @Get('floor')
  async snapshot(
    @CurrentUser() user: AuthUser,
    @Query('teamCode') teamCode: string | undefined,
    @Query('campaignCode') campaignCode: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const body = await this.live.snapshotBody(
      user,
      teamCode || undefined,
      campaignCode || undefined,
    );
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Vary', 'Accept-Encoding');
    const encoding = snapshotEncoding(req.headers['accept-encoding']);
    if (encoding) {
      res.setHeader('Content-Encoding', encoding);
    }
    res.end(encoding === 'br' ? body.br : encoding === 'gzip' ? await body.gz() : body.json);
  }

  /**
   * Server-sent events: one `floor` message per floor event (id = event id) carrying the rows
   * it changed that the caller may see; `ping` keeps the id current; `reset` asks for a new
   * snapshot. Resume with `Last-Event-ID` (the browser sends it) or `?after=` (the snapshot's
   * `eventId`). `?catchUp=true` sends what is after the cursor and closes.
   */
  @Roles('admin', 'manager', 'agent')
  @Get('floor/events')
  async events(
    @CurrentUser() user: AuthUser,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Query('after') after: string | undefined,
    @Query('catchUp') catchUp: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const raw = lastEventId ?? after;
    if (raw !== undefined && !/^\d{1,18}$/.test(raw)) {
      throw badRequest([
        {
          field: lastEventId !== undefined ? 'Last-Event-ID' : 'after',
          message: 'must be an event id (a whole number)',
        },
      ]);
    }
    await this.live.open(user, res, raw === undefined ? null : Number(raw), catchUp === 'true');
  }

  /** Releases agents whose daily goal is met: a paid `goal_met` send-home each. */
  @Roles('admin', 'manager')
  @Post('floor/release')
  @HttpCode(200)
  release(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<ReleaseResult> {
    return this.releases.release(user, body);
  }

  /** The signed-in agent's day: own quotas, pacing, goal in reach, and team totals only. */
  @Roles('agent')
  @Get('me/day')
  myDay(@CurrentUser() user: AuthUser): Promise<MyDayDto> {
    return this.live.myDay(user);
  }
}

/**
 * The snapshot's encoding for an `Accept-Encoding` header: brotli when accepted, else gzip, else
 * none. A coding listed with `q=0` is refused (RFC 9110 §12.5.3); other weights are not ranked.
 */
export function snapshotEncoding(header: string | string[] | undefined): 'br' | 'gzip' | null {
  const accepted = new Set<string>();
  for (const part of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (coding && !(q && Number(q.slice(2)) === 0)) {
      accepted.add(coding.trim());
    }
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return null;
}
