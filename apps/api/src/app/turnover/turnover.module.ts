import { Module } from '@nestjs/common';
import { ImportsModule } from '../imports/imports.module';
import { TurnoverInsightsService } from './turnover-insights.service';
import { TurnoverController } from './turnover.controller';
import { TurnoverService } from './turnover.service';

@Module({
  imports: [ImportsModule],
  controllers: [TurnoverController],
  providers: [TurnoverService, TurnoverInsightsService],
})
export class TurnoverModule {}
