import {
  Body,
  Controller,
  Delete,
  Get,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FloorSettingsDto, QuotaDto } from '@floorwise/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { FloorSettingsService } from './floor-settings.service';
import { QuotasService } from './quotas.service';

/** Quotas (metrics.md §3): managers for their own teams, admins for all. */
@ApiTags('quotas')
@Controller('quotas')
export class QuotasController {
  constructor(private readonly quotas: QuotasService) {}

  @Roles('admin', 'manager')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: Record<string, string>): Promise<QuotaDto[]> {
    return this.quotas.list(user, q);
  }

  @Roles('admin', 'manager')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<QuotaDto> {
    return this.quotas.get(user, id);
  }

  @Roles('admin', 'manager')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<QuotaDto> {
    return this.quotas.create(user, body);
  }

  @Roles('admin', 'manager')
  @Patch(':id')
  change(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: unknown,
  ): Promise<QuotaDto> {
    return this.quotas.change(user, id, body);
  }

  /** Ends the quota from `effectiveFrom` (default today); its history stays. */
  @Roles('admin', 'manager')
  @Delete(':id')
  end(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Query('effectiveFrom') effectiveFrom?: string,
  ): Promise<QuotaDto> {
    return this.quotas.end(user, id, effectiveFrom);
  }
}

/** The floor's thresholds and the new-hire ramp: read by managers, changed by admins. */
@ApiTags('floor')
@Controller('floor/settings')
export class FloorSettingsController {
  constructor(private readonly settings: FloorSettingsService) {}

  @Roles('admin', 'manager')
  @Get()
  get(): Promise<FloorSettingsDto> {
    return this.settings.get();
  }

  @Roles('admin')
  @Put()
  put(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<FloorSettingsDto> {
    return this.settings.update(user, body);
  }
}
