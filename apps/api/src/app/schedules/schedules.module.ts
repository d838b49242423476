import { Module, OnModuleInit } from '@nestjs/common';
import { ImportService } from '../imports/import.service';
import { ImportsModule } from '../imports/imports.module';
import { ShiftsImport } from './imports/shifts-import.handler';

/** Shifts and timesheets, send-homes, pay rules, rosters, pay estimates and the staffing gap. */
@Module({
  imports: [ImportsModule],
})
export class SchedulesModule implements OnModuleInit {
  constructor(private readonly imports: ImportService) {}

  onModuleInit(): void {
    this.imports.register('shifts', (ctx) => new ShiftsImport(ctx));
  }
}
