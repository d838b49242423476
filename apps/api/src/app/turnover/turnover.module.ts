import { Module } from '@nestjs/common';
import { TurnoverInsightsService } from './turnover-insights.service';
import { TurnoverController } from './turnover.controller';
import { TurnoverService } from './turnover.service';

@Module({
  controllers: [TurnoverController],
  providers: [TurnoverService, TurnoverInsightsService],
})
export class TurnoverModule {}
