import { AgentEntity } from '../app/org/entities/agent.entity';
import { CampaignEntity } from '../app/org/entities/campaign.entity';
import { SiteEntity } from '../app/org/entities/site.entity';
import { TeamEntity } from '../app/org/entities/team.entity';
import { UserEntity } from '../app/users/user.entity';

export const ENTITIES = [SiteEntity, TeamEntity, CampaignEntity, AgentEntity, UserEntity];
