import { Module, OnModuleInit } from '@nestjs/common';
import { ImportService } from '../imports/import.service';
import { ImportsModule } from '../imports/imports.module';
import { SpiffModule } from '../spiff/spiff.module';
import { StaffingService } from '../staffing/staffing.service';
import { ShiftsImport } from './imports/shifts-import.handler';
import { PayRulesService } from './pay-rules.service';
import { ScheduleFiguresService } from './schedule-figures.service';
import { SchedulesController } from './schedules.controller';
import { SchedulesDemoSeeder } from './schedules-demo.seeder';
import { ShiftsService } from './shifts.service';

/** Shifts and timesheets, send-homes, pay rules, rosters, pay estimates and the staffing gap. */
@Module({
  // SpiffModule: SpiffPayService, the approved awards of the pay estimate's SPIFF line
  imports: [ImportsModule, SpiffModule],
  controllers: [SchedulesController],
  // StaffingService (the forecast behind the staffing gap) is stateless: its own instance here
  providers: [
    ScheduleFiguresService,
    ShiftsService,
    PayRulesService,
    StaffingService,
    SchedulesDemoSeeder,
  ],
  exports: [SchedulesDemoSeeder],
})
export class SchedulesModule implements OnModuleInit {
  constructor(private readonly imports: ImportService) {}

  onModuleInit(): void {
    this.imports.register('shifts', (ctx) => new ShiftsImport(ctx));
  }
}
