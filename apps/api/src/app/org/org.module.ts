import { Module, OnModuleInit } from '@nestjs/common';
import { ImportService } from '../imports/import.service';
import { ImportsModule } from '../imports/imports.module';
import {
  AgentsImport,
  CampaignsImport,
  SitesImport,
  TeamsImport,
} from './imports/org-import.handlers';
import { OrgController } from './org.controller';
import { OrgService } from './org.service';

@Module({
  imports: [ImportsModule],
  controllers: [OrgController],
  providers: [OrgService],
  exports: [OrgService],
})
export class OrgModule implements OnModuleInit {
  constructor(private readonly imports: ImportService) {}

  onModuleInit(): void {
    this.imports.register('sites', () => new SitesImport());
    this.imports.register('teams', () => new TeamsImport());
    this.imports.register('campaigns', () => new CampaignsImport());
    this.imports.register('agents', () => new AgentsImport());
  }
}
