import { Module } from '@nestjs/common';
import { BurnoutModule } from '../burnout/burnout.module';
import { CallsModule } from '../calls/calls.module';
import { StaffingService } from '../staffing/staffing.service';
import { FloorReplayService } from './floor-replay.service';
import { FloorController } from './floor.controller';
import { FloorLiveService } from './floor-live.service';
import { FloorReleaseService } from './floor-release.service';
import { FloorSettingsService } from './floor-settings.service';
import { FloorSettingsController, QuotasController } from './quotas.controller';
import { QuotasService } from './quotas.service';

/** Quotas, the live floor (snapshot, SSE, early release) and the agent's My day. */
@Module({
  imports: [CallsModule, BurnoutModule],
  controllers: [QuotasController, FloorSettingsController, FloorController],
  providers: [
    QuotasService,
    FloorSettingsService,
    FloorLiveService,
    FloorReleaseService,
    StaffingService,
    FloorReplayService,
  ],
  exports: [FloorLiveService],
})
export class QuotasModule {}
