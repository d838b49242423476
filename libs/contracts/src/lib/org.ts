export const WORK_MODES = ['onsite', 'remote', 'hybrid'] as const;
export type WorkMode = (typeof WORK_MODES)[number];

export const CAMPAIGN_KINDS = [
  'inbound_support',
  'outbound_sales',
  'retention',
  'tech_support',
  'collections',
] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

export const TERMINATION_TYPES = ['voluntary', 'involuntary'] as const;
export type TerminationType = (typeof TERMINATION_TYPES)[number];

export interface SiteDto {
  siteCode: string;
  name: string;
  timeZone: string;
  /** Local dates `YYYY-MM-DD`. */
  holidays: string[];
  teamCount: number;
  activeAgentCount: number;
}

export interface SiteInput {
  siteCode: string;
  name: string;
  timeZone: string;
  holidays?: string[];
}

export interface TeamDto {
  teamCode: string;
  name: string;
  siteCode: string;
  managerEmail: string | null;
  activeAgentCount: number;
}

export interface TeamInput {
  teamCode: string;
  name: string;
  siteCode: string;
  managerEmail?: string | null;
}

export interface CampaignDto {
  campaignCode: string;
  name: string;
  kind: CampaignKind;
  client: string | null;
  siteCode: string | null;
}

export interface CampaignInput {
  campaignCode: string;
  name: string;
  kind: CampaignKind;
  client?: string | null;
  siteCode?: string | null;
}

export interface AgentDto {
  employeeCode: string;
  fullName: string;
  email: string;
  teamCode: string;
  siteCode: string;
  title: string;
  workMode: WorkMode;
  hireDate: string;
  terminationDate: string | null;
  terminationType: TerminationType | null;
  terminationReason: string | null;
  /** Integer cents per hour. */
  hourlyRateCents: number;
  contractHours: number;
  active: boolean;
}

export interface AgentInput {
  employeeCode: string;
  fullName: string;
  email: string;
  teamCode: string;
  title: string;
  workMode: WorkMode;
  hireDate: string;
  terminationDate?: string | null;
  terminationType?: TerminationType | null;
  terminationReason?: string | null;
  hourlyRateCents: number;
  contractHours?: number;
}

/** `GET /api/agents` filters. */
export interface AgentQuery {
  teamCode?: string;
  siteCode?: string;
  workMode?: WorkMode;
  status?: 'active' | 'separated' | 'all';
  search?: string;
  page?: number;
  pageSize?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
