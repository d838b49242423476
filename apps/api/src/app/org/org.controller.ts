import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AgentDto, CampaignDto, Page, SiteDto, TeamDto } from '@floorwise/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { AgentBody, AgentQueryParams, CampaignBody, SiteBody, TeamBody } from './dto';
import { OrgService } from './org.service';

@ApiTags('organisation')
@Controller()
export class OrgController {
  constructor(private readonly org: OrgService) {}

  @Roles('admin', 'hr', 'manager')
  @Get('sites')
  sites(): Promise<SiteDto[]> {
    return this.org.listSites();
  }

  @Roles('admin')
  @Post('sites')
  createSite(@Body() body: SiteBody): Promise<SiteDto> {
    return this.org.createSite(body);
  }

  @Roles('admin')
  @Put('sites/:siteCode')
  updateSite(@Param('siteCode') code: string, @Body() body: SiteBody): Promise<SiteDto> {
    return this.org.updateSite(code, body);
  }

  @Roles('admin', 'hr', 'manager')
  @Get('teams')
  teams(@CurrentUser() user: AuthUser): Promise<TeamDto[]> {
    return this.org.listTeams(user);
  }

  @Roles('admin')
  @Post('teams')
  createTeam(@CurrentUser() user: AuthUser, @Body() body: TeamBody): Promise<TeamDto> {
    return this.org.createTeam(user, body);
  }

  @Roles('admin')
  @Put('teams/:teamCode')
  updateTeam(
    @CurrentUser() user: AuthUser,
    @Param('teamCode') code: string,
    @Body() body: TeamBody,
  ): Promise<TeamDto> {
    return this.org.updateTeam(user, code, body);
  }

  @Roles('admin', 'hr', 'manager')
  @Get('campaigns')
  campaigns(): Promise<CampaignDto[]> {
    return this.org.listCampaigns();
  }

  @Roles('admin')
  @Post('campaigns')
  createCampaign(@Body() body: CampaignBody): Promise<CampaignDto> {
    return this.org.createCampaign(body);
  }

  @Roles('admin')
  @Put('campaigns/:campaignCode')
  updateCampaign(
    @Param('campaignCode') code: string,
    @Body() body: CampaignBody,
  ): Promise<CampaignDto> {
    return this.org.updateCampaign(code, body);
  }

  @Roles('admin', 'hr', 'manager')
  @Get('agents')
  agents(@CurrentUser() user: AuthUser, @Query() q: AgentQueryParams): Promise<Page<AgentDto>> {
    return this.org.listAgents(user, q);
  }

  /** An agent may read their own record only (403 for anyone else's). */
  @Roles('admin', 'hr', 'manager', 'agent')
  @Get('agents/:employeeCode')
  agent(@CurrentUser() user: AuthUser, @Param('employeeCode') code: string): Promise<AgentDto> {
    return this.org.agent(user, code);
  }

  @Roles('admin')
  @Post('agents')
  createAgent(@CurrentUser() user: AuthUser, @Body() body: AgentBody): Promise<AgentDto> {
    return this.org.createAgent(user, body);
  }

  @Roles('admin')
  @Put('agents/:employeeCode')
  updateAgent(
    @CurrentUser() user: AuthUser,
    @Param('employeeCode') code: string,
    @Body() body: AgentBody,
  ): Promise<AgentDto> {
    return this.org.updateAgent(user, code, body);
  }
}
