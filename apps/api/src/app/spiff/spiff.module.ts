import { Module } from '@nestjs/common';
import { CallsModule } from '../calls/calls.module';
import { MeBonusController } from './me-bonus.controller';
import { SpiffAwardsService, SpiffPayService } from './spiff-awards.service';
import { SpiffCampaignsService } from './spiff-campaigns.service';
import { SpiffDemoSeeder } from './spiff-demo.seeder';
import { SpiffEvaluator } from './spiff-evaluator';
import { SpiffMeService } from './spiff-me.service';
import { SpiffController } from './spiff.controller';

/**
 * SPIFF campaigns (metrics.md §7): builder and cost preview, live and close-time evaluation,
 * the awards ledger with approvals, payroll and disputes, and the agent's `GET /api/me/bonus`.
 * `SpiffPayService` is exported for the pay estimate (approved awards per agent and period).
 */
@Module({
  imports: [CallsModule],
  controllers: [SpiffController, MeBonusController],
  providers: [
    SpiffEvaluator,
    SpiffCampaignsService,
    SpiffAwardsService,
    SpiffPayService,
    SpiffMeService,
    SpiffDemoSeeder,
  ],
  exports: [SpiffPayService, SpiffDemoSeeder, SpiffEvaluator],
})
export class SpiffModule {}
