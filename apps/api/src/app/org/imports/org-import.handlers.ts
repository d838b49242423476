import type { PoolClient } from 'pg';
import {
  CAMPAIGN_KINDS,
  CampaignKind,
  ImportResult,
  TERMINATION_TYPES,
  TerminationType,
  WORK_MODES,
  WorkMode,
} from '@floorwise/contracts';
import * as f from '../../imports/fields';
import { ImportHandler, optional, required } from '../../imports/import-handler';
import type { RowProblems } from '../../imports/import-problems';

/**
 * Upserts rows by their code with one statement per batch. `xmax = 0` tells an insert from an
 * update; a row whose values did not change is not touched and counts as a duplicate.
 */
async function upsert(
  client: PoolClient,
  sql: string,
  params: unknown[],
  batchSize: number,
): Promise<ImportResult> {
  const r = await client.query<{ inserted: boolean }>(sql, params);
  const imported = r.rows.filter((x) => x.inserted).length;
  const updated = r.rows.length - imported;
  return { imported, updated, duplicates: batchSize - r.rows.length };
}

async function codeMap(
  client: PoolClient,
  table: string,
  codeColumn: string,
): Promise<Map<string, number>> {
  const r = await client.query<{ id: number; code: string }>(
    `SELECT id, ${codeColumn} AS code FROM ${table}`,
  );
  return new Map(r.rows.map((x) => [x.code, x.id]));
}

// ---------------------------------------------------------------- sites

interface SiteRow {
  code: string;
  name: string;
  timeZone: string;
  holidays: string[];
}

export class SitesImport implements ImportHandler<SiteRow> {
  readonly kind = 'sites' as const;
  readonly batchSize = 500;
  readonly keyField = 'site_code';
  readonly columns = [
    { name: 'site_code', required: true },
    { name: 'name', required: true },
    { name: 'time_zone', required: true },
    { name: 'holidays', required: false },
  ];

  async begin(): Promise<void> {
    return;
  }

  parse(v: Record<string, string>, p: RowProblems): SiteRow | null {
    const code = required(v, 'site_code', p, f.code);
    const name = required(v, 'name', p, f.text);
    const timeZone = required(v, 'time_zone', p, f.timeZone);
    const holidays = optional(v, 'holidays', p, f.dateList);
    if (p.any || !code || !name || !timeZone || holidays === undefined) {
      return null;
    }
    return { code, name, timeZone, holidays: holidays ?? [] };
  }

  key(row: SiteRow): string {
    return row.code;
  }

  writeBatch(client: PoolClient, rows: SiteRow[]): Promise<ImportResult> {
    return upsert(
      client,
      `INSERT INTO site (site_code, name, time_zone, holidays)
       SELECT c, n, z, ARRAY(SELECT jsonb_array_elements_text(h))::date[]
       FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[]) AS t(c, n, z, h)
       ON CONFLICT (site_code) DO UPDATE SET name = EXCLUDED.name, time_zone = EXCLUDED.time_zone,
         holidays = EXCLUDED.holidays, updated_at = now()
       WHERE (site.name, site.time_zone, site.holidays) IS DISTINCT FROM
             (EXCLUDED.name, EXCLUDED.time_zone, EXCLUDED.holidays)
       RETURNING (xmax = 0) AS inserted`,
      [
        rows.map((r) => r.code),
        rows.map((r) => r.name),
        rows.map((r) => r.timeZone),
        rows.map((r) => JSON.stringify(r.holidays)),
      ],
      rows.length,
    );
  }
}

// ---------------------------------------------------------------- teams

interface TeamRow {
  code: string;
  name: string;
  siteId: number;
  managerEmail: string | null;
}

export class TeamsImport implements ImportHandler<TeamRow> {
  readonly kind = 'teams' as const;
  readonly batchSize = 500;
  readonly keyField = 'team_code';
  readonly columns = [
    { name: 'team_code', required: true },
    { name: 'name', required: true },
    { name: 'site_code', required: true },
    { name: 'manager_email', required: false },
  ];
  private sites = new Map<string, number>();

  async begin(client: PoolClient): Promise<void> {
    this.sites = await codeMap(client, 'site', 'site_code');
  }

  parse(v: Record<string, string>, p: RowProblems): TeamRow | null {
    const code = required(v, 'team_code', p, f.code);
    const name = required(v, 'name', p, f.text);
    const siteCode = required(v, 'site_code', p, f.code);
    const managerEmail = optional(v, 'manager_email', p, f.email);
    const siteId = siteCode ? this.sites.get(siteCode) : undefined;
    if (siteCode && siteId === undefined) {
      p.add('site_code', `site_code "${siteCode}" is not a known site (import sites first)`);
    }
    if (p.any || !code || !name || siteId === undefined || managerEmail === undefined) {
      return null;
    }
    return { code, name, siteId, managerEmail };
  }

  key(row: TeamRow): string {
    return row.code;
  }

  writeBatch(client: PoolClient, rows: TeamRow[]): Promise<ImportResult> {
    return upsert(
      client,
      `INSERT INTO team (team_code, name, site_id, manager_email)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[])
       ON CONFLICT (team_code) DO UPDATE SET name = EXCLUDED.name, site_id = EXCLUDED.site_id,
         manager_email = EXCLUDED.manager_email, updated_at = now()
       WHERE (team.name, team.site_id, team.manager_email) IS DISTINCT FROM
             (EXCLUDED.name, EXCLUDED.site_id, EXCLUDED.manager_email)
       RETURNING (xmax = 0) AS inserted`,
      [
        rows.map((r) => r.code),
        rows.map((r) => r.name),
        rows.map((r) => r.siteId),
        rows.map((r) => r.managerEmail),
      ],
      rows.length,
    );
  }
}

// ---------------------------------------------------------------- campaigns

interface CampaignRow {
  code: string;
  name: string;
  kind: CampaignKind;
  client: string | null;
  siteId: number | null;
}

export class CampaignsImport implements ImportHandler<CampaignRow> {
  readonly kind = 'campaigns' as const;
  readonly batchSize = 500;
  readonly keyField = 'campaign_code';
  readonly columns = [
    { name: 'campaign_code', required: true },
    { name: 'name', required: true },
    { name: 'kind', required: true },
    { name: 'client', required: false },
    { name: 'site_code', required: false },
  ];
  private sites = new Map<string, number>();

  async begin(client: PoolClient): Promise<void> {
    this.sites = await codeMap(client, 'site', 'site_code');
  }

  parse(v: Record<string, string>, p: RowProblems): CampaignRow | null {
    const code = required(v, 'campaign_code', p, f.code);
    const name = required(v, 'name', p, f.text);
    const kind = required(v, 'kind', p, f.oneOf(CAMPAIGN_KINDS));
    const client = optional(v, 'client', p, f.text);
    const siteCode = optional(v, 'site_code', p, f.code);
    let siteId: number | null = null;
    if (siteCode) {
      siteId = this.sites.get(siteCode) ?? null;
      if (siteId === null) {
        p.add('site_code', `site_code "${siteCode}" is not a known site (import sites first)`);
      }
    }
    if (p.any || !code || !name || !kind || client === undefined) {
      return null;
    }
    return { code, name, kind, client, siteId };
  }

  key(row: CampaignRow): string {
    return row.code;
  }

  writeBatch(client: PoolClient, rows: CampaignRow[]): Promise<ImportResult> {
    return upsert(
      client,
      `INSERT INTO campaign (campaign_code, name, kind, client, site_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[])
       ON CONFLICT (campaign_code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
         client = EXCLUDED.client, site_id = EXCLUDED.site_id, updated_at = now()
       WHERE (campaign.name, campaign.kind, campaign.client, campaign.site_id) IS DISTINCT FROM
             (EXCLUDED.name, EXCLUDED.kind, EXCLUDED.client, EXCLUDED.site_id)
       RETURNING (xmax = 0) AS inserted`,
      [
        rows.map((r) => r.code),
        rows.map((r) => r.name),
        rows.map((r) => r.kind),
        rows.map((r) => r.client),
        rows.map((r) => r.siteId),
      ],
      rows.length,
    );
  }
}

// ---------------------------------------------------------------- agents

interface AgentRow {
  code: string;
  fullName: string;
  email: string;
  teamId: number;
  title: string;
  workMode: WorkMode;
  hireDate: string;
  terminationDate: string | null;
  terminationType: TerminationType | null;
  terminationReason: string | null;
  hourlyRateCents: number;
  contractHours: number;
}

export class AgentsImport implements ImportHandler<AgentRow> {
  readonly kind = 'agents' as const;
  readonly batchSize = 1000;
  readonly keyField = 'employee_code';
  readonly columns = [
    { name: 'employee_code', required: true },
    { name: 'full_name', required: true },
    { name: 'email', required: true },
    { name: 'team_code', required: true },
    { name: 'title', required: true },
    { name: 'work_mode', required: true },
    { name: 'hire_date', required: true },
    { name: 'termination_date', required: false },
    { name: 'termination_type', required: false },
    { name: 'termination_reason', required: false },
    { name: 'hourly_rate', required: true },
    { name: 'contract_hours', required: false },
  ];
  private teams = new Map<string, number>();
  /** email (lower case) → employee code, from the database and from earlier rows of the file. */
  private emails = new Map<string, { code: string; line: number | null }>();

  async begin(client: PoolClient): Promise<void> {
    this.teams = await codeMap(client, 'team', 'team_code');
    const r = await client.query<{ email: string; code: string }>(
      `SELECT lower(email) AS email, employee_code AS code FROM agent`,
    );
    this.emails = new Map(r.rows.map((x) => [x.email, { code: x.code, line: null }]));
  }

  parse(v: Record<string, string>, p: RowProblems): AgentRow | null {
    const code = required(v, 'employee_code', p, f.code);
    const fullName = required(v, 'full_name', p, f.text);
    const email = required(v, 'email', p, f.email);
    const teamCode = required(v, 'team_code', p, f.code);
    const title = required(v, 'title', p, f.text);
    const workMode = required(v, 'work_mode', p, f.oneOf(WORK_MODES));
    const hireDate = required(v, 'hire_date', p, f.localDate);
    const terminationDate = optional(v, 'termination_date', p, f.localDate);
    const terminationType = optional(v, 'termination_type', p, f.oneOf(TERMINATION_TYPES));
    // Free text as HR systems export it (commas, quotes, line breaks, long notes).
    const terminationReason = optional(v, 'termination_reason', p, (x) => f.text(x, 2000));
    const hourlyRateCents = required(v, 'hourly_rate', p, f.dollarsToCents);
    const contractHours = optional(v, 'contract_hours', p, f.decimal(1, 80));
    const teamId = teamCode ? this.teams.get(teamCode) : undefined;
    if (teamCode && teamId === undefined) {
      p.add('team_code', `team_code "${teamCode}" is not a known team (import teams first)`);
    }
    if (hireDate && terminationDate && terminationDate < hireDate) {
      p.add(
        'termination_date',
        `termination_date ${terminationDate} is before hire_date ${hireDate}`,
      );
    }
    if (terminationType && !terminationDate) {
      p.add('termination_type', 'termination_type is given without a termination_date');
    }
    // A reason on a row without a termination date is kept as written: HR exports fill the
    // column for everyone ("N/A - still employed"), and turnover reads reasons of separations only.
    if (email && code) {
      const other = this.emails.get(email.toLowerCase());
      if (other && other.code !== code) {
        p.add(
          'email',
          other.line === null
            ? `email ${email} already belongs to agent ${other.code}`
            : `email ${email} is also used on line ${other.line}`,
        );
      } else if (!other) {
        this.emails.set(email.toLowerCase(), { code, line: p.line });
      }
    }
    if (
      p.any ||
      !code ||
      !fullName ||
      !email ||
      teamId === undefined ||
      !title ||
      !workMode ||
      !hireDate ||
      terminationDate === undefined ||
      terminationType === undefined ||
      terminationReason === undefined ||
      hourlyRateCents === undefined ||
      contractHours === undefined
    ) {
      return null;
    }
    return {
      code,
      fullName,
      email,
      teamId,
      title,
      workMode,
      hireDate,
      terminationDate,
      terminationType,
      terminationReason,
      hourlyRateCents,
      contractHours: contractHours ?? 40,
    };
  }

  key(row: AgentRow): string {
    return row.code;
  }

  writeBatch(client: PoolClient, rows: AgentRow[]): Promise<ImportResult> {
    return upsert(
      client,
      `INSERT INTO agent (employee_code, full_name, email, team_id, title, work_mode, hire_date,
         termination_date, termination_type, termination_reason, hourly_rate_cents, contract_hours)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[],
         $7::date[], $8::date[], $9::text[], $10::text[], $11::int[], $12::float8[])
       ON CONFLICT (employee_code) DO UPDATE SET full_name = EXCLUDED.full_name,
         email = EXCLUDED.email, team_id = EXCLUDED.team_id, title = EXCLUDED.title,
         work_mode = EXCLUDED.work_mode, hire_date = EXCLUDED.hire_date,
         termination_date = EXCLUDED.termination_date, termination_type = EXCLUDED.termination_type,
         termination_reason = EXCLUDED.termination_reason,
         hourly_rate_cents = EXCLUDED.hourly_rate_cents, contract_hours = EXCLUDED.contract_hours,
         updated_at = now()
       WHERE (agent.full_name, agent.email, agent.team_id, agent.title, agent.work_mode,
              agent.hire_date, agent.termination_date, agent.termination_type,
              agent.termination_reason, agent.hourly_rate_cents, agent.contract_hours)
         IS DISTINCT FROM
             (EXCLUDED.full_name, EXCLUDED.email, EXCLUDED.team_id, EXCLUDED.title,
              EXCLUDED.work_mode, EXCLUDED.hire_date, EXCLUDED.termination_date,
              EXCLUDED.termination_type, EXCLUDED.termination_reason,
              EXCLUDED.hourly_rate_cents, EXCLUDED.contract_hours)
       RETURNING (xmax = 0) AS inserted`,
      [
        rows.map((r) => r.code),
        rows.map((r) => r.fullName),
        rows.map((r) => r.email),
        rows.map((r) => r.teamId),
        rows.map((r) => r.title),
        rows.map((r) => r.workMode),
        rows.map((r) => r.hireDate),
        rows.map((r) => r.terminationDate),
        rows.map((r) => r.terminationType),
        rows.map((r) => r.terminationReason),
        rows.map((r) => r.hourlyRateCents),
        rows.map((r) => r.contractHours),
      ],
      rows.length,
    );
  }
}
