import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { BurnoutCalculator } from './burnout-calculator';
import { BurnoutConfigService } from './burnout-config.service';
import { BurnoutSnapshotJob } from './burnout-snapshot.job';
import { BurnoutController } from './burnout.controller';
import { BurnoutService } from './burnout.service';

/** Burnout risk index: daily snapshots, the team view, drill-downs, the agent's own page. */
@Module({
  imports: [ScheduleModule.forRoot()],
  controllers: [BurnoutController],
  providers: [BurnoutCalculator, BurnoutConfigService, BurnoutSnapshotJob, BurnoutService],
  exports: [BurnoutService],
})
export class BurnoutModule {}
