import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { MyBonusDto, MyDrawDto, SpiffAwardDto } from '@floorwise/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { DisputeBody } from './dto';
import { SpiffMeService } from './spiff-me.service';

/** The signed-in agent's SPIFF bonuses (interfaces.md `GET /api/me/bonus`). */
@ApiTags('spiff')
@Controller('me/bonus')
export class MeBonusController {
  constructor(private readonly me: SpiffMeService) {}

  /** interfaces.md: the signed-in agent's campaigns, progress, awards by status, next tier or spin, "up to". */
  @Roles('agent')
  @Get()
  bonus(@CurrentUser() user: AuthUser): Promise<MyBonusDto> {
    return this.me.bonus(user);
  }

  /** Opens a spin or an envelope (the amount was drawn when it was earned). */
  @Roles('agent')
  @Post('draws/:campaignId/:draw/reveal')
  @HttpCode(200)
  reveal(
    @CurrentUser() user: AuthUser,
    @Param('campaignId', ParseIntPipe) campaignId: number,
    @Param('draw', ParseIntPipe) draw: number,
  ): Promise<MyDrawDto> {
    return this.me.reveal(user, campaignId, draw);
  }

  @Roles('agent')
  @Post('awards/:id/dispute')
  @HttpCode(201)
  dispute(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: DisputeBody,
  ): Promise<SpiffAwardDto> {
    return this.me.dispute(user, id, body.comment);
  }
}
