import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { Env, ENV } from '../../config/env';
import { ImportService } from '../imports/import.service';
import { ImportsModule } from '../imports/imports.module';
import { CallStatsService } from './call-stats.service';
import { CallWriter } from './call-writer';
import { CallsImport } from './calls-import.handler';
import { CallsController } from './calls.controller';

@Module({
  imports: [ImportsModule],
  controllers: [CallsController],
  providers: [CallStatsService, CallWriter],
  exports: [CallStatsService, CallWriter],
})
export class CallsModule implements OnModuleInit {
  constructor(
    private readonly imports: ImportService,
    private readonly writer: CallWriter,
    @Inject(ENV) private readonly env: Env,
  ) {}

  onModuleInit(): void {
    this.imports.register(
      'calls',
      () => new CallsImport(this.env.CUSTOMER_REF_KEY, this.env.CALLS_MERGE_CHUNK_ROWS),
    );
    this.imports.onImported((kind, result) => {
      if (kind === 'calls' && result.imported > 0) {
        this.writer.landed.next({ source: 'import', count: result.imported });
      }
    });
  }
}
