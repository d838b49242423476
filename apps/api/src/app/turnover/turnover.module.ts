import { Module } from '@nestjs/common';
import { BurnoutModule } from '../burnout/burnout.module';
import { ImportsModule } from '../imports/imports.module';
import { TurnoverInsightsService } from './turnover-insights.service';
import { TurnoverController } from './turnover.controller';
import { TurnoverService } from './turnover.service';

@Module({
  imports: [ImportsModule, BurnoutModule],
  controllers: [TurnoverController],
  providers: [TurnoverService, TurnoverInsightsService],
})
export class TurnoverModule {}
