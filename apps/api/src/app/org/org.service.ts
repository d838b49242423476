import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AgentDto, CampaignDto, Page, SiteDto, TeamDto } from '@floorwise/contracts';
import type { AuthUser } from '../auth/auth-user';
import { conflict, forbidden, invalid, notFound } from '../common/domain-error';
import type { AgentBody, AgentQueryParams, CampaignBody, SiteBody, TeamBody } from './dto';

/** An agent is active on their site's local today (termination date = last day employed). */
const ACTIVE = `(a.termination_date IS NULL OR a.termination_date >= (now() AT TIME ZONE s.time_zone)::date)`;

/** The "visible teams" clause of a caller: all teams, or the listed ones. */
function teamFilter(user: AuthUser, column: string, params: unknown[]): string {
  if (user.teamIds === 'all') {
    return 'TRUE';
  }
  params.push(user.teamIds);
  return `${column} = ANY($${params.length}::int[])`;
}

@Injectable()
export class OrgService {
  constructor(private readonly db: DataSource) {}

  // ------------------------------------------------------------ sites

  async listSites(): Promise<SiteDto[]> {
    const rows: SiteRow[] = await this.db.query(`
      SELECT s.site_code, s.name, s.time_zone, s.holidays::text[] AS holidays,
        (SELECT count(*) FROM team t WHERE t.site_id = s.id)::int AS team_count,
        (SELECT count(*) FROM agent a JOIN team t ON t.id = a.team_id
           WHERE t.site_id = s.id AND ${ACTIVE})::int AS active_agent_count
      FROM site s ORDER BY s.site_code`);
    return rows.map(mapSite);
  }

  async createSite(body: SiteBody): Promise<SiteDto> {
    await this.db
      .query(
        `INSERT INTO site (site_code, name, time_zone, holidays) VALUES ($1, $2, $3, $4::date[])`,
        [body.siteCode, body.name, body.timeZone, normalHolidays(body.holidays)],
      )
      .catch(uniqueAs(`Site ${body.siteCode} already exists`));
    return this.site(body.siteCode);
  }

  async updateSite(code: string, body: SiteBody): Promise<SiteDto> {
    if (body.siteCode !== code) {
      throw invalid('siteCode in the body must match the URL (codes do not change)');
    }
    const [rows] = await this.db.query(
      `UPDATE site SET name = $2, time_zone = $3, holidays = $4::date[], updated_at = now()
       WHERE site_code = $1 RETURNING id`,
      [code, body.name, body.timeZone, normalHolidays(body.holidays)],
    );
    if (!rows || rows.length === 0) {
      throw notFound(`Site ${code} does not exist`);
    }
    return this.site(code);
  }

  private async site(code: string): Promise<SiteDto> {
    const all = await this.listSites();
    const s = all.find((x) => x.siteCode === code);
    if (!s) {
      throw notFound(`Site ${code} does not exist`);
    }
    return s;
  }

  // ------------------------------------------------------------ teams

  async listTeams(user: AuthUser): Promise<TeamDto[]> {
    const params: unknown[] = [];
    const where = teamFilter(user, 't.id', params);
    const rows: TeamRow[] = await this.db.query(
      `SELECT t.team_code, t.name, s.site_code, t.manager_email,
         (SELECT count(*) FROM agent a WHERE a.team_id = t.id AND ${ACTIVE})::int AS active_agent_count
       FROM team t JOIN site s ON s.id = t.site_id
       WHERE ${where} ORDER BY t.team_code`,
      params,
    );
    return rows.map(mapTeam);
  }

  async createTeam(user: AuthUser, body: TeamBody): Promise<TeamDto> {
    const siteId = await this.idOf('site', 'site_code', body.siteCode, 'Site');
    await this.db
      .query(`INSERT INTO team (team_code, name, site_id, manager_email) VALUES ($1, $2, $3, $4)`, [
        body.teamCode,
        body.name,
        siteId,
        body.managerEmail ?? null,
      ])
      .catch(uniqueAs(`Team ${body.teamCode} already exists`));
    return this.team(user, body.teamCode);
  }

  async updateTeam(user: AuthUser, code: string, body: TeamBody): Promise<TeamDto> {
    if (body.teamCode !== code) {
      throw invalid('teamCode in the body must match the URL (codes do not change)');
    }
    const siteId = await this.idOf('site', 'site_code', body.siteCode, 'Site');
    const [rows] = await this.db.query(
      `UPDATE team SET name = $2, site_id = $3, manager_email = $4, updated_at = now()
       WHERE team_code = $1 RETURNING id`,
      [code, body.name, siteId, body.managerEmail ?? null],
    );
    if (!rows || rows.length === 0) {
      throw notFound(`Team ${code} does not exist`);
    }
    return this.team(user, code);
  }

  private async team(user: AuthUser, code: string): Promise<TeamDto> {
    const t = (await this.listTeams(user)).find((x) => x.teamCode === code);
    if (!t) {
      throw notFound(`Team ${code} does not exist`);
    }
    return t;
  }

  // ------------------------------------------------------------ campaigns

  async listCampaigns(): Promise<CampaignDto[]> {
    const rows: CampaignRow[] = await this.db.query(`
      SELECT c.campaign_code, c.name, c.kind, c.client, s.site_code
      FROM campaign c LEFT JOIN site s ON s.id = c.site_id ORDER BY c.campaign_code`);
    return rows.map(mapCampaign);
  }

  async createCampaign(body: CampaignBody): Promise<CampaignDto> {
    const siteId = body.siteCode
      ? await this.idOf('site', 'site_code', body.siteCode, 'Site')
      : null;
    await this.db
      .query(
        `INSERT INTO campaign (campaign_code, name, kind, client, site_id) VALUES ($1, $2, $3, $4, $5)`,
        [body.campaignCode, body.name, body.kind, body.client ?? null, siteId],
      )
      .catch(uniqueAs(`Campaign ${body.campaignCode} already exists`));
    return this.campaign(body.campaignCode);
  }

  async updateCampaign(code: string, body: CampaignBody): Promise<CampaignDto> {
    if (body.campaignCode !== code) {
      throw invalid('campaignCode in the body must match the URL (codes do not change)');
    }
    const siteId = body.siteCode
      ? await this.idOf('site', 'site_code', body.siteCode, 'Site')
      : null;
    const [rows] = await this.db.query(
      `UPDATE campaign SET name = $2, kind = $3, client = $4, site_id = $5, updated_at = now()
       WHERE campaign_code = $1 RETURNING id`,
      [code, body.name, body.kind, body.client ?? null, siteId],
    );
    if (!rows || rows.length === 0) {
      throw notFound(`Campaign ${code} does not exist`);
    }
    return this.campaign(code);
  }

  private async campaign(code: string): Promise<CampaignDto> {
    const c = (await this.listCampaigns()).find((x) => x.campaignCode === code);
    if (!c) {
      throw notFound(`Campaign ${code} does not exist`);
    }
    return c;
  }

  // ------------------------------------------------------------ agents

  async listAgents(user: AuthUser, q: AgentQueryParams): Promise<Page<AgentDto>> {
    const params: unknown[] = [];
    const where = [teamFilter(user, 'a.team_id', params)];
    if (q.teamCode) {
      params.push(q.teamCode);
      where.push(`t.team_code = $${params.length}`);
    }
    if (q.siteCode) {
      params.push(q.siteCode);
      where.push(`s.site_code = $${params.length}`);
    }
    if (q.workMode) {
      params.push(q.workMode);
      where.push(`a.work_mode = $${params.length}`);
    }
    const status = q.status ?? 'active';
    if (status === 'active') {
      where.push(ACTIVE);
    } else if (status === 'separated') {
      where.push(`NOT ${ACTIVE}`);
    }
    if (q.search) {
      params.push(`%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(
        `(a.full_name ILIKE $${params.length} OR a.employee_code ILIKE $${params.length} OR a.email ILIKE $${params.length})`,
      );
    }
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const base = `FROM agent a JOIN team t ON t.id = a.team_id JOIN site s ON s.id = t.site_id WHERE ${where.join(' AND ')}`;
    const [{ total }]: { total: number }[] = await this.db.query(
      `SELECT count(*)::int AS total ${base}`,
      params,
    );
    const rows: AgentRow[] = await this.db.query(
      `SELECT ${AGENT_COLUMNS} ${base} ORDER BY a.employee_code LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    return { items: rows.map(mapAgent), total, page, pageSize };
  }

  /** One agent: an agent may read only their own record; a manager only their teams'. */
  async agent(user: AuthUser, code: string): Promise<AgentDto> {
    const rows: AgentRow[] = await this.db.query(
      `SELECT ${AGENT_COLUMNS}, a.id, a.team_id FROM agent a JOIN team t ON t.id = a.team_id
       JOIN site s ON s.id = t.site_id WHERE a.employee_code = $1`,
      [code],
    );
    const row = rows[0];
    if (user.role === 'agent' && (!row || row.employee_code !== user.employeeCode)) {
      throw forbidden('An agent may read only their own record');
    }
    if (!row) {
      throw notFound(`Agent ${code} does not exist`);
    }
    if (user.teamIds !== 'all' && !user.teamIds.includes(row.team_id as number)) {
      throw forbidden(`Agent ${code} is not in a team you manage`);
    }
    return mapAgent(row);
  }

  async createAgent(user: AuthUser, body: AgentBody): Promise<AgentDto> {
    checkTermination(body);
    const teamId = await this.idOf('team', 'team_code', body.teamCode, 'Team');
    await this.db
      .query(
        `INSERT INTO agent (employee_code, full_name, email, team_id, title, work_mode, hire_date,
           termination_date, termination_type, termination_reason, hourly_rate_cents, contract_hours)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        agentParams(body, teamId),
      )
      .catch(uniqueAs(`Agent ${body.employeeCode} or email ${body.email} already exists`));
    return this.agent(user, body.employeeCode);
  }

  async updateAgent(user: AuthUser, code: string, body: AgentBody): Promise<AgentDto> {
    if (body.employeeCode !== code) {
      throw invalid('employeeCode in the body must match the URL (codes do not change)');
    }
    checkTermination(body);
    const teamId = await this.idOf('team', 'team_code', body.teamCode, 'Team');
    const [rows] = await this.db
      .query(
        `UPDATE agent SET full_name = $2, email = $3, team_id = $4, title = $5, work_mode = $6,
           hire_date = $7, termination_date = $8, termination_type = $9, termination_reason = $10,
           hourly_rate_cents = $11, contract_hours = $12, updated_at = now()
         WHERE employee_code = $1 RETURNING id`,
        agentParams(body, teamId),
      )
      .catch(uniqueAs(`Email ${body.email} already belongs to another agent`));
    if (!rows || rows.length === 0) {
      throw notFound(`Agent ${code} does not exist`);
    }
    return this.agent(user, code);
  }

  private async idOf(table: string, column: string, code: string, what: string): Promise<number> {
    const rows: { id: number }[] = await this.db.query(
      `SELECT id FROM ${table} WHERE ${column} = $1`,
      [code],
    );
    if (rows.length === 0) {
      throw invalid(`${what} ${code} does not exist`);
    }
    return rows[0].id;
  }
}

/**
 * Holidays are stored sorted and without repeats, as the sites import stores them: otherwise
 * re-importing the same site would count as an update.
 */
function normalHolidays(holidays: string[] | undefined): string[] {
  return [...new Set(holidays ?? [])].sort();
}

function checkTermination(body: AgentBody): void {
  if (body.terminationDate && body.terminationDate < body.hireDate) {
    throw invalid(`terminationDate ${body.terminationDate} is before hireDate ${body.hireDate}`);
  }
  if ((body.terminationType || body.terminationReason) && !body.terminationDate) {
    throw invalid('terminationType and terminationReason need a terminationDate');
  }
}

function agentParams(b: AgentBody, teamId: number): unknown[] {
  return [
    b.employeeCode,
    b.fullName,
    b.email,
    teamId,
    b.title,
    b.workMode,
    b.hireDate,
    b.terminationDate ?? null,
    b.terminationType ?? null,
    b.terminationReason ?? null,
    b.hourlyRateCents,
    b.contractHours ?? 40,
  ];
}

/** Maps a unique violation to 409 with a message, rethrowing anything else. */
function uniqueAs(message: string) {
  return (e: unknown): never => {
    if ((e as { code?: string }).code === '23505') {
      throw conflict(message);
    }
    throw e;
  };
}

const AGENT_COLUMNS = `a.employee_code, a.full_name, a.email, t.team_code, s.site_code, a.title,
  a.work_mode, a.hire_date::text AS hire_date, a.termination_date::text AS termination_date,
  a.termination_type, a.termination_reason, a.hourly_rate_cents, a.contract_hours,
  ${ACTIVE} AS active`;

interface SiteRow {
  site_code: string;
  name: string;
  time_zone: string;
  holidays: string[];
  team_count: number;
  active_agent_count: number;
}
interface TeamRow {
  team_code: string;
  name: string;
  site_code: string;
  manager_email: string | null;
  active_agent_count: number;
}
interface CampaignRow {
  campaign_code: string;
  name: string;
  kind: CampaignDto['kind'];
  client: string | null;
  site_code: string | null;
}
interface AgentRow {
  employee_code: string;
  full_name: string;
  email: string;
  team_code: string;
  site_code: string;
  title: string;
  work_mode: AgentDto['workMode'];
  hire_date: string;
  termination_date: string | null;
  termination_type: AgentDto['terminationType'];
  termination_reason: string | null;
  hourly_rate_cents: number;
  contract_hours: number;
  active: boolean;
  team_id?: number;
}

function mapSite(r: SiteRow): SiteDto {
  return {
    siteCode: r.site_code,
    name: r.name,
    timeZone: r.time_zone,
    holidays: r.holidays,
    teamCount: r.team_count,
    activeAgentCount: r.active_agent_count,
  };
}

function mapTeam(r: TeamRow): TeamDto {
  return {
    teamCode: r.team_code,
    name: r.name,
    siteCode: r.site_code,
    managerEmail: r.manager_email,
    activeAgentCount: r.active_agent_count,
  };
}

function mapCampaign(r: CampaignRow): CampaignDto {
  return {
    campaignCode: r.campaign_code,
    name: r.name,
    kind: r.kind,
    client: r.client,
    siteCode: r.site_code,
  };
}

function mapAgent(r: AgentRow): AgentDto {
  return {
    employeeCode: r.employee_code,
    fullName: r.full_name,
    email: r.email,
    teamCode: r.team_code,
    siteCode: r.site_code,
    title: r.title,
    workMode: r.work_mode,
    hireDate: r.hire_date,
    terminationDate: r.termination_date,
    terminationType: r.termination_type,
    terminationReason: r.termination_reason,
    hourlyRateCents: r.hourly_rate_cents,
    contractHours: r.contract_hours,
    active: r.active,
  };
}
